package db

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"sync"

	"quiztrainer/quizzes"
)

func tokenHash(token string) []byte {
	h := sha256.Sum256([]byte(token))
	return h[:]
}

const (
	insertStudent = "INSERT INTO students (display_name, token_hash) VALUES (?, ?)"
	// a student merged into another is that other one; a removed student is
	// not found; a student of a deleted class is in no class until it is
	// restored. The token is the one the student was made with, or a
	// device's that signed in with the class's sign-in code. Every table
	// read here moves roster_edits when it changes (migrations 0011 and
	// 0012), which tells whether a student kept in memory is current.
	selectStudentByToken = `SELECT s.id, s.display_name, COALESCE(c.id, 0), s.created_at
		FROM (SELECT id FROM students WHERE token_hash = ? UNION ALL SELECT student_id FROM student_devices WHERE token_hash = ?) d
		JOIN students t ON t.id = d.id JOIN students s ON s.id = COALESCE(t.merged_into, t.id)
		LEFT JOIN classes c ON c.id = s.class_id AND c.deleted_at IS NULL
		WHERE s.removed_at IS NULL`
	selectRosterVersion = "SELECT last FROM roster_edits"
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
// found. A student kept in memory is used when the roster has not changed
// since it was read (one small query instead of the look-up).
func (s *Store) StudentByToken(ctx context.Context, token string) (quizzes.Student, error) {
	if _, _, ok := s.students.get(token); ok {
		version, err := s.RosterVersion(ctx)
		if err != nil {
			return quizzes.Student{}, err
		}
		return s.StudentAt(ctx, token, version)
	}
	return s.readStudent(ctx, token)
}

// StudentAt is StudentByToken where the caller has read the roster's
// version (with the query of its own page): the student kept in memory
// when it is of that version, else the one read again.
func (s *Store) StudentAt(ctx context.Context, token string, version int64) (quizzes.Student, error) {
	if st, v, ok := s.students.get(token); ok && v == version {
		return st, nil
	}
	return s.readStudent(ctx, token)
}

// KeptStudent is the student last read for token, if any, and the
// roster's version then; the caller must check it against the version
// now (StudentAt) before trusting it.
func (s *Store) KeptStudent(token string) (quizzes.Student, int64, bool) {
	return s.students.get(token)
}

// RosterVersion is the roster's version: it moves with every change to a
// student or a class.
func (s *Store) RosterVersion(ctx context.Context) (int64, error) {
	var v int64
	if err := s.readRow(ctx, selectRosterVersion).Scan(&v); err != nil {
		return 0, fmt.Errorf("db: read the roster's version: %w", err)
	}
	return v, nil
}

// readStudent looks the token up with the roster's version in one read
// transaction, and keeps the student found at that version.
func (s *Store) readStudent(ctx context.Context, token string) (quizzes.Student, error) {
	st := quizzes.Student{Token: token}
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return st, fmt.Errorf("db: find student by token: %w", err)
	}
	defer tx.Rollback()
	row := func(q string, args ...any) *sql.Row {
		if p := s.readStmts.lookup(q); p != nil {
			return tx.StmtContext(ctx, p).QueryRowContext(ctx, args...)
		}
		return tx.QueryRowContext(ctx, q, args...)
	}
	var version int64
	if err := row(selectRosterVersion).Scan(&version); err != nil {
		return st, fmt.Errorf("db: read the roster's version: %w", err)
	}
	var created sql.NullString
	hash := tokenHash(token)
	err = row(selectStudentByToken, hash, hash).Scan(&st.ID, &st.DisplayName, &st.ClassID, &created)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			s.students.forget(token)
		}
		return st, notFound(err, "find student by token")
	}
	st.CreatedAt = parseTime(created)
	s.students.keep(token, st, version)
	return st, nil
}

// maxKeptStudents bounds how many students are held in memory (a few
// hundred bytes each); past it, one kept student is dropped for each new.
const maxKeptStudents = 50000

// keptStudents holds students by the token of their cookie, each with the
// roster's version it was read at.
type keptStudents struct {
	mu sync.Mutex
	m  map[string]keptStudent
}

type keptStudent struct {
	st      quizzes.Student
	version int64
}

func (k *keptStudents) get(token string) (quizzes.Student, int64, bool) {
	k.mu.Lock()
	e, ok := k.m[token]
	k.mu.Unlock()
	return e.st, e.version, ok
}

func (k *keptStudents) keep(token string, st quizzes.Student, version int64) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil {
		k.m = map[string]keptStudent{}
	}
	if old, ok := k.m[token]; ok && old.version > version {
		return // a newer read came first
	}
	if _, ok := k.m[token]; !ok && len(k.m) >= maxKeptStudents {
		for t := range k.m { // any one: map order is random
			delete(k.m, t)
			break
		}
	}
	// The token may be a view of a request's buffer (fiber's), which is
	// reused after the request: keep a copy.
	token = strings.Clone(token)
	st.Token = token
	k.m[token] = keptStudent{st: st, version: version}
}

func (k *keptStudents) forget(token string) {
	k.mu.Lock()
	delete(k.m, token)
	k.mu.Unlock()
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

// EndStudentToken makes a cookie token name nobody, for "Switch student"
// on a shared computer: a device signed in with a sign-in code forgets its
// sign-in; the token a student was made with stops working. Other devices
// of the student stay signed in.
func (s *Store) EndStudentToken(ctx context.Context, token string) error {
	hash := tokenHash(token)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "DELETE FROM student_devices WHERE token_hash = ?", hash)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
		_, err = tx.ExecContext(ctx, "UPDATE students SET token_hash = randomblob(32) WHERE token_hash = ?", hash)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: end a student's token: %w", err)
	}
	return nil
}
