package handlers

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// A deleted quiz is gone for students and teachers but listed on its
// owner's dashboard; restoring it brings it back with every answer. A
// deleted class is listed on the class list and comes back with its
// students. Another teacher cannot restore either.
func TestDeletedQuizzesAndClassesComeBack(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers to keep", u, quizzes.Published)
	takeQuiz(t, ta, q, "Ada", "RRRRRRR", true)
	cl, err := ta.store.CreateClass(ctx, "9B", u.ID)
	must(t, err)
	ben, _ := ta.store.CreateStudent(ctx, "Ben", "tok-ben")
	must(t, ta.store.JoinClass(ctx, ben.ID, cl.ID))

	quizPage := views.TeacherQuizURL(q.ID)
	owner.get(quizPage)
	if r := owner.post(quizPage+"/delete", url.Values{}); r.status != 422 {
		t.Errorf("delete without the box ticked: status %d, want 422", r.status)
	}
	if r := owner.post(quizPage+"/delete", url.Values{"confirm": {"yes"}}); r.status != 303 {
		t.Fatalf("delete: status %d, want 303", r.status)
	}
	if r := ta.client().get("/quiz/" + q.Slug); r.status != 404 {
		t.Errorf("a student opens the deleted quiz: status %d, want 404", r.status)
	}
	if r := owner.get(quizPage); r.status != 404 {
		t.Errorf("the deleted quiz's page: status %d, want 404", r.status)
	}
	dash := owner.get("/teach")
	restore := views.RestoreURL("quiz", q.ID)
	if dash.doc.Find(`#deleted form[action="`+restore+`"]`).Length() != 1 || !strings.Contains(dash.doc.Find("#deleted").Text(), "Rivers to keep") {
		t.Errorf("the dashboard does not offer the deleted quiz back: %q", dash.doc.Find("main").Text())
	}
	other.get("/teach")
	if r := other.post(restore, nil); r.status != 404 {
		t.Errorf("another teacher restores the quiz: status %d, want 404", r.status)
	}
	if r := owner.post(restore, nil); r.status != 303 || r.location != quizPage {
		t.Fatalf("restore: status %d to %q, want 303 to the quiz", r.status, r.location)
	}
	if r := owner.get(fmt.Sprintf("/teach/quiz/%d/results", q.ID)); r.status != 200 || !strings.Contains(r.body, "Ada") {
		t.Errorf("after restoring, the results: status %d, want Ada's attempt", r.status)
	}
	if r := ta.client().get("/quiz/" + q.Slug); r.status != 200 {
		t.Errorf("after restoring a student opens the quiz: status %d, want 200", r.status)
	}

	classPage := views.ClassURL(cl.ID)
	owner.get(classPage)
	if r := owner.post(classPage+"/delete", url.Values{"confirm": {"yes"}}); r.status != 303 {
		t.Fatalf("delete class: status %d, want 303", r.status)
	}
	if r := owner.get(classPage); r.status != 404 {
		t.Errorf("the deleted class's page: status %d, want 404", r.status)
	}
	if _, err := ta.store.ClassByCode(ctx, cl.JoinCode); err == nil {
		t.Error("the deleted class's code still finds it")
	}
	list := owner.get("/teach/classes")
	if !strings.Contains(list.doc.Find("#deleted").Text(), "9B") {
		t.Errorf("the class list does not offer the deleted class back: %q", list.doc.Find("main").Text())
	}
	if r := owner.post(views.RestoreURL("class", cl.ID), nil); r.status != 303 || r.location != classPage {
		t.Fatalf("restore class: status %d to %q, want 303 to the class", r.status, r.location)
	}
	if m, _ := ta.store.ClassMembers(ctx, cl.ID); len(m) != 1 || m[0].DisplayName != "Ben" {
		t.Errorf("after restoring the class holds %+v, want Ben", m)
	}
}

// A deleted question written in HTML is listed under "Recently deleted"
// as plain text, as the other teacher pages show prompts, not as tags.
func TestDeletedQuestionListShowsPromptWithoutTags(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	owner, u := ta.teacher("owner", quizzes.RoleTeacher)
	base := ta.fixtureQuiz(quizzes.Settings{})
	qs := base.Questions
	qs[0].Format = quizzes.HTML
	qs[0].Prompt = "<p>Which <b>river</b> is the longest &amp; widest?</p><script>alert(1)</script>"
	q, err := ta.store.CreateQuiz(ctx, quizzes.Quiz{Title: "Rivers", OwnerID: u.ID, Status: quizzes.Draft, ArticleID: base.ArticleID, Questions: qs})
	must(t, err)
	_, err = ta.store.DeleteQuestion(ctx, q.ID, q.Questions[0].ID)
	must(t, err)
	r := owner.get(views.TeacherQuizURL(q.ID))
	listed := strings.Join(strings.Fields(r.doc.Find("#deleted li").Text()), " ")
	if !strings.Contains(listed, "Which river is the longest & widest?") || strings.Contains(listed, "<") || strings.Contains(listed, "alert") {
		t.Errorf("the deleted question is listed as %q, want its prompt as plain text", listed)
	}
}
