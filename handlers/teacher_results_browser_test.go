package handlers

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
)

// TestBrowserTeacherReadsResults signs a teacher in with Chromium, opens the
// results of a quiz a class has taken, from the quiz page's link, and keeps
// a screenshot of the page on a desktop and on a phone.
func TestBrowserTeacherReadsResults(t *testing.T) {
	browser := findBrowser(t)
	ta, base := serveForBrowser(t)
	_, owner := ta.teacher("ms-rivers", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers results", owner, quizzes.Published)
	class := append(classTakesQuiz[:0:0], classTakesQuiz...)
	for i, pattern := range []string{"WRRRRRW", "WRWRRRR", "WRRRPRR", "WRRRRR-", "WRRRRRP", "WRRWRRR"} {
		class = append(class, struct {
			name, pattern, score string
			percent              int
		}{fmt.Sprintf("Student %c", 'G'+i), pattern, "", 0})
	}
	for _, s := range class {
		takeQuiz(t, ta, q, s.name, s.pattern, true)
	}
	takeQuiz(t, ta, q, "Still answering", "RR-----", false)
	dir := screenshotDir(t)
	for _, tc := range []struct {
		name          string
		width, height int
	}{
		{"results-desktop", 1280, 900},
		{"results-phone", 390, 844},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newBrowser(t, browser, tc.width, tc.height, false)
			must(t, chromedp.Do(ctx,
				chromedp.Navigate(base+"/login"),
				chromedp.WaitVisible("#username"),
				chromedp.SendKeys("#username", "ms-rivers"),
				chromedp.SendKeys("#password", "correct horse battery"),
				chromedp.Click("form.stack button"),
				chromedp.WaitVisible(".table"),
				chromedp.Navigate(fmt.Sprintf("%s/teach/quiz/%d", base, q.ID)),
				chromedp.WaitVisible(".toolbar"),
			))
			toolbar, err := chromedp.Run(ctx, chromedp.Screenshot("section.panel .toolbar"))
			must(t, err)
			must(t, os.WriteFile(filepath.Join(dir, tc.name+"-quiz-toolbar.png"), toolbar, 0o644))
			must(t, chromedp.Do(ctx,
				chromedp.Click(`a[href$="/results"]`),
				chromedp.WaitVisible("svg.histogram"),
			))
			shoot(t, ctx, dir, tc.name)
			// Close-ups of the parts, at full size.
			for _, part := range []struct{ name, sel string }{{"summary", ".results-head"}, {"histogram", ".histogram-box"}, {"grid", "table.grid"}} {
				buf, err := chromedp.Run(ctx, chromedp.Screenshot(part.sel))
				must(t, err)
				must(t, os.WriteFile(filepath.Join(dir, tc.name+"-"+part.name+".png"), buf, 0o644))
			}
			rows, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('.gradebook tbody tr').length`))
			must(t, err)
			if rows != len(class) {
				t.Errorf("the gradebook shows %d rows, want %d", rows, len(class))
			}
			// Most of the class picked Congo on question 1: the page says so.
			flag, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('#item-1 .flag.warning') || {}).textContent || ''`))
			must(t, err)
			if !strings.Contains(flag, "A wrong choice draws more answers than the key") {
				t.Errorf("question 1's warning reads %q", flag)
			}
			// The page itself must not scroll sideways; wide tables scroll in their box.
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
			must(t, err)
			if wide {
				t.Error("the results page is wider than the screen")
			}
			t.Logf("screenshot in %s", dir)
		})
	}
}
