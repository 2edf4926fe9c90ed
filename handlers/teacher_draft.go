package handlers

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// poolPageSize is how many of the pool's questions the quiz page lists at
// a time.
const poolPageSize = 10

// offerDraft fills in the quiz page what the generator offers besides the
// quiz's questions: alternatives on each question's passage and the pool.
// A quiz made before candidates were kept, or not generated, has none.
func (h *Handler) offerDraft(c *fiber.Ctx, p *views.TeacherQuizPage, body string) error {
	cands, err := h.store.Candidates(ctx(c), p.Quiz.ID)
	if err != nil || len(cands) == 0 {
		return err
	}
	if p.Answered, err = h.store.AnsweredQuestions(ctx(c), p.Quiz.ID); err != nil {
		return err
	}
	offer := quizzes.OfferCandidates(body, p.Quiz.Questions, cands)
	p.Alternatives = offer.Alternatives
	p.PoolTotal = len(offer.Pool)
	p.PoolPages = (len(offer.Pool) + poolPageSize - 1) / poolPageSize
	p.PoolPage, _ = strconv.Atoi(c.Query("pool"))
	p.PoolPage = min(max(p.PoolPage, 1), max(p.PoolPages, 1))
	from := (p.PoolPage - 1) * poolPageSize
	p.Pool = offer.Pool[from:min(from+poolPageSize, len(offer.Pool))]
	p.PoolFirst = from + 1
	return nil
}

// candidateID reads the candidate a form names.
func candidateID(c *fiber.Ctx) (int64, error) {
	id, err := strconv.ParseInt(c.FormValue("candidate"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fiber.NewError(fiber.StatusUnprocessableEntity, "Choose one of the questions offered.")
	}
	return id, nil
}

// draftError turns the store's refusals into messages for the teacher.
func draftError(err error) error {
	switch {
	case errors.Is(err, db.ErrCandidateGone):
		return fiber.NewError(fiber.StatusConflict, "That question is no longer offered: it was swapped in or added already. Go back to the quiz to see what is offered now.")
	case errors.Is(err, db.ErrAnswered):
		return fiber.NewError(fiber.StatusConflict, "Students have answered this question, so it cannot be swapped: their answers would be lost. Edit it instead, or add another question.")
	}
	return err
}

// swapQuestion puts an offered question in the place of one of the quiz;
// the question swapped out is offered in its stead.
func (h *Handler) swapQuestion(c *fiber.Ctx) error {
	quiz, q, err := h.ownQuestion(c)
	if err != nil {
		return err
	}
	cid, err := candidateID(c)
	if err != nil {
		return err
	}
	in, err := h.store.SwapCandidate(ctx(c), quiz.ID, q.ID, cid)
	if err != nil {
		return draftError(err)
	}
	return h.redirectWith(c, views.TeacherQuizURL(quiz.ID)+"#q"+itoa(in.Position),
		"Question "+itoa(in.Position)+" swapped. The one it replaced is offered beside it, if you want it back.")
}

// addFromPool adds an offered question to the quiz, in the article's order.
func (h *Handler) addFromPool(c *fiber.Ctx) error {
	quiz, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	cid, err := candidateID(c)
	if err != nil {
		return err
	}
	if len(quiz.Questions) >= quizzes.MaxQuestions {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "A quiz holds at most "+itoa(quizzes.MaxQuestions)+" questions; start another quiz for more.")
	}
	added, err := h.store.AddCandidate(ctx(c), quiz.ID, cid)
	if err != nil {
		return draftError(err)
	}
	return h.redirectWith(c, views.TeacherQuizURL(quiz.ID)+"#q"+itoa(added.Position), "Added as question "+itoa(added.Position)+".")
}
