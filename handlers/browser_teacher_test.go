package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"quiztrainer/assets"
	"quiztrainer/quizzes"
)

// TestBrowserTeacherMakesAQuizAStudentTakesIt walks the teacher's path in
// Chromium: sign in, paste an article, edit a drafted question, publish;
// then a student takes the quiz.
func TestBrowserTeacherMakesAQuizAStudentTakesIt(t *testing.T) {
	browser := findBrowser(t)
	ta, base := serveForBrowser(t)
	hash, _ := HashPassword("correct horse battery")
	if _, err := ta.store.CreateUser(context.Background(), quizzes.User{Username: "ms-lee", PasswordHash: hash, Role: quizzes.RoleTeacher}); err != nil {
		t.Fatal(err)
	}
	dir := screenshotDir(t)
	ctx := newBrowser(t, browser, 1280, 900, true)
	step := func(name string) { shoot(t, ctx, dir, "teacher-"+name) }

	must(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/teach"),
		chromedp.WaitVisible("#username"),
	))
	step("1-login")
	must(t, chromedp.Do(ctx,
		chromedp.SendKeys("#username", "ms-lee"),
		chromedp.SendKeys("#password", "correct horse battery"),
		chromedp.Click(".stack button"),
		chromedp.WaitVisible(`a[href="/teach/new"]`),
	))
	step("2-dashboard")
	must(t, chromedp.Do(ctx,
		chromedp.Click(`.toolbar a[href="/teach/new"]`),
		chromedp.WaitVisible("#text"),
		chromedp.SendKeys("#title", "Troops and the economy"),
		chromedp.SetValue("#text", assets.SampleArticle),
		chromedp.SetValue("#count", "8"),
	))
	step("3-new-quiz")
	must(t, chromedp.Do(ctx,
		chromedp.Click(`form[action="/teach/new"] button`),
		chromedp.WaitVisible(".review"),
	))
	step("4-draft")
	must(t, chromedp.Do(ctx,
		chromedp.Click("#q1 .toolbar a.button"),
		chromedp.WaitVisible("#prompt"),
		chromedp.Clear("#prompt"),
		// the first question may be a blank: the edit keeps one
		chromedp.SendKeys("#prompt", "Edited by the teacher: the article says _____ sends troops."),
	))
	step("5-edit-question")
	must(t, chromedp.Do(ctx,
		chromedp.Click(".question-form button.primary"),
		chromedp.WaitVisible(".notice"),
	))
	first, err := chromedp.Run(ctx, chromedp.Text("#q1 .prompt"))
	must(t, err)
	if !strings.Contains(first, "Edited by the teacher") {
		t.Errorf("question 1 after editing reads %q", first)
	}
	must(t, chromedp.Do(ctx,
		chromedp.Click(`input[value="published"] + button`),
		chromedp.WaitVisible(".badge.published"),
	))
	step("6-published")
	link, err := chromedp.Run(ctx, chromedp.Text(`a[href^="/quiz/"]`))
	must(t, err)

	student := newBrowser(t, browser, 390, 844, true)
	must(t, chromedp.Do(student,
		chromedp.Navigate(base+link),
		chromedp.SendKeys("#display_name", "Sam"),
		chromedp.Click(".start-form button"),
		chromedp.WaitVisible("[data-question]"),
	))
	prompt, err := chromedp.Run(student, chromedp.Text("#q1 legend"))
	must(t, err)
	if !strings.Contains(prompt, "Edited by the teacher") {
		t.Errorf("the student sees %q as question 1, not the teacher's edit", prompt)
	}
	shoot(t, student, dir, "teacher-7-student-takes-it")
	must(t, chromedp.Do(student,
		submit("[data-finish]"),
		chromedp.WaitVisible(".review-page"),
		submit(".confirm button"),
		chromedp.WaitVisible(".score .big"),
	))

	// The teacher reads the gradebook and downloads the attempts as CSV.
	must(t, chromedp.Do(ctx,
		chromedp.Click(`a[href$="/results"]`),
		chromedp.WaitVisible("table.gradebook"),
	))
	step("8-results")
	book, err := chromedp.Run(ctx, chromedp.Text("table.gradebook"))
	must(t, err)
	if !strings.Contains(book, "Sam") {
		t.Errorf("the gradebook does not list the student: %q", book)
	}
	csv, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector('a[href$="attempts.csv"]').href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	must(t, err)
	if lines := strings.Split(strings.TrimSpace(csv), "\n"); len(lines) != 2 || !strings.Contains(lines[1], "Sam") {
		t.Errorf("the downloaded CSV has %d lines, want a header and Sam's attempt: %q", len(lines), csv)
	}
}
