package db

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

func openTest(t *testing.T) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "test.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s, path
}

// openTwoServers opens two stores on one new database file, as two
// servers sharing it would.
func openTwoServers(t *testing.T) (*Store, *Store) {
	t.Helper()
	s, path := openTest(t)
	other, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open a second store: %v", err)
	}
	t.Cleanup(func() { other.Close() })
	return s, other
}

// latestMigration is the version of the newest embedded migration.
func latestMigration(t *testing.T) int {
	t.Helper()
	all, err := migrations()
	if err != nil || len(all) == 0 {
		t.Fatalf("migrations: %d, %v", len(all), err)
	}
	return all[len(all)-1].version
}

func sampleQuiz(articleID int64) quizzes.Quiz {
	return quizzes.Quiz{
		Title: "Rivers", ArticleID: articleID, Status: quizzes.Published,
		Questions: []quizzes.Question{
			{Kind: quizzes.MultipleChoice, Prompt: "Which river is longest?", Evidence: quizzes.Evidence{Start: 0, End: 14},
				Choices: []quizzes.Choice{{Text: "Nile", Correct: true}, {Text: "Seine"}, {Text: "Thames"}}},
			{Kind: quizzes.ShortAnswer, Prompt: "Name the river of Paris.", Choices: []quizzes.Choice{{Text: "Seine", Correct: true}}},
		},
	}
}

func TestOpenSetsPragmasAndMigrates(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	checks := map[string]string{"journal_mode": "wal", "foreign_keys": "1", "synchronous": "2", "busy_timeout": "10000"}
	for pragma, want := range checks {
		var got string
		if err := s.write.QueryRowContext(ctx, "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatalf("pragma %s: %v", pragma, err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %q, want %q", pragma, got, want)
		}
	}
	v, err := s.SchemaVersion(ctx)
	if want := latestMigration(t); err != nil || v != want {
		t.Errorf("schema version = %d, %v; want %d", v, err, want)
	}
	if _, err := s.read.ExecContext(ctx, "INSERT INTO articles (title, body) VALUES ('x', 'y')"); err == nil {
		t.Error("the reader pool accepted a write; want it read-only")
	}
}

func TestMigrationsRunOnceAcrossReopen(t *testing.T) {
	s, path := openTest(t)
	ctx := context.Background()
	if _, err := s.CreateArticle(ctx, quizzes.Article{Title: "A", Body: "B"}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s2.Close()
	var n int
	s2.read.QueryRow("SELECT COUNT(*) FROM schema_migrations").Scan(&n)
	if all, _ := migrations(); n != len(all) {
		t.Errorf("schema_migrations has %d rows after reopening, want %d", n, len(all))
	}
	if _, err := s2.Article(ctx, 1); err != nil {
		t.Errorf("article lost across reopen: %v", err)
	}
}

func TestVersionAtLeast(t *testing.T) {
	for _, tc := range []struct {
		v    string
		want bool
	}{{"3.51.3", true}, {"3.51.2", false}, {"3.54.1", true}, {"3.9.0", false}, {"4.0.0", true}, {"3.51", false}} {
		if got := versionAtLeast(tc.v, minSQLite); got != tc.want {
			t.Errorf("versionAtLeast(%q) = %v, want %v", tc.v, got, tc.want)
		}
	}
}

func TestQuizRoundTripWithEvidenceFromArticle(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	art, err := s.CreateArticle(ctx, quizzes.Article{Title: "Rivers", Body: "The Nile is long. The Seine is in Paris."})
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.CreateQuiz(ctx, sampleQuiz(art))
	if err != nil {
		t.Fatal(err)
	}
	if q.Slug != "rivers" {
		t.Errorf("slug = %q, want rivers", q.Slug)
	}
	again, err := s.CreateQuiz(ctx, sampleQuiz(art))
	if err != nil || again.Slug != "rivers-2" {
		t.Errorf("second slug = %q, %v; want rivers-2", again.Slug, err)
	}
	got, err := s.QuizBySlug(ctx, "rivers")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Questions) != 2 || len(got.Questions[0].Choices) != 3 {
		t.Fatalf("loaded %d questions, first with %d choices; want 2 and 3", len(got.Questions), len(got.Questions[0].Choices))
	}
	if e := got.Questions[0].Evidence.Text; e != "The Nile is lo" {
		t.Errorf("evidence text = %q, want %q", e, "The Nile is lo")
	}
	if got.Questions[0].Choices[0].Weight != 1 || got.Questions[1].Points != 1 {
		t.Errorf("defaults not stored: weight %v, points %v", got.Questions[0].Choices[0].Weight, got.Questions[1].Points)
	}
	if _, err := s.Quiz(ctx, 999); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing quiz: err = %v, want ErrNotFound", err)
	}
}

func TestResponsesAreOneRowPerQuestionAndCloseWithTheAttempt(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	q, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.CreateStudent(ctx, "Ada", "token-1")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.OpenAttempt(ctx, q, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	same, err := s.OpenAttempt(ctx, q, st.ID)
	if err != nil || same.ID != a.ID {
		t.Errorf("second OpenAttempt gave attempt %d (%v), want the open one %d", same.ID, err, a.ID)
	}
	q1 := q.Questions[0].ID
	for _, given := range []string{"1", "0", "0"} {
		saveCells(t, s, q, a.ID, map[int64]string{q1: given})
	}
	var rows int
	s.read.QueryRow("SELECT COUNT(*) FROM responses WHERE attempt_id = ?", a.ID).Scan(&rows)
	if rows != 1 {
		t.Errorf("%d response rows after three saves, want 1", rows)
	}
	done, err := s.SubmitAttempt(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !done.Submitted() || done.Score != 1 || done.MaxScore != 2 {
		t.Errorf("submitted attempt: submitted %v score %v/%v, want true 1/2", done.Submitted(), done.Score, done.MaxScore)
	}
	_, err = s.SaveAnswers(ctx, q, a.ID, map[int64]quizzes.Answer{q1: answerOf(q.Questions[0], "1")}, time.Now())
	if !errors.Is(err, ErrAttemptClosed) {
		t.Errorf("saving into a finished attempt: err = %v, want ErrAttemptClosed", err)
	}
	next, err := s.OpenAttempt(ctx, q, st.ID)
	if err != nil || next.Number != 2 {
		t.Errorf("after submitting, OpenAttempt gave number %d (%v), want 2", next.Number, err)
	}
}

func TestAttemptsAllowedIsEnforced(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	quiz := sampleQuiz(0)
	quiz.Settings.AttemptsAllowed = 1
	q, _ := s.CreateQuiz(ctx, quiz)
	st, _ := s.CreateStudent(ctx, "Bo", "token-2")
	a, err := s.OpenAttempt(ctx, q, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	s.SubmitAttempt(ctx, a.ID)
	if _, err := s.OpenAttempt(ctx, q, st.ID); !errors.Is(err, ErrNoAttemptsLeft) {
		t.Errorf("second attempt at a one-attempt quiz: err = %v, want ErrNoAttemptsLeft", err)
	}
}

func TestStudentTokenIsStoredHashed(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	if _, err := s.CreateStudent(ctx, "Cy", "secret-token"); err != nil {
		t.Fatal(err)
	}
	var n int
	s.read.QueryRow("SELECT COUNT(*) FROM students WHERE token_hash = CAST('secret-token' AS BLOB)").Scan(&n)
	if n != 0 {
		t.Error("the raw token is in the database")
	}
	got, err := s.StudentByToken(ctx, "secret-token")
	if err != nil || got.DisplayName != "Cy" {
		t.Errorf("StudentByToken = %+v, %v; want Cy", got, err)
	}
	if _, err := s.StudentByToken(ctx, "other"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown token: err = %v, want ErrNotFound", err)
	}
}

func TestKVExpires(t *testing.T) {
	s, _ := openTest(t)
	kv := s.KV()
	if err := kv.Set("a", []byte("1"), 0); err != nil {
		t.Fatal(err)
	}
	if err := kv.Set("b", []byte("2"), -1); err != nil {
		t.Fatal(err)
	}
	if v, _ := kv.Get("a"); string(v) != "1" {
		t.Errorf("Get(a) = %q, want 1", v)
	}
	kv.exec("UPDATE kv SET expires_at = 1 WHERE key = 'a'")
	if v, _ := kv.Get("a"); v != nil {
		t.Errorf("expired key still answers %q", v)
	}
	if err := kv.DeleteExpired(); err != nil {
		t.Fatal(err)
	}
	var n int
	s.read.QueryRow("SELECT COUNT(*) FROM kv").Scan(&n)
	if n != 1 {
		t.Errorf("%d keys after DeleteExpired, want 1", n)
	}
}

func TestEditingQuestions(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	q, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	added, err := s.AddQuestion(ctx, q.ID, quizzes.Question{Kind: quizzes.TrueFalse, Prompt: "Water is wet.",
		Choices: []quizzes.Choice{{Text: "True", Correct: true}, {Text: "False"}}})
	if err != nil || added.Position != 3 {
		t.Fatalf("AddQuestion: position %d, %v; want 3", added.Position, err)
	}
	prompts := func() []string {
		got, err := s.Quiz(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, qu := range got.Questions {
			out = append(out, qu.Prompt)
		}
		return out
	}
	if err := s.MoveQuestion(ctx, q.ID, added.ID, -1); err != nil {
		t.Fatal(err)
	}
	if got := prompts(); got[1] != "Water is wet." {
		t.Errorf("after moving up: %q", got)
	}
	if err := s.MoveQuestion(ctx, q.ID, q.Questions[0].ID, -1); err != nil {
		t.Fatal(err)
	}
	if got := prompts(); got[0] != "Which river is longest?" || len(got) != 3 {
		t.Errorf("moving the first question up changed the order: %q", got)
	}
	edited := q.Questions[0]
	edited.Prompt = "Which river is the longest?"
	edited.Choices = []quizzes.Choice{{Text: "Nile", Correct: true}, {Text: "Amazon"}}
	if _, err := s.UpdateQuestion(ctx, edited); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Quiz(ctx, q.ID)
	if got.Questions[0].Prompt != "Which river is the longest?" || len(got.Questions[0].Choices) != 2 {
		t.Errorf("after update: %+v", got.Questions[0])
	}
	if _, err := s.DeleteQuestion(ctx, q.ID, added.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Quiz(ctx, q.ID)
	if len(got.Questions) != 2 || got.Questions[1].Position != 2 {
		t.Errorf("after delete: %d questions, last at position %d; want 2 at 2", len(got.Questions), got.Questions[1].Position)
	}
	if _, err := s.DeleteQuestion(ctx, q.ID+1, got.Questions[0].ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting through another quiz: err = %v, want ErrNotFound", err)
	}
}

func TestKVSkipsSmallExtensions(t *testing.T) {
	s, _ := openTest(t)
	kv := s.KV()
	if err := kv.Set("tok", []byte("v"), time.Hour); err != nil {
		t.Fatal(err)
	}
	var before int64
	s.read.QueryRow("SELECT expires_at FROM kv WHERE key = 'tok'").Scan(&before)
	kv.exec("UPDATE kv SET expires_at = expires_at - 60 WHERE key = 'tok'")
	if err := kv.Set("tok", []byte("v"), time.Hour); err != nil {
		t.Fatal(err)
	}
	var after int64
	s.read.QueryRow("SELECT expires_at FROM kv WHERE key = 'tok'").Scan(&after)
	if after != before-60 {
		t.Errorf("a one-minute extension was written: expiry %d, want it left at %d", after, before-60)
	}
	kv.exec("UPDATE kv SET expires_at = expires_at - 3600 WHERE key = 'tok'")
	kv.Set("tok", []byte("v"), time.Hour)
	s.read.QueryRow("SELECT expires_at FROM kv WHERE key = 'tok'").Scan(&after)
	if after < before-5 {
		t.Errorf("a one-hour extension was not written: expiry %d, want about %d", after, before)
	}
	kv.Set("tok", []byte("w"), time.Hour)
	if v, _ := kv.Get("tok"); string(v) != "w" {
		t.Errorf("a new value was not written: %q", v)
	}
}

func TestMarkingAnEssayChangesTheScore(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	quiz := sampleQuiz(0)
	quiz.Questions = append(quiz.Questions, quizzes.Question{Kind: quizzes.Essay, Prompt: "Why do rivers flood?", Points: 2})
	q, _ := s.CreateQuiz(ctx, quiz)
	st, _ := s.CreateStudent(ctx, "Ada", "tok")
	a, _ := s.OpenAttempt(ctx, q, st.ID)
	essay := q.Questions[2].ID
	if a.MaxScore != 4 {
		t.Errorf("max score %v, want 4 with the essay's 2 points", a.MaxScore)
	}
	saveCells(t, s, q, a.ID, map[int64]string{q.Questions[0].ID: "0", essay: "Rain."})
	s.SubmitAttempt(ctx, a.ID)
	if err := s.MarkResponse(ctx, a.ID, essay, 1.5, false); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Attempt(ctx, a.ID)
	rs, _ := s.Responses(ctx, a.ID)
	if got.Score != 2.5 || rs[essay].MarkedAt.IsZero() || rs[essay].Points != 1.5 {
		t.Errorf("after marking: score %v, essay %+v; want 2.5 and a marked 1.5", got.Score, rs[essay])
	}
	if err := s.MarkResponse(ctx, a.ID, q.Questions[1].ID, 1, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("marking an unanswered question: err = %v, want ErrNotFound", err)
	}
}
