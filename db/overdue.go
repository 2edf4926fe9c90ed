package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"quiztrainer/quizzes"
)

// HandInOverdue hands in every open attempt whose time limit and grace ran
// out before at, each at its deadline and with what it held, so results
// show it as handed in when the time was up rather than when the student
// next came back. quizID 0 means every quiz. It returns how many attempts
// it handed in. The search reads; a write happens only when one is due.
func (s *Store) HandInOverdue(ctx context.Context, quizID int64, at time.Time) (int, error) {
	due, err := overdueAttempts(ctx, s.read, quizID, at)
	if err != nil || len(due) == 0 {
		return 0, err
	}
	n := 0
	err = s.tx(ctx, func(tx *sql.Tx) error {
		// read again inside the transaction: one may have been handed in since
		due, err := overdueAttempts(ctx, tx, quizID, at)
		if err != nil {
			return err
		}
		for _, d := range due {
			if err := s.submitAtTx(ctx, tx, d.id, d.deadline); err != nil {
				return err
			}
		}
		n = len(due)
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("db: hand in overdue attempts: %w", err)
	}
	return n, nil
}

type overdue struct {
	id       int64
	deadline time.Time
}

type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func overdueAttempts(ctx context.Context, q querier, quizID int64, at time.Time) ([]overdue, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.started_at, z.time_limit_seconds
		FROM attempts a JOIN quizzes z ON z.id = a.quiz_id
		WHERE a.submitted_at IS NULL AND z.time_limit_seconds > 0 AND (? = 0 OR a.quiz_id = ?)`, quizID, quizID)
	if err != nil {
		return nil, fmt.Errorf("db: find overdue attempts: %w", err)
	}
	defer rows.Close()
	var out []overdue
	for rows.Next() {
		var a quizzes.Attempt
		var started sql.NullString
		var seconds int64
		if err := rows.Scan(&a.ID, &started, &seconds); err != nil {
			return nil, fmt.Errorf("db: find overdue attempts: %w", err)
		}
		a.StartedAt = parseTime(started)
		limit := time.Duration(seconds) * time.Second
		if by := a.HandInBy(limit); at.After(by) {
			out = append(out, overdue{id: a.ID, deadline: a.Deadline(limit)})
		}
	}
	return out, rows.Err()
}
