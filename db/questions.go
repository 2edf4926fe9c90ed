package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
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
// question keeps its id and position, so stored responses stay attached,
// and they are graded again against the new key: a teacher who fixes a
// wrong key fixes the scores with it. Answers to choice questions follow
// their choices when choices move, come or go. Answers are not regraded
// when the kind changes, or a matching question's number of pairs, since
// they would then mean something else. It returns how many answers it
// regraded.
func (s *Store) UpdateQuestion(ctx context.Context, q quizzes.Question) (int, error) {
	q = q.Normalize()
	regraded := 0
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var oldKind quizzes.Kind
		var oldPoints float64
		if err := tx.QueryRowContext(ctx, "SELECT kind, points FROM questions WHERE id = ? AND quiz_id = ?",
			q.ID, q.QuizID).Scan(&oldKind, &oldPoints); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		oldChoices, err := choiceTexts(ctx, tx, q.ID)
		if err != nil {
			return err
		}
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
		if q.Points != oldPoints {
			if _, err := tx.ExecContext(ctx, "UPDATE attempts SET max_score = max_score + ? WHERE quiz_id = ?",
				q.Points-oldPoints, q.QuizID); err != nil {
				return err
			}
		}
		if !q.Kind.Graded() || q.Kind != oldKind || q.Kind == quizzes.Matching && len(q.Choices) != len(oldChoices) {
			return nil // the old answers would mean something else
		}
		if q.Kind == quizzes.MultipleChoice || q.Kind == quizzes.MultipleResponse || q.Kind == quizzes.TrueFalse {
			if err := renumberAnswers(ctx, tx, q, oldChoices); err != nil {
				return err
			}
		}
		n, err := regrade(ctx, tx, q)
		regraded = n
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: update question %d: %w", q.ID, err)
	}
	return regraded, nil
}

// choiceTexts lists a question's choices' texts in order.
func choiceTexts(ctx context.Context, tx *sql.Tx, questionID int64) ([]string, error) {
	rows, err := tx.QueryContext(ctx, "SELECT text FROM choices WHERE question_id = ? ORDER BY position", questionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// renumberAnswers keeps answers to a choice question pointing at the same
// choices after an edit: answers store choice positions, so a choice moved,
// added or removed would otherwise change what a student picked. A choice
// is followed by its text; one whose text changed where it stands keeps its
// place; a removed choice leaves the answers that picked it.
func renumberAnswers(ctx context.Context, tx *sql.Tx, q quizzes.Question, old []string) error {
	norm := func(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
	newAt := map[string]int{}
	for j := len(q.Choices) - 1; j >= 0; j-- {
		newAt[norm(q.Choices[j].Text)] = j
	}
	oldTexts := map[string]bool{}
	for _, t := range old {
		oldTexts[norm(t)] = true
	}
	moved := map[int]int{} // old position -> new position, or -1
	same := true
	for i, t := range old {
		j, ok := newAt[norm(t)]
		switch {
		case ok:
		case len(old) == len(q.Choices) && !oldTexts[norm(q.Choices[i].Text)]:
			j = i // edited where it stands
		default:
			j = -1
		}
		moved[i] = j
		same = same && j == i
	}
	if same {
		return nil
	}
	answers, err := storedAnswers(ctx, tx, q.ID)
	if err != nil {
		return err
	}
	for _, a := range answers {
		var picked []string
		for _, part := range strings.Split(a.given, ",") {
			i, err := strconv.Atoi(strings.TrimSpace(part))
			if j, ok := moved[i]; err == nil && ok && j >= 0 {
				picked = append(picked, strconv.Itoa(j))
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE responses SET given = ? WHERE attempt_id = ? AND question_id = ?",
			strings.Join(picked, ","), a.attempt, q.ID); err != nil {
			return err
		}
	}
	return nil
}

// storedAnswer is what one attempt answered to a question.
type storedAnswer struct {
	attempt int64
	given   string
}

// storedAnswers reads every answer given to a question, read whole before
// the caller writes in the same transaction.
func storedAnswers(ctx context.Context, tx *sql.Tx, questionID int64) ([]storedAnswer, error) {
	rows, err := tx.QueryContext(ctx, "SELECT attempt_id, given FROM responses WHERE question_id = ?", questionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []storedAnswer
	for rows.Next() {
		var a storedAnswer
		if err := rows.Scan(&a.attempt, &a.given); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// regrade grades every stored answer to q again and brings the scores of
// the finished attempts up to date.
func regrade(ctx context.Context, tx *sql.Tx, q quizzes.Question) (int, error) {
	answers, err := storedAnswers(ctx, tx, q.ID)
	if err != nil {
		return 0, err
	}
	for _, a := range answers {
		o := quizzes.Grade(q, a.given)
		if _, err := tx.ExecContext(ctx, "UPDATE responses SET points = ?, correct = ? WHERE attempt_id = ? AND question_id = ?",
			o.Points, boolInt(o.Correct), a.attempt, q.ID); err != nil {
			return 0, err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE attempts SET
		score = (SELECT COALESCE(SUM(points), 0) FROM responses WHERE attempt_id = attempts.id)
		WHERE submitted_at IS NOT NULL AND id IN (SELECT attempt_id FROM responses WHERE question_id = ?)`, q.ID)
	return len(answers), err
}

// DeleteQuestion removes a question of a quiz, with its responses, and
// closes the gap in the positions.
func (s *Store) DeleteQuestion(ctx context.Context, quizID, questionID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var points float64
		if err := tx.QueryRowContext(ctx, "SELECT points FROM questions WHERE id = ? AND quiz_id = ?", questionID, quizID).Scan(&points); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrNotFound
			}
			return err
		}
		if err := execOne(ctx, tx, "DELETE FROM questions WHERE id = ? AND quiz_id = ?", questionID, quizID); err != nil {
			return err
		}
		// the attempts lose the question's points and the answers to it
		if _, err := tx.ExecContext(ctx, `UPDATE attempts SET max_score = MAX(0, max_score - ?),
			score = CASE WHEN submitted_at IS NULL THEN score
				ELSE (SELECT COALESCE(SUM(points), 0) FROM responses WHERE attempt_id = attempts.id) END
			WHERE quiz_id = ?`, points, quizID); err != nil {
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
