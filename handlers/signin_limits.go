package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Failed sign-ins are limited per account and per address, 10 in 15
// minutes each. So that an attacker's failures cannot lock the teacher out,
// a browser that has signed in to the account before carries a signed
// cookie naming the account; it is held back only by its own failures.
// This is OWASP's "device cookie" defence against lockout.

// knownCookie marks a browser that has signed in to an account.
const knownCookie = "qt_known"

// knownLife is how long a browser stays known without signing in again.
const knownLife = 180 * 24 * time.Hour

func (h *Handler) knownMAC(uid int64, nonce string) string {
	m := hmac.New(sha256.New, h.csrfKey)
	m.Write([]byte("known-browser:" + strconv.FormatInt(uid, 10) + ":" + nonce))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// knownBrowser returns the browser's id when it has signed in to account
// uid before, "" otherwise.
func (h *Handler) knownBrowser(c *fiber.Ctx, uid int64) string {
	parts := strings.Split(c.Cookies(h.cookieName(knownCookie)), ".")
	if len(parts) != 3 || parts[0] != strconv.FormatInt(uid, 10) {
		return ""
	}
	if !hmac.Equal([]byte(parts[2]), []byte(h.knownMAC(uid, parts[1]))) {
		return ""
	}
	return parts[1]
}

// rememberBrowser marks the browser as known to account uid.
func (h *Handler) rememberBrowser(c *fiber.Ctx, uid int64) {
	nonce := h.knownBrowser(c, uid)
	if nonce == "" {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return
		}
		nonce = base64.RawURLEncoding.EncodeToString(b)
	}
	h.setCookie(c, knownCookie, strconv.FormatInt(uid, 10)+"."+nonce+"."+h.knownMAC(uid, nonce), knownLife)
}

// signInKeys are the failure counters a sign-in is checked against and
// counts into: the browser's own when it is known to the account, else the
// account's and the address's.
func (h *Handler) signInKeys(c *fiber.Ctx, username string, uid int64) []string {
	if uid != 0 {
		if browser := h.knownBrowser(c, uid); browser != "" {
			return []string{"browser:" + browser}
		}
	}
	return []string{"u:" + strings.ToLower(username), "ip:" + h.clientIP(c)}
}
