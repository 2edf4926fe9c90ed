package handlers

import (
	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// home lists the quizzes of the student's class, then the published
// quizzes for everyone, with the student's last score on each. A quiz
// given to a class is listed only for that class's students (its link
// still works for anyone who has it); a published quiz given to no class
// is listed for everyone.
func (h *Handler) home(c *fiber.Ctx) error {
	p, err := h.homePage(c, views.JoinForm{})
	if err != nil {
		return err
	}
	if msg := h.takeFlash(c); msg != "" {
		p.Notice = msg
	}
	return render(c, fiber.StatusOK, views.Home(p))
}

// homePage gathers the home page, with the join form as given.
func (h *Handler) homePage(c *fiber.Ctx, join views.JoinForm) (views.HomePage, error) {
	p := views.HomePage{Page: page(c, "Quizzes"), Join: join}
	p.Join.AskName = currentStudent(c) == nil
	list, err := h.store.PublicQuizzes(ctx(c))
	if err != nil {
		return p, err
	}
	last := map[int64]quizzes.Attempt{}
	if st := currentStudent(c); st != nil {
		attempts, err := h.store.StudentAttempts(ctx(c), st.ID)
		if err != nil {
			return p, err
		}
		for _, a := range attempts { // newest first: keep the first finished one
			if _, seen := last[a.QuizID]; !seen && a.Submitted() {
				last[a.QuizID] = a
			}
		}
	}
	if err := h.classSection(c, &p, last); err != nil {
		return p, err
	}
	p.Quizzes, err = h.quizCards(c, list, last)
	return p, err
}

// quizCards shows quizzes as the home page's cards.
func (h *Handler) quizCards(c *fiber.Ctx, list []quizzes.Quiz, last map[int64]quizzes.Attempt) ([]views.QuizCard, error) {
	counts, err := h.store.QuestionCounts(ctx(c))
	if err != nil {
		return nil, err
	}
	var cards []views.QuizCard
	for _, q := range list {
		card := views.QuizCard{Title: q.Title, Slug: q.Slug, Questions: counts[q.ID]}
		if a, ok := last[q.ID]; ok {
			card.LastScore = views.ScoreLine(a)
		}
		cards = append(cards, card)
	}
	return cards, nil
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
