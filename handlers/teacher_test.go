package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// TestTeachRoutesAccess walks every /teach route as an anonymous visitor,
// as a student, as another teacher, as the owner and as an admin.
func TestTeachRoutesAccess(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	admin, _ := ta.teacher("admin", quizzes.RoleAdmin)
	q := ta.fixtureQuiz(quizzes.Settings{})
	mine, err := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Owner's quiz", OwnerID: ownerUser.ID, Questions: q.Questions})
	if err != nil {
		t.Fatal(err)
	}
	student := ta.client()
	startAs(t, student, q.Slug, "Stu")
	anon := ta.client()
	anon.get("/login") // a page with a form, so that its posts carry a valid CSRF token

	quizURL := fmt.Sprintf("/teach/quiz/%d", mine.ID)
	editURL := fmt.Sprintf("%s/question/%d", quizURL, mine.Questions[0].ID)
	lastURL := fmt.Sprintf("%s/question/%d", quizURL, mine.Questions[len(mine.Questions)-1].ID)
	routes := []struct {
		method, url string
		form        url.Values
		ownerStatus int
	}{
		{"GET", "/teach", nil, 200},
		{"GET", "/teach/import", nil, 200},
		{"POST", "/teach/import", url.Values{"content": {"Q?\nA. x\nB. y\nANSWER: A\n"}}, 200},
		{"GET", quizURL, nil, 200},
		{"GET", quizURL + "/export?format=gift", nil, 200},
		{"POST", quizURL + "/status", url.Values{"status": {"published"}}, 303},
		{"GET", "/teach/new", nil, 200},
		{"POST", "/teach/new", url.Values{"text": {"Too short to ask about."}}, 422},
		{"POST", quizURL + "/settings", url.Values{"title": {"Renamed"}, "feedback": {"end"}}, 303},
		{"GET", quizURL + "/question/new?kind=essay", nil, 200},
		{"POST", quizURL + "/question/new", url.Values{"kind": {"essay"}, "prompt": {"Why?"}}, 303},
		{"GET", editURL, nil, 200},
		{"POST", editURL, url.Values{"prompt": {"Which river?"}, "choice_text": {"Nile", "Congo"}, "correct": {"0"}}, 303},
		{"POST", editURL + "/move", url.Values{"dir": {"down"}}, 303},
		{"POST", lastURL + "/delete", nil, 303},
		{"POST", quizURL + "/delete", url.Values{"confirm": {"yes"}}, 303},
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
			if !strings.Contains(r.url, "/quiz/") && who.name == "other teacher" {
				who.status = r.ownerStatus // pages of one's own, not of this quiz
			}
			if (r.url == quizURL+"/delete" || r.url == lastURL+"/delete") && who.name == "admin" {
				continue // the owner deletes it
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
			})
		}
	}
	if _, err := ta.store.Quiz(context.Background(), mine.ID); err == nil {
		t.Error("the owner's delete did not remove the quiz")
	}
	if _, err := ta.store.Quiz(context.Background(), q.ID); err != nil {
		t.Error("the other quiz went with it")
	}
}

func TestDashboardShowsOnlyOwnQuizzes(t *testing.T) {
	ta := newTestApp(t)
	a, au := ta.teacher("alice", quizzes.RoleTeacher)
	b, bu := ta.teacher("bob", quizzes.RoleTeacher)
	admin, _ := ta.teacher("root", quizzes.RoleAdmin)
	q := ta.fixtureQuiz(quizzes.Settings{})
	ctx := context.Background()
	ta.store.CreateQuiz(ctx, quizzes.Quiz{Title: "Alice's algebra", OwnerID: au.ID, Questions: q.Questions})
	ta.store.CreateQuiz(ctx, quizzes.Quiz{Title: "Bob's biology", OwnerID: bu.ID, Questions: q.Questions})
	for _, tc := range []struct {
		c           *client
		has, hasNot []string
	}{
		{a, []string{"Alice's algebra"}, []string{"Bob's biology", "Rivers of the world"}},
		{b, []string{"Bob's biology"}, []string{"Alice's algebra"}},
		{admin, []string{"Alice's algebra", "Bob's biology", "Rivers of the world"}, nil},
	} {
		body := tc.c.get("/teach").doc.Find("main").Text()
		for _, s := range tc.has {
			if !strings.Contains(body, s) {
				t.Errorf("dashboard lacks %q", s)
			}
		}
		for _, s := range tc.hasNot {
			if strings.Contains(body, s) {
				t.Errorf("dashboard shows %q, which is not theirs", s)
			}
		}
	}
}

func TestLogin(t *testing.T) {
	ta := newTestApp(t)
	_, _ = ta.teacher("ada", quizzes.RoleTeacher)

	t.Run("a post without the CSRF token is refused", func(t *testing.T) {
		c := ta.client()
		r := c.do("POST", "/login", url.Values{"username": {"ada"}, "password": {"correct horse battery"}})
		if r.status != 403 {
			t.Errorf("status = %d, want 403", r.status)
		}
	})
	t.Run("a wrong password is refused without saying which part was wrong", func(t *testing.T) {
		c := ta.client()
		c.get("/login")
		r := c.post("/login", url.Values{"username": {"ada"}, "password": {"wrong password"}})
		if r.status != 401 || !strings.Contains(r.body, "username or password is not right") {
			t.Errorf("status = %d, want 401 with a message", r.status)
		}
		r = c.post("/login", url.Values{"username": {"nobody"}, "password": {"wrong password"}})
		if r.status != 401 || !strings.Contains(r.body, "username or password is not right") {
			t.Errorf("unknown user: status = %d, want the same 401", r.status)
		}
	})
	t.Run("the session is new at sign-in and gone at sign-out", func(t *testing.T) {
		c := ta.client()
		c.get("/login")
		c.cookies[sessionCookie] = "planted-by-an-attacker"
		r := c.post("/login", url.Values{"username": {"ada"}, "password": {"correct horse battery"}, "next": {"/teach/import"}})
		if r.status != 303 || r.location != "/teach/import" {
			t.Fatalf("sign in: %d to %q, want 303 to /teach/import", r.status, r.location)
		}
		if c.cookies[sessionCookie] == "planted-by-an-attacker" || c.cookies[sessionCookie] == "" {
			t.Error("the session id was not regenerated at sign-in")
		}
		if r := c.get("/teach"); r.status != 200 {
			t.Fatalf("after sign-in /teach is %d", r.status)
		}
		c.post("/logout", nil)
		if r := c.get("/teach"); r.status != 303 {
			t.Errorf("after sign-out /teach is %d, want 303 to /login", r.status)
		}
	})
	t.Run("a next address off the site is ignored", func(t *testing.T) {
		c := ta.client()
		c.get("/login")
		r := c.post("/login", url.Values{"username": {"ada"}, "password": {"correct horse battery"}, "next": {"//evil.example/teach"}})
		if r.location != "/teach" {
			t.Errorf("redirect to %q, want /teach", r.location)
		}
	})
	t.Run("failures are limited per username", func(t *testing.T) {
		ta.teacher("victim", quizzes.RoleTeacher)
		c := ta.client()
		c.get("/login")
		var last response
		for range 11 {
			last = c.post("/login", url.Values{"username": {"victim"}, "password": {"guess"}})
		}
		if last.status != 429 || !strings.Contains(last.body, "Too many failed sign-ins") {
			t.Errorf("11th failure: status %d, want 429 with a message", last.status)
		}
		r := c.post("/login", url.Values{"username": {"victim"}, "password": {"correct horse battery"}})
		if r.status != 429 {
			t.Errorf("the right password during the lock: status %d, want 429", r.status)
		}
	})
}

func TestSetupMakesTheFirstAdminOnce(t *testing.T) {
	ta := newTestApp(t)
	h := &Handler{}
	_ = h
	tok, err := NewSetupToken(context.Background(), ta.store)
	if err != nil || tok == "" {
		t.Fatalf("NewSetupToken = %q, %v; want a token on an empty database", tok, err)
	}
	ta.app = New(ta.store, nopLog(), nil, Config{SetupToken: tok})
	c := ta.client()
	if r := c.get("/setup?token=wrong"); r.status != 404 {
		t.Errorf("setup with a wrong token: %d, want 404", r.status)
	}
	c.get("/setup?token=" + tok)
	r := c.post("/setup", url.Values{"token": {tok}, "username": {"head"}, "password": {"short"}})
	if r.status != 422 || !strings.Contains(r.body, "at least 10 characters") {
		t.Errorf("short password: %d, want 422 with a message", r.status)
	}
	r = c.post("/setup", url.Values{"token": {tok}, "username": {"head"}, "password": {"a long enough password"}})
	if r.status != 303 || r.location != "/teach" {
		t.Fatalf("setup: %d to %q, want 303 to /teach", r.status, r.location)
	}
	u, err := ta.store.UserByUsername(context.Background(), "head")
	if err != nil || u.Role != quizzes.RoleAdmin {
		t.Errorf("first account = %+v, %v; want an admin", u, err)
	}
	if r := c.get("/setup?token=" + tok); r.status != 404 {
		t.Errorf("setup after an account exists: %d, want 404", r.status)
	}
	if again, _ := NewSetupToken(context.Background(), ta.store); again != "" {
		t.Error("a setup token is still given once an account exists")
	}
}

func TestSignInLimitsFollowTheClientBehindATrustedProxy(t *testing.T) {
	ta := newTestApp(t)
	ta.teacher("ada", quizzes.RoleTeacher)
	ta.app = New(ta.store, nopLog(), nil, Config{TrustedProxies: []string{"0.0.0.0/0"}})
	attempt := func(client string) int {
		c := ta.client()
		c.do("GET", "/login", nil, "X-Forwarded-For", client)
		return c.post("/login", url.Values{"username": {"someone-" + client}, "password": {"wrong"}}, "X-Forwarded-For", client).status
	}
	for range 10 {
		attempt("203.0.113.7")
	}
	if got := attempt("203.0.113.7"); got != 429 {
		t.Errorf("the 11th failure from one client: status %d, want 429", got)
	}
	if got := attempt("198.51.100.9"); got != 401 {
		t.Errorf("another client behind the same proxy: status %d, want 401, not locked out", got)
	}
}
