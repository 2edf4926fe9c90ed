package handlers

import (
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// BenchmarkAnswer measures one stored answer through the whole app: CSRF
// check, student lookup, grading and the durable write (synchronous=FULL).
func BenchmarkAnswer(b *testing.B) {
	ta := newTestApp(b)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	c.get("/quiz/" + q.Slug)
	r := c.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {"Bench"}})
	attempt := r.location
	if !strings.HasPrefix(attempt, "/attempt/") {
		b.Fatalf("start: %d", r.status)
	}
	form := answerForm(q.Questions[2], "answer", "Seine")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if r := c.post(attempt+"/answer", form); r.status != 303 {
			b.Fatalf("answer: status %d", r.status)
		}
	}
}

// BenchmarkAttemptPage measures rendering the article beside the questions.
func BenchmarkAttemptPage(b *testing.B) {
	ta := newTestApp(b)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	c.get("/quiz/" + q.Slug)
	attempt := c.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {"Bench"}}).location
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if r := c.get(attempt); r.status != 200 {
			b.Fatalf("attempt page: status %d", r.status)
		}
	}
}
