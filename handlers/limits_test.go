package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

func TestEditorRefusesNumbersThatAreNotNumbers(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ada", quizzes.RoleTeacher)
	q, err := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Mine", OwnerID: u.ID,
		Questions: []quizzes.Question{{Kind: quizzes.Essay, Prompt: "Why?", Points: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	quizURL := fmt.Sprintf("/teach/quiz/%d", q.ID)
	edit := fmt.Sprintf("%s/question/%d", quizURL, q.Questions[0].ID)
	for _, points := range []string{"NaN", "nan", "Inf", "-Inf", "+Inf", "1e308", "1.7e308", "101", "-1"} {
		t.Run("new question with points "+points, func(t *testing.T) {
			c.get(quizURL + "/question/new?kind=essay")
			r := c.post(quizURL+"/question/new", url.Values{"kind": {"essay"}, "prompt": {"Why?"}, "points": {points}})
			if r.status != 422 || !strings.Contains(r.body, "Points must be a number from 0 to 100") {
				t.Errorf("status %d, want 422 with a message", r.status)
			}
		})
		t.Run("edited question with points "+points, func(t *testing.T) {
			c.get(edit)
			r := c.post(edit, url.Values{"prompt": {"Why?"}, "points": {points}})
			if r.status != 422 || !strings.Contains(r.body, "Points must be a number from 0 to 100") {
				t.Errorf("status %d, want 422 with a message", r.status)
			}
		})
	}
	t.Run("a prompt longer than imports allow", func(t *testing.T) {
		c.get(edit)
		r := c.post(edit, url.Values{"prompt": {strings.Repeat("x", quizzes.MaxPromptRunes+1)}, "points": {"1"}})
		if r.status != 422 || !strings.Contains(r.body, "longer than") {
			t.Errorf("status %d, want 422 with a message", r.status)
		}
	})
	after, err := ta.store.Quiz(context.Background(), q.ID)
	if err != nil || len(after.Questions) != 1 || after.Questions[0].Points != 1 {
		t.Errorf("the quiz changed: %+v, %v", after.Questions, err)
	}
}

func TestImportRefusesATitleLongerThanTheEditors(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("ada", quizzes.RoleTeacher)
	c.get("/teach/import")
	r := c.post("/teach/import", url.Values{"title": {strings.Repeat("t", 1<<20)}, "action": {"import"},
		"content": {"Q?\nA. x\nB. y\nANSWER: A\n"}})
	if r.status != 422 || !strings.Contains(r.body, "title") {
		t.Errorf("a 1 MB title: status %d, want 422 with a message", r.status)
	}
	c.get("/teach/import")
	r = c.post("/teach/import", url.Values{"action": {"import"}, "format": {"json"}, "content": {`{"questions":[]}`}})
	if r.status != 422 || !strings.Contains(r.body, "no questions") {
		t.Errorf("an empty set: status %d, want 422 with a message", r.status)
	}
}
