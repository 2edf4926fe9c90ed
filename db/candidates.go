package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"quiztrainer/quizzes"
)

// ErrAnswered is returned when a question that students have answered
// would be swapped out: their answers would then belong to nothing.
var ErrAnswered = errors.New("students have answered the question")

// ErrCandidateGone is returned when a candidate is no longer offered: it
// was swapped in or added already (from another page, say).
var ErrCandidateGone = errors.New("the question is no longer offered")

// storedQuestion is a candidate as the candidates table keeps it. The
// names are the table's own, so that a renamed Go field does not lose
// what is stored.
type storedQuestion struct {
	Kind        quizzes.Kind       `json:"kind"`
	Title       string             `json:"title,omitempty"`
	Prompt      string             `json:"prompt"`
	Format      quizzes.TextFormat `json:"format,omitempty"`
	Explanation string             `json:"explanation,omitempty"`
	Points      float64            `json:"points,omitempty"`
	Choices     []storedChoice     `json:"choices,omitempty"`
	Start       int                `json:"evidence_start"`
	End         int                `json:"evidence_end"`
	Template    string             `json:"template,omitempty"`
	Score       float64            `json:"score,omitempty"`
	Category    string             `json:"category,omitempty"`
}

type storedChoice struct {
	Text      string  `json:"text"`
	Correct   bool    `json:"correct,omitempty"`
	Weight    float64 `json:"weight,omitempty"`
	Feedback  string  `json:"feedback,omitempty"`
	Match     string  `json:"match,omitempty"`
	Tolerance float64 `json:"tolerance,omitempty"`
}

func encodeCandidate(q quizzes.Question) (string, error) {
	s := storedQuestion{Kind: q.Kind, Title: q.Title, Prompt: q.Prompt, Format: q.Format, Explanation: q.Explanation,
		Points: q.Points, Start: q.Evidence.Start, End: q.Evidence.End, Template: q.Template, Score: q.Score, Category: q.Category}
	for _, c := range q.Choices {
		s.Choices = append(s.Choices, storedChoice{c.Text, c.Correct, c.Weight, c.Feedback, c.Match, c.Tolerance})
	}
	b, err := json.Marshal(s)
	return string(b), err
}

func decodeCandidate(raw string) (quizzes.Question, error) {
	var s storedQuestion
	if err := json.Unmarshal([]byte(raw), &s); err != nil {
		return quizzes.Question{}, err
	}
	q := quizzes.Question{Kind: s.Kind, Title: s.Title, Prompt: s.Prompt, Format: s.Format, Explanation: s.Explanation,
		Points: s.Points, Evidence: quizzes.Evidence{Start: s.Start, End: s.End}, Template: s.Template, Score: s.Score, Category: s.Category}
	for _, c := range s.Choices {
		q.Choices = append(q.Choices, quizzes.Choice{Text: c.Text, Correct: c.Correct, Weight: c.Weight, Feedback: c.Feedback, Match: c.Match, Tolerance: c.Tolerance})
	}
	return q, nil
}

func insertCandidate(ctx context.Context, tx *sql.Tx, quizID int64, rank int, q quizzes.Question) error {
	raw, err := encodeCandidate(q)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "INSERT INTO candidates (quiz_id, rank, question) VALUES (?, ?, ?)", quizID, rank, raw)
	return err
}

// Candidates lists a quiz's candidates, best first, each with its evidence
// text read from the article.
func (s *Store) Candidates(ctx context.Context, quizID int64) ([]quizzes.Candidate, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT c.id, c.rank, c.question, COALESCE(a.body, '')
		FROM candidates c JOIN quizzes z ON z.id = c.quiz_id LEFT JOIN articles a ON a.id = z.article_id
		WHERE c.quiz_id = ? ORDER BY c.rank, c.id`, quizID)
	if err != nil {
		return nil, fmt.Errorf("db: load candidates of quiz %d: %w", quizID, err)
	}
	defer rows.Close()
	var out []quizzes.Candidate
	for rows.Next() {
		c := quizzes.Candidate{QuizID: quizID}
		var raw, body string
		if err := rows.Scan(&c.ID, &c.Rank, &raw, &body); err != nil {
			return nil, fmt.Errorf("db: load candidates of quiz %d: %w", quizID, err)
		}
		if c.Question, err = decodeCandidate(raw); err != nil {
			return nil, fmt.Errorf("db: candidate %d: %w", c.ID, err)
		}
		c.Question.QuizID = quizID
		if e := &c.Question.Evidence; 0 <= e.Start && e.Start < e.End && e.End <= len(body) {
			e.Text = body[e.Start:e.End]
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// AnsweredQuestions counts the answers stored for each question of a quiz
// that has any.
func (s *Store) AnsweredQuestions(ctx context.Context, quizID int64) (map[int64]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT r.question_id, COUNT(*) FROM responses r
		JOIN questions q ON q.id = r.question_id WHERE q.quiz_id = ? GROUP BY r.question_id`, quizID)
	if err != nil {
		return nil, fmt.Errorf("db: count answers of quiz %d: %w", quizID, err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}

// takeCandidate reads one candidate of a quiz.
func takeCandidate(ctx context.Context, tx *sql.Tx, quizID, candidateID int64) (quizzes.Question, error) {
	var raw string
	err := tx.QueryRowContext(ctx, "SELECT question FROM candidates WHERE id = ? AND quiz_id = ?", candidateID, quizID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return quizzes.Question{}, ErrCandidateGone
	}
	if err != nil {
		return quizzes.Question{}, err
	}
	return decodeCandidate(raw)
}

// SwapCandidate puts a candidate in the place of a question of the quiz,
// and keeps the question, as the teacher last saved it, as a candidate in
// the candidate's rank: swapping back is one more swap. It refuses
// (ErrAnswered) when students have answered the question. It returns the
// question now in that place.
func (s *Store) SwapCandidate(ctx context.Context, quizID, questionID, candidateID int64) (quizzes.Question, error) {
	var in quizzes.Question
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cand, err := takeCandidate(ctx, tx, quizID, candidateID)
		if err != nil {
			return err
		}
		out, err := questionInTx(ctx, tx, quizID, questionID)
		if err != nil {
			return err
		}
		var answers int
		if err := tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM responses WHERE question_id = ?", questionID).Scan(&answers); err != nil {
			return err
		}
		if answers > 0 {
			return ErrAnswered
		}
		raw, err := encodeCandidate(out)
		if err != nil {
			return err
		}
		if err := execOne(ctx, tx, "UPDATE candidates SET question = ? WHERE id = ?", raw, candidateID); err != nil {
			return err
		}
		if err := execOne(ctx, tx, "DELETE FROM questions WHERE id = ?", questionID); err != nil {
			return err
		}
		in = cand.Normalize()
		in.QuizID, in.Position = quizID, out.Position
		if err := insertQuestion(ctx, tx, &in); err != nil {
			return err
		}
		// attempts under way count the new question's points instead
		_, err = tx.ExecContext(ctx, "UPDATE attempts SET max_score = MAX(0, max_score + ?) WHERE quiz_id = ?",
			in.Points-out.Points, quizID)
		return err
	})
	if err != nil {
		return in, fmt.Errorf("db: swap question %d of quiz %d: %w", questionID, quizID, err)
	}
	return in, nil
}

// AddCandidate moves a candidate into the quiz, placed in the article's
// order: before the first question whose evidence comes later in the
// article, else last. It returns the question as added.
func (s *Store) AddCandidate(ctx context.Context, quizID, candidateID int64) (quizzes.Question, error) {
	var q quizzes.Question
	err := s.tx(ctx, func(tx *sql.Tx) error {
		cand, err := takeCandidate(ctx, tx, quizID, candidateID)
		if err != nil {
			return err
		}
		q = cand.Normalize()
		q.QuizID = quizID
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(
			(SELECT MIN(position) FROM questions WHERE quiz_id = ? AND evidence_end > evidence_start AND evidence_start > ?),
			(SELECT COALESCE(MAX(position), 0) + 1 FROM questions WHERE quiz_id = ?))`,
			quizID, q.Evidence.Start, quizID).Scan(&q.Position); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE questions SET position = position + 1 WHERE quiz_id = ? AND position >= ?", quizID, q.Position); err != nil {
			return err
		}
		if err := insertQuestion(ctx, tx, &q); err != nil {
			return err
		}
		return execOne(ctx, tx, "DELETE FROM candidates WHERE id = ?", candidateID)
	})
	if err != nil {
		return q, fmt.Errorf("db: add candidate %d to quiz %d: %w", candidateID, quizID, err)
	}
	return q, nil
}

// questionInTx loads one question of a quiz with its choices.
func questionInTx(ctx context.Context, tx *sql.Tx, quizID, questionID int64) (quizzes.Question, error) {
	q := quizzes.Question{ID: questionID, QuizID: quizID}
	err := tx.QueryRowContext(ctx, `SELECT position, kind, title, prompt, format, explanation, points,
		evidence_start, evidence_end, template, score, category FROM questions WHERE id = ? AND quiz_id = ?`,
		questionID, quizID).Scan(&q.Position, &q.Kind, &q.Title, &q.Prompt, &q.Format, &q.Explanation, &q.Points,
		&q.Evidence.Start, &q.Evidence.End, &q.Template, &q.Score, &q.Category)
	if errors.Is(err, sql.ErrNoRows) {
		return q, ErrNotFound
	}
	if err != nil {
		return q, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, text, correct, weight, feedback, match_text, tolerance
		FROM choices WHERE question_id = ? ORDER BY position`, questionID)
	if err != nil {
		return q, err
	}
	defer rows.Close()
	for rows.Next() {
		var c quizzes.Choice
		if err := rows.Scan(&c.ID, &c.Text, &c.Correct, &c.Weight, &c.Feedback, &c.Match, &c.Tolerance); err != nil {
			return q, err
		}
		q.Choices = append(q.Choices, c)
	}
	return q, rows.Err()
}
