package handlers

import (
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

// contentSecurityPolicy: scripts and styles come from this site only;
// imported questions' HTML is sanitised, and this stops what might slip
// through. Inline style attributes stay allowed for the results page's
// bars; images may be data: (Moodle XML's embedded files) or https.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: https:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders are the headers every response carries, in this order,
// as fiber's helmet middleware set them with the values the site chose
// (TestSecurityHeadersAreHelmets holds the two to the same bytes).
var securityHeaders = [][2]string{
	{"X-XSS-Protection", "0"},
	{"X-Content-Type-Options", "nosniff"},
	{"X-Frame-Options", "DENY"},
	{"Cross-Origin-Embedder-Policy", "unsafe-none"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
	{"Cross-Origin-Resource-Policy", "same-origin"},
	{"Origin-Agent-Cluster", "?1"},
	{"Referrer-Policy", "same-origin"},
	{"X-DNS-Prefetch-Control", "off"},
	{"X-Download-Options", "noopen"},
	{"X-Permitted-Cross-Domain-Policies", "none"},
}

// setSecurityHeaders returns the middleware that sets securityHeaders, and
// Strict-Transport-Security (a year, subdomains included) on a request
// that came over HTTPS when hsts. It does what helmet did with less work
// a request: the names are put in fasthttp's canonical form once, and
// the protocol, which formats the client's address for the trusted-proxy
// check, is asked only when HSTS is on.
func setSecurityHeaders(hsts bool) fiber.Handler {
	type header struct{ name, value []byte }
	var fixed []header
	var h fasthttp.ResponseHeader
	for _, kv := range securityHeaders {
		h.Set(kv[0], kv[1])
	}
	h.VisitAll(func(name, value []byte) {
		if string(name) != fiber.HeaderContentType { // fasthttp's default, not one of ours
			fixed = append(fixed, header{append([]byte(nil), name...), append([]byte(nil), value...)})
		}
	})
	cspName, csp := []byte(fiber.HeaderContentSecurityPolicy), []byte(contentSecurityPolicy)
	return func(c *fiber.Ctx) error {
		rh := &c.Response().Header
		for _, f := range fixed {
			rh.SetCanonical(f.name, f.value)
		}
		if hsts && c.Protocol() == "https" {
			rh.Set(fiber.HeaderStrictTransportSecurity, "max-age=31536000; includeSubDomains")
		}
		rh.SetCanonical(cspName, csp)
		return c.Next()
	}
}
