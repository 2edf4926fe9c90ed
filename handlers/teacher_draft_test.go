package handlers

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/chromedp/chromedp"

	"quiztrainer/assets"
	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate"
)

// draftFromSample makes a draft of n questions on the sample article as the
// teacher c and returns it.
func draftFromSample(t *testing.T, ta *testApp, c *client, n int) quizzes.Quiz {
	t.Helper()
	c.get("/teach/new")
	r := c.post("/teach/new", url.Values{"title": {"Troops"}, "text": {assets.SampleArticle}, "count": {strconv.Itoa(n)}})
	if r.status != 303 || !strings.HasPrefix(r.location, "/teach/quiz/") {
		t.Fatalf("new quiz: status %d location %q", r.status, r.location)
	}
	id, _ := strconv.ParseInt(strings.TrimPrefix(r.location, "/teach/quiz/"), 10, 64)
	q, err := ta.store.Quiz(context.Background(), id)
	must(t, err)
	return q
}

// offered reads the candidate ids the page offers: under question n
// (alternatives), or in the pool when n is 0.
func offered(r response, n int) []string {
	sel := "#pool form"
	if n > 0 {
		sel = "#q" + strconv.Itoa(n) + " .alternatives form"
	}
	var ids []string
	r.doc.Find(sel + ` input[name="candidate"]`).Each(func(_ int, s *goquery.Selection) {
		v, _ := s.Attr("value")
		ids = append(ids, v)
	})
	return ids
}

// prompts lists the quiz's prompts in order.
func prompts(t *testing.T, ta *testApp, id int64) []string {
	t.Helper()
	q, err := ta.store.Quiz(context.Background(), id)
	must(t, err)
	var out []string
	for _, qu := range q.Questions {
		out = append(out, qu.Prompt)
	}
	return out
}

func candidatePrompts(t *testing.T, ta *testApp, id int64) map[int64]string {
	t.Helper()
	cands, err := ta.store.Candidates(context.Background(), id)
	must(t, err)
	out := map[int64]string{}
	for _, c := range cands {
		out[c.ID] = c.Question.Prompt
	}
	return out
}

func TestADraftKeepsTheGeneratorsOtherQuestions(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("ada", quizzes.RoleTeacher)
	quiz := draftFromSample(t, ta, c, 6)
	cands, err := ta.store.Candidates(context.Background(), quiz.ID)
	must(t, err)
	g, err := generate.New()
	must(t, err)
	gen := g.Generate(assets.SampleArticle)
	if want := len(gen) - len(quiz.Questions); want > maxCandidates || len(cands) != want || len(cands) == 0 {
		t.Fatalf("the draft keeps %d candidates; the generator wrote %d questions, %d of them drafted", len(cands), len(gen), len(quiz.Questions))
	}
	inQuiz := map[string]bool{}
	for _, q := range quiz.Questions {
		inQuiz[candidateKey(q)] = true
	}
	for i, cand := range cands {
		if inQuiz[candidateKey(cand.Question)] {
			t.Errorf("candidate %d is a question of the quiz: %q", cand.ID, cand.Question.Prompt)
		}
		if cand.Question.Evidence.Text == "" || cand.Question.Template == "" || len(cand.Question.Choices) == 0 {
			t.Errorf("candidate %d lost its evidence, template or key: %+v", cand.ID, cand.Question)
		}
		if i > 0 && cand.Rank <= cands[i-1].Rank {
			t.Errorf("candidates out of the generator's order at %d", i)
		}
	}
	page := c.get(TeacherQuizURLForTest(quiz.ID))
	if page.doc.Find(".alternatives").Length() == 0 || page.doc.Find("#pool li").Length() == 0 {
		t.Fatalf("the draft page offers no alternatives (%d) or no pool (%d)", page.doc.Find(".alternatives").Length(), page.doc.Find("#pool li").Length())
	}
	page.doc.Find(".alternatives").Each(func(_ int, s *goquery.Selection) {
		if n := s.Find("li").Length(); n < 1 || n > quizzes.AlternativesPerQuestion {
			t.Errorf("a question offers %d alternatives, want 1 to %d", n, quizzes.AlternativesPerQuestion)
		}
		if sum := s.Find("summary").Text(); !strings.Contains(sum, "on this passage") {
			t.Errorf("the alternatives are summed up as %q", sum)
		}
	})
	if n := page.doc.Find("#pool li").Length(); n > poolPageSize {
		t.Errorf("the pool's first page lists %d questions, want at most %d", n, poolPageSize)
	}

	// A quiz written by hand (or made before candidates were kept) offers nothing.
	_, u := ta.teacher("bea", quizzes.RoleTeacher)
	plain := ta.ownedQuiz("By hand", u, quizzes.Draft)
	other, _ := ta.signInAs("bea", "correct horse battery")
	page = other.get(TeacherQuizURLForTest(plain.ID))
	if page.status != 200 || page.doc.Find(".offer").Length() != 0 {
		t.Errorf("a quiz without candidates: status %d, %d offers", page.status, page.doc.Find(".offer").Length())
	}
}

func TestSwappingAQuestionForAnAlternative(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("ada", quizzes.RoleTeacher)
	quiz := draftFromSample(t, ta, c, 6)
	base := TeacherQuizURLForTest(quiz.ID)
	page := c.get(base)
	n, alts := 0, []string(nil)
	for i := range quiz.Questions {
		if alts = offered(page, i+1); len(alts) > 0 {
			n = i + 1
			break
		}
	}
	if n == 0 {
		t.Fatal("no drafted question offers an alternative")
	}
	before := prompts(t, ta, quiz.ID)
	candsBefore := candidatePrompts(t, ta, quiz.ID)
	cid, _ := strconv.ParseInt(alts[0], 10, 64)
	out := quiz.Questions[n-1]
	swapURL := base + "/question/" + strconv.FormatInt(out.ID, 10) + "/swap"

	r := c.post(swapURL, url.Values{"candidate": {alts[0]}})
	if r.status != 303 || r.location != base+"#q"+strconv.Itoa(n) {
		t.Fatalf("swap: status %d location %q, want 303 to question %d", r.status, r.location, n)
	}
	after := prompts(t, ta, quiz.ID)
	if len(after) != len(before) || after[n-1] != candsBefore[cid] {
		t.Fatalf("after the swap question %d reads %q, want the alternative %q", n, after[n-1], candsBefore[cid])
	}
	for i := range before {
		if i != n-1 && after[i] != before[i] {
			t.Errorf("the swap changed question %d: %q -> %q", i+1, before[i], after[i])
		}
	}
	candsAfter := candidatePrompts(t, ta, quiz.ID)
	if len(candsAfter) != len(candsBefore) || candsAfter[cid] != out.Prompt {
		t.Errorf("the swapped-out question is not offered in the alternative's place: %d candidates, slot holds %q, want %q",
			len(candsAfter), candsAfter[cid], out.Prompt)
	}
	page = c.get(r.location)
	if !strings.Contains(page.doc.Find(".notice").Text(), "swapped") {
		t.Errorf("the notice after a swap reads %q", page.doc.Find(".notice").Text())
	}
	if back := offered(page, n); !containsString(back, alts[0]) {
		t.Errorf("the question swapped out is not offered under question %d: %v", n, back)
	}

	// Swapping back is one more swap, and restores the draft.
	swapped, _ := ta.store.Quiz(context.Background(), quiz.ID)
	in := swapped.Questions[n-1]
	r = c.post(base+"/question/"+strconv.FormatInt(in.ID, 10)+"/swap", url.Values{"candidate": {alts[0]}})
	if r.status != 303 {
		t.Fatalf("swap back: status %d", r.status)
	}
	restored, _ := ta.store.Quiz(context.Background(), quiz.ID)
	if got := restored.Questions[n-1]; got.Prompt != out.Prompt || len(got.Choices) != len(out.Choices) || got.Template != out.Template ||
		got.Evidence.Start != out.Evidence.Start || got.Evidence.End != out.Evidence.End {
		t.Errorf("swapping back gives %+v, want the original %+v", got, out)
	}

	// The same swap from a stale page (the candidate is already in use
	// elsewhere, or another quiz's) changes nothing.
	other := draftFromSample(t, ta, c, 4)
	otherCands, _ := ta.store.Candidates(context.Background(), other.ID)
	before = prompts(t, ta, quiz.ID)
	for _, bad := range []string{strconv.FormatInt(otherCands[0].ID, 10), "999999"} {
		r = c.post(base+"/question/"+strconv.FormatInt(restored.Questions[n-1].ID, 10)+"/swap", url.Values{"candidate": {bad}})
		if r.status != 409 || !strings.Contains(r.body, "no longer offered") {
			t.Errorf("swap with candidate %s: status %d, want 409 saying it is no longer offered", bad, r.status)
		}
	}
	for _, bad := range []string{"", "x", "-3"} {
		r = c.post(base+"/question/"+strconv.FormatInt(restored.Questions[n-1].ID, 10)+"/swap", url.Values{"candidate": {bad}})
		if r.status != 422 || !strings.Contains(r.body, "Choose one of the questions offered") {
			t.Errorf("swap with candidate %q: status %d, want 422 with a message", bad, r.status)
		}
	}
	if after := prompts(t, ta, quiz.ID); strings.Join(after, "|") != strings.Join(before, "|") {
		t.Errorf("refused swaps changed the quiz: %q -> %q", before, after)
	}
}

func TestAddingAQuestionFromThePool(t *testing.T) {
	ta := newTestApp(t)
	c, _ := ta.teacher("ada", quizzes.RoleTeacher)
	quiz := draftFromSample(t, ta, c, 4)
	base := TeacherQuizURLForTest(quiz.ID)
	pool := offered(c.get(base), 0)
	if len(pool) == 0 {
		t.Fatal("the draft page has no pool")
	}
	cands := candidatePrompts(t, ta, quiz.ID)
	cid, _ := strconv.ParseInt(pool[0], 10, 64)
	r := c.post(base+"/pool/add", url.Values{"candidate": {pool[0]}})
	if r.status != 303 || !strings.HasPrefix(r.location, base+"#q") {
		t.Fatalf("add: status %d location %q", r.status, r.location)
	}
	added, _ := ta.store.Quiz(context.Background(), quiz.ID)
	if len(added.Questions) != len(quiz.Questions)+1 {
		t.Fatalf("the quiz has %d questions after adding one to %d", len(added.Questions), len(quiz.Questions))
	}
	pos, _ := strconv.Atoi(strings.TrimPrefix(r.location, base+"#q"))
	if got := added.Questions[pos-1]; got.Prompt != cands[cid] {
		t.Errorf("question %d reads %q, want the added %q", pos, got.Prompt, cands[cid])
	}
	for i := 1; i < len(added.Questions); i++ {
		if added.Questions[i].Evidence.Start < added.Questions[i-1].Evidence.Start {
			t.Errorf("the added question breaks the article's order at %d", i+1)
		}
	}
	if _, still := candidatePrompts(t, ta, quiz.ID)[cid]; still {
		t.Error("the added question is still offered")
	}
	page := c.get(base)
	if !strings.Contains(page.doc.Find(".notice").Text(), "Added as question "+strconv.Itoa(pos)) {
		t.Errorf("the notice reads %q", page.doc.Find(".notice").Text())
	}
	// Adding it again (a second click, a stale page) is refused.
	r = c.post(base+"/pool/add", url.Values{"candidate": {pool[0]}})
	if r.status != 409 || !strings.Contains(r.body, "no longer offered") {
		t.Errorf("adding twice: status %d, want 409", r.status)
	}
	if again, _ := ta.store.Quiz(context.Background(), quiz.ID); len(again.Questions) != len(added.Questions) {
		t.Errorf("the refused add changed the quiz: %d questions", len(again.Questions))
	}
}

func TestSwapsAreRefusedWhereTheyWouldLoseSomething(t *testing.T) {
	ta := newTestApp(t)
	owner, ou := ta.teacher("ada", quizzes.RoleTeacher)
	ta.teacher("viewer", quizzes.RoleTeacher)
	ta.teacher("editor", quizzes.RoleTeacher)
	quiz := draftFromSample(t, ta, owner, 6)
	by := db.Actor{UserID: ou.ID, Username: "ada"}
	must(t, ta.store.ShareQuiz(context.Background(), quiz.ID, "viewer", quizzes.ShareViewer, by))
	must(t, ta.store.ShareQuiz(context.Background(), quiz.ID, "editor", quizzes.ShareEditor, by))
	base := TeacherQuizURLForTest(quiz.ID)
	page := owner.get(base)
	var alts []string
	n := 0
	for i := range quiz.Questions {
		if alts = offered(page, i+1); len(alts) > 0 {
			n = i + 1
			break
		}
	}
	if n == 0 || len(offered(page, 0)) == 0 {
		t.Fatal("the draft offers no alternative or no pool")
	}
	q := quiz.Questions[n-1]
	swapURL := base + "/question/" + strconv.FormatInt(q.ID, 10) + "/swap"
	pool := offered(page, 0)
	before := strings.Join(prompts(t, ta, quiz.ID), "|")
	unchanged := func(what string) {
		t.Helper()
		if after := strings.Join(prompts(t, ta, quiz.ID), "|"); after != before {
			t.Errorf("%s changed the quiz", what)
		}
	}

	viewer, _ := ta.signInAs("viewer", "correct horse battery")
	viewer.get("/teach")
	if r := viewer.post(swapURL, url.Values{"candidate": {alts[0]}}); r.status != 403 {
		t.Errorf("a viewer's swap: status %d, want 403", r.status)
	}
	if r := viewer.post(base+"/pool/add", url.Values{"candidate": {pool[0]}}); r.status != 403 {
		t.Errorf("a viewer's add: status %d, want 403", r.status)
	}
	unchanged("a viewer")

	stranger, _ := ta.teacher("stranger", quizzes.RoleTeacher)
	if r := stranger.post(swapURL, url.Values{"candidate": {alts[0]}}); r.status != 404 {
		t.Errorf("another teacher's swap: status %d, want 404", r.status)
	}
	unchanged("another teacher")

	// A form without its token, or with another session's, is refused.
	token := owner.csrf
	if r := owner.do("POST", swapURL, url.Values{"candidate": {alts[0]}}); r.status != 403 {
		t.Errorf("a swap without a token: status %d, want 403", r.status)
	}
	if r := owner.post(swapURL, url.Values{"candidate": {alts[0]}, "_csrf": {stranger.csrf}}); r.status != 403 {
		t.Errorf("a swap with another session's token: status %d, want 403", r.status)
	}
	owner.csrf = token
	unchanged("a forged form")

	// Once a student has answered the question, it stays.
	owner.post(base+"/status", url.Values{"status": {"published"}})
	student := ta.client()
	attempt := startAs(t, student, quiz.Slug, "Sam")
	if r := student.post(attempt+"/answer", answerForm(q, "answer", "0")); r.status != 303 {
		t.Fatalf("answer: status %d", r.status)
	}
	owner.get(base)
	if r := owner.post(swapURL, url.Values{"candidate": {alts[0]}}); r.status != 409 || !strings.Contains(r.body, "Students have answered this question") {
		t.Errorf("swapping an answered question: status %d, want 409 saying students answered it", r.status)
	}
	unchanged("a swap of an answered question")
	page = owner.get(base)
	if page.doc.Find("#q"+strconv.Itoa(n)+" .alternatives form").Length() != 0 ||
		!strings.Contains(page.doc.Find("#q"+strconv.Itoa(n)+" .alternatives").Text(), "Students have answered") {
		t.Errorf("an answered question still offers a swap, or does not say why not")
	}

	// A co-editor swaps another question, not yet answered, of the published quiz.
	editor, _ := ta.signInAs("editor", "correct horse battery")
	page = editor.get(base)
	for i := range quiz.Questions {
		if i+1 == n {
			continue
		}
		if ids := offered(page, i+1); len(ids) > 0 {
			r := editor.post(base+"/question/"+strconv.FormatInt(quiz.Questions[i].ID, 10)+"/swap", url.Values{"candidate": {ids[0]}})
			if r.status != 303 {
				t.Errorf("a co-editor's swap of question %d: status %d, want 303", i+1, r.status)
			}
			if after := prompts(t, ta, quiz.ID); after[i] == quiz.Questions[i].Prompt {
				t.Errorf("the co-editor's swap left question %d as it was", i+1)
			}
			break
		}
	}
}

// TestBrowserTeacherSwapsADraftedQuestion swaps a drafted question for an
// alternative in Chromium, with JavaScript on a desktop and without it on
// a phone-sized screen, and adds one from the pool.
func TestBrowserTeacherSwapsADraftedQuestion(t *testing.T) {
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
			hash, _ := HashPassword("correct horse battery")
			_, err := ta.store.CreateUser(context.Background(), quizzes.User{Username: "ms-lee", PasswordHash: hash, Role: quizzes.RoleTeacher})
			must(t, err)
			dir := screenshotDir(t)
			ctx := newBrowser(t, browser, tc.width, tc.height, tc.script)
			exactSize(t, ctx, tc.width, tc.height)
			// each step as the teacher sees it in the window, and the whole page
			step := func(name string) {
				shoot(t, ctx, dir, "draft-"+tc.name+"-"+name)
				buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				must(t, err)
				must(t, os.WriteFile(filepath.Join(dir, "draft-"+tc.name+"-"+name+"-window.png"), buf, 0o644))
			}
			must(t, chromedp.Do(ctx,
				chromedp.Navigate(base+"/login"),
				chromedp.WaitVisible("#username"),
				chromedp.SendKeys("#username", "ms-lee"),
				chromedp.SendKeys("#password", "correct horse battery"),
				submit(".stack button"),
				chromedp.Navigate(base+"/teach/new"),
				chromedp.WaitVisible("#text"),
				chromedp.SendKeys("#title", "Troops and the economy"),
				chromedp.SetValue("#text", assets.SampleArticle),
				submit(`form[action="/teach/new"] button`),
				chromedp.WaitVisible(".review"),
			))
			step("1-draft")
			// the first question that offers alternatives
			n, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => {
				const li = [...document.querySelectorAll(".review > li")].find(li => li.querySelector(".alternatives"));
				return li ? [...li.parentNode.children].indexOf(li) + 1 : 0; })()`))
			must(t, err)
			if n == 0 {
				t.Fatal("no drafted question offers an alternative")
			}
			q := "#q" + strconv.Itoa(n)
			before, err := chromedp.Run(ctx, chromedp.Text(q+" .prompt-text"))
			must(t, err)
			// textContent: the alternatives are in a closed <details>
			textOf := func(sel string) string {
				v, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("`+sel+`").textContent`))
				must(t, err)
				return strings.Join(strings.Fields(v), " ")
			}
			alt := textOf(q + " .alternatives li:first-child .offered-prompt")
			if visible, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelector("`+q+` .alternatives button").checkVisibility()`)); visible {
				t.Error("the alternatives are open before the teacher asks for them")
			}
			must(t, chromedp.Do(ctx,
				chromedp.Click(q+" .alternatives summary"),
				chromedp.WaitVisible(q+" .alternatives button"),
				chromedp.ScrollIntoView(q),
			))
			step("2-alternatives-open")
			must(t, chromedp.Do(ctx,
				submit(q+" .alternatives li:first-child button"),
				chromedp.WaitVisible(".notice"),
			))
			step("3-swapped")
			after, err := chromedp.Run(ctx, chromedp.Text(q+" .prompt-text"))
			must(t, err)
			if after = strings.Join(strings.Fields(after), " "); after != alt || after == before {
				t.Errorf("question %d after the swap reads %q, want the alternative %q (was %q)", n, after, alt, before)
			}
			if back := textOf(q + " .alternatives"); !strings.Contains(back, strings.Join(strings.Fields(before), " ")) {
				t.Errorf("the question swapped out is not offered under question %d: %q", n, back)
			}

			// One from the pool, a page further on.
			count := func() int {
				v, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(".review > li").length`))
				must(t, err)
				return v
			}
			had := count()
			must(t, chromedp.Do(ctx,
				chromedp.Click("#pool > summary"),
				chromedp.WaitVisible("#pool li button"),
				chromedp.ScrollIntoView("#pool"),
			))
			step("4-pool")
			must(t, chromedp.Do(ctx,
				submit("#pool li:first-child button"),
				chromedp.WaitVisible(".notice"),
			))
			if got := count(); got != had+1 {
				t.Errorf("after adding from the pool the quiz lists %d questions, want %d", got, had+1)
			}
			wide, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
			must(t, err)
			if wide {
				t.Errorf("the draft page is wider than the %dpx window", tc.width)
			}
			t.Logf("screenshots in %s", dir)
		})
	}
}
