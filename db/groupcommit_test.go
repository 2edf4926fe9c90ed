package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

// TestConcurrentSavesShareACommitAndAreAcknowledgedAfterIt holds the write
// connection while many students save at once, so that every save is
// queued: none may return before its commit, then they commit together,
// each returns, and a separate connection finds every answer. A save for
// a handed-in attempt and one naming a question of another quiz fail on
// their own and change nothing, and a late one hands its attempt in,
// without failing the others.
func TestConcurrentSavesShareACommitAndAreAcknowledgedAfterIt(t *testing.T) {
	ctx := context.Background()
	s, path := openTest(t)
	var qs []quizzes.Question
	for i := range 5 {
		qs = append(qs, quizzes.Question{Kind: quizzes.ShortAnswer, Prompt: fmt.Sprintf("Q%d?", i), Choices: []quizzes.Choice{{Text: "yes", Correct: true}}})
	}
	quiz, err := s.CreateQuiz(ctx, quizzes.Quiz{Title: "Group", Status: quizzes.Published, Questions: qs,
		Settings: quizzes.Settings{TimeLimit: time.Minute}})
	if err != nil {
		t.Fatal(err)
	}
	const students = 60
	attempts := make([]int64, students)
	for i := range attempts {
		st, err := s.CreateStudent(ctx, fmt.Sprintf("Student %d", i), fmt.Sprintf("token-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.OpenAttempt(ctx, quiz, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		attempts[i] = a.ID
	}
	closed, late := attempts[0], attempts[1]
	if _, err := s.SubmitAttempt(ctx, closed); err != nil {
		t.Fatal(err)
	}

	// Hold the one write connection, as a long write would.
	hold, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hold.ExecContext(ctx, "UPDATE quiz_edits SET last = last"); err != nil {
		t.Fatal(err)
	}
	commitsBefore := s.answers.commits.Load()
	type outcome struct {
		i   int
		err error
	}
	results := make(chan outcome, students+1)
	var returned sync.WaitGroup
	for i, id := range attempts {
		returned.Add(1)
		go func() {
			defer returned.Done()
			at := time.Now()
			if id == late {
				at = at.Add(time.Hour)
			}
			_, err := s.SaveAnswers(ctx, quiz, id, map[int64]quizzes.Answer{quiz.Questions[i%5].ID: quizzes.Typed(fmt.Sprintf("answer %d", i))}, at)
			results <- outcome{i, err}
		}()
	}
	returned.Add(1)
	go func() {
		defer returned.Done()
		_, err := s.SaveAnswers(ctx, quiz, attempts[2], map[int64]quizzes.Answer{999999: quizzes.Typed("stray")}, time.Now())
		results <- outcome{-1, err}
	}()
	// Every save is handed over and waits for the writer.
	deadline := time.Now().Add(20 * time.Second)
	for s.answers.pending.Load() < students+1 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	if n := len(results); n != 0 {
		t.Fatalf("%d saves returned while their transaction could not commit", n)
	}
	if err := hold.Commit(); err != nil {
		t.Fatal(err)
	}
	returned.Wait()
	close(results)
	for r := range results {
		switch {
		case r.i == -1:
			if !errors.Is(r.err, ErrNotFound) {
				t.Errorf("a question of another quiz: %v, want not found", r.err)
			}
		case attempts[r.i] == closed:
			if !errors.Is(r.err, ErrAttemptClosed) {
				t.Errorf("a handed-in attempt: %v, want ErrAttemptClosed", r.err)
			}
		case attempts[r.i] == late:
			if !errors.Is(r.err, ErrTimeUp) {
				t.Errorf("a late save: %v, want ErrTimeUp", r.err)
			}
		case r.err != nil:
			t.Errorf("student %d: %v", r.i, r.err)
		}
	}
	commits := s.answers.commits.Load() - commitsBefore
	if commits > 3 {
		t.Errorf("%d saves took %d commits; queued together, they should share one or two", students+1, commits)
	}
	t.Logf("%d saves in %d commits", students+1, commits)

	// A new connection, as after a restart, sees every answer acknowledged.
	conn, err := sql.Open("sqlite", DSN(path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for i, id := range attempts {
		var given string
		err := conn.QueryRow("SELECT given FROM responses WHERE attempt_id = ? AND question_id = ?", id, quiz.Questions[i%5].ID).Scan(&given)
		switch {
		case id == closed || id == late:
			if !errors.Is(err, sql.ErrNoRows) {
				t.Errorf("attempt %d took an answer after it closed: %q, %v", id, given, err)
			}
		case err != nil || given != quizzes.EncodeAnswer(quizzes.Typed(fmt.Sprintf("answer %d", i))):
			t.Errorf("student %d: stored %q, %v", i, given, err)
		}
	}
	var submitted sql.NullString
	if err := conn.QueryRow("SELECT submitted_at FROM attempts WHERE id = ?", late).Scan(&submitted); err != nil || !submitted.Valid {
		t.Errorf("the late attempt was not handed in: %v, %v", submitted, err)
	}
	var stray int
	conn.QueryRow("SELECT COUNT(*) FROM responses WHERE attempt_id = ?", attempts[2]).Scan(&stray)
	if stray != 1 {
		t.Errorf("attempt %d holds %d answers, want its own one (the stray save changes nothing)", attempts[2], stray)
	}
}

// TestSavesAfterCloseAreRefused checks that a save after the store closed
// says so instead of hanging.
func TestSavesAfterCloseAreRefused(t *testing.T) {
	s, _ := openTest(t)
	s.Close()
	done := make(chan error, 1)
	go func() {
		_, err := s.SaveAnswers(context.Background(), quizzes.Quiz{}, 1, nil, time.Now())
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrClosed) {
			t.Fatalf("save after close: %v, want ErrClosed", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a save after close did not return")
	}
}

// TestSavesArrivingTogetherShareACommitOnOneCPU starts a class's saves at
// the same moment on a server with one CPU, as a loaded server's handlers
// are woken together by the network. The first save's hand-over wakes
// the writer at once; unless the writer lets the other saves on their way
// reach the queue first, it commits the first alone and each commit (and
// fsync) carries about one answer.
func TestSavesArrivingTogetherShareACommitOnOneCPU(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	quiz, err := s.CreateQuiz(ctx, quizzes.Quiz{Title: "One CPU", Status: quizzes.Published,
		Questions: []quizzes.Question{{Kind: quizzes.ShortAnswer, Prompt: "Q?", Choices: []quizzes.Choice{{Text: "yes", Correct: true}}}}})
	if err != nil {
		t.Fatal(err)
	}
	const students, rounds = 32, 10
	attempts := make([]int64, students)
	for i := range attempts {
		st, err := s.CreateStudent(ctx, fmt.Sprintf("Student %d", i), fmt.Sprintf("token-%d", i))
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.OpenAttempt(ctx, quiz, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		attempts[i] = a.ID
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	commitsBefore := s.answers.commits.Load()
	errs := make(chan error, students*rounds)
	for r := range rounds {
		var wg sync.WaitGroup
		for i, id := range attempts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ans := map[int64]quizzes.Answer{quiz.Questions[0].ID: quizzes.Typed(fmt.Sprintf("answer %d-%d", r, i))}
				if _, err := s.SaveAnswers(ctx, quiz, id, ans, time.Now()); err != nil {
					errs <- err
				}
			}()
		}
		wg.Wait()
	}
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	commits := s.answers.commits.Load() - commitsBefore
	t.Logf("%d saves in %d commits", students*rounds, commits)
	// Without the yield a round takes two commits at best (the first save
	// alone, then the rest that queued during its fsync) and often one
	// commit a save.
	if commits >= 2*rounds {
		t.Errorf("%d rounds of %d saves arriving together took %d commits, want most rounds in one (fewer than %d)",
			rounds, students, commits, 2*rounds)
	}
}

// TestWriteStatementsAreBoundAgainInEachTransaction runs a kept write
// statement in a transaction that commits, one that rolls back and one
// after them: a statement bound to an ended transaction is closed, and
// using it again would fail or write outside the transaction.
func TestWriteStatementsAreBoundAgainInEachTransaction(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	insert := func(name string, keep bool) error {
		return s.tx(ctx, func(tx *sql.Tx) error {
			for i := range 2 { // twice in one transaction: the second use reuses the binding
				if _, err := s.txExec(ctx, tx, insertStudent, name, fmt.Sprintf("%s-%d", name, i)); err != nil {
					return err
				}
			}
			if !keep {
				return errors.New("rolled back")
			}
			return nil
		})
	}
	if err := insert("First", true); err != nil {
		t.Fatal(err)
	}
	if err := insert("Undone", false); err == nil {
		t.Fatal("the transaction meant to roll back committed")
	}
	if err := insert("Third", true); err != nil {
		t.Fatalf("a kept statement after a rolled-back transaction: %v", err)
	}
	for name, want := range map[string]int{"First": 2, "Undone": 0, "Third": 2} {
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM students WHERE display_name = ?", name).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Errorf("students named %s: got %d, want %d", name, n, want)
		}
	}
}
