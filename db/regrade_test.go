package db

import (
	"context"
	"fmt"
	"testing"

	"quiztrainer/quizzes"
)

// A teacher who fixes a wrong key fixes the scores of the answers already
// given; changes that would give old answers another meaning regrade
// nothing, and a deleted question leaves the attempts' scores.
func TestEditingAQuestionRegradesItsAnswers(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	quiz := sampleQuiz(0)
	// the key is wrong: Seine marked as the longest river
	quiz.Questions[0].Choices = []quizzes.Choice{{Text: "Nile"}, {Text: "Seine", Correct: true}, {Text: "Thames"}}
	q, err := s.CreateQuiz(ctx, quiz)
	if err != nil {
		t.Fatal(err)
	}
	answer := func(name string, mc, short string, submit bool) int64 {
		st, err := s.CreateStudent(ctx, name, "token-"+name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.OpenAttempt(ctx, q, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i, given := range []string{mc, short} {
			o := quizzes.Grade(q.Questions[i], given)
			if err := s.SaveResponse(ctx, quizzes.Response{AttemptID: a.ID, QuestionID: q.Questions[i].ID, Given: given, Correct: o.Correct, Points: o.Points}); err != nil {
				t.Fatal(err)
			}
		}
		if submit {
			if _, err := s.SubmitAttempt(ctx, a.ID); err != nil {
				t.Fatal(err)
			}
		}
		return a.ID
	}
	ada := answer("Ada", "0", "Seine", true) // Nile: right, but marked wrong
	bo := answer("Bo", "1", "Thames", true)  // Seine: wrong, but marked right
	cy := answer("Cy", "0", "Seine", false)  // still answering
	score := func(id int64) string {
		a, err := s.Attempt(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%g/%g", a.Score, a.MaxScore)
	}
	if got := score(ada) + " " + score(bo); got != "1/2 1/2" {
		t.Fatalf("before the fix: %s, want 1/2 1/2", got)
	}

	fixed := q.Questions[0]
	fixed.Choices = []quizzes.Choice{{Text: "Nile", Correct: true}, {Text: "Seine"}, {Text: "Thames"}}
	n, err := s.UpdateQuestion(ctx, fixed)
	if err != nil || n != 3 {
		t.Fatalf("fixing the key regraded %d answers (%v), want 3", n, err)
	}
	if got := score(ada) + " " + score(bo); got != "2/2 0/2" {
		t.Errorf("after fixing the key: %s, want 2/2 0/2", got)
	}
	var correct bool
	s.read.QueryRow("SELECT correct FROM responses WHERE attempt_id = ? AND question_id = ?", cy, fixed.ID).Scan(&correct)
	if !correct {
		t.Errorf("the open attempt's answer was not regraded")
	}

	// twice the points: the maximum follows, and so do the scores
	fixed.Points = 2
	if n, err := s.UpdateQuestion(ctx, fixed); err != nil || n != 3 {
		t.Fatalf("doubling the points regraded %d answers (%v), want 3", n, err)
	}
	if got := score(ada) + " " + score(bo); got != "3/3 0/3" {
		t.Errorf("after doubling the points: %s, want 3/3 0/3", got)
	}

	// a new first choice and the others in another order: each answer
	// follows the choice it picked, so the scores stay
	given := func(id int64) string {
		var g string
		s.read.QueryRow("SELECT given FROM responses WHERE attempt_id = ? AND question_id = ?", id, fixed.ID).Scan(&g)
		return g
	}
	moved := fixed
	moved.Choices = []quizzes.Choice{{Text: "Danube"}, {Text: "Thames"}, {Text: "seine "}, {Text: "Nile", Correct: true}}
	if n, err := s.UpdateQuestion(ctx, moved); err != nil || n != 3 {
		t.Fatalf("reordering the choices regraded %d answers (%v), want 3", n, err)
	}
	if got := given(ada) + " " + given(bo); got != "3 2" {
		t.Errorf("after reordering, the answers point at choices %s, want 3 2 (Nile, Seine)", got)
	}
	if got := score(ada) + " " + score(bo); got != "3/3 0/3" {
		t.Errorf("after reordering: %s, want 3/3 0/3", got)
	}
	// Seine removed: the answer that picked it picks nothing now
	fewer := moved
	fewer.Choices = []quizzes.Choice{{Text: "Danube"}, {Text: "Thames"}, {Text: "Nile", Correct: true}}
	if _, err := s.UpdateQuestion(ctx, fewer); err != nil {
		t.Fatal(err)
	}
	if got := given(ada) + "|" + given(bo); got != "2|" {
		t.Errorf("after removing Seine, the answers are %q, want \"2|\"", got)
	}
	// a choice reworded where it stands keeps its answers
	reworded := fewer
	reworded.Choices = []quizzes.Choice{{Text: "Danube"}, {Text: "Thames"}, {Text: "the River Nile", Correct: true}}
	if _, err := s.UpdateQuestion(ctx, reworded); err != nil {
		t.Fatal(err)
	}
	if got := given(ada) + " " + score(ada); got != "2 3/3" {
		t.Errorf("after rewording the key, Ada's answer is %q, want \"2 3/3\"", got)
	}
	fixed = reworded
	// another kind: "0" is no typed answer
	typed := fixed
	typed.Kind, typed.Choices = quizzes.ShortAnswer, []quizzes.Choice{{Text: "0", Correct: true}}
	if n, err := s.UpdateQuestion(ctx, typed); err != nil || n != 0 {
		t.Errorf("changing the kind regraded %d answers (%v), want none", n, err)
	}
	if got := score(ada); got != "3/3" {
		t.Errorf("after changes that regrade nothing: %s, want 3/3", got)
	}

	// deleting the question takes its points and answers out of the scores
	if err := s.DeleteQuestion(ctx, q.ID, fixed.ID); err != nil {
		t.Fatal(err)
	}
	if got := score(ada) + " " + score(bo); got != "1/1 0/1" {
		t.Errorf("after deleting the question: %s, want 1/1 0/1", got)
	}
}
