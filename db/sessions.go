package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"quiztrainer/quizzes"
)

// ErrAccountOff is returned when a turned-off account tries to sign in.
var ErrAccountOff = errors.New("the account is turned off")

// TeacherSession is one signed-in browser of a teacher.
type TeacherSession struct {
	IDHash    []byte // SHA-256 of the session cookie's id
	UserID    int64
	CreatedAt time.Time
	SeenAt    time.Time
	Address   string
	UserAgent string
}

// SessionLife is how long a teacher's session lasts; the web app's session
// cookie is kept as long. Rows of sessions not seen for this long are
// dropped at the next sign-in and never listed.
const SessionLife = 12 * time.Hour

func sessionCutoff() string { return timeText(time.Now().Add(-SessionLife)) }

// seenSlack is how stale a session's seen time may get before a request
// writes it again, so that browsing costs no write per page.
const seenSlack = 5 * time.Minute

// StartSession records a sign-in: the session's row, the account's last
// sign-in time and the audit entry. A turned-off account gets ErrAccountOff.
func (s *Store) StartSession(ctx context.Context, sess TeacherSession, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		at := now()
		if err := execOne(ctx, tx, "UPDATE users SET last_sign_in_at = ? WHERE id = ? AND disabled_at IS NULL", at, sess.UserID); errors.Is(err, ErrNotFound) {
			return ErrAccountOff
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM teacher_sessions WHERE seen_at < ?", sessionCutoff()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO teacher_sessions (id_hash, user_id, created_at, seen_at, address, user_agent)
			VALUES (?, ?, ?, ?, ?, ?)`, sess.IDHash, sess.UserID, at, at, sess.Address, truncate(sess.UserAgent, 200)); err != nil {
			return err
		}
		return audit(ctx, tx, by, "signed in", "")
	})
	if err != nil {
		return fmt.Errorf("db: start session of account %d: %w", sess.UserID, err)
	}
	return nil
}

// SessionUser returns the account signed in by the session whose id hashes
// to idHash, and when the session was last seen. A session that was ended,
// or whose account is off, is ErrNotFound.
func (s *Store) SessionUser(ctx context.Context, idHash []byte) (quizzes.User, time.Time, error) {
	var seen sql.NullString
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+`, t.seen_at
		FROM teacher_sessions t JOIN users ON users.id = t.user_id
		WHERE t.id_hash = ? AND users.disabled_at IS NULL AND t.seen_at >= ?`, idHash, sessionCutoff()), &seen)
	if err != nil {
		return u, time.Time{}, notFound(err, "load session")
	}
	return u, parseTime(seen), nil
}

// TouchSession records that a session is in use, when the time recorded is
// more than a few minutes old.
func (s *Store) TouchSession(ctx context.Context, idHash []byte, seen time.Time) error {
	if time.Since(seen) < seenSlack {
		return nil
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE teacher_sessions SET seen_at = ? WHERE id_hash = ?", now(), idHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: touch session: %w", err)
	}
	return nil
}

// Sessions lists an account's signed-in browsers seen within SessionLife,
// most recently seen first.
func (s *Store) Sessions(ctx context.Context, userID int64) ([]TeacherSession, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id_hash, user_id, created_at, seen_at, address, user_agent
		FROM teacher_sessions WHERE user_id = ? AND seen_at >= ? ORDER BY seen_at DESC, created_at DESC`, userID, sessionCutoff())
	if err != nil {
		return nil, fmt.Errorf("db: list sessions of account %d: %w", userID, err)
	}
	defer rows.Close()
	var out []TeacherSession
	for rows.Next() {
		var t TeacherSession
		var created, seen sql.NullString
		if err := rows.Scan(&t.IDHash, &t.UserID, &created, &seen, &t.Address, &t.UserAgent); err != nil {
			return nil, fmt.Errorf("db: list sessions of account %d: %w", userID, err)
		}
		t.CreatedAt, t.SeenAt = parseTime(created), parseTime(seen)
		out = append(out, t)
	}
	return out, rows.Err()
}

// EndSession signs out one of an account's sessions.
func (s *Store) EndSession(ctx context.Context, userID int64, idHash []byte, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "DELETE FROM teacher_sessions WHERE user_id = ? AND id_hash = ?", userID, idHash); err != nil {
			return err
		}
		return audit(ctx, tx, by, "session ended", "")
	})
	if err != nil {
		return fmt.Errorf("db: end a session of account %d: %w", userID, err)
	}
	return nil
}

// SignOut removes the session's row (the teacher signed out).
func (s *Store) SignOut(ctx context.Context, idHash []byte) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "DELETE FROM teacher_sessions WHERE id_hash = ?", idHash)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: sign out: %w", err)
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 { // not inside a UTF-8 sequence
		n--
	}
	return s[:n]
}
