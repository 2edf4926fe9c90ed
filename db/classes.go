package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"quiztrainer/quizzes"
)

// ErrNoFreeCode is returned when every code tried was taken; with 887
// million codes it means something is wrong with the random source.
var ErrNoFreeCode = errors.New("no free join code found")

// newJoinCode makes join codes; tests replace it to force collisions.
var newJoinCode = quizzes.NewJoinCode

// codeTries is how many random codes are tried before giving up.
const codeTries = 20

const classColumns = "c.id, c.name, c.join_code, c.owner_id, c.created_at, c.signin"

func scanClass(row interface{ Scan(...any) error }, extra ...any) (quizzes.Class, error) {
	var c quizzes.Class
	var created sql.NullString
	err := row.Scan(append([]any{&c.ID, &c.Name, &c.JoinCode, &c.OwnerID, &created, &c.Signin}, extra...)...)
	c.CreatedAt = parseTime(created)
	return c, err
}

// freeCode draws random codes until one is not taken by another class.
// Writes go through one connection in immediate transactions, so no other
// writer can take the code between this check and the caller's write.
func freeCode(ctx context.Context, tx *sql.Tx) (string, error) {
	for range codeTries {
		code, err := newJoinCode()
		if err != nil {
			return "", err
		}
		var taken int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM classes WHERE join_code = ?", code).Scan(&taken); err != nil {
			return "", err
		}
		if taken == 0 {
			return code, nil
		}
	}
	return "", ErrNoFreeCode
}

// CreateClass stores a new class with a fresh join code.
func (s *Store) CreateClass(ctx context.Context, name string, ownerID int64) (quizzes.Class, error) {
	c := quizzes.Class{Name: name, OwnerID: ownerID}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if c.JoinCode, err = freeCode(ctx, tx); err != nil {
			return err
		}
		created := now()
		res, err := tx.ExecContext(ctx, "INSERT INTO classes (name, join_code, owner_id, created_at) VALUES (?, ?, ?, ?)",
			name, c.JoinCode, ownerID, created)
		if err != nil {
			return err
		}
		c.CreatedAt = parseTime(sql.NullString{String: created, Valid: true})
		c.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return c, fmt.Errorf("db: create class %q: %w", name, err)
	}
	return c, nil
}

// Class loads one class.
func (s *Store) Class(ctx context.Context, id int64) (quizzes.Class, error) {
	c, err := scanClass(s.read.QueryRowContext(ctx, "SELECT "+classColumns+" FROM classes c WHERE c.id = ? AND c.deleted_at IS NULL", id))
	if err != nil {
		return c, notFound(err, fmt.Sprintf("load class %d", id))
	}
	return c, nil
}

// ClassByCode finds the class with a join code, as the student typed it.
func (s *Store) ClassByCode(ctx context.Context, code string) (quizzes.Class, error) {
	code = quizzes.NormalizeJoinCode(code)
	c, err := scanClass(s.read.QueryRowContext(ctx, "SELECT "+classColumns+" FROM classes c WHERE c.join_code = ? AND c.deleted_at IS NULL", code))
	if err != nil {
		return c, notFound(err, "find class by code")
	}
	return c, nil
}

// ClassRow is a class as a teacher's list shows it.
type ClassRow struct {
	quizzes.Class
	Owner    string
	Students int
	Quizzes  int
}

// TeacherClasses lists the classes a user may change, by name: their own
// and those they teach with others, or every class for an admin.
func (s *Store) TeacherClasses(ctx context.Context, u quizzes.User) ([]ClassRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+classColumns+`, COALESCE(u.username, ''),
		(SELECT COUNT(*) FROM students s WHERE s.class_id = c.id AND `+onRoster+`),
		(SELECT COUNT(*) FROM class_quizzes q WHERE q.class_id = c.id)
		FROM classes c LEFT JOIN users u ON u.id = c.owner_id
		WHERE (c.owner_id = ? OR ? OR c.id IN (SELECT class_id FROM class_teachers WHERE user_id = ?)) AND c.deleted_at IS NULL
		ORDER BY c.name COLLATE NOCASE, c.id`, u.ID, u.Role == quizzes.RoleAdmin, u.ID)
	if err != nil {
		return nil, fmt.Errorf("db: list classes of user %d: %w", u.ID, err)
	}
	defer rows.Close()
	var out []ClassRow
	for rows.Next() {
		var r ClassRow
		if r.Class, err = scanClass(rows, &r.Owner, &r.Students, &r.Quizzes); err != nil {
			return nil, fmt.Errorf("db: list classes of user %d: %w", u.ID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// update runs one statement that must touch the class.
func (s *Store) update(ctx context.Context, what string, id int64, query string, args ...any) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, query, args...); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: %s %d: %w", what, id, err)
	}
	return nil
}

// RenameClass changes a class's name.
func (s *Store) RenameClass(ctx context.Context, id int64, name string) error {
	return s.update(ctx, "rename class", id, "UPDATE classes SET name = ? WHERE id = ?", name, id)
}

// NewClassCode gives a class a fresh join code; the old one stops working.
// Students already in the class stay.
func (s *Store) NewClassCode(ctx context.Context, id int64) (string, error) {
	var code string
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		if code, err = freeCode(ctx, tx); err != nil {
			return err
		}
		if err := execOne(ctx, tx, "UPDATE classes SET join_code = ? WHERE id = ?", code, id); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("db: new code for class %d: %w", id, err)
	}
	return code, nil
}

// SetClassQuizzes makes quizIDs the class's assigned quizzes, in one
// transaction.
func (s *Store) SetClassQuizzes(ctx context.Context, classID int64, quizIDs []int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM class_quizzes WHERE class_id = ?", classID); err != nil {
			return err
		}
		for _, q := range quizIDs {
			if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO class_quizzes (class_id, quiz_id) VALUES (?, ?)", classID, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: set quizzes of class %d: %w", classID, err)
	}
	return nil
}

// ClassQuizzes lists the quizzes assigned to a class, drafts too, newest
// first, without their questions.
func (s *Store) ClassQuizzes(ctx context.Context, classID int64) ([]quizzes.Quiz, error) {
	return s.listQuizzes(ctx, "quizzes of class", `SELECT `+quizColumnsOf("z.")+` FROM quizzes z
		JOIN class_quizzes cq ON cq.quiz_id = z.id WHERE cq.class_id = ? AND z.deleted_at IS NULL ORDER BY z.id DESC`, classID)
}

// PublicQuizzes lists the published quizzes assigned to no class, newest
// first: the home page's list for everyone. A quiz assigned to a class is
// listed only for that class's students (its link still works).
func (s *Store) PublicQuizzes(ctx context.Context) ([]quizzes.Quiz, error) {
	return s.listQuizzes(ctx, "public quizzes", `SELECT `+quizColumns+` FROM quizzes z WHERE status = 'published'
		AND z.deleted_at IS NULL
		AND NOT EXISTS (SELECT 1 FROM class_quizzes cq JOIN classes c ON c.id = cq.class_id
			WHERE cq.quiz_id = z.id AND c.deleted_at IS NULL) ORDER BY id DESC`)
}

func (s *Store) listQuizzes(ctx context.Context, what, query string, args ...any) ([]quizzes.Quiz, error) {
	rows, err := s.readRows(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("db: list %s: %w", what, err)
	}
	defer rows.Close()
	var out []quizzes.Quiz
	for rows.Next() {
		q, err := scanQuiz(rows)
		if err != nil {
			return nil, fmt.Errorf("db: list %s: %w", what, err)
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// JoinClass puts a student in a class, moving them out of any other: a
// student is in one class at a time. In a class with sign-in, a student
// without a sign-in code gets one, ready for the teacher to print.
func (s *Store) JoinClass(ctx context.Context, studentID, classID int64) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "UPDATE students SET class_id = ?, joined_at = ? WHERE id = ?", classID, now(), studentID); err != nil {
			return err
		}
		var on bool
		if err := tx.QueryRowContext(ctx, "SELECT signin FROM classes WHERE id = ?", classID).Scan(&on); err != nil || !on {
			return err
		}
		_, err := giveMissingCodes(ctx, tx, classID)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: put in a class student %d: %w", studentID, err)
	}
	return nil
}

// ClassMembers lists the students of a class by name.
func (s *Store) ClassMembers(ctx context.Context, classID int64) ([]quizzes.Member, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, display_name, COALESCE(joined_at, created_at) FROM students s
		WHERE class_id = ? AND `+onRoster+` ORDER BY display_name COLLATE NOCASE, id`, classID)
	if err != nil {
		return nil, fmt.Errorf("db: list students of class %d: %w", classID, err)
	}
	defer rows.Close()
	var out []quizzes.Member
	for rows.Next() {
		var m quizzes.Member
		var joined sql.NullString
		if err := rows.Scan(&m.StudentID, &m.DisplayName, &joined); err != nil {
			return nil, fmt.Errorf("db: list students of class %d: %w", classID, err)
		}
		m.JoinedAt = parseTime(joined)
		out = append(out, m)
	}
	return out, rows.Err()
}

// ClassAttempts lists every attempt of the class's students at the class's
// quizzes: what its gradebook is made of.
func (s *Store) ClassAttempts(ctx context.Context, classID int64) ([]quizzes.Attempt, error) {
	cols := "a." + strings.ReplaceAll(attemptColumns, ", ", ", a.")
	rows, err := s.read.QueryContext(ctx, `SELECT `+cols+` FROM attempts a
		JOIN students s ON s.id = a.student_id
		JOIN class_quizzes cq ON cq.quiz_id = a.quiz_id AND cq.class_id = s.class_id
		WHERE s.class_id = ? AND `+onRoster+` ORDER BY a.id`, classID)
	if err != nil {
		return nil, fmt.Errorf("db: list attempts of class %d: %w", classID, err)
	}
	defer rows.Close()
	var out []quizzes.Attempt
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			return nil, fmt.Errorf("db: list attempts of class %d: %w", classID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}
