package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"quiztrainer/quizzes"
)

// Answers are saved by group commit. A write with synchronous=FULL costs
// one fsync, and answers come in bursts (a class, a year group): one at a
// time they queued behind each other's fsync, at 0.996 answers per fsync.
// Now one writer goroutine takes every save waiting when it is free and
// stores them in one transaction, each in a savepoint of its own, so that
// a save that fails (an attempt handed in, a question not in the quiz)
// leaves the others in. Each caller hears of its save only after the
// commit that made it durable. Finishing an attempt, regrading and every
// other write keep their own transactions.

// maxBatch bounds how many saves share one transaction.
const maxBatch = 128

// ErrClosed is returned for a save asked for after the store closed.
var ErrClosed = errors.New("db: the store is closed")

// saveRequest is one SaveAnswers call waiting for the writer.
type saveRequest struct {
	ctx       context.Context
	quiz      quizzes.Quiz
	attemptID int64
	answers   map[int64]quizzes.Answer
	at        time.Time
	done      chan saveResult // buffered: the writer never waits on a caller
}

type saveResult struct {
	saved Saved
	err   error
}

// answerWriter is the goroutine that commits saves in groups.
type answerWriter struct {
	queue   chan *saveRequest
	stop    chan struct{}
	stopped chan struct{}
	once    sync.Once
	pending atomic.Int64 // saves handed to SaveAnswers and not yet answered
	commits atomic.Int64 // transactions committed, for tests and figures
	saves   atomic.Int64 // saves in them
}

func newAnswerWriter() *answerWriter {
	return &answerWriter{queue: make(chan *saveRequest), stop: make(chan struct{}), stopped: make(chan struct{})}
}

// close stops the writer once it has stored every save it took.
func (w *answerWriter) close() {
	w.once.Do(func() { close(w.stop) })
	<-w.stopped
}

// SaveAnswers stores a student's answers to questions of an open attempt,
// each graded against quiz. Where the quiz shows feedback at once, a
// question keeps its first answer: the rule is checked inside the
// transaction, so two tabs answering at once store one answer. An
// unchanged answer is left as it was (an essay keeps its mark). After the
// deadline and its grace the attempt is handed in with what it held and
// ErrTimeUp returned. It returns once the answers are durable: they share
// a transaction with the other saves waiting at the same moment.
func (s *Store) SaveAnswers(ctx context.Context, quiz quizzes.Quiz, attemptID int64, answers map[int64]quizzes.Answer, at time.Time) (Saved, error) {
	req := &saveRequest{ctx: ctx, quiz: quiz, attemptID: attemptID, answers: answers, at: at, done: make(chan saveResult, 1)}
	w := s.answers
	w.pending.Add(1)
	defer w.pending.Add(-1)
	select {
	case w.queue <- req:
	case <-w.stop:
		return Saved{}, ErrClosed
	case <-ctx.Done():
		return Saved{}, fmt.Errorf("db: save answers of attempt %d: %w", attemptID, ctx.Err())
	}
	// Once taken, the save is waited for even if the request is cancelled:
	// its answer may be in the transaction, and the caller must not hear
	// "failed" about an answer that is then stored.
	r := <-req.done
	return r.saved, r.err
}

// writeAnswers is the writer: it takes the first save waiting, every other
// one waiting by then (up to maxBatch), and commits them together.
func (s *Store) writeAnswers() {
	w := s.answers
	defer close(w.stopped)
	for {
		var first *saveRequest
		select {
		case first = <-w.queue:
		case <-w.stop:
			return
		}
		batch := []*saveRequest{first}
		// The first save's hand-over wakes this goroutine ahead of every
		// other one ready to run. On a server with one CPU those are the
		// handlers of the saves that came in with it, so without a yield
		// here the batch was that one save: a commit and an fsync an
		// answer (0.9 fsyncs an answer, pinned to one CPU with 32
		// connections). Yielding once lets them reach the queue first:
		// about 14 answers an fsync, and the server's CPU an answer
		// 245-414 us -> 126-178 us.
		runtime.Gosched()
	more:
		for len(batch) < maxBatch {
			select {
			case r := <-w.queue:
				batch = append(batch, r)
			default:
				break more
			}
		}
		s.commitSaves(batch)
	}
}

// commitSaves stores a batch of saves in one transaction, each in its own
// savepoint, and tells each caller after the commit.
func (s *Store) commitSaves(batch []*saveRequest) {
	ctx := context.Background() // the batch outlives any one request
	results := make([]saveResult, len(batch))
	// The batch's answers become durable together, at its commit, so they
	// share one time: formatting it for each answer was 2.5% of the
	// server's CPU an answer.
	when := now()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for i, r := range batch {
			if err := r.ctx.Err(); err != nil {
				results[i].err = err
				continue
			}
			if _, err := s.txExec(ctx, tx, savepointAnswer); err != nil {
				return err
			}
			results[i] = s.saveOne(ctx, tx, r, when)
			undo := releaseAnswer
			if results[i].err != nil && !errors.Is(results[i].err, ErrTimeUp) {
				undo = rollbackAnswer // this save changes nothing; the others stay
			}
			if _, err := s.txExec(ctx, tx, undo); err != nil {
				return err
			}
			if undo == rollbackAnswer {
				if _, err := s.txExec(ctx, tx, releaseAnswer); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err == nil {
		s.answers.commits.Add(1)
		s.answers.saves.Add(int64(len(batch)))
	}
	for i, r := range batch {
		res := results[i]
		if err != nil {
			res = saveResult{err: err} // nothing was stored
		}
		if res.err != nil && !errors.Is(res.err, ErrTimeUp) {
			res.err = fmt.Errorf("db: save answers of attempt %d: %w", r.attemptID, res.err)
		}
		r.done <- res
	}
}

const (
	savepointAnswer = "SAVEPOINT answer"
	releaseAnswer   = "RELEASE answer"
	rollbackAnswer  = "ROLLBACK TO answer"
)

// saveOne is one save inside the batch's transaction: ErrTimeUp (with the
// attempt handed in) when it came too late.
func (s *Store) saveOne(ctx context.Context, tx *sql.Tx, r *saveRequest, when string) saveResult {
	a, err := s.openAttemptTx(ctx, tx, r.quiz, r.attemptID, r.at)
	if errors.Is(err, ErrTimeUp) {
		if err := s.submitAtTx(ctx, tx, r.attemptID, a.Deadline(r.quiz.Settings.TimeLimit)); err != nil {
			return saveResult{err: err}
		}
		return saveResult{err: ErrTimeUp}
	}
	if err != nil {
		return saveResult{err: err}
	}
	saved, err := s.saveAnswersTx(ctx, tx, r.quiz, a, r.answers, when)
	return saveResult{saved: saved, err: err}
}
