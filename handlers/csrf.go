package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// CSRF tokens are derived, not stored: a token is an HMAC, under a key kept
// in the database, of who is asking: the signed-in teacher's session, else
// the student's identity, else a random visitor id in a cookie. Nothing is
// written for a visitor who only reads pages; a new session at sign-in or
// sign-out gives new tokens, so a token taken before either is dead; and a
// cookie planted by someone else does not match the victim's session.
//
// As a second layer, a state-changing request a browser marks as coming
// from another site (Sec-Fetch-Site, or an Origin that is not this host)
// is refused whatever its token.

// csrfSecretName is the database key of the HMAC key.
const csrfSecretName = "secret:csrf"

// visitorCookie holds the random id that anonymous visitors' tokens are
// bound to until they sign in or start a quiz.
const visitorCookie = "qt_csrf"

const csrfMessage = "This form has expired or did not come from this site. Go back, reload the page and try again."

// cookieName is a cookie's name: over HTTPS with the __Host- prefix, which
// browsers accept only from this host, Secure and for the whole site, so
// that a sibling subdomain cannot plant it.
func (h *Handler) cookieName(base string) string {
	if h.cfg.SecureCookies {
		return "__Host-" + base
	}
	return base
}

// csrfBinding is what the request's tokens are bound to, "" when it has
// nothing yet.
func (h *Handler) csrfBinding(c *fiber.Ctx) string {
	var parts []string
	if sid, _ := c.Locals(sessionIDKey).(string); sid != "" && currentTeacher(c) != nil {
		parts = append(parts, "session:"+sid)
	}
	if tok := studentToken(c); tok != "" {
		parts = append(parts, "student:"+tok)
	}
	if len(parts) == 0 {
		if v := c.Cookies(h.cookieName(visitorCookie)); validVisitorID(v) {
			parts = append(parts, "visitor:"+v)
		}
	}
	return strings.Join(parts, "|")
}

func validVisitorID(v string) bool {
	if len(v) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(v)
	return err == nil
}

func (h *Handler) csrfToken(binding string) string {
	if t, ok := h.csrfTokens.get(binding); ok {
		return t
	}
	m := hmac.New(sha256.New, h.csrfKey)
	m.Write([]byte(binding))
	t := base64.RawURLEncoding.EncodeToString(m.Sum(nil))
	h.csrfTokens.keep(binding, t)
	return t
}

// maxCSRFTokens bounds the tokens kept (about 200 bytes each); past it, one
// kept token is dropped for each new.
const maxCSRFTokens = 10000

// csrfTokens keeps the tokens made, by binding: every page a student
// opens carries one, and the key does not change while the server runs,
// so each student's token is made once, not with an HMAC on every page.
type csrfTokens struct {
	mu sync.Mutex
	m  map[string]string
}

func (k *csrfTokens) get(binding string) (string, bool) {
	k.mu.Lock()
	t, ok := k.m[binding]
	k.mu.Unlock()
	return t, ok
}

func (k *csrfTokens) keep(binding, token string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil {
		k.m = map[string]string{}
	}
	if len(k.m) >= maxCSRFTokens {
		for b := range k.m { // any one: map order is random
			delete(k.m, b)
			break
		}
	}
	k.m[binding] = token
}

// token returns the CSRF token for the forms of the page being rendered,
// giving a new visitor their visitor cookie (a cookie, no database write).
func token(c *fiber.Ctx) string {
	h, _ := c.Locals(handlerKey).(*Handler)
	if h == nil {
		return ""
	}
	b := h.csrfBinding(c)
	if b == "" {
		id := make([]byte, 32)
		if _, err := rand.Read(id); err != nil {
			return ""
		}
		v := base64.RawURLEncoding.EncodeToString(id)
		h.setCookie(c, visitorCookie, v, 0)
		c.Request().Header.SetCookie(h.cookieName(visitorCookie), v)
		b = "visitor:" + v
	}
	return h.csrfToken(b)
}

// setCookie sets one of the app's cookies; a zero lifetime lasts the
// browser session, a negative one removes it.
func (h *Handler) setCookie(c *fiber.Ctx, base, value string, life time.Duration) {
	ck := &fiber.Cookie{
		Name: h.cookieName(base), Value: value, Path: "/",
		HTTPOnly: true, Secure: h.cfg.SecureCookies, SameSite: "Lax",
	}
	switch {
	case life > 0:
		ck.Expires = time.Now().Add(life)
	case life < 0:
		ck.Value, ck.Expires, ck.MaxAge = "", time.Unix(0, 0), -1
	}
	c.Cookie(ck)
}

// forgetVisitor drops the visitor id, so that the tokens bound to it die:
// at sign-in and sign-out.
func (h *Handler) forgetVisitor(c *fiber.Ctx) {
	if c.Cookies(h.cookieName(visitorCookie)) != "" {
		h.setCookie(c, visitorCookie, "", -1)
	}
}

// checkCSRF refuses a state-changing request that comes from another site
// or lacks the token of whoever is asking.
func (h *Handler) checkCSRF(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions, fiber.MethodTrace:
		return c.Next()
	}
	if bare(c) {
		return c.Next()
	}
	if !h.sameOrigin(c) {
		h.log.Warn("cross-site request refused", "method", c.Method(), "path", c.Path(),
			"origin", c.Get(fiber.HeaderOrigin), "sec_fetch_site", c.Get("Sec-Fetch-Site"))
		return fiber.NewError(fiber.StatusForbidden, csrfMessage)
	}
	b := h.csrfBinding(c)
	sent := c.FormValue("_csrf")
	if sent == "" {
		sent = c.Get("X-CSRF-Token")
	}
	if b == "" || sent == "" || !hmac.Equal([]byte(sent), []byte(h.csrfToken(b))) {
		return fiber.NewError(fiber.StatusForbidden, csrfMessage)
	}
	return c.Next()
}

// sameOrigin reports whether the browser says the request comes from this
// site. Requests without either header (older browsers, scripts) pass on
// to the token check.
func (h *Handler) sameOrigin(c *fiber.Ctx) bool {
	switch c.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	origin := c.Get(fiber.HeaderOrigin)
	if origin == "" {
		return true
	}
	u, err := url.Parse(origin)
	if err != nil || u.Host == "" {
		return false // "null", from a sandboxed frame or a data: page
	}
	host := strings.ToLower(u.Host)
	return host == strings.ToLower(string(c.Request().Host())) || host == strings.ToLower(c.Hostname())
}
