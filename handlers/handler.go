// Package handlers is quiztrainer's web app: the fiber routes, middleware and
// one file per area of pages.
package handlers

import (
	"context"
	"crypto/rand"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/gofiber/fiber/v2/middleware/session"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// Generator writes questions on an article (quizzes/generate): the n that
// make a teacher's quiz and every candidate, best first, from one reading.
type Generator interface {
	DraftAndPool(text string, n int) (draft, all []quizzes.Question)
}

// Config is what the web app needs to know of its deployment.
type Config struct {
	// SecureCookies marks cookies Secure; set it when served over HTTPS.
	SecureCookies bool
	// UploadLimit caps an uploaded question set or article; larger ones are
	// refused with a message. Request bodies are cut off at twice this.
	UploadLimit int
	// BaseURL is the site's public address, which invitation and reset
	// links start with; empty: the address the request came to.
	BaseURL string
	// SetupToken opens /setup?token=... while no teacher account exists.
	SetupToken string
	// Clock tells the time for time limits; time.Now when nil.
	Clock func() time.Time
	// TrustedProxies are the addresses (or CIDR ranges) of reverse proxies
	// whose X-Forwarded-For gives the client's address, which rate limits
	// key on. Empty: the connection's address is the client's.
	TrustedProxies []string
}

// Handler holds what every route needs; the routes are its methods.
type Handler struct {
	store    *db.Store
	log      *slog.Logger
	gen      Generator
	cfg      Config
	sessions *session.Store
	logins   *limiter
	joins    *limiter // wrong class codes per client address
	// wrong sign-in codes per student, address and class
	codeSignins codeSignins
	proxies     proxySet
	csrfKey     []byte // the HMAC key of CSRF tokens
	csrfTokens  csrfTokens
	// setupToken opens the first-run page while no teacher account exists.
	setupToken string
	setupMu    sync.Mutex
	// the last write probe of /healthz
	healthMu  sync.Mutex
	healthAt  time.Time
	healthErr error
}

// New builds the fiber app with every route and middleware.
func New(store *db.Store, log *slog.Logger, gen Generator, cfg Config) *fiber.App {
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.UploadLimit == 0 {
		cfg.UploadLimit = 4 << 20
	}
	h := &Handler{store: store, log: log, gen: gen, cfg: cfg, setupToken: cfg.SetupToken,
		logins: newLimiter(10, 15*time.Minute), joins: newJoinLimiter(), codeSignins: newCodeSignins()}
	proxies, err := parseProxies(cfg.TrustedProxies)
	if err != nil {
		// main checks the list before this; keep only what reads.
		log.Error("ignoring the trusted proxies", "err", err)
	}
	h.proxies = proxies
	if h.csrfKey, err = store.Secret(context.Background(), csrfSecretName); err != nil {
		// Tokens then last until the server restarts; the start-up
		// checks say why the database cannot be written.
		log.Error("cannot keep the form key in the database", "err", err)
		h.csrfKey = make([]byte, 32)
		rand.Read(h.csrfKey)
	}
	h.sessions = session.New(session.Config{
		Storage:        store.KV(),
		Expiration:     db.SessionLife,
		KeyLookup:      "cookie:" + h.cookieName(sessionCookie),
		CookiePath:     "/",
		CookieHTTPOnly: true,
		CookieSameSite: "Lax",
		CookieSecure:   cfg.SecureCookies,
	})
	app := fiber.New(fiber.Config{
		AppName:               "quiztrainer",
		ErrorHandler:          h.errorHandler,
		BodyLimit:             2 * cfg.UploadLimit,
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          30 * time.Second,
		IdleTimeout:           120 * time.Second,
		// A connection between requests gives back its read, write and
		// body buffers: a class or a school keeps thousands of browsers
		// connected, and each held its last page (2,000 students: 211 MiB
		// resident, 38 MB of it response bodies of idle connections).
		ReduceMemoryUsage: true,
		// A response's headers and an attempt page (14 KB for the sample
		// quiz) go out in one write: with fasthttp's 4 KB the page took
		// two system calls. The buffer is held only while a response is
		// written (ReduceMemoryUsage gives it back between requests).
		WriteBufferSize: 32 << 10,
		// X-Forwarded-Proto and -Host are believed only from a trusted
		// proxy (none when the list is empty); the client's address is
		// read by clientIP, not by fiber.
		EnableTrustedProxyCheck: true,
		TrustedProxies:          cfg.TrustedProxies,
	})
	app.Use(recover.New(recover.Config{EnableStackTrace: false}))
	app.Use(func(c *fiber.Ctx) error {
		c.Locals(handlerKey, h)
		return c.Next()
	})
	app.Use(h.accessLog)
	app.Use(setSecurityHeaders(cfg.SecureCookies))
	app.Use(h.loadStudent, h.loadTeacher, h.checkCSRF)
	h.routes(app)
	return app
}

// bare reports whether a request is for a static file or the health check,
// which need neither CSRF tokens nor to know who is asking.
func bare(c *fiber.Ctx) bool {
	p := c.Path()
	return strings.HasPrefix(p, "/static/") || p == "/healthz"
}

const (
	handlerKey    = "handler"
	sessionIDKey  = "session-id"
	sessionCookie = "qt_session"
)

// ctx is the request's context for store calls.
func ctx(c *fiber.Ctx) context.Context { return c.UserContext() }

// accessLog logs each request at debug level. When debug is off it does
// nothing else: the log call's arguments cost allocations on every request
// even when the record is dropped.
func (h *Handler) accessLog(c *fiber.Ctx) error {
	if !h.log.Enabled(context.Background(), slog.LevelDebug) {
		return c.Next()
	}
	start := time.Now()
	err := c.Next()
	status := c.Response().StatusCode()
	if err != nil {
		// The error handler has not run yet; log the status it will give.
		status = statusOf(err)
	}
	h.log.Debug("request", "method", c.Method(), "path", c.Path(), "status", status, "duration", time.Since(start))
	return err
}
