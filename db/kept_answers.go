package db

import (
	"sync"

	"quiztrainer/quizzes"
)

// maxKeptAnswers bounds the attempts whose answers are kept (a few
// kilobytes each); past it, one kept attempt is dropped for each new.
const maxKeptAnswers = 10000

// keptAnswers holds open attempts' answers by attempt, each with the
// answers_version it was read at. The version comes from one counter for
// the whole database and moves in the transaction of every change to an
// attempt's answers (migration 0013), so a version read equal to the one
// kept means the kept answers are the ones in the database, whichever
// server wrote them.
type keptAnswers struct {
	mu sync.Mutex
	m  map[int64]keptAnswer
}

type keptAnswer struct {
	version   int64
	responses map[int64]quizzes.Response
}

// latest returns the answers of attempt id kept, with their version.
func (k *keptAnswers) latest(id int64) (int64, map[int64]quizzes.Response, bool) {
	k.mu.Lock()
	e, ok := k.m[id]
	k.mu.Unlock()
	return e.version, e.responses, ok
}

// keep keeps the answers of attempt id read at version; the caller gives
// them up (nothing may change them after).
func (k *keptAnswers) keep(id, version int64, responses map[int64]quizzes.Response) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.m == nil {
		k.m = map[int64]keptAnswer{}
	}
	old, ok := k.m[id]
	if ok && old.version > version {
		return // a newer read came first
	}
	if !ok && len(k.m) >= maxKeptAnswers {
		for a := range k.m { // any one: map order is random
			delete(k.m, a)
			break
		}
	}
	k.m[id] = keptAnswer{version: version, responses: responses}
}
