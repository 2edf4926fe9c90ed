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

// TestSharedQuizRoutesAccess walks every route of one quiz as its owner, a
// co-editor, a viewer, another teacher, an admin and an anonymous visitor:
// co-editors edit, viewers read results, others see nothing.
func TestSharedQuizRoutesAccess(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, ou := ta.teacher("owner", quizzes.RoleTeacher)
	editor, _ := ta.teacher("editor", quizzes.RoleTeacher)
	viewer, _ := ta.teacher("viewer", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	admin, _ := ta.teacher("admin", quizzes.RoleAdmin)
	_, spare := ta.teacher("spare", quizzes.RoleTeacher)
	anon := ta.client()
	anon.get("/login")
	q := ta.ownedQuiz("Shared rivers", ou, quizzes.Published)
	by := db.Actor{UserID: ou.ID, Username: "owner"}
	must(t, ta.store.ShareQuiz(ctx, q.ID, "editor", quizzes.ShareEditor, by))
	must(t, ta.store.ShareQuiz(ctx, q.ID, "viewer", quizzes.ShareViewer, by))
	student := ta.client()
	attempt := startAs(t, student, q.Slug, "Grace")
	student.post(attempt+"/answer", answerForm(q.Questions[0], "answer", "1"))
	finishAttempt(t, student, attempt, nil)
	aid := strings.TrimPrefix(attempt, "/attempt/")

	quizURL := fmt.Sprintf("/teach/quiz/%d", q.ID)
	first := fmt.Sprintf("%s/question/%d", quizURL, q.Questions[0].ID)
	last := fmt.Sprintf("%s/question/%d", quizURL, q.Questions[len(q.Questions)-1].ID)
	routes := []struct {
		method, url                         string
		form                                url.Values
		owner, editor, viewer, other, admin int
	}{
		{"GET", quizURL, nil, 200, 200, 403, 404, 200},
		{"GET", quizURL + "/export?format=gift", nil, 200, 200, 403, 404, 200},
		{"POST", quizURL + "/status", url.Values{"status": {"published"}}, 303, 303, 403, 404, 303},
		{"POST", quizURL + "/settings", url.Values{"title": {"Shared rivers"}, "feedback": {"end"}}, 303, 303, 403, 404, 303},
		{"GET", quizURL + "/question/new?kind=essay", nil, 200, 200, 403, 404, 200},
		{"POST", quizURL + "/question/new", url.Values{"kind": {"essay"}, "prompt": {"Why?"}}, 303, 303, 403, 404, 303},
		{"GET", first, nil, 200, 200, 403, 404, 200},
		{"POST", first, url.Values{"prompt": {"Which river?"}, "choice_text": {"Nile", "Congo"}, "correct": {"0"}}, 303, 303, 403, 404, 303},
		{"POST", first + "/move", url.Values{"dir": {"down"}}, 303, 303, 403, 404, 303},
		{"GET", quizURL + "/results", nil, 200, 200, 200, 404, 200},
		{"GET", quizURL + "/results/attempts.csv", nil, 200, 200, 200, 404, 200},
		{"GET", quizURL + "/results/responses.csv", nil, 200, 200, 200, 404, 200},
		{"GET", quizURL + "/results/attempt/" + aid, nil, 200, 200, 200, 404, 200},
		{"POST", quizURL + "/results/attempt/" + aid + "/mark", url.Values{"question_id": {fmt.Sprint(q.Questions[0].ID)}, "points": {"1"}}, 422, 422, 403, 404, 422},
		{"GET", quizURL + "/sharing", nil, 200, 403, 403, 404, 200},
		{"POST", quizURL + "/sharing", url.Values{"username": {"spare"}, "access": {"viewer"}}, 303, 403, 403, 404, 303},
		{"POST", fmt.Sprintf("%s/sharing/%d/remove", quizURL, spare.ID), nil, 303, 403, 403, 404, skipStatus},
		{"POST", last + "/delete", nil, skipStatus, 303, 403, 404, skipStatus},
		{"POST", quizURL + "/delete", url.Values{"confirm": {"yes"}}, 303, 403, 403, 404, skipStatus},
	}
	for _, r := range routes {
		// The owner goes last, so that a removal or deletion is tried by
		// everyone else first.
		for _, who := range []struct {
			name   string
			c      *client
			status int
		}{
			{"anonymous", anon, 303},
			{"other teacher", other, r.other},
			{"viewer", viewer, r.viewer},
			{"co-editor", editor, r.editor},
			{"admin", admin, r.admin},
			{"owner", owner, r.owner},
		} {
			if who.status == skipStatus {
				continue
			}
			t.Run(who.name+" "+r.method+" "+r.url, func(t *testing.T) {
				var res response
				if r.method == "GET" {
					res = who.c.get(r.url)
				} else {
					res = who.c.post(r.url, r.form)
				}
				if res.status != who.status {
					t.Fatalf("status = %d, want %d", res.status, who.status)
				}
				if who.status == 404 && strings.Contains(res.body, "Shared rivers") {
					t.Error("the 404 page names the quiz")
				}
				if who.name == "anonymous" && !strings.HasPrefix(res.location, "/login") {
					t.Errorf("redirect to %q, want /login", res.location)
				}
			})
		}
	}
	if _, err := ta.store.Quiz(ctx, q.ID); err == nil {
		t.Error("the owner's delete did not remove the quiz")
	}
}

func TestSharingPageAndDashboard(t *testing.T) {
	ta := newTestApp(t)
	owner, ou := ta.teacher("owner", quizzes.RoleTeacher)
	editor, _ := ta.teacher("editor", quizzes.RoleTeacher)
	viewer, _ := ta.teacher("viewer", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Shared rivers", ou, quizzes.Published)
	sharing := fmt.Sprintf("/teach/quiz/%d/sharing", q.ID)
	owner.get(sharing)
	for _, tc := range []struct {
		name     string
		form     url.Values
		status   int
		contains string
	}{
		{"an unknown name", url.Values{"username": {"nobody"}, "access": {"editor"}}, 422, "No teacher who can sign in has the username nobody."},
		{"the owner", url.Values{"username": {"owner"}, "access": {"editor"}}, 422, "owner owns this quiz already."},
		{"no access chosen", url.Values{"username": {"editor"}, "access": {"boss"}}, 422, "Choose co-editor or viewer."},
		{"a co-editor", url.Values{"username": {"editor"}, "access": {"editor"}}, 303, ""},
		{"a viewer", url.Values{"username": {"Viewer"}, "access": {"viewer"}}, 303, ""},
	} {
		r := owner.post(sharing, tc.form)
		if r.status != tc.status || !strings.Contains(r.doc.Find(".field-error").Text(), tc.contains) {
			t.Errorf("%s: status %d, error %q; want %d, %q", tc.name, r.status, r.doc.Find(".field-error").Text(), tc.status, tc.contains)
		}
	}
	list := owner.get(sharing).doc.Find("ul.shares").Text()
	if !strings.Contains(list, "editor") || !strings.Contains(list, "viewer") {
		t.Errorf("shares listed: %q", list)
	}
	r := editor.get("/teach")
	if href, _ := r.doc.Find("td a").Attr("href"); href != TeacherQuizURLForTest(q.ID) || !strings.Contains(r.doc.Find(".shared").Text(), "shared by owner: co-editor") {
		t.Errorf("co-editor's dashboard: link %q, label %q", href, r.doc.Find(".shared").Text())
	}
	r = viewer.get("/teach")
	if href, _ := r.doc.Find("td a").Attr("href"); href != TeacherQuizURLForTest(q.ID)+"/results" {
		t.Errorf("viewer's dashboard links to %q, want the results", href)
	}
	if r := editor.get(TeacherQuizURLForTest(q.ID)); r.doc.Find(`a[href$="/sharing"]`).Length() != 0 || strings.Contains(r.body, "Delete this quiz") {
		t.Error("a co-editor is offered sharing or deleting")
	}
	if r := owner.get(TeacherQuizURLForTest(q.ID)); r.doc.Find(`a[href$="/sharing"]`).Length() != 1 {
		t.Error("the owner is not offered sharing")
	}
}

// TestClassTeachers: a class's owner adds a teacher, who then sees and
// changes the class but cannot delete it or add others.
func TestClassTeachers(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, ou := ta.teacher("owner", quizzes.RoleTeacher)
	co, _ := ta.teacher("co", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	ta.teacher("third", quizzes.RoleTeacher)
	cl, err := ta.store.CreateClass(ctx, "7B", ou.ID)
	must(t, err)
	classURL := fmt.Sprintf("/teach/class/%d", cl.ID)
	owner.get(classURL)
	if r := owner.post(classURL+"/teachers", url.Values{"username": {"nobody"}}); r.status != 422 || !strings.Contains(r.body, "No teacher who can sign in") {
		t.Errorf("adding an unknown name: status %d", r.status)
	}
	if r := co.get(classURL); r.status != 404 {
		t.Fatalf("before being added: status %d, want 404", r.status)
	}
	if r := owner.post(classURL+"/teachers", url.Values{"username": {"co"}}); r.status != 303 {
		t.Fatalf("add teacher: status %d", r.status)
	}
	coID := fmt.Sprint(mustUser(t, ta, "co").ID)
	routes := []struct {
		method, url    string
		form           url.Values
		co, other, own int
	}{
		{"GET", classURL, nil, 200, 404, 200},
		{"GET", "/teach/classes", nil, 200, 200, 200},
		{"POST", classURL + "/rename", url.Values{"name": {"7B English"}}, 303, 404, 303},
		{"POST", classURL + "/code", nil, 303, 404, 303},
		{"POST", classURL + "/quizzes", nil, 303, 404, 303},
		{"POST", classURL + "/teachers", url.Values{"username": {"third"}}, 403, 404, 303},
		{"POST", classURL + "/teachers/" + coID + "/remove", nil, 403, 404, skipStatus},
		{"POST", classURL + "/delete", url.Values{"confirm": {"yes"}}, 403, 404, 303},
	}
	for _, r := range routes {
		for _, who := range []struct {
			name   string
			c      *client
			status int
		}{{"other teacher", other, r.other}, {"co-teacher", co, r.co}, {"owner", owner, r.own}} {
			if who.status == skipStatus {
				continue
			}
			var res response
			if r.method == "GET" {
				res = who.c.get(r.url)
			} else {
				res = who.c.post(r.url, r.form)
			}
			if res.status != who.status {
				t.Errorf("%s %s %s: status %d, want %d", who.name, r.method, r.url, res.status, who.status)
			}
		}
	}
	if _, err := ta.store.Class(ctx, cl.ID); err == nil {
		t.Error("the owner's delete did not remove the class")
	}
}

const skipStatus = -1

func mustUser(t *testing.T, ta *testApp, name string) quizzes.User {
	t.Helper()
	u, err := ta.store.UserByUsername(context.Background(), name)
	must(t, err)
	return u
}
