package handlers

import (
	"net/url"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// A message after a change travels in the session, shows once, and no
// address can put words on a teacher's page.
func TestNoticesLiveInTheSession(t *testing.T) {
	ta := newTestApp(t)
	c, u := ta.teacher("ms-lee", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers", u, quizzes.Draft)
	quizURL := TeacherQuizURLForTest(q.ID)
	crafted := c.get(quizURL + "?notice=" + url.QueryEscape("Your account is locked: call 555-0100"))
	if strings.Contains(crafted.body, "555-0100") || crafted.doc.Find(".notice").Length() != 0 {
		t.Errorf("a notice in the address is shown: %q", crafted.doc.Find(".notice").Text())
	}
	r := c.post(quizURL+"/settings", url.Values{"title": {"Rivers"}, "feedback": {"end"}})
	if r.status != 303 || strings.Contains(r.location, "notice") {
		t.Fatalf("saving settings: status %d, location %q", r.status, r.location)
	}
	if got := c.get(r.location).doc.Find(".notice").Text(); !strings.Contains(got, "Settings saved.") {
		t.Errorf("after saving the page says %q, want Settings saved.", got)
	}
	if again := c.get(r.location); again.doc.Find(".notice").Length() != 0 {
		t.Errorf("the message shows twice: %q", again.doc.Find(".notice").Text())
	}
}
