package main

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// The server's sweep hands in a timed attempt whose time ran out without
// anyone opening a page, at its deadline.
func TestSweepHandsInOverdueAttempts(t *testing.T) {
	ctx := context.Background()
	store, err := db.Open(ctx, filepath.Join(t.TempDir(), "quiz.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	q, err := store.CreateQuiz(ctx, quizzes.Quiz{Title: "Timed", Status: quizzes.Published,
		Settings:  quizzes.Settings{TimeLimit: time.Minute},
		Questions: []quizzes.Question{{Kind: quizzes.ShortAnswer, Prompt: "Name the river of Paris.", Choices: []quizzes.Choice{{Text: "Seine", Correct: true}}}}})
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.CreateStudent(ctx, "Ada", "tok")
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.OpenAttempt(ctx, q, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	sweepCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		sweepOverdue(sweepCtx, store, slog.New(slog.NewTextHandler(io.Discard, nil)), 10*time.Millisecond,
			func() time.Time { return time.Now().Add(time.Hour) })
		close(done)
	}()
	var got quizzes.Attempt
	for range 200 {
		if got, err = store.Attempt(ctx, a.ID); err == nil && got.Submitted() {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	stop()
	<-done
	if !got.Submitted() || !got.SubmittedAt.Equal(a.StartedAt.Add(time.Minute)) {
		t.Errorf("after the sweep the attempt is handed in %v at %v, want at its deadline %v", got.Submitted(), got.SubmittedAt, a.StartedAt.Add(time.Minute))
	}
}
