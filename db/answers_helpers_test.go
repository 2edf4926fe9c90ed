package db

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

// answerOf reads a cell of a test table: the positions of the chosen
// choices ("0,2") for a choice kind, else the text typed.
func answerOf(q quizzes.Question, cell string) quizzes.Answer {
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		var a quizzes.Answer
		for _, part := range strings.Split(cell, ",") {
			if i, err := strconv.Atoi(part); err == nil && i >= 0 && i < len(q.Choices) {
				a.Choices = append(a.Choices, q.Choices[i].ID)
			}
		}
		return a
	}
	return quizzes.Typed(cell)
}

// saveCells stores answers written as test cells, keyed by question id.
func saveCells(t *testing.T, s *Store, quiz quizzes.Quiz, attemptID int64, cells map[int64]string) {
	t.Helper()
	answers := map[int64]quizzes.Answer{}
	for _, q := range quiz.Questions {
		if cell, ok := cells[q.ID]; ok {
			answers[q.ID] = answerOf(q, cell)
		}
	}
	if _, err := s.SaveAnswers(context.Background(), quiz, attemptID, answers, time.Now()); err != nil {
		t.Fatal(err)
	}
}
