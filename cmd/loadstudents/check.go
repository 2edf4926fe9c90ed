package main

import (
	"database/sql"
	"fmt"
	"sync"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// acks are the answers the server acknowledged: the last one per attempt
// and question, which is what the database must hold.
type acks struct {
	mu   sync.Mutex
	last map[[2]int64]quizzes.Answer
	n    int
}

func newAcks() *acks { return &acks{last: map[[2]int64]quizzes.Answer{}} }

func (a *acks) add(attempt, question int64, given quizzes.Answer) {
	a.mu.Lock()
	a.last[[2]int64{attempt, question}] = given
	a.n++
	a.mu.Unlock()
}

// check looks every acknowledged answer up in the database file at path.
func (a *acks) check(path string) error {
	conn, err := sql.Open("sqlite", db.DSN(path, true))
	if err != nil {
		return err
	}
	defer conn.Close()
	stmt, err := conn.Prepare("SELECT given FROM responses WHERE attempt_id = ? AND question_id = ?")
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	defer stmt.Close()
	missing := 0
	var first string
	for k, want := range a.last {
		var given string
		err := stmt.QueryRow(k[0], k[1]).Scan(&given)
		got, derr := quizzes.DecodeAnswer(given)
		if err != nil || derr != nil || !got.Equal(want) {
			missing++
			if first == "" {
				first = fmt.Sprintf("attempt %d question %d: stored %q (%v), acknowledged %+v", k[0], k[1], given, err, want)
			}
		}
	}
	fmt.Printf("answers acknowledged %d (%d attempt-question pairs): %d missing or different in the database\n", a.n, len(a.last), missing)
	if missing > 0 {
		return fmt.Errorf("%d acknowledged answers not stored; first: %s", missing, first)
	}
	return nil
}
