package handlers

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

//go:embed testdata/axe/axe.min.js
var axeSource string

// axeViolation is one rule axe-core found broken, with where.
type axeViolation struct {
	ID      string   `json:"id"`
	Impact  string   `json:"impact"`
	Help    string   `json:"help"`
	Targets []string `json:"targets"`
}

// checkAxe runs axe-core on the page in the browser and fails the test for
// every violation, naming the page state, the rule and the elements.
func checkAxe(t *testing.T, ctx context.Context, state string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeSource+";true")); err != nil {
		t.Fatalf("%s: load axe: %v", state, err)
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](`axe.run(document, {resultTypes: ["violations"]}).then(r =>
		JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map(n => n.target.join(" "))}))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: run axe: %v", state, err)
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("%s: read axe's report: %v", state, err)
	}
	for _, v := range vs {
		t.Errorf("%s: axe %s (%s): %s at %s", state, v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
	}
}

// Every student page, in the states a student meets, has no axe-core
// violation, on a desktop and on a phone.
func TestBrowserStudentPagesPassAxe(t *testing.T) {
	browser := findBrowser(t)
	for _, width := range []int{1280, 390} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			ta, base, q := serveQuiz(t, quizzes.Settings{Feedback: quizzes.FeedbackNow, TimeLimit: 10 * time.Minute})
			dir := screenshotDir(t)
			ctx := newBrowser(t, browser, width, 900, true)
			exactSize(t, ctx, width, 900)
			state := func(name string) {
				t.Helper()
				shoot(t, ctx, dir, fmt.Sprintf("axe-%d-%s", width, name))
				checkAxe(t, ctx, name)
			}
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible("main")))
			state("home-new")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/quiz/"+q.Slug), chromedp.WaitVisible("#display_name")))
			state("intro")
			must(t, chromedp.Do(ctx, chromedp.SetAttributeValue("#display_name", "required", ""), chromedp.RemoveAttribute("#display_name", "required"),
				submit(".start-form button"), chromedp.WaitVisible(".field-error")))
			state("intro-name-error")
			must(t, chromedp.Do(ctx, chromedp.SendKeys("#display_name", "Ada"), submit(".start-form button"), chromedp.WaitVisible("[data-question]")))
			state("attempt")
			must(t, chromedp.Do(ctx,
				chromedp.Click("#q1 .choice input"), chromedp.Click("#q1 button[name=save]"), chromedp.WaitVisible("#q1 .feedback"),
				chromedp.SendKeys("#q6 input[type=text]", "two"), chromedp.Click("#q6 button[name=save]"), chromedp.WaitVisible("#q6 .field-error"),
			))
			state("attempt-feedback-and-error")
			must(t, chromedp.Do(ctx, chromedp.SetValue("#q6 input[type=text]", "2"), submit("[data-finish]"), chromedp.WaitVisible(".review-page")))
			state("review")
			must(t, chromedp.Do(ctx, submit(".confirm button"), chromedp.WaitVisible(".score .big")))
			state("result")
			// an answer sent to the handed-in attempt (a second tab, the
			// back button): the page that leads to the score
			loc, err := chromedp.Run(ctx, chromedp.Location())
			must(t, err)
			attempt := strings.TrimSuffix(loc[len(base):], "/result")
			must(t, chromedp.Do(ctx, chromedp.Func(func(c context.Context, tg *chromedp.Target) error {
				_, err := chromedp.Evaluate[bool](`(() => { const f = document.createElement('form'); f.method = 'post'; f.action = `+jsString(attempt+"/answer")+`;
					for (const [k, v] of [['_csrf', document.querySelector('input[name=_csrf]').value], ['save', '1']]) {
						const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.append(i) }
					document.documentElement.dataset.leaving = '1'; document.body.append(f); f.submit(); return true })()`)(c, tg)
				return err
			}), chromedp.WaitNotPresent("html[data-leaving]"), chromedp.WaitVisible("main")))
			if title := textOf(t, ctx, "h1"); !strings.Contains(title, "Already handed in") {
				t.Errorf("an answer to a handed-in attempt shows %q, want the closed page", title)
			}
			state("closed")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/me"), chromedp.WaitVisible("main")))
			state("history")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/practice"), chromedp.WaitVisible("main")))
			state("practice")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible("form.switch")))
			state("home-known")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/join"), chromedp.WaitVisible("main")))
			state("join")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/attempt/999"), chromedp.WaitVisible("main")))
			state("not-found")
			// a class's sign-in page, in each of its states
			owner, err := ta.store.CreateUser(context.Background(), quizzes.User{Username: "owner", PasswordHash: "x", Role: quizzes.RoleTeacher})
			must(t, err)
			cl, err := ta.store.CreateClass(context.Background(), "9B English", owner.ID)
			must(t, err)
			off, err := ta.store.CreateClass(context.Background(), "9C", owner.ID)
			must(t, err)
			for i, name := range []string{"Ana Lopez", "Ben Okafor"} {
				st, err := ta.store.CreateStudent(context.Background(), name, fmt.Sprintf("tok-axe-%d", i))
				must(t, err)
				must(t, ta.store.JoinClass(context.Background(), st.ID, cl.ID))
			}
			_, err = ta.store.SetClassSignin(context.Background(), cl.ID, true)
			must(t, err)
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+"/signin"), chromedp.WaitVisible("#signin-class")))
			state("signin-class-code")
			must(t, chromedp.Do(ctx, chromedp.SendKeys("#signin-class", "ZZZ-ZZ0"), submit(".signin form button"), chromedp.WaitVisible("#signin-class-error")))
			state("signin-class-code-error")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+views.SigninURL(off.JoinCode)), chromedp.WaitVisible("main")))
			state("signin-off")
			must(t, chromedp.Do(ctx, chromedp.Navigate(base+views.SigninURL(cl.JoinCode)), chromedp.WaitVisible("#signin-student")))
			state("signin")
			must(t, chromedp.Do(ctx,
				chromedp.SetValue("#signin-student", optionValue(t, ctx, "#signin-student", "Ana Lopez")),
				chromedp.SendKeys("#signin-code", "brave-otter-99"),
				submit(".signin-form button"), chromedp.WaitVisible("#signin-code-error")))
			state("signin-wrong-code")
			must(t, chromedp.Do(ctx, chromedp.SetValue("#signin-student", ""), chromedp.RemoveAttribute("#signin-student", "required"),
				chromedp.SendKeys("#signin-code", "brave-otter-99"), submit(".signin-form button"), chromedp.WaitVisible("#signin-student-error")))
			state("signin-no-name")
		})
	}
}
