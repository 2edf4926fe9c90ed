package handlers

import (
	"fmt"
	"strings"
	"testing"

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
	student.post(attempt+"/answer", answerForm(q.Questions[0].ID, "answer", "1"))
	open := startAs(t, ta.client(), elsewhere.Slug, "Alan")
	student.post(attempt+"/finish", nil)
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
