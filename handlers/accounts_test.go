package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
)

// linkFrom reads the one-time link shown on the admin's page.
func linkFrom(t *testing.T, r response) string {
	t.Helper()
	link, ok := r.doc.Find("#one-time-url").Attr("value")
	if !ok || link == "" {
		t.Fatalf("no one-time link on the page (status %d)", r.status)
	}
	u, err := url.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	return u.RequestURI()
}

// invite has the admin make an invitation and returns its path.
func invite(t *testing.T, admin *client, role string) string {
	t.Helper()
	admin.get("/teach/teachers")
	r := admin.post("/teach/teachers/invite", url.Values{"note": {"Ms Lee"}, "role": {role}})
	if r.status != 200 {
		t.Fatalf("invite: status %d, want 200", r.status)
	}
	return linkFrom(t, r)
}

// signInAs signs a fresh client in and reports the status.
func (ta *testApp) signInAs(name, password string) (*client, response) {
	c := ta.client()
	c.get("/login")
	return c, c.post("/login", url.Values{"username": {name}, "password": {password}})
}

// TestAccountRoutesAccess walks every account route as an anonymous
// visitor, a student, a teacher and an admin.
func TestAccountRoutesAccess(t *testing.T) {
	ta := newTestApp(t)
	teacher, _ := ta.teacher("teacher", quizzes.RoleTeacher)
	admin, _ := ta.teacher("admin", quizzes.RoleAdmin)
	_, target := ta.teacher("target", quizzes.RoleTeacher) // the account the admin changes
	tuID := fmt.Sprint(target.ID)
	q := ta.fixtureQuiz(quizzes.Settings{})
	student := ta.client()
	startAs(t, student, q.Slug, "Stu")
	anon := ta.client()
	anon.get("/login")
	invPath := invite(t, admin, "teacher")
	invs, _ := ta.store.Invitations(context.Background())
	withdraw := fmt.Sprintf("/teach/teachers/invite/%d/withdraw", invs[0].ID)

	routes := []struct {
		method, url    string
		form           url.Values
		teacher, admin int
		mustHave       string // on the admin's (or teacher's, for own pages) page
	}{
		{"GET", "/teach/account", nil, 200, 200, "Where you are signed in"},
		{"POST", "/teach/account/password", url.Values{"current": {"wrong password"}, "new": {"a new long password"}}, 422, 422, "The current password is not right."},
		{"POST", "/teach/account/sessions/00ff/end", nil, 404, 404, ""},
		{"GET", "/teach/teachers", nil, 404, 200, "Invite a teacher"},
		{"POST", "/teach/teachers/invite", url.Values{"role": {"boss"}}, 404, 422, "Choose the role"},
		{"POST", "/teach/teachers/" + tuID + "/role", url.Values{"role": {"admin"}}, 404, 303, ""},
		{"POST", "/teach/teachers/" + tuID + "/role", url.Values{"role": {"teacher"}}, 404, 303, ""},
		{"POST", "/teach/teachers/" + tuID + "/reset-link", nil, 404, 200, "Password reset for target"},
		{"POST", "/teach/teachers/" + tuID + "/off", nil, 404, 303, ""},
		{"POST", "/teach/teachers/" + tuID + "/on", nil, 404, 303, ""},
		{"POST", "/teach/teachers/99999/off", nil, 404, 404, ""},
		{"GET", "/teach/audit", nil, 404, 200, "Audit log"},
		{"POST", withdraw, nil, 404, 303, ""},
	}
	for _, r := range routes {
		for _, who := range []struct {
			name   string
			c      *client
			status int
		}{
			{"anonymous", anon, 303},
			{"student", student, 303},
			{"teacher", teacher, r.teacher},
			{"admin", admin, r.admin},
		} {
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
				if r.mustHave != "" && who.status == r.admin && who.name == "admin" && !strings.Contains(res.doc.Find("main").Text(), r.mustHave) {
					t.Errorf("page lacks %q", r.mustHave)
				}
			})
		}
	}
	// The one-time pages are public but open only with a working token.
	for _, tc := range []struct {
		url    string
		status int
	}{
		{invPath, 410}, // withdrawn above
		{"/invite?token=nonsense", 410},
		{"/invite", 410},
		{"/reset?token=nonsense", 410},
	} {
		if got := anon.get(tc.url).status; got != tc.status {
			t.Errorf("GET %s: status %d, want %d", tc.url, got, tc.status)
		}
	}
	if r := anon.post("/invite", url.Values{"token": {"nonsense"}, "username": {"x1"}, "password": {"long enough password"}}); r.status != 410 {
		t.Errorf("POST /invite with a bad token: status %d, want 410", r.status)
	}
	if n, _ := ta.store.CountUsers(context.Background()); n != 3 {
		t.Errorf("accounts = %d, want 3", n)
	}
}

func TestInvitationMakesAnAccountOnce(t *testing.T) {
	ta := newTestApp(t)
	admin, _ := ta.teacher("root", quizzes.RoleAdmin)
	path := invite(t, admin, "teacher")
	if !strings.HasPrefix(path, "/invite?token=") {
		t.Fatalf("link = %q, want /invite?token=...", path)
	}
	// The page shows the link once: reloading the list does not show it.
	if r := admin.get("/teach/teachers"); r.doc.Find("#one-time-url").Length() != 0 || !strings.Contains(r.body, "Ms Lee") {
		t.Error("the list shows the link again, or not the pending invitation")
	}
	newbie := ta.client()
	if r := newbie.get(path); r.status != 200 || !strings.Contains(r.doc.Find("main").Text(), "as a teacher") {
		t.Fatalf("invitation page: status %d", r.status)
	}
	token := strings.TrimPrefix(path, "/invite?token=")
	for _, tc := range []struct {
		name, user, password, problem string
	}{
		{"a short password", "ms-lee", "short", "at least 10 characters"},
		{"a bad username", "ms lee!", "a long enough password", "A username is 2 to 40"},
		{"a taken username", "ROOT", "a long enough password", "is taken"},
	} {
		r := newbie.post("/invite", url.Values{"token": {token}, "username": {tc.user}, "password": {tc.password}})
		if r.status != 422 || !strings.Contains(r.doc.Find(".field-error").Text(), tc.problem) {
			t.Errorf("%s: status %d, message %q; want 422 saying %q", tc.name, r.status, r.doc.Find(".field-error").Text(), tc.problem)
		}
	}
	r := newbie.post("/invite", url.Values{"token": {token}, "username": {"ms-lee"}, "password": {"a long enough password"}})
	if r.status != 303 || r.location != "/login" {
		t.Fatalf("accept: status %d to %q, want 303 to /login", r.status, r.location)
	}
	if r := newbie.get("/login"); !strings.Contains(r.doc.Find(".notice").Text(), "ms-lee is ready") {
		t.Errorf("login page notice = %q", r.doc.Find(".notice").Text())
	}
	if _, r := ta.signInAs("ms-lee", "a long enough password"); r.status != 303 {
		t.Errorf("sign in with the new account: status %d, want 303", r.status)
	}
	if r := ta.client().get(path); r.status != 410 {
		t.Errorf("the used link: status %d, want 410", r.status)
	}
	other := ta.client()
	other.get("/login")
	if r := other.post("/invite", url.Values{"token": {token}, "username": {"second"}, "password": {"a long enough password"}}); r.status != 410 {
		t.Errorf("using the link again: status %d, want 410", r.status)
	}
	log := admin.get("/teach/audit").doc.Find("table.audit").Text()
	for _, want := range []string{"invitation made", "invitation accepted", "signed in"} {
		if !strings.Contains(log, want) {
			t.Errorf("audit log lacks %q", want)
		}
	}
}

// TestSameTokenInParallel sends one invitation and one reset token in
// many requests at once; exactly one of each succeeds.
func TestSameTokenInParallel(t *testing.T) {
	ta := newTestApp(t)
	admin, tu := ta.teacher("root", quizzes.RoleAdmin)
	_ = tu
	_, target := ta.teacher("target", quizzes.RoleTeacher)
	invPath := invite(t, admin, "teacher")
	admin.get("/teach/teachers")
	resetPath := linkFrom(t, admin.post(fmt.Sprintf("/teach/teachers/%d/reset-link", target.ID), nil))
	const n = 8
	clients := make([]*client, 2*n)
	for i := range clients {
		clients[i] = ta.client()
		if i%2 == 0 {
			clients[i].get(invPath)
		} else {
			clients[i].get(resetPath)
		}
	}
	var wg sync.WaitGroup
	statuses := make([]int, 2*n)
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				statuses[i] = c.post("/invite", url.Values{"token": {strings.TrimPrefix(invPath, "/invite?token=")},
					"username": {fmt.Sprintf("new%d", i)}, "password": {"a long enough password"}}).status
			} else {
				statuses[i] = c.post("/reset", url.Values{"token": {strings.TrimPrefix(resetPath, "/reset?token=")},
					"password": {fmt.Sprintf("new password %d", i)}}).status
			}
		}()
	}
	wg.Wait()
	wins := map[string]int{}
	for i, s := range statuses {
		kind := []string{"invite", "reset"}[i%2]
		switch s {
		case 303:
			wins[kind]++
		case 410:
		default:
			t.Errorf("%s request %d: status %d, want 303 or 410", kind, i, s)
		}
	}
	if wins["invite"] != 1 || wins["reset"] != 1 {
		t.Fatalf("successes = %v, want one invitation and one reset", wins)
	}
	if n, _ := ta.store.CountUsers(context.Background()); n != 3 {
		t.Errorf("accounts = %d, want 3", n)
	}
}

func TestTurnedOffTeacherIsSignedOutAtOnce(t *testing.T) {
	ta := newTestApp(t)
	admin, au := ta.teacher("root", quizzes.RoleAdmin)
	teacher, tu := ta.teacher("ms-lee", quizzes.RoleTeacher)
	if r := teacher.get("/teach"); r.status != 200 {
		t.Fatalf("before: status %d", r.status)
	}
	admin.get("/teach/teachers")
	if r := admin.post(fmt.Sprintf("/teach/teachers/%d/off", tu.ID), nil); r.status != 303 {
		t.Fatalf("turn off: status %d", r.status)
	}
	if r := admin.get("/teach/teachers"); !strings.Contains(r.doc.Find(".notice").Text(), "ms-lee is turned off") {
		t.Errorf("notice = %q", r.doc.Find(".notice").Text())
	}
	if r := teacher.get("/teach"); r.status != 303 || !strings.HasPrefix(r.location, "/login") {
		t.Errorf("the turned-off teacher's next page: status %d to %q, want 303 to /login", r.status, r.location)
	}
	if _, r := ta.signInAs("ms-lee", "correct horse battery"); r.status != 403 || !strings.Contains(r.body, "turned off") {
		t.Errorf("sign-in of a turned-off account: status %d, want 403 saying it is turned off", r.status)
	}
	// The only admin cannot turn themself off or step down.
	for _, path := range []string{fmt.Sprintf("/teach/teachers/%d/off", au.ID), fmt.Sprintf("/teach/teachers/%d/role", au.ID)} {
		r := admin.post(path, url.Values{"role": {"teacher"}})
		if r.status != 409 || !strings.Contains(r.body, "no admin who can sign in") {
			t.Errorf("%s: status %d, want 409 with the reason", path, r.status)
		}
	}
	if r := admin.get("/teach"); r.status != 200 {
		t.Errorf("the admin is signed out: status %d", r.status)
	}
	admin.get("/teach/teachers")
	admin.post(fmt.Sprintf("/teach/teachers/%d/on", tu.ID), nil)
	if _, r := ta.signInAs("ms-lee", "correct horse battery"); r.status != 303 {
		t.Errorf("sign-in after turning on: status %d, want 303", r.status)
	}
}

func TestResetLinkSetsThePasswordOnce(t *testing.T) {
	ta := newTestApp(t)
	admin, _ := ta.teacher("root", quizzes.RoleAdmin)
	teacher, tu := ta.teacher("ms-lee", quizzes.RoleTeacher)
	admin.get("/teach/teachers")
	first := linkFrom(t, admin.post(fmt.Sprintf("/teach/teachers/%d/reset-link", tu.ID), nil))
	path := linkFrom(t, admin.post(fmt.Sprintf("/teach/teachers/%d/reset-link", tu.ID), nil))
	if r := ta.client().get(first); r.status != 410 {
		t.Errorf("an earlier reset link after a new one: status %d, want 410", r.status)
	}
	c := ta.client()
	if r := c.get(path); r.status != 200 || !strings.Contains(r.doc.Find("main").Text(), "ms-lee") {
		t.Fatalf("reset page: status %d", r.status)
	}
	token := strings.TrimPrefix(path, "/reset?token=")
	if r := c.post("/reset", url.Values{"token": {token}, "password": {"short"}}); r.status != 422 {
		t.Errorf("short password: status %d, want 422", r.status)
	}
	if r := c.post("/reset", url.Values{"token": {token}, "password": {"a brand new password"}}); r.status != 303 {
		t.Fatalf("reset: status %d, want 303", r.status)
	}
	if r := teacher.get("/teach"); r.status != 303 {
		t.Errorf("a session from before the reset: status %d, want 303 (signed out)", r.status)
	}
	if _, r := ta.signInAs("ms-lee", "correct horse battery"); r.status != 401 {
		t.Errorf("the old password: status %d, want 401", r.status)
	}
	if _, r := ta.signInAs("ms-lee", "a brand new password"); r.status != 303 {
		t.Errorf("the new password: status %d, want 303", r.status)
	}
	if r := c.post("/reset", url.Values{"token": {token}, "password": {"another new password"}}); r.status != 410 {
		t.Errorf("the link again: status %d, want 410", r.status)
	}
}

func TestOwnPasswordAndSessions(t *testing.T) {
	ta := newTestApp(t)
	here, _ := ta.teacher("ms-lee", quizzes.RoleTeacher)
	there, _ := ta.signInAs("ms-lee", "correct horse battery")
	third, _ := ta.signInAs("ms-lee", "correct horse battery")
	r := here.get("/teach/account")
	if n := r.doc.Find("ul.sessions li").Length(); n != 3 {
		t.Fatalf("sessions listed = %d, want 3", n)
	}
	if n := r.doc.Find("ul.sessions li form").Length(); n != 2 {
		t.Errorf("sign-out buttons = %d, want 2 (not for this browser)", n)
	}
	action, _ := r.doc.Find("ul.sessions li form").First().Attr("action")
	if r := here.post(action, nil); r.status != 303 {
		t.Fatalf("end a session: status %d", r.status)
	}
	signedOut := 0
	for _, c := range []*client{there, third} {
		if c.get("/teach").status == 303 {
			signedOut++
		}
	}
	if signedOut != 1 {
		t.Errorf("browsers signed out = %d, want 1", signedOut)
	}
	fourth, _ := ta.signInAs("ms-lee", "correct horse battery")
	here.get("/teach/account")
	if r := here.post("/teach/account/password", url.Values{"current": {"correct horse battery"}, "new": {"short"}}); r.status != 422 {
		t.Errorf("short new password: status %d, want 422", r.status)
	}
	if r := here.post("/teach/account/password", url.Values{"current": {"correct horse battery"}, "new": {"a brand new password"}}); r.status != 303 {
		t.Fatalf("change password: status %d", r.status)
	}
	if r := here.get("/teach/account"); r.status != 200 || r.doc.Find("ul.sessions li").Length() != 1 {
		t.Errorf("after the change: status %d, %d sessions; want this one only", r.status, r.doc.Find("ul.sessions li").Length())
	}
	if fourth.get("/teach").status != 303 {
		t.Error("another browser stayed signed in after the password changed")
	}
	if _, r := ta.signInAs("ms-lee", "a brand new password"); r.status != 303 {
		t.Errorf("sign in with the new password: status %d", r.status)
	}
}

// TestAuditLogRecordsWhoWhatWhere: sign-ins and failures, account changes,
// publishing, deleting, imports and result exports show in the admin's log
// with who, when and from which address.
func TestAuditLogRecordsWhoWhatWhere(t *testing.T) {
	ta := newTestApp(t)
	admin, _ := ta.teacher("root", quizzes.RoleAdmin)
	teacher, tu := ta.teacher("ms-lee", quizzes.RoleTeacher)
	ta.signInAs("ms-lee", "not the password")
	q := ta.ownedQuiz("Audited quiz", tu, quizzes.Draft)
	quizURL := TeacherQuizURLForTest(q.ID)
	teacher.get(quizURL)
	teacher.post(quizURL+"/status", url.Values{"status": {"published"}})
	teacher.get(quizURL + "/results/attempts.csv")
	teacher.get("/teach/import")
	if r := teacher.post("/teach/import", url.Values{"content": {"Q?\nA. x\nB. y\nANSWER: A\n"}, "title": {"Imported set"}, "action": {"import"}}); r.status != 303 {
		t.Fatalf("import: status %d", r.status)
	}
	teacher.get(quizURL)
	teacher.post(quizURL+"/delete", url.Values{"confirm": {"yes"}})
	admin.get("/teach/teachers")
	admin.post(fmt.Sprintf("/teach/teachers/%d/role", tu.ID), url.Values{"role": {"admin"}})
	r := admin.get("/teach/audit")
	rows := map[string][]string{}
	r.doc.Find("table.audit tbody tr").Each(func(_ int, tr *goquery.Selection) {
		var cells []string
		tr.Find("td").Each(func(_ int, td *goquery.Selection) { cells = append(cells, strings.TrimSpace(td.Text())) })
		rows[cells[2]+" by "+cells[1]] = cells
	})
	for _, tc := range []struct{ action, who, detail string }{
		{"signed in", "ms-lee", ""},
		{"sign-in failed", "ms-lee", ""},
		{"quiz published", "ms-lee", "Audited quiz"},
		{"results exported", "ms-lee", "attempts CSV"},
		{"question set imported", "ms-lee", "1 question"},
		{"quiz deleted", "ms-lee", "Audited quiz"},
		{"role set to admin", "root", "ms-lee"},
	} {
		row, ok := rows[tc.action+" by "+tc.who]
		if !ok {
			t.Errorf("the audit log has no %q by %s", tc.action, tc.who)
			continue
		}
		if row[1] != tc.who || !strings.Contains(row[3], tc.detail) || row[4] != "0.0.0.0" || !strings.Contains(row[0], "UTC") {
			t.Errorf("%s: row %q, want by %s, detail with %q, from 0.0.0.0 (the test client's address)", tc.action, row, tc.who, tc.detail)
		}
	}
}

func TestAdminStepsDown(t *testing.T) {
	ta := newTestApp(t)
	first, fu := ta.teacher("first", quizzes.RoleAdmin)
	ta.teacher("second", quizzes.RoleAdmin)
	first.get("/teach/teachers")
	r := first.post(fmt.Sprintf("/teach/teachers/%d/role", fu.ID), url.Values{"role": {"teacher"}})
	if r.status != 303 || r.location != "/teach" {
		t.Fatalf("stepping down: status %d to %q, want 303 to /teach", r.status, r.location)
	}
	if got := first.get("/teach").doc.Find(".notice").Text(); !strings.Contains(got, "You are now a teacher") {
		t.Errorf("dashboard notice = %q", got)
	}
	if got := first.get("/teach/teachers").status; got != 404 {
		t.Errorf("the account pages after stepping down: status %d, want 404", got)
	}
}
