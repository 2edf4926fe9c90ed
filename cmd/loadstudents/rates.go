package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// helloEnv, when set, makes the program fiber's hello-world on that address.
const helloEnv = "LOADSTUDENTS_HELLO"

// serveHello is fiber's hello-world, the ceiling the server's figures are
// compared with.
func serveHello(addr string) {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	app.Get("/", func(c *fiber.Ctx) error { return c.SendString("Hello, World!") })
	if err := app.Listen(addr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// startHello runs hello-world in a process of its own, so that it does not
// share this one's CPU accounting or memory, on a free port of the
// loopback, pinned to cpus unless that is empty.
func startHello(cpus []int) (*exec.Cmd, string, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, "", err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, "", err
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(self)
	cmd.Env = append(os.Environ(), helloEnv+"="+addr)
	cmd.Stderr = os.Stderr
	if len(cpus) > 0 {
		err = startPinned(cmd, cpus)
	} else {
		err = cmd.Start()
	}
	if err != nil {
		return nil, "", fmt.Errorf("start hello-world: %w", err)
	}
	for range 100 {
		if res, err := http.Get("http://" + addr + "/"); err == nil {
			res.Body.Close()
			return cmd, "http://" + addr, nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	return nil, "", fmt.Errorf("hello-world did not start on %s", addr)
}

// printCPUs says which CPUs each process may run on, and warns when the
// harness shares one with what it measures: its own work would then be
// taken from the server's, more on a big page than on hello-world's.
func printCPUs(serverPID, helloPID int) {
	self, _, err := processCPUs(0)
	line := "CPUs: harness " + describeCPUs(0)
	if serverPID > 0 {
		line += ", server " + describeCPUs(serverPID)
	}
	if helloPID > 0 {
		line += ", hello-world " + describeCPUs(helloPID)
	}
	fmt.Println(line)
	if err != nil {
		return
	}
	for _, pid := range []int{serverPID, helloPID} {
		if pid <= 0 {
			continue
		}
		if other, _, err := processCPUs(pid); err == nil {
			if both := shareCPUs(self, other); len(both) > 0 {
				fmt.Printf("  note: the harness shares CPU %s with process %d, which it measures\n", formatCPUList(both), pid)
			}
		}
	}
}

// runRates measures requests per second of each request type with
// --conns connections for --duration each, hello-world first, --repeat
// times, and prints the range of each figure and of its ratio to hello.
func runRates(o options) error {
	hello, helloURL, err := startHello(o.serverCPUs)
	if err != nil {
		return err
	}
	defer func() {
		hello.Process.Kill()
		hello.Wait()
	}()
	printCPUs(o.pid, hello.Process.Pid)
	// One student per connection, each with an open attempt.
	rec := newRecorder()
	acks := newAcks()
	setupStart := time.Now()
	browsers := make([]*browser, o.conns)
	var qs []question
	var setupErr error
	var mu sync.Mutex
	var wg sync.WaitGroup
	slots := make(chan struct{}, 32)
	for i := range browsers {
		wg.Add(1)
		slots <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-slots }()
			b := newBrowser(o.base, rec)
			got, err := b.start(o.slug, fmt.Sprintf("Rate %d", i+1))
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				setupErr = err
				return
			}
			browsers[i], qs = b, got
		}()
	}
	wg.Wait()
	if setupErr != nil {
		return fmt.Errorf("starting %d attempts: %w", o.conns, setupErr)
	}
	fmt.Printf("%d students started in %.1f s; quiz %s, %d questions\n", o.conns, time.Since(setupStart).Seconds(), o.slug, len(qs))

	rates := map[string][]float64{}
	ratios := map[string][]float64{}
	cpus := map[string][]float64{} // server CPU time per request, microseconds
	for rep := range o.repeat {
		fmt.Printf("== run %d of %d: %d connections, %v per request type (load average %s)\n", rep+1, o.repeat, o.conns, o.duration, loadAverage())
		rec := newRecorder()
		helloRate := 0.0
		for _, kind := range o.types {
			var rss *rssWatch
			if o.pid > 0 && kind != "hello" {
				rss = watchRSS(o.pid)
			}
			pid := o.pid
			if kind == "hello" {
				pid = hello.Process.Pid
			}
			cpuBefore, ownBefore := cpuTime(pid), cpuTime(os.Getpid())
			n, elapsed := hammer(o, kind, helloURL, browsers, qs, rec, acks)
			rate := float64(n) / elapsed.Seconds()
			rates[kind] = append(rates[kind], rate)
			extra := ""
			if pid > 0 && n > 0 {
				used := cpuTime(pid) - cpuBefore
				perReq := float64(used) / float64(time.Microsecond) / float64(n)
				cpus[kind] = append(cpus[kind], perReq)
				extra = fmt.Sprintf("  server CPU %.0f us/req (%.0f%% of a CPU)", perReq, 100*used.Seconds()/elapsed.Seconds())
			}
			if n > 0 {
				// the harness's own cost: when it uses a whole CPU, the
				// figure is the harness's limit, not the server's
				used := cpuTime(os.Getpid()) - ownBefore
				extra += fmt.Sprintf("  harness CPU %.0f us/req (%.0f%% of a CPU)",
					float64(used)/float64(time.Microsecond)/float64(n), 100*used.Seconds()/elapsed.Seconds())
			}
			if kind == "hello" {
				helloRate = rate
				extra += fmt.Sprintf("  hello RSS %.0f MiB", float64(readRSS(hello.Process.Pid, "VmRSS"))/1024)
			} else if helloRate > 0 {
				ratios[kind] = append(ratios[kind], rate/helloRate)
				extra += fmt.Sprintf("  %.3fx hello", rate/helloRate)
			}
			if rss != nil {
				extra += fmt.Sprintf("  server RSS peak %.0f MiB", rss.Peak())
			}
			s := rec.summary(kind)
			fmt.Printf("%-8s %8.0f req/s  p50 %-9v p95 %-9v p99 %-9v errors %d%s\n", kind, rate, s.p50, s.p95, s.p99, s.errs, extra)
		}
		for k, e := range rec.sample {
			fmt.Printf("  first %s error: %s\n", k, e)
		}
		if rec.errors() > 0 {
			return fmt.Errorf("%d requests failed", rec.errors())
		}
	}
	if o.repeat > 1 {
		fmt.Printf("== range over %d runs\n", o.repeat)
		for _, kind := range o.types {
			line := fmt.Sprintf("%-8s %s req/s", kind, span(rates[kind], "%.0f"))
			if r := ratios[kind]; len(r) > 0 {
				line += "  " + span(r, "%.3f") + "x hello"
			}
			if c := cpus[kind]; len(c) > 0 {
				line += "  server CPU " + span(c, "%.0f") + " us/req"
			}
			fmt.Println(line)
		}
	}
	if o.dbPath != "" {
		return acks.check(o.dbPath)
	}
	return nil
}

func span(v []float64, format string) string {
	lo, hi := v[0], v[0]
	for _, x := range v {
		lo, hi = min(lo, x), max(hi, x)
	}
	return fmt.Sprintf(format+"–"+format, lo, hi)
}

// hammer sends requests of one type on every connection, back to back,
// for --duration, and returns how many were answered and in what time.
func hammer(o options, kind, helloURL string, browsers []*browser, qs []question, rec *recorder, acks *acks) (int, time.Duration) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	start := time.Now()
	deadline := start.Add(o.duration)
	for i, b := range browsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			hb := *b
			hb.base, hb.rec = helloURL, rec
			b.rec = rec
			n := 0
			for sent := 0; time.Now().Before(deadline); sent++ {
				var err error
				switch kind {
				case "hello":
					_, err = hb.do(kind, http.MethodGet, "/", nil, http.StatusOK)
				case "home":
					_, err = b.do(kind, http.MethodGet, "/", nil, http.StatusOK)
				case "intro":
					_, err = b.do(kind, http.MethodGet, "/quiz/"+o.slug, nil, http.StatusOK)
				case "attempt":
					_, err = b.do(kind, http.MethodGet, b.attempt, nil, http.StatusOK)
				case "answer":
					// each save changes the stored answer: a real, durable write
					q := qs[(sent+i)%len(qs)]
					given := q.fill(b.form, sent/len(qs)+i)
					form := cloneForm(b.form)
					form.Set("save", fmt.Sprint(q.id))
					if _, err = b.do(kind, http.MethodPost, b.attempt+"/answer", form, http.StatusSeeOther); err == nil {
						acks.add(b.attemptID(), q.id, given)
					}
				default:
					err = fmt.Errorf("unknown request type %q", kind)
					rec.fail(kind, err)
				}
				if err == nil {
					n++
				} else if strings.Contains(err.Error(), "unknown request type") {
					break
				}
			}
			mu.Lock()
			total += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total, time.Since(start)
}
