package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// TestEveryTeachRouteChecksAccess reads the router's list of routes, so that
// a route added later is covered too: every route of one quiz, one class or
// one account, and the admin's pages, are 404 for a teacher with no share;
// a quiz's viewer reads its results and gets 403 on everything else of it;
// a class's co-teacher never gets a 404 for the class.
func TestEveryTeachRouteChecksAccess(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	_, ou := ta.teacher("owner", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	viewer, _ := ta.teacher("viewer", quizzes.RoleTeacher)
	co, _ := ta.teacher("co", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Guarded quiz", ou, quizzes.Published)
	by := db.Actor{UserID: ou.ID, Username: "owner"}
	must(t, ta.store.ShareQuiz(ctx, q.ID, "viewer", quizzes.ShareViewer, by))
	cl, err := ta.store.CreateClass(ctx, "Guarded class", ou.ID)
	must(t, err)
	must(t, ta.store.AddClassTeacher(ctx, cl.ID, "co", by))
	deleted, err := ta.store.DeleteQuestion(ctx, q.ID, q.Questions[1].ID)
	must(t, err)
	pupil, err := ta.store.CreateStudent(ctx, "Pupil", "tok-pupil")
	must(t, err)
	must(t, ta.store.JoinClass(ctx, pupil.ID, cl.ID))
	student := ta.client()
	attempt := startAs(t, student, q.Slug, "Grace")
	finishAttempt(t, student, attempt, nil)
	params := map[string]string{
		":qid":     fmt.Sprint(q.Questions[0].ID),
		":aid":     strings.TrimPrefix(attempt, "/attempt/"),
		":uid":     fmt.Sprint(ou.ID),
		":sid":     "00ff",
		":student": fmt.Sprint(pupil.ID),
		":did":     fmt.Sprint(deleted.ID),
	}
	fill := func(path, id string) string {
		path = strings.Replace(path, ":id", id, 1)
		for k, v := range params {
			path = strings.Replace(path, k, v, 1)
		}
		return path
	}
	seen := map[string]bool{}
	checked := 0
	for _, r := range ta.app.GetRoutes(true) {
		if (r.Method != "GET" && r.Method != "POST") || !strings.HasPrefix(r.Path, "/teach/") || seen[r.Method+r.Path] {
			continue
		}
		seen[r.Method+r.Path] = true
		var path string
		switch {
		case strings.HasPrefix(r.Path, "/teach/quiz/:id"):
			path = fill(r.Path, fmt.Sprint(q.ID))
		case strings.HasPrefix(r.Path, "/teach/class/:id"):
			path = fill(r.Path, fmt.Sprint(cl.ID))
		case strings.HasPrefix(r.Path, "/teach/teachers"), strings.HasPrefix(r.Path, "/teach/audit"):
			path = fill(r.Path, fmt.Sprint(ou.ID))
		default:
			continue // a teacher's own pages: dashboard, new quiz, import, classes, account
		}
		if strings.Contains(path, ":") {
			t.Errorf("%s %s: a parameter this test does not know; add it", r.Method, r.Path)
			continue
		}
		send := func(c *client) response {
			if r.Method == "GET" {
				return c.get(path)
			}
			c.get("/teach")
			return c.post(path, url.Values{"confirm": {"yes"}, "username": {"other"}, "role": {"admin"}, "access": {"editor"}})
		}
		checked++
		if got := send(other).status; got != 404 {
			t.Errorf("another teacher %s %s: status %d, want 404", r.Method, path, got)
		}
		if strings.HasPrefix(r.Path, "/teach/quiz/:id") {
			want := 403
			if r.Method == "GET" && strings.HasPrefix(r.Path, "/teach/quiz/:id/results") {
				want = 200
			}
			if got := send(viewer).status; got != want {
				t.Errorf("a viewer %s %s: status %d, want %d", r.Method, path, got, want)
			}
		}
		if strings.HasPrefix(r.Path, "/teach/class/:id") && r.Method == "GET" {
			if got := send(co).status; got != 200 {
				t.Errorf("a co-teacher %s %s: status %d, want 200", r.Method, path, got)
			}
		}
	}
	if checked < 30 {
		t.Errorf("checked %d routes; the router lists fewer than expected", checked)
	}
	if _, err := ta.store.Quiz(ctx, q.ID); err != nil {
		t.Errorf("the quiz is gone after others' requests: %v", err)
	}
	if shares, _ := ta.store.QuizShares(ctx, q.ID); len(shares) != 1 {
		t.Errorf("shares = %d after others' requests, want 1", len(shares))
	}
}
