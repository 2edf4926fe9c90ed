package handlers

import (
	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// home lists the published quizzes, with the student's last score on each.
func (h *Handler) home(c *fiber.Ctx) error {
	list, err := h.store.PublishedQuizzes(ctx(c))
	if err != nil {
		return err
	}
	last := map[int64]quizzes.Attempt{}
	if st := currentStudent(c); st != nil {
		attempts, err := h.store.StudentAttempts(ctx(c), st.ID)
		if err != nil {
			return err
		}
		for _, a := range attempts { // newest first: keep the first finished one
			if _, seen := last[a.QuizID]; !seen && a.Submitted() {
				last[a.QuizID] = a
			}
		}
	}
	p := views.HomePage{Page: page(c, "Quizzes")}
	for _, q := range list {
		n, err := h.store.CountQuestions(ctx(c), q.ID)
		if err != nil {
			return err
		}
		card := views.QuizCard{Title: q.Title, Slug: q.Slug, Questions: n}
		if a, ok := last[q.ID]; ok {
			card.LastScore = views.ScoreLine(a)
		}
		p.Quizzes = append(p.Quizzes, card)
	}
	return render(c, fiber.StatusOK, views.Home(p))
}

// history lists the student's attempts across quizzes.
func (h *Handler) history(c *fiber.Ctx) error {
	p := views.HistoryPage{Page: page(c, "My results")}
	st := currentStudent(c)
	if st == nil {
		p.Notice = "You have not taken a quiz on this device yet."
		return render(c, fiber.StatusOK, views.History(p))
	}
	attempts, err := h.store.StudentAttempts(ctx(c), st.ID)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, a := range attempts {
		if _, ok := titles[a.QuizID]; !ok {
			q, err := h.store.QuizSummary(ctx(c), a.QuizID)
			if err != nil {
				return err
			}
			titles[a.QuizID] = q.Title
		}
		p.Rows = append(p.Rows, views.HistoryRow{QuizTitle: titles[a.QuizID], Attempt: a})
	}
	return render(c, fiber.StatusOK, views.History(p))
}
