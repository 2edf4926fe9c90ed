package handlers

import (
	"context"
	"net/url"
	"os"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

func TestImportThroughTheBrowserForm(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ada", quizzes.RoleTeacher)
	c.get("/teach/import")
	ctx := context.Background()
	count := func() int {
		rows, err := ta.store.TeacherQuizzes(ctx, u)
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}

	t.Run("a file with errors is refused whole, every error with its line", func(t *testing.T) {
		bad := "::Q1:: Good one {=yes ~no}\n\n::Q2:: Broken {=yes ~no\n\n::Q3:: Also fine {T}\n\n::Q4:: {#abc}\n"
		r := c.upload("/teach/import", map[string]string{"format": "auto", "action": "import"}, "bad.gift", []byte(bad))
		if r.status != 422 {
			t.Fatalf("status = %d, want 422", r.status)
		}
		errs := r.doc.Find(".errors li")
		if errs.Length() < 2 || !strings.Contains(errs.Eq(0).Text(), "line 3") {
			t.Errorf("errors listed: %q; want one for line 3 and one for line 7", errs.Text())
		}
		if !strings.Contains(r.body, "Nothing was imported") || count() != 0 {
			t.Error("a refused file imported something")
		}
	})
	t.Run("a file that is not UTF-8 is refused with that reason", func(t *testing.T) {
		r := c.upload("/teach/import", map[string]string{"format": "gift"}, "latin1.gift", []byte("Qu\xe9bec? {=oui ~non}\n"))
		if r.status != 422 || !strings.Contains(r.body, "not UTF-8") {
			t.Errorf("status %d; want 422 saying the file is not UTF-8", r.status)
		}
	})
	t.Run("an upload over the limit is refused with 413", func(t *testing.T) {
		big := strings.Repeat("x", ta.bodyLimit()+1)
		r := c.upload("/teach/import", map[string]string{"format": "gift"}, "big.gift", []byte(big))
		if r.status != 413 || !strings.Contains(r.body, "too large") {
			t.Errorf("status %d; want 413 with a message", r.status)
		}
	})
	t.Run("a good file is previewed, then imported as a draft", func(t *testing.T) {
		data, err := os.ReadFile("../quizzes/formats/testdata/all.gift")
		if err != nil {
			t.Fatal(err)
		}
		r := c.upload("/teach/import", map[string]string{"format": "auto", "action": "preview"}, "biology-week-3.gift", data)
		if r.status != 200 {
			t.Fatalf("preview: status %d: %.500s", r.status, r.doc.Find(".errors").Text())
		}
		n := r.doc.Find(".review > li").Length()
		if n == 0 || !strings.Contains(r.body, "Moodle GIFT") || count() != 0 {
			t.Fatalf("preview shows %d questions (format named: %v) and stored %d quizzes; want questions, GIFT, nothing stored", n, strings.Contains(r.body, "Moodle GIFT"), count())
		}
		content, _ := r.doc.Find(`input[name="content"]`).Attr("value")
		title, _ := r.doc.Find(`input[name="title"]`).Attr("value")
		if title != "biology week 3" {
			t.Errorf("title from the file name = %q, want %q", title, "biology week 3")
		}
		r = c.upload("/teach/import", map[string]string{"format": "gift", "action": "import", "title": title, "content": content}, "", nil)
		if r.status != 303 || !strings.HasPrefix(r.location, "/teach/quiz/") {
			t.Fatalf("import: status %d location %q", r.status, r.location)
		}
		rows, _ := ta.store.TeacherQuizzes(ctx, u)
		if len(rows) != 1 || rows[0].Status != quizzes.Draft || rows[0].Questions != n || rows[0].OwnerID != u.ID {
			t.Fatalf("stored %+v; want one draft of %d questions owned by the teacher", rows, n)
		}
		page := c.get(r.location)
		if !strings.Contains(page.body, "Imported") || page.doc.Find(".review > li").Length() != n {
			t.Error("the quiz page does not show the imported questions")
		}
		if r := c.get("/quiz/" + rows[0].Slug); r.status != 404 {
			t.Errorf("students see the draft: status %d", r.status)
		}
	})
	t.Run("pasted Aiken is read without a file", func(t *testing.T) {
		r := c.post("/teach/import", url.Values{"format": {"auto"}, "content": {"What is 2+2?\nA. 3\nB. 4\nANSWER: B\n"}})
		if r.status != 200 || !strings.Contains(r.body, "Aiken") {
			t.Errorf("status %d; want a preview read as Aiken", r.status)
		}
	})
}

func TestExportGivesFilesThatImportBack(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ada", quizzes.RoleTeacher)
	q := ta.fixtureQuiz(quizzes.Settings{})
	mine, _ := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Mine", OwnerID: u.ID, Questions: q.Questions})
	for _, f := range []string{"gift", "moodlexml", "json", "csv", "aiken"} {
		r := c.get(TeacherQuizURLForTest(mine.ID) + "/export?format=" + f)
		if r.status != 200 || !strings.Contains(r.header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s: status %d, disposition %q", f, r.status, r.header.Get("Content-Disposition"))
			continue
		}
		c.get("/teach/import")
		back := c.upload("/teach/import", map[string]string{"format": f, "action": "preview"}, "export."+f, []byte(r.body))
		want := len(q.Questions) - atoiOr0(r.header.Get("X-Skipped-Questions"))
		if got := back.doc.Find(".review > li").Length(); got != want {
			t.Errorf("%s: the export imports back as %d questions, want %d: %s", f, got, want, back.doc.Find(".errors").Text())
		}
	}
	page := c.get(TeacherQuizURLForTest(mine.ID))
	if !strings.Contains(page.body, "Aiken leaves out") {
		t.Error("the quiz page does not say what Aiken leaves out")
	}
}
