package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"quiztrainer/quizzes"
)

// ErrWrongCode is returned when the sign-in code typed is not the student's.
var ErrWrongCode = errors.New("wrong sign-in code")

// ErrSigninOff is returned when a class does not let its students sign in.
var ErrSigninOff = errors.New("the class has no sign-in")

// newSigninCode makes sign-in codes; tests replace it to know the codes.
var newSigninCode = quizzes.NewSigninCode

// SigninCard is a student of a class with sign-in, as their printed card
// shows them.
type SigninCard struct {
	StudentID   int64
	DisplayName string
	Code        string
}

// giveMissingCodes gives every student on the class's roster without a
// sign-in code one, and says how many it gave.
func giveMissingCodes(ctx context.Context, tx *sql.Tx, classID int64) (int, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id FROM students s
		WHERE s.class_id = ? AND s.signin_code IS NULL AND `+onRoster, classID)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	for _, id := range ids {
		code, err := newSigninCode()
		if err != nil {
			return 0, err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE students SET signin_code = ? WHERE id = ?", code, id); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

// SetClassSignin turns the class's sign-in on or off. Turning it on gives
// every student of the roster without a code one, and says how many it
// gave; codes already given stay the same, so cards printed before still
// work. Turning it off stops new sign-ins; devices signed in stay so.
func (s *Store) SetClassSignin(ctx context.Context, classID int64, on bool) (int, error) {
	var issued int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "UPDATE classes SET signin = ? WHERE id = ? AND deleted_at IS NULL", on, classID); err != nil {
			return err
		}
		if !on {
			return nil
		}
		var err error
		issued, err = giveMissingCodes(ctx, tx, classID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: set the sign-in of class %d: %w", classID, err)
	}
	return issued, nil
}

// GiveMissingCodes gives a code to every student of a class with sign-in
// who has none yet (a student who joined since), and says how many.
func (s *Store) GiveMissingCodes(ctx context.Context, classID int64) (int, error) {
	var issued int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var on bool
		if err := tx.QueryRowContext(ctx, "SELECT signin FROM classes WHERE id = ? AND deleted_at IS NULL", classID).Scan(&on); err != nil {
			return notFound(err, "find class")
		}
		if !on {
			return ErrSigninOff
		}
		var err error
		issued, err = giveMissingCodes(ctx, tx, classID)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: give sign-in codes in class %d: %w", classID, err)
	}
	return issued, nil
}

// SigninCards lists the students of the class's roster by name with their
// sign-in codes ("" for a student who has none yet).
func (s *Store) SigninCards(ctx context.Context, classID int64) ([]SigninCard, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT s.id, s.display_name, COALESCE(s.signin_code, '') FROM students s
		WHERE s.class_id = ? AND `+onRoster+` ORDER BY s.display_name COLLATE NOCASE, s.id`, classID)
	if err != nil {
		return nil, fmt.Errorf("db: list sign-in codes of class %d: %w", classID, err)
	}
	defer rows.Close()
	var out []SigninCard
	for rows.Next() {
		var c SigninCard
		if err := rows.Scan(&c.StudentID, &c.DisplayName, &c.Code); err != nil {
			return nil, fmt.Errorf("db: list sign-in codes of class %d: %w", classID, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// NewSigninCode gives a student of the class's roster a fresh sign-in
// code: the old one stops working, and every device that signed in as the
// student with a code is signed out (the device they joined on stays).
func (s *Store) NewSigninCode(ctx context.Context, classID, studentID int64) (string, error) {
	code, err := newSigninCode()
	if err != nil {
		return "", err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "UPDATE students SET signin_code = ? WHERE id = ? AND class_id = ? AND removed_at IS NULL AND merged_into IS NULL",
			code, studentID, classID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM student_devices WHERE student_id = ?", studentID)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("db: new sign-in code for student %d: %w", studentID, err)
	}
	return code, nil
}

// SignIn makes the device holding token the student of the class's roster
// whose code was typed. ErrSigninOff: the class has no sign-in (or is
// gone); ErrNotFound: the student is not on its roster (removed, merged,
// moved); ErrWrongCode: the code is not theirs. Nothing changes then.
func (s *Store) SignIn(ctx context.Context, classID, studentID int64, typed, token string) (quizzes.Student, error) {
	var st quizzes.Student
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var on bool
		if err := tx.QueryRowContext(ctx, "SELECT signin FROM classes WHERE id = ? AND deleted_at IS NULL", classID).Scan(&on); err != nil {
			if errors.Is(err, sql.ErrNoRows) {
				return ErrSigninOff
			}
			return err
		}
		if !on {
			return ErrSigninOff
		}
		var code sql.NullString
		var created sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT s.display_name, s.signin_code, s.created_at FROM students s
			WHERE s.id = ? AND s.class_id = ? AND `+onRoster, studentID, classID).Scan(&st.DisplayName, &code, &created)
		if err != nil {
			return notFound(err, "find student")
		}
		if !quizzes.SigninCodeMatches(code.String, typed) {
			return ErrWrongCode
		}
		st.ID, st.ClassID, st.Token, st.CreatedAt = studentID, classID, token, parseTime(created)
		_, err = tx.ExecContext(ctx, "INSERT INTO student_devices (token_hash, student_id, signed_in_at) VALUES (?, ?, ?)",
			tokenHash(token), studentID, now())
		return err
	})
	if err != nil {
		return st, fmt.Errorf("db: sign in student %d of class %d: %w", studentID, classID, err)
	}
	return st, nil
}
