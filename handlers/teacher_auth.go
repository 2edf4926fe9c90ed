package handlers

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

const (
	teacherKey     = "teacher"
	sessionUserID  = "uid"
	sessionHashKey = "session"
)

// loadTeacher puts the signed-in teacher, if any, in the locals. A session
// counts only while its row exists and its account is on, so that ending a
// session or turning an account off signs it out at its next request.
func (h *Handler) loadTeacher(c *fiber.Ctx) error {
	if c.Cookies(h.cookieName(sessionCookie)) == "" || bare(c) {
		return c.Next()
	}
	sess, err := h.sessions.Get(c)
	if err != nil {
		return err
	}
	if id, ok := sess.Get(sessionUserID).(int64); ok {
		hash := sessionHash(sess.ID())
		u, seen, err := h.store.SessionUser(ctx(c), hash)
		switch {
		case err == nil && u.ID == id:
			c.Locals(teacherKey, &u)
			c.Locals(sessionHashKey, hash)
			c.Locals(sessionIDKey, sess.ID())
			if err := h.store.TouchSession(ctx(c), hash, seen); err != nil {
				h.log.Warn("cannot record a session's use", "err", err)
			}
		case err == nil || errors.Is(err, db.ErrNotFound):
			sess.Delete(sessionUserID)
			if err := sess.Save(); err != nil {
				return err
			}
		default:
			return err
		}
	}
	return c.Next()
}

// sessionHash is how a session's id is kept in the sessions table.
func sessionHash(id string) []byte {
	h := sha256.Sum256([]byte(id))
	return h[:]
}

// currentSession is the SHA-256 of the signed-in teacher's session id.
func currentSession(c *fiber.Ctx) []byte {
	b, _ := c.Locals(sessionHashKey).([]byte)
	return b
}

// actor is who makes the request, for the audit log.
func actor(c *fiber.Ctx) db.Actor {
	a := db.Actor{Address: clientIP(c)}
	if u := currentTeacher(c); u != nil {
		a.UserID, a.Username = u.ID, u.Username
	}
	return a
}

func currentTeacher(c *fiber.Ctx) *quizzes.User {
	u, _ := c.Locals(teacherKey).(*quizzes.User)
	return u
}

// requireTeacher sends anyone not signed in to the sign-in page.
func (h *Handler) requireTeacher(c *fiber.Ctx) error {
	if currentTeacher(c) == nil {
		return c.Redirect("/login?next="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
	}
	return c.Next()
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/teach") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n") {
		return "/teach"
	}
	return next
}

func (h *Handler) loginForm(c *fiber.Ctx) error {
	if currentTeacher(c) != nil {
		return c.Redirect("/teach", fiber.StatusSeeOther)
	}
	p := views.LoginPage{Page: page(c, "Sign in"), Next: safeNext(c.Query("next"))}
	p.Notice = h.takeFlash(c)
	return render(c, fiber.StatusOK, views.Login(p))
}

// login checks the password, with failures limited per username and per
// address, and starts a fresh session so that an old session id cannot be
// carried into the signed-in one.
func (h *Handler) login(c *fiber.Ctx) error {
	username := strings.TrimSpace(c.FormValue("username"))
	password := c.FormValue("password")
	p := views.LoginPage{Page: page(c, "Sign in"), Username: username, Next: safeNext(c.FormValue("next"))}
	now := time.Now()
	u, err := h.store.UserByUsername(ctx(c), username)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return err
	}
	keys := h.signInKeys(c, username, u.ID)
	for _, k := range keys {
		if blocked, wait := h.logins.blocked(k, now); blocked {
			p.Error = fmt.Sprintf("Too many failed sign-ins. Wait %d minutes and try again; a browser that has signed in to this account before is not held back.", int(wait.Minutes())+1)
			return render(c, fiber.StatusTooManyRequests, views.Login(p))
		}
	}
	hash := u.PasswordHash
	if hash == "" {
		hash = dummyHash()
	}
	ok, err := CheckPassword(hash, password)
	if err != nil {
		return err
	}
	if !ok || u.ID == 0 {
		for _, k := range keys {
			h.logins.fail(k, now)
		}
		h.record(c, db.Actor{UserID: u.ID, Username: truncateName(username), Address: h.clientIP(c)}, "sign-in failed", "")
		p.Error = "The username or password is not right."
		return render(c, fiber.StatusUnauthorized, views.Login(p))
	}
	for _, k := range keys {
		h.logins.reset(k)
	}
	err = h.signIn(c, u)
	if errors.Is(err, db.ErrAccountOff) {
		h.record(c, db.Actor{UserID: u.ID, Username: u.Username, Address: h.clientIP(c)}, "sign-in refused", "the account is turned off")
		p.Error = "This account is turned off. Ask an admin of this site to turn it on."
		return render(c, fiber.StatusForbidden, views.Login(p))
	}
	if err != nil {
		return err
	}
	h.rememberBrowser(c, u.ID)
	h.log.Info("teacher signed in", "user", u.Username)
	return c.Redirect(p.Next, fiber.StatusSeeOther)
}

// signIn starts a fresh session for the account and records it.
func (h *Handler) signIn(c *fiber.Ctx, u quizzes.User) error {
	sess, err := h.sessions.Get(c)
	if err != nil {
		return err
	}
	if err := sess.Regenerate(); err != nil {
		return err
	}
	err = h.store.StartSession(ctx(c), db.TeacherSession{IDHash: sessionHash(sess.ID()), UserID: u.ID,
		Address: h.clientIP(c), UserAgent: c.Get(fiber.HeaderUserAgent)}, db.Actor{UserID: u.ID, Username: u.Username, Address: h.clientIP(c)})
	if err != nil {
		return err
	}
	sess.Set(sessionUserID, u.ID)
	if err := sess.Save(); err != nil {
		return err
	}
	h.forgetVisitor(c)
	c.Locals(teacherKey, &u)
	c.Locals(sessionIDKey, sess.ID())
	return nil
}

func (h *Handler) logout(c *fiber.Ctx) error {
	sess, err := h.sessions.Get(c)
	if err != nil {
		return err
	}
	if err := h.store.SignOut(ctx(c), sessionHash(sess.ID())); err != nil {
		return err
	}
	if err := sess.Destroy(); err != nil {
		return err
	}
	h.forgetVisitor(c)
	return c.Redirect("/login", fiber.StatusSeeOther)
}

// record writes an audit entry for an event that changes nothing else; a
// failure to write it is logged, not shown.
func (h *Handler) record(c *fiber.Ctx, by db.Actor, action, detail string) {
	if err := h.store.Record(ctx(c), by, action, detail); err != nil {
		h.log.Error("cannot write the audit log", "action", action, "err", err)
	}
}

// truncateName keeps a typed username short enough for the audit log.
func truncateName(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60])
	}
	return s
}

var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{1,39}$`)

// CheckUsername says what is wrong with a new username, if anything.
func CheckUsername(name string) string {
	if !usernamePattern.MatchString(name) {
		return "A username is 2 to 40 letters, digits, dots, dashes or underscores, starting with a letter or digit."
	}
	return ""
}

// setupForm shows the first-run page while no teacher exists and the
// one-time token from the server's log is given.
func (h *Handler) setupForm(c *fiber.Ctx) error {
	if err := h.checkSetup(c, c.Query("token")); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.Setup(views.SetupPage{Page: page(c, "Set up"), Token: c.Query("token")}))
}

func (h *Handler) checkSetup(c *fiber.Ctx, token string) error {
	n, err := h.store.CountUsers(ctx(c))
	if err != nil {
		return err
	}
	if n > 0 || !h.setupOpen(token) {
		return fiber.ErrNotFound
	}
	return nil
}

func (h *Handler) setup(c *fiber.Ctx) error {
	token := c.FormValue("token")
	if err := h.checkSetup(c, token); err != nil {
		return err
	}
	username := strings.TrimSpace(c.FormValue("username"))
	password := c.FormValue("password")
	p := views.SetupPage{Page: page(c, "Set up"), Token: token, Username: username}
	if p.Error = CheckUsername(username); p.Error == "" {
		p.Error = CheckPasswordPolicy(password, username)
	}
	if p.Error != "" {
		return render(c, fiber.StatusUnprocessableEntity, views.Setup(p))
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	u, err := h.store.CreateFirstAdmin(ctx(c), quizzes.User{Username: username, PasswordHash: hash},
		db.Actor{Username: username, Address: h.clientIP(c)})
	if errors.Is(err, db.ErrAccountsExist) {
		return fiber.ErrNotFound // another setup won the race
	}
	if err != nil {
		return err
	}
	h.closeSetup()
	h.log.Info("first teacher account made", "user", u.Username)
	if err := h.signIn(c, u); err != nil {
		return err
	}
	return c.Redirect("/teach", fiber.StatusSeeOther)
}

// setupOpen reports whether token is the setup token and it is still unused.
func (h *Handler) setupOpen(token string) bool {
	h.setupMu.Lock()
	defer h.setupMu.Unlock()
	return h.setupToken != "" && constantEqual(token, h.setupToken)
}

// closeSetup makes the setup token die on its first use.
func (h *Handler) closeSetup() {
	h.setupMu.Lock()
	defer h.setupMu.Unlock()
	h.setupToken = ""
}

// NewSetupToken returns a random token for the first-run page while no
// teacher account exists, and "" once one does.
func NewSetupToken(ctx context.Context, store *db.Store) (string, error) {
	n, err := store.CountUsers(ctx)
	if err != nil || n > 0 {
		return "", err
	}
	return randomToken()
}

// audit records what the signed-in teacher did.
func (h *Handler) audit(c *fiber.Ctx, action, detail string) {
	h.record(c, actor(c), action, detail)
}

// quizDetail names a quiz in the audit log.
func quizDetail(q quizzes.Quiz) string {
	return fmt.Sprintf("quiz %d “%s”", q.ID, q.Title)
}
