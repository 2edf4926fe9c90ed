package handlers

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// setClassSignin turns the class's sign-in on (giving every student a
// code) or off (no new sign-ins; the codes are kept for turning it on again).
func (h *Handler) setClassSignin(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	var on bool
	switch c.FormValue("signin") {
	case "on":
		on = true
	case "off":
	default:
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The form said neither to turn sign-in on nor off. Reload the class page and try again.")
	}
	issued, err := h.store.SetClassSignin(ctx(c), cl.ID, on)
	if err != nil {
		return err
	}
	target := views.ClassURL(cl.ID) + "#signin"
	if !on {
		h.audit(c, "class sign-in turned off", classDetail(cl))
		return h.redirectWith(c, target, "Sign-in is off: students join with their name as before. Devices already signed in stay so; the codes are kept for turning it on again.")
	}
	h.audit(c, "class sign-in turned on", classDetail(cl)+": "+plural(issued, "new code"))
	return h.redirectWith(c, target, "Sign-in is on: "+plural(issued, "student")+" got a code. Print the cards and hand them out.")
}

// giveMissingCodes gives a code to the students of a class with sign-in
// who have none: those removed when it was turned on and restored since.
func (h *Handler) giveMissingCodes(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	issued, err := h.store.GiveMissingCodes(ctx(c), cl.ID)
	if errors.Is(err, db.ErrSigninOff) {
		return h.redirectWith(c, views.ClassURL(cl.ID)+"#signin", "Sign-in is off for this class; turn it on to give codes.")
	}
	if err != nil {
		return err
	}
	if issued > 0 {
		h.audit(c, "sign-in codes given", classDetail(cl)+": "+plural(issued, "new code"))
	}
	return h.redirectWith(c, views.SigninCardsURL(cl.ID), plural(issued, "student")+" got a code.")
}

// newSigninCode gives one student a new code: the old one stops working
// and the devices that signed in with it are signed out.
func (h *Handler) newSigninCode(c *fiber.Ctx) error {
	cl, m, err := h.classStudent(c)
	if err != nil {
		return err
	}
	if !cl.Signin {
		return h.redirectWith(c, views.RosterStudentURL(cl.ID, m.StudentID), "Sign-in is off for this class; turn it on on the class page first.")
	}
	code, err := h.store.NewSigninCode(ctx(c), cl.ID, m.StudentID)
	if err != nil {
		return err
	}
	h.audit(c, "sign-in code re-issued", classDetail(cl)+": "+studentDetail(m))
	return h.redirectWith(c, views.RosterStudentURL(cl.ID, m.StudentID)+"#signin-code",
		"New sign-in code for "+m.DisplayName+": "+code+". The old code no longer works, and devices that signed in with it are signed out.")
}

// signinCards is the printable page of sign-in cards, one per student,
// with a plain list to copy below.
func (h *Handler) signinCards(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	p := views.SigninCardsPage{Page: page(c, "Sign-in cards: "+cl.Name), Class: cl,
		Address: h.siteURL(c) + views.SigninURL(cl.JoinCode)}
	p.Notice = h.takeFlash(c)
	cards, err := h.store.SigninCards(ctx(c), cl.ID)
	if err != nil {
		return err
	}
	for _, card := range cards {
		if card.Code == "" {
			p.Missing++
			continue
		}
		p.Cards = append(p.Cards, views.SigninCard{StudentID: card.StudentID, Name: card.DisplayName, Code: card.Code})
	}
	return render(c, fiber.StatusOK, views.SigninCards(p))
}

// signinSection fills the class page's sign-in part.
func (h *Handler) signinSection(c *fiber.Ctx, p *views.ClassPage) error {
	p.SigninAddress = h.siteURL(c) + views.SigninURL(p.Class.JoinCode)
	if !p.Class.Signin {
		return nil
	}
	cards, err := h.store.SigninCards(ctx(c), p.Class.ID)
	if err != nil {
		return err
	}
	for _, card := range cards {
		if card.Code == "" {
			p.SigninMissing++
		}
	}
	return nil
}

// signinCodeOf is the student's sign-in code, "" when the class has no
// sign-in or the student no code.
func (h *Handler) signinCodeOf(c *fiber.Ctx, cl quizzes.Class, studentID int64) (string, error) {
	if !cl.Signin {
		return "", nil
	}
	cards, err := h.store.SigninCards(ctx(c), cl.ID)
	for _, card := range cards {
		if card.StudentID == studentID {
			return card.Code, err
		}
	}
	return "", err
}
