package handlers

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate"
	"quiztrainer/views"
)

// rightAnswer returns the form values that answer q correctly.
func rightAnswer(q quizzes.Question) (string, []string) {
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		var idx []string
		for i, c := range q.Choices {
			if c.Correct {
				idx = append(idx, strconv.Itoa(i))
			}
		}
		return "answer", idx
	case quizzes.Matching:
		var m []string
		for _, p := range quizzes.MatchingPairs(q.Choices) {
			m = append(m, p.Match)
		}
		return "match", m
	}
	return "answer", []string{q.Keys()[0]}
}

// answerValue is the answer that field and values (as rightAnswer and
// wrongAnswer give them) make for q.
func answerValue(q quizzes.Question, field string, values []string) quizzes.Answer {
	return formAnswer(q, answerForm(q, field, values...))
}

// formAnswer is the answer a form gives to q, read as the server reads it.
func formAnswer(q quizzes.Question, form url.Values) quizzes.Answer {
	var a quizzes.Answer
	for _, v := range form[views.AnswerField(q.ID)] {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil && len(q.Choices) > 0 && q.Kind != quizzes.Numerical && q.Kind != quizzes.ShortAnswer && q.Kind != quizzes.Cloze {
			a.Choices = append(a.Choices, id)
		} else {
			a.Text = v
		}
	}
	a.Pairs = form[views.MatchField(q.ID)]
	return a
}

// wrongAnswer returns form values that answer q wrongly.
func wrongAnswer(q quizzes.Question) (string, []string) {
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse:
		for i, c := range q.Choices {
			if !c.Correct {
				return "answer", []string{strconv.Itoa(i)}
			}
		}
	case quizzes.Numerical:
		return "answer", []string{"-987654321"}
	}
	return "answer", []string{"zzz certainly not the answer"}
}

// TestWholeStudentPath takes the bundled sample quiz over HTTP as a student
// with plain forms, then restarts on the same database file and checks that
// the rows and the result are still there.
func TestWholeStudentPath(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	gen, _ := generate.New()
	made, err := SeedSample(ctx, ta.store, gen)
	if err != nil || !made {
		t.Fatalf("SeedSample = %v, %v; want a sample quiz", made, err)
	}
	if again, _ := SeedSample(ctx, ta.store, gen); again {
		t.Fatal("SeedSample made a second sample quiz on a database that has one")
	}
	c := ta.client()

	home := c.get("/")
	link, ok := home.doc.Find(".card h2 a").Attr("href")
	if home.status != 200 || !ok {
		t.Fatalf("home: status %d, no quiz link", home.status)
	}
	intro := c.get(link)
	if intro.doc.Find("input#display_name").Length() != 1 {
		t.Fatalf("the quiz page does not ask a new student's name")
	}
	slug := strings.TrimPrefix(link, "/quiz/")
	start := c.post(link+"/start", url.Values{"display_name": {"Ada Lovelace"}})
	if start.status != 303 {
		t.Fatalf("start: status %d, want 303", start.status)
	}
	attemptURL := start.location
	page := c.get(attemptURL)
	if !strings.Contains(page.body, "Pyongyang") {
		t.Error("the attempt page does not show the article")
	}
	quiz, err := ta.store.QuizBySlug(ctx, slug)
	if err != nil {
		t.Fatal(err)
	}
	if n := page.doc.Find("[data-question]").Length(); n != len(quiz.Questions) || n == 0 {
		t.Fatalf("the page shows %d questions, the quiz has %d", n, len(quiz.Questions))
	}
	kinds := map[quizzes.Kind]int{}
	want := 0.0
	answered := 0
	page.doc.Find("[data-question]").Each(func(i int, s *goquery.Selection) {
		qid, _ := strconv.ParseInt(s.AttrOr("data-question", ""), 10, 64)
		var q quizzes.Question
		for _, cand := range quiz.Questions {
			if cand.ID == qid {
				q = cand
			}
		}
		if q.ID == 0 {
			t.Fatalf("question %d on the page is not in the quiz", qid)
		}
		kinds[q.Kind]++
		field, values := rightAnswer(q)
		if i%3 == 2 {
			field, values = wrongAnswer(q)
		}
		form := answerForm(q, field, values...)
		// Sending an answer twice must keep one row.
		for range 2 {
			if r := c.post(attemptURL+"/answer", form); r.status != 303 {
				t.Fatalf("answer to %q: status %d, want 303: %.300s", q.Prompt, r.status, r.body)
			}
		}
		want += quizzes.Grade(q, formAnswer(q, form)).Points
		answered++
	})
	if len(kinds) < 2 {
		t.Errorf("the sample quiz has only the kinds %v; want a mix", kinds)
	}
	fin := finishAttempt(t, c, attemptURL, nil)
	if fin.status != 303 || fin.location != attemptURL+"/result" {
		t.Fatalf("finish: status %d location %q", fin.status, fin.location)
	}
	result := c.get(fin.location)
	wantLine := fmt.Sprintf("%s / %s points", pts(want), pts(quiz.MaxScore()))
	if !strings.Contains(result.body, wantLine) {
		t.Errorf("result page lacks %q", wantLine)
	}
	if n := result.doc.Find(".review > li").Length(); n != len(quiz.Questions) {
		t.Errorf("result reviews %d questions, want %d", n, len(quiz.Questions))
	}
	if result.doc.Find(".review .evidence").Length() == 0 || result.doc.Find(".article mark").Length() == 0 {
		t.Error("the result page shows no evidence from the article")
	}

	// Restart: close the store, open the file again with a new app; the
	// same browser sees the same result, and the rows are all there.
	ta.store.Close()
	store, err := db.Open(ctx, ta.path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ta.store = store
	ta.app = New(store, slog.New(slog.NewTextHandler(io.Discard, nil)), gen, Config{})
	again := c.get(fin.location)
	if again.status != 200 || !strings.Contains(again.body, wantLine) {
		t.Errorf("after a restart the result page is %d without %q", again.status, wantLine)
	}
	id, _ := strconv.ParseInt(strings.TrimPrefix(attemptURL, "/attempt/"), 10, 64)
	a, err := store.Attempt(ctx, id)
	if err != nil || !a.Submitted() || a.Score != want {
		t.Errorf("stored attempt = %+v, %v; want submitted with score %v", a, err, want)
	}
	responses, err := store.Responses(ctx, id)
	if err != nil || len(responses) != answered {
		t.Errorf("stored %d responses (%v), want %d, one per question", len(responses), err, answered)
	}
}

func pts(v float64) string {
	return strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 2, 64), "0"), ".")
}
