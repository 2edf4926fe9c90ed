package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"quiztrainer/quizzes"
)

// ErrUsernameTaken is returned when an account with that name exists.
var ErrUsernameTaken = errors.New("that username is taken")

// ErrLastAdmin is returned when a change would leave no admin who can sign in.
var ErrLastAdmin = errors.New("this is the only admin account that can sign in")

// CreateUser stores a teacher's account.
func (s *Store) CreateUser(ctx context.Context, u quizzes.User) (quizzes.User, error) {
	return s.AddUser(ctx, u, Actor{})
}

// AddUser stores a teacher's account made by actor, with an audit entry
// when the actor is known.
func (s *Store) AddUser(ctx context.Context, u quizzes.User, by Actor) (quizzes.User, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		u.ID, err = insertUser(ctx, tx, u)
		if err != nil {
			return err
		}
		return audit(ctx, tx, by, "account added", fmt.Sprintf("%s %q", u.Role, u.Username))
	})
	if err != nil {
		return u, fmt.Errorf("db: create user %q: %w", u.Username, err)
	}
	return u, nil
}

func insertUser(ctx context.Context, tx *sql.Tx, u quizzes.User) (int64, error) {
	res, err := tx.ExecContext(ctx, "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)", u.Username, u.PasswordHash, u.Role)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return 0, ErrUsernameTaken
		}
		return 0, err
	}
	return res.LastInsertId()
}

// ErrAccountsExist is returned by CreateFirstAdmin once any account exists.
var ErrAccountsExist = errors.New("an account exists already")

// CreateFirstAdmin stores the first account, an admin, only while there is
// no account at all: the check and the insert are one statement in one
// transaction, so of several setups racing only one succeeds.
func (s *Store) CreateFirstAdmin(ctx context.Context, u quizzes.User, by Actor) (quizzes.User, error) {
	u.Role = quizzes.RoleAdmin
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO users (username, password_hash, role)
			SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM users)`, u.Username, u.PasswordHash, u.Role)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrAccountsExist
		}
		if u.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return audit(ctx, tx, by, "account added", fmt.Sprintf("%s %q (first-run setup)", u.Role, u.Username))
	})
	if err != nil {
		return u, fmt.Errorf("db: create first admin %q: %w", u.Username, err)
	}
	return u, nil
}

const userColumns = "users.id, users.username, users.password_hash, users.role, users.created_at, users.disabled_at, users.last_sign_in_at"

func scanUser(row interface{ Scan(...any) error }, extra ...any) (quizzes.User, error) {
	var u quizzes.User
	var created, disabled, last sql.NullString
	err := row.Scan(append([]any{&u.ID, &u.Username, &u.PasswordHash, &u.Role, &created, &disabled, &last}, extra...)...)
	u.CreatedAt = parseTime(created)
	u.Disabled = disabled.Valid
	u.LastSignIn = parseTime(last)
	return u, err
}

// UserByUsername finds an account by name, ignoring case.
func (s *Store) UserByUsername(ctx context.Context, username string) (quizzes.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE username = ?", username))
	if err != nil {
		return u, notFound(err, "find user by name")
	}
	return u, nil
}

// User loads an account.
func (s *Store) User(ctx context.Context, id int64) (quizzes.User, error) {
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
	if err != nil {
		return u, notFound(err, fmt.Sprintf("load user %d", id))
	}
	return u, nil
}

// CountUsers returns how many accounts exist.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	if err := s.read.QueryRowContext(ctx, "SELECT COUNT(*) FROM users").Scan(&n); err != nil {
		return 0, fmt.Errorf("db: count users: %w", err)
	}
	return n, nil
}

// TeacherRow is an account as the admin's list shows it.
type TeacherRow struct {
	quizzes.User
	Quizzes  int // owned
	Sessions int // signed-in browsers
}

// Teachers lists every account by name.
func (s *Store) Teachers(ctx context.Context) ([]TeacherRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+userColumns+`,
		(SELECT COUNT(*) FROM quizzes z WHERE z.owner_id = users.id AND z.deleted_at IS NULL),
		(SELECT COUNT(*) FROM teacher_sessions t WHERE t.user_id = users.id)
		FROM users ORDER BY users.username COLLATE NOCASE`)
	if err != nil {
		return nil, fmt.Errorf("db: list teachers: %w", err)
	}
	defer rows.Close()
	var out []TeacherRow
	for rows.Next() {
		var r TeacherRow
		if r.User, err = scanUser(rows, &r.Quizzes, &r.Sessions); err != nil {
			return nil, fmt.Errorf("db: list teachers: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// otherAdmins counts the admins who can sign in, other than the account id.
func otherAdmins(ctx context.Context, tx *sql.Tx, id int64) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id != ?", id).Scan(&n)
	return n, err
}

// SetDisabled turns an account off (ending all its sessions at once) or on
// again. The last admin who can sign in cannot be turned off.
func (s *Store) SetDisabled(ctx context.Context, id int64, disabled bool, by Actor) (quizzes.User, error) {
	var u quizzes.User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if u, err = scanUser(tx.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id)); err != nil {
			return notFound(err, "load user")
		}
		action := "account turned on"
		if disabled {
			action = "account turned off"
			if u.Role == quizzes.RoleAdmin {
				if n, err := otherAdmins(ctx, tx, id); err != nil {
					return err
				} else if n == 0 {
					return ErrLastAdmin
				}
			}
			if _, err := tx.ExecContext(ctx, "UPDATE users SET disabled_at = COALESCE(disabled_at, ?) WHERE id = ?", now(), id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM teacher_sessions WHERE user_id = ?", id); err != nil {
				return err
			}
		} else if _, err := tx.ExecContext(ctx, "UPDATE users SET disabled_at = NULL WHERE id = ?", id); err != nil {
			return err
		}
		u.Disabled = disabled
		return audit(ctx, tx, by, action, u.Username)
	})
	if err != nil {
		return u, fmt.Errorf("db: turn account %d on or off: %w", id, err)
	}
	return u, nil
}

// SetRole makes an account an admin or a teacher. The last admin who can
// sign in stays one.
func (s *Store) SetRole(ctx context.Context, id int64, role quizzes.Role, by Actor) (quizzes.User, error) {
	var u quizzes.User
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if u, err = scanUser(tx.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id)); err != nil {
			return notFound(err, "load user")
		}
		if u.Role == role {
			return nil
		}
		if u.Role == quizzes.RoleAdmin && !u.Disabled {
			if n, err := otherAdmins(ctx, tx, id); err != nil {
				return err
			} else if n == 0 {
				return ErrLastAdmin
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET role = ? WHERE id = ?", role, id); err != nil {
			return err
		}
		u.Role = role
		return audit(ctx, tx, by, "role set to "+string(role), u.Username)
	})
	if err != nil {
		return u, fmt.Errorf("db: set role of account %d: %w", id, err)
	}
	return u, nil
}

// ChangePassword stores a new password hash for an account and ends every
// session of it except keep (the SHA-256 of the session that asked; nil
// ends them all).
func (s *Store) ChangePassword(ctx context.Context, id int64, hash string, keep []byte, by Actor) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "UPDATE users SET password_hash = ? WHERE id = ?", hash, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM teacher_sessions WHERE user_id = ? AND id_hash IS NOT ?", id, keep); err != nil {
			return err
		}
		return audit(ctx, tx, by, "password changed", by.Username)
	})
	if err != nil {
		return fmt.Errorf("db: change password of account %d: %w", id, err)
	}
	return nil
}

func timeText(t time.Time) string { return t.UTC().Format(timeFormat) }
