package handlers

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// The roster's forms refuse bad input with a message and change nothing:
// an empty name, a merge with nobody or with oneself, a removal without
// the box ticked, a student of another class.
func TestRosterRefusesBadInputAndChangesNothing(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	cl, err := ta.store.CreateClass(ctx, "9B", u.ID)
	must(t, err)
	other, err := ta.store.CreateClass(ctx, "9C", u.ID)
	must(t, err)
	ana, _ := ta.store.CreateStudent(ctx, "Ana", "tok-ana")
	must(t, ta.store.JoinClass(ctx, ana.ID, cl.ID))
	ben, _ := ta.store.CreateStudent(ctx, "Ben", "tok-ben")
	must(t, ta.store.JoinClass(ctx, ben.ID, other.ID))
	page := views.RosterStudentURL(cl.ID, ana.ID)
	owner.get(page)
	for _, tc := range []struct {
		name, path string
		form       url.Values
		status     int
		says       string
	}{
		{"an empty name", page + "/rename", url.Values{"name": {"  "}}, 422, "Give the student a name."},
		{"a name too long", page + "/rename", url.Values{"name": {strings.Repeat("a", 61)}}, 422, "under 60 characters"},
		{"a merge with nobody", page + "/merge", url.Values{"into": {""}}, 422, "Choose another student"},
		{"a merge with oneself", page + "/merge", url.Values{"into": {itoa(int(ana.ID))}}, 422, "Choose another student"},
		{"a merge with another class's student", page + "/merge", url.Values{"into": {itoa(int(ben.ID))}}, 422, "Choose another student"},
		{"a removal without the box ticked", page + "/remove", url.Values{}, 422, "Tick the box"},
		{"another class's student", views.RosterStudentURL(cl.ID, ben.ID) + "/rename", url.Values{"name": {"X"}}, 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := owner.post(tc.path, tc.form)
			if r.status != tc.status || !strings.Contains(r.body, tc.says) {
				t.Errorf("status %d, want %d saying %q: %.300s", r.status, tc.status, tc.says, r.doc.Find(".field-error").Text())
			}
		})
	}
	if st, _ := ta.store.Student(ctx, ana.ID); st.DisplayName != "Ana" {
		t.Errorf("Ana is now %q", st.DisplayName)
	}
	if m, _ := ta.store.ClassMembers(ctx, cl.ID); len(m) != 1 {
		t.Errorf("the class has %d students, want Ana still", len(m))
	}
	if r := owner.post(page+"/rename", url.Values{"name": {"Ana  Lopez"}}); r.status != 303 {
		t.Errorf("rename: status %d, want 303", r.status)
	}
	if st, _ := ta.store.Student(ctx, ana.ID); st.DisplayName != "Ana Lopez" {
		t.Errorf("after renaming Ana is %q, want Ana Lopez", st.DisplayName)
	}
}

// Removing, merging and restoring a student and deleting and restoring a
// class show in the admin's audit log, like a quiz's deletion does.
func TestRosterAndClassChangesAreAudited(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	admin, _ := ta.teacher("root", quizzes.RoleAdmin)
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	cl, err := ta.store.CreateClass(ctx, "9B", u.ID)
	must(t, err)
	ana, _ := ta.store.CreateStudent(ctx, "Ana", "tok-ana")
	must(t, ta.store.JoinClass(ctx, ana.ID, cl.ID))
	ben, _ := ta.store.CreateStudent(ctx, "Ben", "tok-ben")
	must(t, ta.store.JoinClass(ctx, ben.ID, cl.ID))
	tablet, _ := ta.store.CreateStudent(ctx, "Ana tablet", "tok-tablet")
	must(t, ta.store.JoinClass(ctx, tablet.ID, cl.ID))
	classPage := views.ClassURL(cl.ID)
	owner.get(classPage)
	for _, step := range []struct {
		path string
		form url.Values
	}{
		{views.RosterStudentURL(cl.ID, ben.ID) + "/rename", url.Values{"name": {"Benjamin"}}},
		{views.RosterStudentURL(cl.ID, ben.ID) + "/remove", url.Values{"confirm": {"yes"}}},
		{views.RosterStudentURL(cl.ID, ben.ID) + "/restore", nil},
		{views.RosterStudentURL(cl.ID, tablet.ID) + "/merge", url.Values{"into": {itoa(int(ana.ID))}}},
		{classPage + "/delete", url.Values{"confirm": {"yes"}}},
		{views.RestoreURL("class", cl.ID), nil},
	} {
		if r := owner.post(step.path, step.form); r.status != 303 {
			t.Fatalf("POST %s: status %d, want 303", step.path, r.status)
		}
	}
	rows := map[string]string{}
	admin.get("/teach/audit").doc.Find("table.audit tbody tr").Each(func(_ int, tr *goquery.Selection) {
		cells := tr.Find("td")
		if strings.TrimSpace(cells.Eq(1).Text()) == "owner" {
			rows[strings.TrimSpace(cells.Eq(2).Text())] = strings.TrimSpace(cells.Eq(3).Text())
		}
	})
	for action, want := range map[string][]string{
		"student renamed":  {"9B", "Ben", "to Benjamin"},
		"student removed":  {"9B", "Ben"},
		"student restored": {"9B", "Ben"},
		"students merged":  {"9B", "Ana tablet", "into", "Ana"},
		"class deleted":    {"9B"},
		"class restored":   {"9B"},
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
}

// A removed student's unfinished attempt is not counted "in progress" on
// the results page, as their finished ones are left out of the results.
func TestRemovedStudentsOpenAttemptIsNotInProgress(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers", u, quizzes.Published)
	cl, err := ta.store.CreateClass(ctx, "9B", u.ID)
	must(t, err)
	ben, _ := ta.store.CreateStudent(ctx, "Ben", "tok-ben")
	must(t, ta.store.JoinClass(ctx, ben.ID, cl.ID))
	_, err = ta.store.OpenAttempt(ctx, q, ben.ID)
	must(t, err)
	results := TeacherQuizURLForTest(q.ID) + "/results"
	if r := owner.get(results); !strings.Contains(r.body, "1 attempt still in progress") {
		t.Fatalf("before removing, the results do not count Ben's open attempt: %.400s", r.doc.Find("main").Text())
	}
	owner.get(views.ClassURL(cl.ID))
	if r := owner.post(views.RosterStudentURL(cl.ID, ben.ID)+"/remove", url.Values{"confirm": {"yes"}}); r.status != 303 {
		t.Fatalf("remove: status %d, want 303", r.status)
	}
	if r := owner.get(results); r.status != 200 || strings.Contains(r.body, "in progress") {
		t.Errorf("after removing Ben: status %d, still counting an attempt in progress: %.400s", r.status, r.doc.Find("main").Text())
	}
}

// With every student of a class removed, the class page says so and
// points to "Recently removed" instead of saying nobody has joined.
func TestClassWithEveryStudentRemovedSaysSo(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	cl, err := ta.store.CreateClass(ctx, "9B", u.ID)
	must(t, err)
	classPage := views.ClassURL(cl.ID)
	if r := owner.get(classPage); !strings.Contains(r.body, "No student has joined yet") {
		t.Errorf("an empty class: %.400s", r.doc.Find("main").Text())
	}
	ben, _ := ta.store.CreateStudent(ctx, "Ben", "tok-ben")
	must(t, ta.store.JoinClass(ctx, ben.ID, cl.ID))
	if r := owner.post(views.RosterStudentURL(cl.ID, ben.ID)+"/remove", url.Values{"confirm": {"yes"}}); r.status != 303 {
		t.Fatalf("remove: status %d, want 303", r.status)
	}
	r := owner.get(classPage)
	students := r.doc.Find("main").Text()
	if strings.Contains(students, "No student has joined yet") || !strings.Contains(students, "Every student of this class was removed") {
		t.Errorf("with Ben removed the class page says: %.600s", students)
	}
	if r.doc.Find(`a[href="#removed"]`).Length() != 1 || r.doc.Find("#removed").Length() != 1 {
		t.Error("the class page does not point to “Recently removed”")
	}
}
