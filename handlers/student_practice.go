package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// practice lists the questions the student missed in their latest finished
// attempts. A POST checks one answer and shows the key and evidence at once;
// practice answers change no score.
func (h *Handler) practice(c *fiber.Ctx) error {
	p := views.PracticePage{Page: page(c, "Practice")}
	st := currentStudent(c)
	if st == nil {
		return render(c, fiber.StatusOK, views.Practice(p))
	}
	missed, err := h.store.MissedQuestions(ctx(c), st.ID)
	if err != nil {
		return err
	}
	checked, _ := strconv.ParseInt(c.FormValue("save"), 10, 64)
	status := fiber.StatusOK
	loaded := map[int64]quizzes.Quiz{}
	for _, m := range missed {
		quiz, ok := loaded[m[0]]
		if !ok {
			if quiz, err = h.store.Quiz(ctx(c), m[0]); err != nil {
				return err
			}
			loaded[m[0]] = quiz
		}
		for _, q := range quiz.Questions {
			if q.ID != m[1] {
				continue
			}
			v := questionView(len(p.Items)+1, q, quizzes.Response{}, false, quizzes.Settings{}, uint64(st.ID))
			if c.Method() == fiber.MethodPost && q.ID == checked {
				given, problem := answerFromForm(c, q)
				if problem == "" && given.Empty() {
					problem = blankProblem(q)
				}
				if problem != "" {
					showAnswer(&v, given)
					v.Error, status = problem, fiber.StatusUnprocessableEntity
				} else {
					v = questionView(v.Number, q, quizzes.Response{Given: given}, true, quizzes.Settings{Feedback: quizzes.FeedbackNow}, uint64(st.ID))
					v.Locked = false
				}
			}
			p.Items = append(p.Items, views.PracticeItem{QuizTitle: quiz.Title, View: v})
		}
	}
	return render(c, status, views.Practice(p))
}
