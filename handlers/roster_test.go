package handlers

import (
	"context"
	"net/url"
	"strings"
	"testing"

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
