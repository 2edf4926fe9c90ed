package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"quiztrainer/db"
	"quiztrainer/handlers"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate"
)

// runServe serves the web app until SIGINT or SIGTERM, then lets requests
// in flight finish and closes the database.
func runServe(args []string, stderr io.Writer) int {
	var cfg Config
	fs := newFlagSet("serve", &cfg, stderr)
	fs.StringVar(&cfg.Addr, "addr", env("addr", ":8080"), "address to listen on (QUIZTRAINER_ADDR)")
	proxies := fs.String("trusted-proxy", env("trusted-proxy", ""), "comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For names the client (QUIZTRAINER_TRUSTED_PROXY)")
	fs.StringVar(&cfg.BaseURL, "base-url", env("base-url", ""), "public URL of the site, such as https://quiz.example.org; https makes cookies Secure (QUIZTRAINER_BASE_URL)")
	profiles := fs.String("pprof-addr", env("pprof-addr", ""), "loopback address to serve Go's runtime profiles on, for measuring (QUIZTRAINER_PPROF_ADDR); off when empty")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if cfg.Version {
		printVersion(os.Stdout)
		return 0
	}
	log := newLogger(cfg, stderr)
	trusted := splitList(*proxies)
	if err := handlers.CheckTrustedProxies(trusted); err != nil {
		fmt.Fprintln(stderr, "quiztrainer serve: --trusted-proxy:", err)
		return 2
	}
	if *profiles != "" {
		if err := serveProfiles(*profiles, log); err != nil {
			fmt.Fprintln(stderr, "quiztrainer serve: --pprof-addr:", err)
			return 2
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		log.Error("cannot open the database", "db", cfg.DB, "err", err)
		return 1
	}
	defer store.Close()
	if made, err := handlers.SeedSample(ctx, store, &lazyGenerator{log: log, load: generate.New}); err != nil {
		log.Warn("could not publish the sample quiz", "err", err)
	} else if made {
		log.Info("published the sample quiz on the bundled article")
	}
	setupToken, err := handlers.NewSetupToken(ctx, store)
	if err != nil {
		log.Error("cannot read the accounts", "err", err)
		return 1
	}
	app := handlers.New(store, log, &lazyGenerator{log: log, load: generate.ForTeachers}, handlers.Config{
		SecureCookies:  strings.HasPrefix(cfg.BaseURL, "https://"),
		SetupToken:     setupToken,
		BaseURL:        cfg.BaseURL,
		TrustedProxies: trusted,
	})

	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		log.Error("cannot listen", "addr", cfg.Addr, "err", err)
		return 1
	}
	site := listenURL(ln.Addr(), cfg.BaseURL)
	log.Info("quiztrainer is serving", "url", site, "db", cfg.DB, "version", version)
	if setupToken != "" {
		log.Warn("no teacher account yet: open this address once to make the first (admin) account, or run quiztrainer user add",
			"url", strings.TrimSuffix(site, "/")+"/setup?token="+setupToken)
	}
	go sweepOverdue(ctx, store, log, time.Minute, time.Now)
	served := make(chan error, 1)
	go func() { served <- app.Listener(ln) }()
	select {
	case err := <-served:
		if err != nil {
			log.Error("server stopped", "err", err)
			return 1
		}
	case <-ctx.Done():
		log.Info("shutting down")
		if err := app.ShutdownWithTimeout(10 * time.Second); err != nil && !errors.Is(err, context.DeadlineExceeded) {
			log.Error("shutdown", "err", err)
		}
	}
	return 0
}

// sweepOverdue hands in timed attempts whose time ran out, at start and
// then every interval until ctx ends, so that results count an attempt
// whose student closed the page as handed in at its deadline.
func sweepOverdue(ctx context.Context, store *db.Store, log *slog.Logger, every time.Duration, clock func() time.Time) {
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		if n, err := store.HandInOverdue(ctx, 0, clock()); err != nil && ctx.Err() == nil {
			log.Warn("could not hand in overdue attempts", "err", err)
		} else if n > 0 {
			log.Info("handed in attempts whose time ran out", "attempts", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

func listenURL(addr net.Addr, base string) string {
	if base != "" {
		return base
	}
	if tcp, ok := addr.(*net.TCPAddr); ok && tcp.IP.IsUnspecified() {
		return fmt.Sprintf("http://localhost:%d", tcp.Port)
	}
	return "http://" + addr.String()
}

// lazyGenerator loads the generator's language models the first time a
// question is asked for, so that a server whose sample quiz exists starts
// without that cost. The sample quiz is written by generate.New, teachers'
// drafts by generate.ForTeachers.
type lazyGenerator struct {
	log  *slog.Logger
	load func() (*generate.Generator, error)
	once sync.Once
	gen  *generate.Generator
}

func (l *lazyGenerator) generator() *generate.Generator {
	l.once.Do(func() {
		var err error
		if l.gen, err = l.load(); err != nil {
			l.log.Error("cannot load the question generator", "err", err)
		}
	})
	return l.gen
}

func (l *lazyGenerator) DraftAndPool(text string, n int) (draft, all []quizzes.Question) {
	if g := l.generator(); g != nil {
		return g.DraftAndPool(text, n)
	}
	return nil, nil
}

// splitList reads a comma-separated flag value.
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
