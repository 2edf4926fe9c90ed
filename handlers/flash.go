package handlers

import "github.com/gofiber/fiber/v2"

const sessionFlash = "flash"

// setFlash keeps a one-line message in the session for the next page,
// where takeFlash shows it once.
func (h *Handler) setFlash(c *fiber.Ctx, msg string) error {
	sess, err := h.sessions.Get(c)
	if err != nil {
		return err
	}
	sess.Set(sessionFlash, msg)
	return sess.Save()
}

// takeFlash returns the message setFlash left, and forgets it.
func (h *Handler) takeFlash(c *fiber.Ctx) string {
	if c.Cookies(h.cookieName(sessionCookie)) == "" {
		return ""
	}
	sess, err := h.sessions.Get(c)
	if err != nil {
		return ""
	}
	msg, _ := sess.Get(sessionFlash).(string)
	if msg != "" {
		sess.Delete(sessionFlash)
		if err := sess.Save(); err != nil {
			h.log.Warn("cannot clear a message from the session", "err", err)
		}
	}
	return msg
}
