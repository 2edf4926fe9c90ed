package db

import (
	"context"
	"errors"
	"testing"
)

// A deleted question is kept with the answers given to it; restoring puts
// it back at its place, with its answers pointing at its choices, and the
// scores as they were.
func TestDeleteAndRestoreAQuestionKeepsItsAnswers(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	q, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	st, _ := s.CreateStudent(ctx, "Ada", "tok")
	a, _ := s.OpenAttempt(ctx, q, st.ID)
	mc := q.Questions[0]
	saveCells(t, s, q, a.ID, map[int64]string{mc.ID: "0", q.Questions[1].ID: "Seine"})
	if _, err := s.SubmitAttempt(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	d, err := s.DeleteQuestion(ctx, q.ID, mc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Answers != 1 || d.Position != 1 {
		t.Errorf("kept question: %+v, want 1 answer at position 1", d)
	}
	after, _ := s.Attempt(ctx, a.ID)
	if after.Score != 1 || after.MaxScore != 1 {
		t.Errorf("after deleting: score %v of %v, want 1 of 1", after.Score, after.MaxScore)
	}
	list, _ := s.DeletedQuestions(ctx, q.ID)
	if len(list) != 1 || list[0].Prompt != mc.Prompt {
		t.Fatalf("deleted list %+v, want the multiple-choice question", list)
	}
	newID, err := s.RestoreQuestion(ctx, q.ID, d.ID)
	if err != nil {
		t.Fatal(err)
	}
	back, _ := s.Quiz(ctx, q.ID)
	if len(back.Questions) != 2 || back.Questions[0].ID != newID || back.Questions[0].Prompt != mc.Prompt {
		t.Fatalf("after restoring the quiz holds %+v, want the question back first", back.Questions)
	}
	rs, _ := s.Responses(ctx, a.ID)
	r := rs[newID]
	if !r.Correct || !r.Given.Chose(back.Questions[0].Choices[0].ID) || back.Questions[0].Choices[0].Text != "Nile" {
		t.Errorf("the restored answer is %+v, want Nile chosen and right", r)
	}
	restored, _ := s.Attempt(ctx, a.ID)
	if restored.Score != 2 || restored.MaxScore != 2 {
		t.Errorf("after restoring: score %v of %v, want 2 of 2", restored.Score, restored.MaxScore)
	}
	if list, _ := s.DeletedQuestions(ctx, q.ID); len(list) != 0 {
		t.Errorf("%d questions still listed as deleted", len(list))
	}
	if _, err := s.RestoreQuestion(ctx, q.ID, d.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("restoring twice: %v, want not found", err)
	}
}
