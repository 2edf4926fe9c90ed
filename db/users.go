package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"quiztrainer/quizzes"
)

// ErrUsernameTaken is returned when an account with that name exists.
var ErrUsernameTaken = errors.New("that username is taken")

// CreateUser stores a teacher's account.
func (s *Store) CreateUser(ctx context.Context, u quizzes.User) (quizzes.User, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO users (username, password_hash, role) VALUES (?, ?, ?)", u.Username, u.PasswordHash, u.Role)
		if err != nil {
			if strings.Contains(err.Error(), "UNIQUE") {
				return ErrUsernameTaken
			}
			return err
		}
		u.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return u, fmt.Errorf("db: create user %q: %w", u.Username, err)
	}
	return u, nil
}

const userColumns = "id, username, password_hash, role, created_at"

func scanUser(row interface{ Scan(...any) error }) (quizzes.User, error) {
	var u quizzes.User
	var created sql.NullString
	err := row.Scan(&u.ID, &u.Username, &u.PasswordHash, &u.Role, &created)
	u.CreatedAt = parseTime(created)
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
