package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

func minutesDuration(m int) time.Duration { return time.Duration(m) * time.Minute }

// ownQuestion loads the quiz and the question in the URL.
func (h *Handler) ownQuestion(c *fiber.Ctx) (quizzes.Quiz, quizzes.Question, error) {
	q, err := h.ownQuiz(c)
	if err != nil {
		return q, quizzes.Question{}, err
	}
	id, _ := strconv.ParseInt(c.Params("qid"), 10, 64)
	for _, qu := range q.Questions {
		if qu.ID == id {
			return q, qu, nil
		}
	}
	return q, quizzes.Question{}, fiber.ErrNotFound
}

// editPage shapes the form, with blank rows to add choices.
func editPage(c *fiber.Ctx, quiz quizzes.Quiz, q quizzes.Question, isNew bool) views.QuestionEditPage {
	p := views.QuestionEditPage{Page: page(c, "Edit question"), QuizID: quiz.ID, QuizName: quiz.Title, Question: q, IsNew: isNew}
	p.Rows = append(p.Rows, q.Choices...)
	switch q.Kind {
	case quizzes.TrueFalse:
		if len(p.Rows) != 2 {
			p.Rows = []quizzes.Choice{{Text: "True", Correct: true}, {Text: "False"}}
		}
	case quizzes.ShortAnswer, quizzes.Cloze:
		p.Accepted = strings.Join(q.Keys(), "\n")
	case quizzes.MultipleChoice, quizzes.MultipleResponse, quizzes.Matching:
		for len(p.Rows) < 4 || len(p.Rows) < len(q.Choices)+2 {
			p.Rows = append(p.Rows, quizzes.Choice{})
		}
	case quizzes.Numerical:
		p.Rows = append(p.Rows, quizzes.Choice{})
	}
	return p
}

func (h *Handler) questionForm(c *fiber.Ctx) error {
	quiz, q, err := h.ownQuestion(c)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.QuestionEdit(editPage(c, quiz, q, false)))
}

func (h *Handler) newQuestionForm(c *fiber.Ctx) error {
	quiz, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	kind := quizzes.Kind(c.Query("kind"))
	if !kind.Valid() {
		return fiber.NewError(fiber.StatusBadRequest, "Choose what kind of question to write.")
	}
	return render(c, fiber.StatusOK, views.QuestionEdit(editPage(c, quiz, quizzes.Question{Kind: kind, Points: 1}, true)))
}

// questionFromForm reads the question form; the question keeps the kind it
// was made with.
func questionFromForm(c *fiber.Ctx, q quizzes.Question) (quizzes.Question, string) {
	q.Prompt = strings.TrimSpace(c.FormValue("prompt"))
	q.Explanation = strings.TrimSpace(c.FormValue("explanation"))
	points, err := strconv.ParseFloat(c.FormValue("points", "1"), 64)
	if err != nil || quizzes.CheckPoints(points) != nil {
		return q, "Points must be a number from 0 to " + itoa(quizzes.MaxPoints) + "."
	}
	q.Points = points
	texts := formValues(c, "choice_text")
	correct := map[int]bool{}
	for _, v := range formValues(c, "correct") {
		if i, err := strconv.Atoi(v); err == nil {
			correct[i] = true
		}
	}
	q.Choices = nil
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.MultipleResponse, quizzes.TrueFalse:
		feedback, ids := formValues(c, "choice_feedback"), formValues(c, "choice_id")
		for i, t := range texts {
			if t = strings.TrimSpace(t); t == "" {
				if correct[i] {
					return q, "The choice marked right is empty."
				}
				continue
			}
			// an id not of this question is a new choice: the store keeps only its own
			id, _ := strconv.ParseInt(at(ids, i), 10, 64)
			q.Choices = append(q.Choices, quizzes.Choice{ID: id, Text: t, Correct: correct[i], Feedback: strings.TrimSpace(at(feedback, i))})
		}
	case quizzes.ShortAnswer, quizzes.Cloze:
		for _, line := range strings.Split(c.FormValue("accepted"), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				q.Choices = append(q.Choices, quizzes.Choice{Text: line, Correct: true})
			}
		}
		if q.Kind == quizzes.Cloze && !strings.Contains(q.Prompt, quizzes.Blank) {
			return q, "Write " + quizzes.Blank + " in the question where the missing words go."
		}
	case quizzes.Numerical:
		tolerances := formValues(c, "choice_tolerance")
		for i, t := range texts {
			if t = strings.TrimSpace(t); t == "" {
				continue
			}
			v, ok := quizzes.ParseNumber(t)
			tol, tolOK := quizzes.ParseNumber(at(tolerances, i))
			if strings.TrimSpace(at(tolerances, i)) == "" {
				tol, tolOK = 0, true
			}
			if !ok || !tolOK || tol < 0 {
				return q, "Row " + itoa(i+1) + ": write a number and the error allowed, such as 3.14 and 0.01."
			}
			q.Choices = append(q.Choices, quizzes.Choice{Text: strconv.FormatFloat(v, 'f', -1, 64), Correct: true, Tolerance: tol})
		}
	case quizzes.Matching:
		matches := formValues(c, "choice_match")
		for i, t := range texts {
			t, m := strings.TrimSpace(t), strings.TrimSpace(at(matches, i))
			switch {
			case t == "" && m == "":
				continue
			case m == "":
				return q, "Item “" + t + "” has no match."
			}
			q.Choices = append(q.Choices, quizzes.Choice{Text: t, Match: m, Correct: t != ""})
		}
	}
	err = q.Validate()
	if err == nil {
		err = q.CheckLimits()
	}
	if err != nil {
		msg := err.Error()
		return q, strings.ToUpper(msg[:1]) + msg[1:] + "."
	}
	return q, ""
}

func at(list []string, i int) string {
	if i < len(list) {
		return list[i]
	}
	return ""
}

// formValues returns every value of a repeated form field.
func formValues(c *fiber.Ctx, name string) []string {
	var out []string
	for _, v := range c.Request().PostArgs().PeekMulti(name) {
		out = append(out, string(v))
	}
	return out
}

func (h *Handler) saveQuestion(c *fiber.Ctx) error {
	quiz, q, err := h.ownQuestion(c)
	if err != nil {
		return err
	}
	edited, problem := questionFromForm(c, q)
	if problem != "" {
		p := editPage(c, quiz, edited, false)
		p.Error = problem
		return render(c, fiber.StatusUnprocessableEntity, views.QuestionEdit(p))
	}
	regraded, err := h.store.UpdateQuestion(ctx(c), edited)
	if err != nil {
		return err
	}
	notice := "Question saved."
	switch {
	case regraded == 1:
		notice = "Question saved; the one answer to it was marked again."
	case regraded > 1:
		notice = "Question saved; the " + itoa(regraded) + " answers to it were marked again."
	}
	return h.redirectWith(c, views.TeacherQuizURL(quiz.ID)+"#q"+itoa(q.Position), notice)
}

func (h *Handler) addQuestion(c *fiber.Ctx) error {
	quiz, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	kind := quizzes.Kind(c.FormValue("kind"))
	if !kind.Valid() {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Choose what kind of question to write.")
	}
	q, problem := questionFromForm(c, quizzes.Question{Kind: kind})
	if problem == "" && len(quiz.Questions) >= quizzes.MaxQuestions {
		problem = "A quiz holds at most " + itoa(quizzes.MaxQuestions) + " questions; start another quiz for more."
	}
	if problem != "" {
		p := editPage(c, quiz, q, true)
		p.Error = problem
		return render(c, fiber.StatusUnprocessableEntity, views.QuestionEdit(p))
	}
	added, err := h.store.AddQuestion(ctx(c), quiz.ID, q)
	if err != nil {
		return err
	}
	return h.redirectWith(c, views.TeacherQuizURL(quiz.ID)+"#q"+itoa(added.Position), "Question added.")
}

func (h *Handler) moveQuestion(c *fiber.Ctx) error {
	quiz, q, err := h.ownQuestion(c)
	if err != nil {
		return err
	}
	delta := map[string]int{"up": -1, "down": 1}[c.FormValue("dir")]
	if delta == 0 {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Move a question up or down.")
	}
	if err := h.store.MoveQuestion(ctx(c), quiz.ID, q.ID, delta); err != nil {
		return err
	}
	return c.Redirect(views.TeacherQuizURL(quiz.ID)+"#q"+itoa(max(1, q.Position+delta)), fiber.StatusSeeOther)
}

func (h *Handler) deleteQuestion(c *fiber.Ctx) error {
	quiz, q, err := h.ownQuestion(c)
	if err != nil {
		return err
	}
	d, err := h.store.DeleteQuestion(ctx(c), quiz.ID, q.ID)
	if err != nil {
		return err
	}
	return h.redirectWith(c, views.TeacherQuizURL(quiz.ID)+"#deleted", deletedNotice(d))
}
