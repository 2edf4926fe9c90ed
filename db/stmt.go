package db

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// stmts are the statements of one pool, each prepared once and kept:
// database/sql prepares a statement on each connection the first time it
// runs there and reuses it after. SQLite takes about as long to parse a
// small query as to run it (a quiz's questions: 65 us parsed each time,
// 30 us prepared), so the queries of every student request go through here.
// Only constant query texts are kept, so the map stays small.
//
// The write pool has one connection, which a transaction holds: preparing
// there from inside a transaction would wait for itself. Its statements
// are the fixed list writeQueries, prepared when the store opens; inside a
// transaction, tx.StmtContext reuses the one prepared on its connection.
type stmts struct {
	pool *sql.DB
	mu   sync.RWMutex
	m    map[string]*sql.Stmt
}

func newStmts(pool *sql.DB) *stmts { return &stmts{pool: pool, m: map[string]*sql.Stmt{}} }

// writeQueries are the statements of an answer, a start and a hand-in,
// prepared on the write connection when the store opens.
var writeQueries = []string{
	selectAttempt, insertResponse, insertFirstResponse, submitAttempt,
	selectOpenAttempt, selectLastAttempt, insertAttempt, insertStudent,
	savepointAnswer, releaseAnswer, rollbackAnswer,
}

// prepareAll prepares queries now.
func (p *stmts) prepareAll(ctx context.Context, queries []string) error {
	for _, q := range queries {
		if _, err := p.get(ctx, q); err != nil {
			return fmt.Errorf("db: prepare %.60q: %w", q, err)
		}
	}
	return nil
}

// lookup returns query's statement if it was prepared.
func (p *stmts) lookup(query string) *sql.Stmt {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.m[query]
}

// get returns the prepared statement of query, preparing it the first time.
func (p *stmts) get(ctx context.Context, query string) (*sql.Stmt, error) {
	p.mu.RLock()
	st := p.m[query]
	p.mu.RUnlock()
	if st != nil {
		return st, nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if st := p.m[query]; st != nil {
		return st, nil
	}
	st, err := p.pool.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	p.m[query] = st
	return st, nil
}

func (p *stmts) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for q, st := range p.m {
		st.Close()
		delete(p.m, q)
	}
}

// readRow runs a one-row query on the read pool through its prepared
// statement.
func (s *Store) readRow(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := s.readStmts.get(ctx, query)
	if err != nil {
		return s.read.QueryRowContext(ctx, query, args...) // carries the same error
	}
	return st.QueryRowContext(ctx, args...)
}

// readRows runs a query on the read pool through its prepared statement.
func (s *Store) readRows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.readStmts.get(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// boundStmts are the statements of writeQueries bound to the write
// connection's current transaction (tx.StmtContext), kept until the next
// one begins: a batch of saves runs the same four statements for each
// answer, and binding them again for each use was 7% of the server's CPU
// an answer. One transaction is open at a time on the one connection; the
// transaction closes what it bound when it ends, and holding it here keeps
// its address from being reused for a later one.
type boundStmts struct {
	mu sync.Mutex
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

// txStmt returns query's statement bound to tx, or nil for a query not in
// writeQueries.
func (s *Store) txStmt(ctx context.Context, tx *sql.Tx, query string) *sql.Stmt {
	st := s.writeStmts.lookup(query)
	if st == nil {
		return nil
	}
	b := &s.bound
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.tx != tx {
		if b.m == nil {
			b.m = make(map[string]*sql.Stmt, len(writeQueries))
		}
		b.tx = tx
		clear(b.m)
	}
	bs := b.m[query]
	if bs == nil {
		bs = tx.StmtContext(ctx, st)
		b.m[query] = bs
	}
	return bs
}

// txExec runs a statement of writeQueries in tx through its prepared
// statement (any other query is parsed as usual).
func (s *Store) txExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if st := s.txStmt(ctx, tx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}

// txRow runs a one-row query of writeQueries in tx through its prepared
// statement.
func (s *Store) txRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if st := s.txStmt(ctx, tx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}
