package handlers

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// studentCookie holds the random token that identifies a student; students
// have no password.
const studentCookie = "qt_student"

const studentKey = "student"

// pendingStudentKey holds, on an attempt's pages, the student kept in
// memory for the cookie's token, until the page's own query (which reads
// the roster's version with the attempt) confirms it: confirmStudent.
const pendingStudentKey = "student-pending"

// pendingStudent is a student kept in memory and the roster's version it
// was read at.
type pendingStudent struct {
	st      quizzes.Student
	version int64
}

// loadStudent puts the student named by the cookie, if any, in the
// locals. Under /attempt/ (every handler there starts with ownAttempt) a
// student kept in memory waits, unconfirmed, for the attempt's query to
// tell whether the roster changed since: one query less on the busiest
// pages. Elsewhere the student is looked up (or checked against the
// roster's version) here.
func (h *Handler) loadStudent(c *fiber.Ctx) error {
	tok := c.Cookies(h.cookieName(studentCookie))
	if tok == "" || len(tok) > 100 || bare(c) {
		return c.Next()
	}
	if strings.HasPrefix(c.Path(), "/attempt/") {
		if st, v, ok := h.store.KeptStudent(tok); ok {
			c.Locals(pendingStudentKey, &pendingStudent{st: st, version: v})
			return c.Next()
		}
	}
	st, err := h.store.StudentByToken(ctx(c), tok)
	switch {
	case err == nil:
		c.Locals(studentKey, &st)
	case !errors.Is(err, db.ErrNotFound):
		return err
	}
	return c.Next()
}

// confirmStudent settles a pending student with the roster's version the
// page read: the same version confirms it; another one means the roster
// changed, and the token is looked up again (it may name another student,
// or nobody).
func (h *Handler) confirmStudent(c *fiber.Ctx, rosterVersion int64) error {
	p, _ := c.Locals(pendingStudentKey).(*pendingStudent)
	if p == nil {
		return nil
	}
	c.Locals(pendingStudentKey, nil)
	st := p.st
	if p.version != rosterVersion {
		var err error
		st, err = h.store.StudentAt(ctx(c), p.st.Token, rosterVersion)
		switch {
		case errors.Is(err, db.ErrNotFound):
			return nil
		case err != nil:
			return err
		}
	}
	c.Locals(studentKey, &st)
	return nil
}

// currentStudent is the student asking, confirmed; nil for nobody (and
// for a pending student not yet confirmed).
func currentStudent(c *fiber.Ctx) *quizzes.Student {
	st, _ := c.Locals(studentKey).(*quizzes.Student)
	return st
}

// studentToken is the token of the student asking, confirmed or pending:
// what CSRF tokens are bound to. A pending student who turns out not to be
// the student any more is refused by the page (ownAttempt), not here.
func studentToken(c *fiber.Ctx) string {
	if st := currentStudent(c); st != nil {
		return st.Token
	}
	if p, _ := c.Locals(pendingStudentKey).(*pendingStudent); p != nil {
		return p.st.Token
	}
	return ""
}

// ensureStudent returns the current student, or makes one with the display
// name the form gives and sets their cookie.
func (h *Handler) ensureStudent(c *fiber.Ctx, displayName string) (*quizzes.Student, error) {
	if st := currentStudent(c); st != nil {
		return st, nil
	}
	tok, err := randomToken()
	if err != nil {
		return nil, err
	}
	st, err := h.store.CreateStudent(ctx(c), displayName, tok)
	if err != nil {
		return nil, err
	}
	h.setCookie(c, studentCookie, tok, 365*24*time.Hour)
	c.Locals(studentKey, &st)
	return &st, nil
}

// switchStudent ends the student's identity in this browser, for a shared
// computer: the cookie goes, its token stops naming anyone, and the next
// student gives their own name. The answers already given stay with the
// student who gave them.
func (h *Handler) switchStudent(c *fiber.Ctx) error {
	msg := "The next student can start: give your own name when you open a quiz."
	if st := currentStudent(c); st != nil {
		if err := h.store.EndStudentToken(ctx(c), c.Cookies(h.cookieName(studentCookie))); err != nil {
			return err
		}
		msg = st.DisplayName + " is no longer taking quizzes in this browser; their answers are kept. " + msg
	}
	h.setCookie(c, studentCookie, "", -1)
	h.forgetVisitor(c)
	c.Locals(studentKey, nil)
	if err := h.setFlash(c, msg); err != nil {
		return err
	}
	return c.Redirect("/", fiber.StatusSeeOther)
}

func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// checkDisplayName trims a display name and says what is wrong with it.
func checkDisplayName(s string) (string, string) {
	return checkName(s, 60, "Please give your name, so that your teacher knows whose answers these are.",
		"Please keep your name under 60 characters.")
}

// checkName folds the spaces of a name a person typed and says what is
// wrong with it: empty, too long, or with characters that cannot be shown.
func checkName(s string, maxRunes int, empty, tooLong string) (string, string) {
	s = strings.Join(strings.Fields(s), " ")
	switch {
	case s == "":
		return s, empty
	case !utf8.ValidString(s):
		return s, "The name has characters that cannot be read."
	case utf8.RuneCountInString(s) > maxRunes:
		return s, tooLong
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return s, "The name has characters that cannot be shown."
		}
	}
	return s, ""
}

// constantEqual compares secrets without leaking where they differ.
func constantEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
