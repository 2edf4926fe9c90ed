package handlers

import (
	"errors"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// Wrong class codes allowed per client address: 20 in 10 minutes. A class
// behind one school address can mistype a code now and then; someone
// guessing among 887 million codes gets about 2,900 tries a day from one
// address, which finds one of 1,000 live classes about once in 300 days;
// and a teacher can change a code at any time.
const (
	joinFailures = 20
	joinWindow   = 10 * time.Minute
)

func newJoinLimiter() *limiter { return newLimiter(joinFailures, joinWindow) }

// joinForm shows the home page with the code from a link (/join?code=...)
// filled in.
func (h *Handler) joinForm(c *fiber.Ctx) error {
	code := quizzes.NormalizeJoinCode(c.Query("code"))
	if !quizzes.ValidJoinCode(code) {
		code = ""
	}
	p, err := h.homePage(c, views.JoinForm{Code: quizzes.FormatJoinCode(code)})
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.Home(p))
}

// joinClass puts the student in the class whose code they typed, making
// them a student first if they are new. A wrong code changes nothing and
// counts against the client's address.
func (h *Handler) joinClass(c *fiber.Ctx) error {
	typed := c.FormValue("code")
	form := views.JoinForm{Code: clip(typed, 20), Name: clip(c.FormValue("display_name"), 60)}
	key, now := "join:"+h.clientIP(c), time.Now()
	if blocked, wait := h.joins.blocked(key, now); blocked {
		form.Error = fmt.Sprintf("Too many wrong codes from this network. Wait %d minutes and try again, or ask your teacher to check the code.", int(wait.Minutes())+1)
		return h.renderJoin(c, fiber.StatusTooManyRequests, form)
	}
	code := quizzes.NormalizeJoinCode(typed)
	if !quizzes.ValidJoinCode(code) {
		// Not a code at all: a typo that cannot be a guess, so not counted.
		form.Error = fmt.Sprintf("A class code has %d letters and digits, such as ABC-DEF; it never uses 0, O, 1, I or L. Check the code and try again.", quizzes.JoinCodeLength)
		return h.renderJoin(c, fiber.StatusUnprocessableEntity, form)
	}
	cl, err := h.store.ClassByCode(ctx(c), code)
	if errors.Is(err, db.ErrNotFound) {
		h.joins.fail(key, now)
		form.Error = "No class has the code " + quizzes.FormatJoinCode(code) + ". Check it with your teacher and try again."
		return h.renderJoin(c, fiber.StatusUnprocessableEntity, form)
	}
	if err != nil {
		return err
	}
	if st := currentStudent(c); cl.Signin && c.FormValue("by_name") == "" && (st == nil || st.ClassID != cl.ID) {
		// The class signs in with names and codes: one pupil, one
		// student on every device, rather than a second of the same name.
		return h.redirectWith(c, views.SigninURL(cl.JoinCode), "Your class signs in: choose your name and type the code from your card. New in the class? Join with your name at the bottom.")
	}
	name := ""
	if currentStudent(c) == nil {
		var problem string
		if name, problem = checkDisplayName(form.Name); problem != "" {
			form.NameError = problem
			return h.renderJoin(c, fiber.StatusUnprocessableEntity, form)
		}
	}
	st, err := h.ensureStudent(c, name)
	if err != nil {
		return err
	}
	joined := "again"
	if st.ClassID != cl.ID {
		if err := h.store.JoinClass(ctx(c), st.ID, cl.ID); err != nil {
			return err
		}
		joined = "new"
		h.log.Info("student joined a class", "student", st.ID, "class", cl.ID, "left", st.ClassID)
	}
	return c.Redirect("/?joined="+joined+"#class", fiber.StatusSeeOther)
}

// clip keeps the first n characters of what a form sent, to show it back.
func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}

func (h *Handler) renderJoin(c *fiber.Ctx, status int, form views.JoinForm) error {
	p, err := h.homePage(c, form)
	if err != nil {
		return err
	}
	return render(c, status, views.Home(p))
}

// classSection lists the published quizzes of the student's class, and
// says on the page that they have just joined it.
func (h *Handler) classSection(c *fiber.Ctx, p *views.HomePage, last map[int64]quizzes.Attempt) error {
	st := currentStudent(c)
	if st == nil || st.ClassID == 0 {
		return nil
	}
	cl, err := h.store.Class(ctx(c), st.ClassID)
	if errors.Is(err, db.ErrNotFound) {
		return nil // deleted since the student was loaded
	}
	if err != nil {
		return err
	}
	list, err := h.store.ClassQuizzes(ctx(c), cl.ID)
	if err != nil {
		return err
	}
	var published []quizzes.Quiz
	for _, q := range list {
		if q.Status == quizzes.Published {
			published = append(published, q)
		}
	}
	cards, err := h.quizCards(c, published, last)
	if err != nil {
		return err
	}
	p.Class = &views.ClassSection{Name: cl.Name, Quizzes: cards}
	switch c.Query("joined") {
	case "new":
		p.Notice = "You joined " + cl.Name + ". Its quizzes are listed first."
	case "again":
		p.Notice = "You are already in " + cl.Name + "."
	}
	return nil
}
