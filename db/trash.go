package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"quiztrainer/quizzes"
)

// DeletedQuestion is a question kept after its deletion, for a restore.
type DeletedQuestion struct {
	ID        int64
	QuizID    int64
	Position  int
	Prompt    string
	Format    quizzes.TextFormat // how Prompt is written
	Answers   int                // answers students gave to it, kept with it
	DeletedAt time.Time
}

// keptResponse is an answer to a deleted question, as kept.
type keptResponse struct {
	AttemptID  int64
	Given      string
	Correct    bool
	Points     float64
	AnsweredAt string
	MarkedAt   sql.NullString
}

// QuestionAnswers counts the answers students gave to a question.
func (s *Store) QuestionAnswers(ctx context.Context, questionID int64) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM responses WHERE question_id = ?", questionID).Scan(&n); err != nil {
		return 0, fmt.Errorf("db: count answers to question %d: %w", questionID, err)
	}
	return n, nil
}

// DeleteQuestion removes a question of a quiz and closes the gap in the
// positions. The question, its choices and the answers given to it are
// kept in deleted_questions, so that RestoreQuestion brings all back; the
// attempts lose its points until then. It returns the kept question.
func (s *Store) DeleteQuestion(ctx context.Context, quizID, questionID int64) (DeletedQuestion, error) {
	d := DeletedQuestion{QuizID: quizID}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		q, err := questionTx(ctx, tx, quizID, questionID)
		if err != nil {
			return err
		}
		kept, err := responsesOfQuestionTx(ctx, tx, questionID)
		if err != nil {
			return err
		}
		qJSON, err := json.Marshal(q)
		if err != nil {
			return err
		}
		rJSON, err := json.Marshal(kept)
		if err != nil {
			return err
		}
		at := now()
		res, err := tx.ExecContext(ctx, `INSERT INTO deleted_questions (quiz_id, position, prompt, question, responses, answers, deleted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, quizID, q.Position, q.Prompt, string(qJSON), string(rJSON), len(kept), at)
		if err != nil {
			return err
		}
		if d.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		d.Position, d.Prompt, d.Answers = q.Position, q.Prompt, len(kept)
		d.DeletedAt = parseTime(sql.NullString{String: at, Valid: true})
		if err := execOne(ctx, tx, "DELETE FROM questions WHERE id = ? AND quiz_id = ?", questionID, quizID); err != nil {
			return err
		}
		// the attempts lose the question's points and the answers to it
		if err := rescoreTx(ctx, tx, quizID, -q.Normalize().Points); err != nil {
			return err
		}
		return renumber(ctx, tx, quizID)
	})
	if err != nil {
		return d, fmt.Errorf("db: delete question %d: %w", questionID, err)
	}
	return d, nil
}

// RestoreQuestion puts a deleted question back at its place with its
// choices and every answer kept with it (for attempts that still exist),
// and gives the attempts its points again. It returns the question's new id.
func (s *Store) RestoreQuestion(ctx context.Context, quizID, deletedID int64) (int64, error) {
	var newID int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var qJSON, rJSON string
		if err := tx.QueryRowContext(ctx, "SELECT question, responses FROM deleted_questions WHERE id = ? AND quiz_id = ?",
			deletedID, quizID).Scan(&qJSON, &rJSON); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		var q quizzes.Question
		var kept []keptResponse
		if err := json.Unmarshal([]byte(qJSON), &q); err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(rJSON), &kept); err != nil {
			return err
		}
		oldChoices := make([]int64, len(q.Choices))
		for i, c := range q.Choices {
			oldChoices[i] = c.ID
		}
		if _, err := tx.ExecContext(ctx, "UPDATE questions SET position = position + 1 WHERE quiz_id = ? AND position >= ?", quizID, q.Position); err != nil {
			return err
		}
		q.QuizID = quizID
		if err := insertQuestion(ctx, tx, &q); err != nil {
			return err
		}
		newID = q.ID
		// a chosen choice is stored by id; the restored choices have new ones
		moved := map[int64]int64{}
		for i, id := range oldChoices {
			moved[id] = q.Choices[i].ID
		}
		for _, r := range kept {
			a, err := quizzes.DecodeAnswer(r.Given)
			if err != nil {
				return err
			}
			for i, id := range a.Choices {
				a.Choices[i] = moved[id]
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO responses (attempt_id, question_id, given, correct, points, answered_at, marked_at)
				SELECT id, ?, ?, ?, ?, ?, ? FROM attempts WHERE id = ? AND quiz_id = ?`,
				q.ID, quizzes.EncodeAnswer(a), boolInt(r.Correct), r.Points, r.AnsweredAt, r.MarkedAt, r.AttemptID, quizID); err != nil {
				return err
			}
		}
		if err := rescoreTx(ctx, tx, quizID, q.Normalize().Points); err != nil {
			return err
		}
		if err := renumber(ctx, tx, quizID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM deleted_questions WHERE id = ?", deletedID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: restore question %d of quiz %d: %w", deletedID, quizID, err)
	}
	return newID, nil
}

// DeletedQuestions lists a quiz's deleted questions, last deleted first.
func (s *Store) DeletedQuestions(ctx context.Context, quizID int64) ([]DeletedQuestion, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, position, prompt, question, answers, deleted_at FROM deleted_questions
		WHERE quiz_id = ? ORDER BY id DESC`, quizID)
	if err != nil {
		return nil, fmt.Errorf("db: list deleted questions of quiz %d: %w", quizID, err)
	}
	defer rows.Close()
	var out []DeletedQuestion
	for rows.Next() {
		d := DeletedQuestion{QuizID: quizID}
		var at sql.NullString
		var qJSON string
		if err := rows.Scan(&d.ID, &d.Position, &d.Prompt, &qJSON, &d.Answers, &at); err != nil {
			return nil, fmt.Errorf("db: list deleted questions of quiz %d: %w", quizID, err)
		}
		var q quizzes.Question
		if err := json.Unmarshal([]byte(qJSON), &q); err != nil {
			return nil, fmt.Errorf("db: list deleted questions of quiz %d: question %d: %w", quizID, d.ID, err)
		}
		d.Format = q.Format
		d.DeletedAt = parseTime(at)
		out = append(out, d)
	}
	return out, rows.Err()
}

// rescoreTx changes every attempt's maximum by delta points and sums the
// finished attempts' scores again.
func rescoreTx(ctx context.Context, tx *sql.Tx, quizID int64, delta float64) error {
	_, err := tx.ExecContext(ctx, `UPDATE attempts SET max_score = MAX(0, max_score + ?),
		score = CASE WHEN submitted_at IS NULL THEN score
			ELSE (SELECT COALESCE(SUM(points), 0) FROM responses WHERE attempt_id = attempts.id) END
		WHERE quiz_id = ?`, delta, quizID)
	return err
}

// questionTx loads one question of a quiz with its choices.
func questionTx(ctx context.Context, tx *sql.Tx, quizID, questionID int64) (quizzes.Question, error) {
	q := quizzes.Question{ID: questionID, QuizID: quizID}
	err := tx.QueryRowContext(ctx, `SELECT position, kind, title, prompt, format, explanation, points,
		evidence_start, evidence_end, template, score, category FROM questions WHERE id = ? AND quiz_id = ?`, questionID, quizID).
		Scan(&q.Position, &q.Kind, &q.Title, &q.Prompt, &q.Format, &q.Explanation, &q.Points,
			&q.Evidence.Start, &q.Evidence.End, &q.Template, &q.Score, &q.Category)
	if errors.Is(err, sql.ErrNoRows) {
		return q, ErrNotFound
	}
	if err != nil {
		return q, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, text, correct, weight, feedback, match_text, tolerance
		FROM choices WHERE question_id = ? ORDER BY position, id`, questionID)
	if err != nil {
		return q, err
	}
	defer rows.Close()
	for rows.Next() {
		var c quizzes.Choice
		if err := rows.Scan(&c.ID, &c.Text, &c.Correct, &c.Weight, &c.Feedback, &c.Match, &c.Tolerance); err != nil {
			return q, err
		}
		q.Choices = append(q.Choices, c)
	}
	return q, rows.Err()
}

func responsesOfQuestionTx(ctx context.Context, tx *sql.Tx, questionID int64) ([]keptResponse, error) {
	rows, err := tx.QueryContext(ctx, `SELECT attempt_id, given, correct, points, answered_at, marked_at
		FROM responses WHERE question_id = ? ORDER BY attempt_id`, questionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []keptResponse{}
	for rows.Next() {
		var r keptResponse
		if err := rows.Scan(&r.AttemptID, &r.Given, &r.Correct, &r.Points, &r.AnsweredAt, &r.MarkedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Deleted is a deleted quiz or class, kept for a restore.
type Deleted struct {
	ID        int64
	Name      string
	OwnerID   int64
	DeletedAt time.Time
}

// DeleteQuiz hides a quiz with its questions, attempts and answers from
// everyone, keeping them all for RestoreQuiz. Its address stays its own.
func (s *Store) DeleteQuiz(ctx context.Context, id int64) error {
	return s.update(ctx, "delete quiz", id, "UPDATE quizzes SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", now(), id)
}

// RestoreQuiz brings a deleted quiz back as it was.
func (s *Store) RestoreQuiz(ctx context.Context, id int64) error {
	return s.update(ctx, "restore quiz", id, "UPDATE quizzes SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", id)
}

// DeleteClass hides a class, keeping its students, quizzes and teachers
// for RestoreClass. Its students are in no class until then, and its code
// no longer lets anyone join.
func (s *Store) DeleteClass(ctx context.Context, id int64) error {
	return s.update(ctx, "delete class", id, "UPDATE classes SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL", now(), id)
}

// RestoreClass brings a deleted class back with its students and quizzes.
func (s *Store) RestoreClass(ctx context.Context, id int64) error {
	return s.update(ctx, "restore class", id, "UPDATE classes SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL", id)
}

// DeletedQuizzes lists the deleted quizzes a user may restore (their own;
// every one for an admin), last deleted first.
func (s *Store) DeletedQuizzes(ctx context.Context, u quizzes.User) ([]Deleted, error) {
	return s.listDeleted(ctx, "quizzes", `SELECT id, title, COALESCE(owner_id, 0), deleted_at FROM quizzes
		WHERE deleted_at IS NOT NULL AND (owner_id = ? OR ?) ORDER BY deleted_at DESC, id DESC`, u.ID, u.Role == quizzes.RoleAdmin)
}

// DeletedClasses lists the deleted classes a user may restore (their own;
// every one for an admin), last deleted first.
func (s *Store) DeletedClasses(ctx context.Context, u quizzes.User) ([]Deleted, error) {
	return s.listDeleted(ctx, "classes", `SELECT id, name, owner_id, deleted_at FROM classes
		WHERE deleted_at IS NOT NULL AND (owner_id = ? OR ?) ORDER BY deleted_at DESC, id DESC`, u.ID, u.Role == quizzes.RoleAdmin)
}

func (s *Store) listDeleted(ctx context.Context, what, query string, args ...any) ([]Deleted, error) {
	rows, err := s.read.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("db: list deleted %s: %w", what, err)
	}
	defer rows.Close()
	var out []Deleted
	for rows.Next() {
		var d Deleted
		var at sql.NullString
		if err := rows.Scan(&d.ID, &d.Name, &d.OwnerID, &at); err != nil {
			return nil, fmt.Errorf("db: list deleted %s: %w", what, err)
		}
		d.DeletedAt = parseTime(at)
		out = append(out, d)
	}
	return out, rows.Err()
}
