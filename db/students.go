package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"

	"quiztrainer/quizzes"
)

func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

const (
	insertStudent = "INSERT INTO students (display_name, token_hash) VALUES (?, ?)"
	// a student merged into another is that other one; a removed student is
	// not found; a student of a deleted class is in no class until it is restored
	selectStudentByToken = `SELECT s.id, s.display_name, COALESCE(c.id, 0), s.created_at
		FROM students t JOIN students s ON s.id = COALESCE(t.merged_into, t.id)
		LEFT JOIN classes c ON c.id = s.class_id AND c.deleted_at IS NULL
		WHERE t.token_hash = ? AND s.removed_at IS NULL`
)

// CreateStudent stores a student known by the given cookie token.
func (s *Store) CreateStudent(ctx context.Context, displayName, token string) (quizzes.Student, error) {
	st := quizzes.Student{DisplayName: displayName, Token: token}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := s.txExec(ctx, tx, insertStudent, displayName, tokenHash(token))
		if err != nil {
			return err
		}
		st.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return st, fmt.Errorf("db: create student: %w", err)
	}
	return st, nil
}

// StudentByToken finds the student whose cookie holds token: for a
// student merged into another, that other one; a removed student is not
// found.
func (s *Store) StudentByToken(ctx context.Context, token string) (quizzes.Student, error) {
	st := quizzes.Student{Token: token}
	var created sql.NullString
	err := s.readRow(ctx, selectStudentByToken, tokenHash(token)).Scan(&st.ID, &st.DisplayName, &st.ClassID, &created)
	if err != nil {
		return st, notFound(err, "find student by token")
	}
	st.CreatedAt = parseTime(created)
	return st, nil
}

// RenameStudent changes a student's display name.
func (s *Store) RenameStudent(ctx context.Context, id int64, displayName string) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE students SET display_name = ? WHERE id = ?", displayName, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: rename student %d: %w", id, err)
	}
	return nil
}

// Student loads a student by id.
func (s *Store) Student(ctx context.Context, id int64) (quizzes.Student, error) {
	st := quizzes.Student{ID: id}
	var created sql.NullString
	// a student of a deleted class is in no class until it is restored
	err := s.read.QueryRowContext(ctx, `SELECT s.display_name, COALESCE(c.id, 0), s.created_at FROM students s
		LEFT JOIN classes c ON c.id = s.class_id AND c.deleted_at IS NULL WHERE s.id = ?`, id).
		Scan(&st.DisplayName, &st.ClassID, &created)
	if err != nil {
		return st, notFound(err, fmt.Sprintf("load student %d", id))
	}
	st.CreatedAt = parseTime(created)
	return st, nil
}

// EndStudentSession makes the student's cookie token name nobody, so that a
// browser that kept it is no longer this student.
func (s *Store) EndStudentSession(ctx context.Context, id int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return execOne(ctx, tx, "UPDATE students SET token_hash = randomblob(32) WHERE id = ?", id)
	})
	if err != nil {
		return fmt.Errorf("db: end the session of student %d: %w", id, err)
	}
	return nil
}
