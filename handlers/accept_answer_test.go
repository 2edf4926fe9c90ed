package handlers

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// The results page lists what students typed; accepting a typed answer
// makes it right for every attempt, and the gradebook follows. A viewer
// sees the answers but cannot accept one.
func TestAcceptingATypedAnswerRegradesTheGradebook(t *testing.T) {
	ta := newTestApp(t)
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	viewer, _ := ta.teacher("viewer", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers of the world", u, quizzes.Published)
	ctx := context.Background()
	must(t, ta.store.ShareQuiz(ctx, q.ID, "viewer", quizzes.ShareViewer, db.Actor{UserID: u.ID, Username: "owner"}))
	sa := q.Questions[2] // On which river does Paris lie? (the Seine)
	for _, st := range []struct{ name, typed string }{{"Ada", "River Seine"}, {"Bo", "river seine"}, {"Cy", "Seine"}} {
		c := ta.client()
		attempt := startAs(t, c, q.Slug, st.name)
		c.post(attempt+"/answer", answerForm(sa, "answer", st.typed))
		finishAttempt(t, c, attempt, nil)
	}
	results := fmt.Sprintf("/teach/quiz/%d/results", q.ID)
	page := owner.get(results)
	rows := page.doc.Find("#item-3 .typed-answers tbody tr")
	if rows.Length() != 2 || !strings.Contains(rows.Eq(0).Text(), "River Seine") || !strings.Contains(rows.Eq(0).Text(), "2") ||
		!strings.Contains(rows.Eq(1).Text(), "right") {
		t.Fatalf("typed answers of question 3: %q", rows.Text())
	}
	form := rows.Eq(0).Find("form")
	action := form.AttrOr("action", "")
	if !strings.HasSuffix(action, fmt.Sprintf("/question/%d/accept", sa.ID)) {
		t.Fatalf("the accept form posts to %q", action)
	}
	if n := viewer.get(results).doc.Find(".typed-answers form").Length(); n != 0 {
		t.Errorf("a viewer is offered %d accept forms", n)
	}
	if r := viewer.post(action, url.Values{"answer": {"River Seine"}}); r.status < 400 {
		t.Errorf("a viewer accepting: status %d, want refused", r.status)
	}
	before := owner.get(results).doc.Find("table.gradebook").Text()
	r := owner.post(action, url.Values{"answer": {form.Find(`input[name="answer"]`).AttrOr("value", "")}})
	if r.status != 303 {
		t.Fatalf("accept: status %d: %.300s", r.status, r.body)
	}
	after := owner.get(r.location)
	if notice := after.doc.Find(".notice").Text(); !strings.Contains(notice, "“River Seine” is now an accepted answer; 3 answers") {
		t.Errorf("after accepting the page says %q", notice)
	}
	book := after.doc.Find("table.gradebook").Text()
	if strings.Count(before, "1 / 7") != 1 || strings.Count(book, "1 / 7") != 3 {
		t.Errorf("gradebook before %q, after %q: want one then three students with 1 / 7", before, book)
	}
	if r := owner.post(fmt.Sprintf("/teach/quiz/%d/question/%d/accept", q.ID, q.Questions[0].ID), url.Values{"answer": {"Nile"}}); r.status != 422 {
		t.Errorf("accepting for a choice question: status %d, want 422", r.status)
	}
}

// In the browser, a teacher opens what students typed, accepts an answer
// the key missed, and the gradebook shows the new scores.
func TestBrowserAcceptATypedAnswer(t *testing.T) {
	browser := findBrowser(t)
	ta, base := serveForBrowser(t)
	_, u := ta.teacher("ms-rivers", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers typed", u, quizzes.Published)
	for _, st := range []struct{ name, typed string }{{"Ada", "River Seine"}, {"Bo", "river seine"}, {"Cy", "Seine"}} {
		c := ta.client()
		attempt := startAs(t, c, q.Slug, st.name)
		c.post(attempt+"/answer", answerForm(q.Questions[2], "answer", st.typed))
		finishAttempt(t, c, attempt, nil)
	}
	dir := screenshotDir(t)
	for _, width := range []int{1280, 390} {
		ctx := newBrowser(t, browser, width, 900, true)
		exactSize(t, ctx, width, 900)
		must(t, chromedp.Do(ctx,
			chromedp.Navigate(base+"/login"),
			chromedp.WaitVisible("#username"),
			chromedp.SendKeys("#username", "ms-rivers"),
			chromedp.SendKeys("#password", "correct horse battery"),
			submit("form.stack button"),
			chromedp.Navigate(fmt.Sprintf("%s/teach/quiz/%d/results", base, q.ID)),
			chromedp.WaitVisible("#item-3 .typed-answers summary"),
			chromedp.Click("#item-3 .typed-answers summary"),
			chromedp.WaitVisible("#item-3 .typed-answers table"),
			chromedp.ScrollIntoView("#item-3"),
		))
		shoot(t, ctx, dir, fmt.Sprintf("accept-%d-1-typed-answers", width))
		item, err := chromedp.Run(ctx, chromedp.Screenshot("#item-3"))
		must(t, err)
		must(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("accept-%d-1-item.png", width)), item, 0o644))
		if width != 1280 {
			continue // the answer is accepted once
		}
		must(t, chromedp.Do(ctx, submit("#item-3 .typed-answers button"), chromedp.WaitVisible(".notice")))
		shoot(t, ctx, dir, fmt.Sprintf("accept-%d-2-accepted", width))
		book, err := chromedp.Run(ctx, chromedp.Text("table.gradebook"))
		must(t, err)
		if strings.Count(book, "1 / 7") != 3 {
			t.Errorf("after accepting, the gradebook reads %q; want all three students with 1 / 7", book)
		}
	}
}
