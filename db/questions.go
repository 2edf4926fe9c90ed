package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
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
		return insertQuestion(ctx, tx, &q)
	})
	if err != nil {
		return q, fmt.Errorf("db: add question to quiz %d: %w", quizID, err)
	}
	return q, nil
}

// UpdateQuestion replaces a question's text, settings and choices. The
// question keeps its id and position, so stored responses stay attached,
// and they are graded again against the new key: a teacher who fixes a
// wrong key fixes the scores with it. A choice that comes with its id keeps
// it, so answers that chose it still do whatever was reworded or moved; a
// choice left out is removed from the answers that chose it. Answers are
// not regraded when the kind changes, or a matching question's number of
// pairs, since they would then mean something else. It returns how many
// answers it regraded.
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
		oldPairs, err := pairCount(ctx, tx, q.ID)
		if err != nil {
			return err
		}
		if err := execOne(ctx, tx, `UPDATE questions SET kind = ?, title = ?, prompt = ?, format = ?,
			explanation = ?, points = ? WHERE id = ? AND quiz_id = ?`,
			q.Kind, q.Title, q.Prompt, q.Format, q.Explanation, q.Points, q.ID, q.QuizID); err != nil {
			return err
		}
		removed, err := replaceChoices(ctx, tx, &q)
		if err != nil {
			return err
		}
		if q.Points != oldPoints {
			if _, err := tx.ExecContext(ctx, "UPDATE attempts SET max_score = max_score + ? WHERE quiz_id = ?",
				q.Points-oldPoints, q.QuizID); err != nil {
				return err
			}
		}
		if len(removed) > 0 {
			if err := forgetChoices(ctx, tx, q.ID, removed); err != nil {
				return err
			}
		}
		if !q.Kind.Graded() || q.Kind != oldKind || q.Kind == quizzes.Matching && len(quizzes.MatchingPairs(q.Choices)) != oldPairs {
			return nil // the old answers would mean something else
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

// pairCount counts a matching question's left-hand items.
func pairCount(ctx context.Context, tx *sql.Tx, questionID int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM choices WHERE question_id = ? AND text != ''", questionID).Scan(&n)
	return n, err
}

// replaceChoices writes q's choices in order: one with the id of a choice
// of q is updated in place, any other is added (and q given its new id);
// the choices left out are deleted and their ids returned.
func replaceChoices(ctx context.Context, tx *sql.Tx, q *quizzes.Question) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM choices WHERE question_id = ?", q.ID)
	if err != nil {
		return nil, err
	}
	old := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		old[id] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	kept := map[int64]bool{}
	for i := range q.Choices {
		c := &q.Choices[i]
		if old[c.ID] && !kept[c.ID] {
			kept[c.ID] = true
			if _, err := tx.ExecContext(ctx, `UPDATE choices SET position = ?, text = ?, correct = ?, weight = ?,
				feedback = ?, match_text = ?, tolerance = ? WHERE id = ?`,
				i+1, c.Text, boolInt(c.Correct), c.Weight, c.Feedback, c.Match, c.Tolerance, c.ID); err != nil {
				return nil, err
			}
			continue
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO choices (question_id, position, text, correct, weight,
			feedback, match_text, tolerance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			q.ID, i+1, c.Text, boolInt(c.Correct), c.Weight, c.Feedback, c.Match, c.Tolerance)
		if err != nil {
			return nil, err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return nil, err
		}
	}
	var removed []int64
	for id := range old {
		if !kept[id] {
			removed = append(removed, id)
			if _, err := tx.ExecContext(ctx, "DELETE FROM choices WHERE id = ?", id); err != nil {
				return nil, err
			}
		}
	}
	return removed, nil
}

// forgetChoices takes removed choices out of the answers that chose them,
// so that an answer never points at a choice that is gone (or at a later
// choice given the same id).
func forgetChoices(ctx context.Context, tx *sql.Tx, questionID int64, removed []int64) error {
	answers, err := storedAnswers(ctx, tx, questionID)
	if err != nil {
		return err
	}
	for _, a := range answers {
		kept := slices.DeleteFunc(slices.Clone(a.given.Choices), func(id int64) bool { return slices.Contains(removed, id) })
		if len(kept) == len(a.given.Choices) {
			continue
		}
		a.given.Choices = kept
		if _, err := tx.ExecContext(ctx, "UPDATE responses SET given = ? WHERE attempt_id = ? AND question_id = ?",
			quizzes.EncodeAnswer(a.given), a.attempt, questionID); err != nil {
			return err
		}
	}
	return nil
}

// storedAnswer is what one attempt answered to a question.
type storedAnswer struct {
	attempt int64
	given   quizzes.Answer
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
		var given string
		if err := rows.Scan(&a.attempt, &given); err != nil {
			return nil, err
		}
		if a.given, err = scanAnswer(given, questionID); err != nil {
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

// UpdateQuiz changes a quiz's title and settings. A new title gives the
// quiz a new address from it; the old one is kept and leads to the quiz.
func (s *Store) UpdateQuiz(ctx context.Context, q quizzes.Quiz) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var slug, title string
		if err := tx.QueryRowContext(ctx, "SELECT slug, title FROM quizzes WHERE id = ?", q.ID).Scan(&slug, &title); err != nil {
			return notFound(err, "quiz")
		}
		if base := quizzes.Slugify(q.Title); title != q.Title && base != "" && !slugOf(slug, base) {
			moved, err := freeSlug(ctx, tx, base, q.ID)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM quiz_old_slugs WHERE slug = ?", moved); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO quiz_old_slugs (slug, quiz_id) VALUES (?, ?)", slug, q.ID); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "UPDATE quizzes SET slug = ? WHERE id = ?", moved, q.ID); err != nil {
				return err
			}
		}
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

// slugOf says whether slug is base or base with a number added, as
// freeSlug makes them: the address a title already has.
func slugOf(slug, base string) bool {
	rest, ok := strings.CutPrefix(slug, base)
	if !ok {
		return false
	}
	if rest == "" {
		return true
	}
	n, ok := strings.CutPrefix(rest, "-")
	return ok && n != "" && strings.Trim(n, "0123456789") == ""
}
