package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"quiztrainer/quizzes"
)

// ErrAttemptClosed is returned when an answer comes for a submitted attempt.
var ErrAttemptClosed = errors.New("the attempt is already finished")

// ErrNoAttemptsLeft is returned when a student has used every attempt a quiz allows.
var ErrNoAttemptsLeft = errors.New("no attempts left")

const attemptColumns = "id, quiz_id, student_id, number, started_at, submitted_at, score, max_score"

const (
	selectAttempt     = "SELECT " + attemptColumns + " FROM attempts WHERE id = ?"
	selectOpenAttempt = "SELECT " + attemptColumns + ` FROM attempts
		WHERE quiz_id = ? AND student_id = ? AND submitted_at IS NULL ORDER BY number DESC LIMIT 1`
	selectLastAttempt = "SELECT COALESCE(MAX(number), 0) FROM attempts WHERE quiz_id = ? AND student_id = ?"
	insertAttempt     = "INSERT INTO attempts (quiz_id, student_id, number, started_at, max_score) VALUES (?, ?, ?, ?, ?)"
	selectResponses   = `SELECT question_id, given, correct, points, answered_at, marked_at
		FROM responses WHERE attempt_id = ?`
	selectStudentAttempts = "SELECT " + attemptColumns + " FROM attempts WHERE student_id = ? ORDER BY id DESC"
	// an attempt with what its pages check is current, in one statement:
	// its quiz's version (0 when the quiz is deleted), the roster's, the
	// version of its answers, and, in selectAttemptStateResponses, one row
	// each, its answers. The attempt is picked in a subquery that is not
	// flattened (LIMIT 1): with "WHERE a.id = ?" beside the joins, SQLite
	// propagated the bound id into them and prepared the statement again
	// whenever the id changed (a fifth of the query's time).
	attemptStateColumns = `a.id, a.quiz_id, a.student_id, a.number, a.started_at, a.submitted_at, a.score, a.max_score,
		COALESCE(q.version, 0), (SELECT last FROM roster_edits), a.answers_version`
	attemptStateFrom   = "(SELECT " + attemptColumns + ", answers_version FROM attempts WHERE id = ? LIMIT 1) a"
	selectAttemptState = "SELECT " + attemptStateColumns + `
		FROM ` + attemptStateFrom + ` LEFT JOIN quizzes q ON q.id = a.quiz_id AND q.deleted_at IS NULL`
	selectAttemptStateResponses = "SELECT " + attemptStateColumns + `,
		r.question_id, r.given, r.correct, r.points, r.answered_at, r.marked_at
		FROM ` + attemptStateFrom + ` LEFT JOIN quizzes q ON q.id = a.quiz_id AND q.deleted_at IS NULL
		LEFT JOIN responses r ON r.attempt_id = a.id AND a.answers_version <> ?`
)

func scanAttempt(row interface{ Scan(...any) error }) (quizzes.Attempt, error) {
	var a quizzes.Attempt
	var started, submitted sql.NullString
	err := row.Scan(&a.ID, &a.QuizID, &a.StudentID, &a.Number, &started, &submitted, &a.Score, &a.MaxScore)
	a.StartedAt, a.SubmittedAt = parseTime(started), parseTime(submitted)
	return a, err
}

// OpenAttempt returns the student's unfinished attempt at the quiz, or
// starts a new one when there is none and the quiz allows another.
func (s *Store) OpenAttempt(ctx context.Context, quiz quizzes.Quiz, studentID int64) (quizzes.Attempt, error) {
	var a quizzes.Attempt
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = scanAttempt(s.txRow(ctx, tx, selectOpenAttempt, quiz.ID, studentID))
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		var done int
		if err := s.txRow(ctx, tx, selectLastAttempt, quiz.ID, studentID).Scan(&done); err != nil {
			return err
		}
		if quiz.Settings.AttemptsAllowed > 0 && done >= quiz.Settings.AttemptsAllowed {
			return ErrNoAttemptsLeft
		}
		a = quizzes.Attempt{QuizID: quiz.ID, StudentID: studentID, Number: done + 1, MaxScore: quiz.MaxScore()}
		started := now()
		res, err := s.txExec(ctx, tx, insertAttempt, a.QuizID, a.StudentID, a.Number, started, a.MaxScore)
		if err != nil {
			return err
		}
		a.StartedAt = parseTime(sql.NullString{String: started, Valid: true})
		a.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return a, fmt.Errorf("db: open attempt at quiz %d: %w", quiz.ID, err)
	}
	return a, nil
}

// Attempt loads one attempt.
func (s *Store) Attempt(ctx context.Context, id int64) (quizzes.Attempt, error) {
	a, err := scanAttempt(s.readRow(ctx, selectAttempt, id))
	if err != nil {
		return a, notFound(err, fmt.Sprintf("load attempt %d", id))
	}
	return a, nil
}

// AttemptState is an attempt as its pages read it: with the versions
// that tell whether the quiz and the student kept in memory are current,
// and, when asked for, its answers. All of it comes from one state of the
// database.
type AttemptState struct {
	Attempt       quizzes.Attempt
	QuizVersion   int64 // 0 when the quiz is deleted
	RosterVersion int64
	// Responses are the attempt's answers, nil unless asked for. They may
	// be shared with other requests: nothing may change them.
	Responses map[int64]quizzes.Response
}

// AttemptState reads attempt id, with its answers when withResponses. The
// answers are kept in memory by the version of the attempt's answers
// (moved by trigger with any change to them, by any server): when the
// version read is the one kept, the attempt's row is all that is read.
func (s *Store) AttemptState(ctx context.Context, id int64, withResponses bool) (AttemptState, error) {
	if withResponses {
		return s.attemptStateResponses(ctx, id)
	}
	var v struct { // one allocation for all that Scan is given (see attemptStateResponses)
		st                 AttemptState
		version            int64
		started, submitted sql.NullString
	}
	a := &v.st.Attempt
	err := s.readRow(ctx, selectAttemptState, id).Scan(&a.ID, &a.QuizID, &a.StudentID, &a.Number, &v.started, &v.submitted,
		&a.Score, &a.MaxScore, &v.st.QuizVersion, &v.st.RosterVersion, &v.version)
	if err != nil {
		return v.st, notFound(err, fmt.Sprintf("load attempt %d", id))
	}
	a.StartedAt, a.SubmittedAt = parseTime(v.started), parseTime(v.submitted)
	return v.st, nil
}

// attemptStateResponses reads attempt id with its answers in one query
// and keeps the answers by the version read with them. The answers are
// read only when their version is not the one kept: the page after a
// change of answers reads the attempt once, not once for its versions and
// again for its answers.
func (s *Store) attemptStateResponses(ctx context.Context, id int64) (AttemptState, error) {
	keptVersion, kept, ok := s.keptAnswers.latest(id)
	if !ok {
		keptVersion = -1 // no answers_version is negative
	}
	rows, err := s.readRows(ctx, selectAttemptStateResponses, id, keptVersion)
	if err != nil {
		return AttemptState{}, fmt.Errorf("db: load attempt %d: %w", id, err)
	}
	defer rows.Close()
	// Every value is scanned into this one variable: each variable whose
	// address Scan gets is an allocation of its own, and this query runs
	// on every attempt page.
	var v struct {
		st                           AttemptState
		version                      int64
		started, submitted, at, mark sql.NullString
		qid                          sql.NullInt64
		given                        sql.NullString
		correct                      sql.NullBool
		points                       sql.NullFloat64
	}
	a := &v.st.Attempt
	dest := []any{&a.ID, &a.QuizID, &a.StudentID, &a.Number, &v.started, &v.submitted, &a.Score, &a.MaxScore,
		&v.st.QuizVersion, &v.st.RosterVersion, &v.version, &v.qid, &v.given, &v.correct, &v.points, &v.at, &v.mark}
	found := false
	var responses map[int64]quizzes.Response
	for rows.Next() {
		found = true
		if err := rows.Scan(dest...); err != nil {
			return v.st, fmt.Errorf("db: load attempt %d: %w", id, err)
		}
		a.StartedAt, a.SubmittedAt = parseTime(v.started), parseTime(v.submitted)
		if !v.qid.Valid {
			continue // no answers yet, or the kept ones are current
		}
		r := quizzes.Response{AttemptID: id, QuestionID: v.qid.Int64, Correct: v.correct.Bool, Points: v.points.Float64}
		if r.Given, err = scanAnswer(v.given.String, r.QuestionID); err != nil {
			return v.st, fmt.Errorf("db: load responses of attempt %d: %w", id, err)
		}
		r.AnsweredAt, r.MarkedAt = parseTime(v.at), parseTime(v.mark)
		if responses == nil {
			responses = map[int64]quizzes.Response{}
		}
		responses[r.QuestionID] = r
	}
	st := v.st
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("db: load attempt %d: %w", id, err)
	}
	if !found {
		return st, notFound(sql.ErrNoRows, fmt.Sprintf("load attempt %d", id))
	}
	if ok && v.version == keptVersion {
		st.Responses = kept
		return st, nil
	}
	if responses == nil {
		responses = map[int64]quizzes.Response{}
	}
	st.Responses = responses
	s.keptAnswers.keep(id, v.version, responses)
	return st, nil
}

// Responses returns an attempt's answers keyed by question id.
func (s *Store) Responses(ctx context.Context, attemptID int64) (map[int64]quizzes.Response, error) {
	rows, err := s.readRows(ctx, selectResponses, attemptID)
	if err != nil {
		return nil, fmt.Errorf("db: load responses of attempt %d: %w", attemptID, err)
	}
	defer rows.Close()
	out := map[int64]quizzes.Response{}
	for rows.Next() {
		r := quizzes.Response{AttemptID: attemptID}
		var at, marked sql.NullString
		var given string
		err := rows.Scan(&r.QuestionID, &given, &r.Correct, &r.Points, &at, &marked)
		if err == nil {
			r.Given, err = scanAnswer(given, r.QuestionID)
		}
		if err != nil {
			return nil, fmt.Errorf("db: load responses of attempt %d: %w", attemptID, err)
		}
		r.AnsweredAt, r.MarkedAt = parseTime(at), parseTime(marked)
		out[r.QuestionID] = r
	}
	return out, rows.Err()
}

// MarkResponse records a teacher's mark for an answer (an essay) and, when
// the attempt is finished, its new score.
func (s *Store) MarkResponse(ctx context.Context, attemptID, questionID int64, points float64, full bool) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, `UPDATE responses SET points = ?, correct = ?, marked_at = ?
			WHERE attempt_id = ? AND question_id = ?`, points, boolInt(full), now(), attemptID, questionID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE attempts SET
			score = (SELECT COALESCE(SUM(points), 0) FROM responses WHERE attempt_id = attempts.id)
			WHERE id = ? AND submitted_at IS NOT NULL`, attemptID)
		return err
	})
	if err != nil {
		return fmt.Errorf("db: mark the answer to question %d of attempt %d: %w", questionID, attemptID, err)
	}
	return nil
}

// SubmitAttempt closes an attempt and records its score, the sum of its
// responses' points. Submitting twice keeps the first submission.
func (s *Store) SubmitAttempt(ctx context.Context, id int64) (quizzes.Attempt, error) {
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.submitTx(ctx, tx, id) })
	if err != nil {
		return quizzes.Attempt{}, fmt.Errorf("db: submit attempt %d: %w", id, err)
	}
	return s.Attempt(ctx, id)
}

// StudentAttempts lists a student's attempts, newest first.
func (s *Store) StudentAttempts(ctx context.Context, studentID int64) ([]quizzes.Attempt, error) {
	rows, err := s.readRows(ctx, selectStudentAttempts, studentID)
	if err != nil {
		return nil, fmt.Errorf("db: list attempts of student %d: %w", studentID, err)
	}
	defer rows.Close()
	var out []quizzes.Attempt
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			return nil, fmt.Errorf("db: list attempts of student %d: %w", studentID, err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// MissedQuestions returns, per quiz, the ids of the questions a student did
// not get right in their latest finished attempt at it, newest quiz first.
func (s *Store) MissedQuestions(ctx context.Context, studentID int64) ([][2]int64, error) {
	rows, err := s.read.QueryContext(ctx, `WITH latest AS (
			SELECT quiz_id, MAX(id) AS attempt_id FROM attempts
			WHERE student_id = ? AND submitted_at IS NOT NULL GROUP BY quiz_id)
		SELECT q.quiz_id, q.id FROM latest l
		JOIN questions q ON q.quiz_id = l.quiz_id
		JOIN quizzes z ON z.id = q.quiz_id AND z.status = 'published' AND z.deleted_at IS NULL
		LEFT JOIN responses r ON r.attempt_id = l.attempt_id AND r.question_id = q.id
		WHERE COALESCE(r.correct, 0) = 0 AND q.kind NOT IN ('essay', 'description')
		ORDER BY l.attempt_id DESC, q.position`, studentID)
	if err != nil {
		return nil, fmt.Errorf("db: missed questions of student %d: %w", studentID, err)
	}
	defer rows.Close()
	var out [][2]int64
	for rows.Next() {
		var pair [2]int64
		if err := rows.Scan(&pair[0], &pair[1]); err != nil {
			return nil, fmt.Errorf("db: missed questions of student %d: %w", studentID, err)
		}
		out = append(out, pair)
	}
	return out, rows.Err()
}
