package handlers

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// answerForm is the quiz form a student sends with one question's Save
// button: field "answer" or "match" as the old one-question forms named it,
// with choices given by their position in the question.
func answerForm(q quizzes.Question, field string, values ...string) url.Values {
	f := url.Values{"save": {strconv.FormatInt(q.ID, 10)}}
	name := views.AnswerField(q.ID)
	if field == "match" {
		name = views.MatchField(q.ID)
	}
	for _, v := range values {
		if i, err := strconv.Atoi(v); err == nil && field == "answer" && i >= 0 && i < len(q.Choices) && len(q.Choices) > 0 &&
			(q.Kind == quizzes.MultipleChoice || q.Kind == quizzes.TrueFalse || q.Kind == quizzes.MultipleResponse) {
			v = strconv.FormatInt(q.Choices[i].ID, 10)
		}
		f.Add(name, v)
	}
	return f
}

// finishAttempt finishes an attempt as a student does: Finish leads to the
// review page, whose confirm hands the attempt in. It returns the last
// response, the redirect to the result.
func finishAttempt(t testing.TB, c *client, attempt string, form url.Values) response {
	t.Helper()
	r := c.post(attempt+"/finish", form)
	if r.status != 303 || r.location != attempt+"/review" {
		t.Fatalf("finish: status %d location %q, want 303 to the review page: %.300s", r.status, r.location, r.body)
	}
	if page := c.get(r.location); page.status != 200 {
		t.Fatalf("review page: status %d", page.status)
	}
	r = c.post(attempt+"/hand-in", nil)
	if r.status != 303 || r.location != attempt+"/result" {
		t.Fatalf("hand in: status %d location %q, want 303 to the result", r.status, r.location)
	}
	return r
}

// startAs opens the quiz as a new student with the given name and returns
// the attempt's URL.
func startAs(t *testing.T, c *client, slug, name string) string {
	t.Helper()
	c.get("/quiz/" + slug)
	r := c.post("/quiz/"+slug+"/start", url.Values{"display_name": {name}})
	if r.status != 303 || !strings.HasPrefix(r.location, "/attempt/") {
		t.Fatalf("start: status %d location %q, want 303 to /attempt/", r.status, r.location)
	}
	c.get(r.location) // as a browser follows the redirect, with the student's own form token
	return r.location
}

func TestStudentScenarios(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	attempt := startAs(t, c, q.Slug, "Ada Lovelace")
	other := ta.client()
	otherAttempt := startAs(t, other, q.Slug, "Grace")
	draft, err := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Hidden draft", Questions: q.Questions})
	if err != nil {
		t.Fatal(err)
	}
	ids := map[quizzes.Kind]quizzes.Question{}
	for _, qu := range q.Questions {
		ids[qu.Kind] = qu
	}

	for _, sc := range []struct {
		name        string
		c           *client
		method      string
		url         string
		form        url.Values
		headers     []string
		status      int
		contains    []string
		notContains []string
	}{
		{name: "home lists the published quiz", c: c, method: "GET", url: "/", status: 200, contains: []string{"Rivers of the world", "7 questions", "Ada Lovelace"}, notContains: []string{"Hidden draft"}},
		{name: "a draft is not found by students", c: c, method: "GET", url: "/quiz/" + draft.Slug, status: 404, contains: []string{"Page not found"}},
		{name: "an unknown quiz is a friendly 404", c: c, method: "GET", url: "/quiz/nope", status: 404, contains: []string{"Page not found", "Back to the quizzes"}},
		{name: "an unknown attempt is a 404", c: c, method: "GET", url: "/attempt/99999", status: 404},
		{name: "an attempt id that is not a number is a 404", c: c, method: "GET", url: "/attempt/x'1", status: 404},
		{name: "another student's attempt is a 404", c: c, method: "GET", url: otherAttempt, status: 404},
		{name: "the attempt shows article and every question", c: c, method: "GET", url: attempt, status: 200,
			contains: []string{"The Nile is the longest river in Africa.", "Which river is the longest in Africa?", "Match the river to its continent.", `name="_csrf"`, "of 7 answered"}},
		{name: "a post without a CSRF token is refused", c: c, method: "POST", url: attempt + "/answer", form: url.Values{"_csrf": {"forged"}, "save": {"1"}, "a1": {"1"}}, status: 403, contains: []string{"This form has expired"}},
		{name: "an empty answer is refused with a message", c: c, method: "POST", url: attempt + "/answer", form: answerForm(ids[quizzes.ShortAnswer], "answer", "  "), status: 422, contains: []string{"Write an answer before saving."}},
		{name: "a choice that does not exist is refused", c: c, method: "POST", url: attempt + "/answer", form: answerForm(ids[quizzes.MultipleChoice], "answer", "999999"), status: 422, contains: []string{"not one of this question"}},
		{name: "a number question refuses words", c: c, method: "POST", url: attempt + "/answer", form: answerForm(ids[quizzes.Numerical], "answer", "two"), status: 422, contains: []string{"Write a number", `value="two"`, "Not saved yet"}},
		{name: "a question of another quiz is refused", c: c, method: "POST", url: attempt + "/answer", form: answerForm(draft.Questions[0], "answer", "1"), status: 422, contains: []string{"not in this quiz"}},
		{name: "a result before finishing sends back to the attempt", c: c, method: "GET", url: attempt + "/result", status: 303},
		{name: "a script's answer gets the question's HTML back", c: c, method: "POST", url: attempt + "/answer", form: answerForm(ids[quizzes.MultipleChoice], "answer", "1"), headers: []string{"X-Requested-With", "fetch"}, status: 200, contains: []string{"data-question", "Saved"}, notContains: []string{"<html"}},
		{name: "the health check answers", c: c, method: "GET", url: "/healthz", status: 200, contains: []string{"ok"}},
		{name: "the stylesheet is served", c: c, method: "GET", url: "/static/app.css", status: 200, contains: []string{".reading"}},
		{name: "history lists the attempt in progress", c: c, method: "GET", url: "/me", status: 200, contains: []string{"Rivers of the world", "in progress"}},
	} {
		t.Run(sc.name, func(t *testing.T) {
			var r response
			if sc.method == "GET" {
				r = sc.c.get(sc.url)
			} else {
				r = sc.c.post(sc.url, sc.form, sc.headers...)
			}
			if r.status != sc.status {
				t.Fatalf("status = %d, want %d; body: %.300s", r.status, sc.status, r.body)
			}
			for _, s := range sc.contains {
				if !strings.Contains(r.body, s) {
					t.Errorf("body does not contain %q: %s", s, r.body)
				}
			}
			for _, s := range append(sc.notContains, "goroutine", "sql:", "SQLITE", "runtime error") {
				if strings.Contains(r.body, s) {
					t.Errorf("body contains %q", s)
				}
			}
		})
	}
}

func TestStartAsksForAName(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	c.get("/quiz/" + q.Slug)
	r := c.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {"   "}})
	if r.status != 422 || !strings.Contains(r.body, "Please give your name") {
		t.Errorf("blank name: status %d, want 422 with a message", r.status)
	}
	if _, ok := c.cookies[studentCookie]; ok {
		t.Error("a student cookie was set for a blank name")
	}
	r = c.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {strings.Repeat("x", 61)}})
	if r.status != 422 || !strings.Contains(r.body, "under 60 characters") {
		t.Errorf("long name: status %d, want 422 with a message", r.status)
	}
}

func TestFeedbackNowLocksTheAnswerAndShowsEvidence(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{Feedback: quizzes.FeedbackNow})
	c := ta.client()
	attempt := startAs(t, c, q.Slug, "Ada")
	mc := q.Questions[0]
	if r := c.post(attempt+"/answer", answerForm(mc, "answer", "0")); r.status != 303 {
		t.Fatalf("answer: status %d, want 303", r.status)
	}
	r := c.get(attempt)
	card := r.doc.Find("#q1")
	if !strings.Contains(card.Text(), "Not right") || !strings.Contains(card.Text(), "Answer: Nile") {
		t.Errorf("feedback missing from the answered question: %q", card.Text())
	}
	if _, locked := card.Find("fieldset").Attr("disabled"); !locked {
		t.Error("the answered question's fieldset is not disabled")
	}
	if r.doc.Find("mark#ev1").Length() != 1 {
		t.Error("the evidence is not marked in the article")
	}
	r = c.post(attempt+"/answer", answerForm(mc, "answer", "1"))
	if r.status != 422 || !strings.Contains(r.body, "already answered") {
		t.Errorf("second answer: status %d, want 422 already answered", r.status)
	}
}

func TestTimeLimitHandsTheAttemptIn(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{TimeLimit: time.Minute})
	c := ta.client()
	attempt := startAs(t, c, q.Slug, "Ada")
	id, _ := strconv.ParseInt(strings.TrimPrefix(attempt, "/attempt/"), 10, 64)
	// Two minutes later by the app's clock.
	ta.app = New(ta.store, nopLog(), nil, Config{Clock: func() time.Time { return time.Now().Add(2 * time.Minute) }})
	r := c.post(attempt+"/answer", answerForm(q.Questions[0], "answer", "1"))
	if r.status != 409 || !strings.Contains(r.body, "Time is up") || r.doc.Find(`a[href="`+attempt+`/result"]`).Length() != 1 {
		t.Errorf("late answer: status %d, want 409 time is up with a link to the score", r.status)
	}
	a, _ := ta.store.Attempt(context.Background(), id)
	if !a.Submitted() {
		t.Error("the attempt was not handed in when its time ran out")
	}
}

func TestPracticeShowsMissedQuestionsAndChangesNoScore(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	attempt := startAs(t, c, q.Slug, "Ada")
	mc, tf := q.Questions[0], q.Questions[1]
	c.post(attempt+"/answer", answerForm(mc, "answer", "0")) // wrong
	c.post(attempt+"/answer", answerForm(tf, "answer", "1")) // right
	finishAttempt(t, c, attempt, nil)
	before, _ := ta.store.StudentAttempts(context.Background(), 1)

	r := c.get("/practice")
	items := r.doc.Find("section.question")
	if items.Length() != len(q.Questions)-1 {
		t.Errorf("practice lists %d questions, want %d (all but the one answered right)", items.Length(), len(q.Questions)-1)
	}
	if strings.Contains(items.Text(), tf.Prompt) {
		t.Error("practice lists a question answered right")
	}
	r = c.post("/practice", answerForm(mc, "answer", "1"))
	card := r.doc.Find("#q1")
	if r.status != 200 || !strings.Contains(card.Text(), "Right") || !strings.Contains(card.Text(), "The Nile is the longest river in Africa.") {
		t.Errorf("checking a practice answer: status %d, card %q", r.status, card.Text())
	}
	r = c.post("/practice", answerForm(mc, "answer"))
	if r.status != 422 || !strings.Contains(r.body, "Choose an answer") {
		t.Errorf("an empty practice answer: status %d", r.status)
	}
	after, _ := ta.store.StudentAttempts(context.Background(), 1)
	if after[0].Score != before[0].Score {
		t.Errorf("practice changed the score from %v to %v", before[0].Score, after[0].Score)
	}
	if r := ta.client().get("/practice"); r.status != 200 || !strings.Contains(r.body, "Nothing to practise") {
		t.Errorf("practice for a new visitor: status %d", r.status)
	}
}

func TestAFailingDatabaseGivesAFriendlyPage(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	startAs(t, c, q.Slug, "Ada")
	ta.store.Close()
	if r := c.get("/healthz"); r.status != 503 {
		t.Errorf("/healthz with the database closed: status %d, want 503", r.status)
	}
	for _, path := range []string{"/", "/quiz/" + q.Slug, "/me"} {
		r := c.get(path)
		if r.status < 500 || !strings.Contains(r.body, "Your saved answers are safe") {
			t.Errorf("%s with the database closed: status %d, want 5xx", path, r.status)
		}
		for _, leak := range []string{"sql", "database is closed", "goroutine", "db:"} {
			if strings.Contains(strings.ToLower(r.body), leak) {
				t.Errorf("%s shows %q: %.200s", path, leak, r.body)
			}
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	ta := newTestApp(t)
	r := ta.client().get("/")
	for header, want := range map[string]string{
		"Content-Security-Policy": "script-src 'self'",
		"X-Frame-Options":         "DENY",
		"X-Content-Type-Options":  "nosniff",
		"Referrer-Policy":         "same-origin",
	} {
		if got := r.header.Get(header); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want it to contain %q", header, got, want)
		}
	}
}

// Every answer on the page travels with Finish: one typed into another
// question, never saved by its own button, is stored too.
func TestFinishStoresEveryAnswerOnThePage(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	attempt := startAs(t, c, q.Slug, "Ada")
	form := answerForm(q.Questions[2], "answer", "Seine")
	for k, v := range answerForm(q.Questions[5], "answer", "2") {
		form[k] = v
	}
	form.Del("save")
	finishAttempt(t, c, attempt, form)
	id, _ := strconv.ParseInt(strings.TrimPrefix(attempt, "/attempt/"), 10, 64)
	rs, _ := ta.store.Responses(context.Background(), id)
	if rs[q.Questions[2].ID].Given.Text != "Seine" || rs[q.Questions[5].ID].Given.Text != "2" || len(rs) != 2 {
		t.Errorf("after finishing, the answers are %+v; want Seine and 2", rs)
	}
	// a bad answer keeps the student on the quiz with what they typed
	c2 := ta.client()
	attempt2 := startAs(t, c2, q.Slug, "Bo")
	bad := answerForm(q.Questions[5], "answer", "two")
	bad.Del("save")
	r := c2.post(attempt2+"/finish", bad)
	if r.status != 422 || r.doc.Find(`#q6 input[value="two"]`).Length() != 1 || !strings.Contains(r.body, "Write a number") {
		t.Errorf("finishing with a word for a number: status %d, want 422 with the word kept", r.status)
	}
}

// Switching student ends the student's identity in this browser: the
// cookie goes, the old token names nobody, and the answers stay.
func TestSwitchStudentEndsTheSession(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	attempt := startAs(t, c, q.Slug, "Ana Lopez")
	c.post(attempt+"/answer", answerForm(q.Questions[2], "answer", "Seine"))
	old := c.cookies[studentCookie]
	if home := c.get("/"); home.doc.Find("form.switch button").Text() != "Not you? Switch student" {
		t.Fatalf("the header has no switch for a known student")
	}
	r := c.post("/student/switch", nil)
	if r.status != 303 || r.location != "/" {
		t.Fatalf("switch: status %d location %q, want 303 to /", r.status, r.location)
	}
	if _, kept := c.cookies[studentCookie]; kept {
		t.Error("the student cookie is still set")
	}
	home := c.get("/")
	if !strings.Contains(home.doc.Find(".notice").Text(), "Ana Lopez is no longer taking quizzes") || home.doc.Find("header .who").Length() != 0 {
		t.Errorf("after switching the home page says %q", home.doc.Find(".notice").Text())
	}
	if r := c.get(attempt); r.status != 404 {
		t.Errorf("the previous student's attempt: status %d, want 404", r.status)
	}
	thief := ta.client()
	thief.cookies[studentCookie] = old
	if r := thief.get(attempt); r.status != 404 {
		t.Errorf("the old token still opens the attempt: status %d", r.status)
	}
	id, _ := strconv.ParseInt(strings.TrimPrefix(attempt, "/attempt/"), 10, 64)
	if rs, _ := ta.store.Responses(context.Background(), id); rs[q.Questions[2].ID].Given.Text != "Seine" {
		t.Errorf("the answer was lost: %+v", rs)
	}
}
