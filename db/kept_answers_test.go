package db

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

// TestEveryAnswerChangeIsSeenByTheNextRead keeps an attempt's answers in
// memory on two stores of one file (two servers), makes each change that
// alters them, on one server or the other, and checks that the very next
// AttemptState on both shows the answers the database holds.
func TestEveryAnswerChangeIsSeenByTheNextRead(t *testing.T) {
	ctx := context.Background()
	s, other := openTwoServers(t)
	art, err := s.CreateArticle(ctx, quizzes.Article{Title: "Rivers", Body: "The Nile is long. The Seine flows through Paris."})
	if err != nil {
		t.Fatal(err)
	}
	q, err := s.CreateQuiz(ctx, sampleQuiz(art))
	if err != nil {
		t.Fatal(err)
	}
	choice, short := q.Questions[0], q.Questions[1]
	ana, err := s.CreateStudent(ctx, "Ana", "tok-ana")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.OpenAttempt(ctx, q, ana.ID)
	if err != nil {
		t.Fatal(err)
	}
	check := func(t *testing.T, id int64) {
		t.Helper()
		want, err := s.Responses(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for name, st := range map[string]*Store{"this server": s, "another server": other} {
			// twice: the first read may fill what the second finds kept
			for _, read := range []string{"first read", "second read"} {
				got, err := st.AttemptState(ctx, id, true)
				if err != nil {
					t.Fatalf("%s, %s: %v", name, read, err)
				}
				if g, w := describe(got.Responses), describe(want); g != w {
					t.Errorf("%s, %s: answers of attempt %d are\n%s\nwant\n%s", name, read, id, g, w)
				}
			}
			if _, ok := st.keptAnswers.m[id]; !ok {
				t.Errorf("%s keeps no answers of attempt %d after reading them", name, id)
			}
		}
	}
	check(t, a.ID)
	save := func(st *Store, qu quizzes.Question, ans quizzes.Answer) func() error {
		return func() error {
			_, err := st.SaveAnswers(ctx, q, a.ID, map[int64]quizzes.Answer{qu.ID: ans}, time.Now())
			return err
		}
	}
	var deleted DeletedQuestion
	steps := []struct {
		name   string
		change func() error
	}{
		{"a first answer", save(s, choice, quizzes.Picked(choice.Choices[1].ID))},
		{"the answer changed on the other server", save(other, choice, quizzes.Picked(choice.Choices[0].ID))},
		{"a second question answered", save(other, short, quizzes.Answer{Text: "Seine"})},
		{"a mark given", func() error { return s.MarkResponse(ctx, a.ID, short.ID, 0.5, false) }},
		{"the key changed, so the answers are graded again", func() error {
			qu := choice
			qu.Choices = slices.Clone(qu.Choices)
			qu.Choices[0].Correct, qu.Choices[1].Correct = false, true
			_, err := other.UpdateQuestion(ctx, qu)
			return err
		}},
		{"the chosen choice removed from the question", func() error {
			qu := choice
			qu.Choices = []quizzes.Choice{choice.Choices[1], choice.Choices[2]}
			qu.Choices[0].Correct = true
			_, err := s.UpdateQuestion(ctx, qu)
			return err
		}},
		{"a question deleted with its answers", func() error {
			var err error
			deleted, err = other.DeleteQuestion(ctx, q.ID, short.ID)
			return err
		}},
		{"the question restored with its answers", func() error {
			_, err := s.RestoreQuestion(ctx, q.ID, deleted.ID)
			return err
		}},
	}
	for _, step := range steps {
		if err := step.change(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		t.Run(step.name, func(t *testing.T) { check(t, a.ID) })
	}
	// An attempt that takes the id of a deleted one (SQLite gives a new
	// row the highest id plus one) has its own answers, not the kept ones.
	bo, err := s.CreateStudent(ctx, "Bo", "tok-bo")
	if err != nil {
		t.Fatal(err)
	}
	old, err := s.OpenAttempt(ctx, q, bo.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveAnswers(ctx, q, old.ID, map[int64]quizzes.Answer{choice.ID: quizzes.Picked(choice.Choices[1].ID)}, time.Now()); err != nil {
		t.Fatal(err)
	}
	check(t, old.ID)
	if _, err := s.write.ExecContext(ctx, "DELETE FROM attempts WHERE id = ?", old.ID); err != nil {
		t.Fatal(err)
	}
	again, err := other.OpenAttempt(ctx, q, bo.ID)
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != old.ID {
		t.Fatalf("the new attempt has id %d, want the deleted one's %d (the case this checks)", again.ID, old.ID)
	}
	t.Run("an attempt with a deleted attempt's id", func(t *testing.T) { check(t, again.ID) })
}

// describe lists answers in question order, for comparing.
func describe(rs map[int64]quizzes.Response) string {
	out := ""
	for _, id := range slices.Sorted(maps.Keys(rs)) {
		r := rs[id]
		out += fmt.Sprintf("  question %d: %+v correct=%v points=%v marked=%v\n", id, r.Given, r.Correct, r.Points, !r.MarkedAt.IsZero())
	}
	return out
}
