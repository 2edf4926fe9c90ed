package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
)

// TestBrowserTeacherRunsAClassStudentJoins makes a class in Chromium as a
// teacher, joins it on the home page as a student, and reads the class
// page with its gradebook: on a desktop with JavaScript, and on a phone
// without.
func TestBrowserTeacherRunsAClassStudentJoins(t *testing.T) {
	browser := findBrowser(t)
	for _, tc := range []struct {
		name          string
		width, height int
		script        bool
	}{
		{"desktop-js", 1280, 900, true},
		{"phone-nojs", 390, 844, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ta, base := serveForBrowser(t)
			dir := screenshotDir(t)
			hash, err := HashPassword("correct horse battery")
			must(t, err)
			u, err := ta.store.CreateUser(context.Background(), quizzes.User{Username: "ms-jones", PasswordHash: hash, Role: quizzes.RoleTeacher})
			must(t, err)
			reading := ta.ownedQuiz("Troops in Ukraine: reading check", u, quizzes.Published)
			ta.ownedQuiz("Rivers, second set", u, quizzes.Published)
			ta.ownedQuiz("Mountains (draft)", u, quizzes.Draft)

			teacher := newBrowser(t, browser, tc.width, tc.height, tc.script)
			exactSize(t, teacher, tc.width, tc.height)
			shot := func(ctx context.Context, n int, what string) {
				shoot(t, ctx, dir, fmt.Sprintf("class-%s-%d-%s", tc.name, n, what))
			}
			must(t, chromedp.Do(teacher,
				chromedp.Navigate(base+"/login"),
				chromedp.SendKeys("#username", "ms-jones"),
				chromedp.SendKeys("#password", "correct horse battery"),
				submit("form button[type=submit]"),
				chromedp.WaitVisible(`header nav a[href="/teach/classes"]`),
				chromedp.Click(`header nav a[href="/teach/classes"]`),
				chromedp.WaitVisible("#class-name"),
				chromedp.SendKeys("#class-name", "9B English"),
				submit(".class-new button"),
				chromedp.WaitVisible(".join-code"),
				chromedp.Click(`input[name="quiz"]`), // the newest quiz first
				chromedp.Click(`.quiz-picks li:nth-child(3) input`),
				submit(`.quiz-picks + button`),
				chromedp.WaitVisible(".notice"),
			))
			code, err := chromedp.Run(teacher, chromedp.Text(".join-code"))
			must(t, err)
			code = strings.TrimSpace(code)
			if !quizzes.ValidJoinCode(quizzes.NormalizeJoinCode(code)) {
				t.Fatalf("the class page shows %q, not a join code", code)
			}

			// Classmates who have already answered, for a gradebook with content.
			cl, err := ta.store.ClassByCode(context.Background(), code)
			must(t, err)
			for i, name := range []string{"Grace Hopper", "Alan Turing", "Katherine Johnson"} {
				fillGradebook(t, ta, cl, reading, name, i)
			}

			student := newBrowser(t, browser, tc.width, tc.height, tc.script)
			exactSize(t, student, tc.width, tc.height)
			must(t, chromedp.Do(student, chromedp.Navigate(base+"/"), chromedp.WaitVisible("#join-code")))
			shot(student, 1, "home-join")
			must(t, chromedp.Do(student,
				chromedp.SendKeys("#join-code", "zzz zzz"),
				chromedp.SendKeys("#join-name", "Ada Lovelace"),
				chromedp.Click(".join-form button"),
				chromedp.WaitVisible("#join .field-error"),
			))
			shot(student, 2, "home-wrong-code")
			must(t, chromedp.Do(student,
				chromedp.Clear("#join-code"),
				chromedp.SendKeys("#join-code", strings.ToLower(code)),
				chromedp.Click(".join-form button"), // the name is kept from the refused try
				chromedp.WaitVisible("#class"),
			))
			shot(student, 3, "home-class")
			heading, err := chromedp.Run(student, chromedp.Text("#class > h2"))
			must(t, err)
			if heading != "Your class: 9B English" {
				t.Errorf("student's class heading = %q", heading)
			}

			must(t, chromedp.Do(teacher, chromedp.Reload(), chromedp.WaitVisible(".gradebook")))
			shot(teacher, 4, "class-page")
			book, err := chromedp.Run(teacher, chromedp.Text(".gradebook"))
			must(t, err)
			for _, want := range []string{"Ada Lovelace", "Grace Hopper", "not started"} {
				if !strings.Contains(book, want) {
					t.Errorf("gradebook lacks %q: %q", want, book)
				}
			}
			// Nothing may stick out sideways on a phone but the tables, which scroll.
			wide, err := chromedp.Run(teacher, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			must(t, err)
			if wide {
				t.Errorf("the class page is wider than the %dpx window", tc.width)
			}
			must(t, chromedp.Do(teacher, chromedp.Navigate(base+"/teach/classes"), chromedp.WaitVisible(".table")))
			shot(teacher, 5, "class-list")
			t.Logf("screenshots in %s", dir)
		})
	}
}

// exactSize makes the page as wide as asked: a headless window is never
// narrower than 500 pixels, wider than a 390-pixel phone.
func exactSize(t *testing.T, ctx context.Context, width, height int) {
	t.Helper()
	_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
		Width: int64(width), Height: int64(height), DeviceScaleFactor: 1, Mobile: width < 600})
	must(t, err)
}

// fillGradebook puts a student in the class with n+1 attempts at q, with
// growing scores; the last is left open when n > 0.
func fillGradebook(t *testing.T, ta *testApp, cl quizzes.Class, q quizzes.Quiz, name string, n int) {
	t.Helper()
	ctx := context.Background()
	st, err := ta.store.CreateStudent(ctx, name, "tok-"+name)
	must(t, err)
	must(t, ta.store.JoinClass(ctx, st.ID, cl.ID))
	for i := range n + 1 {
		a, err := ta.store.OpenAttempt(ctx, q, st.ID)
		must(t, err)
		answers := map[int64]quizzes.Answer{}
		for _, qu := range q.Questions[:min(len(q.Questions), 2+2*i)] {
			field, values := rightAnswer(qu)
			answers[qu.ID] = answerValue(qu, field, values)
		}
		_, err = ta.store.SaveAnswers(ctx, q, a.ID, answers, time.Now())
		must(t, err)
		if i < n || n == 0 {
			_, err = ta.store.SubmitAttempt(ctx, a.ID)
			must(t, err)
		}
	}
}
