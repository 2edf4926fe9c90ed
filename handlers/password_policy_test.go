package handlers

import (
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

func TestPasswordPolicyRefusesCommonPasswords(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		password, username string
		want               string // in the message; "" when the password is fine
	}{
		{"short", "", "at least 10 characters"},
		{"password123", "", "list of common passwords"},
		{"qwertyuiop", "", "list of common passwords"},
		{"1234567890", "", "list of common passwords"},
		{"Basketball", "", "list of common passwords"},
		{"Password123!", "", "common password with digits or signs added"},
		{"2024sunshine!!", "", "common password with digits or signs added"},
		{"aaaaaaaaaaaa", "", "too few characters"},
		{"abababababab", "", "too few characters"},
		{"ada-lovelace-2024", "ada-lovelace", "username"},
		{"my quiztrainer pass", "", "site's name"},
		{"correct horse battery", "", ""},
		{"a long enough password", "head", ""},
		{"tulip ferry 1917 blue", "ada", ""},
	} {
		t.Run(tc.password, func(t *testing.T) {
			got := CheckPasswordPolicy(tc.password, tc.username)
			if (tc.want == "") != (got == "") || !strings.Contains(got, tc.want) {
				t.Errorf("CheckPasswordPolicy(%q) = %q, want %q", tc.password, got, tc.want)
			}
		})
	}
}

func TestSetupRefusesACommonPassword(t *testing.T) {
	ta := newTestApp(t)
	tok, _ := NewSetupToken(t.Context(), ta.store)
	ta.app = New(ta.store, nopLog(), nil, Config{SetupToken: tok})
	c := ta.client()
	c.get("/setup?token=" + tok)
	r := c.post("/setup", url.Values{"token": {tok}, "username": {"head"}, "password": {"password1234"}})
	if r.status != 422 || !strings.Contains(r.body, "list of common passwords") {
		t.Errorf("setup with password1234: status %d, want 422 with a message", r.status)
	}
	if n, _ := ta.store.CountUsers(t.Context()); n != 0 {
		t.Errorf("%d accounts made with a common password", n)
	}
}

// A browser that has signed in to the account before gets through with the
// right password while an attacker's failures hold everyone else back.
func TestFailedSignInsDoNotLockOutTheTeachersOwnBrowser(t *testing.T) {
	ta := newTestApp(t)
	teacher, _ := ta.teacher("victim", quizzes.RoleTeacher)
	teacher.post("/logout", nil)
	teacher.get("/login")

	attacker := ta.client()
	attacker.get("/login")
	var last response
	for range 11 {
		last = attacker.post("/login", url.Values{"username": {"victim"}, "password": {"guess"}})
	}
	if last.status != 429 {
		t.Fatalf("the attacker's 11th failure: %d, want 429", last.status)
	}
	if r := teacher.post("/login", url.Values{"username": {"victim"}, "password": {"correct horse battery"}}); r.status != 303 {
		t.Errorf("the teacher's own browser with the right password during the attack: %d, want 303", r.status)
	}
	teacher.post("/logout", nil)
	teacher.get("/login")
	if r := teacher.post("/login", url.Values{"username": {"victim"}, "password": {"wrong one"}}); r.status != 401 {
		t.Errorf("the teacher's own browser with a wrong password: %d, want 401 (counted apart)", r.status)
	}
	if r := attacker.post("/login", url.Values{"username": {"victim"}, "password": {"correct horse battery"}}); r.status != 429 {
		t.Errorf("another browser with the right password during the attack: %d, want 429", r.status)
	}
	forger := ta.client()
	forger.get("/login")
	for name, v := range teacher.cookies {
		if strings.Contains(name, knownCookie) {
			forger.cookies[name] = v[:len(v)-4] + "AAAA"
		}
	}
	if r := forger.post("/login", url.Values{"username": {"victim"}, "password": {"correct horse battery"}}); r.status != 429 {
		t.Errorf("a forged known-browser cookie: %d, want 429", r.status)
	}
}
