package handlers

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// A teacher turns sign-in on and prints the cards; Ana signs in on one
// browser with the address and code of her card and hands in a quiz; on a
// second browser (its own cookies) she signs in with the same code, a
// wrong one first, and sees the same attempt in her results. Once with
// script, on a desktop then a phone, and once without, the other way round.
func TestBrowserStudentSignsInOnTwoDevices(t *testing.T) {
	browser := findBrowser(t)
	for _, run := range []struct {
		name          string
		script        bool
		first, second int
	}{
		{"with script", true, 1280, 390},
		{"without script", false, 390, 1280},
	} {
		t.Run(run.name, func(t *testing.T) {
			ta, base := serveForBrowser(t)
			dir := screenshotDir(t)
			tag := "signin-script"
			if !run.script {
				tag = "signin-noscript"
			}
			ctx := context.Background()
			hash, err := HashPassword("correct horse battery")
			must(t, err)
			u, err := ta.store.CreateUser(ctx, quizzes.User{Username: "ms-jones", PasswordHash: hash, Role: quizzes.RoleTeacher})
			must(t, err)
			q := ta.ownedQuiz("Rivers of the world", u, quizzes.Published)
			cl, err := ta.store.CreateClass(ctx, "9B English", u.ID)
			must(t, err)
			must(t, ta.store.SetClassQuizzes(ctx, cl.ID, []int64{q.ID}))
			for i, name := range []string{"Ana Lopez", "Ben Okafor", "Chloe Park"} {
				st, err := ta.store.CreateStudent(ctx, name, fmt.Sprintf("tok-%d", i))
				must(t, err)
				must(t, ta.store.JoinClass(ctx, st.ID, cl.ID))
			}

			teacher := newBrowser(t, browser, run.first, 900, run.script)
			exactSize(t, teacher, run.first, 900)
			must(t, chromedp.Do(teacher,
				chromedp.Navigate(base+"/login"),
				chromedp.SendKeys("#username", "ms-jones"),
				chromedp.SendKeys("#password", "correct horse battery"),
				submit("form button[type=submit]"),
				chromedp.WaitVisible(`header nav a[href="/teach/classes"]`),
				chromedp.Navigate(base+views.ClassURL(cl.ID)),
				chromedp.WaitVisible("#signin"),
			))
			shoot(t, teacher, dir, fmt.Sprintf("%s-1-class-off-%d", tag, run.first))
			must(t, chromedp.Do(teacher, submit(`#signin button`), chromedp.WaitVisible(".notice")))
			if notice := textOf(t, teacher, ".notice"); !strings.Contains(notice, "Sign-in is on: 3 students got a code") {
				t.Errorf("after turning sign-in on the page says %q", notice)
			}
			shoot(t, teacher, dir, fmt.Sprintf("%s-2-class-on-%d", tag, run.first))
			must(t, chromedp.Do(teacher, submit(`#signin a[href$="/signin/cards"]`), chromedp.WaitVisible(".signin-cards")))
			shoot(t, teacher, dir, fmt.Sprintf("%s-3-cards-%d", tag, run.first))
			type card struct{ Class, Name, Address, Code string }
			cards, err := chromedp.Run(teacher, chromedp.Evaluate[[]card](`Array.from(document.querySelectorAll('.signin-card')).map(c => ({
				Class: c.querySelector('.signin-card-class').textContent, Name: c.querySelector('.signin-card-name').textContent,
				Address: c.querySelector('.signin-card-address').textContent, Code: c.querySelector('.signin-card-code').textContent}))`))
			must(t, err)
			if len(cards) != 3 || cards[0].Name != "Ana Lopez" || cards[0].Class != "9B English" || !strings.HasPrefix(cards[0].Address, base+"/signin?code=") {
				t.Fatalf("cards %+v, want three, Ana's first with the class and the address", cards)
			}
			if run.script {
				if hidden, _ := chromedp.Run(teacher, chromedp.Evaluate[bool](`document.querySelector('[data-print]').hidden`)); hidden {
					t.Error("with script the print button is hidden")
				}
			} else if visible, _ := chromedp.Run(teacher, chromedp.Evaluate[bool](`!document.querySelector('[data-print]').hidden`)); visible {
				t.Error("without script the print button shows, and would do nothing")
			}
			checkPrintedCards(t, teacher, dir, fmt.Sprintf("%s-4-print", tag))

			// Ana's first device follows the address on her card.
			first := newBrowser(t, browser, run.first, 900, run.script)
			exactSize(t, first, run.first, 900)
			signInAs := func(device context.Context, width int, step string) {
				t.Helper()
				must(t, chromedp.Do(device, chromedp.WaitVisible("#signin-student")))
				must(t, chromedp.Do(device,
					chromedp.SetValue("#signin-student", optionValue(t, device, "#signin-student", "Ana Lopez")),
					chromedp.SendKeys("#signin-code", strings.ToUpper(cards[0].Code)),
				))
				shoot(t, device, dir, fmt.Sprintf("%s-%s-%d", tag, step, width))
				must(t, chromedp.Do(device, submit(".signin-form button"), chromedp.WaitVisible("#class")))
				if who := textOf(t, device, "header .who"); who != "Ana Lopez" {
					t.Errorf("after signing in the browser is %q, want Ana Lopez", who)
				}
			}
			must(t, chromedp.Do(first, chromedp.Navigate(cards[0].Address)))
			signInAs(first, run.first, "5-signin-first")
			shoot(t, first, dir, fmt.Sprintf("%s-6-home-signed-in-%d", tag, run.first))
			must(t, chromedp.Do(first,
				chromedp.Navigate(base+"/quiz/"+q.Slug),
				submit(".start-form button"),
				chromedp.WaitVisible("#q3"),
				chromedp.SendKeys("#q3 input[type=text]", "Seine"),
				submit("[data-finish]"),
				chromedp.WaitVisible(".review-page"),
				submit("form.confirm button[type=submit]"),
				chromedp.WaitVisible(".score .big"),
			))
			score := textOf(t, first, ".score .big")

			// The second device types the class code, then a wrong code.
			second := newBrowser(t, browser, run.second, 900, run.script)
			exactSize(t, second, run.second, 900)
			must(t, chromedp.Do(second,
				chromedp.Navigate(base+"/"),
				chromedp.Click(`a[href="/signin"]`),
				chromedp.WaitVisible("#signin-class"),
				chromedp.SendKeys("#signin-class", strings.ToLower(cl.JoinCode)),
			))
			shoot(t, second, dir, fmt.Sprintf("%s-7-class-code-%d", tag, run.second))
			must(t, chromedp.Do(second, submit(".signin form button"), chromedp.WaitVisible("#signin-student")))
			must(t, chromedp.Do(second,
				chromedp.SetValue("#signin-student", optionValue(t, second, "#signin-student", "Ana Lopez")),
				chromedp.SendKeys("#signin-code", cards[1].Code), // Ben's
				submit(".signin-form button"),
				chromedp.WaitVisible("#signin-code-error"),
			))
			shoot(t, second, dir, fmt.Sprintf("%s-8-wrong-code-%d", tag, run.second))
			if msg := textOf(t, second, "#signin-code-error"); !strings.Contains(msg, "That is not Ana Lopez’s code") {
				t.Errorf("a wrong code says %q", msg)
			}
			if n, _ := chromedp.Run(second, chromedp.Evaluate[int](`document.querySelectorAll('header .who').length`)); n != 0 {
				t.Error("a wrong code signed the second browser in")
			}
			must(t, chromedp.Do(second, chromedp.Clear("#signin-code")))
			signInAs(second, run.second, "9-signin-second")
			must(t, chromedp.Do(second, chromedp.Navigate(base+"/me"), chromedp.WaitVisible("main")))
			shoot(t, second, dir, fmt.Sprintf("%s-10-history-second-%d", tag, run.second))
			results, err := chromedp.Run(second, chromedp.Evaluate[int](`document.querySelectorAll('main a[href$="/result"]').length`))
			must(t, err)
			if results != 1 {
				t.Errorf("the second browser lists %d results, want the first browser's attempt", results)
			}
			must(t, chromedp.Do(second, chromedp.Click(`main a[href$="/result"]`), chromedp.WaitVisible(".score .big")))
			if got := textOf(t, second, ".score .big"); got != score {
				t.Errorf("the second browser shows score %q, the first %q", got, score)
			}
			for _, device := range []context.Context{teacher, first, second} {
				wide, err := chromedp.Run(device, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
				must(t, err)
				if wide {
					t.Error("a page is wider than its window")
				}
			}
		})
	}
}

// checkPrintedCards looks at the cards page as it prints: no header,
// footer or forms, two cards a row, and on A4 and Letter the three cards
// on one page.
func checkPrintedCards(t *testing.T, tab context.Context, dir, name string) {
	t.Helper()
	if _, err := chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	shoot(t, tab, dir, name)
	shown, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('header.site, footer.site, .no-print, form'))
		.filter(e => getComputedStyle(e).display !== 'none' && !e.closest('.no-print, header.site')).map(e => e.tagName + '.' + e.className)`))
	must(t, err)
	if len(shown) != 0 {
		t.Errorf("printing shows %q besides the cards", shown)
	}
	columns, err := chromedp.Run(tab, chromedp.Evaluate[int](`new Set(Array.from(document.querySelectorAll('.signin-card')).map(c => Math.round(c.getBoundingClientRect().left))).size`))
	must(t, err)
	if columns != 2 {
		t.Errorf("printed cards in %d columns, want 2", columns)
	}
	for _, paper := range []struct {
		name          string
		width, height float64 // inches
	}{{"A4", 8.27, 11.69}, {"Letter", 8.5, 11}} {
		res, err := chromedp.Call(tab, cdppage.PrintToPDF, cdppage.PrintToPDFParams{PaperWidth: paper.width, PaperHeight: paper.height})
		must(t, err)
		buf := res.Data
		// Chromium writes each page object as "/Type /Page" plainly; the
		// page tree is "/Type /Pages".
		pages := bytes.Count(buf, []byte("/Type /Page")) - bytes.Count(buf, []byte("/Type /Pages"))
		if pages != 1 {
			t.Errorf("%s: the three cards print on %d pages, want 1", paper.name, pages)
		}
	}
}
