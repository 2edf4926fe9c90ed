package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"quiztrainer/quizzes"
)

// AddQuestion appends a question to a quiz and returns it with its id.
func (s *Store) AddQuestion(ctx context.Context, quizID int64, q quizzes.Question) (quizzes.Question, error) {
	q = q.Normalize()
	q.QuizID = quizID
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(position), 0) + 1 FROM questions WHERE quiz_id = ?", quizID).Scan(&q.Position); err != nil {
			return err
		}
		var err error
		q.ID, err = insertQuestion(ctx, tx, q)
		return err
	})
	if err != nil {
		return q, fmt.Errorf("db: add question to quiz %d: %w", quizID, err)
	}
	return q, nil
}

// UpdateQuestion replaces a question's text, settings and choices. The
// question keeps its id and position, so stored responses stay attached.
func (s *Store) UpdateQuestion(ctx context.Context, q quizzes.Question) error {
	q = q.Normalize()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, `UPDATE questions SET kind = ?, title = ?, prompt = ?, format = ?,
			explanation = ?, points = ? WHERE id = ? AND quiz_id = ?`,
			q.Kind, q.Title, q.Prompt, q.Format, q.Explanation, q.Points, q.ID, q.QuizID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM choices WHERE question_id = ?", q.ID); err != nil {
			return err
		}
		for i, c := range q.Choices {
			if _, err := tx.ExecContext(ctx, `INSERT INTO choices (question_id, position, text, correct, weight,
				feedback, match_text, tolerance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
				q.ID, i+1, c.Text, boolInt(c.Correct), c.Weight, c.Feedback, c.Match, c.Tolerance); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: update question %d: %w", q.ID, err)
	}
	return nil
}

// DeleteQuestion removes a question of a quiz, with its responses, and
// closes the gap in the positions.
func (s *Store) DeleteQuestion(ctx context.Context, quizID, questionID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "DELETE FROM questions WHERE id = ? AND quiz_id = ?", questionID, quizID); err != nil {
			return err
		}
		return renumber(ctx, tx, quizID)
	})
	if err != nil {
		return fmt.Errorf("db: delete question %d: %w", questionID, err)
	}
	return nil
}

// MoveQuestion moves a question one place up (delta -1) or down (+1).
func (s *Store) MoveQuestion(ctx context.Context, quizID, questionID int64, delta int) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var pos int
		if err := tx.QueryRowContext(ctx, "SELECT position FROM questions WHERE id = ? AND quiz_id = ?", questionID, quizID).Scan(&pos); err != nil {
			return notFound(err, "find question")
		}
		target := pos + delta
		if _, err := tx.ExecContext(ctx, "UPDATE questions SET position = ? WHERE quiz_id = ? AND position = ?", pos, quizID, target); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE questions SET position = ?
			WHERE id = ? AND ? BETWEEN 1 AND (SELECT COUNT(*) FROM questions WHERE quiz_id = ?)`, target, questionID, target, quizID); err != nil {
			return err
		}
		return renumber(ctx, tx, quizID)
	})
	if err != nil {
		return fmt.Errorf("db: move question %d: %w", questionID, err)
	}
	return nil
}

// renumber gives a quiz's questions the positions 1..n in their order.
func renumber(ctx context.Context, tx *sql.Tx, quizID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE questions SET position = (
		SELECT COUNT(*) FROM questions p WHERE p.quiz_id = questions.quiz_id
		AND (p.position < questions.position OR (p.position = questions.position AND p.id <= questions.id)))
		WHERE quiz_id = ?`, quizID)
	return err
}

// UpdateQuiz changes a quiz's title and settings.
func (s *Store) UpdateQuiz(ctx context.Context, q quizzes.Quiz) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, `UPDATE quizzes SET title = ?, shuffle_questions = ?, shuffle_choices = ?,
			feedback = ?, attempts_allowed = ?, time_limit_seconds = ? WHERE id = ?`,
			q.Title, boolInt(q.Settings.ShuffleQuestions), boolInt(q.Settings.ShuffleChoices), q.Settings.Feedback,
			q.Settings.AttemptsAllowed, int(q.Settings.TimeLimit/time.Second), q.ID); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: update quiz %d: %w", q.ID, err)
	}
	return nil
}
