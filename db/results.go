package db

import (
	"context"
	"database/sql"
	"fmt"

	"quiztrainer/quizzes"
)

// QuizResults returns the finished attempts at a quiz, in the order they
// were handed in, each with the student's display name and every response.
// One statement reads them all, so the attempts and their answers come from
// the same snapshot even while students keep answering.
func (s *Store) QuizResults(ctx context.Context, quizID int64) ([]quizzes.Result, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.quiz_id, a.student_id, a.number, a.started_at, a.submitted_at,
			a.score, a.max_score, st.display_name,
			r.question_id, r.given, r.correct, r.points, r.answered_at, r.marked_at
		FROM attempts a
		JOIN students st ON st.id = a.student_id
		LEFT JOIN responses r ON r.attempt_id = a.id
		WHERE a.quiz_id = ? AND a.submitted_at IS NOT NULL AND st.removed_at IS NULL
		ORDER BY a.submitted_at, a.id`, quizID)
	if err != nil {
		return nil, fmt.Errorf("db: load results of quiz %d: %w", quizID, err)
	}
	defer rows.Close()
	var out []quizzes.Result
	for rows.Next() {
		var (
			a                  quizzes.Attempt
			name               string
			started, submitted sql.NullString
			qid                sql.NullInt64
			given, answered    sql.NullString
			marked             sql.NullString
			correct            sql.NullBool
			points             sql.NullFloat64
		)
		if err := rows.Scan(&a.ID, &a.QuizID, &a.StudentID, &a.Number, &started, &submitted, &a.Score, &a.MaxScore, &name,
			&qid, &given, &correct, &points, &answered, &marked); err != nil {
			return nil, fmt.Errorf("db: load results of quiz %d: %w", quizID, err)
		}
		if len(out) == 0 || out[len(out)-1].Attempt.ID != a.ID {
			a.StartedAt, a.SubmittedAt = parseTime(started), parseTime(submitted)
			out = append(out, quizzes.Result{Attempt: a, Student: name, Responses: map[int64]quizzes.Response{}})
		}
		if qid.Valid {
			answer, err := scanAnswer(given.String, qid.Int64)
			if err != nil {
				return nil, fmt.Errorf("db: load results of quiz %d: %w", quizID, err)
			}
			out[len(out)-1].Responses[qid.Int64] = quizzes.Response{AttemptID: a.ID, QuestionID: qid.Int64,
				Given: answer, Correct: correct.Bool, Points: points.Float64, AnsweredAt: parseTime(answered), MarkedAt: parseTime(marked)}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("db: load results of quiz %d: %w", quizID, err)
	}
	return out, nil
}

// OpenAttemptCount counts the attempts at a quiz that students on a
// roster have not handed in yet; results leave them out, and a removed
// student's open attempt is not counted, as their handed-in ones are not.
func (s *Store) OpenAttemptCount(ctx context.Context, quizID int64) (int, error) {
	var n int
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM attempts a JOIN students st ON st.id = a.student_id
		WHERE a.quiz_id = ? AND a.submitted_at IS NULL AND st.removed_at IS NULL`, quizID).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("db: count open attempts at quiz %d: %w", quizID, err)
	}
	return n, nil
}
