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
		saveCells(t, s, q, a.ID, map[int64]string{q.Questions[0].ID: mc, q.Questions[1].ID: short})
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

	nile, seine, thames := q.Questions[0].Choices[0].ID, q.Questions[0].Choices[1].ID, q.Questions[0].Choices[2].ID
	fixed := q.Questions[0]
	fixed.Choices = []quizzes.Choice{{ID: nile, Text: "Nile", Correct: true}, {ID: seine, Text: "Seine"}, {ID: thames, Text: "Thames"}}
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

	// given says, in words, what an attempt's stored answer chose now
	given := func(id int64) string {
		quiz, err := s.Quiz(ctx, q.ID)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := s.Responses(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return quizzes.DescribeAnswer(quiz.Questions[0], rs[fixed.ID].Given)
	}
	// a new first choice and the others in another order: each answer
	// follows the choice it picked, so the scores stay
	moved := fixed
	moved.Choices = []quizzes.Choice{{Text: "Danube"}, {ID: thames, Text: "Thames"}, {ID: seine, Text: "seine "}, {ID: nile, Text: "Nile", Correct: true}}
	if n, err := s.UpdateQuestion(ctx, moved); err != nil || n != 3 {
		t.Fatalf("reordering the choices regraded %d answers (%v), want 3", n, err)
	}
	if got := given(ada) + "|" + given(bo); got != "Nile|seine " {
		t.Errorf("after reordering, the answers chose %q, want \"Nile|seine \"", got)
	}
	if got := score(ada) + " " + score(bo); got != "3/3 0/3" {
		t.Errorf("after reordering: %s, want 3/3 0/3", got)
	}
	reloaded, _ := s.Quiz(ctx, q.ID)
	danube := reloaded.Questions[0].Choices[0]
	if danube.Text != "Danube" || danube.ID == 0 || danube.ID == nile || danube.ID == seine || danube.ID == thames {
		t.Fatalf("the new choice is %+v, want Danube with an id of its own", danube)
	}
	if last := reloaded.Questions[0].Choices[3]; last.ID != nile {
		t.Errorf("Nile moved to the end has id %d, want its own id %d", last.ID, nile)
	}
	// Seine removed: the answer that picked it picks nothing now
	fewer := moved
	fewer.Choices = []quizzes.Choice{{ID: danube.ID, Text: "Danube"}, {ID: thames, Text: "Thames"}, {ID: nile, Text: "Nile", Correct: true}}
	if _, err := s.UpdateQuestion(ctx, fewer); err != nil {
		t.Fatal(err)
	}
	if got := given(ada) + "|" + given(bo); got != "Nile|" {
		t.Errorf("after removing Seine, the answers are %q, want \"Nile|\"", got)
	}
	var stored string
	s.read.QueryRow("SELECT given FROM responses WHERE attempt_id = ? AND question_id = ?", bo, fixed.ID).Scan(&stored)
	if stored != "{}" {
		t.Errorf("Bo's stored answer is %s, want {} (the removed choice forgotten)", stored)
	}
	// a choice reworded where it stands keeps its answers
	reworded := fewer
	reworded.Choices = []quizzes.Choice{{ID: danube.ID, Text: "Danube"}, {ID: thames, Text: "Thames"}, {ID: nile, Text: "the River Nile", Correct: true}}
	if _, err := s.UpdateQuestion(ctx, reworded); err != nil {
		t.Fatal(err)
	}
	if got := given(ada) + " " + score(ada); got != "the River Nile 3/3" {
		t.Errorf("after rewording the key, Ada's answer is %q, want \"the River Nile 3/3\"", got)
	}
	fixed = reworded
	// another kind: a choice is no typed answer
	typed := fixed
	typed.Kind, typed.Choices = quizzes.ShortAnswer, []quizzes.Choice{{Text: "0", Correct: true}}
	if n, err := s.UpdateQuestion(ctx, typed); err != nil || n != 0 {
		t.Errorf("changing the kind regraded %d answers (%v), want none", n, err)
	}
	if got := score(ada); got != "3/3" {
		t.Errorf("after changes that regrade nothing: %s, want 3/3", got)
	}

	// deleting the question takes its points and answers out of the scores
	if _, err := s.DeleteQuestion(ctx, q.ID, fixed.ID); err != nil {
		t.Fatal(err)
	}
	if got := score(ada) + " " + score(bo); got != "1/1 0/1" {
		t.Errorf("after deleting the question: %s, want 1/1 0/1", got)
	}
}

// Typed answers in another form than the key (a number in words, a date
// written another way, a slip in a long word) are marked right when
// answered, and marked again when the teacher changes the key.
func TestTypedAnswersInOtherFormsAreRegraded(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	quiz := quizzes.Quiz{Title: "Forms", Status: quizzes.Published, Questions: []quizzes.Question{
		{Kind: quizzes.ShortAnswer, Prompt: "How many people marched?", Choices: []quizzes.Choice{{Text: "70,000 people", Correct: true}}},
		{Kind: quizzes.ShortAnswer, Prompt: "When was the treaty signed?", Choices: []quizzes.Choice{{Text: "7 November 1867", Correct: true}}},
	}}
	q, err := s.CreateQuiz(ctx, quiz)
	if err != nil {
		t.Fatal(err)
	}
	howMany, when := q.Questions[0].ID, q.Questions[1].ID
	answer := func(name, n, date string) int64 {
		st, err := s.CreateStudent(ctx, name, "token-"+name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := s.OpenAttempt(ctx, q, st.ID)
		if err != nil {
			t.Fatal(err)
		}
		saveCells(t, s, q, a.ID, map[int64]string{howMany: n, when: date})
		if _, err := s.SubmitAttempt(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		return a.ID
	}
	score := func(id int64) string {
		a, err := s.Attempt(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%g/%g", a.Score, a.MaxScore)
	}
	ada := answer("Ada", "seventy thousand people", "Nov. 7, 1867")
	bo := answer("Bo", "70000", "1867-11-07")
	cy := answer("Cy", "7,000 people", "7 November 1876")
	if got := score(ada) + " " + score(bo) + " " + score(cy); got != "2/2 1/2 0/2" {
		t.Fatalf("scores %s, want 2/2 1/2 0/2", got)
	}
	// the teacher shortens the key to the number: Bo's "70000" is right now
	fixed := q.Questions[0]
	fixed.Choices = []quizzes.Choice{{Text: "70,000", Correct: true}, {Text: "70,000 people", Correct: true}}
	if n, err := s.UpdateQuestion(ctx, fixed); err != nil || n != 3 {
		t.Fatalf("changing the key regraded %d answers (%v), want 3", n, err)
	}
	if got := score(ada) + " " + score(bo) + " " + score(cy); got != "2/2 2/2 0/2" {
		t.Errorf("after the change: %s, want 2/2 2/2 0/2", got)
	}
	// accepting "7,000 people" is accepting a wrong answer on purpose: the
	// teacher's word, and Cy gets the point
	if n, err := s.AcceptAnswer(ctx, q.ID, howMany, "7 thousand people"); err != nil || n != 3 {
		t.Fatalf("accepting an answer regraded %d answers (%v), want 3", n, err)
	}
	if got := score(cy); got != "1/2" {
		t.Errorf("after accepting 7 thousand people: %s, want 1/2", got)
	}
}
