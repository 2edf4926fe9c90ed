package handlers

import (
	"io"
	"net"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/helmet"
	"github.com/valyala/fasthttp"
)

// TestSecurityHeadersAreHelmets: the headers are the ones fiber's helmet
// middleware set with the site's configuration, byte for byte and in the
// same order, over HTTP and over HTTPS behind a trusted proxy, with HSTS
// on and off.
func TestSecurityHeadersAreHelmets(t *testing.T) {
	t.Parallel()
	headersAfter := func(mw fiber.Handler) *fiber.App {
		app := fiber.New(fiber.Config{EnableTrustedProxyCheck: true, TrustedProxies: []string{"0.0.0.0"}})
		app.Use(mw)
		app.Get("/", func(c *fiber.Ctx) error {
			return c.SendString(string(c.Response().Header.Header()))
		})
		return app
	}
	for _, hsts := range []bool{false, true} {
		maxAge := 0
		if hsts {
			maxAge = 365 * 24 * 3600
		}
		want := headersAfter(helmet.New(helmet.Config{
			ContentSecurityPolicy:     contentSecurityPolicy,
			XFrameOptions:             "DENY",
			ReferrerPolicy:            "same-origin",
			CrossOriginEmbedderPolicy: "unsafe-none",
			CrossOriginResourcePolicy: "same-origin",
			CrossOriginOpenerPolicy:   "same-origin",
			HSTSMaxAge:                maxAge,
		}))
		got := headersAfter(setSecurityHeaders(hsts))
		for _, proto := range []string{"", "https"} {
			read := func(app *fiber.App) string {
				req := httptest.NewRequest("GET", "/", nil)
				if proto != "" {
					req.Header.Set("X-Forwarded-Proto", proto)
				}
				res, err := app.Test(req, -1)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				b, _ := io.ReadAll(res.Body)
				// the date line is the clock's, not the middleware's
				var keep []string
				for _, line := range strings.Split(string(b), "\r\n") {
					if !strings.HasPrefix(line, "Date: ") {
						keep = append(keep, line)
					}
				}
				return strings.Join(keep, "\r\n")
			}
			w, g := read(want), read(got)
			if g != w {
				t.Errorf("HSTS %v, X-Forwarded-Proto %q: headers\n%s\nwant helmet's\n%s", hsts, proto, g, w)
			}
			if strings.Contains(w, "Strict-Transport-Security") != (hsts && proto == "https") {
				t.Errorf("HSTS %v, X-Forwarded-Proto %q: helmet's headers %q, want HSTS only over HTTPS when on", hsts, proto, w)
			}
			if !strings.Contains(w, "Content-Security-Policy: default-src 'self'") {
				t.Errorf("helmet's headers %q hold no Content-Security-Policy", w)
			}
		}
	}
}

// BenchmarkSecurityHeaders is the headers' cost a request, helmet's and
// setSecurityHeaders', on fiber's request handling without a network.
func BenchmarkSecurityHeaders(b *testing.B) {
	for _, tc := range []struct {
		name string
		mw   fiber.Handler
	}{
		{"helmet", helmet.New(helmet.Config{ContentSecurityPolicy: contentSecurityPolicy, XFrameOptions: "DENY",
			ReferrerPolicy: "same-origin", CrossOriginEmbedderPolicy: "unsafe-none"})},
		{"fixed", setSecurityHeaders(false)},
	} {
		b.Run(tc.name, func(b *testing.B) {
			app := fiber.New(fiber.Config{EnableTrustedProxyCheck: true})
			app.Use(tc.mw)
			app.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
			handler := app.Handler()
			var req fasthttp.Request
			req.SetRequestURI("/")
			var ctx fasthttp.RequestCtx
			ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 40000}, nil)
			b.ReportAllocs()
			for b.Loop() {
				ctx.Response.Reset()
				handler(&ctx)
			}
		})
	}
}
