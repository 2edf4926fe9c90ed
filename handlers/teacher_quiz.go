package handlers

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/formats"
	"quiztrainer/views"
)

// dashboard lists the teacher's quizzes (every quiz for an admin).
func (h *Handler) dashboard(c *fiber.Ctx) error {
	u := currentTeacher(c)
	rows, err := h.store.TeacherQuizzes(ctx(c), *u)
	if err != nil {
		return err
	}
	p := views.DashboardPage{Page: page(c, "Dashboard"), IsAdmin: u.Role == quizzes.RoleAdmin}
	p.Notice = h.takeFlash(c)
	for _, r := range rows {
		p.Rows = append(p.Rows, views.DashboardRow{Quiz: r.Quiz, Owner: r.Owner, Questions: r.Questions, Attempts: r.Attempts, Share: r.Share})
	}
	if p.Deleted, err = h.deletedList(c, h.store.DeletedQuizzes); err != nil {
		return err
	}
	return render(c, fiber.StatusOK, views.Dashboard(p))
}

// ownQuiz loads the quiz in the URL if the teacher may edit it (see quizFor).
func (h *Handler) ownQuiz(c *fiber.Ctx) (quizzes.Quiz, error) {
	return h.quizFor(c, quizzes.EditAccess)
}

func (h *Handler) teacherQuiz(c *fiber.Ctx) error {
	q, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	p := views.TeacherQuizPage{Page: page(c, q.Title), Quiz: q, IsOwner: currentTeacher(c).CanChange(q)}
	p.Notice = h.takeFlash(c)
	p.ExportNotes = exportNotes(q.Questions)
	p.Kinds = quizzes.Kinds
	if p.Deleted, err = h.deletedQuestions(c, q); err != nil {
		return err
	}
	var spans []views.Span
	for i, qu := range q.Questions {
		spans = append(spans, views.Span{Start: qu.Evidence.Start, End: qu.Evidence.End, ID: "ev" + itoa(i+1)})
	}
	if q.ArticleID != 0 {
		art, err := h.store.Article(ctx(c), q.ArticleID)
		if err != nil {
			return err
		}
		p.Article = views.NewArticleView(art, spans)
		if err := h.offerDraft(c, &p, art.Body); err != nil {
			return err
		}
	}
	return render(c, fiber.StatusOK, views.TeacherQuiz(p))
}

// setStatus publishes or unpublishes a quiz.
func (h *Handler) setStatus(c *fiber.Ctx) error {
	q, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	status := quizzes.Status(c.FormValue("status"))
	if status != quizzes.Draft && status != quizzes.Published {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "The status must be draft or published.")
	}
	if status == quizzes.Published && len(q.Questions) == 0 {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "A quiz without questions cannot be published.")
	}
	if err := h.store.SetQuizStatus(ctx(c), q.ID, status); err != nil {
		return err
	}
	h.audit(c, map[quizzes.Status]string{quizzes.Published: "quiz published", quizzes.Draft: "quiz unpublished"}[status], quizDetail(q))
	notice := "Published: students can take it now."
	if status == quizzes.Draft {
		notice = "Unpublished: students no longer see it."
	}
	return h.redirectWith(c, views.TeacherQuizURL(q.ID), notice)
}

func (h *Handler) deleteQuiz(c *fiber.Ctx) error {
	q, err := h.quizFor(c, quizzes.OwnerAccess)
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Tick the box to confirm that the quiz should be deleted.")
	}
	if err := h.store.DeleteQuiz(ctx(c), q.ID); err != nil {
		return err
	}
	h.log.Info("quiz deleted", "quiz", q.ID, "user", currentTeacher(c).Username)
	h.audit(c, "quiz deleted", quizDetail(q))
	return h.redirectWith(c, "/teach#deleted", "Deleted “"+q.Title+"”, with its answers kept: restore it under “Recently deleted”.")
}

// exportFiles gives each export format its file extension and MIME type.
var exportFiles = map[formats.Format][2]string{
	formats.GIFT:      {"gift.txt", "text/plain; charset=utf-8"},
	formats.Aiken:     {"aiken.txt", "text/plain; charset=utf-8"},
	formats.MoodleXML: {"xml", "application/xml; charset=utf-8"},
	formats.JSON:      {"json", "application/json; charset=utf-8"},
	formats.CSV:       {"csv", "text/csv; charset=utf-8"},
}

// exportQuiz sends the quiz's questions as a file of the asked format. The
// quiz page says beforehand what a format leaves out; the download names
// the count in a header too.
func (h *Handler) exportQuiz(c *fiber.Ctx) error {
	q, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	f, err := formats.FormatByName(c.Query("format"))
	if err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "Choose an export format: gift, aiken, moodlexml, csv or json.")
	}
	var buf bytes.Buffer
	skipped, err := formats.Write(f, &buf, q.Questions)
	if err != nil {
		return err
	}
	c.Set("X-Skipped-Questions", strconv.Itoa(len(skipped)))
	h.audit(c, "quiz exported", quizDetail(q)+", "+c.Query("format"))
	file := exportFiles[f]
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s.%s"`, q.Slug, file[0]))
	c.Set(fiber.HeaderContentType, file[1])
	return c.Send(buf.Bytes())
}

// exportNotes says, per format, which questions an export would leave out.
func exportNotes(qs []quizzes.Question) []string {
	var notes []string
	for _, f := range formats.Formats {
		skipped, err := formats.Write(f, io.Discard, qs)
		if err == nil && len(skipped) > 0 {
			notes = append(notes, fmt.Sprintf("%s leaves out %d of %d questions: %s", f.Label(), len(skipped), len(qs), strings.Join(skipped, "; ")))
		}
	}
	return notes
}
