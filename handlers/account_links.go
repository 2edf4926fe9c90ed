package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// linkPage fills the page a one-time link opens; its Token stays empty when
// the link does not work.
func (h *Handler) linkPage(c *fiber.Ctx, invite bool, token string) (views.LinkFormPage, error) {
	title, kind := "Set a new password", db.LinkReset
	if invite {
		title, kind = "Join quiztrainer", db.LinkInvite
	}
	p := views.LinkFormPage{Page: page(c, title), Invite: invite}
	if token == "" || len(token) > 200 {
		return p, nil
	}
	l, err := h.store.OpenLink(ctx(c), kind, linkHash(token))
	if errors.Is(err, db.ErrLinkUsed) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	p.Token, p.Role = token, l.Role
	if !invite {
		p.Username = l.Username
	}
	return p, nil
}

// linkStatus is 200 for a working link and 410 for a spent one.
func linkStatus(p views.LinkFormPage) int {
	if p.Token == "" {
		return fiber.StatusGone
	}
	return fiber.StatusOK
}

func (h *Handler) invitationForm(c *fiber.Ctx) error {
	p, err := h.linkPage(c, true, c.Query("token"))
	if err != nil {
		return err
	}
	return render(c, linkStatus(p), views.LinkForm(p))
}

// acceptInvitation makes the invited teacher's account and sends them to
// sign in with it.
func (h *Handler) acceptInvitation(c *fiber.Ctx) error {
	p, err := h.linkPage(c, true, c.FormValue("token"))
	if err != nil || p.Token == "" {
		if err == nil {
			err = render(c, linkStatus(p), views.LinkForm(p))
		}
		return err
	}
	p.Username = strings.TrimSpace(c.FormValue("username"))
	password := c.FormValue("password")
	if p.Error = CheckUsername(p.Username); p.Error == "" {
		p.Error = CheckPasswordPolicy(password, p.Username)
	}
	if p.Error != "" {
		return render(c, fiber.StatusUnprocessableEntity, views.LinkForm(p))
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	u, err := h.store.AcceptInvitation(ctx(c), linkHash(p.Token), quizzes.User{Username: p.Username, PasswordHash: hash}, h.clientIP(c))
	switch {
	case errors.Is(err, db.ErrUsernameTaken):
		p.Error = "The username " + p.Username + " is taken. Choose another."
		return render(c, fiber.StatusUnprocessableEntity, views.LinkForm(p))
	case errors.Is(err, db.ErrLinkUsed):
		p.Token = ""
		return render(c, fiber.StatusGone, views.LinkForm(p))
	case err != nil:
		return err
	}
	h.log.Info("invitation accepted", "user", u.Username, "role", u.Role)
	if err := h.setFlash(c, "Your account "+u.Username+" is ready. Sign in with it."); err != nil {
		return err
	}
	return c.Redirect("/login", fiber.StatusSeeOther)
}

func (h *Handler) resetForm(c *fiber.Ctx) error {
	p, err := h.linkPage(c, false, c.Query("token"))
	if err != nil {
		return err
	}
	return render(c, linkStatus(p), views.LinkForm(p))
}

// resetPassword sets the new password a reset link was opened for; every
// session of the account ends.
func (h *Handler) resetPassword(c *fiber.Ctx) error {
	p, err := h.linkPage(c, false, c.FormValue("token"))
	if err != nil || p.Token == "" {
		if err == nil {
			err = render(c, linkStatus(p), views.LinkForm(p))
		}
		return err
	}
	password := c.FormValue("password")
	if p.Error = CheckPasswordPolicy(password); p.Error != "" {
		return render(c, fiber.StatusUnprocessableEntity, views.LinkForm(p))
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	u, err := h.store.UseResetLink(ctx(c), linkHash(p.Token), hash, h.clientIP(c))
	if errors.Is(err, db.ErrLinkUsed) {
		p.Token = ""
		return render(c, fiber.StatusGone, views.LinkForm(p))
	}
	if err != nil {
		return err
	}
	h.log.Info("password reset by link", "user", u.Username)
	if err := h.setFlash(c, "The password of "+u.Username+" is changed. Sign in with it."); err != nil {
		return err
	}
	return c.Redirect("/login", fiber.StatusSeeOther)
}
