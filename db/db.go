// Package db is quiztrainer's store: SQLite opened with the right pragmas,
// embedded migrations, and typed methods that return quizzes types. It is the
// only package that writes SQL.
package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the pure-Go "sqlite" driver
)

// ErrNotFound is returned when the row asked for does not exist.
var ErrNotFound = errors.New("not found")

// minSQLite is the oldest SQLite we run on: 3.51.3 fixed a WAL-reset bug
// that can corrupt a database written by several connections.
var minSQLite = [3]int{3, 51, 3}

// Store is the database. Writes go through one connection so that SQLite
// never answers "database is locked"; reads use a small pool.
type Store struct {
	write       *sql.DB
	read        *sql.DB
	writeStmts  *stmts
	bound       boundStmts
	readStmts   *stmts
	snaps       snapshots
	students    keptStudents
	keptAnswers keptAnswers
	answers     *answerWriter
}

// timeFormat is how times are stored: UTC, sortable text.
const timeFormat = "2006-01-02T15:04:05.000Z"

// DSN builds the connection string for the database file at path. busy_timeout
// comes first so that the pragmas after it wait instead of failing.
func DSN(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "synchronous(FULL)")
	if readOnly {
		q.Add("_pragma", "query_only(ON)")
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) and migrates the database at path.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := CheckWritable(path); err != nil {
		return nil, fmt.Errorf("db: %w", err)
	}
	write, err := sql.Open("sqlite", DSN(path, false))
	if err != nil {
		return nil, fmt.Errorf("db: open %s: %w", path, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxIdleTime(0)
	s := &Store{write: write, writeStmts: newStmts(write)}
	if err := s.checkVersion(ctx); err != nil {
		write.Close()
		return nil, err
	}
	if err := s.migrate(ctx); err != nil {
		write.Close()
		return nil, err
	}
	// A -wal or -shm file that another user made after the check above,
	// or a read-only file system, shows here rather than at the first form.
	if err := s.ProbeWrite(ctx); err != nil {
		write.Close()
		return nil, fmt.Errorf("db: cannot write %s (%w); check that the server's user owns it and its -wal and -shm files", path, err)
	}
	read, err := sql.Open("sqlite", DSN(path, true))
	if err != nil {
		write.Close()
		return nil, fmt.Errorf("db: open %s for reading: %w", path, err)
	}
	// Reads are CPU work for SQLite; a connection per core and two more
	// for requests waiting on the network, all kept open: a pool that
	// closes idle connections reopens them under load (4.5% of the CPU
	// of a loaded server went to that).
	n := max(4, runtime.NumCPU()+2)
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	read.SetConnMaxIdleTime(0)
	read.SetConnMaxLifetime(0)
	s.read, s.readStmts = read, newStmts(read)
	s.answers = newAnswerWriter()
	go s.writeAnswers()
	if err := errors.Join(s.writeStmts.prepareAll(ctx, writeQueries), s.readStmts.prepareAll(ctx, readTxQueries)); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close stores the answers being saved and closes both connection pools.
func (s *Store) Close() error {
	s.answers.close()
	s.readStmts.close()
	s.writeStmts.close()
	return errors.Join(s.read.Close(), s.write.Close())
}

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.read.QueryRowContext(ctx, "SELECT 1").Scan(&one); err != nil {
		return fmt.Errorf("db: ping: %w", err)
	}
	return nil
}

// SQLiteVersion returns the version of the SQLite library in use.
func (s *Store) SQLiteVersion(ctx context.Context) (string, error) {
	var v string
	err := s.write.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&v)
	return v, err
}

func (s *Store) checkVersion(ctx context.Context) error {
	v, err := s.SQLiteVersion(ctx)
	if err != nil {
		return fmt.Errorf("db: read sqlite version: %w", err)
	}
	if !versionAtLeast(v, minSQLite) {
		return fmt.Errorf("db: SQLite %s is too old; quiztrainer needs %d.%d.%d or newer", v, minSQLite[0], minSQLite[1], minSQLite[2])
	}
	return nil
}

func versionAtLeast(v string, want [3]int) bool {
	parts := strings.SplitN(v, ".", 3)
	for i := 0; i < 3; i++ {
		n := 0
		if i < len(parts) {
			n, _ = strconv.Atoi(parts[i])
		}
		if n != want[i] {
			return n > want[i]
		}
	}
	return true
}

// tx runs fn in one write transaction, committing when it returns nil.
func (s *Store) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func now() string { return time.Now().UTC().Format(timeFormat) }

func parseTime(s sql.NullString) time.Time {
	if !s.Valid || s.String == "" {
		return time.Time{}
	}
	t, err := time.Parse(timeFormat, s.String)
	if err != nil {
		t, _ = time.Parse(time.RFC3339Nano, s.String)
	}
	return t
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// notFound turns sql.ErrNoRows into ErrNotFound with context.
func notFound(err error, what string) error {
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("db: %s: %w", what, ErrNotFound)
	}
	return fmt.Errorf("db: %s: %w", what, err)
}

// Backup writes an online, consistent copy of the database to path, which
// must not exist yet.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := s.write.ExecContext(ctx, "VACUUM INTO ?", path); err != nil {
		return fmt.Errorf("db: backup to %s: %w", path, err)
	}
	return nil
}

// execOne runs a statement that must change a row, and gives ErrNotFound
// when it changes none.
func execOne(ctx context.Context, tx *sql.Tx, query string, args ...any) error {
	res, err := tx.ExecContext(ctx, query, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}
