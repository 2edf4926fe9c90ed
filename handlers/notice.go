package handlers

import "github.com/gofiber/fiber/v2"

// redirectWith sends the browser to target with a one-line message for the
// page it lands on, kept in the session rather than the address, so that no
// link can put words on a teacher's page.
func (h *Handler) redirectWith(c *fiber.Ctx, target, msg string) error {
	if err := h.setFlash(c, msg); err != nil {
		return err
	}
	return c.Redirect(target, fiber.StatusSeeOther)
}
