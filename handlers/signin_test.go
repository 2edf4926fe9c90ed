package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// signinFixture is a teacher's class with sign-in on, Ana (who joined by
// name on her laptop and has an attempt) and Ben on its roster.
type signinFixture struct {
	ta             *testApp
	teacher        *client
	cl             quizzes.Class
	q              quizzes.Quiz
	laptop         *client
	ana, ben       int64
	anaCode, bCode string
	attempt        string
}

func newSigninFixture(t *testing.T) *signinFixture {
	t.Helper()
	ta := newTestApp(t)
	ctx := context.Background()
	f := &signinFixture{ta: ta}
	var u quizzes.User
	f.teacher, u = ta.teacher("owner", quizzes.RoleTeacher)
	f.q = ta.ownedQuiz("Rivers", u, quizzes.Published)
	var err error
	f.cl, err = ta.store.CreateClass(ctx, "9B English", u.ID)
	must(t, err)
	must(t, ta.store.SetClassQuizzes(ctx, f.cl.ID, []int64{f.q.ID}))
	f.laptop = ta.client()
	f.laptop.get("/")
	if r := f.laptop.post("/join", url.Values{"code": {f.cl.JoinCode}, "display_name": {"Ana Lopez"}}); r.status != 303 {
		t.Fatalf("Ana joins by name: status %d", r.status)
	}
	f.attempt = startAs(t, f.laptop, f.q.Slug, "")
	ben, _ := ta.store.CreateStudent(ctx, "Ben Okafor", "tok-ben")
	must(t, ta.store.JoinClass(ctx, ben.ID, f.cl.ID))
	f.ben = ben.ID
	members, _ := ta.store.ClassMembers(ctx, f.cl.ID)
	for _, m := range members {
		if m.DisplayName == "Ana Lopez" {
			f.ana = m.StudentID
		}
	}
	f.teacher.get(views.ClassURL(f.cl.ID))
	r := f.teacher.post(views.ClassURL(f.cl.ID)+"/signin", url.Values{"signin": {"on"}})
	if r.status != 303 {
		t.Fatalf("turn sign-in on: status %d", r.status)
	}
	f.anaCode, f.bCode = f.code(t, f.ana), f.code(t, f.ben)
	return f
}

func (f *signinFixture) code(t *testing.T, id int64) string {
	t.Helper()
	cards, err := f.ta.store.SigninCards(context.Background(), f.cl.ID)
	must(t, err)
	for _, c := range cards {
		if c.StudentID == id {
			return c.Code
		}
	}
	t.Fatalf("student %d has no card", id)
	return ""
}

// signIn posts the sign-in form, with the form token of the home page
// (the sign-in page has no form to post when the class has no sign-in).
func (f *signinFixture) signIn(c *client, student int64, code string, headers ...string) response {
	c.do("GET", "/", nil, headers...)
	return c.post("/signin", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(student))}, "signin_code": {code}}, headers...)
}

// who is the student a browser answers as, "" for nobody.
func who(c *client) string {
	return strings.TrimSpace(c.get("/").doc.Find("header .who").Text())
}

// Ana joined by name on her laptop and began a quiz. On a phone she picks
// her name and types her code: the phone is Ana, with the laptop's attempt
// in her results, and the roster still lists one Ana.
func TestStudentSignsInOnASecondDeviceAsTheSameStudent(t *testing.T) {
	f := newSigninFixture(t)
	phone := f.ta.client()
	r := phone.get(views.SigninURL(f.cl.JoinCode))
	if r.status != 200 || r.doc.Find(`#signin-student option[value="`+itoa(int(f.ana))+`"]`).Text() != "Ana Lopez" {
		t.Fatalf("the sign-in page: status %d, want Ana Lopez among the names: %.300s", r.status, r.doc.Find("main").Text())
	}
	r = f.signIn(phone, f.ana, strings.ToUpper(strings.ReplaceAll(f.anaCode, "-", " ")))
	if r.status != 303 || r.location != "/#class" {
		t.Fatalf("sign in: status %d to %q, want 303 to /#class", r.status, r.location)
	}
	home := phone.get("/")
	if got := strings.TrimSpace(home.doc.Find("header .who").Text()); got != "Ana Lopez" {
		t.Errorf("the phone answers as %q, want Ana Lopez", got)
	}
	if !strings.Contains(home.doc.Find(".notice").Text(), "Signed in as Ana Lopez in 9B English") {
		t.Errorf("the home page says %q", home.doc.Find(".notice").Text())
	}
	if home.doc.Find("#class").Length() == 0 {
		t.Error("the phone does not list Ana's class's quizzes")
	}
	me := phone.get("/me")
	if me.doc.Find(`a[href="`+f.attempt+`"], a[href^="`+f.attempt+`/"]`).Length() == 0 {
		t.Errorf("the phone's results do not list the laptop's attempt %s: %.400s", f.attempt, me.doc.Find("main").Text())
	}
	if who(f.laptop) != "Ana Lopez" {
		t.Error("signing in on the phone signed the laptop out")
	}
	if m, _ := f.ta.store.ClassMembers(context.Background(), f.cl.ID); len(m) != 2 {
		t.Errorf("the roster lists %d students, want Ana and Ben", len(m))
	}
	// The phone opens the attempt the laptop began.
	if r := phone.get(f.attempt); r.status != 200 {
		t.Errorf("the phone opens Ana's attempt: status %d", r.status)
	}

	// "Not you? Switch student" on the phone ends the phone's sign-in only.
	phone.get("/")
	if r := phone.post("/student/switch", nil); r.status != 303 {
		t.Fatalf("switch: status %d", r.status)
	}
	if got := who(phone); got != "" {
		t.Errorf("after switching the phone is still %q", got)
	}
	if who(f.laptop) != "Ana Lopez" {
		t.Error("switching student on the phone signed the laptop out")
	}
	// the same code signs the phone in again
	if r := f.signIn(phone, f.ana, f.anaCode); r.status != 303 || who(phone) != "Ana Lopez" {
		t.Errorf("signing in again after switching: status %d", r.status)
	}
}

// A browser that was another student becomes the one who signs in; the
// other student keeps their answers and their token ends with this browser.
func TestSignInReplacesTheBrowsersStudent(t *testing.T) {
	f := newSigninFixture(t)
	shared := f.ta.client()
	startAs(t, shared, f.q.Slug, "Visitor")
	if r := f.signIn(shared, f.ben, f.bCode); r.status != 303 {
		t.Fatalf("sign in: status %d", r.status)
	}
	if got := who(shared); got != "Ben Okafor" {
		t.Errorf("the shared browser is %q, want Ben Okafor", got)
	}
}

// Joining a class with sign-in by its code leads to the sign-in page, so
// that a second device does not make a second Ana; "Not on the list?"
// still joins with a name, and the newcomer gets a code.
func TestJoiningAClassWithSigninLeadsToSignin(t *testing.T) {
	f := newSigninFixture(t)
	phone := f.ta.client()
	phone.get("/")
	r := phone.post("/join", url.Values{"code": {strings.ToLower(f.cl.JoinCode)}, "display_name": {"Ana Lopez"}})
	if r.status != 303 || r.location != views.SigninURL(f.cl.JoinCode) {
		t.Fatalf("join: status %d to %q, want 303 to the sign-in page", r.status, r.location)
	}
	page := phone.get(r.location)
	if !strings.Contains(page.doc.Find(".notice").Text(), "Your class signs in") {
		t.Errorf("the sign-in page does not say why: %q", page.doc.Find(".notice").Text())
	}
	if m, _ := f.ta.store.ClassMembers(context.Background(), f.cl.ID); len(m) != 2 {
		t.Errorf("the roster has %d students, want no new one", len(m))
	}
	r = phone.post("/join", url.Values{"code": {f.cl.JoinCode}, "by_name": {"yes"}, "display_name": {"Chloe Park"}})
	if r.status != 303 || !strings.HasPrefix(r.location, "/?joined=new") {
		t.Fatalf("join by name: status %d to %q", r.status, r.location)
	}
	members, _ := f.ta.store.ClassMembers(context.Background(), f.cl.ID)
	var chloe int64
	for _, m := range members {
		if m.DisplayName == "Chloe Park" {
			chloe = m.StudentID
		}
	}
	if chloe == 0 || f.code(t, chloe) == "" {
		t.Errorf("Chloe joined by name: on the roster %v, want her there with a code", members)
	}
	// Ana on her laptop, already in the class, is simply in it again.
	f.laptop.get("/")
	if r := f.laptop.post("/join", url.Values{"code": {f.cl.JoinCode}}); r.status != 303 || !strings.Contains(r.location, "joined=again") {
		t.Errorf("Ana joins again: status %d to %q", r.status, r.location)
	}
}

// Each wrong or missing part of the sign-in gets a message that says what
// and where, and the browser stays nobody.
func TestSigninRefusesBadInputAndChangesNothing(t *testing.T) {
	f := newSigninFixture(t)
	ctx := context.Background()
	other, err := f.ta.store.CreateClass(ctx, "9C", f.cl.OwnerID)
	must(t, err)
	carl, _ := f.ta.store.CreateStudent(ctx, "Carl", "tok-carl")
	must(t, f.ta.store.JoinClass(ctx, carl.ID, other.ID))
	_, err = f.ta.store.SetClassSignin(ctx, other.ID, true)
	must(t, err)
	otherCards, err := f.ta.store.SigninCards(ctx, other.ID)
	must(t, err)
	carlCode := otherCards[0].Code
	off, err := f.ta.store.CreateClass(ctx, "9D", f.cl.OwnerID)
	must(t, err)
	gone, _ := f.ta.store.CreateStudent(ctx, "Dana", "tok-dana")
	must(t, f.ta.store.JoinClass(ctx, gone.ID, f.cl.ID))
	goneCode := f.code(t, gone.ID)
	must(t, f.ta.store.RemoveStudent(ctx, f.cl.ID, gone.ID))

	for _, tc := range []struct {
		name     string
		form     url.Values
		status   int
		says     string
		selector string // where the message is
	}{
		{"no class code", url.Values{"student": {itoa(int(f.ana))}, "signin_code": {f.anaCode}}, 422, "A class code has 6 letters", "#signin-class-error"},
		{"a class code of the wrong shape", url.Values{"code": {"ABC-DE0"}}, 422, "never uses 0", "#signin-class-error"},
		{"a class code that is no class's", url.Values{"code": {"ZZZ-ZZZ"}}, 422, "No class has the code ZZZ-ZZZ", "#signin-class-error"},
		{"a class without sign-in", url.Values{"code": {off.JoinCode}, "student": {"1"}, "signin_code": {"brave-otter-47"}}, 409, "does not sign in with codes", "main"},
		{"no name chosen", url.Values{"code": {f.cl.JoinCode}, "signin_code": {f.anaCode}}, 422, "Choose your name from the list.", "#signin-student-error"},
		{"a name that is not a number", url.Values{"code": {f.cl.JoinCode}, "student": {"Ana"}, "signin_code": {f.anaCode}}, 422, "Choose your name from the list.", "#signin-student-error"},
		{"a student of another class", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(carl.ID))}, "signin_code": {carlCode}}, 422, "Choose your name from the list.", "#signin-student-error"},
		{"a removed student", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(gone.ID))}, "signin_code": {goneCode}}, 422, "Choose your name from the list.", "#signin-student-error"},
		{"no code", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(f.ana))}, "signin_code": {""}}, 422, "Type the sign-in code from your card.", "#signin-code-error"},
		{"a name in the code box", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(f.ana))}, "signin_code": {"Ana Lopez"}}, 422, "two words and a number", "#signin-code-error"},
		{"another student's code", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(f.ana))}, "signin_code": {f.bCode}}, 422, "That is not Ana Lopez’s code", "#signin-code-error"},
		{"a code 100 KB long", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(f.ana))}, "signin_code": {strings.Repeat("ab", 50000) + "47"}}, 422, "two words and a number", "#signin-code-error"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := f.ta.client()
			c.get("/")
			r := c.post("/signin", tc.form)
			if r.status != tc.status || !strings.Contains(r.doc.Find(tc.selector).Text(), tc.says) {
				t.Errorf("status %d, want %d with %q in %s: %.300s", r.status, tc.status, tc.says, tc.selector, r.doc.Find("main").Text())
			}
			if strings.Contains(r.body, "sql") || strings.Contains(r.body, "goroutine") {
				t.Errorf("the page shows internals: %.300s", r.body)
			}
			if got := who(c); got != "" {
				t.Errorf("after a refused sign-in the browser is %q", got)
			}
		})
	}
	t.Run("the name and code typed stay in the form", func(t *testing.T) {
		c := f.ta.client()
		c.get("/")
		r := c.post("/signin", url.Values{"code": {f.cl.JoinCode}, "student": {itoa(int(f.ana))}, "signin_code": {f.bCode}})
		if v, _ := r.doc.Find("#signin-student option[selected]").Attr("value"); v != itoa(int(f.ana)) {
			t.Errorf("after a wrong code the chosen name is %q, want Ana's", v)
		}
		if _, ok := r.doc.Find("#signin-code").Attr("aria-invalid"); !ok {
			t.Error("the code box is not marked invalid")
		}
	})
	t.Run("the code typed stays when the name is missing", func(t *testing.T) {
		c := f.ta.client()
		c.get("/")
		r := c.post("/signin", url.Values{"code": {f.cl.JoinCode}, "signin_code": {f.anaCode}})
		if v, _ := r.doc.Find("#signin-code").Attr("value"); v != f.anaCode {
			t.Errorf("after choosing no name the code box holds %q, want %q", v, f.anaCode)
		}
	})
	t.Run("the sign-in page without a code asks for the class code", func(t *testing.T) {
		r := f.ta.client().get("/signin")
		if r.status != 200 || r.doc.Find(`form[action="/signin"][method="get"] #signin-class`).Length() != 1 {
			t.Errorf("status %d, want the class code form", r.status)
		}
	})
	t.Run("the sign-in page of a class without sign-in leads to joining", func(t *testing.T) {
		r := f.ta.client().get(views.SigninURL(off.JoinCode))
		if href, _ := r.doc.Find(`a[href^="/join?code="]`).Attr("href"); href == "" || r.doc.Find("#signin-student").Length() != 0 {
			t.Errorf("status %d; want a link to join by name and no roster", r.status)
		}
	})
	if cards, _ := f.ta.store.SigninCards(ctx, f.cl.ID); len(cards) != 2 {
		t.Errorf("the roster has %d students after refused sign-ins, want 2", len(cards))
	}
}

// Wrong codes are limited per student, per address and per class; a right
// code after the limit is refused too, and others are not held back.
func TestSigninLimitsGuessing(t *testing.T) {
	f := newSigninFixture(t)
	f.ta.app = New(f.ta.store, nopLog(), nil, Config{TrustedProxies: []string{"0.0.0.0/0"}})
	wrong := func(student int64, addr string) response {
		c := f.ta.client()
		return f.signIn(c, student, "brave-otter-99", "X-Forwarded-For", addr)
	}
	t.Run("per student", func(t *testing.T) {
		for i := range signinPerStudent {
			if r := wrong(f.ana, fmt.Sprintf("198.51.100.%d", i+1)); r.status != 422 {
				t.Fatalf("wrong code %d: status %d, want 422", i+1, r.status)
			}
		}
		c := f.ta.client()
		r := f.signIn(c, f.ana, f.anaCode, "X-Forwarded-For", "198.51.100.200")
		if r.status != 429 || !strings.Contains(r.doc.Find("#signin-code-error").Text(), "Too many wrong codes") {
			t.Errorf("Ana's right code after %d wrong ones from other addresses: status %d, want 429", signinPerStudent, r.status)
		}
		if who(c) != "" {
			t.Error("a held-back sign-in signed in")
		}
		if r := f.signIn(f.ta.client(), f.ben, f.bCode, "X-Forwarded-For", "198.51.100.201"); r.status != 303 {
			t.Errorf("Ben, whose code nobody guessed: status %d, want 303", r.status)
		}
	})
	t.Run("per address", func(t *testing.T) {
		// students of a big class, each guessed at under the student limit
		ctx := context.Background()
		var ids []int64
		for i := range signinPerAddress/(signinPerStudent-1) + 1 {
			st, _ := f.ta.store.CreateStudent(ctx, fmt.Sprintf("Pupil %d", i), fmt.Sprintf("tok-pupil-%d", i))
			must(t, f.ta.store.JoinClass(ctx, st.ID, f.cl.ID))
			ids = append(ids, st.ID)
		}
		for i := range signinPerAddress {
			if r := wrong(ids[i/(signinPerStudent-1)], "203.0.113.7"); r.status != 422 {
				t.Fatalf("wrong code %d from one address: status %d, want 422", i+1, r.status)
			}
		}
		if r := f.signIn(f.ta.client(), f.ben, f.bCode, "X-Forwarded-For", "203.0.113.7"); r.status != 429 {
			t.Errorf("Ben's right code from the guessing address: status %d, want 429", r.status)
		}
		if r := f.signIn(f.ta.client(), f.ben, f.bCode, "X-Forwarded-For", "203.0.113.8"); r.status != 303 {
			t.Errorf("Ben from another address: status %d, want 303", r.status)
		}
	})
	t.Run("per class", func(t *testing.T) {
		ctx := context.Background()
		var ids []int64
		for i := range signinPerClass/(signinPerStudent-1) + 1 {
			st, _ := f.ta.store.CreateStudent(ctx, fmt.Sprintf("Other %d", i), fmt.Sprintf("tok-other-%d", i))
			must(t, f.ta.store.JoinClass(ctx, st.ID, f.cl.ID))
			ids = append(ids, st.ID)
		}
		// already counted for the class: the per-student and per-address runs
		done := signinPerStudent + signinPerAddress
		for i := range signinPerClass - done {
			addr := fmt.Sprintf("192.0.2.%d", i/(signinPerAddress-1)+1)
			if r := wrong(ids[i/(signinPerStudent-1)], addr); r.status != 422 {
				t.Fatalf("wrong code %d in the class: status %d, want 422", done+i+1, r.status)
			}
		}
		if r := f.signIn(f.ta.client(), f.ben, f.bCode, "X-Forwarded-For", "192.0.2.250"); r.status != 429 {
			t.Errorf("Ben after %d wrong codes in his class: status %d, want 429", signinPerClass, r.status)
		}
	})
}

// A new code for Ana stops the old one and signs out the phone that used
// it; the teacher sees the new code; the laptop Ana joined on stays.
func TestNewSigninCodeStopsTheOldOne(t *testing.T) {
	f := newSigninFixture(t)
	phone := f.ta.client()
	if r := f.signIn(phone, f.ana, f.anaCode); r.status != 303 {
		t.Fatalf("sign in: status %d", r.status)
	}
	page := views.RosterStudentURL(f.cl.ID, f.ana)
	if got := f.teacher.get(page).doc.Find("#signin-code .signin-code").Text(); got != f.anaCode {
		t.Errorf("the student page shows code %q, want %q", got, f.anaCode)
	}
	r := f.teacher.post(page+"/code", nil)
	if r.status != 303 {
		t.Fatalf("new code: status %d", r.status)
	}
	fresh := f.code(t, f.ana)
	if fresh == f.anaCode {
		t.Fatal("the code did not change")
	}
	if notice := f.teacher.get(r.location).doc.Find(".notice").Text(); !strings.Contains(notice, "New sign-in code for Ana Lopez: "+fresh) {
		t.Errorf("the student page says %q", notice)
	}
	if got := who(phone); got != "" {
		t.Errorf("the phone signed in with the old code is still %q", got)
	}
	if who(f.laptop) != "Ana Lopez" {
		t.Error("a new code signed out the laptop Ana joined on")
	}
	if r := f.signIn(f.ta.client(), f.ana, f.anaCode); r.status != 422 {
		t.Errorf("the old code: status %d, want 422", r.status)
	}
	if r := f.signIn(phone, f.ana, fresh); r.status != 303 || who(phone) != "Ana Lopez" {
		t.Errorf("the new code: status %d", r.status)
	}
}

// The cards page has one card per student with the class, the address,
// the name and the code, and the same as a plain list.
func TestSigninCardsPage(t *testing.T) {
	f := newSigninFixture(t)
	r := f.teacher.get(views.SigninCardsURL(f.cl.ID))
	if r.status != 200 {
		t.Fatalf("cards: status %d", r.status)
	}
	cards := map[string]string{}
	r.doc.Find(".signin-card").Each(func(_ int, s *goquery.Selection) {
		if s.Find(".signin-card-class").Text() != "9B English" || !strings.HasSuffix(s.Find(".signin-card-address").Text(), views.SigninURL(f.cl.JoinCode)) ||
			!strings.HasPrefix(s.Find(".signin-card-address").Text(), "http") {
			t.Errorf("card %q: class %q, address %q", s.Find(".signin-card-name").Text(), s.Find(".signin-card-class").Text(), s.Find(".signin-card-address").Text())
		}
		cards[s.Find(".signin-card-name").Text()] = s.Find(".signin-card-code").Text()
	})
	if len(cards) != 2 || cards["Ana Lopez"] != f.anaCode || cards["Ben Okafor"] != f.bCode {
		t.Errorf("cards %v, want Ana's %s and Ben's %s", cards, f.anaCode, f.bCode)
	}
	list := r.doc.Find("textarea.signin-list").Text()
	if list != "Ana Lopez\t"+f.anaCode+"\nBen Okafor\t"+f.bCode+"\n" {
		t.Errorf("the plain list reads %q", list)
	}
}

// Turning sign-in off and on, giving missing codes and a new code go into
// the admin's audit log like the roster's other changes; a student who
// has no code (removed while sign-in was turned on) gets one on request.
func TestSigninChangesAreAudited(t *testing.T) {
	f := newSigninFixture(t)
	ctx := context.Background()
	admin, _ := f.ta.teacher("root", quizzes.RoleAdmin)
	classPage := views.ClassURL(f.cl.ID)
	f.teacher.get(classPage)
	if r := f.teacher.post(classPage+"/signin", url.Values{"signin": {"off"}}); r.status != 303 {
		t.Fatalf("turn off: status %d", r.status)
	}
	if r := f.signIn(f.ta.client(), f.ana, f.anaCode); r.status != 409 {
		t.Errorf("signing in with sign-in off: status %d, want 409", r.status)
	}
	eve, _ := f.ta.store.CreateStudent(ctx, "Eve", "tok-eve")
	must(t, f.ta.store.JoinClass(ctx, eve.ID, f.cl.ID))
	must(t, f.ta.store.RemoveStudent(ctx, f.cl.ID, eve.ID))
	if r := f.teacher.post(classPage+"/signin", url.Values{"signin": {"on"}}); r.status != 303 {
		t.Fatalf("turn on: status %d", r.status)
	}
	if f.code(t, f.ana) != f.anaCode {
		t.Error("turning sign-in off and on changed Ana's code; the printed cards would be wrong")
	}
	must(t, f.ta.store.RestoreStudent(ctx, f.cl.ID, eve.ID))
	page := f.teacher.get(classPage)
	if !strings.Contains(page.doc.Find("#signin").Text(), "1 student has no code yet") {
		t.Errorf("the class page's sign-in reads %q", page.doc.Find("#signin").Text())
	}
	if r := f.teacher.post(classPage+"/signin/codes", nil); r.status != 303 || r.location != views.SigninCardsURL(f.cl.ID) {
		t.Fatalf("give codes: status %d to %q", r.status, r.location)
	}
	if f.code(t, eve.ID) == "" {
		t.Error("Eve still has no code")
	}
	f.teacher.get(views.RosterStudentURL(f.cl.ID, f.ben))
	if r := f.teacher.post(views.RosterStudentURL(f.cl.ID, f.ben)+"/code", nil); r.status != 303 {
		t.Fatalf("new code: status %d", r.status)
	}
	rows := map[string]string{}
	admin.get("/teach/audit").doc.Find("table.audit tbody tr").Each(func(_ int, tr *goquery.Selection) {
		cells := tr.Find("td")
		if strings.TrimSpace(cells.Eq(1).Text()) == "owner" {
			rows[strings.TrimSpace(cells.Eq(2).Text())] += strings.TrimSpace(cells.Eq(3).Text()) + "|"
		}
	})
	for action, want := range map[string][]string{
		"class sign-in turned on":  {"9B English", "2 new codes", "0 new codes"},
		"class sign-in turned off": {"9B English"},
		"sign-in codes given":      {"9B English", "1 new code"},
		"sign-in code re-issued":   {"9B English", "Ben Okafor"},
	} {
		detail, ok := rows[action]
		if !ok {
			t.Errorf("the audit log has no %q by owner; it has %q", action, rows)
			continue
		}
		for _, w := range want {
			if !strings.Contains(detail, w) {
				t.Errorf("%s: detail %q, want it to name %q", action, detail, w)
			}
		}
	}
	if strings.Contains(rows["sign-in code re-issued"], f.code(t, f.ben)) {
		t.Error("the audit log shows the code itself")
	}
}

// The teacher's sign-in forms refuse what they cannot do, and another
// teacher's class does not exist for them.
func TestTeacherSigninRefusesBadInput(t *testing.T) {
	f := newSigninFixture(t)
	classPage := views.ClassURL(f.cl.ID)
	f.teacher.get(classPage)
	if r := f.teacher.post(classPage+"/signin", url.Values{"signin": {"maybe"}}); r.status != 422 || !strings.Contains(r.body, "neither to turn sign-in on nor off") {
		t.Errorf("signin=maybe: status %d, want 422 with a message", r.status)
	}
	stranger, _ := f.ta.teacher("stranger", quizzes.RoleTeacher)
	for _, path := range []string{classPage + "/signin", classPage + "/signin/codes", views.RosterStudentURL(f.cl.ID, f.ana) + "/code"} {
		if r := stranger.post(path, url.Values{"signin": {"off"}}); r.status != 404 {
			t.Errorf("another teacher POST %s: status %d, want 404", path, r.status)
		}
	}
	if r := stranger.get(views.SigninCardsURL(f.cl.ID)); r.status != 404 || strings.Contains(r.body, f.anaCode) {
		t.Errorf("another teacher's cards: status %d, want 404 without codes", r.status)
	}
	if r := f.ta.client().get(views.SigninCardsURL(f.cl.ID)); r.status == 200 || strings.Contains(r.body, f.anaCode) {
		t.Errorf("the cards without signing in: status %d", r.status)
	}
	if got, _ := f.ta.store.Class(context.Background(), f.cl.ID); !got.Signin {
		t.Error("a refused request turned sign-in off")
	}
	// a new code while sign-in is off says so and changes nothing
	f.teacher.post(classPage+"/signin", url.Values{"signin": {"off"}})
	page := views.RosterStudentURL(f.cl.ID, f.ana)
	f.teacher.get(page)
	r := f.teacher.post(page+"/code", nil)
	if notice := f.teacher.get(r.location).doc.Find(".notice").Text(); !strings.Contains(notice, "Sign-in is off") || f.code(t, f.ana) != f.anaCode {
		t.Errorf("a new code with sign-in off: %q, code %q", notice, f.code(t, f.ana))
	}
	// the sign-in page of a class without codes says so
	if r := f.signIn(f.ta.client(), f.ana, f.anaCode); r.status != 409 || !strings.Contains(r.body, "does not sign in with codes") {
		t.Errorf("sign in with sign-in off: status %d", r.status)
	}
}
