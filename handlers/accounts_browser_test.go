package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
)

// browserSignIn signs in on the login page.
func browserSignIn(t *testing.T, ctx context.Context, base, name, password string) {
	t.Helper()
	must(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible("#username"),
		chromedp.SendKeys("#username", name),
		chromedp.SendKeys("#password", password),
		submit(`form[action="/login"] button`),
	))
}

func textOf(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(sel))
	must(t, err)
	return s
}

// accountRow clicks an action button in a teacher's row of the admin's list.
func accountAction(t *testing.T, ctx context.Context, userID int64, action string) {
	t.Helper()
	must(t, chromedp.Do(ctx, submit(fmt.Sprintf(`form[action="/teach/teachers/%d/%s"] button`, userID, action))))
}

// TestBrowserAdminInvitesAndResets walks the accounts in Chromium, on a
// desktop with JavaScript and on a phone without: an admin invites a
// teacher, who accepts and signs in, after which the link fails; the admin
// turns the teacher off, which signs them out at once; a reset link sets a
// new password once.
func TestBrowserAdminInvitesAndResets(t *testing.T) {
	browser := findBrowser(t)
	for _, tc := range []struct {
		name          string
		width, height int
		script        bool
	}{
		{"desktop", 1280, 900, true},
		{"phone without JavaScript", 390, 844, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta, base := serveForBrowser(t)
			hash, _ := HashPassword("correct horse battery")
			_, err := ta.store.CreateUser(context.Background(), quizzes.User{Username: "root", PasswordHash: hash, Role: quizzes.RoleAdmin})
			must(t, err)
			dir := screenshotDir(t)
			admin := newBrowser(t, browser, tc.width, tc.height, tc.script)
			exactSize(t, admin, tc.width, tc.height)
			newbie := newBrowser(t, browser, tc.width, tc.height, tc.script)
			exactSize(t, newbie, tc.width, tc.height)
			step := func(ctx context.Context, name string) {
				shoot(t, ctx, dir, fmt.Sprintf("accounts-%d-%s", tc.width, name))
			}

			browserSignIn(t, admin, base, "root", "correct horse battery")
			must(t, chromedp.Do(admin,
				chromedp.Navigate(base+"/teach/teachers"),
				chromedp.WaitVisible("#note"),
				chromedp.SendKeys("#note", "Ms Lee, English"),
				submit(`form[action="/teach/teachers/invite"] button`),
				chromedp.WaitVisible("#one-time-url"),
			))
			link, err := chromedp.Run(admin, chromedp.Value("#one-time-url"))
			must(t, err)
			if !strings.HasPrefix(link, base+"/invite?token=") {
				t.Fatalf("invitation link %q", link)
			}
			step(admin, "1-invitation")

			must(t, chromedp.Do(newbie, chromedp.Navigate(link), chromedp.WaitVisible("#username")))
			step(newbie, "2-accept")
			if tc.script {
				checkAxe(t, newbie, "2-accept")
			}
			must(t, chromedp.Do(newbie,
				chromedp.SendKeys("#username", "ms-lee"),
				chromedp.SendKeys("#password", "my own long password"),
				submit(`form[action="/invite"] button`),
				chromedp.WaitVisible(".notice"),
			))
			if got := textOf(t, newbie, ".notice"); !strings.Contains(got, "ms-lee is ready") {
				t.Errorf("after accepting: notice %q", got)
			}
			browserSignIn(t, newbie, base, "ms-lee", "my own long password")
			must(t, chromedp.Do(newbie, chromedp.WaitVisible(`a[href="/teach/account"]`)))
			step(newbie, "3-signed-in")
			must(t, chromedp.Do(newbie, chromedp.Navigate(link), chromedp.WaitVisible(".field-error")))
			if got := textOf(t, newbie, ".field-error"); !strings.Contains(got, "expired or has already been used") {
				t.Errorf("the used invitation says %q", got)
			}
			step(newbie, "4-link-used")
			if tc.script {
				checkAxe(t, newbie, "4-link-used")
			}

			u, err := ta.store.UserByUsername(context.Background(), "ms-lee")
			must(t, err)
			must(t, chromedp.Do(admin, chromedp.Navigate(base+"/teach/teachers"), chromedp.WaitVisible("table.accounts")))
			step(admin, "5-teachers")
			accountAction(t, admin, u.ID, "off")
			if got := textOf(t, admin, ".notice"); !strings.Contains(got, "ms-lee is turned off") {
				t.Errorf("turning off: notice %q", got)
			}
			must(t, chromedp.Do(newbie, chromedp.Navigate(base+"/teach"), chromedp.WaitVisible("#password")))
			loc, err := chromedp.Run(newbie, chromedp.Location())
			must(t, err)
			if !strings.Contains(loc, "/login") {
				t.Errorf("the turned-off teacher is at %q, want the sign-in page", loc)
			}
			step(newbie, "6-signed-out")

			accountAction(t, admin, u.ID, "on")
			accountAction(t, admin, u.ID, "reset-link")
			must(t, chromedp.Do(admin, chromedp.WaitVisible("#one-time-url")))
			link, err = chromedp.Run(admin, chromedp.Value("#one-time-url"))
			must(t, err)
			step(admin, "7-reset-link")
			must(t, chromedp.Do(newbie,
				chromedp.Navigate(link),
				chromedp.WaitVisible("#password"),
			))
			step(newbie, "8-reset")
			if tc.script {
				checkAxe(t, newbie, "8-reset")
			}
			must(t, chromedp.Do(newbie,
				chromedp.SendKeys("#password", "a fresh long password"),
				submit(`form[action="/reset"] button`),
				chromedp.WaitVisible(".notice"),
			))
			browserSignIn(t, newbie, base, "ms-lee", "a fresh long password")
			must(t, chromedp.Do(newbie, chromedp.WaitVisible(`a[href="/teach/account"]`)))
			must(t, chromedp.Do(newbie, chromedp.Navigate(link), chromedp.WaitVisible(".field-error")))
			if got := textOf(t, newbie, ".field-error"); !strings.Contains(got, "expired or has already been used") {
				t.Errorf("the used reset link says %q", got)
			}
			must(t, chromedp.Do(newbie, chromedp.Navigate(base+"/teach/account"), chromedp.WaitVisible("ul.sessions")))
			step(newbie, "9-account")
			must(t, chromedp.Do(admin, chromedp.Navigate(base+"/teach/audit"), chromedp.WaitVisible("table.audit")))
			step(admin, "10-audit")
			if got := textOf(t, admin, "table.audit"); !strings.Contains(got, "password reset by link") || !strings.Contains(got, "account turned off") {
				t.Errorf("the audit log lacks the reset or the turning off")
			}
			t.Logf("screenshots in %s", dir)
		})
	}
}

// TestBrowserSharedQuiz: the owner shares a quiz; a co-editor edits a
// question; a viewer reads the results and an essay's mark but cannot edit
// the quiz or mark.
func TestBrowserSharedQuiz(t *testing.T) {
	browser := findBrowser(t)
	for _, tc := range []struct {
		name          string
		width, height int
		script        bool
	}{
		{"desktop", 1280, 900, true},
		{"phone without JavaScript", 390, 844, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta, base := serveForBrowser(t)
			bg := context.Background()
			hash, _ := HashPassword("correct horse battery")
			var owner quizzes.User
			for _, name := range []string{"owner", "co", "vi"} {
				u, err := ta.store.CreateUser(bg, quizzes.User{Username: name, PasswordHash: hash, Role: quizzes.RoleTeacher})
				must(t, err)
				if name == "owner" {
					owner = u
				}
			}
			model := ta.ownedQuiz("Rivers", owner, quizzes.Draft)
			must(t, ta.store.DeleteQuiz(bg, model.ID))
			q, err := ta.store.CreateQuiz(bg, quizzes.Quiz{Title: "Shared rivers", OwnerID: owner.ID, Status: quizzes.Published,
				Questions: append(model.Questions, quizzes.Question{Kind: quizzes.Essay, Prompt: "Why do rivers flood?", Points: 2})})
			must(t, err)
			st, err := ta.store.CreateStudent(bg, "Grace", "tok-grace")
			must(t, err)
			a, err := ta.store.OpenAttempt(bg, q, st.ID)
			must(t, err)
			essay := q.Questions[len(q.Questions)-1]
			_, err = ta.store.SaveAnswers(bg, q, a.ID, map[int64]quizzes.Answer{essay.ID: {Text: "Heavy rain and melting snow."}}, time.Now())
			must(t, err)
			_, err = ta.store.SubmitAttempt(bg, a.ID)
			must(t, err)

			dir := screenshotDir(t)
			ctx := newBrowser(t, browser, tc.width, tc.height, tc.script)
			exactSize(t, ctx, tc.width, tc.height)
			step := func(name string) { shoot(t, ctx, dir, fmt.Sprintf("sharing-%d-%s", tc.width, name)) }
			quizURL := base + TeacherQuizURLForTest(q.ID)
			signOut := func() { must(t, chromedp.Do(ctx, submit(`form[action="/logout"] button`))) }

			browserSignIn(t, ctx, base, "owner", "correct horse battery")
			must(t, chromedp.Do(ctx, chromedp.Navigate(quizURL), chromedp.WaitVisible(`a[href$="/sharing"]`)))
			must(t, chromedp.Do(ctx, submit(`a[href$="/sharing"]`), chromedp.WaitVisible("#share-username")))
			for _, share := range []struct{ name, access string }{{"co", "editor"}, {"vi", "viewer"}} {
				must(t, chromedp.Do(ctx,
					chromedp.SendKeys("#share-username", share.name),
					chromedp.Click(`input[name="access"][value="`+share.access+`"]`),
					submit(`form[action$="/sharing"] button`),
					chromedp.WaitVisible("ul.shares"),
				))
			}
			step("1-owner-shares")
			cl, err := ta.store.CreateClass(bg, "9B English", owner.ID)
			must(t, err)
			must(t, chromedp.Do(ctx,
				chromedp.Navigate(base+fmt.Sprintf("/teach/class/%d", cl.ID)),
				chromedp.WaitVisible("#class-teacher"),
				chromedp.SendKeys("#class-teacher", "co"),
				submit(`form[action$="/teachers"] button`),
				chromedp.WaitVisible("ul.class-teachers"),
			))
			step("1b-class-teachers")
			signOut()

			browserSignIn(t, ctx, base, "co", "correct horse battery")
			must(t, chromedp.Do(ctx, chromedp.WaitVisible(".shared")))
			step("2-co-editor-dashboard")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/teach/classes"), chromedp.WaitVisible("table")))
			if got := textOf(t, ctx, "main"); !strings.Contains(got, "9B English") {
				t.Error("the class's second teacher does not see the class")
			}
			must(t, chromedp.Do(ctx,
				chromedp.Navigate(fmt.Sprintf("%s/question/%d", quizURL, q.Questions[0].ID)),
				chromedp.WaitVisible("#prompt"),
				chromedp.Clear("#prompt"),
				chromedp.SendKeys("#prompt", "Edited by the co-editor: which river is the longest in Africa?"),
			))
			step("3-co-editor-edits")
			must(t, chromedp.Do(ctx, submit(`form.question-form button.primary`)))
			got, err := ta.store.Quiz(bg, q.ID)
			must(t, err)
			if !strings.HasPrefix(got.Questions[0].Prompt, "Edited by the co-editor") {
				t.Errorf("the co-editor's edit was not saved: %q", got.Questions[0].Prompt)
			}
			signOut()

			browserSignIn(t, ctx, base, "vi", "correct horse battery")
			must(t, chromedp.Do(ctx, chromedp.WaitVisible(".shared"), submit(`td a[href$="/results"]`), chromedp.WaitVisible("table.gradebook")))
			step("4-viewer-results")
			editLinks, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`document.querySelectorAll('main a[href="%s"]').length`, TeacherQuizURLForTest(q.ID))))
			must(t, err)
			if editLinks != 0 {
				t.Errorf("the viewer's results page links %d times to the quiz's editing page", editLinks)
			}
			attemptURL := fmt.Sprintf("%s/results/attempt/%d", quizURL, a.ID)
			must(t, chromedp.Do(ctx, chromedp.Navigate(attemptURL), chromedp.WaitVisible(".review")))
			marks, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("form.mark-form").length`))
			must(t, err)
			if marks != 0 {
				t.Errorf("the viewer is offered %d mark forms", marks)
			}
			step("5-viewer-attempt")
			must(t, chromedp.Do(ctx, chromedp.Navigate(quizURL), chromedp.WaitVisible(".error-page")))
			if got := textOf(t, ctx, ".error-page"); !strings.Contains(got, "You may read this quiz's results") {
				t.Errorf("the viewer on the edit page reads %q", got)
			}
			step("6-viewer-cannot-edit")
			t.Logf("screenshots in %s", dir)
		})
	}
}
