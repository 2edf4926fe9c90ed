package handlers

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// result shows the score of a finished attempt and reviews each question
// with the student's answer, the key and the evidence from the article.
func (h *Handler) result(c *fiber.Ctx) error {
	a, q, err := h.ownAttempt(c)
	if err != nil {
		return err
	}
	if !a.Submitted() {
		return c.Redirect(views.AttemptURL(a.ID), fiber.StatusSeeOther)
	}
	p, err := h.resultPage(c, a, q)
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.Result(p))
}

// resultPage reviews a finished attempt question by question, for the
// student who made it or the teacher who owns the quiz.
func (h *Handler) resultPage(c *fiber.Ctx, a quizzes.Attempt, q quizzes.Quiz) (views.ResultPage, error) {
	responses, err := h.store.Responses(ctx(c), a.ID)
	if err != nil {
		return views.ResultPage{}, err
	}
	p := views.ResultPage{Page: page(c, "Result: "+q.Title), Quiz: q, Attempt: a}
	var spans []views.Span
	for n, i := range quizzes.Order(len(q.Questions), q.Settings.ShuffleQuestions, uint64(a.ID)) {
		qu := q.Questions[i]
		r, answered := responses[qu.ID]
		it := views.ReviewItem{Number: n + 1, Question: qu, Answered: answered, Keys: quizzes.DescribeKey(qu)}
		if answered {
			it.Given = quizzes.DescribeAnswer(qu, r.Given)
			it.Outcome = quizzes.OutcomeOf(qu, r)
		}
		if it.Outcome.Correct {
			p.Correct++
		}
		if qu.Evidence.End > qu.Evidence.Start {
			it.EvidenceID = "ev" + strconv.Itoa(n+1)
			spans = append(spans, views.Span{Start: qu.Evidence.Start, End: qu.Evidence.End, ID: it.EvidenceID})
		}
		p.Items = append(p.Items, it)
	}
	p.Article, err = h.articleView(c, q, spans)
	return p, err
}

// teacherAttemptOf loads the finished attempt in the URL if it is of a quiz
// the teacher has the access need to.
func (h *Handler) teacherAttemptOf(c *fiber.Ctx, need quizzes.Access) (quizzes.Attempt, quizzes.Quiz, error) {
	q, err := h.quizFor(c, need)
	if err != nil {
		return quizzes.Attempt{}, q, err
	}
	id, err := strconv.ParseInt(c.Params("aid"), 10, 64)
	if err != nil {
		return quizzes.Attempt{}, q, fiber.ErrNotFound
	}
	a, err := h.store.Attempt(ctx(c), id)
	if err != nil {
		return a, q, err
	}
	if a.QuizID != q.ID || !a.Submitted() {
		return a, q, fiber.ErrNotFound
	}
	return a, q, nil
}

// markAnswer records the teacher's mark for an essay and updates the score.
func (h *Handler) markAnswer(c *fiber.Ctx) error {
	a, q, err := h.teacherAttemptOf(c, quizzes.EditAccess)
	if err != nil {
		return err
	}
	qid, _ := strconv.ParseInt(c.FormValue("question_id"), 10, 64)
	var question *quizzes.Question
	for i := range q.Questions {
		if q.Questions[i].ID == qid {
			question = &q.Questions[i]
		}
	}
	if question == nil || question.Kind != quizzes.Essay {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Only essays are marked by hand; the others are marked as students answer.")
	}
	max := question.Normalize().Points
	points, err := strconv.ParseFloat(strings.ReplaceAll(c.FormValue("points"), ",", "."), 64)
	if err != nil || math.IsNaN(points) || points < 0 || points > max {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The mark must be a number from 0 to "+views.Points(max)+".")
	}
	err = h.store.MarkResponse(ctx(c), a.ID, qid, points, points >= max)
	if errors.Is(err, db.ErrNotFound) {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The student left this question blank; there is nothing to mark.")
	}
	if err != nil {
		return err
	}
	return h.redirectWith(c, views.ResultsURL(q.ID)+"/attempt/"+strconv.FormatInt(a.ID, 10), "Mark saved.")
}

// teacherAttempt shows the teacher one student's finished attempt, as the
// student's own result page shows it.
func (h *Handler) teacherAttempt(c *fiber.Ctx) error {
	a, q, err := h.teacherAttemptOf(c, quizzes.ViewAccess)
	if err != nil {
		return err
	}
	p, err := h.resultPage(c, a, q)
	if err != nil {
		return err
	}
	st, err := h.store.Student(ctx(c), a.StudentID)
	if err != nil {
		return err
	}
	p.Title = st.DisplayName + ": " + q.Title
	p.StudentName = st.DisplayName
	p.BackURL = views.ResultsURL(q.ID)
	p.Notice = h.takeFlash(c)
	_, access, _ := h.quizAccess(c)
	for i, it := range p.Items {
		if it.Question.Kind == quizzes.Essay && it.Answered && access >= quizzes.EditAccess { // a viewer reads marks only
			p.Items[i].MarkURL = views.ResultsURL(q.ID) + "/attempt/" + strconv.FormatInt(a.ID, 10) + "/mark"
		}
	}
	return render(c, fiber.StatusOK, views.Result(p))
}
