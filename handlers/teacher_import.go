package handlers

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/formats"
	"quiztrainer/views"
)

func (h *Handler) importPage(c *fiber.Ctx) views.ImportPage {
	p := views.ImportPage{Page: page(c, "Import"), MaxBytes: h.cfg.UploadLimit}
	for _, f := range formats.Formats {
		p.Formats = append(p.Formats, [2]string{string(f), f.Label()})
	}
	return p
}

func (h *Handler) importForm(c *fiber.Ctx) error {
	return render(c, fiber.StatusOK, views.Import(h.importPage(c)))
}

// importUpload checks an uploaded or pasted question set and shows what it
// holds; with action=import it stores it as a draft quiz of the teacher's.
// A file with any error is refused whole, every error named with its line.
func (h *Handler) importUpload(c *fiber.Ctx) error {
	p := h.importPage(c)
	p.Title = strings.TrimSpace(c.FormValue("title"))
	p.Format = c.FormValue("format")
	name, data, err := uploadedSet(c)
	if err != nil {
		return err
	}
	if len(data) > h.cfg.UploadLimit {
		p.Errors = []string{fmt.Sprintf("The file is too large: %.1f MB, and the limit is %d MB.", float64(len(data))/(1<<20), h.cfg.UploadLimit>>20)}
		return render(c, fiber.StatusRequestEntityTooLarge, views.Import(p))
	}
	p.Content = string(data)
	if len(strings.TrimSpace(p.Content)) == 0 {
		p.Errors = []string{"Choose a file or paste the questions."}
		return render(c, fiber.StatusUnprocessableEntity, views.Import(p))
	}
	if !utf8.Valid(data) {
		p.Content = ""
		p.Errors = []string{notUTF8(data)}
		return render(c, fiber.StatusUnprocessableEntity, views.Import(p))
	}
	format := formats.Detect(name, data)
	if p.Format != "" && p.Format != "auto" {
		if format, err = formats.FormatByName(p.Format); err != nil {
			p.Errors = []string{err.Error()}
			return render(c, fiber.StatusUnprocessableEntity, views.Import(p))
		}
	}
	if format == formats.Unknown {
		p.Errors = []string{"The format of this file could not be recognised. Choose it in the list."}
		return render(c, fiber.StatusUnprocessableEntity, views.Import(p))
	}
	p.Format = string(format)
	qs, err := formats.Parse(format, data)
	if err != nil {
		var pe *formats.ParseError
		if !errors.As(err, &pe) {
			return err
		}
		for _, le := range pe.Errors {
			p.Errors = append(p.Errors, le.Error())
		}
		return render(c, fiber.StatusUnprocessableEntity, views.Import(p))
	}
	if p.Title == "" {
		p.Title = titleFromName(name)
	}
	if err := quizzes.CheckTitle(p.Title); err != nil {
		p.Title = clip(p.Title, quizzes.MaxTitleRunes)
		p.Errors = []string{"The " + err.Error() + "."}
		return render(c, fiber.StatusUnprocessableEntity, views.Import(p))
	}
	if c.FormValue("action") != "import" {
		p.Questions = qs
		return render(c, fiber.StatusOK, views.Import(p))
	}
	q, err := h.store.CreateQuiz(ctx(c), quizzes.Quiz{
		Title: p.Title, OwnerID: currentTeacher(c).ID, Status: quizzes.Draft, Questions: qs,
	})
	if err != nil {
		return err
	}
	h.log.Info("question set imported", "quiz", q.ID, "format", format, "questions", len(qs), "user", currentTeacher(c).Username)
	h.audit(c, "question set imported", fmt.Sprintf("%s, %s, %s", quizDetail(q), format, plural(len(qs), "question")))
	return h.redirectWith(c, views.TeacherQuizURL(q.ID), "Imported "+plural(len(qs), "question")+" as a draft.")
}

// uploadedSet returns the uploaded file, or else the pasted text.
func uploadedSet(c *fiber.Ctx) (string, []byte, error) {
	name, data, err := uploadedFile(c, "file")
	if err != nil || len(data) > 0 {
		return name, data, err
	}
	return "", []byte(c.FormValue("content")), nil
}

// uploadedFile returns the name and bytes of a file field; none when the
// form has no file there.
func uploadedFile(c *fiber.Ctx, field string) (string, []byte, error) {
	fh, err := c.FormFile(field)
	if err != nil || fh.Size == 0 {
		return "", nil, nil
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	return fh.Filename, data, err
}

// notUTF8 says where the first byte that is not UTF-8 stands.
func notUTF8(data []byte) string {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return "The file is not UTF-8 text (line " + itoa(line) + " has a byte that is not UTF-8). Save it as UTF-8 and upload it again."
		}
		if data[i] == '\n' {
			line++
		}
		i += size
	}
	return "The file is not UTF-8 text."
}

func titleFromName(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	base = strings.TrimSpace(strings.NewReplacer("_", " ", "-", " ").Replace(base))
	if base == "" || base == "." {
		return "Imported questions"
	}
	return base
}
