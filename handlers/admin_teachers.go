package handlers

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// How long one-time links work.
const (
	invitationLife = 72 * time.Hour
	resetLinkLife  = 24 * time.Hour
)

// requireAdmin hides the account pages from everyone but admins: for a
// teacher they do not exist.
func (h *Handler) requireAdmin(c *fiber.Ctx) error {
	if u := currentTeacher(c); u == nil || u.Role != quizzes.RoleAdmin {
		return fiber.ErrNotFound
	}
	return c.Next()
}

// teachersPage fills the admin's page of accounts and invitations.
func (h *Handler) teachersPage(c *fiber.Ctx) (views.TeachersPage, error) {
	p := views.TeachersPage{Page: page(c, "Teachers")}
	rows, err := h.store.Teachers(ctx(c))
	if err != nil {
		return p, err
	}
	me := currentTeacher(c).ID
	for _, r := range rows {
		p.Rows = append(p.Rows, views.TeacherListRow{User: r.User, Quizzes: r.Quizzes, Sessions: r.Sessions, IsSelf: r.ID == me})
	}
	invs, err := h.store.Invitations(ctx(c))
	if err != nil {
		return p, err
	}
	for _, l := range invs {
		p.Invitations = append(p.Invitations, views.InvitationRow{ID: l.ID, Role: l.Role, Note: l.Note, CreatedBy: l.CreatedBy, Expires: l.ExpiresAt})
	}
	return p, nil
}

func (h *Handler) teachers(c *fiber.Ctx) error {
	p, err := h.teachersPage(c)
	if err != nil {
		return err
	}
	p.Notice = h.takeFlash(c)
	return render(c, fiber.StatusOK, views.Teachers(p))
}

// newLinkToken makes a one-time link's token and the hash that is stored.
func newLinkToken() (string, []byte, error) {
	tok, err := randomToken()
	if err != nil {
		return "", nil, err
	}
	return tok, linkHash(tok), nil
}

func linkHash(token string) []byte { return db.HashToken(token) }

// siteURL is the address links given to people start with.
func (h *Handler) siteURL(c *fiber.Ctx) string {
	if h.cfg.BaseURL != "" {
		return strings.TrimSuffix(h.cfg.BaseURL, "/")
	}
	return c.BaseURL()
}

// invite makes an invitation link and shows it once.
func (h *Handler) invite(c *fiber.Ctx) error {
	note := strings.TrimSpace(c.FormValue("note"))
	role := quizzes.Role(c.FormValue("role"))
	problem := ""
	switch {
	case role != quizzes.RoleTeacher && role != quizzes.RoleAdmin:
		problem = "Choose the role: teacher or admin."
	case len([]rune(note)) > 100:
		problem = "Keep \"Who it is for\" under 100 characters."
	}
	if problem != "" {
		p, err := h.teachersPage(c)
		if err != nil {
			return err
		}
		p.Note, p.InviteError = note, problem
		return render(c, fiber.StatusUnprocessableEntity, views.Teachers(p))
	}
	tok, hash, err := newLinkToken()
	if err != nil {
		return err
	}
	l, err := h.store.CreateInvitation(ctx(c), db.Link{TokenHash: hash, Role: role, Note: note, ExpiresAt: h.cfg.Clock().Add(invitationLife)}, actor(c))
	if err != nil {
		return err
	}
	p, err := h.teachersPage(c)
	if err != nil {
		return err
	}
	what := "Invitation"
	if note != "" {
		what += " for " + note
	}
	p.Link = &views.OneTimeLink{What: what, URL: h.siteURL(c) + "/invite?token=" + tok, Expires: l.ExpiresAt}
	return render(c, fiber.StatusOK, views.Teachers(p))
}

func (h *Handler) withdrawInvitation(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	if err := h.store.RevokeInvitation(ctx(c), id, actor(c)); err != nil {
		return err
	}
	return h.backToTeachers(c, "The invitation no longer works.")
}

// accountInURL loads the account an admin action names.
func (h *Handler) accountInURL(c *fiber.Ctx) (quizzes.User, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return quizzes.User{}, fiber.ErrNotFound
	}
	return h.store.User(ctx(c), id)
}

// refuse shows the admin's page again with why a change was not made.
func (h *Handler) refuse(c *fiber.Ctx, problem string) error {
	p, err := h.teachersPage(c)
	if err != nil {
		return err
	}
	p.Error = problem
	return render(c, fiber.StatusConflict, views.Teachers(p))
}

const lastAdminProblem = "That would leave no admin who can sign in. Make another account an admin first."

func (h *Handler) turnOff(c *fiber.Ctx) error { return h.setDisabled(c, true) }
func (h *Handler) turnOn(c *fiber.Ctx) error  { return h.setDisabled(c, false) }

// setDisabled turns an account off (its sessions end at once) or on.
func (h *Handler) setDisabled(c *fiber.Ctx, off bool) error {
	u, err := h.accountInURL(c)
	if err != nil {
		return err
	}
	u, err = h.store.SetDisabled(ctx(c), u.ID, off, actor(c))
	if errors.Is(err, db.ErrLastAdmin) {
		return h.refuse(c, lastAdminProblem)
	}
	if err != nil {
		return err
	}
	if off {
		return h.backToTeachers(c, u.Username+" is turned off and signed out everywhere.")
	}
	return h.backToTeachers(c, u.Username+" can sign in again.")
}

func (h *Handler) setRole(c *fiber.Ctx) error {
	u, err := h.accountInURL(c)
	if err != nil {
		return err
	}
	role := quizzes.Role(c.FormValue("role"))
	if role != quizzes.RoleTeacher && role != quizzes.RoleAdmin {
		return h.refuse(c, "Choose the role: teacher or admin.")
	}
	u, err = h.store.SetRole(ctx(c), u.ID, role, actor(c))
	if errors.Is(err, db.ErrLastAdmin) {
		return h.refuse(c, lastAdminProblem)
	}
	if err != nil {
		return err
	}
	notice := u.Username + " is now " + map[quizzes.Role]string{quizzes.RoleAdmin: "an admin", quizzes.RoleTeacher: "a teacher"}[role] + "."
	if u.ID == currentTeacher(c).ID && role != quizzes.RoleAdmin {
		// The account pages are no longer theirs to see.
		if err := h.setFlash(c, "You are now a teacher; another admin manages the accounts."); err != nil {
			return err
		}
		return c.Redirect("/teach", fiber.StatusSeeOther)
	}
	return h.backToTeachers(c, notice)
}

// resetLink makes a one-time password-reset link for an account and shows
// it once; the account's earlier reset links stop working.
func (h *Handler) resetLink(c *fiber.Ctx) error {
	u, err := h.accountInURL(c)
	if err != nil {
		return err
	}
	tok, l, err := IssueResetLink(ctx(c), h.store, u.ID, actor(c), h.cfg.Clock())
	if err != nil {
		return err
	}
	p, err := h.teachersPage(c)
	if err != nil {
		return err
	}
	p.Link = &views.OneTimeLink{What: "Password reset for " + u.Username, URL: h.siteURL(c) + ResetPath(tok), Expires: l.ExpiresAt}
	return render(c, fiber.StatusOK, views.Teachers(p))
}

// IssueResetLink makes a one-time password-reset link for an account,
// working for a day from now, and returns its token, which is stored only
// as a hash. The account's earlier reset links stop working.
func IssueResetLink(ctx context.Context, store *db.Store, userID int64, by db.Actor, now time.Time) (string, db.Link, error) {
	tok, hash, err := newLinkToken()
	if err != nil {
		return "", db.Link{}, err
	}
	l, err := store.CreateResetLink(ctx, db.Link{TokenHash: hash, UserID: userID, ExpiresAt: now.Add(resetLinkLife)}, by)
	return tok, l, err
}

// ResetPath is the address of a reset link's page, from the site's root.
func ResetPath(token string) string { return "/reset?token=" + token }

func (h *Handler) backToTeachers(c *fiber.Ctx, notice string) error {
	if err := h.setFlash(c, notice); err != nil {
		return err
	}
	return c.Redirect(views.TeachersURL, fiber.StatusSeeOther)
}

const auditPageSize = 100

// auditLog shows the audit log, newest first, a page at a time.
func (h *Handler) auditLog(c *fiber.Ctx) error {
	before, _ := strconv.ParseInt(c.Query("before"), 10, 64)
	entries, err := h.store.AuditLog(ctx(c), before, auditPageSize)
	if err != nil {
		return err
	}
	p := views.AuditPage{Page: page(c, "Audit log")}
	for _, e := range entries {
		p.Entries = append(p.Entries, views.AuditRow{At: e.At, Actor: e.Actor, Action: e.Action, Detail: e.Detail, Address: e.Address})
	}
	if len(entries) == auditPageSize {
		p.Older = entries[len(entries)-1].ID
	}
	return render(c, fiber.StatusOK, views.Audit(p))
}
