package handlers

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// ownAttempt loads the attempt in the URL and its quiz, if it belongs to the
// student asking. Anyone else gets a 404, so attempts cannot be probed.
func (h *Handler) ownAttempt(c *fiber.Ctx) (quizzes.Attempt, quizzes.Quiz, error) {
	st, q, err := h.attemptState(c, false)
	return st.Attempt, q, err
}

// attemptState is ownAttempt with the attempt's answers when
// withResponses. One query reads the attempt with the versions of its quiz
// and of the roster, which tell whether the quiz and the student kept in
// memory are current.
func (h *Handler) attemptState(c *fiber.Ctx, withResponses bool) (db.AttemptState, quizzes.Quiz, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return db.AttemptState{}, quizzes.Quiz{}, fiber.ErrNotFound
	}
	state, err := h.store.AttemptState(ctx(c), id, withResponses)
	if err != nil {
		return state, quizzes.Quiz{}, err
	}
	if err := h.confirmStudent(c, state.RosterVersion); err != nil {
		return state, quizzes.Quiz{}, err
	}
	st := currentStudent(c)
	if st == nil || st.ID != state.Attempt.StudentID || state.QuizVersion == 0 {
		return state, quizzes.Quiz{}, fiber.ErrNotFound
	}
	snap, err := h.store.QuizSnapshotAt(ctx(c), state.Attempt.QuizID, state.QuizVersion)
	if err != nil {
		return state, quizzes.Quiz{}, err
	}
	c.Locals(snapshotKey, snap)
	return state, snap.Quiz, nil
}

// snapshotKey holds the quiz snapshot a request read, whose article the
// page then shows without reading it again.
const snapshotKey = "quiz-snapshot"

// quizSnapshot is the quiz as students see it now, shared with other
// requests (nothing may change it), kept for the rest of the request.
func (h *Handler) quizSnapshot(c *fiber.Ctx, id int64) (*db.Snapshot, error) {
	snap, err := h.store.QuizSnapshot(ctx(c), id)
	if err != nil {
		return nil, err
	}
	c.Locals(snapshotKey, snap)
	return snap, nil
}

// quizArticle is the article of quiz q: the one of the snapshot the
// request read, or else from the database.
func (h *Handler) quizArticle(c *fiber.Ctx, q quizzes.Quiz) (quizzes.Article, error) {
	if snap, ok := c.Locals(snapshotKey).(*db.Snapshot); ok && snap.Quiz.ID == q.ID && snap.Article != nil && snap.Article.ID == q.ArticleID {
		return *snap.Article, nil
	}
	return h.store.Article(ctx(c), q.ArticleID)
}

// expired hands in an attempt whose time (and grace) is up and reports
// whether it did.
func (h *Handler) expired(c *fiber.Ctx, a quizzes.Attempt, q quizzes.Quiz) (bool, error) {
	by := a.HandInBy(q.Settings.TimeLimit)
	if a.Submitted() || by.IsZero() || !h.cfg.Clock().After(by) {
		return false, nil
	}
	_, err := h.store.HandInOverdue(ctx(c), q.ID, h.cfg.Clock())
	return true, err
}

func (h *Handler) showAttempt(c *fiber.Ctx) error {
	state, q, err := h.attemptState(c, true)
	if err != nil {
		return err
	}
	a := state.Attempt
	if a.Submitted() {
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	}
	if done, err := h.expired(c, a, q); err != nil || done {
		if err != nil {
			return err
		}
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	}
	p, err := h.attemptPage(c, a, q, state.Responses, sentAnswers{})
	if err != nil {
		return err
	}
	return renderAttempt(c, fiber.StatusOK, &p)
}

// sentAnswers is what one post of the quiz form carried: every answer on
// the page, and what was wrong with some of them.
type sentAnswers struct {
	answers  map[int64]quizzes.Answer // non-empty, readable answers
	drafts   map[int64]quizzes.Answer // answers to show again as typed: refused or not saved
	problems map[int64]string
}

// readAnswers reads every question's answer from the posted quiz form.
func readAnswers(c *fiber.Ctx, q quizzes.Quiz) sentAnswers {
	s := sentAnswers{answers: map[int64]quizzes.Answer{}, drafts: map[int64]quizzes.Answer{}, problems: map[int64]string{}}
	for _, qu := range q.Questions {
		a, problem := answerFromForm(c, qu)
		switch {
		case problem != "":
			s.problems[qu.ID] = problem
			s.drafts[qu.ID] = a
		case !a.Empty():
			s.answers[qu.ID] = a
		}
	}
	return s
}

// attemptPage builds the page of an open attempt: each question shows what
// the student sent but is not stored (sent.drafts) or else what is stored
// (responses; read here when nil).
func (h *Handler) attemptPage(c *fiber.Ctx, a quizzes.Attempt, q quizzes.Quiz, responses map[int64]quizzes.Response, sent sentAnswers) (views.AttemptPage, error) {
	if responses == nil {
		var err error
		if responses, err = h.store.Responses(ctx(c), a.ID); err != nil {
			return views.AttemptPage{}, err
		}
	}
	p := views.AttemptPage{Page: page(c, q.Title), Quiz: q, Attempt: a, Deadline: a.Deadline(q.Settings.TimeLimit),
		AutoSave: q.Settings.Feedback != quizzes.FeedbackNow}
	var spans []views.Span
	statics := h.questionStatics(c, q)
	p.Questions = make([]views.QuestionView, len(q.Questions))
	for n, i := range quizzes.Order(len(q.Questions), q.Settings.ShuffleQuestions, uint64(a.ID)) {
		qu := &q.Questions[i]
		r, answered := responses[qu.ID]
		v := &p.Questions[n] // filled in place: a card is a few hundred bytes
		setQuestionView(v, n+1, qu, &r, answered, &q.Settings, uint64(a.ID))
		v.Static = statics[qu.ID]
		if d, ok := sent.drafts[qu.ID]; ok && !v.Locked {
			showAnswer(v, d)
			v.Draft = true
		}
		v.Error = sent.problems[qu.ID]
		if answered {
			p.Answered++
		}
		if v.ShowFeedback && v.EvidenceID != "" {
			spans = append(spans, views.Span{Start: qu.Evidence.Start, End: qu.Evidence.End, ID: v.EvidenceID})
		}
	}
	art, err := h.articleView(c, q, spans)
	p.Article = art
	return p, err
}

// questionStatics are the parts of quiz q's question cards that are alike
// for every student, rendered once per snapshot; nil (each card renders
// its own) when q is not the snapshot the request read.
func (h *Handler) questionStatics(c *fiber.Ctx, q quizzes.Quiz) map[int64]*views.QuestionStatic {
	snap, ok := c.Locals(snapshotKey).(*db.Snapshot)
	if !ok || len(q.Questions) == 0 || len(snap.Quiz.Questions) != len(q.Questions) || &snap.Quiz.Questions[0] != &q.Questions[0] {
		return nil // not the snapshot's own questions
	}
	return snap.Derived("questions", func() any {
		m := make(map[int64]*views.QuestionStatic, len(snap.Quiz.Questions))
		for _, qu := range snap.Quiz.Questions {
			m[qu.ID] = views.NewQuestionStatic(qu)
		}
		return m
	}).(map[int64]*views.QuestionStatic)
}

// articleView is the quiz's article with the given spans marked; nil when
// the quiz has no article.
func (h *Handler) articleView(c *fiber.Ctx, q quizzes.Quiz, spans []views.Span) (*views.ArticleView, error) {
	if q.ArticleID == 0 {
		return nil, nil
	}
	if snap, ok := c.Locals(snapshotKey).(*db.Snapshot); ok && len(spans) == 0 && snap.Quiz.ID == q.ID && snap.Article != nil && snap.Article.ID == q.ArticleID {
		// Nothing marked: the same HTML for every student, made once.
		return snap.Derived("article", func() any { return views.RenderedArticle(*snap.Article) }).(*views.ArticleView), nil
	}
	art, err := h.quizArticle(c, q)
	if err != nil {
		return nil, err
	}
	return views.NewArticleView(art, spans), nil
}

// questionView shapes one question for the page, choices in the order this
// attempt shows them.
func questionView(n int, q quizzes.Question, r quizzes.Response, answered bool, s quizzes.Settings, seed uint64) views.QuestionView {
	var v views.QuestionView
	setQuestionView(&v, n, &q, &r, answered, &s, seed)
	return v
}

// setQuestionView is questionView written into v.
func setQuestionView(v *views.QuestionView, n int, q *quizzes.Question, r *quizzes.Response, answered bool, s *quizzes.Settings, seed uint64) {
	*v = views.QuestionView{Number: n, Question: *q, Answered: answered}
	if answered && s.Feedback == quizzes.FeedbackNow {
		v.Locked, v.ShowFeedback = true, true
		v.Outcome = quizzes.OutcomeOf(*q, *r)
		v.Keys = quizzes.DescribeKey(*q)
		if q.Evidence.End > q.Evidence.Start {
			v.EvidenceID = "ev" + strconv.Itoa(n)
		}
	}
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.MultipleResponse, quizzes.TrueFalse:
		v.Choices = make([]views.ChoiceView, len(q.Choices))
		if shuffle := s.ShuffleChoices && q.Kind != quizzes.TrueFalse; shuffle {
			for j, i := range quizzes.Order(len(q.Choices), shuffle, seed^uint64(q.ID)<<20) {
				c := &q.Choices[i]
				v.Choices[j] = views.ChoiceView{ID: c.ID, Text: c.Text, Correct: c.Correct}
			}
		} else {
			for i := range q.Choices {
				c := &q.Choices[i]
				v.Choices[i] = views.ChoiceView{ID: c.ID, Text: c.Text, Correct: c.Correct}
			}
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
	}
	if answered {
		showAnswer(v, r.Given)
	}
}

// showAnswer fills the question's controls with an answer.
func showAnswer(v *views.QuestionView, a quizzes.Answer) {
	for i := range v.Choices {
		v.Choices[i].Checked = a.Chose(v.Choices[i].ID)
	}
	v.MatchGiven = a.Pairs
	v.Given = a.Text
}

// answer stores the answers of the quiz form. Every answer on the page
// travels with each save, so nothing typed elsewhere is lost; the button
// pressed (save=question id) names the question the student means. Where
// feedback comes at once only that question is stored (its answer then
// locks) and the others are shown again as typed. Without JavaScript the
// browser is sent back to the question; with it (X-Requested-With: fetch)
// the new cards of the question pressed and of those with a problem are
// returned, and X-Saved lists the questions stored.
func (h *Handler) answer(c *fiber.Ctx) error {
	a, q, err := h.ownAttempt(c)
	if err != nil {
		return err
	}
	if a.Submitted() {
		return h.closedAttempt(c, a, q, false)
	}
	sent := readAnswers(c, q)
	pressed, _ := strconv.ParseInt(c.FormValue("save"), 10, 64)
	pressedQ := questionByID(q, pressed)
	if pressed != 0 && pressedQ == nil {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The answer names a question that is not in this quiz.")
	}
	if pressedQ != nil {
		if _, ok := sent.answers[pressed]; !ok && sent.problems[pressed] == "" {
			sent.problems[pressed] = blankProblem(*pressedQ)
		}
	}
	toSave := sent.answers
	notice := ""
	if q.Settings.Feedback == quizzes.FeedbackNow && pressedQ == nil {
		// Enter in an answer box without the script names no question.
		// Where an answer locks once checked, only the one new answer on
		// the page is what the student meant; with several, none is
		// checked, so that no answer is locked before the student says so.
		if len(sent.answers) == 1 {
			for id := range sent.answers {
				pressed, pressedQ = id, questionByID(q, id)
			}
		} else if len(sent.answers) > 1 {
			notice = "Nothing was checked yet: press “Save answer” under the question you want checked. Each answer locks once it is checked; your answers stay on the page."
			for id, ans := range sent.answers {
				sent.drafts[id] = ans
			}
			toSave = nil
		}
	}
	if q.Settings.Feedback == quizzes.FeedbackNow && pressedQ != nil {
		toSave = map[int64]quizzes.Answer{}
		for id, ans := range sent.answers {
			if id == pressed {
				toSave[id] = ans
			} else {
				sent.drafts[id] = ans
			}
		}
	}
	saved, err := h.store.SaveAnswers(ctx(c), q, a.ID, toSave, h.cfg.Clock())
	switch {
	case errors.Is(err, db.ErrTimeUp):
		return h.closedAttempt(c, a, q, true)
	case errors.Is(err, db.ErrAttemptClosed):
		return h.closedAttempt(c, a, q, false)
	case err != nil:
		return err
	}
	for _, id := range saved.Locked {
		if id == pressed {
			sent.problems[id] = "You have already answered this question; the first answer counts."
		}
	}
	status := fiber.StatusOK
	if len(sent.problems) > 0 {
		status = fiber.StatusUnprocessableEntity
	}
	script := c.Get("X-Requested-With") == "fetch"
	if script || status != fiber.StatusOK || len(sent.drafts) > 0 {
		p, err := h.attemptPage(c, a, q, nil, sent)
		if err != nil {
			return err
		}
		p.Notice = notice
		if script {
			// The script puts in place only the card of the question
			// pressed and those with a problem; the rest it marks saved
			// from X-Saved.
			c.Set("X-Answered", strconv.Itoa(p.Answered))
			c.Set("X-Saved", joinIDs(saved.Stored))
			cards := map[int64]bool{pressed: pressed != 0}
			for id := range sent.problems {
				cards[id] = true
			}
			return render(c, status, views.QuestionCards(p, cards))
		}
		return renderAttempt(c, status, &p)
	}
	anchor := ""
	for n, i := range quizzes.Order(len(q.Questions), q.Settings.ShuffleQuestions, uint64(a.ID)) {
		if q.Questions[i].ID == pressed {
			anchor = "#q" + strconv.Itoa(n+1)
		}
	}
	return c.Redirect(views.AttemptURL(a.ID)+anchor, fiber.StatusSeeOther)
}

// finish stores every answer on the page and shows the review page, where
// the student sees what is unanswered and confirms. An answer that cannot
// be read keeps the student on the quiz with what they typed.
func (h *Handler) finish(c *fiber.Ctx) error {
	a, q, err := h.ownAttempt(c)
	if err != nil {
		return err
	}
	if a.Submitted() {
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	}
	sent := readAnswers(c, q)
	_, err = h.store.SaveAnswers(ctx(c), q, a.ID, sent.answers, h.cfg.Clock())
	switch {
	case errors.Is(err, db.ErrTimeUp):
		return h.closedAttempt(c, a, q, true)
	case errors.Is(err, db.ErrAttemptClosed):
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	case err != nil:
		return err
	}
	if len(sent.problems) > 0 {
		p, err := h.attemptPage(c, a, q, nil, sent)
		if err != nil {
			return err
		}
		p.Notice = "Some answers need another look before you finish; they are marked below."
		return renderAttempt(c, fiber.StatusUnprocessableEntity, &p)
	}
	return c.Redirect(views.ReviewURL(a.ID), fiber.StatusSeeOther)
}

// review lists the attempt's questions, answered or not, each with a link
// back to it, and asks the student to confirm the hand-in.
func (h *Handler) review(c *fiber.Ctx) error {
	state, q, err := h.attemptState(c, true)
	if err != nil {
		return err
	}
	a := state.Attempt
	if a.Submitted() {
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	}
	if done, err := h.expired(c, a, q); err != nil || done {
		if err != nil {
			return err
		}
		return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
	}
	p, err := h.attemptPage(c, a, q, state.Responses, sentAnswers{})
	if err != nil {
		return err
	}
	p.Title = "Check and hand in: " + q.Title
	return render(c, fiber.StatusOK, views.Review(p))
}

// handIn hands the attempt in with any answers sent with it (the countdown
// sends the page's answers when time runs out) and shows the result.
func (h *Handler) handIn(c *fiber.Ctx) error {
	a, q, err := h.ownAttempt(c)
	if err != nil {
		return err
	}
	sent := readAnswers(c, q)
	_, err = h.store.FinishAttempt(ctx(c), q, a.ID, sent.answers, h.cfg.Clock())
	if errors.Is(err, db.ErrTimeUp) && len(sent.answers) > 0 && c.FormValue("auto") == "" {
		return h.closedAttempt(c, a, q, true)
	}
	if err != nil && !errors.Is(err, db.ErrTimeUp) {
		return err
	}
	return c.Redirect(views.ResultURL(a.ID), fiber.StatusSeeOther)
}

// closedAttempt answers an answer that came for a handed-in attempt: a page
// that says what happened and leads to the score.
func (h *Handler) closedAttempt(c *fiber.Ctx, a quizzes.Attempt, q quizzes.Quiz, late bool) error {
	c.Set("X-Attempt-Closed", views.ResultURL(a.ID))
	p := views.ClosedPage{Page: page(c, "Time is up: "+q.Title), Quiz: q, ResultURL: views.ResultURL(a.ID), Late: late}
	if !late {
		p.Title = "Already handed in: " + q.Title
	}
	return render(c, fiber.StatusConflict, views.AttemptClosed(p))
}

func questionByID(q quizzes.Quiz, id int64) *quizzes.Question {
	for i := range q.Questions {
		if q.Questions[i].ID == id {
			return &q.Questions[i]
		}
	}
	return nil
}

func joinIDs(ids []int64) string {
	out := ""
	for i, id := range ids {
		if i > 0 {
			out += ","
		}
		out += strconv.FormatInt(id, 10)
	}
	return out
}
