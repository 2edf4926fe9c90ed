package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// A teacher deletes a question that students answered: a confirm page
// says how many answers it holds, the quiz page offers it back, and the
// restore brings it back in its place with every answer and score.
// Without script on a phone, and with it on a desktop.
func TestBrowserUndoADeletedQuestion(t *testing.T) {
	browser := findBrowser(t)
	for _, tc := range []struct {
		width  int
		script bool
	}{{390, false}, {1280, true}} {
		t.Run(fmt.Sprint(tc.width), func(t *testing.T) {
			ta, base := serveForBrowser(t)
			dir := screenshotDir(t)
			ctx := context.Background()
			hash, err := HashPassword("correct horse battery")
			must(t, err)
			u, err := ta.store.CreateUser(ctx, quizzes.User{Username: "ms-jones", PasswordHash: hash, Role: quizzes.RoleTeacher})
			must(t, err)
			q := ta.ownedQuiz("Rivers of the world", u, quizzes.Published)
			takeQuiz(t, ta, q, "Ada", "RRRRRRR", true)
			takeQuiz(t, ta, q, "Bo", "WRRRRRR", true)
			scores := func() []float64 {
				rs, err := ta.store.QuizResults(ctx, q.ID)
				must(t, err)
				var out []float64
				for _, r := range rs {
					out = append(out, r.Attempt.Score)
				}
				return out
			}
			before := scores()

			teacher := newBrowser(t, browser, tc.width, 900, tc.script)
			exactSize(t, teacher, tc.width, 900)
			shot := func(n int, what string) { shoot(t, teacher, dir, fmt.Sprintf("undo-%d-%d-%s", tc.width, n, what)) }
			must(t, chromedp.Do(teacher,
				chromedp.Navigate(base+"/login"),
				chromedp.SendKeys("#username", "ms-jones"),
				chromedp.SendKeys("#password", "correct horse battery"),
				submit("form button[type=submit]"),
				chromedp.WaitVisible(`header nav a[href="/teach/classes"]`),
				chromedp.Navigate(base+views.TeacherQuizURL(q.ID)),
				chromedp.Click(`a[aria-label="Delete question 1"]`),
				chromedp.WaitVisible(".confirm-delete"),
			))
			shot(1, "confirm")
			if says := textOf(t, teacher, ".confirm-delete"); !strings.Contains(says, "Students gave 2 answers to this question") {
				t.Errorf("the confirm page says %q, want the 2 answers named", says)
			}
			must(t, chromedp.Do(teacher, submit(".confirm-delete button.danger"), chromedp.WaitVisible("#deleted")))
			shot(2, "deleted")
			if notice := textOf(t, teacher, ".notice"); !strings.Contains(notice, "Question 1 deleted. Its 2 answers are kept with it.") {
				t.Errorf("after deleting the page says %q", notice)
			}
			if n, _ := chromedp.Run(teacher, chromedp.Evaluate[int](`document.querySelectorAll('ol.review > li').length`)); n != 6 {
				t.Errorf("the quiz shows %d questions after deleting one of 7", n)
			}
			if after := scores(); after[0] != before[0]-1 || after[1] != before[1] {
				t.Errorf("scores after deleting %v, before %v: want Ada one point less, Bo (wrong on it) the same", after, before)
			}
			wide, err := chromedp.Run(teacher, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			must(t, err)
			if wide {
				t.Errorf("the quiz page is wider than the %dpx window", tc.width)
			}
			must(t, chromedp.Do(teacher, submit("#deleted button"), chromedp.WaitVisible(".notice")))
			shot(3, "restored")
			if notice := textOf(t, teacher, ".notice"); !strings.Contains(notice, "Question 1 restored with its answers") {
				t.Errorf("after restoring the page says %q", notice)
			}
			first := textOf(t, teacher, "ol.review > li:first-child .prompt")
			if !strings.Contains(first, q.Questions[0].Prompt) {
				t.Errorf("the first question is %q after restoring, want %q", first, q.Questions[0].Prompt)
			}
			if after := scores(); fmt.Sprint(after) != fmt.Sprint(before) {
				t.Errorf("scores after restoring %v, want %v as before", after, before)
			}
			// the whole quiz goes and comes back from the dashboard
			must(t, chromedp.Do(teacher,
				chromedp.Click(`form[action$="/delete"] input[name=confirm]`),
				submit(`form[action$="/delete"] button`),
				chromedp.WaitVisible("#deleted"),
			))
			shot(4, "dashboard-deleted")
			wide, err = chromedp.Run(teacher, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			must(t, err)
			if wide {
				t.Errorf("the dashboard is wider than the %dpx window", tc.width)
			}
			must(t, chromedp.Do(teacher, submit("#deleted button"), chromedp.WaitVisible("ol.review")))
			if notice := textOf(t, teacher, ".notice"); !strings.Contains(notice, "Restored “Rivers of the world” with every answer") {
				t.Errorf("after restoring the quiz the page says %q", notice)
			}
		})
	}
}
