package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
)

// browser is one student's browser: cookies, the form token of the last
// page, and what the quiz form holds.
type browser struct {
	base    string
	http    *http.Client
	token   string
	rec     *recorder
	attempt string // "/attempt/ID"
	form    url.Values
}

func newBrowser(base string, rec *recorder) *browser {
	jar, _ := cookiejar.New(nil)
	// Each browser keeps its own connection open between requests, as a
	// browser does, so that the server holds one per student.
	transport := &http.Transport{MaxIdleConnsPerHost: 1, IdleConnTimeout: 120 * time.Second}
	return &browser{base: base, rec: rec, form: url.Values{}, http: &http.Client{Jar: jar, Transport: transport, Timeout: 60 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// response is what came back for one request.
type response struct {
	status   int
	location string
	body     []byte
}

// do sends one request, timing it under kind, and counts as an error any
// status other than want.
func (b *browser) do(kind, method, path string, form url.Values, want int) (response, error) {
	var body io.Reader
	if form != nil {
		form.Set("_csrf", b.token)
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, b.base+path, body)
	if err != nil {
		return response{}, err
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	start := time.Now()
	res, err := b.http.Do(req)
	if err != nil {
		b.rec.fail(kind, err)
		return response{}, err
	}
	data, err := io.ReadAll(res.Body)
	res.Body.Close()
	elapsed := time.Since(start)
	if err != nil {
		b.rec.fail(kind, err)
		return response{}, err
	}
	r := response{status: res.StatusCode, location: res.Header.Get("Location"), body: data}
	if r.status != want {
		err := fmt.Errorf("%s %s: status %d, want %d", method, path, r.status, want)
		b.rec.fail(kind, err)
		return r, err
	}
	b.rec.ok(kind, elapsed)
	return r, nil
}

// page GETs an HTML page and keeps its form token.
func (b *browser) page(kind, path string) (*goquery.Document, error) {
	r, err := b.do(kind, http.MethodGet, path, nil, http.StatusOK)
	if err != nil {
		return nil, err
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(r.body))
	if err != nil {
		return nil, err
	}
	if t, ok := doc.Find(`input[name="_csrf"]`).Attr("value"); ok {
		b.token = t
	}
	return doc, nil
}

// start opens the quiz's start page, gives a name and lands on the new
// attempt's page, whose questions it returns.
func (b *browser) start(slug, name string) ([]question, error) {
	if _, err := b.page("intro", "/quiz/"+slug); err != nil {
		return nil, err
	}
	r, err := b.do("start", http.MethodPost, "/quiz/"+slug+"/start", url.Values{"display_name": {name}}, http.StatusSeeOther)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(r.location, "/attempt/") {
		return nil, fmt.Errorf("start: sent to %q, not an attempt", r.location)
	}
	b.attempt = r.location
	doc, err := b.page("attempt", b.attempt)
	if err != nil {
		return nil, err
	}
	return readQuestions(doc)
}

// attemptID is the number of the browser's attempt.
func (b *browser) attemptID() int64 {
	id, _ := strconv.ParseInt(strings.TrimPrefix(b.attempt, "/attempt/"), 10, 64)
	return id
}

// answer fills question q with its n-th answer and presses its Save
// button: the whole form travels, as with a browser. It reports the answer
// the server acknowledged (303), or an error.
func (b *browser) answer(q question, n int) (quizzes.Answer, string, error) {
	given := q.fill(b.form, n)
	form := url.Values{}
	for k, v := range b.form {
		form[k] = v
	}
	form.Set("save", strconv.FormatInt(q.id, 10))
	r, err := b.do("answer", http.MethodPost, b.attempt+"/answer", form, http.StatusSeeOther)
	if err != nil {
		return given, "", err
	}
	return given, r.location, nil
}

// question is one question of the attempt page as its form shows it.
type question struct {
	id      int64
	field   string
	kind    string   // choice, multi, match or text
	values  []string // choice ids, or a matching question's options
	selects int      // a matching question's left-hand items
}

func readQuestions(doc *goquery.Document) ([]question, error) {
	var out []question
	var bad error
	doc.Find("[data-question]").Each(func(_ int, s *goquery.Selection) {
		id, err := strconv.ParseInt(s.AttrOr("data-question", ""), 10, 64)
		if err != nil {
			bad = fmt.Errorf("a question card without its id")
			return
		}
		q := question{id: id}
		radios := s.Find(`input[type="radio"]`)
		boxes := s.Find(`input[type="checkbox"]`)
		selects := s.Find("select")
		switch {
		case radios.Length() > 0:
			q.kind, q.field = "choice", radios.AttrOr("name", "")
			radios.Each(func(_ int, in *goquery.Selection) { q.values = append(q.values, in.AttrOr("value", "")) })
		case boxes.Length() > 0:
			q.kind, q.field = "multi", boxes.AttrOr("name", "")
			boxes.Each(func(_ int, in *goquery.Selection) { q.values = append(q.values, in.AttrOr("value", "")) })
		case selects.Length() > 0:
			q.kind, q.field, q.selects = "match", selects.AttrOr("name", ""), selects.Length()
			selects.First().Find("option").Each(func(_ int, o *goquery.Selection) {
				if v := o.AttrOr("value", ""); v != "" {
					q.values = append(q.values, v)
				}
			})
		default:
			in := s.Find(`input[type="text"], textarea`)
			if in.Length() == 0 {
				return // a description: nothing to answer
			}
			q.kind, q.field = "text", in.AttrOr("name", "")
		}
		out = append(out, q)
	})
	if bad == nil && len(out) == 0 {
		bad = errors.New("the attempt page shows no question to answer")
	}
	return out, bad
}

// fill puts the n-th of the question's answers in the form and returns it
// as the store keeps it. Successive n give different answers, so that each
// save changes what is stored.
func (q question) fill(form url.Values, n int) quizzes.Answer {
	switch q.kind {
	case "choice", "multi":
		v := q.values[n%len(q.values)]
		form.Set(q.field, v)
		id, _ := strconv.ParseInt(v, 10, 64)
		return quizzes.Picked(id)
	case "match":
		var pairs []string
		form.Del(q.field)
		for i := range q.selects {
			v := q.values[(n+i)%len(q.values)]
			form.Add(q.field, v)
			pairs = append(pairs, v)
		}
		return quizzes.Paired(pairs...)
	}
	v := strconv.Itoa(n + 1) // a number reads as an answer to any typed question
	form.Set(q.field, v)
	return quizzes.Typed(v)
}

func firstQuiz(base string) (string, error) {
	res, err := http.Get(base + "/")
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return "", fmt.Errorf("GET /: %s", res.Status)
	}
	doc, err := goquery.NewDocumentFromReader(res.Body)
	if err != nil {
		return "", err
	}
	href, ok := doc.Find(".card h2 a").Attr("href")
	if !ok {
		return "", errors.New("no published quiz on the home page")
	}
	return strings.TrimPrefix(href, "/quiz/"), nil
}
