package handlers

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// Wrong sign-in codes are limited in 15-minute windows per student, per
// class and per client address, as teachers' passwords are per account and
// per address. Per student: 10, so that guessing one student's code takes
// years (quizzes/signin.go). Per address: 60, so that a class of thirty
// behind one school address can each mistype twice. Per class: 100, so
// that guessing across a class from many addresses is held back too.
const (
	signinWindow     = 15 * time.Minute
	signinPerStudent = 10
	signinPerAddress = 60
	signinPerClass   = 100
)

// codeSignins counts wrong sign-in codes.
type codeSignins struct {
	student, address, class *limiter
}

func newCodeSignins() codeSignins {
	return codeSignins{
		student: newLimiter(signinPerStudent, signinWindow),
		address: newLimiter(signinPerAddress, signinWindow),
		class:   newLimiter(signinPerClass, signinWindow),
	}
}

// signinKeys pairs each limiter with the key a sign-in counts under.
func (h *Handler) signinKeys(c *fiber.Ctx, classID, studentID int64) []struct {
	l   *limiter
	key string
} {
	return []struct {
		l   *limiter
		key string
	}{
		{h.codeSignins.student, strconv.FormatInt(studentID, 10)},
		{h.codeSignins.address, h.clientIP(c)},
		{h.codeSignins.class, strconv.FormatInt(classID, 10)},
	}
}

// signinForm is a class's sign-in page: with the class code from the
// link (/signin?code=ABC-DEF), the roster to pick a name from and the box
// for the code; without it, the box for the class code.
func (h *Handler) signinForm(c *fiber.Ctx) error {
	p := views.SigninPage{Page: page(c, "Sign in to your class"), ClassCode: clip(c.Query("code"), 20)}
	p.Notice = h.takeFlash(c)
	if p.ClassCode == "" {
		return render(c, fiber.StatusOK, views.Signin(p))
	}
	cl, status, err := h.signinClass(c, &p)
	if err != nil || status != fiber.StatusOK {
		if err != nil {
			return err
		}
		return render(c, status, views.Signin(p))
	}
	if err := h.signinRoster(c, &p, cl); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.Signin(p))
}

// signinClass finds the class whose code p holds, or says on p what is
// wrong with the code and with which status. A code that is no class's
// counts against the address as the join form's do.
func (h *Handler) signinClass(c *fiber.Ctx, p *views.SigninPage) (quizzes.Class, int, error) {
	key, now := "join:"+h.clientIP(c), time.Now()
	if blocked, wait := h.joins.blocked(key, now); blocked {
		p.ClassCodeError = fmt.Sprintf("Too many wrong class codes from this network. Wait %d minutes and try again, or ask your teacher to check the code.", int(wait.Minutes())+1)
		return quizzes.Class{}, fiber.StatusTooManyRequests, nil
	}
	code := quizzes.NormalizeJoinCode(p.ClassCode)
	if !quizzes.ValidJoinCode(code) {
		p.ClassCodeError = fmt.Sprintf("A class code has %d letters and digits, such as ABC-DEF; it never uses 0, O, 1, I or L. Check the code and try again.", quizzes.JoinCodeLength)
		return quizzes.Class{}, fiber.StatusUnprocessableEntity, nil
	}
	cl, err := h.store.ClassByCode(ctx(c), code)
	if errors.Is(err, db.ErrNotFound) {
		h.joins.fail(key, now)
		p.ClassCodeError = "No class has the code " + quizzes.FormatJoinCode(code) + ". Check it with your teacher and try again."
		return cl, fiber.StatusUnprocessableEntity, nil
	}
	if err != nil {
		return cl, 0, err
	}
	p.ClassCode, p.ClassName, p.SigninOff = quizzes.FormatJoinCode(code), cl.Name, !cl.Signin
	return cl, fiber.StatusOK, nil
}

// signinRoster puts the class's roster on the page, to pick a name from.
func (h *Handler) signinRoster(c *fiber.Ctx, p *views.SigninPage, cl quizzes.Class) error {
	if !cl.Signin {
		return nil
	}
	var err error
	p.Students, err = h.store.ClassMembers(ctx(c), cl.ID)
	return err
}

// signin makes this browser the roster student whose name was picked,
// when the code typed is theirs. A wrong code changes nothing and counts
// against the student, the class and the address.
func (h *Handler) signin(c *fiber.Ctx) error {
	p := views.SigninPage{Page: page(c, "Sign in to your class"), ClassCode: clip(c.FormValue("code"), 20)}
	cl, status, err := h.signinClass(c, &p)
	if err != nil {
		return err
	}
	if status != fiber.StatusOK || !cl.Signin {
		if status == fiber.StatusOK {
			status = fiber.StatusConflict
		}
		return render(c, status, views.Signin(p))
	}
	if err := h.signinRoster(c, &p, cl); err != nil {
		return err
	}
	p.Chosen, _ = strconv.ParseInt(c.FormValue("student"), 10, 64)
	typed := c.FormValue("signin_code")
	var chosen *quizzes.Member
	for i := range p.Students {
		if p.Students[i].StudentID == p.Chosen {
			chosen = &p.Students[i]
		}
	}
	switch {
	case chosen == nil:
		p.Chosen, p.NameError = 0, "Choose your name from the list."
	case typed == "":
		p.CodeError = "Type the sign-in code from your card."
	case !quizzes.SigninCodeLooksRight(typed):
		p.CodeError = "A sign-in code is two words and a number, such as brave-otter-47. Copy it from your card; capitals and spaces do not matter."
	}
	if p.NameError != "" || p.CodeError != "" {
		p.Code = clip(typed, 60)
		return render(c, fiber.StatusUnprocessableEntity, views.Signin(p))
	}
	now := time.Now()
	keys := h.signinKeys(c, cl.ID, chosen.StudentID)
	for _, k := range keys {
		if blocked, wait := k.l.blocked(k.key, now); blocked {
			p.CodeError = fmt.Sprintf("Too many wrong codes. Wait %d minutes and try again, or ask your teacher for your card.", int(wait.Minutes())+1)
			return render(c, fiber.StatusTooManyRequests, views.Signin(p))
		}
	}
	tok, err := randomToken()
	if err != nil {
		return err
	}
	st, err := h.store.SignIn(ctx(c), cl.ID, chosen.StudentID, typed, tok)
	switch {
	case errors.Is(err, db.ErrWrongCode):
		for _, k := range keys {
			k.l.fail(k.key, now)
		}
		p.CodeError = "That is not " + chosen.DisplayName + "’s code. Check your card and try again; nothing has changed."
		return render(c, fiber.StatusUnprocessableEntity, views.Signin(p))
	case errors.Is(err, db.ErrNotFound):
		// removed or merged since the page was read
		p.Chosen, p.NameError = 0, "Choose your name from the list."
		return render(c, fiber.StatusUnprocessableEntity, views.Signin(p))
	case errors.Is(err, db.ErrSigninOff):
		p.SigninOff, p.Students = true, nil
		return render(c, fiber.StatusConflict, views.Signin(p))
	case err != nil:
		return err
	}
	h.codeSignins.student.reset(keys[0].key)
	if old := c.Cookies(h.cookieName(studentCookie)); old != "" && len(old) <= 100 {
		// this browser was someone before: that token ends here
		if err := h.store.EndStudentToken(ctx(c), old); err != nil {
			return err
		}
	}
	h.setCookie(c, studentCookie, tok, 365*24*time.Hour)
	h.forgetVisitor(c)
	c.Locals(studentKey, &st)
	h.log.Info("student signed in", "student", st.ID, "class", cl.ID)
	return h.redirectWith(c, "/#class", "Signed in as "+st.DisplayName+" in "+cl.Name+". Your answers and results are the same on every device you sign in on.")
}
