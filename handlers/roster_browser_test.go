package handlers

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// One pupil joins a class on a laptop and again on a phone, and hands in
// the same quiz on each. The teacher merges the phone's student into the
// laptop's: both attempts are kept and the page says so, the roster lists
// one Ana, and the phone then answers as her. The teacher then removes
// her (confirm, without script on a phone) and restores her.
func TestBrowserTeacherMergesTwoDevicesAndRestoresARemovedStudent(t *testing.T) {
	browser := findBrowser(t)
	ta, base := serveForBrowser(t)
	dir := screenshotDir(t)
	ctx := context.Background()
	hash, err := HashPassword("correct horse battery")
	must(t, err)
	u, err := ta.store.CreateUser(ctx, quizzes.User{Username: "ms-jones", PasswordHash: hash, Role: quizzes.RoleTeacher})
	must(t, err)
	q := ta.ownedQuiz("Rivers of the world", u, quizzes.Published)
	cl, err := ta.store.CreateClass(ctx, "9B English", u.ID)
	must(t, err)
	must(t, ta.store.SetClassQuizzes(ctx, cl.ID, []int64{q.ID}))

	takeOn := func(width int, name, answer string) context.Context {
		device := newBrowser(t, browser, width, 900, false)
		exactSize(t, device, width, 900)
		must(t, chromedp.Do(device,
			chromedp.Navigate(base+"/"),
			chromedp.SendKeys("#join-code", cl.JoinCode),
			chromedp.SendKeys("#join-name", name),
			submit(".join-form button"),
			chromedp.WaitVisible("#class"),
			chromedp.Navigate(base+"/quiz/"+q.Slug),
			submit(".start-form button"),
			chromedp.WaitVisible("#q3"),
			chromedp.SendKeys("#q3 input[type=text]", answer),
			submit("[data-finish]"),
			chromedp.WaitVisible(".review-page"),
			submit("form.confirm button[type=submit]"),
			chromedp.WaitVisible(".score .big"),
		))
		return device
	}
	takeOn(1280, "Ana Lopez", "Seine")
	phone := takeOn(390, "Ana L", "Thames")

	teacher := newBrowser(t, browser, 1280, 900, true)
	exactSize(t, teacher, 1280, 900)
	must(t, chromedp.Do(teacher,
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys("#username", "ms-jones"),
		chromedp.SendKeys("#password", "correct horse battery"),
		submit("form button[type=submit]"),
		chromedp.WaitVisible(`header nav a[href="/teach/classes"]`),
		chromedp.Navigate(base+views.ClassURL(cl.ID)),
		chromedp.WaitVisible(".roster"),
	))
	shoot(t, teacher, dir, "roster-1-two-anas")
	must(t, chromedp.Do(teacher,
		chromedp.Click(`//table[contains(@class,"roster")]//tr[td[1][normalize-space()="Ana L"]]//a`),
		chromedp.WaitVisible("#merge-into"),
	))
	must(t, chromedp.Do(teacher, chromedp.SetValue("#merge-into", optionValue(t, teacher, "#merge-into", "Ana Lopez"))))
	shoot(t, teacher, dir, "roster-2-student-page")
	must(t, chromedp.Do(teacher, submit(`form[action$="/merge"] button`), chromedp.WaitVisible(".notice")))
	shoot(t, teacher, dir, "roster-3-merged")
	notice := textOf(t, teacher, ".notice")
	if !strings.Contains(notice, "Merged Ana L into Ana Lopez: 1 attempt moved") || !strings.Contains(notice, "Both had attempts at Rivers of the world") {
		t.Errorf("after merging the page says %q", notice)
	}
	names, err := chromedp.Run(teacher, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.roster tbody td:first-child')).map(td => td.textContent)`))
	must(t, err)
	if len(names) != 1 || names[0] != "Ana Lopez" {
		t.Errorf("the roster lists %q, want Ana Lopez once", names)
	}
	book := textOf(t, teacher, ".gradebook tbody")
	if !strings.Contains(book, "Ana Lopez") || !strings.Contains(book, "2 attempts") {
		t.Errorf("the gradebook reads %q, want Ana Lopez with 2 attempts", book)
	}
	// the phone now answers as Ana Lopez and sees both attempts
	must(t, chromedp.Do(phone, chromedp.Navigate(base+"/me"), chromedp.WaitVisible("header .who")))
	if who := textOf(t, phone, "header .who"); who != "Ana Lopez" {
		t.Errorf("the phone's student is %q, want Ana Lopez", who)
	}
	if n, _ := chromedp.Run(phone, chromedp.Evaluate[int](`document.querySelectorAll('a[href$="/result"]').length`)); n != 2 {
		t.Errorf("the phone lists %d results, want both attempts", n)
	}

	// remove without script on a phone-sized page: the box must be ticked
	remover := newBrowser(t, browser, 390, 844, false)
	exactSize(t, remover, 390, 844)
	must(t, chromedp.Do(remover,
		chromedp.Navigate(base+"/login"),
		chromedp.SendKeys("#username", "ms-jones"),
		chromedp.SendKeys("#password", "correct horse battery"),
		submit("form button[type=submit]"),
		chromedp.WaitVisible(`header nav a[href="/teach/classes"]`),
		chromedp.Navigate(base+views.ClassURL(cl.ID)),
		chromedp.Click(`//table[contains(@class,"roster")]//tr[td[1][normalize-space()="Ana Lopez"]]//a`),
		chromedp.WaitVisible(`form[action$="/remove"]`),
	))
	shoot(t, remover, dir, "roster-4-student-page-390")
	must(t, chromedp.Do(remover,
		chromedp.Click(`form[action$="/remove"] input[name=confirm]`),
		submit(`form[action$="/remove"] button`),
		chromedp.WaitVisible("#removed"),
	))
	shoot(t, remover, dir, "roster-5-removed-390")
	if n, _ := chromedp.Run(remover, chromedp.Evaluate[int](`document.querySelectorAll('.roster').length`)); n != 0 {
		t.Error("the removed student is still on the roster")
	}
	wide, err := chromedp.Run(remover, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	must(t, err)
	if wide {
		t.Error("the class page is wider than the 390px window")
	}
	must(t, chromedp.Do(remover, submit(`.removed-list button`), chromedp.WaitVisible(".roster")))
	shoot(t, remover, dir, "roster-6-restored-390")
	if notice := textOf(t, remover, ".notice"); !strings.Contains(notice, "Restored Ana Lopez with every answer") {
		t.Errorf("after restoring the page says %q", notice)
	}
	results, err := ta.store.QuizResults(ctx, q.ID)
	must(t, err)
	if len(results) != 2 || results[0].Attempt.StudentID != results[1].Attempt.StudentID {
		t.Errorf("after merging and restoring the results hold %d attempts, want both of one student", len(results))
	}
}

// optionValue is the value of the select's option with the given text.
func optionValue(t *testing.T, ctx context.Context, sel, text string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelector(`+jsString(sel)+`).options).find(o => o.text === `+jsString(text)+`).value`))
	must(t, err)
	return v
}

func jsString(s string) string { return "'" + strings.ReplaceAll(s, "'", `\'`) + "'" }
