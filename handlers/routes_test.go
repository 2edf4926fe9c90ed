package handlers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

// Who may use a route.
type access int

const (
	public       access = iota // anyone
	linkHolder                 // anyone holding a one-time link; without it 404 (or 410 Gone)
	anyTeacher                 // any signed-in teacher; others are sent to sign in
	quizOwner                  // the owner of the quiz or class in the URL, and admins; other teachers get 404
	adminOnly                  // admins; other teachers are refused
	attemptOwner               // the student whose attempt it is; anyone else gets 404
)

// routeRule is what the route x role test knows of a route.
type routeRule struct {
	access access
	form   url.Values // what a POST sends besides its token
	// signsOut marks a route after which the client is signed out.
	signsOut bool
	// always is the outcome for every role, when it is the same for all.
	always outcome
}

// routeRules has every route of the app, keyed "METHOD /path/:param" as
// routes.go registers it. A new route must be added here: the test fails
// naming it.
var routeRules = map[string]routeRule{
	"GET /healthz":           {access: public},
	"GET /":                  {access: public},
	"GET /me":                {access: public},
	"GET /practice":          {access: public},
	"POST /practice":         {access: public},
	"GET /quiz/:slug":        {access: public},
	"POST /quiz/:slug/start": {access: public, form: url.Values{"display_name": {"Sam"}}},
	"GET /join":              {access: public},
	"POST /join":             {access: public, form: url.Values{"code": {"ABC-DEF"}, "display_name": {"Sam"}}},
	"GET /login":             {access: public},
	"POST /login":            {access: public, form: url.Values{"username": {"nobody-here"}, "password": {"wrong password"}}},
	"POST /logout":           {access: public, signsOut: true, always: toLogin},
	"POST /student/switch":   {access: public},
	"GET /signin":            {access: public},
	"POST /signin":           {access: public, form: url.Values{"code": {"ABC-DEF"}, "student": {"0"}, "signin_code": {"brave-otter-47"}}},
	"GET /setup":             {access: linkHolder},
	"POST /setup":            {access: linkHolder, form: url.Values{"token": {"not-the-token"}}},
	"GET /invite":            {access: linkHolder},
	"POST /invite":           {access: linkHolder, form: url.Values{"token": {"not-a-link"}}},
	"GET /reset":             {access: linkHolder},
	"POST /reset":            {access: linkHolder, form: url.Values{"token": {"not-a-link"}}},

	"GET /attempt/:id":          {access: attemptOwner},
	"POST /attempt/:id/answer":  {access: attemptOwner, form: url.Values{}},
	"POST /attempt/:id/finish":  {access: attemptOwner},
	"GET /attempt/:id/review":   {access: attemptOwner},
	"POST /attempt/:id/hand-in": {access: attemptOwner},
	"GET /attempt/:id/result":   {access: attemptOwner},

	"GET /teach":                            {access: anyTeacher},
	"GET /teach/import":                     {access: anyTeacher},
	"POST /teach/import":                    {access: anyTeacher, form: url.Values{"content": {"Q?\nA. x\nB. y\nANSWER: A\n"}}},
	"GET /teach/new":                        {access: anyTeacher},
	"POST /teach/new":                       {access: anyTeacher, form: url.Values{"text": {"Too short to ask about."}}},
	"GET /teach/classes":                    {access: anyTeacher},
	"POST /teach/classes":                   {access: anyTeacher, form: url.Values{"name": {"9B English"}}},
	"GET /teach/account":                    {access: anyTeacher},
	"POST /teach/account/password":          {access: anyTeacher, form: url.Values{"current": {"wrong"}, "password": {"x"}}},
	"POST /teach/account/sessions/:sid/end": {access: anyTeacher},

	"GET /teach/quiz/:id":                            {access: quizOwner},
	"POST /teach/quiz/:id/status":                    {access: quizOwner, form: url.Values{"status": {"published"}}},
	"POST /teach/quiz/:id/delete":                    {access: quizOwner, form: url.Values{"confirm": {"yes"}}},
	"GET /teach/quiz/:id/export":                     {access: quizOwner},
	"GET /teach/quiz/:id/sharing":                    {access: quizOwner},
	"POST /teach/quiz/:id/sharing":                   {access: quizOwner, form: url.Values{"username": {"spare"}, "role": {"viewer"}}},
	"POST /teach/quiz/:id/sharing/:uid/remove":       {access: quizOwner},
	"POST /teach/quiz/:id/settings":                  {access: quizOwner, form: url.Values{"title": {"Renamed"}, "feedback": {"end"}}},
	"GET /teach/quiz/:id/question/new":               {access: quizOwner},
	"POST /teach/quiz/:id/question/new":              {access: quizOwner, form: url.Values{"kind": {"essay"}, "prompt": {"Why?"}}},
	"GET /teach/quiz/:id/question/:qid":              {access: quizOwner},
	"POST /teach/quiz/:id/question/:qid":             {access: quizOwner, form: url.Values{"prompt": {"Match?"}}},
	"POST /teach/quiz/:id/question/:qid/accept":      {access: quizOwner, form: url.Values{"answer": {"Seine"}}},
	"POST /teach/quiz/:id/question/:qid/move":        {access: quizOwner, form: url.Values{"dir": {"up"}}},
	"GET /teach/quiz/:id/question/:qid/delete":       {access: quizOwner},
	"POST /teach/quiz/:id/question/:qid/delete":      {access: quizOwner},
	"POST /teach/quiz/:id/question/:qid/swap":        {access: quizOwner, form: url.Values{"candidate": {"1"}}},
	"POST /teach/quiz/:id/pool/add":                  {access: quizOwner, form: url.Values{"candidate": {"1"}}},
	"POST /teach/quiz/:id/deleted/:did/restore":      {access: quizOwner},
	"POST /teach/deleted/quiz/:id/restore":           {access: quizOwner},
	"POST /teach/deleted/class/:id/restore":          {access: quizOwner},
	"GET /teach/quiz/:id/results":                    {access: quizOwner},
	"GET /teach/quiz/:id/results/attempts.csv":       {access: quizOwner},
	"GET /teach/quiz/:id/results/responses.csv":      {access: quizOwner},
	"GET /teach/quiz/:id/results/attempt/:aid":       {access: quizOwner},
	"POST /teach/quiz/:id/results/attempt/:aid/mark": {access: quizOwner, form: url.Values{"question_id": {"0"}, "points": {"1"}}},
	"GET /teach/class/:id":                           {access: quizOwner},
	"POST /teach/class/:id/rename":                   {access: quizOwner, form: url.Values{"name": {"Renamed class"}}},
	"POST /teach/class/:id/code":                     {access: quizOwner},
	"POST /teach/class/:id/quizzes":                  {access: quizOwner},
	"POST /teach/class/:id/delete":                   {access: quizOwner, form: url.Values{"confirm": {"yes"}}},
	"POST /teach/class/:id/teachers":                 {access: quizOwner, form: url.Values{"username": {"spare"}}},
	"POST /teach/class/:id/teachers/:uid/remove":     {access: quizOwner},
	"GET /teach/class/:id/student/:student":          {access: quizOwner},
	"POST /teach/class/:id/student/:student/rename":  {access: quizOwner, form: url.Values{"name": {"Renamed pupil"}}},
	"POST /teach/class/:id/student/:student/merge":   {access: quizOwner, form: url.Values{"into": {"0"}}},
	"POST /teach/class/:id/student/:student/remove":  {access: quizOwner, form: url.Values{"confirm": {"yes"}}},
	"POST /teach/class/:id/student/:student/restore": {access: quizOwner},
	"POST /teach/class/:id/student/:student/code":    {access: quizOwner},
	"POST /teach/class/:id/signin":                   {access: quizOwner, form: url.Values{"signin": {"on"}}},
	"POST /teach/class/:id/signin/codes":             {access: quizOwner},
	"GET /teach/class/:id/signin/cards":              {access: quizOwner},

	"GET /teach/teachers":                      {access: adminOnly},
	"POST /teach/teachers/invite":              {access: adminOnly, form: url.Values{"note": {"Ms Lee"}, "role": {"teacher"}}},
	"POST /teach/teachers/invite/:id/withdraw": {access: adminOnly},
	"POST /teach/teachers/:id/off":             {access: adminOnly},
	"POST /teach/teachers/:id/on":              {access: adminOnly},
	"POST /teach/teachers/:id/role":            {access: adminOnly, form: url.Values{"role": {"teacher"}}},
	"POST /teach/teachers/:id/reset-link":      {access: adminOnly},
	"GET /teach/audit":                         {access: adminOnly},
}

// routeWorld is the app with one client per role.
type routeWorld struct {
	ta                              *testApp
	anon, student, otherStudent     *client
	owner, other, admin             *client
	ownerUser, otherUser, adminUser quizzes.User
	// Shared teachers: a co-editor of the fixture's quiz who also teaches
	// its class, and a viewer of the quiz.
	coEditor, viewer         *client
	coEditorUser, viewerUser quizzes.User
	// tokens each client had under another identity: before signing in
	// (teachers), before starting a quiz (the student), before signing
	// out (the anonymous visitor).
	before map[*client]string
	spares int
}

func newRouteWorld(t *testing.T) *routeWorld {
	ta := newTestApp(t)
	w := &routeWorld{ta: ta, before: map[*client]string{}}
	signIn := func(name string, role quizzes.Role) (*client, quizzes.User) {
		hash, err := HashPassword("correct horse battery")
		must(t, err)
		u, err := ta.store.CreateUser(context.Background(), quizzes.User{Username: name, PasswordHash: hash, Role: role})
		must(t, err)
		c := ta.client()
		c.get("/login")
		w.before[c] = c.csrf
		if r := c.post("/login", url.Values{"username": {name}, "password": {"correct horse battery"}}); r.status != 303 {
			t.Fatalf("sign in as %s: %d", name, r.status)
		}
		c.get("/teach")
		return c, u
	}
	w.owner, w.ownerUser = signIn("owner", quizzes.RoleTeacher)
	w.other, w.otherUser = signIn("other", quizzes.RoleTeacher)
	w.admin, w.adminUser = signIn("admin", quizzes.RoleAdmin)
	w.coEditor, w.coEditorUser = signIn("co-editor", quizzes.RoleTeacher)
	w.viewer, w.viewerUser = signIn("viewer", quizzes.RoleTeacher)
	w.anon, _ = signIn("anon-later", quizzes.RoleTeacher)
	w.anon.get("/teach")
	w.before[w.anon] = w.anon.csrf
	w.anon.post("/logout", nil)
	w.anon.get("/login")

	q := ta.ownedQuiz("Another quiz", w.otherUser, quizzes.Published)
	w.student = ta.client()
	w.student.get("/quiz/" + q.Slug)
	w.before[w.student] = w.student.csrf
	startAs(t, w.student, q.Slug, "Stu")
	w.otherStudent = ta.client()
	startAs(t, w.otherStudent, q.Slug, "Other")
	return w
}

// routeFixture is what one request acts on, made afresh for each request
// so that a delete or a hand-in does not spoil the next.
type routeFixture struct {
	quiz     quizzes.Quiz
	class    quizzes.Class
	attempt  string
	finished string // an attempt handed in, for the teacher's results pages
	pupil    int64  // a student of the class's roster
	deleted  int64  // a question deleted from the quiz, to restore
	// a deleted quiz and class of the owner's, to restore
	deletedQuiz, deletedClass int64
	spare                     quizzes.User
	invite                    int64
	session                   string
}

func (w *routeWorld) fixture(t *testing.T, caller quizzes.User) routeFixture {
	ctx := context.Background()
	var fx routeFixture
	fx.quiz = w.ta.ownedQuiz("Rivers", w.ownerUser, quizzes.Published)
	var err error
	fx.class, err = w.ta.store.CreateClass(ctx, "9B", w.ownerUser.ID)
	must(t, err)
	w.spares++
	fx.spare, err = w.ta.store.CreateUser(ctx, quizzes.User{Username: "spare" + strconv.Itoa(w.spares), PasswordHash: "x", Role: quizzes.RoleTeacher})
	must(t, err)
	by := db.Actor{UserID: w.ownerUser.ID, Username: "owner"}
	must(t, w.ta.store.ShareQuiz(ctx, fx.quiz.ID, fx.spare.Username, quizzes.ShareViewer, by))
	must(t, w.ta.store.AddClassTeacher(ctx, fx.class.ID, fx.spare.Username, by))
	must(t, w.ta.store.ShareQuiz(ctx, fx.quiz.ID, "co-editor", quizzes.ShareEditor, by))
	must(t, w.ta.store.ShareQuiz(ctx, fx.quiz.ID, "viewer", quizzes.ShareViewer, by))
	must(t, w.ta.store.AddClassTeacher(ctx, fx.class.ID, "co-editor", by))
	hash := make([]byte, 32)
	rand.Read(hash)
	pupil, err := w.ta.store.CreateStudent(ctx, "Pupil", hex.EncodeToString(hash))
	must(t, err)
	must(t, w.ta.store.JoinClass(ctx, pupil.ID, fx.class.ID))
	fx.pupil = pupil.ID
	d, err := w.ta.store.DeleteQuestion(ctx, fx.quiz.ID, fx.quiz.Questions[0].ID)
	must(t, err)
	fx.deleted = d.ID
	gone := w.ta.ownedQuiz("Deleted rivers", w.ownerUser, quizzes.Published)
	must(t, w.ta.store.DeleteQuiz(ctx, gone.ID))
	goneClass, err := w.ta.store.CreateClass(ctx, "9Z", w.ownerUser.ID)
	must(t, err)
	must(t, w.ta.store.DeleteClass(ctx, goneClass.ID))
	fx.deletedQuiz, fx.deletedClass = gone.ID, goneClass.ID
	rand.Read(hash)
	inv, err := w.ta.store.CreateInvitation(ctx, db.Link{TokenHash: hash, Role: quizzes.RoleTeacher, ExpiresAt: time.Now().Add(24 * time.Hour)}, db.Actor{})
	must(t, err)
	fx.invite = inv.ID
	rand.Read(hash)
	if caller.ID != 0 {
		must(t, w.ta.store.StartSession(ctx, db.TeacherSession{IDHash: hash, UserID: caller.ID}, db.Actor{}))
	}
	fx.session = hex.EncodeToString(hash)
	fx.finished = startAs(t, w.otherStudent, fx.quiz.Slug, "Other")
	finishAttempt(t, w.otherStudent, fx.finished, url.Values{})
	fx.attempt = startAs(t, w.student, fx.quiz.Slug, "Stu")
	return fx
}

// fill puts the fixture's ids in a route's path.
func (fx routeFixture) fill(path string) string {
	parts := strings.Split(path, "/")
	for i, p := range parts {
		prev := ""
		if i > 0 {
			prev = parts[i-1]
		}
		switch {
		case p == ":slug":
			parts[i] = fx.quiz.Slug
		case p == ":id" && prev == "attempt":
			parts[i] = strings.TrimPrefix(fx.attempt, "/attempt/")
		case p == ":id" && i >= 2 && parts[i-2] == "deleted" && prev == "quiz":
			parts[i] = strconv.FormatInt(fx.deletedQuiz, 10)
		case p == ":id" && i >= 2 && parts[i-2] == "deleted" && prev == "class":
			parts[i] = strconv.FormatInt(fx.deletedClass, 10)
		case p == ":id" && prev == "quiz":
			parts[i] = strconv.FormatInt(fx.quiz.ID, 10)
		case p == ":id" && prev == "class":
			parts[i] = strconv.FormatInt(fx.class.ID, 10)
		case p == ":id" && prev == "invite":
			parts[i] = strconv.FormatInt(fx.invite, 10)
		case p == ":id" && prev == "teachers":
			parts[i] = strconv.FormatInt(fx.spare.ID, 10)
		case p == ":qid":
			parts[i] = strconv.FormatInt(fx.quiz.Questions[len(fx.quiz.Questions)-1].ID, 10)
		case p == ":aid":
			parts[i] = strings.TrimPrefix(fx.finished, "/attempt/")
		case p == ":uid":
			parts[i] = strconv.FormatInt(fx.spare.ID, 10)
		case p == ":sid":
			parts[i] = fx.session
		case p == ":did":
			parts[i] = strconv.FormatInt(fx.deleted, 10)
		case p == ":student":
			parts[i] = strconv.FormatInt(fx.pupil, 10)
		}
	}
	return strings.Join(parts, "/")
}

// appRoutes lists the app's own routes as "METHOD /path" keys.
func appRoutes(ta *testApp) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range ta.app.GetRoutes(true) {
		if r.Method == "HEAD" || r.Method == "USE" {
			continue
		}
		path := r.Path
		if len(path) > 1 {
			path = strings.TrimSuffix(path, "/")
		}
		key := r.Method + " " + path
		if !seen[key] {
			seen[key] = true
			out = append(out, key)
		}
	}
	sort.Strings(out)
	return out
}

type outcome string

const (
	allowed  outcome = "allowed"
	toLogin  outcome = "sent to sign in"
	notFound outcome = "404"
	refused  outcome = "refused (403 or 404)"
	noLink   outcome = "404 or 410 (no valid link)"
)

func expected(a access, role string) outcome {
	student := role == "anonymous" || role == "student" || role == "other student"
	switch a {
	case public:
		return allowed
	case linkHolder:
		return noLink
	case attemptOwner:
		if role == "student" {
			return allowed
		}
		return notFound
	case anyTeacher:
		if student {
			return toLogin
		}
		return allowed
	case quizOwner:
		switch {
		case student:
			return toLogin
		case role == "other teacher":
			return notFound
		}
		return allowed
	case adminOnly:
		switch {
		case student:
			return toLogin
		case role == "admin":
			return allowed
		}
		return refused
	}
	return ""
}

func (o outcome) matches(r response) bool {
	login := r.status == 303 && strings.HasPrefix(r.location, "/login")
	switch o {
	case allowed:
		return r.status < 500 && r.status != 403 && r.status != 404 && !login
	case toLogin:
		return login
	case notFound:
		return r.status == 404
	case refused:
		return r.status == 403 || r.status == 404
	case noLink:
		return r.status == 404 || r.status == 410
	}
	return false
}

// TestEveryRouteAnswersEachRoleAsDesigned walks the router's own route
// list, so that a new route is covered (or named as missing) without
// editing the test's loop.
func TestEveryRouteAnswersEachRoleAsDesigned(t *testing.T) {
	w := newRouteWorld(t)
	routes := appRoutes(w.ta)
	for _, key := range routes {
		if _, ok := routeRules[key]; !ok {
			t.Errorf("route %s has no rule in routeRules (handlers/routes_test.go): add one saying who may use it and what a POST sends", key)
		}
	}
	for key := range routeRules {
		if !containsString(routes, key) {
			t.Errorf("routeRules has %s, which the app no longer serves: remove it", key)
		}
	}
	roles := []struct {
		name    string
		c       *client
		user    quizzes.User
		relogin string
	}{
		{"anonymous", w.anon, quizzes.User{}, ""},
		{"student", w.student, quizzes.User{}, ""},
		{"other student", w.otherStudent, quizzes.User{}, ""},
		{"other teacher", w.other, w.otherUser, "other"},
		{"admin", w.admin, w.adminUser, "admin"},
		{"co-editor", w.coEditor, w.coEditorUser, "co-editor"},
		{"viewer", w.viewer, w.viewerUser, "viewer"},
		{"owner teacher", w.owner, w.ownerUser, "owner"},
	}
	for _, key := range routes {
		rule, ok := routeRules[key]
		if !ok {
			continue
		}
		method, path, _ := strings.Cut(key, " ")
		for _, role := range roles {
			t.Run(key+" as "+role.name, func(t *testing.T) {
				fx := w.fixture(t, role.user)
				target := fx.fill(path)
				if strings.HasSuffix(target, "/export") {
					target += "?format=gift"
				}
				var r response
				if method == "GET" {
					r = role.c.get(target)
				} else {
					role.c.get("/") // the page the form would be on gives the token
					if role.user.ID != 0 {
						role.c.get("/teach")
					}
					r = role.c.post(target, rule.form)
				}
				want := expected(rule.access, role.name)
				if role.name == "co-editor" || role.name == "viewer" {
					want = sharedExpected(rule.access, key, role.name)
				}
				if rule.always != "" {
					want = rule.always
				}
				if !want.matches(r) {
					t.Errorf("%s %s as %s: status %d (to %q), want %s", method, target, role.name, r.status, r.location, want)
				}
				if rule.signsOut && role.relogin != "" {
					role.c.get("/login")
					role.c.post("/login", url.Values{"username": {role.relogin}, "password": {"correct horse battery"}})
					role.c.get("/teach")
				}
			})
		}
	}
}

// sharedExpected is what a shared teacher may do: a co-editor (who also
// teaches the class) edits the quiz and changes the class but does not
// delete or share either; a viewer reads the quiz's results only and does
// not see the class.
func sharedExpected(a access, key, role string) outcome {
	if a != quizOwner {
		return expected(a, "other teacher")
	}
	ownerOnly := strings.HasSuffix(key, "/delete") && !strings.Contains(key, "/question/") ||
		strings.Contains(key, "/sharing") || strings.Contains(key, "/teachers") || strings.Contains(key, "/teach/deleted/")
	switch {
	case strings.Contains(key, "/teach/class/") && role == "viewer":
		return notFound
	case role == "co-editor" && ownerOnly:
		return refused
	case role == "co-editor":
		return allowed
	case strings.HasPrefix(key, "GET /teach/quiz/:id/results"):
		return allowed
	}
	return refused
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestEveryPostRefusesABadToken sends each POST route, as a caller who may
// use it, without a token, with another session's token, with the token
// the same browser had before signing in (or starting, or signing out),
// and with a token planted as a cookie: each must be refused.
func TestEveryPostRefusesABadToken(t *testing.T) {
	w := newRouteWorld(t)
	for _, key := range appRoutes(w.ta) {
		method, path, _ := strings.Cut(key, " ")
		rule, ok := routeRules[key]
		if method != "POST" || !ok {
			continue // TestEveryRouteAnswersEachRoleAsDesigned names missing rules
		}
		caller, stranger, user := w.anon, w.ta.client(), quizzes.User{}
		switch rule.access {
		case attemptOwner:
			caller, stranger = w.student, w.otherStudent
		case anyTeacher, quizOwner:
			caller, stranger, user = w.owner, w.other, w.ownerUser
		case adminOnly:
			caller, stranger, user = w.admin, w.owner, w.adminUser
		}
		stranger.get("/")
		strangerToken := stranger.csrf
		for _, variant := range []struct {
			name    string
			token   string
			planted bool
		}{
			{"without a token", "", false},
			{"with another session's token", strangerToken, false},
			{"with the token from before signing in", w.before[caller], false},
			{"with a token planted as a cookie", "planted-token-value-planted-token-value-pla", true},
		} {
			t.Run(key+" "+variant.name, func(t *testing.T) {
				fx := w.fixture(t, user)
				target := fx.fill(path)
				form := url.Values{}
				for k, v := range rule.form {
					form[k] = v
				}
				if variant.token != "" {
					form.Set("_csrf", variant.token)
				}
				saved := map[string]string{}
				if variant.planted {
					for _, name := range []string{visitorCookie, "__Host-" + visitorCookie} {
						saved[name] = caller.cookies[name]
						caller.cookies[name] = variant.token
					}
				}
				r := caller.do("POST", target, form)
				for name, v := range saved {
					if v == "" {
						delete(caller.cookies, name)
					} else {
						caller.cookies[name] = v
					}
				}
				if r.status != 403 || !strings.Contains(r.body, "This form has expired") {
					t.Errorf("POST %s %s: status %d, want 403 with the expired-form message", target, variant.name, r.status)
				}
			})
		}
	}
}
