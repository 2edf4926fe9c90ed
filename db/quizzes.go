package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"quiztrainer/quizzes"
)

// CreateArticle stores an article and returns its id.
func (s *Store) CreateArticle(ctx context.Context, a quizzes.Article) (int64, error) {
	var id int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "INSERT INTO articles (title, source, body) VALUES (?, ?, ?)", a.Title, a.Source, a.Body)
		if err != nil {
			return err
		}
		id, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("db: create article: %w", err)
	}
	return id, nil
}

// Article loads one article.
func (s *Store) Article(ctx context.Context, id int64) (quizzes.Article, error) {
	a := quizzes.Article{ID: id}
	err := s.readRow(ctx, "SELECT title, source, body FROM articles WHERE id = ?", id).Scan(&a.Title, &a.Source, &a.Body)
	if err != nil {
		return a, notFound(err, fmt.Sprintf("load article %d", id))
	}
	return a, nil
}

// CreateQuiz stores a quiz with its questions in one transaction. A slug
// already taken gets a number appended. It returns the quiz as stored.
func (s *Store) CreateQuiz(ctx context.Context, q quizzes.Quiz) (quizzes.Quiz, error) {
	return s.CreateDraft(ctx, q, nil)
}

// CreateDraft stores a generated quiz with its questions and, in the same
// transaction, the generator's other questions on the article (candidates,
// best first), which the teacher may swap in or add later.
func (s *Store) CreateDraft(ctx context.Context, q quizzes.Quiz, candidates []quizzes.Question) (quizzes.Quiz, error) {
	return s.createDraft(ctx, nil, q, candidates)
}

// CreateDraftOnArticle stores an article and a draft on it (as
// CreateDraft) in one transaction: a failure leaves neither behind.
func (s *Store) CreateDraftOnArticle(ctx context.Context, a quizzes.Article, q quizzes.Quiz, candidates []quizzes.Question) (quizzes.Quiz, error) {
	return s.createDraft(ctx, &a, q, candidates)
}

func (s *Store) createDraft(ctx context.Context, a *quizzes.Article, q quizzes.Quiz, candidates []quizzes.Question) (quizzes.Quiz, error) {
	if q.Status == "" {
		q.Status = quizzes.Draft
	}
	if q.Settings.Feedback == "" {
		q.Settings.Feedback = quizzes.FeedbackAtEnd
	}
	base := q.Slug
	if base == "" {
		base = quizzes.Slugify(q.Title)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if a != nil {
			res, err := tx.ExecContext(ctx, "INSERT INTO articles (title, source, body) VALUES (?, ?, ?)", a.Title, a.Source, a.Body)
			if err != nil {
				return err
			}
			if q.ArticleID, err = res.LastInsertId(); err != nil {
				return err
			}
		}
		if err := createQuiz(ctx, tx, &q, base); err != nil {
			return err
		}
		for i, c := range candidates {
			if err := insertCandidate(ctx, tx, q.ID, i+1, c); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return q, fmt.Errorf("db: create quiz %q: %w", q.Title, err)
	}
	return q, nil
}

// createQuiz inserts q and its questions, giving them their ids.
func createQuiz(ctx context.Context, tx *sql.Tx, q *quizzes.Quiz, base string) error {
	slug, err := freeSlug(ctx, tx, base, 0)
	if err != nil {
		return err
	}
	q.Slug = slug
	res, err := tx.ExecContext(ctx, `INSERT INTO quizzes (title, slug, article_id, owner_id, status,
		shuffle_questions, shuffle_choices, feedback, attempts_allowed, time_limit_seconds)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		q.Title, q.Slug, nullID(q.ArticleID), nullID(q.OwnerID), q.Status,
		boolInt(q.Settings.ShuffleQuestions), boolInt(q.Settings.ShuffleChoices), q.Settings.Feedback,
		q.Settings.AttemptsAllowed, int(q.Settings.TimeLimit/time.Second))
	if err != nil {
		return err
	}
	if q.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	// A copy, so that the caller's questions do not take this quiz's ids.
	q.Questions = append([]quizzes.Question(nil), q.Questions...)
	for i := range q.Questions {
		qu := q.Questions[i].Normalize()
		qu.QuizID, qu.Position = q.ID, i+1
		if err = insertQuestion(ctx, tx, &qu); err != nil {
			return err
		}
		q.Questions[i] = qu
	}
	return nil
}

// freeSlug finds an address from base that no quiz holds, now or as an
// old address; quizID's own old addresses are free for it.
func freeSlug(ctx context.Context, tx *sql.Tx, base string, quizID int64) (string, error) {
	slug := base
	for n := 2; ; n++ {
		var taken int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM quizzes WHERE slug = ?)
			+ (SELECT COUNT(*) FROM quiz_old_slugs WHERE slug = ? AND quiz_id != ?)`, slug, slug, quizID).Scan(&taken); err != nil {
			return "", err
		}
		if taken == 0 {
			return slug, nil
		}
		slug = fmt.Sprintf("%s-%d", base, n)
	}
}

func insertQuestion(ctx context.Context, tx *sql.Tx, q *quizzes.Question) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO questions (quiz_id, position, kind, title, prompt, format,
		explanation, points, evidence_start, evidence_end, template, score, category)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		q.QuizID, q.Position, q.Kind, q.Title, q.Prompt, q.Format, q.Explanation, q.Points,
		q.Evidence.Start, q.Evidence.End, q.Template, q.Score, q.Category)
	if err != nil {
		return err
	}
	if q.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	q.Choices = slices.Clone(q.Choices)
	for i := range q.Choices {
		c := &q.Choices[i]
		res, err := tx.ExecContext(ctx, `INSERT INTO choices (question_id, position, text, correct, weight,
			feedback, match_text, tolerance) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			q.ID, i+1, c.Text, boolInt(c.Correct), c.Weight, c.Feedback, c.Match, c.Tolerance)
		if err != nil {
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// quizColumnsOf lists the columns scanQuiz reads, each qualified with alias
// ("z.") when the query joins other tables.
func quizColumnsOf(alias string) string {
	return strings.ReplaceAll(`@id, @title, @slug, COALESCE(@article_id, 0), COALESCE(@owner_id, 0), @status,
	@shuffle_questions, @shuffle_choices, @feedback, @attempts_allowed, @time_limit_seconds, @created_at`, "@", alias)
}

var quizColumns = quizColumnsOf("")

func scanQuiz(row interface{ Scan(...any) error }) (quizzes.Quiz, error) {
	var q quizzes.Quiz
	var limit int
	var created sql.NullString
	err := row.Scan(&q.ID, &q.Title, &q.Slug, &q.ArticleID, &q.OwnerID, &q.Status,
		&q.Settings.ShuffleQuestions, &q.Settings.ShuffleChoices, &q.Settings.Feedback,
		&q.Settings.AttemptsAllowed, &limit, &created)
	q.Settings.TimeLimit = time.Duration(limit) * time.Second
	q.CreatedAt = parseTime(created)
	return q, err
}

// Quiz loads a quiz with its questions and their choices. Evidence text is
// taken from the quiz's article.
func (s *Store) Quiz(ctx context.Context, id int64) (quizzes.Quiz, error) {
	q, err := scanQuiz(s.readRow(ctx, "SELECT "+quizColumns+" FROM quizzes WHERE id = ? AND deleted_at IS NULL", id))
	if err != nil {
		return q, notFound(err, fmt.Sprintf("load quiz %d", id))
	}
	return s.withQuestions(ctx, q)
}

// QuizMoved returns the address of the quiz that had slug as an old
// address (before a rename), or ErrNotFound.
func (s *Store) QuizMoved(ctx context.Context, slug string) (string, error) {
	var now string
	err := s.read.QueryRowContext(ctx, `SELECT z.slug FROM quiz_old_slugs o JOIN quizzes z ON z.id = o.quiz_id
		WHERE o.slug = ? AND z.deleted_at IS NULL`, slug).Scan(&now)
	if err != nil {
		return "", notFound(err, "find the quiz once at "+slug)
	}
	return now, nil
}

// QuizBySlug loads a quiz by its URL name.
func (s *Store) QuizBySlug(ctx context.Context, slug string) (quizzes.Quiz, error) {
	q, err := scanQuiz(s.readRow(ctx, "SELECT "+quizColumns+" FROM quizzes WHERE slug = ? AND deleted_at IS NULL", slug))
	if err != nil {
		return q, notFound(err, fmt.Sprintf("load quiz %q", slug))
	}
	return s.withQuestions(ctx, q)
}

// CountQuizzes returns how many quizzes exist.
func (s *Store) CountQuizzes(ctx context.Context) (int, error) {
	var n int
	err := s.readRow(ctx, "SELECT COUNT(*) FROM quizzes").Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("db: count quizzes: %w", err)
	}
	return n, nil
}

func (s *Store) withQuestions(ctx context.Context, q quizzes.Quiz) (quizzes.Quiz, error) {
	return loadQuestions(ctx, q, func(query string, args ...any) (*sql.Rows, error) {
		return s.readRows(ctx, query, args...)
	})
}

const (
	selectQuestions = `SELECT q.id, q.position, q.kind, q.title, q.prompt, q.format,
		q.explanation, q.points, q.evidence_start, q.evidence_end, q.template, q.score, q.category,
		COALESCE(substr(CAST(a.body AS BLOB), q.evidence_start + 1, q.evidence_end - q.evidence_start), '')
		FROM questions q JOIN quizzes z ON z.id = q.quiz_id LEFT JOIN articles a ON a.id = z.article_id
		WHERE q.quiz_id = ? ORDER BY q.position, q.id`
	selectChoices = `SELECT c.question_id, c.id, c.text, c.correct, c.weight, c.feedback,
		c.match_text, c.tolerance FROM choices c JOIN questions q ON q.id = c.question_id
		WHERE q.quiz_id = ? ORDER BY c.question_id, c.position`
)

// loadQuestions reads a quiz's questions and their choices with query.
func loadQuestions(ctx context.Context, q quizzes.Quiz, query func(string, ...any) (*sql.Rows, error)) (quizzes.Quiz, error) {
	rows, err := query(selectQuestions, q.ID)
	if err != nil {
		return q, fmt.Errorf("db: load questions of quiz %d: %w", q.ID, err)
	}
	defer rows.Close()
	index := map[int64]int{}
	for rows.Next() {
		qu := quizzes.Question{QuizID: q.ID}
		var evidence []byte
		if err := rows.Scan(&qu.ID, &qu.Position, &qu.Kind, &qu.Title, &qu.Prompt, &qu.Format,
			&qu.Explanation, &qu.Points, &qu.Evidence.Start, &qu.Evidence.End, &qu.Template, &qu.Score,
			&qu.Category, &evidence); err != nil {
			return q, fmt.Errorf("db: load questions of quiz %d: %w", q.ID, err)
		}
		qu.Evidence.Text = string(evidence)
		index[qu.ID] = len(q.Questions)
		q.Questions = append(q.Questions, qu)
	}
	if err := rows.Err(); err != nil {
		return q, err
	}
	crows, err := query(selectChoices, q.ID)
	if err != nil {
		return q, fmt.Errorf("db: load choices of quiz %d: %w", q.ID, err)
	}
	defer crows.Close()
	for crows.Next() {
		var qid int64
		var c quizzes.Choice
		if err := crows.Scan(&qid, &c.ID, &c.Text, &c.Correct, &c.Weight, &c.Feedback, &c.Match, &c.Tolerance); err != nil {
			return q, fmt.Errorf("db: load choices of quiz %d: %w", q.ID, err)
		}
		if i, ok := index[qid]; ok {
			q.Questions[i].Choices = append(q.Questions[i].Choices, c)
		}
	}
	return q, crows.Err()
}

// QuizSummary loads a quiz without its questions.
func (s *Store) QuizSummary(ctx context.Context, id int64) (quizzes.Quiz, error) {
	q, err := scanQuiz(s.readRow(ctx, "SELECT "+quizColumns+" FROM quizzes WHERE id = ? AND deleted_at IS NULL", id))
	if err != nil {
		return q, notFound(err, fmt.Sprintf("load quiz %d", id))
	}
	return q, nil
}

// QuestionCounts returns how many questions each quiz has, by quiz id, in
// one query for a whole list of quizzes.
func (s *Store) QuestionCounts(ctx context.Context) (map[int64]int, error) {
	rows, err := s.readRows(ctx, "SELECT quiz_id, COUNT(*) FROM questions GROUP BY quiz_id")
	if err != nil {
		return nil, fmt.Errorf("db: count questions: %w", err)
	}
	defer rows.Close()
	out := map[int64]int{}
	for rows.Next() {
		var id int64
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("db: count questions: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}

// QuizRow is a quiz as a teacher's list shows it.
type QuizRow struct {
	quizzes.Quiz
	Owner     string
	Questions int
	Attempts  int
	Share     quizzes.Share // the teacher's share when not the owner ("" otherwise)
}

// TeacherQuizzes lists the quizzes a user may see, newest first: their
// own and those shared with them, or every quiz for an admin.
func (s *Store) TeacherQuizzes(ctx context.Context, u quizzes.User) ([]QuizRow, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+quizColumnsOf("z.")+`, COALESCE(u.username, ''),
		(SELECT COUNT(*) FROM questions q WHERE q.quiz_id = z.id),
		(SELECT COUNT(*) FROM attempts a WHERE a.quiz_id = z.id AND a.submitted_at IS NOT NULL),
		COALESCE(s.access, '')
		FROM quizzes z LEFT JOIN users u ON u.id = z.owner_id
		LEFT JOIN quiz_shares s ON s.quiz_id = z.id AND s.user_id = ? AND z.owner_id IS NOT ?
		WHERE (z.owner_id = ? OR ? OR s.user_id IS NOT NULL) AND z.deleted_at IS NULL ORDER BY z.id DESC`, u.ID, u.ID, u.ID, u.Role == quizzes.RoleAdmin)
	if err != nil {
		return nil, fmt.Errorf("db: list quizzes of user %d: %w", u.ID, err)
	}
	defer rows.Close()
	var out []QuizRow
	for rows.Next() {
		var r QuizRow
		var limit int
		var created sql.NullString
		q := &r.Quiz
		if err := rows.Scan(&q.ID, &q.Title, &q.Slug, &q.ArticleID, &q.OwnerID, &q.Status,
			&q.Settings.ShuffleQuestions, &q.Settings.ShuffleChoices, &q.Settings.Feedback,
			&q.Settings.AttemptsAllowed, &limit, &created, &r.Owner, &r.Questions, &r.Attempts, &r.Share); err != nil {
			return nil, fmt.Errorf("db: list quizzes of user %d: %w", u.ID, err)
		}
		q.Settings.TimeLimit = time.Duration(limit) * time.Second
		q.CreatedAt = parseTime(created)
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetQuizStatus publishes or unpublishes a quiz.
func (s *Store) SetQuizStatus(ctx context.Context, id int64, status quizzes.Status) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if err := execOne(ctx, tx, "UPDATE quizzes SET status = ? WHERE id = ?", status, id); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("db: set status of quiz %d: %w", id, err)
	}
	return nil
}
