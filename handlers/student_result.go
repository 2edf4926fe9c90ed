package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

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
			it.Outcome = quizzes.Grade(qu, r.Given)
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
	if q.ArticleID != 0 {
		art, err := h.store.Article(ctx(c), q.ArticleID)
		if err != nil {
			return p, err
		}
		p.Article = views.NewArticleView(art, spans)
	}
	return p, nil
}

// teacherAttempt shows the teacher one student's finished attempt, as the
// student's own result page shows it.
func (h *Handler) teacherAttempt(c *fiber.Ctx) error {
	q, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.Params("aid"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	a, err := h.store.Attempt(ctx(c), id)
	if err != nil {
		return err
	}
	if a.QuizID != q.ID || !a.Submitted() {
		return fiber.ErrNotFound
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
	return render(c, fiber.StatusOK, views.Result(p))
}
