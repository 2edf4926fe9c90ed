package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Actor is who does something and from which address, for the audit log.
// A zero Actor writes no entry (changes made by the program itself).
type Actor struct {
	UserID   int64
	Username string
	Address  string
}

// AuditEntry is one line of the audit log.
type AuditEntry struct {
	ID      int64
	At      time.Time
	Actor   string
	Action  string
	Detail  string
	Address string
}

// auditTime is how times read in an entry's details.
const auditTime = "2 Jan 2006 15:04 UTC"

// audit writes an entry in the transaction of the change it records.
func audit(ctx context.Context, tx *sql.Tx, by Actor, action, detail string) error {
	if by == (Actor{}) {
		return nil
	}
	_, err := tx.ExecContext(ctx, "INSERT INTO audit_log (at, actor_id, actor, action, detail, address) VALUES (?, ?, ?, ?, ?, ?)",
		now(), nullID(by.UserID), truncate(by.Username, 100), action, truncate(detail, 300), truncate(by.Address, 100))
	return err
}

// Record writes an audit entry for an event that changes nothing else: a
// failed sign-in, a download of results.
func (s *Store) Record(ctx context.Context, by Actor, action, detail string) error {
	if err := s.tx(ctx, func(tx *sql.Tx) error { return audit(ctx, tx, by, action, detail) }); err != nil {
		return fmt.Errorf("db: audit %s: %w", action, err)
	}
	return nil
}

// AuditLog returns up to limit entries older than the entry before (0: the
// newest), newest first.
func (s *Store) AuditLog(ctx context.Context, before int64, limit int) ([]AuditEntry, error) {
	if before <= 0 {
		before = 1 << 62
	}
	rows, err := s.read.QueryContext(ctx, `SELECT id, at, actor, action, detail, address FROM audit_log
		WHERE id < ? ORDER BY id DESC LIMIT ?`, before, limit)
	if err != nil {
		return nil, fmt.Errorf("db: read audit log: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at sql.NullString
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Action, &e.Detail, &e.Address); err != nil {
			return nil, fmt.Errorf("db: read audit log: %w", err)
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}
