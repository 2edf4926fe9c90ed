package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"quiztrainer/quizzes"
)

// ErrTimeUp is returned when answers come after an attempt's time (and its
// grace) ran out; the attempt is then handed in with what was saved before.
var ErrTimeUp = errors.New("the time for this attempt is up")

// Saved says what became of the answers sent with one request.
type Saved struct {
	Stored []int64 // questions whose answer was stored (new or changed)
	Locked []int64 // questions already answered where feedback is shown at once: left as they were
}

// FinishAttempt stores the answers sent with the finish and hands the
// attempt in with its score, in one transaction. Finishing twice keeps the
// first hand-in. After the deadline and its grace the answers sent are not
// taken, the attempt is handed in with what it held, and ErrTimeUp is
// returned with it.
func (s *Store) FinishAttempt(ctx context.Context, quiz quizzes.Quiz, attemptID int64, answers map[int64]quizzes.Answer, at time.Time) (quizzes.Attempt, error) {
	late := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		a, err := s.openAttemptTx(ctx, tx, quiz, attemptID, at)
		switch {
		case errors.Is(err, ErrAttemptClosed):
			return nil
		case errors.Is(err, ErrTimeUp):
			late = true
			return s.submitAtTx(ctx, tx, attemptID, a.Deadline(quiz.Settings.TimeLimit))
		case err != nil:
			return err
		}
		if _, err := s.saveAnswersTx(ctx, tx, quiz, a, answers, now()); err != nil {
			return err
		}
		return s.submitTx(ctx, tx, attemptID)
	})
	if err != nil {
		return quizzes.Attempt{}, fmt.Errorf("db: finish attempt %d: %w", attemptID, err)
	}
	a, err := s.Attempt(ctx, attemptID)
	if err == nil && late {
		err = ErrTimeUp
	}
	return a, err
}

// openAttemptTx loads an attempt at quiz that still takes answers at the
// given time: ErrAttemptClosed when it was handed in, ErrTimeUp when its
// time ran out.
func (s *Store) openAttemptTx(ctx context.Context, tx *sql.Tx, quiz quizzes.Quiz, attemptID int64, at time.Time) (quizzes.Attempt, error) {
	a, err := scanAttempt(s.txRow(ctx, tx, selectAttempt, attemptID))
	if err != nil {
		return a, notFound(err, fmt.Sprintf("attempt %d", attemptID))
	}
	if a.QuizID != quiz.ID {
		return a, fmt.Errorf("attempt %d is not at quiz %d: %w", attemptID, quiz.ID, ErrNotFound)
	}
	if a.Submitted() {
		return a, ErrAttemptClosed
	}
	if by := a.HandInBy(quiz.Settings.TimeLimit); !by.IsZero() && at.After(by) {
		return a, ErrTimeUp
	}
	return a, nil
}

// insertResponse stores an answer, or changes the one stored; an essay's
// changed answer waits for the teacher again (no points until marked).
// insertFirstResponse keeps the answer stored first.
const (
	insertResponse = `INSERT INTO responses (attempt_id, question_id, given, correct, points, answered_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (attempt_id, question_id) DO UPDATE SET given = excluded.given,
		correct = excluded.correct, points = excluded.points, answered_at = excluded.answered_at, marked_at = NULL
		WHERE responses.given IS NOT excluded.given`
	insertFirstResponse = `INSERT INTO responses (attempt_id, question_id, given, correct, points, answered_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (attempt_id, question_id) DO NOTHING`
	submitAttempt = `UPDATE attempts SET submitted_at = ?,
		score = (SELECT COALESCE(SUM(points), 0) FROM responses WHERE attempt_id = attempts.id)
		WHERE id = ? AND submitted_at IS NULL`
)

// saveAnswersTx stores answers inside the caller's transaction, answered
// at the time stored, when (formatted by now).
func (s *Store) saveAnswersTx(ctx context.Context, tx *sql.Tx, quiz quizzes.Quiz, a quizzes.Attempt, answers map[int64]quizzes.Answer, when string) (Saved, error) {
	var saved Saved
	ids := make([]int64, 0, len(answers))
	for id := range answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	once := quiz.Settings.Feedback == quizzes.FeedbackNow
	for _, qid := range ids {
		i := slices.IndexFunc(quiz.Questions, func(q quizzes.Question) bool { return q.ID == qid })
		if i < 0 {
			return saved, fmt.Errorf("question %d is not in quiz %d: %w", qid, quiz.ID, ErrNotFound)
		}
		q, given := quiz.Questions[i], answers[qid]
		if q.Kind == quizzes.Description || given.Empty() {
			continue
		}
		o := quizzes.Grade(q, given)
		insert := insertResponse
		if once {
			insert = insertFirstResponse
		}
		res, err := s.txExec(ctx, tx, insert, a.ID, qid, quizzes.EncodeAnswer(given), boolInt(o.Correct), o.Points, when)
		if err != nil {
			return saved, err
		}
		switch n, _ := res.RowsAffected(); {
		case n > 0:
			saved.Stored = append(saved.Stored, qid)
		case once:
			saved.Locked = append(saved.Locked, qid)
		}
	}
	return saved, nil
}

// submitTx closes an open attempt and records its score, the sum of its
// responses' points.
func (s *Store) submitTx(ctx context.Context, tx *sql.Tx, attemptID int64) error {
	return s.submitAtTx(ctx, tx, attemptID, time.Time{})
}

// submitAtTx is submitTx with the time of the hand-in given (an overdue
// attempt is handed in at its deadline); zero means now.
func (s *Store) submitAtTx(ctx context.Context, tx *sql.Tx, attemptID int64, at time.Time) error {
	when := now()
	if !at.IsZero() {
		when = at.UTC().Format(timeFormat)
	}
	_, err := s.txExec(ctx, tx, submitAttempt, when, attemptID)
	return err
}

// scanAnswer reads a stored answer.
func scanAnswer(given string, questionID int64) (quizzes.Answer, error) {
	a, err := quizzes.DecodeAnswer(given)
	if err != nil {
		return a, fmt.Errorf("answer to question %d: %w", questionID, err)
	}
	return a, nil
}
