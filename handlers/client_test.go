package handlers

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate"
)

// testApp is the real app on a real SQLite file.
type testApp struct {
	t     testing.TB
	app   *fiber.App
	store *db.Store
	path  string
}

func newTestApp(t testing.TB) *testApp {
	t.Helper()
	path := filepath.Join(t.TempDir(), "quiztrainer.db")
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	gen, err := generate.New()
	if err != nil {
		t.Fatalf("generator: %v", err)
	}
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return &testApp{t: t, app: New(store, log, gen, Config{}), store: store, path: path}
}

// client is one browser: it keeps cookies and the last CSRF token it saw.
type client struct {
	ta      *testApp
	cookies map[string]string
	csrf    string
}

func (ta *testApp) client() *client { return &client{ta: ta, cookies: map[string]string{}} }

// response is a response with its parsed HTML.
type response struct {
	status   int
	location string
	header   http.Header
	body     string
	doc      *goquery.Document
}

func (c *client) do(method, target string, form url.Values, headers ...string) response {
	c.ta.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "X-Body" { // a prepared body, such as a multipart form
			body = strings.NewReader(headers[i+1])
		}
	}
	req := httptest.NewRequest(method, target, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] != "X-Body" {
			req.Header.Set(headers[i], headers[i+1])
		}
	}
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := c.ta.app.Test(req, -1)
	if err != nil {
		c.ta.t.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	for _, ck := range resp.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	raw, _ := io.ReadAll(resp.Body)
	p := response{status: resp.StatusCode, location: resp.Header.Get("Location"), header: resp.Header, body: string(raw)}
	p.doc, err = goquery.NewDocumentFromReader(strings.NewReader(p.body))
	if err != nil {
		c.ta.t.Fatalf("%s %s: parse HTML: %v", method, target, err)
	}
	if tok, ok := p.doc.Find(`input[name="_csrf"]`).Attr("value"); ok {
		c.csrf = tok
	}
	return p
}

func (c *client) get(target string) response { return c.do(http.MethodGet, target, nil) }

// post sends a form with the CSRF token of the last page.
func (c *client) post(target string, form url.Values, headers ...string) response {
	sent := url.Values{}
	for k, v := range form {
		sent[k] = v
	}
	if sent.Get("_csrf") == "" {
		sent.Set("_csrf", c.csrf)
	}
	form = sent
	return c.do(http.MethodPost, target, form, headers...)
}

// fixtureQuiz is a published quiz with one question of each kind a student answers.
func (ta *testApp) fixtureQuiz(settings quizzes.Settings) quizzes.Quiz {
	ta.t.Helper()
	ctx := context.Background()
	body := "The Nile is the longest river in Africa. Paris lies on the Seine."
	art, err := ta.store.CreateArticle(ctx, quizzes.Article{Title: "Rivers", Body: body})
	if err != nil {
		ta.t.Fatal(err)
	}
	q, err := ta.store.CreateQuiz(ctx, quizzes.Quiz{
		Title: "Rivers of the world", ArticleID: art, Status: quizzes.Published, Settings: settings,
		Questions: []quizzes.Question{
			{Kind: quizzes.MultipleChoice, Prompt: "Which river is the longest in Africa?", Evidence: quizzes.Evidence{Start: 0, End: 40},
				Choices: []quizzes.Choice{{Text: "Congo"}, {Text: "Nile", Correct: true}, {Text: "Niger"}, {Text: "Zambezi"}}},
			{Kind: quizzes.TrueFalse, Prompt: "Paris lies on the Thames.", Evidence: quizzes.Evidence{Start: 41, End: len(body)},
				Choices: []quizzes.Choice{{Text: "True"}, {Text: "False", Correct: true}}},
			{Kind: quizzes.ShortAnswer, Prompt: "On which river does Paris lie?", Choices: []quizzes.Choice{{Text: "the Seine", Correct: true}}},
			{Kind: quizzes.Cloze, Prompt: "The Nile is the longest river in " + quizzes.Blank + ".", Choices: []quizzes.Choice{{Text: "Africa", Correct: true}}},
			{Kind: quizzes.MultipleResponse, Prompt: "Which are rivers?", Choices: []quizzes.Choice{{Text: "Nile", Correct: true}, {Text: "Seine", Correct: true}, {Text: "Paris"}}},
			{Kind: quizzes.Numerical, Prompt: "How many rivers does the article name?", Choices: []quizzes.Choice{{Text: "2", Correct: true}}},
			{Kind: quizzes.Matching, Prompt: "Match the river to its continent.", Choices: []quizzes.Choice{
				{Text: "Nile", Match: "Africa", Correct: true}, {Text: "Seine", Match: "Europe", Correct: true}, {Match: "Asia"}}},
		},
	})
	if err != nil {
		ta.t.Fatal(err)
	}
	return q
}

// upload posts a multipart form with a file, as the import form does.
func (c *client) upload(target string, fields map[string]string, fileName string, content []byte) response {
	c.ta.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	if _, ok := fields["_csrf"]; !ok {
		mw.WriteField("_csrf", c.csrf)
	}
	for k, v := range fields {
		mw.WriteField(k, v)
	}
	if fileName != "" {
		fw, _ := mw.CreateFormFile("file", fileName)
		fw.Write(content)
	}
	mw.Close()
	return c.do(http.MethodPost, target, nil, "Content-Type", mw.FormDataContentType(), "X-Body", buf.String())
}

// teacher makes an account and returns a client signed in to it.
func (ta *testApp) teacher(name string, role quizzes.Role) (*client, quizzes.User) {
	ta.t.Helper()
	hash, err := HashPassword("correct horse battery")
	if err != nil {
		ta.t.Fatal(err)
	}
	u, err := ta.store.CreateUser(context.Background(), quizzes.User{Username: name, PasswordHash: hash, Role: role})
	if err != nil {
		ta.t.Fatal(err)
	}
	c := ta.client()
	c.get("/login")
	r := c.post("/login", url.Values{"username": {name}, "password": {"correct horse battery"}})
	if r.status != 303 {
		ta.t.Fatalf("sign in as %s: status %d, want 303", name, r.status)
	}
	c.get(r.location) // as a browser follows the redirect, with the session's own form token
	return c, u
}

func nopLog() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

// testWriter sends the app's warnings and errors to the test's log.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(p)))
	return len(p), nil
}

func (ta *testApp) bodyLimit() int { return 4 << 20 }

// TeacherQuizURLForTest is the teacher's page of a quiz.
func TeacherQuizURLForTest(id int64) string { return "/teach/quiz/" + strconv.FormatInt(id, 10) }

func atoiOr0(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
