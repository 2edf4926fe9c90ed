package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
)

func TestTeacherReadsOneStudentsAttempt(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers results", ownerUser, quizzes.Published)
	elsewhere := ta.fixtureQuiz(quizzes.Settings{})

	student := ta.client()
	attempt := startAs(t, student, q.Slug, "Grace")
	student.post(attempt+"/answer", answerForm(q.Questions[0], "answer", "1"))
	open := startAs(t, ta.client(), elsewhere.Slug, "Alan")
	finishAttempt(t, student, attempt, nil)
	id := strings.TrimPrefix(attempt, "/attempt/")

	results := owner.get(fmt.Sprintf("/teach/quiz/%d/results", q.ID))
	link, ok := results.doc.Find("table.gradebook a").Attr("href")
	want := fmt.Sprintf("/teach/quiz/%d/results/attempt/%s", q.ID, id)
	if !ok || link != want {
		t.Fatalf("gradebook link = %q, want %q", link, want)
	}
	r := owner.get(link)
	if r.status != 200 || !strings.Contains(r.body, "Answers of <strong>Grace</strong>") || r.doc.Find(".review > li").Length() != len(q.Questions) {
		t.Errorf("the owner reading the attempt: status %d", r.status)
	}
	if !strings.Contains(r.doc.Find("#q1").Text(), "Your answer: Nile") {
		t.Errorf("question 1 does not show Grace's answer: %q", r.doc.Find("#q1").Text())
	}
	for _, tc := range []struct {
		name   string
		c      *client
		url    string
		status int
	}{
		{"another teacher", other, link, 404},
		{"a student", student, link, 303},
		{"an attempt of another quiz", owner, fmt.Sprintf("/teach/quiz/%d/results/attempt/%s", q.ID, strings.TrimPrefix(open, "/attempt/")), 404},
		{"an attempt id that is not a number", owner, fmt.Sprintf("/teach/quiz/%d/results/attempt/x", q.ID), 404},
	} {
		if r := tc.c.get(tc.url); r.status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, r.status, tc.status)
		}
	}
}

func TestTeacherMarksAnEssay(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	ctx := context.Background()
	q, err := ta.store.CreateQuiz(ctx, quizzes.Quiz{Title: "Essays", OwnerID: ownerUser.ID, Status: quizzes.Published,
		Questions: []quizzes.Question{
			{Kind: quizzes.TrueFalse, Prompt: "Rivers flow.", Choices: []quizzes.Choice{{Text: "True", Correct: true}, {Text: "False"}}},
			{Kind: quizzes.Essay, Prompt: "Why do rivers flood?", Points: 2},
		}})
	if err != nil {
		t.Fatal(err)
	}
	student := ta.client()
	attempt := startAs(t, student, q.Slug, "Grace")
	student.post(attempt+"/answer", answerForm(q.Questions[0], "answer", "0"))
	student.post(attempt+"/answer", answerForm(q.Questions[1], "answer", "Heavy rain and melting snow."))
	finishAttempt(t, student, attempt, nil)
	r := student.get(attempt + "/result")
	if !strings.Contains(r.body, "1 / 3 points") || !strings.Contains(r.body, "Waiting for your teacher") {
		t.Fatalf("before marking the student sees %q", r.doc.Find(".score").Text())
	}

	results := fmt.Sprintf("/teach/quiz/%d/results", q.ID)
	essayMark := func() string {
		cells := owner.get(results).doc.Find(".grid tbody td.mark")
		if cells.Length() != 2 {
			t.Fatalf("the gradebook grid has %d marks, want 2", cells.Length())
		}
		return strings.TrimSpace(cells.Eq(1).Find(".sr-only").Text())
	}
	if got := essayMark(); got != "pending" {
		t.Errorf("before marking the gradebook shows the essay as %q, want pending", got)
	}
	if r := owner.get(results); !strings.Contains(r.body, "1 of 1 answers wait for your mark") {
		t.Errorf("before marking the item analysis does not say the essay waits for a mark")
	}

	page := fmt.Sprintf("/teach/quiz/%d/results/attempt/%s", q.ID, strings.TrimPrefix(attempt, "/attempt/"))
	view := owner.get(page)
	form := view.doc.Find("form.mark-form")
	if form.Length() != 1 {
		t.Fatalf("the teacher's view has %d mark forms, want 1 (the essay)", form.Length())
	}
	action, _ := form.Attr("action")
	essay := fmt.Sprint(q.Questions[1].ID)
	for _, tc := range []struct {
		name   string
		c      *client
		form   url.Values
		status int
	}{
		{"a mark above the points", owner, url.Values{"question_id": {essay}, "points": {"3"}}, 422},
		{"a mark that is not a number", owner, url.Values{"question_id": {essay}, "points": {"good"}}, 422},
		{"a mark of NaN", owner, url.Values{"question_id": {essay}, "points": {"NaN"}}, 422},
		{"a mark of Inf", owner, url.Values{"question_id": {essay}, "points": {"-Inf"}}, 422},
		{"a mark of 1e308", owner, url.Values{"question_id": {essay}, "points": {"1e308"}}, 422},
		{"a mark for a question marked automatically", owner, url.Values{"question_id": {fmt.Sprint(q.Questions[0].ID)}, "points": {"1"}}, 422},
		{"another teacher", other, url.Values{"question_id": {essay}, "points": {"2"}}, 404},
		{"the owner", owner, url.Values{"question_id": {essay}, "points": {"1,5"}}, 303},
	} {
		if tc.c == other {
			other.get("/teach")
		}
		if res := tc.c.post(action, tc.form); res.status != tc.status {
			t.Errorf("%s: status %d, want %d", tc.name, res.status, tc.status)
		}
	}
	if got := essayMark(); got != "partly" {
		t.Errorf("after marking 1.5 of 2 the gradebook shows the essay as %q, want partly", got)
	}
	r = student.get(attempt + "/result")
	if !strings.Contains(r.body, "2.5 / 3 points") || !strings.Contains(r.body, "Marked by your teacher · 1.5 of 2 pt") {
		t.Errorf("after marking the student sees %q", r.doc.Find(".score").Text())
	}
}

// A teacher who fixes a wrong key in the editor sees the answers marked
// again, and the student's result follows.
func TestFixingAKeyRegradesTheAnswers(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	q, err := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Rivers", OwnerID: ownerUser.ID, Status: quizzes.Published,
		Questions: []quizzes.Question{
			{Kind: quizzes.MultipleChoice, Prompt: "Which river is longest?", Choices: []quizzes.Choice{{Text: "Nile"}, {Text: "Seine", Correct: true}}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	student := ta.client()
	attempt := startAs(t, student, q.Slug, "Grace")
	student.post(attempt+"/answer", answerForm(q.Questions[0], "answer", "0"))
	finishAttempt(t, student, attempt, nil)
	if r := student.get(attempt + "/result"); !strings.Contains(r.body, "0 / 1 points") {
		t.Fatalf("before the fix the student sees %q", r.doc.Find(".score").Text())
	}
	edit := fmt.Sprintf("/teach/quiz/%d/question/%d", q.ID, q.Questions[0].ID)
	// the editor's form carries each choice's id, so the answer keeps its choice
	var ids []string
	owner.get(edit).doc.Find(`input[name="choice_id"]`).Each(func(_ int, s *goquery.Selection) { ids = append(ids, s.AttrOr("value", "")) })
	if len(ids) < 2 || ids[0] != fmt.Sprint(q.Questions[0].Choices[0].ID) || ids[1] != fmt.Sprint(q.Questions[0].Choices[1].ID) {
		t.Fatalf("the editor's choice ids are %q, want those of Nile and Seine", ids)
	}
	r := owner.post(edit, url.Values{"prompt": {"Which river is longest?"}, "choice_text": {"Nile", "Seine"}, "choice_id": ids[:2], "correct": {"0"}})
	if r.status != 303 || strings.Contains(r.location, "notice") {
		t.Fatalf("saving the fixed key: status %d, location %q", r.status, r.location)
	}
	if notice := owner.get(r.location).doc.Find(".notice").Text(); !strings.Contains(notice, "the one answer to it was marked again") {
		t.Fatalf("after saving the fixed key the page says %q", notice)
	}
	if r := student.get(attempt + "/result"); !strings.Contains(r.body, "1 / 1 points") {
		t.Errorf("after the fix the student sees %q, want 1 / 1 points", r.doc.Find(".score").Text())
	}
}
