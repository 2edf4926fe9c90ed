package handlers

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// benchStudent starts an attempt at q for a new student, following the
// redirect as a browser does (the attempt page gives the student's form
// token), and returns the client and the attempt's URL.
func benchStudent(b *testing.B, ta *testApp, q quizzes.Quiz, name string) (*client, string) {
	c := ta.client()
	c.get("/quiz/" + q.Slug)
	r := c.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {name}})
	if !strings.HasPrefix(r.location, "/attempt/") {
		b.Fatalf("start: %d", r.status)
	}
	c.get(r.location)
	return c, r.location
}

// send is one request through the app without parsing the answer, so that
// the figures are the server's: it returns the status.
func (c *client) send(method, target string, form url.Values) int {
	var body io.Reader
	if form != nil {
		form.Set("_csrf", c.csrf)
		body = strings.NewReader(form.Encode())
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := c.ta.app.Test(req, -1)
	if err != nil {
		return 0
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

// BenchmarkAnswer measures one stored answer through the whole app: CSRF
// check, student lookup, the quiz's snapshot, grading and the durable
// write (synchronous=FULL). Answers alternate, so each one is written.
func BenchmarkAnswer(b *testing.B) {
	ta := newTestApp(b)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c, attempt := benchStudent(b, ta, q, "Bench")
	forms := []url.Values{answerForm(q.Questions[2], "answer", "Seine"), answerForm(q.Questions[2], "answer", "Thames")}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if status := c.send(http.MethodPost, attempt+"/answer", forms[i%2]); status != 303 {
			b.Fatalf("answer: status %d", status)
		}
		i++
	}
}

// BenchmarkAnswerParallel is BenchmarkAnswer with many students answering
// at once (GOMAXPROCS x 8 of them): their saves share commits.
func BenchmarkAnswerParallel(b *testing.B) {
	ta := newTestApp(b)
	q := ta.fixtureQuiz(quizzes.Settings{})
	students := make(chan [2]any, 1024)
	for i := range cap(students) / 16 {
		c, attempt := benchStudent(b, ta, q, "Bench "+itoa(i))
		students <- [2]any{c, attempt}
	}
	forms := []url.Values{answerForm(q.Questions[2], "answer", "Seine"), answerForm(q.Questions[2], "answer", "Thames")}
	b.SetParallelism(8)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		s := <-students
		c, attempt := s[0].(*client), s[1].(string)
		i := 0
		for pb.Next() {
			form := url.Values{}
			for k, v := range forms[i%2] {
				form[k] = v
			}
			if status := c.send(http.MethodPost, attempt+"/answer", form); status != 303 {
				b.Errorf("answer: status %d", status)
				return
			}
			i++
		}
	})
}

// BenchmarkAttemptPage measures the attempt page: the article beside the
// questions, rendered for a student who answered some of them.
func BenchmarkAttemptPage(b *testing.B) {
	ta := newTestApp(b)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c, attempt := benchStudent(b, ta, q, "Bench")
	if status := c.send(http.MethodPost, attempt+"/answer", answerForm(q.Questions[2], "answer", "Seine")); status != 303 {
		b.Fatalf("answer: status %d", status)
	}
	b.ReportAllocs()
	for b.Loop() {
		if status := c.send(http.MethodGet, attempt, nil); status != 200 {
			b.Fatalf("attempt page: status %d", status)
		}
	}
}
