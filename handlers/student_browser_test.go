package handlers

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"quiztrainer/quizzes"
)

// serveQuiz runs the real app on a local port with the fixture quiz made
// with the given settings.
func serveQuiz(t *testing.T, settings quizzes.Settings) (*testApp, string, quizzes.Quiz) {
	t.Helper()
	ta := newTestApp(t)
	q := ta.fixtureQuiz(settings)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ta.app = New(ta.store, slog.New(slog.NewTextHandler(io.Discard, nil)), nil, Config{})
	go ta.app.Listener(ln)
	t.Cleanup(func() { ta.app.ShutdownWithTimeout(5 * time.Second) })
	return ta, "http://" + ln.Addr().String(), q
}

// startInBrowser opens the quiz and starts it under the given name.
func startInBrowser(t *testing.T, ctx context.Context, base string, q quizzes.Quiz, name string) {
	t.Helper()
	must(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/quiz/"+q.Slug),
		chromedp.WaitVisible("#display_name"),
		chromedp.SendKeys("#display_name", name),
		submit(".start-form button"),
		chromedp.WaitVisible("[data-question]"),
	))
}

// saveButton presses a question's Save button: with the script the page
// stays, without it the next page replaces this one.
func saveButton(script bool, sel string) chromedp.Action[chromedp.Void] {
	if script {
		return chromedp.Click(sel)
	}
	return submit(sel)
}

// storedAnswers returns the answers stored in the student's only attempt.
func storedAnswers(t *testing.T, ta *testApp, studentName string) (quizzes.Attempt, map[int64]quizzes.Response) {
	t.Helper()
	ctx := context.Background()
	for id := int64(1); id < 20; id++ {
		st, err := ta.store.Student(ctx, id)
		if err != nil || st.DisplayName != studentName {
			continue
		}
		attempts, err := ta.store.StudentAttempts(ctx, st.ID)
		if err != nil || len(attempts) != 1 {
			t.Fatalf("%s has %d attempts (%v), want 1", studentName, len(attempts), err)
		}
		rs, err := ta.store.Responses(ctx, attempts[0].ID)
		must(t, err)
		return attempts[0], rs
	}
	t.Fatalf("no student %q", studentName)
	return quizzes.Attempt{}, nil
}

// An answer typed but never saved goes with Finish, with and without
// JavaScript; the review page lists the unanswered questions with links
// back to them, and the hand-in keeps the typed answer.
func TestBrowserTypedAnswerGoesWithFinish(t *testing.T) {
	browser := findBrowser(t)
	for _, tc := range []struct {
		name   string
		width  int
		script bool
	}{{"js", 1280, true}, {"nojs", 390, false}} {
		t.Run(tc.name, func(t *testing.T) {
			ta, base, q := serveQuiz(t, quizzes.Settings{})
			dir := screenshotDir(t)
			ctx := newBrowser(t, browser, tc.width, 900, tc.script)
			exactSize(t, ctx, tc.width, 900)
			startInBrowser(t, ctx, base, q, "Ada")
			// question 3 is the short answer; question 1 is answered with its Save button
			must(t, chromedp.Do(ctx,
				chromedp.Click("#q1 .choice input"),
				saveButton(tc.script, "#q1 button[name=save]"),
				chromedp.WaitVisible("#q1.answered"),
				chromedp.SendKeys("#q3 input[type=text]", "Seine"),
			))
			shoot(t, ctx, dir, "typed-"+tc.name+"-1-typed")
			must(t, chromedp.Do(ctx, submit("[data-finish]"), chromedp.WaitVisible(".review-page")))
			shoot(t, ctx, dir, "typed-"+tc.name+"-2-review")
			unanswered, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('.unanswered a')).map(a => a.getAttribute('href'))`))
			must(t, err)
			want := []string{}
			for _, n := range []int{2, 4, 5, 6, 7} {
				want = append(want, fmt.Sprintf("#q%d", n))
			}
			if len(unanswered) != len(want) {
				t.Fatalf("the review lists %d unanswered questions %q, want %d", len(unanswered), unanswered, len(want))
			}
			for i, href := range unanswered {
				if !strings.HasSuffix(href, want[i]) {
					t.Errorf("unanswered link %d goes to %q, want …%s", i, href, want[i])
				}
			}
			answered, err := chromedp.Run(ctx, chromedp.Text(".review-list.answered"))
			must(t, err)
			if !strings.Contains(answered, "On which river does Paris lie?") || !strings.Contains(answered, "longest in Africa") {
				t.Errorf("the answered list reads %q, want questions 1 and 3", answered)
			}
			// the link back leads to the question with the typed answer in place
			must(t, chromedp.Do(ctx, submit(`.unanswered a[href$="#q2"]`), chromedp.WaitVisible("#q2")))
			typed, err := chromedp.Run(ctx, chromedp.Value("#q3 input[type=text]"))
			must(t, err)
			if typed != "Seine" {
				t.Errorf("back on the quiz, question 3 shows %q, want Seine", typed)
			}
			must(t, chromedp.Do(ctx, submit("[data-finish]"), chromedp.WaitVisible(".review-page"),
				submit(".confirm button"), chromedp.WaitVisible(".score .big")))
			shoot(t, ctx, dir, "typed-"+tc.name+"-3-result")
			a, rs := storedAnswers(t, ta, "Ada")
			if !a.Submitted() || rs[q.Questions[2].ID].Given.Text != "Seine" || !rs[q.Questions[2].ID].Correct {
				t.Errorf("handed in %v with the short answer %+v, want the typed Seine, right", a.Submitted(), rs[q.Questions[2].ID])
			}
			if len(rs) != 2 {
				t.Errorf("%d answers stored, want 2", len(rs))
			}
		})
	}
}

// On a shared computer the next student switches: the first keeps their
// attempt and answer, the second starts under their own name.
func TestBrowserSwitchStudent(t *testing.T) {
	browser := findBrowser(t)
	ta, base, q := serveQuiz(t, quizzes.Settings{})
	dir := screenshotDir(t)
	ctx := newBrowser(t, browser, 1280, 900, true)
	startInBrowser(t, ctx, base, q, "Ana Lopez")
	must(t, chromedp.Do(ctx,
		chromedp.SendKeys("#q3 input[type=text]", "Seine"),
		saveButton(true, "#q3 button[name=save]"),
	))
	// with the script the save stays on the page; wait for it to be stored
	must(t, chromedp.Do(ctx, chromedp.WaitVisible("#q3.answered")))
	shoot(t, ctx, dir, "switch-1-ana")
	must(t, chromedp.Do(ctx, submit("form.switch button"), chromedp.WaitVisible(".notice")))
	shoot(t, ctx, dir, "switch-2-switched")
	notice, err := chromedp.Run(ctx, chromedp.Text(".notice"))
	must(t, err)
	if !strings.Contains(notice, "Ana Lopez is no longer taking quizzes") {
		t.Errorf("after switching the page says %q", notice)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('header .who').length`)); n != 0 {
		t.Error("after switching the header still names a student")
	}
	startInBrowser(t, ctx, base, q, "Ben Okafor")
	who, err := chromedp.Run(ctx, chromedp.Text("header .who"))
	must(t, err)
	value, err := chromedp.Run(ctx, chromedp.Value("#q3 input[type=text]"))
	must(t, err)
	if who != "Ben Okafor" || value != "" {
		t.Errorf("the second student is %q and sees %q in question 3, want Ben Okafor and an empty box", who, value)
	}
	_, rs := storedAnswers(t, ta, "Ana Lopez")
	if rs[q.Questions[2].ID].Given.Text != "Seine" {
		t.Errorf("Ana's answer is %+v, want Seine kept", rs[q.Questions[2].ID])
	}
	if _, rs := storedAnswers(t, ta, "Ben Okafor"); len(rs) != 0 {
		t.Errorf("Ben has %d answers before answering", len(rs))
	}
}

// A timed quiz counts down, warns at one minute, and hands in by itself
// when time runs out, with the answer typed but not saved.
func TestBrowserCountdownHandsIn(t *testing.T) {
	browser := findBrowser(t)
	ta, base, q := serveQuiz(t, quizzes.Settings{TimeLimit: 5 * time.Second})
	dir := screenshotDir(t)
	ctx := newBrowser(t, browser, 390, 844, true)
	exactSize(t, ctx, 390, 844)
	startInBrowser(t, ctx, base, q, "Ada")
	must(t, chromedp.Do(ctx, chromedp.WaitVisible(".countdown.warn .time-left")))
	left, err := chromedp.Run(ctx, chromedp.Text(".countdown .time-left"))
	must(t, err)
	warning, err := chromedp.Run(ctx, chromedp.TextContent(".countdown [role=alert]"))
	must(t, err)
	if !strings.HasPrefix(left, "Time left: 0:0") || !strings.Contains(warning, "One minute left") {
		t.Errorf("the countdown reads %q and warns %q", left, warning)
	}
	must(t, chromedp.Do(ctx, chromedp.SendKeys("#q4 input[type=text]", "Africa")))
	shoot(t, ctx, dir, "countdown-1-warning")
	must(t, chromedp.Do(ctx, chromedp.WaitVisible(".score .big")))
	shoot(t, ctx, dir, "countdown-2-handed-in")
	a, rs := storedAnswers(t, ta, "Ada")
	if !a.Submitted() || rs[q.Questions[3].ID].Given.Text != "Africa" {
		t.Errorf("after the time ran out: handed in %v, answer %+v; want handed in with Africa", a.Submitted(), rs[q.Questions[3].ID])
	}
}

// A student who uses only the keyboard answers every question, finishes
// and hands in; focus is never left on the page body, even when a saved
// question is redrawn with its feedback.
func TestBrowserKeyboardOnlyQuiz(t *testing.T) {
	browser := findBrowser(t)
	ta, base, q := serveQuiz(t, quizzes.Settings{Feedback: quizzes.FeedbackNow})
	dir := screenshotDir(t)
	ctx := newBrowser(t, browser, 1280, 900, true)
	startInBrowser(t, ctx, base, q, "Kim")
	key := func(k string) {
		t.Helper()
		must(t, chromedp.Do(ctx, chromedp.KeyEvent(k)))
	}
	focused := func() string {
		t.Helper()
		// settle: a save redraws its question after the answer comes back
		time.Sleep(60 * time.Millisecond)
		f, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
			var e = document.activeElement;
			if (!e || e === document.body) return "body";
			var card = e.closest('[data-question]');
			return e.tagName.toLowerCase() + ":" + (e.type || "") + ":" + (e.name || "") + ":" + (e.getAttribute('data-finish') !== null ? "finish" : "") + ":" + (card ? card.id : "");
		})()`))
		must(t, err)
		return f
	}
	saved, ringChecked := 0, false
	var trail []string
	for step := 0; step < 200; step++ {
		key("\t")
		f := focused()
		trail = append(trail, f)
		if f == "body" {
			t.Fatalf("focus fell to the body after %q", trail)
		}
		parts := strings.Split(f, ":")
		switch {
		case parts[3] == "finish":
			_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.dataset.leaving = "1", true`))
			must(t, err)
			key("\r")
			must(t, chromedp.Do(ctx, chromedp.WaitNotPresent(`html[data-leaving]`), chromedp.WaitVisible(".review-page")))
			goto review
		case parts[1] == "radio" || parts[1] == "checkbox":
			if !ringChecked {
				ringChecked = true
				checkChoiceFocusRing(t, ctx)
			}
			key(" ")
		case parts[0] == "select":
			key(kb.ArrowDown) // the first match
		case parts[1] == "text":
			must(t, chromedp.Do(ctx, chromedp.KeyEvent("2")))
		case parts[2] == "save":
			key("\r")
			saved++
			if f := focused(); f == "body" {
				t.Fatalf("focus fell to the body after saving %s", parts[4])
			}
		}
	}
	t.Fatalf("never reached Finish: %q", trail)
review:
	shoot(t, ctx, dir, "keyboard-1-review")
	for step := 0; ; step++ {
		if step > 30 {
			t.Fatal("never reached the hand-in button")
		}
		key("\t")
		f, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.activeElement.matches('.confirm button')`))
		must(t, err)
		if f {
			break
		}
	}
	_, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.dataset.leaving = "1", true`))
	must(t, err)
	key("\r")
	must(t, chromedp.Do(ctx, chromedp.WaitNotPresent(`html[data-leaving]`), chromedp.WaitVisible(".score .big")))
	shoot(t, ctx, dir, "keyboard-2-result")
	a, rs := storedAnswers(t, ta, "Kim")
	if !a.Submitted() || len(rs) != len(q.Questions) || saved != len(q.Questions) {
		t.Errorf("handed in %v with %d answers after %d saves, want %d of each: %q", a.Submitted(), len(rs), saved, len(q.Questions), trail)
	}
}

// checkChoiceFocusRing reads the focus ring of the choice row holding the
// focused input: it must be drawn, and contrast 3:1 or more with the page.
func checkChoiceFocusRing(t *testing.T, ctx context.Context) {
	t.Helper()
	ring, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(function () {
		var row = document.activeElement.closest('.choice'), st = getComputedStyle(row);
		return [st.outlineStyle, st.outlineWidth, st.outlineColor, getComputedStyle(document.body).backgroundColor];
	})()`))
	must(t, err)
	if ring[0] == "none" || ring[1] == "0px" {
		t.Fatalf("the focused choice row draws no ring: %q", ring)
	}
	if c := contrast(parseRGB(t, ring[2]), parseRGB(t, ring[3])); c < 3 {
		t.Errorf("the focus ring %s on %s has contrast %.2f:1, want 3:1 or more", ring[2], ring[3], c)
	}
}

func parseRGB(t *testing.T, css string) [3]float64 {
	t.Helper()
	var c [3]float64
	if _, err := fmt.Sscanf(strings.Replace(css, "rgba", "rgb", 1), "rgb(%f, %f, %f", &c[0], &c[1], &c[2]); err != nil {
		t.Fatalf("read colour %q: %v", css, err)
	}
	return c
}

// contrast is the WCAG contrast ratio of two sRGB colours.
func contrast(a, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		var l [3]float64
		for i, v := range c {
			v /= 255
			if v <= 0.03928 {
				l[i] = v / 12.92
			} else {
				l[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// Where feedback comes at once, pressing Enter in an answer box without
// JavaScript checks only the answer the student was writing: with one new
// answer on the page it is checked and locks; with several, none is
// checked or locked, and the page says why and keeps what was typed.
func TestBrowserEnterChecksOnlyTheAnswerMeant(t *testing.T) {
	browser := findBrowser(t)
	for _, width := range []int{1280, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ta, base, q := serveQuiz(t, quizzes.Settings{Feedback: quizzes.FeedbackNow})
			dir := screenshotDir(t)
			ctx := newBrowser(t, browser, width, 900, false)
			exactSize(t, ctx, width, 900)
			startInBrowser(t, ctx, base, q, "Ada")
			// question 3 is the short answer, 4 the cloze
			must(t, chromedp.Do(ctx,
				chromedp.SendKeys("#q4 input[type=text]", "Africa"),
				chromedp.SendKeys("#q3 input[type=text]", "Seine"+kb.Enter),
				chromedp.WaitVisible(".notice"),
			))
			shoot(t, ctx, dir, fmt.Sprintf("enter-%d-1-two-typed", width))
			notice, err := chromedp.Run(ctx, chromedp.Text(".notice"))
			must(t, err)
			if !strings.Contains(notice, "Nothing was checked yet") {
				t.Errorf("after Enter with two typed answers the page says %q", notice)
			}
			locked, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('fieldset[disabled]').length`))
			must(t, err)
			q3, err := chromedp.Run(ctx, chromedp.Value("#q3 input[type=text]"))
			must(t, err)
			q4, err := chromedp.Run(ctx, chromedp.Value("#q4 input[type=text]"))
			must(t, err)
			if locked != 0 || q3 != "Seine" || q4 != "Africa" {
				t.Errorf("after Enter with two typed answers: %d questions locked, boxes %q and %q; want none locked and both kept", locked, q3, q4)
			}
			if _, rs := storedAnswers(t, ta, "Ada"); len(rs) != 0 {
				t.Errorf("%d answers were stored, want none", len(rs))
			}
			// with only one new answer on the page, Enter checks that one
			must(t, chromedp.Do(ctx,
				chromedp.SendKeys("#q4 input[type=text]", kb.End+strings.Repeat(kb.Backspace, 6)),
				chromedp.SendKeys("#q3 input[type=text]", kb.Enter),
				chromedp.WaitVisible("#q3.answered"),
			))
			shoot(t, ctx, dir, fmt.Sprintf("enter-%d-2-one-checked", width))
			feedback, err := chromedp.Run(ctx, chromedp.Text("#q3 .feedback"))
			must(t, err)
			if !strings.Contains(feedback, "Right") {
				t.Errorf("question 3's feedback reads %q, want Right", feedback)
			}
			locked, err = chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('fieldset[disabled]').length`))
			must(t, err)
			if locked != 1 {
				t.Errorf("%d questions locked, want only question 3", locked)
			}
			_, rs := storedAnswers(t, ta, "Ada")
			if len(rs) != 1 || rs[q.Questions[2].ID].Given.Text != "Seine" {
				t.Errorf("stored %+v, want only question 3's Seine", rs)
			}
		})
	}
}

// Saved while typing: the server sends back no card for answers saved
// that way, and the script marks each of them saved in place, keeping
// what the student is typing and where.
func TestBrowserAutosaveMarksEveryAnswerSaved(t *testing.T) {
	browser := findBrowser(t)
	ta, base, q := serveQuiz(t, quizzes.Settings{})
	dir := screenshotDir(t)
	ctx := newBrowser(t, browser, 1280, 900, true)
	startInBrowser(t, ctx, base, q, "Ada")
	must(t, chromedp.Do(ctx,
		chromedp.Click("#q2 .choice input"),
		chromedp.SendKeys("#q3 input[type=text]", "Seine"),
		chromedp.WaitVisible("#q2.answered"),
		chromedp.WaitVisible("#q3.answered"),
	))
	shoot(t, ctx, dir, "autosave")
	for _, sel := range []string{"#q2 [data-status]", "#q3 [data-status]"} {
		status, err := chromedp.Run(ctx, chromedp.Text(sel))
		must(t, err)
		if strings.TrimSpace(status) != "Saved" {
			t.Errorf("%s reads %q, want Saved", sel, status)
		}
	}
	focused, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.closest('[data-question]').id + ' ' + document.activeElement.value`))
	must(t, err)
	if focused != "q3 Seine" {
		t.Errorf("focus is on %q, want the typed answer of q3", focused)
	}
	_, rs := storedAnswers(t, ta, "Ada")
	if len(rs) != 2 || rs[q.Questions[2].ID].Given.Text != "Seine" {
		t.Errorf("stored %d answers, the short one %+v; want 2 with Seine", len(rs), rs[q.Questions[2].ID])
	}
}
