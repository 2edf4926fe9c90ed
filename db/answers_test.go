package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	"quiztrainer/quizzes"
)

// Two tabs answer the same question of a quiz that shows feedback at once:
// exactly one answer is stored, and the other is told the question is locked.
func TestConcurrentAnswersToAFeedbackLockedQuestionStoreOne(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	quiz := sampleQuiz(0)
	quiz.Settings.Feedback = quizzes.FeedbackNow
	q, err := s.CreateQuiz(ctx, quiz)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.CreateStudent(ctx, "Ada", "tok")
	mc := q.Questions[0]
	for round := range 20 {
		a, err := s.OpenAttempt(ctx, q, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		picks := []int64{mc.Choices[0].ID, mc.Choices[1].ID}
		results := make([]Saved, 2)
		errs := make([]error, 2)
		var start, done sync.WaitGroup
		start.Add(1)
		for i := range picks {
			done.Add(1)
			go func() {
				defer done.Done()
				start.Wait()
				results[i], errs[i] = s.SaveAnswers(ctx, q, a.ID, map[int64]quizzes.Answer{mc.ID: quizzes.Picked(picks[i])}, time.Now())
			}()
		}
		start.Done()
		done.Wait()
		stored, locked := 0, 0
		for i := range results {
			if errs[i] != nil {
				t.Fatalf("round %d: save %d: %v", round, i, errs[i])
			}
			stored += len(results[i].Stored)
			locked += len(results[i].Locked)
		}
		if stored != 1 || locked != 1 {
			t.Fatalf("round %d: %d stored and %d locked, want 1 and 1", round, stored, locked)
		}
		rs, err := s.Responses(ctx, a.ID)
		if err != nil || len(rs) != 1 {
			t.Fatalf("round %d: %d responses (%v), want 1", round, len(rs), err)
		}
		winner := 0
		if len(results[1].Stored) == 1 {
			winner = 1
		}
		if got := rs[mc.ID].Given; !got.Equal(quizzes.Picked(picks[winner])) {
			t.Fatalf("round %d: stored %+v, want the answer that was told it was stored (%d)", round, got, picks[winner])
		}
		if _, err := s.FinishAttempt(ctx, q, a.ID, nil, time.Now()); err != nil {
			t.Fatal(err)
		}
	}
}

// Finishing stores the answers sent with it and hands in, in one go; after
// the deadline and its grace the answers sent are refused and the attempt
// is handed in with what it held.
func TestFinishTakesTheLastAnswersUntilTheDeadline(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	quiz := sampleQuiz(0)
	quiz.Settings.TimeLimit = time.Minute
	q, _ := s.CreateQuiz(ctx, quiz)
	mc, sa := q.Questions[0], q.Questions[1]
	ada, _ := s.CreateStudent(ctx, "Ada", "tok-ada")
	bo, _ := s.CreateStudent(ctx, "Bo", "tok-bo")

	a, _ := s.OpenAttempt(ctx, q, ada.ID)
	in := a.StartedAt.Add(50 * time.Second)
	done, err := s.FinishAttempt(ctx, q, a.ID, map[int64]quizzes.Answer{mc.ID: quizzes.Picked(mc.Choices[0].ID), sa.ID: quizzes.Typed("seine")}, in)
	if err != nil || !done.Submitted() || done.Score != 2 {
		t.Errorf("finishing in time: %+v, %v; want handed in with 2 points", done, err)
	}

	b, _ := s.OpenAttempt(ctx, q, bo.ID)
	saveCells(t, s, q, b.ID, map[int64]string{mc.ID: "0"})
	within := b.StartedAt.Add(time.Minute + quizzes.DeadlineGrace/2)
	if _, err := s.SaveAnswers(ctx, q, b.ID, map[int64]quizzes.Answer{sa.ID: quizzes.Typed("Thames")}, within); err != nil {
		t.Errorf("an answer within the grace was refused: %v", err)
	}
	late := b.StartedAt.Add(time.Minute + quizzes.DeadlineGrace + time.Second)
	_, err = s.SaveAnswers(ctx, q, b.ID, map[int64]quizzes.Answer{sa.ID: quizzes.Typed("Seine")}, late)
	if !errors.Is(err, ErrTimeUp) {
		t.Fatalf("a late answer: err = %v, want ErrTimeUp", err)
	}
	got, _ := s.Attempt(ctx, b.ID)
	rs, _ := s.Responses(ctx, b.ID)
	if !got.Submitted() || got.Score != 1 || rs[sa.ID].Given.Text != "Thames" {
		t.Errorf("after the late answer: attempt %+v, short answer %q; want handed in with 1 point and Thames kept", got, rs[sa.ID].Given.Text)
	}
}

// Answers stored before typed answers (choice positions, U+001F-joined
// matches, plain text) read back as the same answers.
func TestMigrationTurnsStoredAnswersIntoTypedOnes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", DSN(path, false))
	if err != nil {
		t.Fatal(err)
	}
	all, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if m.version >= 5 {
			break
		}
		if _, err := raw.ExecContext(ctx, m.sql); err != nil {
			t.Fatalf("migration %s: %v", m.name, err)
		}
	}
	if _, err := raw.ExecContext(ctx, `
		CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT '');
		INSERT INTO schema_migrations (version, name) VALUES (1, '0001'), (2, '0002'), (3, '0003'), (4, '0004');
		INSERT INTO quizzes (id, title, slug, status) VALUES (1, 'Q', 'q', 'published');
		INSERT INTO questions (id, quiz_id, position, kind, prompt) VALUES
			(1, 1, 1, 'multiple_response', 'Rivers?'), (2, 1, 2, 'matching', 'Match'), (3, 1, 3, 'short_answer', 'Paris?'),
			(4, 1, 4, 'true_false', 'Wet?'), (5, 1, 5, 'essay', 'Why?');
		INSERT INTO choices (id, question_id, position, text, correct) VALUES
			(10, 1, 1, 'Nile', 1), (11, 1, 2, 'Paris', 0), (12, 1, 3, 'Seine', 1),
			(20, 2, 1, 'cat', 1), (21, 2, 2, 'dog', 1), (30, 3, 1, 'Seine', 1), (40, 4, 1, 'True', 1), (41, 4, 2, 'False', 0);
		INSERT INTO students (id, display_name, token_hash) VALUES (1, 'Ada', x'00');
		INSERT INTO attempts (id, quiz_id, student_id, number, started_at) VALUES (1, 1, 1, 1, '2026-01-01T00:00:00.000Z');
		INSERT INTO responses (attempt_id, question_id, given, correct, points, answered_at) VALUES
			(1, 1, '0,2', 1, 1, 'x'), (1, 2, 'meow' || char(31) || '"woof"\', 0, 0, 'x'), (1, 3, 'the "Seine"', 1, 1, 'x'),
			(1, 4, '7', 0, 0, 'x'), (1, 5, 'Rain' || char(10) || 'falls.', 0, 0, 'x');`); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("open an old database: %v", err)
	}
	defer s.Close()
	rs, err := s.Responses(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	for qid, want := range map[int64]quizzes.Answer{
		1: quizzes.Picked(10, 12),
		2: quizzes.Paired("meow", `"woof"\`),
		3: quizzes.Typed(`the "Seine"`),
		4: {}, // a position the question never had chose nothing
		5: quizzes.Typed("Rain\nfalls."),
	} {
		if got := rs[qid].Given; !got.Equal(want) {
			t.Errorf("question %d: got %+v, want %+v", qid, got, want)
		}
	}
}

// Accepting a typed answer adds it to the key and marks every answer to
// the question again, scores with them; choice questions refuse.
func TestAcceptAnswerRegradesEveryAttempt(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	q, _ := s.CreateQuiz(ctx, sampleQuiz(0))
	mc, sa := q.Questions[0], q.Questions[1]
	var ids []int64
	for i, typed := range []string{"River Seine", "the river seine!", "Loire"} {
		st, _ := s.CreateStudent(ctx, fmt.Sprint("s", i), fmt.Sprint("tok", i))
		a, _ := s.OpenAttempt(ctx, q, st.ID)
		saveCells(t, s, q, a.ID, map[int64]string{sa.ID: typed})
		if i < 2 {
			s.FinishAttempt(ctx, q, a.ID, nil, time.Now())
		}
		ids = append(ids, a.ID)
	}
	n, err := s.AcceptAnswer(ctx, q.ID, sa.ID, "River Seine")
	if err != nil || n != 3 {
		t.Fatalf("AcceptAnswer = %d, %v; want 3 answers marked again", n, err)
	}
	for i, want := range []float64{1, 1, 0} {
		a, _ := s.Attempt(ctx, ids[i])
		rs, _ := s.Responses(ctx, ids[i])
		if rs[sa.ID].Points != want || (i < 2 && a.Score != want) {
			t.Errorf("attempt %d: answer %v points, score %v; want %v", i, rs[sa.ID].Points, a.Score, want)
		}
	}
	reloaded, _ := s.Quiz(ctx, q.ID)
	if keys := reloaded.Questions[1].Keys(); fmt.Sprint(keys) != "[Seine River Seine]" {
		t.Errorf("accepted answers = %q, want Seine and River Seine", keys)
	}
	if _, err := s.AcceptAnswer(ctx, q.ID, mc.ID, "Nile"); !errors.Is(err, ErrNotTyped) {
		t.Errorf("accepting for a choice question: err = %v, want ErrNotTyped", err)
	}
	if _, err := s.AcceptAnswer(ctx, q.ID+100, sa.ID, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("accepting for another quiz's question: err = %v, want ErrNotFound", err)
	}
}
