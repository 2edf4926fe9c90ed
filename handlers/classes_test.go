package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// leaks are texts no page may show, whatever the input.
var leaks = []string{"goroutine", "sql:", "SQLITE", "runtime error", "constraint"}

func checkNoLeak(t *testing.T, r response) {
	t.Helper()
	for _, s := range leaks {
		if strings.Contains(r.body, s) {
			t.Errorf("page shows %q", s)
		}
	}
}

// ownedQuiz is a copy of the fixture quiz's questions owned by u.
func (ta *testApp) ownedQuiz(title string, u quizzes.User, status quizzes.Status) quizzes.Quiz {
	ta.t.Helper()
	ctx := context.Background()
	base := ta.fixtureQuiz(quizzes.Settings{})
	q, err := ta.store.CreateQuiz(ctx, quizzes.Quiz{Title: title, OwnerID: u.ID, Status: status, ArticleID: base.ArticleID, Questions: base.Questions})
	if err != nil {
		ta.t.Fatal(err)
	}
	if err := ta.store.DeleteQuiz(ctx, base.ID); err != nil {
		ta.t.Fatal(err)
	}
	return q
}

// TestClassRoutesAccess walks every class route as an anonymous visitor,
// as a student, as another teacher, as the owner and as an admin.
func TestClassRoutesAccess(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	admin, _ := ta.teacher("admin", quizzes.RoleAdmin)
	mine := ta.ownedQuiz("Owner's quiz", ownerUser, quizzes.Published)
	cl, err := ta.store.CreateClass(context.Background(), "Owner's class", ownerUser.ID)
	if err != nil {
		t.Fatal(err)
	}
	student := ta.client()
	startAs(t, student, mine.Slug, "Stu")
	anon := ta.client()
	anon.get("/login")

	classURL := fmt.Sprintf("/teach/class/%d", cl.ID)
	routes := []struct {
		method, url string
		form        url.Values
		ownerStatus int
	}{
		{"GET", "/teach/classes", nil, 200},
		{"POST", "/teach/classes", url.Values{"name": {"New class"}}, 303},
		{"GET", classURL, nil, 200},
		{"POST", classURL + "/rename", url.Values{"name": {"Renamed class"}}, 303},
		{"POST", classURL + "/code", nil, 303},
		{"POST", classURL + "/quizzes", url.Values{"quiz": {fmt.Sprint(mine.ID)}}, 303},
		{"POST", classURL + "/delete", url.Values{"confirm": {"yes"}}, 303},
	}
	for _, r := range routes {
		for _, who := range []struct {
			name   string
			c      *client
			status int
		}{
			{"anonymous", anon, 303},
			{"student", student, 303},
			{"other teacher", other, 404},
			{"admin", admin, r.ownerStatus},
			{"owner", owner, r.ownerStatus},
		} {
			if r.url == "/teach/classes" && who.name == "other teacher" {
				who.status = r.ownerStatus // their own list and their own new class
			}
			if r.url == classURL+"/delete" && who.name == "admin" {
				continue // the owner deletes it last
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
				if who.status == 303 && (who.name == "anonymous" || who.name == "student") && !strings.HasPrefix(res.location, "/login") {
					t.Errorf("redirect to %q, want /login", res.location)
				}
				checkNoLeak(t, res)
			})
		}
	}
	if _, err := ta.store.Class(context.Background(), cl.ID); err == nil {
		t.Error("the owner's delete did not remove the class")
	}
	for _, u := range []string{"/teach/class/x'1", "/teach/class/99999", "/teach/class/99999/rename"} {
		if r := owner.get(u); r.status != 404 {
			t.Errorf("GET %s: status %d, want 404", u, r.status)
		}
	}
}

func TestTeacherRunsAClass(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ms-jones", quizzes.RoleTeacher)
	_, otherUser := ta.teacher("mr-smith", quizzes.RoleTeacher)
	pub := ta.ownedQuiz("Rivers, published", u, quizzes.Published)
	draft := ta.ownedQuiz("Mountains, draft", u, quizzes.Draft)
	notMine := ta.ownedQuiz("Smith's quiz", otherUser, quizzes.Published)
	ctx := context.Background()

	c.get("/teach/classes")
	for _, bad := range []struct{ name, want string }{
		{"   ", "Give the class a name"},
		{strings.Repeat("x", 81), "under 80 characters"},
		{"bell\x07", "cannot be shown"},
	} {
		r := c.post("/teach/classes", url.Values{"name": {bad.name}})
		if r.status != 422 || !strings.Contains(r.body, bad.want) {
			t.Errorf("name %q: status %d, want 422 with %q", bad.name, r.status, bad.want)
		}
	}
	if rows, _ := ta.store.TeacherClasses(ctx, u); len(rows) != 0 {
		t.Fatalf("bad names made %d classes", len(rows))
	}
	r := c.post("/teach/classes", url.Values{"name": {"  9B   English "}})
	if r.status != 303 || !strings.HasPrefix(r.location, "/teach/class/") {
		t.Fatalf("create: %d to %q, want 303 to the class page", r.status, r.location)
	}
	classURL := strings.SplitN(r.location, "?", 2)[0]
	rows, _ := ta.store.TeacherClasses(ctx, u)
	if len(rows) != 1 || rows[0].Name != "9B English" {
		t.Fatalf("classes after create: %+v", rows)
	}
	cl := rows[0].Class

	r = c.get(r.location)
	if got := strings.TrimSpace(r.doc.Find(".join-code").Text()); got != quizzes.FormatJoinCode(cl.JoinCode) {
		t.Errorf("big code = %q, want %q", got, quizzes.FormatJoinCode(cl.JoinCode))
	}
	if !strings.Contains(r.doc.Find(".notice").Text(), "Class created") {
		t.Error("no notice after creating the class")
	}
	if n := r.doc.Find(`input[name="quiz"]`).Length(); n != 2 {
		t.Errorf("%d quizzes to tick, want the teacher's 2", n)
	}
	if list := c.get("/teach/classes"); !strings.Contains(list.doc.Find("table").Text(), quizzes.FormatJoinCode(cl.JoinCode)) {
		t.Error("the class list does not show the code")
	}

	t.Run("quizzes are assigned and unassigned with checkboxes", func(t *testing.T) {
		r := c.post(classURL+"/quizzes", url.Values{"quiz": {fmt.Sprint(pub.ID), fmt.Sprint(draft.ID)}})
		if r.status != 303 {
			t.Fatalf("assign: status %d", r.status)
		}
		page := c.get(classURL)
		if n := page.doc.Find(`input[name="quiz"][checked]`).Length(); n != 2 {
			t.Errorf("%d ticked after assigning two", n)
		}
		for _, bad := range [][]string{{fmt.Sprint(notMine.ID)}, {"abc"}, {fmt.Sprint(pub.ID), "99999"}} {
			r := c.post(classURL+"/quizzes", url.Values{"quiz": bad})
			if r.status != 422 || !strings.Contains(r.body, "not one you can give") {
				t.Errorf("assign %v: status %d, want 422 with a message", bad, r.status)
			}
			checkNoLeak(t, r)
		}
		if got, _ := ta.store.ClassQuizzes(ctx, cl.ID); len(got) != 2 {
			t.Errorf("refused assignments changed the class: %d quizzes, want 2", len(got))
		}
		c.post(classURL+"/quizzes", url.Values{"quiz": {fmt.Sprint(pub.ID)}})
		if got, _ := ta.store.ClassQuizzes(ctx, cl.ID); len(got) != 1 || got[0].ID != pub.ID {
			t.Errorf("after unticking the draft: %+v", got)
		}
	})

	t.Run("a blank new name is refused and changes nothing", func(t *testing.T) {
		r := c.post(classURL+"/rename", url.Values{"name": {" "}})
		if r.status != 422 || !strings.Contains(r.doc.Find(".field-error").Text(), "Give the class a name") {
			t.Errorf("status %d, want 422 with the message by the form", r.status)
		}
		if got, _ := ta.store.Class(ctx, cl.ID); got.Name != "9B English" {
			t.Errorf("name is now %q", got.Name)
		}
		if r := c.post(classURL+"/rename", url.Values{"name": {"9B English (set 2)"}}); r.status != 303 {
			t.Errorf("rename: status %d", r.status)
		}
		if got, _ := ta.store.Class(ctx, cl.ID); got.Name != "9B English (set 2)" {
			t.Errorf("name is %q after renaming", got.Name)
		}
	})

	t.Run("a new code replaces the old one", func(t *testing.T) {
		r := c.post(classURL+"/code", nil)
		got, _ := ta.store.Class(ctx, cl.ID)
		if r.status != 303 || got.JoinCode == cl.JoinCode {
			t.Fatalf("new code: status %d, code %q (was %q)", r.status, got.JoinCode, cl.JoinCode)
		}
		page := c.get(r.location)
		notice := page.doc.Find(".notice").Text()
		if !strings.Contains(notice, quizzes.FormatJoinCode(got.JoinCode)) || !strings.Contains(notice, quizzes.FormatJoinCode(cl.JoinCode)) {
			t.Errorf("notice %q does not name the new and old codes", notice)
		}
	})

	t.Run("deleting needs the box ticked", func(t *testing.T) {
		r := c.post(classURL+"/delete", nil)
		if r.status != 422 || !strings.Contains(r.body, "Tick the box") {
			t.Errorf("unconfirmed delete: status %d, want 422", r.status)
		}
		if _, err := ta.store.Class(ctx, cl.ID); err != nil {
			t.Fatal("the unconfirmed delete removed the class")
		}
		r = c.post(classURL+"/delete", url.Values{"confirm": {"yes"}})
		if r.status != 303 || !strings.HasPrefix(r.location, "/teach/classes") {
			t.Errorf("delete: %d to %q", r.status, r.location)
		}
		if _, err := ta.store.Class(ctx, cl.ID); err == nil {
			t.Error("the class is still there")
		}
	})
}

func TestTheTeacherNavLinksToClasses(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("t1", quizzes.RoleTeacher)
	if c.get("/teach").doc.Find(`header nav a[href="/teach/classes"]`).Length() != 1 {
		t.Error("the teacher's navigation has no Classes link")
	}
}

func TestAnAdminGivesAnyQuizAndTheOwnerCanTakeItAway(t *testing.T) {
	ta := newTestApp(t)
	jones, ju := ta.teacher("jones", quizzes.RoleTeacher)
	admin, _ := ta.teacher("root", quizzes.RoleAdmin)
	_, su := ta.teacher("smith", quizzes.RoleTeacher)
	smiths := ta.ownedQuiz("Smith's quiz", su, quizzes.Published)
	ctx := context.Background()
	cl, _ := ta.store.CreateClass(ctx, "Jones's class", ju.ID)
	classURL := fmt.Sprintf("/teach/class/%d", cl.ID)

	page := admin.get(classURL)
	if !strings.Contains(page.doc.Find(".class-head .meta").Text(), "owned by jones") {
		t.Errorf("the admin is not told whose class it is: %q", page.doc.Find(".class-head .meta").Text())
	}
	if r := admin.post(classURL+"/quizzes", url.Values{"quiz": {fmt.Sprint(smiths.ID)}}); r.status != 303 {
		t.Fatalf("admin assigns another teacher's quiz: status %d", r.status)
	}
	page = jones.get(classURL)
	if page.doc.Find(fmt.Sprintf(`input[name="quiz"][value="%d"][checked]`, smiths.ID)).Length() != 1 {
		t.Error("the owner does not see the quiz the admin gave, ticked")
	}
	if strings.Contains(page.doc.Find(".class-head .meta").Text(), "owned by") {
		t.Error("the owner is told the class is owned by someone")
	}
	if r := jones.post(classURL+"/quizzes", nil); r.status != 303 {
		t.Fatalf("owner unticks everything: status %d", r.status)
	}
	if got, _ := ta.store.ClassQuizzes(ctx, cl.ID); len(got) != 0 {
		t.Errorf("%d quizzes left after the owner took them away", len(got))
	}
	if r := jones.post(classURL+"/quizzes", url.Values{"quiz": {fmt.Sprint(smiths.ID)}}); r.status != 422 {
		t.Errorf("owner gives another teacher's quiz back: status %d, want 422", r.status)
	}
	list := admin.get("/teach/classes")
	if !strings.Contains(list.doc.Find("table").Text(), "jones") {
		t.Error("the admin's class list has no owner column")
	}
}
