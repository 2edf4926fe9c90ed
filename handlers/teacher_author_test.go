package handlers

import (
	"context"
	"database/sql"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"quiztrainer/assets"
	"quiztrainer/db"
	"quiztrainer/quizzes"
)

func TestNewQuizFromAnArticleIsADraftUntilPublished(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ada", quizzes.RoleTeacher)
	c.get("/teach/new")

	r := c.upload("/teach/new", map[string]string{"text": "Too short.", "count": "5"}, "", nil)
	if r.status != 422 || !strings.Contains(r.body, "too little text") {
		t.Errorf("short text: status %d, want 422 with a message", r.status)
	}
	html := "<html><body><nav>Menu</nav><h1>Rivers</h1><p>" + strings.ReplaceAll(assets.SampleArticle, "\n", "</p><p>") + "</p></body></html>"
	r = c.upload("/teach/new", map[string]string{"title": "Troops", "source": "A newspaper", "count": "6"}, "article.html", []byte(html))
	if r.status != 303 || !strings.HasPrefix(r.location, "/teach/quiz/") {
		t.Fatalf("new quiz: status %d location %q: %s", r.status, r.location, r.doc.Find(".field-error").Text())
	}
	rows, _ := ta.store.TeacherQuizzes(context.Background(), u)
	if len(rows) != 1 || rows[0].Status != quizzes.Draft || rows[0].Questions != 6 {
		t.Fatalf("stored %+v; want one draft with 6 questions", rows)
	}
	quiz, _ := ta.store.Quiz(context.Background(), rows[0].ID)
	art, _ := ta.store.Article(context.Background(), quiz.ArticleID)
	if strings.Contains(art.Body, "<p>") || strings.Contains(art.Body, "Menu") || !strings.Contains(art.Body, "Pyongyang") {
		t.Errorf("the stored article kept markup or navigation: %.200q", art.Body)
	}
	page := c.get(r.location)
	if page.doc.Find(".article mark").Length() == 0 {
		t.Error("the draft does not mark the evidence in the article")
	}
	student := ta.client()
	if r := student.get("/quiz/" + quiz.Slug); r.status != 404 {
		t.Errorf("a student sees the generated draft: status %d", r.status)
	}
	c.post(TeacherQuizURLForTest(quiz.ID)+"/status", url.Values{"status": {"published"}})
	if r := student.get("/quiz/" + quiz.Slug); r.status != 200 {
		t.Errorf("after publishing, the quiz is %d for students", r.status)
	}
}

func TestEditingAQuestion(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ada", quizzes.RoleTeacher)
	fixture := ta.fixtureQuiz(quizzes.Settings{})
	quiz, _ := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Mine", OwnerID: u.ID, Questions: fixture.Questions})
	base := TeacherQuizURLForTest(quiz.ID)
	mc := quiz.Questions[0]
	qURL := base + "/question/" + strconv.FormatInt(mc.ID, 10)

	form := c.get(qURL)
	if n := form.doc.Find(`input[name="choice_text"]`).Length(); n < 6 {
		t.Errorf("the edit form has %d choice rows, want the 4 choices and 2 blank", n)
	}
	r := c.post(qURL, url.Values{"prompt": {"Which is longest?"}, "choice_text": {"Nile", "Congo", ""}, "points": {"2"}})
	if r.status != 422 || !strings.Contains(r.body, "exactly one correct choice") {
		t.Errorf("no key: status %d, want 422 naming the problem", r.status)
	}
	r = c.post(qURL, url.Values{"prompt": {"Which river is longest?"}, "choice_text": {"Nile", "Congo", "Amazon", ""},
		"choice_feedback": {"Yes", "", "Not in Africa", ""}, "correct": {"0"}, "points": {"2"}, "explanation": {"The article says so."}})
	if r.status != 303 {
		t.Fatalf("save: status %d: %s", r.status, r.doc.Find(".field-error").Text())
	}
	got, _ := ta.store.Quiz(context.Background(), quiz.ID)
	q := got.Questions[0]
	if q.Prompt != "Which river is longest?" || len(q.Choices) != 3 || !q.Choices[0].Correct || q.Points != 2 || q.Choices[2].Feedback != "Not in Africa" {
		t.Errorf("saved question = %+v", q)
	}

	sa := got.Questions[2]
	r = c.post(base+"/question/"+strconv.FormatInt(sa.ID, 10), url.Values{"prompt": {"Paris lies on which river?"}, "accepted": {"Seine\nthe Seine\n\n"}})
	if r.status != 303 {
		t.Fatalf("save short answer: %d", r.status)
	}
	got, _ = ta.store.Quiz(context.Background(), quiz.ID)
	if keys := got.Questions[2].Keys(); len(keys) != 2 || keys[1] != "the Seine" {
		t.Errorf("accepted answers = %q", keys)
	}

	r = c.post(base+"/question/new?kind=cloze", url.Values{"kind": {"cloze"}, "prompt": {"No blank here"}, "accepted": {"x"}})
	if r.status != 422 || !strings.Contains(r.body, "where the missing words go") {
		t.Errorf("cloze without blank: %d", r.status)
	}
	r = c.post(base+"/question/new?kind=numerical", url.Values{"kind": {"numerical"}, "prompt": {"How many rivers?"}, "choice_text": {"2"}, "choice_tolerance": {"0"}})
	if r.status != 303 {
		t.Fatalf("add numerical: %d: %s", r.status, r.doc.Find(".field-error").Text())
	}
	got, _ = ta.store.Quiz(context.Background(), quiz.ID)
	last := got.Questions[len(got.Questions)-1]
	if last.Kind != quizzes.Numerical || last.Position != len(got.Questions) {
		t.Errorf("added question %+v is not last", last)
	}

	c.post(base+"/question/"+strconv.FormatInt(last.ID, 10)+"/move", url.Values{"dir": {"up"}})
	got, _ = ta.store.Quiz(context.Background(), quiz.ID)
	if got.Questions[len(got.Questions)-2].ID != last.ID {
		t.Error("moving up did not move the question")
	}
	c.post(base+"/question/"+strconv.FormatInt(last.ID, 10)+"/delete", nil)
	got, _ = ta.store.Quiz(context.Background(), quiz.ID)
	if len(got.Questions) != len(fixture.Questions) {
		t.Errorf("after delete: %d questions, want %d", len(got.Questions), len(fixture.Questions))
	}

	other, _ := ta.teacher("bob", quizzes.RoleTeacher)
	other.get("/teach")
	if r := other.post(qURL, url.Values{"prompt": {"hijack"}, "choice_text": {"a", "b"}, "correct": {"0"}}); r.status != 404 {
		t.Errorf("another teacher editing: status %d, want 404", r.status)
	}
}

func TestQuizSettings(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ada", quizzes.RoleTeacher)
	fixture := ta.fixtureQuiz(quizzes.Settings{})
	quiz, _ := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Mine", OwnerID: u.ID, Questions: fixture.Questions})
	base := TeacherQuizURLForTest(quiz.ID)
	c.get(base)
	for _, bad := range []url.Values{
		{"title": {""}, "feedback": {"now"}},
		{"title": {"x"}, "feedback": {"now"}, "attempts_allowed": {"-1"}},
		{"title": {"x"}, "feedback": {"now"}, "time_limit_minutes": {"ten"}},
		{"title": {"x"}, "feedback": {"sometimes"}},
	} {
		if r := c.post(base+"/settings", bad); r.status != 422 {
			t.Errorf("settings %v: status %d, want 422", bad, r.status)
		}
	}
	r := c.post(base+"/settings", url.Values{"title": {"Rivers, week 2"}, "shuffle_questions": {"1"}, "feedback": {"now"},
		"attempts_allowed": {"2"}, "time_limit_minutes": {"15"}})
	if r.status != 303 {
		t.Fatalf("settings: status %d", r.status)
	}
	got, _ := ta.store.Quiz(context.Background(), quiz.ID)
	s := got.Settings
	if got.Title != "Rivers, week 2" || !s.ShuffleQuestions || s.ShuffleChoices || s.Feedback != quizzes.FeedbackNow || s.AttemptsAllowed != 2 || s.TimeLimit.Minutes() != 15 {
		t.Errorf("stored %q %+v", got.Title, s)
	}
}

// An article in another language gets a draft of blanks, and the teacher is
// told why.
func TestDraftFromAnArticleInAnotherLanguage(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("ms-lang", quizzes.RoleTeacher)
	c.get("/teach/new")
	fr := "La Révolution française est une période de bouleversements politiques et sociaux en France. " +
		"Elle commence en 1789 avec la convocation des États généraux. Le roi Louis XVI est exécuté en 1793 à Paris. " +
		"Napoléon Bonaparte prend le pouvoir en 1799, et la Révolution prend fin avec le Consulat."
	r := c.upload("/teach/new", map[string]string{"title": "Révolution", "text": fr, "count": "5"}, "", nil)
	if r.status != 303 {
		t.Fatalf("new quiz: status %d: %s", r.status, r.doc.Find(".field-error").Text())
	}
	page := c.get(r.location)
	if !strings.Contains(page.doc.Find(".notice").Text(), "does not read as English") {
		t.Errorf("notice %q does not say the article is not English", page.doc.Find(".notice").Text())
	}
}

// A new quiz whose storing fails halfway leaves no article behind, and the
// teacher gets a page that says so in words, not the database's error.
func TestNewQuizThatFailsLeavesNoOrphanArticle(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("ada", quizzes.RoleTeacher)
	c.get("/teach/new")
	other, err := sql.Open("sqlite", db.DSN(ta.path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	if _, err := other.ExecContext(ctx, `CREATE TRIGGER fail_question BEFORE INSERT ON questions
		BEGIN SELECT RAISE(ABORT, 'induced failure'); END`); err != nil {
		t.Fatal(err)
	}
	r := c.upload("/teach/new", map[string]string{"title": "Troops", "text": assets.SampleArticle, "count": "4"}, "", nil)
	if r.status != 500 || strings.Contains(r.body, "induced failure") || strings.Contains(strings.ToLower(r.body), "sql") {
		t.Errorf("failed new quiz: status %d, want 500 with no database text: %.300s", r.status, r.doc.Find("main").Text())
	}
	var articles, quizCount int
	if err := other.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM quizzes)").Scan(&articles, &quizCount); err != nil {
		t.Fatal(err)
	}
	if articles != 0 || quizCount != 0 {
		t.Errorf("after the failure %d articles and %d quizzes remain, want none", articles, quizCount)
	}
}

// Renaming a quiz gives it an address from its new title; the old address
// (and a second, older one) leads there, the start form's post included,
// and a new quiz cannot take an old address.
func TestRenamedQuizKeepsItsOldAddress(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ada", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers of Africa", u, quizzes.Published)
	settings := TeacherQuizURLForTest(q.ID) + "/settings"
	c.get(TeacherQuizURLForTest(q.ID))
	rename := func(title string) {
		t.Helper()
		if r := c.post(settings, url.Values{"title": {title}, "feedback": {"end"}}); r.status != 303 {
			t.Fatalf("rename to %q: status %d", title, r.status)
		}
	}
	rename("Rivers of Europe")
	rename("Great rivers")
	now, err := ta.store.Quiz(context.Background(), q.ID)
	if err != nil || now.Slug != "great-rivers" {
		t.Fatalf("after renaming the address is %q (%v), want great-rivers", now.Slug, err)
	}
	student := ta.client()
	for _, old := range []string{q.Slug, "rivers-of-europe"} {
		r := student.get("/quiz/" + old)
		if r.status != 301 || r.location != "/quiz/great-rivers" {
			t.Errorf("GET /quiz/%s: status %d to %q, want 301 to /quiz/great-rivers", old, r.status, r.location)
		}
	}
	student.get("/quiz/great-rivers")
	if r := student.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {"Sam"}}); r.status != 308 || r.location != "/quiz/great-rivers/start" {
		t.Errorf("POST to the old start address: status %d to %q, want 308 to the new one", r.status, r.location)
	}
	if r := student.get("/quiz/great-rivers"); r.status != 200 || !strings.Contains(r.body, "Great rivers") {
		t.Errorf("the new address: status %d", r.status)
	}
	// saving settings without a new title keeps the address
	rename("Great rivers")
	if again, _ := ta.store.Quiz(context.Background(), q.ID); again.Slug != "great-rivers" {
		t.Errorf("saving the same title moved the address to %q", again.Slug)
	}
	other := ta.ownedQuiz("Rivers of Europe", u, quizzes.Published)
	if other.Slug == "rivers-of-europe" {
		t.Error("a new quiz took the renamed quiz's old address")
	}
	// the quiz may take back its own old address
	rename("Rivers of Africa")
	if back, _ := ta.store.Quiz(context.Background(), q.ID); back.Slug != q.Slug {
		t.Errorf("renamed back, the address is %q, want %q", back.Slug, q.Slug)
	}
	if r := student.get("/quiz/great-rivers"); r.status != 301 || r.location != "/quiz/"+q.Slug {
		t.Errorf("the address it had before is %d to %q, want 301 to /quiz/%s", r.status, r.location, q.Slug)
	}
}
