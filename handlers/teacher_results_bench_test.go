package handlers

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// BenchmarkResultsPage renders the results of a class of 300 finished
// attempts at the fixture quiz, written straight to the store.
func BenchmarkResultsPage(b *testing.B) {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "bench.db")
	store, err := db.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	// The helpers take a *testing.T; a benchmark has none, and they only
	// use it to stop on a failed setup.
	ta := &testApp{t: &testing.T{}, app: New(store, nopLog(), nil, Config{}), store: store, path: path}
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers results", u, quizzes.Published)
	if ta.t.Failed() {
		b.Fatal("setting up the class failed")
	}
	for i := range 300 {
		st, err := ta.store.CreateStudent(ctx, fmt.Sprintf("Student %03d", i), fmt.Sprintf("token-%d", i))
		if err != nil {
			b.Fatal(err)
		}
		a, err := ta.store.OpenAttempt(ctx, q, st.ID)
		if err != nil {
			b.Fatal(err)
		}
		for j, qu := range q.Questions {
			field, values := rightAnswer(qu)
			if (i+j)%3 == 0 {
				field, values = answerAs(qu, 'W')
			}
			if field == "match" {
				values = []string{values[0], values[len(values)-1]}
			} else if len(values) > 1 {
				values = values[:2]
			}
			if _, err := ta.store.SaveAnswers(ctx, q, a.ID, map[int64]quizzes.Answer{qu.ID: answerValue(qu, field, values)}, time.Now()); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := ta.store.SubmitAttempt(ctx, a.ID); err != nil {
			b.Fatal(err)
		}
	}
	for _, path := range []string{"", "/responses.csv"} {
		b.Run("GET results"+path, func(b *testing.B) {
			target := fmt.Sprintf("/teach/quiz/%d/results%s", q.ID, path)
			for b.Loop() {
				req := httptest.NewRequest("GET", target, nil)
				for k, v := range owner.cookies {
					req.Header.Add("Cookie", k+"="+v)
				}
				resp, err := ta.app.Test(req, -1)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("status %v, %v", resp.StatusCode, err)
				}
				resp.Body.Close()
			}
		})
	}
}
