package handlers

import (
	"context"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// Every teacher page, with content in it, has no axe-core violation and
// no sideways scroll, on a desktop and on a phone.
func TestBrowserTeacherPagesPassAxe(t *testing.T) {
	browser := findBrowser(t)
	for _, width := range []int{1280, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ta, base := serveForBrowser(t)
			dir := screenshotDir(t)
			ctx := context.Background()
			hash, err := HashPassword("correct horse battery")
			must(t, err)
			u, err := ta.store.CreateUser(ctx, quizzes.User{Username: "ms-jones", PasswordHash: hash, Role: quizzes.RoleAdmin})
			must(t, err)
			q := ta.ownedQuiz("Rivers of the world, a long title that has to wrap on a phone", u, quizzes.Published)
			ta.ownedQuiz("Mountains (draft)", u, quizzes.Draft)
			gone := ta.ownedQuiz("Lakes", u, quizzes.Draft)
			must(t, ta.store.DeleteQuiz(ctx, gone.ID))
			takeQuiz(t, ta, q, "Ada", "RRRRRRR", true)
			takeQuiz(t, ta, q, "Bo", "WRWRPRW", true)
			cl, err := ta.store.CreateClass(ctx, "9B English", u.ID)
			must(t, err)
			must(t, ta.store.SetClassQuizzes(ctx, cl.ID, []int64{q.ID}))
			fillGradebook(t, ta, cl, q, "Grace Hopper", 1)
			kept, err := ta.store.CreateStudent(ctx, "Alan Turing", "tok-alan")
			must(t, err)
			must(t, ta.store.JoinClass(ctx, kept.ID, cl.ID))
			removed, err := ta.store.CreateStudent(ctx, "Katherine Johnson", "tok-kj")
			must(t, err)
			must(t, ta.store.JoinClass(ctx, removed.ID, cl.ID))
			must(t, ta.store.RemoveStudent(ctx, cl.ID, removed.ID))
			withSignin, err := ta.store.CreateClass(ctx, "10A Science, with sign-in", u.ID)
			must(t, err)
			pupil, err := ta.store.CreateStudent(ctx, "Mary Jackson", "tok-mj")
			must(t, err)
			must(t, ta.store.JoinClass(ctx, pupil.ID, withSignin.ID))
			for i, name := range []string{"Dorothy Vaughan", "Margaret Hamilton, whose long name has to wrap on a card"} {
				st, err := ta.store.CreateStudent(ctx, name, fmt.Sprintf("tok-si-%d", i))
				must(t, err)
				must(t, ta.store.JoinClass(ctx, st.ID, withSignin.ID))
			}
			_, err = ta.store.SetClassSignin(ctx, withSignin.ID, true)
			must(t, err)
			_, err = ta.store.DeleteQuestion(ctx, q.ID, q.Questions[6].ID)
			must(t, err)
			rs, err := ta.store.QuizResults(ctx, q.ID)
			must(t, err)

			tab := newBrowser(t, browser, width, 900, true)
			exactSize(t, tab, width, 900)
			must(t, chromedp.Do(tab,
				chromedp.Navigate(base+"/login"), chromedp.WaitVisible("#username")))
			checkAxe(t, tab, "login")
			must(t, chromedp.Do(tab,
				chromedp.SendKeys("#username", "ms-jones"),
				chromedp.SendKeys("#password", "correct horse battery"),
				submit("form button[type=submit]"),
				chromedp.WaitVisible(`header nav a[href="/teach/classes"]`),
			))
			for _, p := range []struct{ name, path string }{
				{"dashboard", "/teach"},
				{"quiz", views.TeacherQuizURL(q.ID)},
				{"question-edit", fmt.Sprintf("%s/question/%d", views.TeacherQuizURL(q.ID), q.Questions[0].ID)},
				{"question-delete", fmt.Sprintf("%s/question/%d/delete", views.TeacherQuizURL(q.ID), q.Questions[0].ID)},
				{"results", views.ResultsURL(q.ID)},
				{"attempt", fmt.Sprintf("%s/attempt/%d", views.ResultsURL(q.ID), rs[0].Attempt.ID)},
				{"sharing", views.TeacherQuizURL(q.ID) + "/sharing"},
				{"new-quiz", "/teach/new"},
				{"import", "/teach/import"},
				{"classes", "/teach/classes"},
				{"class", views.ClassURL(cl.ID)},
				{"roster-student", views.RosterStudentURL(cl.ID, kept.ID)},
				{"class-signin-on", views.ClassURL(withSignin.ID)},
				{"roster-student-signin", views.RosterStudentURL(withSignin.ID, pupil.ID)},
				{"signin-cards", views.SigninCardsURL(withSignin.ID)},
				{"account", "/teach/account"},
				{"teachers", "/teach/teachers"},
				{"audit", "/teach/audit"},
			} {
				must(t, chromedp.Do(tab, chromedp.Navigate(base+p.path), chromedp.WaitVisible("main")))
				shoot(t, tab, dir, fmt.Sprintf("axe-teacher-%d-%s", width, p.name))
				checkAxe(t, tab, p.name)
				wide, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
				must(t, err)
				if wide {
					t.Errorf("%s: the page is wider than the %dpx window", p.name, width)
				}
			}
		})
	}
}

// The first-run page, blank and after a refused password, has no axe-core
// violation and no sideways scroll, on a desktop and on a phone.
func TestBrowserSetupPagePassesAxe(t *testing.T) {
	browser := findBrowser(t)
	ta := newTestApp(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	ta.app = New(ta.store, nopLog(), nil, Config{SetupToken: "first-run-token"})
	go ta.app.Listener(ln)
	t.Cleanup(func() { ta.app.ShutdownWithTimeout(5 * time.Second) })
	base := "http://" + ln.Addr().String()
	dir := screenshotDir(t)
	tab := newBrowser(t, browser, 1280, 900, true)
	for _, width := range []int{1280, 390} {
		exactSize(t, tab, width, 900)
		must(t, chromedp.Do(tab, chromedp.Navigate(base+"/setup?token=first-run-token"), chromedp.WaitVisible("#password")))
		shoot(t, tab, dir, fmt.Sprintf("axe-teacher-%d-setup", width))
		checkAxe(t, tab, fmt.Sprintf("setup at %d", width))
		must(t, chromedp.Do(tab,
			chromedp.SendKeys("#username", "root"),
			chromedp.SendKeys("#password", "short"),
			chromedp.RemoveAttribute("#password", "minlength"),
			submit("form button[type=submit]"),
			chromedp.WaitVisible(".field-error"),
		))
		shoot(t, tab, dir, fmt.Sprintf("axe-teacher-%d-setup-error", width))
		checkAxe(t, tab, fmt.Sprintf("setup with an error at %d", width))
		wide, err := chromedp.Run(tab, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
		must(t, err)
		if wide {
			t.Errorf("setup: the page is wider than the %dpx window", width)
		}
	}
	if n, _ := ta.store.CountUsers(context.Background()); n != 0 {
		t.Errorf("a refused setup made %d accounts", n)
	}
}
