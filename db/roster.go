package db

import (
	"context"
	"database/sql"
	"fmt"

	"quiztrainer/quizzes"
)

// onRoster is the condition on a students row (alias s) for a student the
// class lists: neither removed nor merged into another.
const onRoster = "s.removed_at IS NULL AND s.merged_into IS NULL"

// ClassStudent loads a student on the class's roster.
func (s *Store) ClassStudent(ctx context.Context, classID, studentID int64) (quizzes.Member, error) {
	m := quizzes.Member{StudentID: studentID}
	var joined sql.NullString
	err := s.read.QueryRowContext(ctx, `SELECT s.display_name, COALESCE(s.joined_at, s.created_at) FROM students s
		WHERE s.id = ? AND s.class_id = ? AND `+onRoster, studentID, classID).Scan(&m.DisplayName, &joined)
	if err != nil {
		return m, notFound(err, fmt.Sprintf("load student %d of class %d", studentID, classID))
	}
	m.JoinedAt = parseTime(joined)
	return m, nil
}

// RenameClassStudent changes the name of a student on the class's roster.
func (s *Store) RenameClassStudent(ctx context.Context, classID, studentID int64, name string) error {
	return s.update(ctx, "rename student", studentID, "UPDATE students SET display_name = ? WHERE id = ? AND class_id = ? AND removed_at IS NULL AND merged_into IS NULL",
		name, studentID, classID)
}

// Merged says what a merge did: how many attempts moved, and the titles
// of the quizzes both students had attempts at (each attempt is kept,
// numbered after the other's).
type Merged struct {
	Moved int
	Both  []string
}

// MergeStudents makes gone the same student as keep, both on the class's
// roster (two devices of one pupil): gone's attempts move to keep,
// numbered after keep's at the same quiz, and gone's cookie leads to keep
// from then on. Nothing is deleted. One transaction.
func (s *Store) MergeStudents(ctx context.Context, classID, keepID, goneID int64) (Merged, error) {
	var m Merged
	if keepID == goneID {
		return m, fmt.Errorf("db: merge student %d into itself: %w", keepID, ErrNotFound)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM students s WHERE s.id IN (?, ?) AND s.class_id = ? AND `+onRoster,
			keepID, goneID, classID).Scan(&n); err != nil {
			return err
		}
		if n != 2 {
			return ErrNotFound
		}
		rows, err := tx.QueryContext(ctx, `SELECT g.quiz_id, z.title, COUNT(*),
			(SELECT COALESCE(MAX(k.number), 0) FROM attempts k WHERE k.quiz_id = g.quiz_id AND k.student_id = ?)
			FROM attempts g JOIN quizzes z ON z.id = g.quiz_id WHERE g.student_id = ? GROUP BY g.quiz_id ORDER BY z.title`, keepID, goneID)
		if err != nil {
			return err
		}
		type move struct {
			quiz          int64
			count, offset int
		}
		var moves []move
		for rows.Next() {
			var mv move
			var title string
			if err := rows.Scan(&mv.quiz, &title, &mv.count, &mv.offset); err != nil {
				rows.Close()
				return err
			}
			if mv.offset > 0 {
				m.Both = append(m.Both, title)
			}
			moves = append(moves, mv)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, mv := range moves {
			if _, err := tx.ExecContext(ctx, `UPDATE attempts SET student_id = ?, number = ? + number WHERE student_id = ? AND quiz_id = ?`,
				keepID, mv.offset, goneID, mv.quiz); err != nil {
				return err
			}
			m.Moved += mv.count
		}
		if _, err := tx.ExecContext(ctx, "UPDATE students SET merged_into = ? WHERE merged_into = ?", keepID, goneID); err != nil {
			return err
		}
		return execOne(ctx, tx, "UPDATE students SET merged_into = ? WHERE id = ?", keepID, goneID)
	})
	if err != nil {
		return m, fmt.Errorf("db: merge student %d into %d: %w", goneID, keepID, err)
	}
	return m, nil
}

// RemoveStudent takes a student off the class's roster, the gradebook and
// the results, keeping every answer for RestoreStudent. The student's
// cookie no longer names them.
func (s *Store) RemoveStudent(ctx context.Context, classID, studentID int64) error {
	return s.update(ctx, "remove student", studentID, "UPDATE students SET removed_at = ? WHERE id = ? AND class_id = ? AND removed_at IS NULL AND merged_into IS NULL",
		now(), studentID, classID)
}

// RestoreStudent puts a removed student back on the class's roster with
// all their attempts.
func (s *Store) RestoreStudent(ctx context.Context, classID, studentID int64) error {
	return s.update(ctx, "restore student", studentID, "UPDATE students SET removed_at = NULL WHERE id = ? AND class_id = ? AND removed_at IS NOT NULL",
		studentID, classID)
}

// RemovedStudents lists the class's removed students, last removed first,
// JoinedAt holding when they were removed.
func (s *Store) RemovedStudents(ctx context.Context, classID int64) ([]quizzes.Member, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, display_name, removed_at FROM students
		WHERE class_id = ? AND removed_at IS NOT NULL ORDER BY removed_at DESC, id`, classID)
	if err != nil {
		return nil, fmt.Errorf("db: list removed students of class %d: %w", classID, err)
	}
	defer rows.Close()
	var out []quizzes.Member
	for rows.Next() {
		var m quizzes.Member
		var at sql.NullString
		if err := rows.Scan(&m.StudentID, &m.DisplayName, &at); err != nil {
			return nil, fmt.Errorf("db: list removed students of class %d: %w", classID, err)
		}
		m.JoinedAt = parseTime(at)
		out = append(out, m)
	}
	return out, rows.Err()
}
