package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// publishedQuiz is the quiz named in the URL, from its snapshot; drafts do
// not exist for students.
func (h *Handler) publishedQuiz(c *fiber.Ctx) (quizzes.Quiz, error) {
	snap, err := h.store.QuizSnapshotBySlug(ctx(c), c.Params("slug"))
	if errors.Is(err, db.ErrNotFound) {
		// an address from before a rename leads to the quiz's new one
		if now, err2 := h.store.QuizMoved(ctx(c), c.Params("slug")); err2 == nil {
			return quizzes.Quiz{}, movedError{to: "/quiz/" + now + strings.TrimPrefix(c.Path(), "/quiz/"+c.Params("slug"))}
		}
	}
	if err != nil {
		return quizzes.Quiz{}, err
	}
	if snap.Quiz.Status != quizzes.Published {
		return quizzes.Quiz{}, fiber.ErrNotFound
	}
	c.Locals(snapshotKey, snap)
	return snap.Quiz, nil
}

// quizIntro shows the quiz's start page.
func (h *Handler) quizIntro(c *fiber.Ctx) error {
	q, err := h.publishedQuiz(c)
	if err != nil {
		return err
	}
	p, err := h.introPage(c, q)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.QuizIntro(p))
}

func (h *Handler) introPage(c *fiber.Ctx, q quizzes.Quiz) (views.QuizIntroPage, error) {
	p := views.QuizIntroPage{Page: page(c, q.Title), Quiz: q, CanStart: true}
	if q.ArticleID != 0 {
		a, err := h.quizArticle(c, q)
		if err != nil {
			return p, err
		}
		p.Article = &a
	}
	if st := currentStudent(c); st != nil {
		all, err := h.store.StudentAttempts(ctx(c), st.ID)
		if err != nil {
			return p, err
		}
		done := 0
		for _, a := range all {
			if a.QuizID != q.ID {
				continue
			}
			p.Attempts = append(p.Attempts, a)
			if a.Submitted() {
				done++
			} else {
				p.Resume = a.ID
			}
		}
		p.CanStart = q.Settings.AttemptsAllowed == 0 || done < q.Settings.AttemptsAllowed
	}
	return p, nil
}

// startAttempt takes the student's name if they are new, then opens an
// attempt (or the one they left unfinished) and sends them to it.
func (h *Handler) startAttempt(c *fiber.Ctx) error {
	q, err := h.publishedQuiz(c)
	if err != nil {
		return err
	}
	name := ""
	if currentStudent(c) == nil {
		var problem string
		name, problem = checkDisplayName(c.FormValue("display_name"))
		if problem != "" {
			p, err := h.introPage(c, q)
			if err != nil {
				return err
			}
			p.NameError = problem
			return render(c, fiber.StatusUnprocessableEntity, views.QuizIntro(p))
		}
	}
	st, err := h.ensureStudent(c, name)
	if err != nil {
		return err
	}
	a, err := h.store.OpenAttempt(ctx(c), q, st.ID)
	if errors.Is(err, db.ErrNoAttemptsLeft) {
		return fiber.NewError(fiber.StatusConflict, "You have used every attempt this quiz allows.")
	}
	if err != nil {
		return err
	}
	return c.Redirect(views.AttemptURL(a.ID), fiber.StatusSeeOther)
}

// movedError sends the browser to where a renamed quiz's page is now: a
// permanent redirect, which keeps the method of a form's post.
type movedError struct{ to string }

func (e movedError) Error() string { return "moved to " + e.to }
