package handlers

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate"
	"quiztrainer/views"
)

const defaultDraftQuestions = generate.DraftQuestions

func (h *Handler) newQuizForm(c *fiber.Ctx) error {
	return render(c, fiber.StatusOK, views.NewQuiz(views.NewQuizPage{Page: page(c, "New quiz"), Count: defaultDraftQuestions, MaxBytes: h.cfg.UploadLimit}))
}

// newQuiz stores the article and a draft quiz of the generator's best
// questions on it, then opens the draft for review.
func (h *Handler) newQuiz(c *fiber.Ctx) error {
	p := views.NewQuizPage{Page: page(c, "New quiz"), MaxBytes: h.cfg.UploadLimit,
		Title: strings.TrimSpace(c.FormValue("title")), Source: strings.TrimSpace(c.FormValue("source")), Text: c.FormValue("text")}
	p.Count, _ = strconv.Atoi(c.FormValue("count"))
	if p.Count < 1 || p.Count > 50 {
		p.Count = defaultDraftQuestions
	}
	fail := func(status int, msg string) error {
		p.Error = msg
		return render(c, status, views.NewQuiz(p))
	}
	name, data, err := uploadedFile(c, "file")
	if err != nil {
		return err
	}
	if len(data) > h.cfg.UploadLimit || len(p.Text) > h.cfg.UploadLimit {
		return fail(fiber.StatusRequestEntityTooLarge, "The article is too large; the limit is "+itoa(h.cfg.UploadLimit>>20)+" MB.")
	}
	text := p.Text
	if len(data) > 0 {
		if text, err = quizzes.ArticleText(name, data); err != nil {
			return fail(fiber.StatusUnprocessableEntity, "The file could not be read: "+err.Error())
		}
	} else if !utf8.ValidString(text) {
		return fail(fiber.StatusUnprocessableEntity, "The text has characters that cannot be read.")
	}
	if len(strings.Fields(text)) < 20 {
		return fail(fiber.StatusUnprocessableEntity, "Paste or upload an article of at least a few sentences: there is too little text to ask about.")
	}
	if p.Title == "" {
		p.Title = titleFromText(text)
	}
	qs, cands := draft(h.gen, text, p.Count)
	if len(qs) == 0 {
		return fail(fiber.StatusUnprocessableEntity, "No questions could be drafted from this text. Check that it is an article in English, in full sentences.")
	}
	q, err := h.store.CreateDraftOnArticle(ctx(c), quizzes.Article{Title: p.Title, Source: p.Source, Body: text},
		quizzes.Quiz{Title: p.Title, OwnerID: currentTeacher(c).ID, Status: quizzes.Draft, Questions: qs}, cands)
	if err != nil {
		return err
	}
	notice := "Drafted " + plural(len(qs), "question") + ". Review them, then publish."
	if !generate.LooksEnglish(text) {
		notice = "Drafted " + plural(len(qs), "question") + ". The article does not read as English, so they are blanks for its names and numbers and true-or-false statements only; write the other questions by hand."
	}
	return h.redirectWith(c, views.TeacherQuizURL(q.ID), notice)
}

// maxCandidates caps the candidates a draft keeps besides those on the
// passages of its questions: the pool is shown best first, and a teacher
// does not read past the first few hundred.
const maxCandidates = 300

// draft asks the generator for the quiz's n questions and for every
// candidate, and returns the picks with the candidates that are not picks:
// the best up to maxCandidates, and past them those on a pick's passage.
func draft(gen Generator, text string, n int) (picks, others []quizzes.Question) {
	picks, all := gen.DraftAndPool(text, n)
	isPick := map[string]bool{}
	for _, q := range picks {
		isPick[candidateKey(q)] = true
	}
	passages := quizzes.NewPassages(text)
	onPickPassage := func(q quizzes.Question) bool {
		for _, p := range picks {
			if passages.Same(p.Evidence, q.Evidence) {
				return true
			}
		}
		return false
	}
	for _, q := range all {
		if !isPick[candidateKey(q)] && (len(others) < maxCandidates || onPickPassage(q)) {
			others = append(others, q)
		}
	}
	return picks, others
}

// candidateKey tells a question of the generator from the others: Draft
// and Generate give the same question the same template, evidence and prompt.
func candidateKey(q quizzes.Question) string {
	return q.Template + "\x00" + itoa(q.Evidence.Start) + "\x00" + itoa(q.Evidence.End) + "\x00" + q.Prompt
}

// titleFromText takes the first line of an article, shortened.
func titleFromText(text string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(text), "\n")
	words := strings.Fields(line)
	if len(words) > 12 {
		return strings.Join(words[:12], " ") + "…"
	}
	return strings.Join(words, " ")
}

// saveSettings changes the quiz's title and how it is taken.
func (h *Handler) saveSettings(c *fiber.Ctx) error {
	q, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	title := strings.TrimSpace(c.FormValue("title"))
	attempts, err1 := strconv.Atoi(c.FormValue("attempts_allowed", "0"))
	minutes, err2 := strconv.Atoi(c.FormValue("time_limit_minutes", "0"))
	feedback := quizzes.Feedback(c.FormValue("feedback"))
	switch {
	case title == "" || utf8.RuneCountInString(title) > 200:
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The title must have 1 to 200 characters.")
	case err1 != nil || attempts < 0 || attempts > 100:
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Attempts allowed must be a whole number from 0 (no limit) to 100.")
	case err2 != nil || minutes < 0 || minutes > 1440:
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The time limit must be a whole number of minutes from 0 (none) to 1440.")
	case feedback != quizzes.FeedbackNow && feedback != quizzes.FeedbackAtEnd:
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Choose when students see feedback: right away or at the end.")
	}
	q.Title = title
	q.Settings = quizzes.Settings{
		ShuffleQuestions: c.FormValue("shuffle_questions") == "1",
		ShuffleChoices:   c.FormValue("shuffle_choices") == "1",
		Feedback:         feedback,
		AttemptsAllowed:  attempts,
		TimeLimit:        minutesDuration(minutes),
	}
	if err := h.store.UpdateQuiz(ctx(c), q); err != nil {
		return err
	}
	return h.redirectWith(c, views.TeacherQuizURL(q.ID), "Settings saved.")
}
