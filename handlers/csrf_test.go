package handlers

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

func TestCSRFTokensAreBoundToTheSession(t *testing.T) {
	ta := newTestApp(t)
	newQuiz := url.Values{"text": {"Too short to ask about."}} // answers 422 when the token passes
	t.Run("a token from before sign-out is refused after signing in again", func(t *testing.T) {
		c, _ := ta.teacher("ada", quizzes.RoleTeacher)
		c.get("/teach")
		old := c.csrf
		c.post("/logout", nil)
		c.get("/login")
		if r := c.post("/login", url.Values{"username": {"ada"}, "password": {"correct horse battery"}}); r.status != 303 {
			t.Fatalf("sign in again: %d", r.status)
		}
		r := c.post("/teach/new", url.Values{"_csrf": {old}, "text": newQuiz["text"]})
		if r.status != 403 {
			t.Errorf("the old token after signing in again: %d, want 403", r.status)
		}
		c.get("/teach")
		if r := c.post("/teach/new", newQuiz); r.status != 422 {
			t.Errorf("the new session's own token: %d, want 422 (the form's own check)", r.status)
		}
	})
	t.Run("a token from before sign-in is refused after it", func(t *testing.T) {
		ta.teacher("bea", quizzes.RoleTeacher)
		c := ta.client()
		c.get("/login")
		before := c.csrf
		c.post("/login", url.Values{"username": {"bea"}, "password": {"correct horse battery"}})
		if r := c.post("/teach/new", url.Values{"_csrf": {before}, "text": newQuiz["text"]}); r.status != 403 {
			t.Errorf("the signed-out token after sign-in: %d, want 403", r.status)
		}
	})
	t.Run("another session's token is refused", func(t *testing.T) {
		a, _ := ta.teacher("cy", quizzes.RoleTeacher)
		b, _ := ta.teacher("di", quizzes.RoleTeacher)
		a.get("/teach")
		b.get("/teach")
		if r := a.post("/teach/new", url.Values{"_csrf": {b.csrf}, "text": newQuiz["text"]}); r.status != 403 {
			t.Errorf("another teacher's token: %d, want 403", r.status)
		}
	})
	t.Run("a token planted as a cookie with the same form value is refused", func(t *testing.T) {
		c, _ := ta.teacher("ed", quizzes.RoleTeacher)
		for name := range c.cookies {
			if strings.Contains(name, "csrf") {
				c.cookies[name] = "planted-token"
			}
		}
		c.cookies["qt_csrf"] = "planted-token"
		if r := c.post("/teach/new", url.Values{"_csrf": {"planted-token"}, "text": newQuiz["text"]}); r.status != 403 {
			t.Errorf("a planted cookie token: %d, want 403", r.status)
		}
	})
	t.Run("an attacker's own visitor cookie and token do not pass for a signed-in teacher", func(t *testing.T) {
		victim, _ := ta.teacher("fay", quizzes.RoleTeacher)
		attacker := ta.client()
		attacker.get("/login")
		for name, v := range attacker.cookies {
			victim.cookies[name] = v
		}
		if r := victim.post("/teach/new", url.Values{"_csrf": {attacker.csrf}, "text": newQuiz["text"]}); r.status != 403 {
			t.Errorf("an attacker's visitor pair in a teacher's browser: %d, want 403", r.status)
		}
	})
}

func TestCrossSitePostsAreRefusedEvenWithAToken(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("ada", quizzes.RoleTeacher)
	c.get("/teach")
	form := url.Values{"text": {"Too short to ask about."}}
	for _, tc := range []struct {
		name    string
		headers []string
		want    int
	}{
		{"Sec-Fetch-Site cross-site", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"Sec-Fetch-Site same-site (a sibling subdomain)", []string{"Sec-Fetch-Site", "same-site"}, 403},
		{"an Origin of another site", []string{"Origin", "https://evil.example"}, 403},
		{"Origin null", []string{"Origin", "null"}, 403},
		{"same-origin with its own Origin", []string{"Sec-Fetch-Site", "same-origin", "Origin", "http://example.com"}, 422},
		{"no Origin or Sec-Fetch-Site (an older browser)", nil, 422},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if r := c.post("/teach/new", form, tc.headers...); r.status != tc.want {
				t.Errorf("status %d, want %d", r.status, tc.want)
			}
		})
	}
}

// dataVersion reads PRAGMA data_version on one connection of its own: it
// changes whenever another connection commits a write.
func dataVersion(t *testing.T, conn *sql.Conn) int {
	t.Helper()
	var v int
	if err := conn.QueryRowContext(context.Background(), "PRAGMA data_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestAVisitorWhoStartsNothingWritesNothing(t *testing.T) {
	ta := newTestApp(t)
	ta.fixtureQuiz(quizzes.Settings{})
	ta.client().get("/") // the first request may settle what the app keeps
	watch, err := sql.Open("sqlite", db.DSN(ta.path, true))
	if err != nil {
		t.Fatal(err)
	}
	defer watch.Close()
	conn, err := watch.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	before := dataVersion(t, conn)
	for i := range 5 {
		c := ta.client()
		for _, u := range []string{"/", "/login", "/join?code=ABC-DEF"} {
			if r := c.get(u); r.status != 200 || c.csrf == "" {
				t.Fatalf("visitor %d GET %s: %d, token %q", i, u, r.status, c.csrf)
			}
		}
	}
	if after := dataVersion(t, conn); after != before {
		t.Errorf("five visitors reading pages wrote to the database (data_version %d -> %d)", before, after)
	}
}

func TestCookiesUseTheHostPrefixOverHTTPS(t *testing.T) {
	ta := newTestApp(t)
	ta.teacher("ada", quizzes.RoleTeacher)
	q := ta.fixtureQuiz(quizzes.Settings{})
	ta.app = New(ta.store, nopLog(), nil, Config{SecureCookies: true})
	c := ta.client()
	r := c.get("/login")
	r2 := c.post("/login", url.Values{"username": {"ada"}, "password": {"correct horse battery"}})
	if r2.status != 303 {
		t.Fatalf("sign in over https: %d", r2.status)
	}
	s := ta.client()
	s.get("/quiz/" + q.Slug)
	r3 := s.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {"Stu"}})
	if r3.status != 303 {
		t.Fatalf("start over https: %d", r3.status)
	}
	seen := 0
	for _, h := range [][]string{r.header.Values("Set-Cookie"), r2.header.Values("Set-Cookie"), r3.header.Values("Set-Cookie")} {
		for _, ck := range h {
			if strings.Contains(ck, "expires=Tue, 10 Nov 2009") || strings.Contains(strings.ToLower(ck), "max-age=0") {
				continue // a cookie being removed
			}
			seen++
			if !strings.HasPrefix(ck, "__Host-") || !strings.Contains(strings.ToLower(ck), "secure") || !strings.Contains(strings.ToLower(ck), "path=/") {
				t.Errorf("cookie over https %q: want a __Host- name, Secure and Path=/", ck)
			}
		}
	}
	if seen < 3 {
		t.Errorf("saw %d cookies set over https, want the visitor's, the session's and the student's", seen)
	}
}

// TestKeptCSRFTokenIsTheHMAC checks that a token kept from an earlier page
// is the one the key gives, and that the kept tokens stay bounded.
func TestKeptCSRFTokenIsTheHMAC(t *testing.T) {
	h := &Handler{csrfKey: []byte("a key for the test")}
	m := hmac.New(sha256.New, h.csrfKey)
	m.Write([]byte("student:abc"))
	want := base64.RawURLEncoding.EncodeToString(m.Sum(nil))
	for range 2 {
		if got := h.csrfToken("student:abc"); got != want {
			t.Fatalf("token %q, want %q", got, want)
		}
	}
	if h.csrfToken("student:abd") == want {
		t.Fatal("two bindings share a token")
	}
	for i := range maxCSRFTokens + 50 {
		h.csrfToken("visitor:" + itoa(i))
	}
	if n := len(h.csrfTokens.m); n > maxCSRFTokens {
		t.Errorf("%d tokens kept, at most %d wanted", n, maxCSRFTokens)
	}
	if got := h.csrfToken("student:abc"); got != want {
		t.Errorf("after many others the token is %q, want %q", got, want)
	}
}
