package handlers

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/views"
)

// AccountURL is a teacher's own account page.
const AccountURL = "/teach/account"

func (h *Handler) accountPage(c *fiber.Ctx) (views.AccountPage, error) {
	u := currentTeacher(c)
	p := views.AccountPage{Page: page(c, "Your account")}
	sessions, err := h.store.Sessions(ctx(c), u.ID)
	if err != nil {
		return p, err
	}
	cur := string(currentSession(c))
	for _, s := range sessions {
		p.Sessions = append(p.Sessions, views.SessionRow{ID: hex.EncodeToString(s.IDHash), Started: s.CreatedAt, Seen: s.SeenAt,
			Address: s.Address, UserAgent: s.UserAgent, Current: string(s.IDHash) == cur})
	}
	return p, nil
}

func (h *Handler) account(c *fiber.Ctx) error {
	p, err := h.accountPage(c)
	if err != nil {
		return err
	}
	p.Notice = h.takeFlash(c)
	return render(c, fiber.StatusOK, views.Account(p))
}

// changePassword needs the current password; every other session of the
// account ends.
func (h *Handler) changePassword(c *fiber.Ctx) error {
	u := currentTeacher(c)
	current, next := c.FormValue("current"), c.FormValue("new")
	key := "u:" + strings.ToLower(u.Username)
	problem := ""
	now := time.Now()
	if blocked, wait := h.logins.blocked(key, now); blocked {
		problem = fmt.Sprintf("Too many wrong passwords. Wait %d minutes and try again.", int(wait.Minutes())+1)
	} else if ok, err := CheckPassword(u.PasswordHash, current); err != nil {
		return err
	} else if !ok {
		h.logins.fail(key, now)
		h.record(c, actor(c), "password change refused", "the current password was wrong")
		problem = "The current password is not right."
	} else {
		problem = CheckPasswordPolicy(next, u.Username)
	}
	if problem != "" {
		p, err := h.accountPage(c)
		if err != nil {
			return err
		}
		p.PasswordError = problem
		return render(c, fiber.StatusUnprocessableEntity, views.Account(p))
	}
	hash, err := HashPassword(next)
	if err != nil {
		return err
	}
	if err := h.store.ChangePassword(ctx(c), u.ID, hash, currentSession(c), actor(c)); err != nil {
		return err
	}
	if err := h.setFlash(c, "Your password is changed. Every other browser is signed out."); err != nil {
		return err
	}
	return c.Redirect(AccountURL, fiber.StatusSeeOther)
}

// endSession signs one of the teacher's other browsers out.
func (h *Handler) endSession(c *fiber.Ctx) error {
	id, err := hex.DecodeString(c.Params("sid"))
	if err != nil || len(id) == 0 {
		return fiber.ErrNotFound
	}
	if err := h.store.EndSession(ctx(c), currentTeacher(c).ID, id, actor(c)); errors.Is(err, db.ErrNotFound) {
		return fiber.ErrNotFound
	} else if err != nil {
		return err
	}
	if err := h.setFlash(c, "That browser is signed out."); err != nil {
		return err
	}
	return c.Redirect(AccountURL, fiber.StatusSeeOther)
}
