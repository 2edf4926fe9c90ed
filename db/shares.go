package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"quiztrainer/quizzes"
)

// ErrNoSuchTeacher is returned when a quiz or class is shared with a
// username that names no account that can sign in.
var ErrNoSuchTeacher = errors.New("no teacher account has that username")

// ErrOwnerShare is returned when a quiz's owner is named to share it with.
var ErrOwnerShare = errors.New("that teacher already owns it")

// QuizShare returns the share a teacher holds in a quiz ("" for none).
func (s *Store) QuizShare(ctx context.Context, quizID, userID int64) (quizzes.Share, error) {
	var share quizzes.Share
	err := s.read.QueryRowContext(ctx, "SELECT access FROM quiz_shares WHERE quiz_id = ? AND user_id = ?", quizID, userID).Scan(&share)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("db: share of quiz %d: %w", quizID, err)
	}
	return share, nil
}

// ShareRow is a teacher a quiz is shared with.
type ShareRow struct {
	UserID   int64
	Username string
	Share    quizzes.Share
}

// QuizShares lists the teachers a quiz is shared with, by name.
func (s *Store) QuizShares(ctx context.Context, quizID int64) ([]ShareRow, error) {
	return s.shareRows(ctx, "list shares of quiz", `SELECT u.id, u.username, s.access FROM quiz_shares s JOIN users u ON u.id = s.user_id
		WHERE s.quiz_id = ? ORDER BY u.username COLLATE NOCASE`, quizID)
}

func (s *Store) shareRows(ctx context.Context, what, query string, id int64) ([]ShareRow, error) {
	rows, err := s.read.QueryContext(ctx, query, id)
	if err != nil {
		return nil, fmt.Errorf("db: %s %d: %w", what, id, err)
	}
	defer rows.Close()
	var out []ShareRow
	for rows.Next() {
		var r ShareRow
		if err := rows.Scan(&r.UserID, &r.Username, &r.Share); err != nil {
			return nil, fmt.Errorf("db: %s %d: %w", what, id, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// sharee finds the account a username names, for sharing with it.
func sharee(ctx context.Context, tx *sql.Tx, username string, ownerID int64) (int64, string, error) {
	var id int64
	var name string
	err := tx.QueryRowContext(ctx, "SELECT id, username FROM users WHERE username = ? AND disabled_at IS NULL", username).Scan(&id, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", ErrNoSuchTeacher
	}
	if err == nil && id == ownerID {
		return 0, "", ErrOwnerShare
	}
	return id, name, err
}

// ShareQuiz lets the teacher named username edit or read the results of a
// quiz, replacing any share they held.
func (s *Store) ShareQuiz(ctx context.Context, quizID int64, username string, share quizzes.Share, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var ownerID sql.NullInt64
		if err := tx.QueryRowContext(ctx, "SELECT owner_id FROM quizzes WHERE id = ?", quizID).Scan(&ownerID); err != nil {
			return notFound(err, "load quiz")
		}
		id, name, err := sharee(ctx, tx, username, ownerID.Int64)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO quiz_shares (quiz_id, user_id, access) VALUES (?, ?, ?)
			ON CONFLICT (quiz_id, user_id) DO UPDATE SET access = excluded.access`, quizID, id, share); err != nil {
			return err
		}
		return audit(ctx, tx, by, "quiz shared", fmt.Sprintf("quiz %d with %q as %s", quizID, name, share))
	})
	if err != nil {
		return fmt.Errorf("db: share quiz %d: %w", quizID, err)
	}
	return nil
}

// UnshareQuiz takes a teacher's share of a quiz away.
func (s *Store) UnshareQuiz(ctx context.Context, quizID, userID int64, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "DELETE FROM quiz_shares WHERE quiz_id = ? AND user_id = ?", quizID, userID); err != nil {
			return err
		}
		return audit(ctx, tx, by, "quiz unshared", fmt.Sprintf("quiz %d from account %d", quizID, userID))
	})
	if err != nil {
		return fmt.Errorf("db: unshare quiz %d: %w", quizID, err)
	}
	return nil
}

// IsClassTeacher reports whether a teacher teaches a class besides its owner.
func (s *Store) IsClassTeacher(ctx context.Context, classID, userID int64) (bool, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM class_teachers WHERE class_id = ? AND user_id = ?", classID, userID).Scan(&n); err != nil {
		return false, fmt.Errorf("db: teachers of class %d: %w", classID, err)
	}
	return n > 0, nil
}

// ClassTeachers lists the teachers of a class besides its owner.
func (s *Store) ClassTeachers(ctx context.Context, classID int64) ([]ShareRow, error) {
	return s.shareRows(ctx, "list teachers of class", `SELECT u.id, u.username, 'editor' FROM class_teachers t JOIN users u ON u.id = t.user_id
		WHERE t.class_id = ? ORDER BY u.username COLLATE NOCASE`, classID)
}

// AddClassTeacher makes the teacher named username a teacher of a class.
func (s *Store) AddClassTeacher(ctx context.Context, classID int64, username string, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var ownerID int64
		if err := tx.QueryRowContext(ctx, "SELECT owner_id FROM classes WHERE id = ?", classID).Scan(&ownerID); err != nil {
			return notFound(err, "load class")
		}
		id, name, err := sharee(ctx, tx, username, ownerID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO class_teachers (class_id, user_id) VALUES (?, ?)", classID, id); err != nil {
			return err
		}
		return audit(ctx, tx, by, "class teacher added", fmt.Sprintf("class %d: %q", classID, name))
	})
	if err != nil {
		return fmt.Errorf("db: add a teacher to class %d: %w", classID, err)
	}
	return nil
}

// RemoveClassTeacher takes a teacher off a class.
func (s *Store) RemoveClassTeacher(ctx context.Context, classID, userID int64, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "DELETE FROM class_teachers WHERE class_id = ? AND user_id = ?", classID, userID); err != nil {
			return err
		}
		return audit(ctx, tx, by, "class teacher removed", fmt.Sprintf("class %d: account %d", classID, userID))
	})
	if err != nil {
		return fmt.Errorf("db: remove a teacher from class %d: %w", classID, err)
	}
	return nil
}
