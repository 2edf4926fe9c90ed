package db

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

func TestACandidateKeepsEveryPartOfItsQuestion(t *testing.T) {
	t.Parallel()
	q := quizzes.Question{Kind: quizzes.MultipleChoice, Title: "t", Prompt: "Which river is longest?", Format: quizzes.Markdown,
		Explanation: "The article says so.", Points: 2, Template: "what.longest", Score: 0.75, Category: "rivers",
		Evidence: quizzes.Evidence{Start: 3, End: 14},
		Choices:  []quizzes.Choice{{Text: "Nile", Correct: true, Weight: 1, Feedback: "Yes"}, {Text: "Seine", Weight: -0.5, Match: "m", Tolerance: 0.1}}}
	raw, err := encodeCandidate(q)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeCandidate(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, q) {
		t.Errorf("decoded %+v, want %+v", got, q)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestSwappingInACandidate(t *testing.T) {
	t.Parallel()
	s, _ := openTest(t)
	ctx := context.Background()
	art, err := s.CreateArticle(ctx, quizzes.Article{Title: "Rivers", Body: "The Nile is longest. The Seine flows through Paris."})
	must(t, err)
	quiz := sampleQuiz(art)
	cands := []quizzes.Question{
		{Kind: quizzes.ShortAnswer, Prompt: "What is longest?", Points: 3, Template: "what", Evidence: quizzes.Evidence{Start: 0, End: 20},
			Choices: []quizzes.Choice{{Text: "The Nile", Correct: true}}},
		{Kind: quizzes.ShortAnswer, Prompt: "What flows through Paris?", Template: "what", Evidence: quizzes.Evidence{Start: 21, End: 51},
			Choices: []quizzes.Choice{{Text: "The Seine", Correct: true}}},
	}
	quiz, err = s.CreateDraft(ctx, quiz, cands)
	must(t, err)
	stored, err := s.Candidates(ctx, quiz.ID)
	must(t, err)
	if len(stored) != 2 || stored[0].Rank != 1 || stored[0].Question.Evidence.Text != "The Nile is longest." {
		t.Fatalf("stored candidates %+v", stored)
	}
	st, err := s.CreateStudent(ctx, "Sam", "tok")
	must(t, err)
	a, err := s.OpenAttempt(ctx, quiz, st.ID)
	must(t, err)

	in, err := s.SwapCandidate(ctx, quiz.ID, quiz.Questions[0].ID, stored[0].ID)
	must(t, err)
	if in.Position != 1 || in.Prompt != "What is longest?" || in.Points != 3 {
		t.Errorf("swapped in %+v", in)
	}
	after, err := s.Quiz(ctx, quiz.ID)
	must(t, err)
	if len(after.Questions) != 2 || after.Questions[0].ID != in.ID || after.Questions[1].ID != quiz.Questions[1].ID {
		t.Errorf("after the swap the quiz holds %+v", after.Questions)
	}
	back, err := s.Candidates(ctx, quiz.ID)
	must(t, err)
	if back[0].ID != stored[0].ID || back[0].Question.Prompt != "Which river is longest?" || len(back[0].Question.Choices) != 3 {
		t.Errorf("the question swapped out is kept as %+v", back[0])
	}
	attempts, err := s.StudentAttempts(ctx, st.ID)
	must(t, err)
	if len(attempts) != 1 || attempts[0].ID != a.ID || attempts[0].MaxScore != a.MaxScore+2 {
		t.Errorf("the open attempt's most points went from %v to %+v, want 2 more", a.MaxScore, attempts)
	}

	// An answered question stays; a candidate taken already is refused.
	_, err = s.SaveAnswers(ctx, after, a.ID, map[int64]quizzes.Answer{in.ID: {Text: "Nile"}}, time.Now())
	must(t, err)
	if _, err := s.SwapCandidate(ctx, quiz.ID, in.ID, stored[0].ID); !errors.Is(err, ErrAnswered) {
		t.Errorf("swapping an answered question: %v, want ErrAnswered", err)
	}
	added, err := s.AddCandidate(ctx, quiz.ID, stored[1].ID)
	must(t, err)
	if added.Position != 3 {
		t.Errorf("the candidate on the last sentence went to position %d, want 3 (last: no question's evidence comes later)", added.Position)
	}
	if _, err := s.AddCandidate(ctx, quiz.ID, stored[1].ID); !errors.Is(err, ErrCandidateGone) {
		t.Errorf("adding a candidate twice: %v, want ErrCandidateGone", err)
	}
	if _, err := s.SwapCandidate(ctx, quiz.ID, added.ID, stored[1].ID); !errors.Is(err, ErrCandidateGone) {
		t.Errorf("swapping in a candidate taken already: %v, want ErrCandidateGone", err)
	}
	final, err := s.Quiz(ctx, quiz.ID)
	must(t, err)
	if len(final.Questions) != 3 {
		t.Errorf("the quiz holds %d questions, want 3", len(final.Questions))
	}
}
