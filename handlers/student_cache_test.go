package handlers

import (
	"context"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate"
	"quiztrainer/views"
)

// twin is a second server on the same database file, as when several
// processes serve one school.
func (ta *testApp) twin() *testApp {
	ta.t.Helper()
	store, err := db.Open(context.Background(), ta.path)
	if err != nil {
		ta.t.Fatalf("open the second store: %v", err)
	}
	ta.t.Cleanup(func() { store.Close() })
	gen, err := generate.New()
	if err != nil {
		ta.t.Fatal(err)
	}
	return &testApp{t: ta.t, app: New(store, nopLog(), gen, Config{}), store: store, path: ta.path}
}

// on is the same browser (the same cookies) talking to another server.
func (c *client) on(ta *testApp) *client {
	return &client{ta: ta, cookies: c.cookies, csrf: c.csrf}
}

// TestAttemptPageShowsEveryChangeAtOnce: students and quizzes are kept in
// memory by each server. A student on the attempt page of two servers of
// one database sees, on the very next page from either, the teacher's
// changes made on one of them: a rename on the roster, a removal and a
// restore, a merge, an edited question, and a sign-out ("Switch student")
// made on the other server.
func TestAttemptPageShowsEveryChangeAtOnce(t *testing.T) {
	ta := newTestApp(t)
	other := ta.twin()
	ctx := context.Background()
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	cl, err := ta.store.CreateClass(ctx, "9B", u.ID)
	must(t, err)
	q := ta.fixtureQuiz(quizzes.Settings{})

	start := func(name string) (*client, string, int64) {
		t.Helper()
		c := ta.client()
		c.get("/quiz/" + q.Slug)
		r := c.post("/quiz/"+q.Slug+"/start", url.Values{"display_name": {name}})
		if !strings.HasPrefix(r.location, "/attempt/") {
			t.Fatalf("start as %s: status %d, location %q", name, r.status, r.location)
		}
		id, _ := strconv.ParseInt(strings.TrimPrefix(r.location, "/attempt/"), 10, 64)
		a, err := ta.store.Attempt(ctx, id)
		must(t, err)
		must(t, ta.store.JoinClass(ctx, a.StudentID, cl.ID))
		return c, r.location, a.StudentID
	}
	ana, anaAttempt, anaID := start("Ana")
	tablet, tabletAttempt, tabletID := start("Ana on a tablet")

	// page is the attempt page on both servers: each must answer alike.
	page := func(t *testing.T, c *client, attempt string, wantStatus int, wantWho, wantText string) {
		t.Helper()
		for name, b := range map[string]*client{"this server": c.on(ta), "another server": c.on(other)} {
			r := b.get(attempt)
			if r.status != wantStatus {
				t.Errorf("%s: %s: status %d, want %d", name, attempt, r.status, wantStatus)
				continue
			}
			if wantStatus != 200 {
				continue
			}
			if who := strings.TrimSpace(r.doc.Find("header .who").Text()); who != wantWho {
				t.Errorf("%s: the page names %q, want %q", name, who, wantWho)
			}
			if wantText != "" && !strings.Contains(r.doc.Find("#attempt-form").Text(), wantText) {
				t.Errorf("%s: the questions do not say %q", name, wantText)
			}
		}
	}
	// Both servers read (and keep) both students and the quiz.
	page(t, ana, anaAttempt, 200, "Ana", "Which river is the longest in Africa?")
	page(t, tablet, tabletAttempt, 200, "Ana on a tablet", "")

	roster := func(student int64, action string, form url.Values) {
		t.Helper()
		owner.get(views.RosterStudentURL(cl.ID, student))
		if r := owner.post(views.RosterStudentURL(cl.ID, student)+"/"+action, form); r.status != 303 {
			t.Fatalf("%s: status %d: %.300s", action, r.status, r.doc.Find("main").Text())
		}
	}
	t.Run("renamed on the roster", func(t *testing.T) {
		roster(anaID, "rename", url.Values{"name": {"Ana Lopez"}})
		page(t, ana, anaAttempt, 200, "Ana Lopez", "")
	})
	t.Run("a question reworded", func(t *testing.T) {
		edited := q.Questions[0]
		edited.Prompt = "Which is the longest river of Africa?"
		edited.Choices[0].Text = "The Congo"
		_, err := other.store.UpdateQuestion(ctx, edited)
		must(t, err)
		page(t, ana, anaAttempt, 200, "Ana Lopez", "Which is the longest river of Africa?")
		page(t, ana, anaAttempt, 200, "Ana Lopez", "The Congo")
	})
	t.Run("removed from the roster", func(t *testing.T) {
		roster(anaID, "remove", url.Values{"confirm": {"yes"}})
		page(t, ana, anaAttempt, 404, "", "")
	})
	t.Run("restored", func(t *testing.T) {
		owner.get(views.ClassURL(cl.ID))
		if r := owner.post(views.RosterStudentURL(cl.ID, anaID)+"/restore", nil); r.status != 303 {
			t.Fatalf("restore: status %d", r.status)
		}
		page(t, ana, anaAttempt, 200, "Ana Lopez", "")
	})
	t.Run("the tablet merged into Ana", func(t *testing.T) {
		roster(tabletID, "merge", url.Values{"into": {strconv.FormatInt(anaID, 10)}})
		// The tablet's cookie is Ana now, and its attempt is hers.
		page(t, tablet, tabletAttempt, 200, "Ana Lopez", "")
	})
	t.Run("signed out on the other server", func(t *testing.T) {
		kept := map[string]string{}
		for k, v := range ana.cookies {
			kept[k] = v
		}
		b := ana.on(other)
		b.get(anaAttempt)
		if r := b.post("/student/switch", nil); r.status != 303 {
			t.Fatalf("switch student: status %d", r.status)
		}
		// A browser that kept the old cookie is nobody now, on either server.
		old := &client{ta: ta, cookies: kept}
		page(t, old, anaAttempt, 404, "", "")
	})
}

// TestScriptSaveSendsOnlyTheCardsItPutsInPlace: a save from the page's
// script gets back the card of the question pressed and those with a
// problem, not every card; X-Saved lists every question stored, which the
// script marks saved in place.
func TestScriptSaveSendsOnlyTheCardsItPutsInPlace(t *testing.T) {
	ta := newTestApp(t)
	q := ta.fixtureQuiz(quizzes.Settings{})
	c := ta.client()
	attempt := startAs(t, c, q.Slug, "Ada")
	ids := map[quizzes.Kind]quizzes.Question{}
	for _, qu := range q.Questions {
		ids[qu.Kind] = qu
	}
	mc, short, num := ids[quizzes.MultipleChoice], ids[quizzes.ShortAnswer], ids[quizzes.Numerical]
	cardsOf := func(r response) []string {
		var got []string
		r.doc.Find("[data-cards] [data-question]").Each(func(_ int, s *goquery.Selection) {
			got = append(got, s.AttrOr("data-question", ""))
		})
		return got
	}
	id := func(qu quizzes.Question) string { return strconv.FormatInt(qu.ID, 10) }
	for _, tc := range []struct {
		name       string
		form       url.Values
		status     int
		cards      []string
		saved      string
		cardSays   string
		answeredOf string
	}{
		{"typing: two answers saved, no card sent", url.Values{
			views.AnswerField(short.ID): {"the Seine"}, views.AnswerField(mc.ID): {strconv.FormatInt(mc.Choices[1].ID, 10)}},
			200, nil, id(mc) + "," + id(short), "", "2"},
		{"a question pressed: its card only", url.Values{"save": {id(short)}, views.AnswerField(short.ID): {"Seine"}},
			200, []string{id(short)}, id(short), "Saved", "2"},
		{"a number in words while typing: that card with its problem", url.Values{
			views.AnswerField(short.ID): {"the Seine"}, views.AnswerField(num.ID): {"two"}},
			422, []string{id(num)}, id(short), "Write a number", "2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.post(attempt+"/answer", tc.form, "X-Requested-With", "fetch")
			if r.status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", r.status, tc.status, r.body)
			}
			if got := cardsOf(r); strings.Join(got, ",") != strings.Join(tc.cards, ",") {
				t.Errorf("cards of questions %v, want %v", got, tc.cards)
			}
			saved := strings.Split(r.header.Get("X-Saved"), ",")
			want := strings.Split(tc.saved, ",")
			sort.Strings(saved)
			sort.Strings(want)
			if strings.Join(saved, ",") != strings.Join(want, ",") {
				t.Errorf("X-Saved %q, want %q", r.header.Get("X-Saved"), tc.saved)
			}
			if tc.cardSays != "" && !strings.Contains(r.doc.Find("[data-cards]").Text(), tc.cardSays) {
				t.Errorf("the card does not say %q: %.300s", tc.cardSays, r.body)
			}
			if got := r.header.Get("X-Answered"); got != tc.answeredOf {
				t.Errorf("X-Answered %q, want %q", got, tc.answeredOf)
			}
			if left := r.doc.Find("[data-cards]").AttrOr("data-left", "?"); left != " (5 still unanswered)" {
				t.Errorf("data-left %q, want the count over every question", left)
			}
		})
	}
}
