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
	"quiztrainer/views"
)

// Times on teacher pages show in the browser's time zone with script,
// and in UTC, labelled so, without.
func TestBrowserTeacherTimesInTheViewersZone(t *testing.T) {
	browser := findBrowser(t)
	ta, base := serveForBrowser(t)
	ctx := context.Background()
	hash, err := HashPassword("correct horse battery")
	must(t, err)
	u, err := ta.store.CreateUser(ctx, quizzes.User{Username: "ms-jones", PasswordHash: hash, Role: quizzes.RoleTeacher})
	must(t, err)
	q := ta.ownedQuiz("Rivers of the world", u, quizzes.Published)
	takeQuiz(t, ta, q, "Ada", "RRRRRRR", true)
	rs, err := ta.store.QuizResults(ctx, q.ID)
	must(t, err)
	submitted := rs[0].Attempt.SubmittedAt
	for _, script := range []bool{true, false} {
		t.Run(fmt.Sprint("script=", script), func(t *testing.T) {
			tab := newBrowser(t, browser, 1280, 900, script)
			_, err := chromedp.Call(tab, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "Asia/Kolkata"})
			must(t, err)
			must(t, chromedp.Do(tab,
				chromedp.Navigate(base+"/login"),
				chromedp.SendKeys("#username", "ms-jones"),
				chromedp.SendKeys("#password", "correct horse battery"),
				submit("form button[type=submit]"),
				chromedp.WaitVisible(`header nav a[href="/teach/classes"]`),
				chromedp.Navigate(base+views.ResultsURL(q.ID)),
				chromedp.WaitVisible("time[data-local-time]"),
			))
			shown := textOf(t, tab, "time[data-local-time]")
			// India is UTC+5:30 all year: the minutes differ by 30
			kolkata := submitted.UTC().Add(5*time.Hour + 30*time.Minute)
			if script {
				if strings.Contains(shown, "UTC") || !strings.Contains(shown, kolkata.Format("04")) {
					t.Errorf("with script the time reads %q, want India's time (minute %s) without UTC", shown, kolkata.Format("04"))
				}
			} else if !strings.Contains(shown, submitted.UTC().Format("15:04")+" UTC") {
				t.Errorf("without script the time reads %q, want %s UTC", shown, submitted.UTC().Format("15:04"))
			}
		})
	}
}
