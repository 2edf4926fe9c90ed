package db

import (
	"context"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

// An attempt whose time ran out is handed in at its deadline with what it
// held; one still in time, one at an untimed quiz and one already handed
// in are left as they are.
func TestHandInOverdueHandsInAtTheDeadline(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	timed := sampleQuiz(0)
	timed.Settings.TimeLimit = 10 * time.Minute
	tq, err := s.CreateQuiz(ctx, timed)
	if err != nil {
		t.Fatal(err)
	}
	untimed := sampleQuiz(0)
	untimed.Title = "Rivers, untimed"
	uq, err := s.CreateQuiz(ctx, untimed)
	if err != nil {
		t.Fatal(err)
	}
	ada, _ := s.CreateStudent(ctx, "Ada", "tok-ada")
	ben, _ := s.CreateStudent(ctx, "Ben", "tok-ben")
	late, err := s.OpenAttempt(ctx, tq, ada.ID)
	if err != nil {
		t.Fatal(err)
	}
	saveCells(t, s, tq, late.ID, map[int64]string{tq.Questions[0].ID: "0"})
	inTime, _ := s.OpenAttempt(ctx, tq, ben.ID)
	open, _ := s.OpenAttempt(ctx, uq, ada.ID)
	// Ada's attempt started 11 minutes ago; Ben's just now
	started := time.Now().Add(-11 * time.Minute).UTC()
	if _, err := s.write.ExecContext(ctx, "UPDATE attempts SET started_at = ? WHERE id = ?", started.Format(timeFormat), late.ID); err != nil {
		t.Fatal(err)
	}
	n, err := s.HandInOverdue(ctx, 0, time.Now())
	if err != nil || n != 1 {
		t.Fatalf("handed in %d (%v), want 1", n, err)
	}
	got, _ := s.Attempt(ctx, late.ID)
	deadline := started.Add(10 * time.Minute).Truncate(time.Millisecond)
	if !got.SubmittedAt.Equal(deadline) || got.Score != 1 {
		t.Errorf("overdue attempt handed in at %v with score %v, want at the deadline %v with score 1", got.SubmittedAt, got.Score, deadline)
	}
	for _, id := range []int64{inTime.ID, open.ID} {
		if a, _ := s.Attempt(ctx, id); a.Submitted() {
			t.Errorf("attempt %d was handed in, want it left open", id)
		}
	}
	if n, err := s.HandInOverdue(ctx, 0, time.Now()); err != nil || n != 0 {
		t.Errorf("a second sweep handed in %d (%v), want 0", n, err)
	}
	// within the grace after the deadline the attempt is still open
	if n, _ := s.HandInOverdue(ctx, tq.ID, time.Now().Add(10*time.Minute+quizzes.DeadlineGrace/2)); n != 0 {
		t.Errorf("within the grace %d attempts were handed in, want 0", n)
	}
	if n, _ := s.HandInOverdue(ctx, uq.ID, time.Now().Add(time.Hour)); n != 0 {
		t.Errorf("the untimed quiz had %d attempts handed in, want 0", n)
	}
	if n, _ := s.HandInOverdue(ctx, tq.ID, time.Now().Add(time.Hour)); n != 1 {
		t.Errorf("an hour later %d of Ben's attempts were handed in, want 1", n)
	}
}
