package handlers

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// joinFixture is a teacher with two classes; the first has a quiz.
type joinFixture struct {
	ta          *testApp
	teacher     *client
	class, next quizzes.Class
	classQuiz   quizzes.Quiz // assigned to class
	public      quizzes.Quiz // assigned to no class
}

func newJoinFixture(t *testing.T) joinFixture {
	ta := newTestApp(t)
	tc, u := ta.teacher("ms-jones", quizzes.RoleTeacher)
	f := joinFixture{ta: ta, teacher: tc}
	f.public = ta.fixtureQuiz(quizzes.Settings{})
	f.classQuiz = ta.ownedQuiz("Class reading", u, quizzes.Published)
	draft := ta.ownedQuiz("Unfinished draft", u, quizzes.Draft)
	ctx := context.Background()
	var err error
	if f.class, err = ta.store.CreateClass(ctx, "9B English", u.ID); err != nil {
		t.Fatal(err)
	}
	if f.next, err = ta.store.CreateClass(ctx, "10A History", u.ID); err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetClassQuizzes(ctx, f.class.ID, []int64{f.classQuiz.ID, draft.ID}); err != nil {
		t.Fatal(err)
	}
	return f
}

// typed is how a student might copy the code from the board.
func typed(code string) string { return strings.ToLower(code[:3]) + " - " + code[3:] }

func TestStudentsJoinAClassByCode(t *testing.T) {
	f := newJoinFixture(t)
	ta, ctx := f.ta, context.Background()

	t.Run("a visitor sees public quizzes and the join form, not the class's", func(t *testing.T) {
		r := ta.client().get("/")
		main := r.doc.Find("main").Text()
		if !strings.Contains(main, f.public.Title) || strings.Contains(main, f.classQuiz.Title) || strings.Contains(main, "Unfinished draft") {
			t.Errorf("home lists the wrong quizzes: %q", main)
		}
		if r.doc.Find(`form[action="/join"] input[name="code"]`).Length() != 1 || r.doc.Find(`form[action="/join"] input[name="display_name"]`).Length() != 1 {
			t.Error("no join form with code and name")
		}
		if r := ta.client().get("/quiz/" + f.classQuiz.Slug); r.status != 200 {
			t.Errorf("the class quiz's link: status %d, want 200 for anyone", r.status)
		}
	})

	for _, bad := range []struct{ name, code, want string }{
		{"a wrong code", "ZZZ-ZZZ", "No class has the code ZZZ-ZZZ"},
		{"a code too short", "abc", "A class code has 6 letters and digits"},
		{"a code with look-alikes", "ABC-DE0", "never uses 0, O, 1, I or L"},
		{"a blank code", " ", "A class code has 6"},
	} {
		t.Run(bad.name+" is refused and makes no student", func(t *testing.T) {
			c := ta.client()
			c.get("/")
			r := c.post("/join", url.Values{"code": {bad.code}, "display_name": {"Ada"}})
			if r.status != 422 || !strings.Contains(r.doc.Find("#join .field-error").Text(), bad.want) {
				t.Errorf("status %d, want 422 with %q by the form", r.status, bad.want)
			}
			if _, ok := c.cookies[studentCookie]; ok {
				t.Error("a student cookie was set")
			}
			if v, _ := r.doc.Find(`input[name="display_name"]`).Attr("value"); v != "Ada" {
				t.Errorf("the name typed is lost: %q", v)
			}
			checkNoLeak(t, r)
		})
	}

	t.Run("a new student without a name is asked for one", func(t *testing.T) {
		c := ta.client()
		c.get("/")
		r := c.post("/join", url.Values{"code": {typed(f.class.JoinCode)}, "display_name": {"  "}})
		if r.status != 422 || !strings.Contains(r.body, "Please give your name") {
			t.Errorf("status %d, want 422 asking for a name", r.status)
		}
		if _, ok := c.cookies[studentCookie]; ok {
			t.Error("a student cookie was set")
		}
	})

	ada := ta.client()
	t.Run("a new student joins with the code in any case, with spaces and dashes", func(t *testing.T) {
		ada.get("/")
		r := ada.post("/join", url.Values{"code": {typed(f.class.JoinCode)}, "display_name": {"Ada"}})
		if r.status != 303 || r.location != "/?joined=new#class" {
			t.Fatalf("join: %d to %q", r.status, r.location)
		}
		home := ada.get(r.location)
		if got := home.doc.Find("#class > h2").Text(); got != "Your class: 9B English" {
			t.Errorf("class heading = %q", got)
		}
		class := home.doc.Find("#class").Text()
		if !strings.Contains(class, f.classQuiz.Title) || strings.Contains(class, "Unfinished draft") {
			t.Errorf("class section = %q; want its published quiz only", class)
		}
		if !strings.Contains(home.doc.Find(".notice").Text(), "You joined 9B English") {
			t.Error("no notice of joining")
		}
		if !strings.Contains(home.doc.Find("#join").Text(), "moves you out of this one") || home.doc.Find(`#join input[name="display_name"]`).Length() != 0 {
			t.Error("the form for a member should warn of moving and not ask the name again")
		}
	})

	t.Run("a known student keeps their token and attempts and can move class", func(t *testing.T) {
		bob := ta.client()
		startAs(t, bob, f.public.Slug, "Bob")
		token := bob.cookies[studentCookie]
		bob.get("/")
		if r := bob.post("/join", url.Values{"code": {f.class.JoinCode}}); r.status != 303 {
			t.Fatalf("join: status %d", r.status)
		}
		if r := bob.post("/join", url.Values{"code": {f.class.JoinCode}}); r.location != "/?joined=again#class" {
			t.Errorf("joining twice: %q, want joined=again", r.location)
		}
		st, err := ta.store.StudentByToken(ctx, token)
		if err != nil || st.ClassID != f.class.ID || bob.cookies[studentCookie] != token {
			t.Fatalf("after joining: %+v, %v; cookie kept: %v", st, err, bob.cookies[studentCookie] == token)
		}
		if a, _ := ta.store.StudentAttempts(ctx, st.ID); len(a) != 1 {
			t.Errorf("%d attempts after joining, want the 1 from before", len(a))
		}
		bob.post("/join", url.Values{"code": {f.next.JoinCode}})
		if st, _ := ta.store.StudentByToken(ctx, token); st.ClassID != f.next.ID {
			t.Errorf("after joining another class Bob is in %d, want %d", st.ClassID, f.next.ID)
		}
		if got := bob.get("/").doc.Find("#class > h2").Text(); got != "Your class: 10A History" {
			t.Errorf("class heading = %q", got)
		}
		page := f.teacher.get("/teach/class/" + itoa(int(f.class.ID)))
		if strings.Contains(page.doc.Find("main").Text(), "Bob") {
			t.Error("the first class still lists Bob")
		}
	})

	t.Run("the class page lists members and a gradebook", func(t *testing.T) {
		ada.get("/quiz/" + f.classQuiz.Slug)
		r := ada.post("/quiz/"+f.classQuiz.Slug+"/start", nil)
		ada.get(r.location)
		ada.post(r.location+"/answer", answerForm(f.classQuiz.Questions[0], "answer", "1"))
		finishAttempt(t, ada, r.location, nil)
		carl := ta.client()
		carl.get("/")
		carl.post("/join", url.Values{"code": {f.class.JoinCode}, "display_name": {"Carl"}})

		page := f.teacher.get("/teach/class/" + itoa(int(f.class.ID)))
		rows := page.doc.Find(".gradebook tbody tr")
		if rows.Length() != 2 {
			t.Fatalf("%d gradebook rows, want Ada and Carl", rows.Length())
		}
		adaRow, carlRow := rows.Eq(0).Text(), rows.Eq(1).Text()
		if !strings.Contains(adaRow, "Ada") || !strings.Contains(adaRow, "14%") || !strings.Contains(adaRow, "1 attempt") {
			t.Errorf("Ada's row = %q; want 14%% (1 of 7 points) and 1 attempt", adaRow)
		}
		if !strings.Contains(carlRow, "Carl") || !strings.Contains(carlRow, "–") || !strings.Contains(carlRow, "not started") {
			t.Errorf("Carl's row = %q; want – and not started", carlRow)
		}
		if n := page.doc.Find(".gradebook thead th").Length(); n != 3 {
			t.Errorf("%d gradebook columns, want Student and the 2 assigned quizzes", n)
		}
		if !strings.Contains(page.doc.Find("main").Text(), "UTC") {
			t.Error("no joined-at time on the class page")
		}
	})
}

func TestJoinAttemptsAreLimitedPerAddress(t *testing.T) {
	f := newJoinFixture(t)
	c := f.ta.client()
	c.get("/")
	for range 30 { // codes that cannot be codes are typos, not guesses
		c.post("/join", url.Values{"code": {"O0O"}, "display_name": {"Eve"}})
	}
	for i := range joinFailures {
		if r := c.post("/join", url.Values{"code": {"ZZZZZZ"}, "display_name": {"Eve"}}); r.status != 422 {
			t.Fatalf("wrong code %d: status %d, want 422", i+1, r.status)
		}
	}
	r := c.post("/join", url.Values{"code": {"ZZZZZZ"}, "display_name": {"Eve"}})
	if r.status != 429 || !strings.Contains(r.body, "Too many wrong codes") {
		t.Errorf("after %d wrong codes: status %d, want 429 with a message", joinFailures, r.status)
	}
	r = c.post("/join", url.Values{"code": {f.class.JoinCode}, "display_name": {"Eve"}})
	if r.status != 429 {
		t.Errorf("the right code during the lock: status %d, want 429", r.status)
	}
	if _, ok := c.cookies[studentCookie]; ok {
		t.Error("a student was made during the lock")
	}
}

func TestJoinLinkFillsInTheCode(t *testing.T) {
	f := newJoinFixture(t)
	c := f.ta.client()
	r := c.get("/join?code=" + strings.ToLower(f.class.JoinCode))
	if v, _ := r.doc.Find(`input[name="code"]`).Attr("value"); r.status != 200 || v != quizzes.FormatJoinCode(f.class.JoinCode) {
		t.Errorf("status %d, code %q; want the code filled in", r.status, v)
	}
	r = c.get("/join?code=" + url.QueryEscape(`"><script>`))
	if v, _ := r.doc.Find(`input[name="code"]`).Attr("value"); v != "" {
		t.Errorf("a junk code is filled in: %q", v)
	}
}

func TestJoinShowsBackOnlyAShortPieceOfWhatWasSent(t *testing.T) {
	f := newJoinFixture(t)
	c := f.ta.client()
	c.get("/")
	r := c.post("/join", url.Values{"code": {strings.Repeat("Q", 5000)}, "display_name": {strings.Repeat("n", 5000)}})
	if r.status != 422 || len(r.body) > 20000 {
		t.Errorf("status %d, %d bytes; want a 422 page of ordinary size", r.status, len(r.body))
	}
	if v, _ := r.doc.Find(`input[name="code"]`).Attr("value"); len(v) != 20 {
		t.Errorf("the code shown back has %d characters, want 20", len(v))
	}
}
