package handlers

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/formats"
	"quiztrainer/views"
)

// results shows the quiz's finished attempts: score spread, gradebook, the
// grid of students by questions and the analysis of each question.
func (h *Handler) results(c *fiber.Ctx) error {
	q, rs, err := h.quizResults(c)
	if err != nil {
		return err
	}
	open, err := h.store.OpenAttemptCount(ctx(c), q.ID)
	if err != nil {
		return err
	}
	_, access, _ := h.quizAccess(c)
	p := views.ResultsPage{Page: page(c, "Results: "+q.Title), Quiz: q, Summary: quizzes.Summarise(rs), InProgress: open,
		ReadOnly: access < quizzes.EditAccess}
	p.Notice = h.takeFlash(c)
	p.Items = quizzes.Analyse(q.Questions, rs)
	for _, it := range p.Items {
		p.Columns = append(p.Columns, views.ResultsColumn{Number: it.Number, Prompt: views.PlainText(it.Question.Format, it.Question.Prompt)})
	}
	for _, r := range rs {
		taken, timedOut := timeTaken(r.Attempt, q.Settings.TimeLimit)
		row := views.ResultsRow{Student: r.Student, Attempt: r.Attempt, Taken: taken, TimedOut: timedOut}
		for _, it := range p.Items {
			resp, ok := r.Responses[it.Question.ID]
			row.Marks = append(row.Marks, quizzes.MarkFor(it.Question, resp, ok))
		}
		p.Rows = append(p.Rows, row)
		p.Percents = append(p.Percents, r.Attempt.Percent())
	}
	return render(c, fiber.StatusOK, views.TeacherResults(p))
}

// quizResults loads the quiz in the URL, if the teacher may read its results, and its
// finished attempts in gradebook order: by student name, then attempt.
func (h *Handler) quizResults(c *fiber.Ctx) (quizzes.Quiz, []quizzes.Result, error) {
	q, err := h.quizFor(c, quizzes.ViewAccess)
	if err != nil {
		return q, nil, err
	}
	// an attempt whose time ran out counts as handed in at its deadline,
	// whether or not its student came back
	if _, err := h.store.HandInOverdue(ctx(c), q.ID, h.cfg.Clock()); err != nil {
		return q, nil, err
	}
	rs, err := h.store.QuizResults(ctx(c), q.ID)
	if err != nil {
		return q, nil, err
	}
	slices.SortStableFunc(rs, func(a, b quizzes.Result) int {
		return cmp.Or(
			cmp.Compare(strings.ToLower(a.Student), strings.ToLower(b.Student)),
			cmp.Compare(a.Attempt.StudentID, b.Attempt.StudentID),
			cmp.Compare(a.Attempt.Number, b.Attempt.Number))
	})
	tellApart(rs)
	return q, rs, nil
}

// tellApart numbers the names that several students share, "Sam (1)" and
// "Sam (2)" in the order they joined, so that the gradebook and the CSV
// files do not merge two people. Results must be sorted by name, then
// student.
func tellApart(rs []quizzes.Result) {
	ids := map[string][]int64{}
	for _, r := range rs {
		name := strings.ToLower(r.Student)
		if list := ids[name]; len(list) == 0 || list[len(list)-1] != r.Attempt.StudentID {
			ids[name] = append(list, r.Attempt.StudentID)
		}
	}
	for i, r := range rs {
		list := ids[strings.ToLower(r.Student)]
		if len(list) > 1 {
			rs[i].Student = fmt.Sprintf("%s (%d)", r.Student, slices.Index(list, r.Attempt.StudentID)+1)
		}
	}
}

// timeTaken is how long an attempt took. An attempt handed in for the
// student when the time ran out is submitted when they next come back,
// which may be days later; it took the time limit.
func timeTaken(a quizzes.Attempt, limit time.Duration) (time.Duration, bool) {
	d := max(0, a.SubmittedAt.Sub(a.StartedAt))
	if limit > 0 && d > limit {
		return limit, true
	}
	return d, false
}

// attemptsCSV sends one row per finished attempt.
func (h *Handler) attemptsCSV(c *fiber.Ctx) error {
	q, rs, err := h.quizResults(c)
	if err != nil {
		return err
	}
	rows := [][]string{{"student", "attempt", "started", "submitted", "seconds_taken", "score", "max_score", "percent"}}
	for _, r := range rs {
		a := r.Attempt
		taken, _ := timeTaken(a, q.Settings.TimeLimit)
		rows = append(rows, []string{r.Student, strconv.Itoa(a.Number), csvTime(a.StartedAt), csvTime(a.SubmittedAt),
			strconv.Itoa(int(taken.Round(time.Second).Seconds())), csvNumber(a.Score), csvNumber(a.MaxScore), strconv.Itoa(a.Percent())})
	}
	h.audit(c, "results exported", quizDetail(q)+", attempts CSV")
	return sendCSV(c, q.Slug+"-attempts.csv", rows)
}

// responsesCSV sends one row per answer given in a finished attempt, the
// answer in words rather than choice numbers.
func (h *Handler) responsesCSV(c *fiber.Ctx) error {
	q, rs, err := h.quizResults(c)
	if err != nil {
		return err
	}
	rows := [][]string{{"student", "attempt", "question", "prompt", "kind", "answer", "correct", "points", "answered_at"}}
	for _, r := range rs {
		for i, qu := range q.Questions {
			resp, ok := r.Responses[qu.ID]
			if !ok {
				continue
			}
			rows = append(rows, []string{r.Student, strconv.Itoa(r.Attempt.Number), strconv.Itoa(i + 1),
				views.PlainText(qu.Format, qu.Prompt), string(qu.Kind), quizzes.DescribeAnswer(qu, resp.Given),
				strconv.FormatBool(resp.Correct), csvNumber(resp.Points), csvTime(resp.AnsweredAt)})
		}
	}
	h.audit(c, "results exported", quizDetail(q)+", responses CSV")
	return sendCSV(c, q.Slug+"-responses.csv", rows)
}

// sendCSV writes rows as a CSV download through the one CSV writer, which
// makes every cell safe to open in a spreadsheet.
func sendCSV(c *fiber.Ctx, name string, rows [][]string) error {
	var buf bytes.Buffer
	// a byte order mark tells Excel the file is UTF-8; without it names
	// such as "Zoë" come out garbled there
	buf.WriteString("\ufeff")
	w := formats.NewCSVWriter(&buf)
	for _, row := range rows {
		if err := w.Write(row); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, name))
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(buf.Bytes())
}

// csvCell is what a cell of any CSV the program writes holds.
func csvCell(s string) string { return formats.NeutraliseCSVCell(s) }

func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

func csvNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// acceptAnswer adds a typed answer to the question's accepted answers and
// marks every answer to it again; the gradebook follows.
func (h *Handler) acceptAnswer(c *fiber.Ctx) error {
	quiz, q, err := h.ownQuestion(c)
	if err != nil {
		return err
	}
	answer := strings.TrimSpace(c.FormValue("answer"))
	if answer == "" || len(answer) > maxAnswerBytes {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Say which answer to accept: it is empty or too long.")
	}
	n, err := h.store.AcceptAnswer(ctx(c), quiz.ID, q.ID, answer)
	if errors.Is(err, db.ErrNotTyped) {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Only typed answers (short answer, fill in the blank, number) can be accepted this way; edit the question instead.")
	}
	if err != nil {
		return err
	}
	return h.redirectWith(c, views.ResultsURL(quiz.ID)+"#item-"+itoa(q.Position),
		"“"+answer+"” is now an accepted answer; "+plural(n, "answer")+" to the question marked again.")
}
