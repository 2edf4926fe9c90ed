package handlers

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// maxAnswerBytes bounds a typed answer; essays get more room.
const (
	maxAnswerBytes = 2000
	maxEssayBytes  = 50000
)

// ownAttempt loads the attempt in the URL and its quiz, if it belongs to the
// student asking. Anyone else gets a 404, so attempts cannot be probed.
func (h *Handler) ownAttempt(c *fiber.Ctx) (quizzes.Attempt, quizzes.Quiz, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return quizzes.Attempt{}, quizzes.Quiz{}, fiber.ErrNotFound
	}
	a, err := h.store.Attempt(ctx(c), id)
	if err != nil {
		return a, quizzes.Quiz{}, err
	}
	st := currentStudent(c)
	if st == nil || st.ID != a.StudentID {
		return a, quizzes.Quiz{}, fiber.ErrNotFound
	}
	q, err := h.store.Quiz(ctx(c), a.QuizID)
	return a, q, err
}

// expired submits an attempt whose time is up and reports whether it did.
func (h *Handler) expired(c *fiber.Ctx, a quizzes.Attempt, q quizzes.Quiz) (bool, error) {
	d := a.Deadline(q.Settings.TimeLimit)
	if a.Submitted() || d.IsZero() || h.cfg.Clock().Before(d) {
		return false, nil
	}
	_, err := h.store.SubmitAttempt(ctx(c), a.ID)
	return true, err
}

func (h *Handler) showAttempt(c *fiber.Ctx) error {
	a, q, err := h.ownAttempt(c)
	if err != nil {
		return err
	}
	if a.Submitted() {
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	}
	if done, err := h.expired(c, a, q); err != nil || done {
		if err != nil {
			return err
		}
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	}
	p, err := h.attemptPage(c, a, q, 0, "")
	if err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.Attempt(p))
}

// attemptPage builds the page; errQuestion and errMsg put a message on one question.
func (h *Handler) attemptPage(c *fiber.Ctx, a quizzes.Attempt, q quizzes.Quiz, errQuestion int64, errMsg string) (views.AttemptPage, error) {
	responses, err := h.store.Responses(ctx(c), a.ID)
	if err != nil {
		return views.AttemptPage{}, err
	}
	p := views.AttemptPage{Page: page(c, q.Title), Quiz: q, Attempt: a, Deadline: a.Deadline(q.Settings.TimeLimit)}
	var spans []views.Span
	for n, i := range quizzes.Order(len(q.Questions), q.Settings.ShuffleQuestions, uint64(a.ID)) {
		qu := q.Questions[i]
		r, answered := responses[qu.ID]
		v := questionView(n+1, qu, r, answered, q.Settings, uint64(a.ID))
		if qu.ID == errQuestion {
			v.Error = errMsg
		}
		if answered {
			p.Answered++
		}
		if v.ShowFeedback && v.EvidenceID != "" {
			spans = append(spans, views.Span{Start: qu.Evidence.Start, End: qu.Evidence.End, ID: v.EvidenceID})
		}
		p.Questions = append(p.Questions, v)
	}
	p.Article, err = h.articleView(c, q, spans)
	return p, err
}

// articleView is the quiz's article with the given spans marked; nil when
// the quiz has no article.
func (h *Handler) articleView(c *fiber.Ctx, q quizzes.Quiz, spans []views.Span) (*views.ArticleView, error) {
	if q.ArticleID == 0 {
		return nil, nil
	}
	art, err := h.store.Article(ctx(c), q.ArticleID)
	if err != nil {
		return nil, err
	}
	return views.NewArticleView(art, spans), nil
}

// questionView shapes one question for the page, choices in the order this
// attempt shows them.
func questionView(n int, q quizzes.Question, r quizzes.Response, answered bool, s quizzes.Settings, seed uint64) views.QuestionView {
	v := views.QuestionView{Number: n, Question: q, Answered: answered, AutoSave: s.Feedback != quizzes.FeedbackNow}
	if answered && s.Feedback == quizzes.FeedbackNow {
		v.Locked, v.ShowFeedback = true, true
		v.Outcome = quizzes.OutcomeOf(q, r)
		v.Keys = quizzes.DescribeKey(q)
		if q.Evidence.End > q.Evidence.Start {
			v.EvidenceID = "ev" + strconv.Itoa(n)
		}
	}
	chosen := map[int]bool{}
	if answered {
		for _, part := range strings.Split(r.Given, ",") {
			if i, err := strconv.Atoi(part); err == nil {
				chosen[i] = true
			}
		}
	}
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.MultipleResponse, quizzes.TrueFalse:
		shuffle := s.ShuffleChoices && q.Kind != quizzes.TrueFalse
		for _, i := range quizzes.Order(len(q.Choices), shuffle, seed^uint64(q.ID)<<20) {
			c := q.Choices[i]
			v.Choices = append(v.Choices, views.ChoiceView{Index: i, Text: c.Text, Checked: chosen[i], Correct: c.Correct})
		}
	case quizzes.Matching:
		for _, p := range quizzes.MatchingPairs(q.Choices) {
			v.MatchLeft = append(v.MatchLeft, p.Text)
		}
		seen := map[string]bool{}
		var options []string
		for _, c := range q.Choices {
			if c.Match != "" && !seen[c.Match] {
				seen[c.Match] = true
				options = append(options, c.Match)
			}
		}
		// Right-hand items are always shuffled: in stored order they would give the answer away.
		for _, i := range quizzes.Order(len(options), true, seed^uint64(q.ID)) {
			v.MatchOptions = append(v.MatchOptions, options[i])
		}
		if answered {
			v.MatchGiven = strings.Split(r.Given, quizzes.MatchSeparator)
		}
	default:
		v.Given = r.Given
	}
	return v
}

// givenAnswer reads the answer to q from the form, or says what is wrong with it.
func givenAnswer(c *fiber.Ctx, q quizzes.Question) (string, string) {
	args := c.Request().PostArgs()
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		var picked []string
		for _, raw := range args.PeekMulti("answer") {
			i, err := strconv.Atoi(string(raw))
			if err != nil || i < 0 || i >= len(q.Choices) {
				return "", "That choice is not one of this question's answers."
			}
			picked = append(picked, strconv.Itoa(i))
		}
		if len(picked) == 0 {
			return "", "Choose an answer before saving."
		}
		if q.Kind != quizzes.MultipleResponse && len(picked) > 1 {
			return "", "Choose only one answer."
		}
		return strings.Join(picked, ","), ""
	case quizzes.Matching:
		var parts []string
		any := false
		for _, raw := range args.PeekMulti("match") {
			parts = append(parts, string(raw))
			any = any || len(raw) > 0
		}
		if !any {
			return "", "Match at least one item before saving."
		}
		return strings.Join(parts, quizzes.MatchSeparator), ""
	case quizzes.Description:
		return "", "This part has nothing to answer."
	}
	text := strings.TrimSpace(c.FormValue("answer"))
	limit := maxAnswerBytes
	if q.Kind == quizzes.Essay {
		limit = maxEssayBytes
	}
	switch {
	case text == "":
		return "", "Write an answer before saving."
	case !utf8.ValidString(text):
		return "", "The answer has characters that cannot be read."
	case len(text) > limit:
		return "", "The answer is too long."
	}
	if q.Kind == quizzes.Numerical {
		if _, ok := quizzes.ParseNumber(text); !ok {
			return "", "Write a number, such as 42 or 3.5."
		}
	}
	return text, ""
}

// answer stores one answer the moment it is given. Without JavaScript the
// browser is sent back to the question; with it, the question's new HTML
// is returned for the script to put in place.
func (h *Handler) answer(c *fiber.Ctx) error {
	a, q, err := h.ownAttempt(c)
	if err != nil {
		return err
	}
	if a.Submitted() {
		return fiber.NewError(fiber.StatusConflict, "This attempt is finished; its answers can no longer change.")
	}
	if done, err := h.expired(c, a, q); err != nil || done {
		if err != nil {
			return err
		}
		return fiber.NewError(fiber.StatusConflict, "Time is up for this attempt. Your answers so far have been handed in.")
	}
	qid, _ := strconv.ParseInt(c.FormValue("question_id"), 10, 64)
	var question *quizzes.Question
	for i := range q.Questions {
		if q.Questions[i].ID == qid {
			question = &q.Questions[i]
		}
	}
	if question == nil {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The answer names a question that is not in this quiz.")
	}
	given, problem := givenAnswer(c, *question)
	if problem == "" && q.Settings.Feedback == quizzes.FeedbackNow {
		responses, err := h.store.Responses(ctx(c), a.ID)
		if err != nil {
			return err
		}
		if _, done := responses[qid]; done {
			problem = "You have already answered this question."
		}
	}
	if problem == "" {
		o := quizzes.Grade(*question, given)
		err := h.store.SaveResponse(ctx(c), quizzes.Response{AttemptID: a.ID, QuestionID: qid, Given: given, Correct: o.Correct, Points: o.Points})
		if errors.Is(err, db.ErrAttemptClosed) {
			return fiber.NewError(fiber.StatusConflict, "This attempt is finished; its answers can no longer change.")
		}
		if err != nil {
			return err
		}
	}
	status := fiber.StatusOK
	if problem != "" {
		status = fiber.StatusUnprocessableEntity
	}
	p, err := h.attemptPage(c, a, q, qid, problem)
	if err != nil {
		return err
	}
	if c.Get("X-Requested-With") == "fetch" {
		for _, v := range p.Questions {
			if v.Question.ID == qid {
				c.Set("X-Answered", strconv.Itoa(p.Answered))
				return render(c, status, views.QuestionCard(a.ID, p.CSRF, v))
			}
		}
	}
	if problem != "" {
		return render(c, status, views.Attempt(p))
	}
	for _, v := range p.Questions {
		if v.Question.ID == qid {
			return c.Redirect(views.AttemptURL(a.ID)+"#q"+strconv.Itoa(v.Number), fiber.StatusSeeOther)
		}
	}
	return c.Redirect(views.AttemptURL(a.ID), fiber.StatusSeeOther)
}

// finish hands the attempt in and shows the result.
func (h *Handler) finish(c *fiber.Ctx) error {
	a, _, err := h.ownAttempt(c)
	if err != nil {
		return err
	}
	if !a.Submitted() {
		if _, err := h.store.SubmitAttempt(ctx(c), a.ID); err != nil {
			return err
		}
	}
	return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
}
