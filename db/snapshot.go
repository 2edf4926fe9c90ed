package db

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"quiztrainer/quizzes"
)

// Snapshot is a quiz with its questions, their choices and its article as
// stored at one version. Students' pages are served from it: it is read
// from the database once per version and shared by every request that
// asks for that version, so nothing may change it.
type Snapshot struct {
	Version int64
	Quiz    quizzes.Quiz
	Article *quizzes.Article // nil when the quiz has no article

	used    atomic.Int64 // unix nanoseconds of the last use, for eviction
	derived sync.Map     // Derived's values by key
}

// Derived returns what build makes of the snapshot under key, built once
// per snapshot (twice at worst, when two requests ask at once): parts of
// pages that depend on nothing but the quiz, such as its article as HTML.
// It goes when the snapshot goes. The value must not be changed.
func (s *Snapshot) Derived(key string, build func() any) any {
	if v, ok := s.derived.Load(key); ok {
		return v
	}
	v, _ := s.derived.LoadOrStore(key, build())
	return v
}

// maxSnapshots bounds how many quizzes are held in memory; the least
// recently used goes first.
const maxSnapshots = 256

// snapshots holds the latest snapshot read of each quiz.
type snapshots struct {
	mu   sync.Mutex
	byID map[int64]*Snapshot
}

const (
	selectQuizVersion     = "SELECT version FROM quizzes WHERE id = ? AND deleted_at IS NULL"
	selectQuizVersionSlug = "SELECT id, version FROM quizzes WHERE slug = ? AND deleted_at IS NULL"
	selectArticle         = "SELECT title, source, body FROM articles WHERE id = ?"
)

var selectQuizAtVersion = "SELECT version, " + quizColumns + " FROM quizzes WHERE id = ? AND deleted_at IS NULL"

// readTxQueries are prepared on the read pool when the store opens: a
// snapshot or a student is read in a transaction, which holds one
// connection and must not wait for another to prepare on.
var readTxQueries = []string{selectQuizVersion, selectQuizVersionSlug, selectQuizAtVersion, selectArticle, selectQuestions, selectChoices,
	selectRosterVersion, selectStudentByToken}

// QuizSnapshot returns quiz id as it is now. A version query tells
// whether the snapshot in memory is current; only when it is not is the
// quiz read again.
func (s *Store) QuizSnapshot(ctx context.Context, id int64) (*Snapshot, error) {
	var version int64
	if err := s.readRow(ctx, selectQuizVersion, id).Scan(&version); err != nil {
		return nil, notFound(err, fmt.Sprintf("load quiz %d", id))
	}
	return s.snapshotAt(ctx, id, version)
}

// QuizSnapshotBySlug is QuizSnapshot for the quiz with the given URL name.
func (s *Store) QuizSnapshotBySlug(ctx context.Context, slug string) (*Snapshot, error) {
	var id, version int64
	if err := s.readRow(ctx, selectQuizVersionSlug, slug).Scan(&id, &version); err != nil {
		return nil, notFound(err, fmt.Sprintf("load quiz %q", slug))
	}
	return s.snapshotAt(ctx, id, version)
}

// QuizSnapshotAt is QuizSnapshot where the caller has read the quiz's
// version (with the query of its own page).
func (s *Store) QuizSnapshotAt(ctx context.Context, id, version int64) (*Snapshot, error) {
	return s.snapshotAt(ctx, id, version)
}

func (s *Store) snapshotAt(ctx context.Context, id, version int64) (*Snapshot, error) {
	s.snaps.mu.Lock()
	snap := s.snaps.byID[id]
	s.snaps.mu.Unlock()
	if snap == nil || snap.Version != version {
		var err error
		if snap, err = s.readSnapshot(ctx, id); err != nil {
			return nil, err
		}
		s.keepSnapshot(snap)
	}
	snap.used.Store(time.Now().UnixNano())
	return snap, nil
}

// keepSnapshot puts snap in memory unless a newer one of its quiz is there.
func (s *Store) keepSnapshot(snap *Snapshot) {
	snap.used.Store(time.Now().UnixNano())
	s.snaps.mu.Lock()
	defer s.snaps.mu.Unlock()
	if s.snaps.byID == nil {
		s.snaps.byID = map[int64]*Snapshot{}
	}
	if old := s.snaps.byID[snap.Quiz.ID]; old != nil && old.Version > snap.Version {
		return
	}
	s.snaps.byID[snap.Quiz.ID] = snap
	if len(s.snaps.byID) <= maxSnapshots {
		return
	}
	var oldest *Snapshot
	for _, x := range s.snaps.byID {
		if oldest == nil || x.used.Load() < oldest.used.Load() {
			oldest = x
		}
	}
	delete(s.snaps.byID, oldest.Quiz.ID)
}

// readSnapshot reads a quiz, its questions and its article in one read
// transaction, so that they and the version all come from one state of the
// database.
func (s *Store) readSnapshot(ctx context.Context, id int64) (*Snapshot, error) {
	tx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("db: load quiz %d: %w", id, err)
	}
	defer tx.Rollback()
	query := func(q string, args ...any) (*sql.Rows, error) {
		if st := s.readStmts.lookup(q); st != nil {
			return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
		}
		return tx.QueryContext(ctx, q, args...)
	}
	rows, err := query(selectQuizAtVersion, id)
	if err != nil {
		return nil, fmt.Errorf("db: load quiz %d: %w", id, err)
	}
	snap := &Snapshot{}
	var scanErr error
	if rows.Next() {
		var version int64
		snap.Quiz, scanErr = scanQuiz(versionScanner{rows, &version})
		snap.Version = version
	} else {
		scanErr = sql.ErrNoRows
	}
	rows.Close()
	if scanErr != nil {
		return nil, notFound(scanErr, fmt.Sprintf("load quiz %d", id))
	}
	if snap.Quiz, err = loadQuestions(ctx, snap.Quiz, query); err != nil {
		return nil, err
	}
	if snap.Quiz.ArticleID != 0 {
		a := quizzes.Article{ID: snap.Quiz.ArticleID}
		rows, err := query(selectArticle, a.ID)
		if err != nil {
			return nil, fmt.Errorf("db: load article %d: %w", a.ID, err)
		}
		if rows.Next() {
			err = rows.Scan(&a.Title, &a.Source, &a.Body)
			snap.Article = &a
		}
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("db: load article %d: %w", a.ID, err)
		}
	}
	return snap, tx.Commit()
}

// versionScanner reads the version column in front of scanQuiz's columns.
type versionScanner struct {
	rows    *sql.Rows
	version *int64
}

func (v versionScanner) Scan(dest ...any) error {
	return v.rows.Scan(append([]any{v.version}, dest...)...)
}
