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
	responses, err := h.store.Responses(ctx(c), a.ID)
	if err != nil {
		return err
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
			return err
		}
		p.Article = views.NewArticleView(art, spans)
	}
	return render(c, fiber.StatusOK, views.Result(p))
}
