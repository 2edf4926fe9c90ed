package handlers

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes/generate"
)

// findBrowser returns Chromium's path, or skips the test (fails it when
// E2E_REQUIRED=1) when none is installed.
func findBrowser(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("E2E_REQUIRED") == "1" {
		t.Fatal("E2E_REQUIRED=1 but no Chromium is installed (apt-get install -y chromium)")
	}
	t.Skip("browser test skipped: no Chromium found (apt-get install -y chromium, or set E2E_REQUIRED=1 to make this a failure)")
	return ""
}

// serveForBrowser runs the real app with the sample quiz on a local port.
func serveForBrowser(t *testing.T) (*testApp, string) {
	t.Helper()
	ta := newTestApp(t)
	gen, _ := generate.New()
	if _, err := SeedSample(context.Background(), ta.store, gen); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ta.app = New(ta.store, slog.New(slog.NewTextHandler(io.Discard, nil)), gen, Config{})
	go ta.app.Listener(ln)
	t.Cleanup(func() { ta.app.ShutdownWithTimeout(5 * time.Second) })
	return ta, "http://" + ln.Addr().String()
}

// screenshotDir is where each step's picture goes: SCREENSHOT_DIR when set,
// else the test's temporary folder.
func screenshotDir(t *testing.T) string {
	if d := os.Getenv("SCREENSHOT_DIR"); d != "" {
		os.MkdirAll(d, 0o755)
		return d
	}
	return t.TempDir()
}

func newBrowser(t *testing.T, path string, width, height int, script bool) context.Context {
	t.Helper()
	// Chromium now and then exits before it opens its debugging port on a
	// busy machine ("chrome failed to start"); a fresh start then works.
	var err error
	for try := 0; try < 3; try++ {
		var ctx context.Context
		if ctx, err = startBrowser(t, path, width, height, script); err == nil {
			return ctx
		}
		time.Sleep(time.Duration(try+1) * 200 * time.Millisecond)
	}
	t.Fatalf("start browser: %v", err)
	return nil
}

func startBrowser(t *testing.T, path string, width, height int, script bool) (context.Context, error) {
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(width, height),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancelBrowser := chromedp.NewContext(actx)
	// The first call starts the browser; it must not run under a timeout.
	if _, err := chromedp.Call(bctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !script}); err != nil {
		cancelBrowser()
		cancelAlloc()
		return nil, err
	}
	tctx, cancel := context.WithTimeout(bctx, 90*time.Second)
	t.Cleanup(func() {
		cancel()
		cancelBrowser()
		cancelAlloc()
	})
	return tctx, nil
}

// shoot saves a full-page screenshot of the current step (quality 100 is PNG).
func shoot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserStudentTakesSampleQuiz takes the sample quiz in Chromium as a
// student: on a desktop with JavaScript, and on a phone-sized screen without.
func TestBrowserStudentTakesSampleQuiz(t *testing.T) {
	browser := findBrowser(t)
	for _, tc := range []struct {
		name          string
		width, height int
		script        bool
	}{
		{"desktop-js", 1280, 900, true},
		{"phone-nojs", 390, 844, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta, base := serveForBrowser(t)
			dir := screenshotDir(t)
			ctx := newBrowser(t, browser, tc.width, tc.height, tc.script)
			exactSize(t, ctx, tc.width, tc.height)
			step := func(n int, what string) { shoot(t, ctx, dir, fmt.Sprintf("%s-%d-%s", tc.name, n, what)) }

			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(".card")))
			step(1, "home")
			must(t, chromedp.Do(ctx, chromedp.Click(".card .button"), chromedp.WaitVisible("#display_name")))
			step(2, "quiz-intro")
			must(t, chromedp.Do(ctx,
				chromedp.SendKeys("#display_name", "Ada Lovelace"),
				chromedp.Click(".start-form button"),
				chromedp.WaitVisible("[data-question]"),
			))
			step(3, "attempt")

			inputs, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('[data-question]')).map(s =>
				s.querySelector('input[type=radio]') ? 'radio' : s.querySelector('input[type=checkbox]') ? 'checkbox' :
				s.querySelector('select') ? 'select' : s.querySelector('textarea') ? 'textarea' : 'text')`))
			must(t, err)
			if len(inputs) == 0 {
				t.Fatal("the attempt page has no questions")
			}
			for i, kind := range inputs {
				sel := "#q" + strconv.Itoa(i+1)
				var acts []chromedp.Action[chromedp.Void]
				switch kind {
				case "radio", "checkbox":
					acts = append(acts, chromedp.Click(sel+" .choice input"))
				case "select":
					acts = append(acts, chromedp.SetValue(sel+" select", ""))
				default:
					acts = append(acts, chromedp.SendKeys(sel+" input[type=text], "+sel+" textarea", "Ukraine"))
				}
				if kind != "radio" || !tc.script {
					acts = append(acts, chromedp.Click(sel+" button[name=save]"))
				}
				acts = append(acts, chromedp.WaitVisible(sel+".answered"))
				if err := chromedp.Do(ctx, acts...); err != nil {
					step(90+i, "failed")
					t.Fatalf("answering question %d (%s): %v", i+1, kind, err)
				}
			}
			step(4, "answered")
			progress, err := chromedp.Run(ctx, chromedp.Text("#progress"))
			must(t, err)
			left, err := chromedp.Run(ctx, chromedp.TextContent("[data-left]"))
			must(t, err)
			if left != "" {
				t.Errorf("with every question answered the finish form still says %q", left)
			}
			if want := fmt.Sprintf("%d of %d answered", len(inputs), len(inputs)); !strings.Contains(progress, want) {
				t.Errorf("progress reads %q, want %q", progress, want)
			}

			must(t, chromedp.Do(ctx, submit("[data-finish]"), chromedp.WaitVisible(".review-page")))
			step(5, "review")
			must(t, chromedp.Do(ctx, submit(".confirm button"), chromedp.WaitVisible(".score .big")))
			score, err := chromedp.Run(ctx, chromedp.Text(".score .big"))
			must(t, err)
			review, err := chromedp.Run(ctx, chromedp.Text(".review"))
			must(t, err)
			step(6, "result")
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			must(t, err)
			if wide {
				t.Errorf("the result page is wider than the %dpx window", tc.width)
			}
			if !strings.HasSuffix(strings.TrimSpace(score), "%") || !strings.Contains(review, "Your answer") {
				t.Errorf("result page: score %q, review without answers", score)
			}
			responses := 0
			attempts, err := ta.store.StudentAttempts(context.Background(), 1)
			if err == nil && len(attempts) == 1 {
				r, _ := ta.store.Responses(context.Background(), attempts[0].ID)
				responses = len(r)
			}
			if responses != len(inputs) {
				t.Errorf("the database holds %d responses, want %d", responses, len(inputs))
			}
			t.Logf("screenshots in %s", dir)
		})
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// submit clicks a button that sends a form and waits until the next page
// has replaced this one, so that later queries cannot find nodes of the
// page that is going away.
func submit(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`document.documentElement.dataset.leaving = "1", true`)(ctx, t)
			return err
		}),
		chromedp.Click(sel),
		chromedp.WaitNotPresent(`html[data-leaving]`),
		chromedp.WaitReady("body"),
	)
}
