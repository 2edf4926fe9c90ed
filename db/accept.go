package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// ErrNotTyped is returned when an answer is accepted for a question whose
// answers are not typed.
var ErrNotTyped = errors.New("only typed answers can be accepted")

// AcceptAnswer adds a typed answer to a short-answer, cloze or numerical
// question's accepted answers and marks every answer given to it again,
// finished attempts' scores with them, in one transaction. It returns the
// number of answers marked again.
func (s *Store) AcceptAnswer(ctx context.Context, quizID, questionID int64, answer string) (int, error) {
	answer = strings.TrimSpace(answer)
	regraded := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q, err := questionTx(ctx, tx, quizID, questionID)
		if err != nil {
			return err
		}
		switch q.Kind {
		case quizzes.ShortAnswer, quizzes.Cloze:
		case quizzes.Numerical:
			v, ok := quizzes.ParseNumber(answer)
			if !ok {
				return fmt.Errorf("%q is not a number: %w", answer, ErrNotTyped)
			}
			answer = strconv.FormatFloat(v, 'f', -1, 64)
		default:
			return ErrNotTyped
		}
		if answer == "" || quizzes.Grade(q, quizzes.Typed(answer)).Correct {
			return nil // nothing new to accept
		}
		q.Choices = append(q.Choices, quizzes.Choice{Text: answer, Correct: true, Weight: 1})
		if _, err := tx.ExecContext(ctx, `INSERT INTO choices (question_id, position, text, correct, weight)
			VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM choices WHERE question_id = ?), ?, 1, 1)`,
			questionID, questionID, answer); err != nil {
			return err
		}
		regraded, err = regrade(ctx, tx, q.Normalize())
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: accept an answer to question %d: %w", questionID, err)
	}
	return regraded, nil
}
