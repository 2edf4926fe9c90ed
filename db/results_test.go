package db

import (
	"context"
	"testing"

	"quiztrainer/quizzes"
)

func TestQuizResults(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	q, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	other, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	mc, sa := q.Questions[0], q.Questions[1]

	// take makes a student answer and, when finish is set, hand in.
	take := func(st quizzes.Student, quiz quizzes.Quiz, answers map[int64]string, finish bool) quizzes.Attempt {
		t.Helper()
		a, err := s.OpenAttempt(ctx, quiz, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		saveCells(t, s, quiz, a.ID, answers)
		if finish {
			if a, err = s.SubmitAttempt(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		return a
	}
	ada, _ := s.CreateStudent(ctx, "Ada", "tok-ada")
	bo, _ := s.CreateStudent(ctx, "Bo", "tok-bo")
	cy, _ := s.CreateStudent(ctx, "=Cy", "tok-cy")
	first := take(ada, q, map[int64]string{mc.ID: "1", sa.ID: "seine"}, true)
	second := take(ada, q, map[int64]string{mc.ID: "0"}, true)
	blank := take(bo, q, nil, true)
	take(cy, q, map[int64]string{mc.ID: "0"}, false)                    // still open
	take(bo, other, map[int64]string{other.Questions[0].ID: "0"}, true) // another quiz

	got, err := s.QuizResults(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("only finished attempts of this quiz come, in the order handed in", func(t *testing.T) {
		var ids []int64
		for _, r := range got {
			ids = append(ids, r.Attempt.ID)
		}
		want := []int64{first.ID, second.ID, blank.ID}
		if len(ids) != len(want) || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] {
			t.Fatalf("attempt ids = %v, want %v", ids, want)
		}
	})
	t.Run("each attempt carries the student's name, number, times and score", func(t *testing.T) {
		r := got[0]
		if r.Student != "Ada" || r.Attempt.Number != 1 || got[1].Attempt.Number != 2 || got[2].Student != "Bo" {
			t.Errorf("got %q #%d, %q #%d, %q; want Ada #1, Ada #2, Bo", r.Student, r.Attempt.Number, got[1].Student, got[1].Attempt.Number, got[2].Student)
		}
		if r.Attempt.Score != 1 || r.Attempt.MaxScore != 2 || !r.Attempt.Submitted() || r.Attempt.StartedAt.IsZero() {
			t.Errorf("attempt = %+v, want score 1 of 2, started and submitted", r.Attempt)
		}
	})
	t.Run("responses are keyed by question with what was given", func(t *testing.T) {
		r := got[0].Responses
		if len(r) != 2 {
			t.Fatalf("got %d responses, want 2", len(r))
		}
		if !r[mc.ID].Given.Equal(quizzes.Picked(mc.Choices[1].ID)) || r[mc.ID].Correct || r[sa.ID].Given.Text != "seine" || !r[sa.ID].Correct || r[sa.ID].Points != 1 {
			t.Errorf("responses = %+v", r)
		}
		if r[sa.ID].AnsweredAt.IsZero() {
			t.Error("the answer time was lost")
		}
		if len(got[2].Responses) != 0 {
			t.Errorf("a blank attempt has %d responses, want 0", len(got[2].Responses))
		}
	})
	t.Run("open attempts are counted apart", func(t *testing.T) {
		n, err := s.OpenAttemptCount(ctx, q.ID)
		if err != nil || n != 1 {
			t.Errorf("OpenAttemptCount = %d, %v; want 1", n, err)
		}
	})
	t.Run("a quiz without attempts has no results and no error", func(t *testing.T) {
		empty, err := s.CreateQuiz(ctx, sampleQuiz(0))
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.QuizResults(ctx, empty.ID)
		if err != nil || len(rs) != 0 {
			t.Errorf("got %d results, %v; want none", len(rs), err)
		}
	})
}
