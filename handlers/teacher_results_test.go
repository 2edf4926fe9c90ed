package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
)

// answerAs gives the form values that answer q with the given mark: R right,
// P partly right, W wrong.
func answerAs(q quizzes.Question, mark byte) (string, []string) {
	switch {
	case mark == 'R':
		return rightAnswer(q)
	case q.Kind == quizzes.MultipleResponse && mark == 'P':
		return "answer", []string{"0"} // one of the two rivers
	case q.Kind == quizzes.MultipleResponse:
		return "answer", []string{"2"} // Paris
	case q.Kind == quizzes.Matching && mark == 'P':
		return "match", []string{"Africa", "Asia"}
	case q.Kind == quizzes.Matching:
		return "match", []string{"Asia", "Asia"}
	}
	return wrongAnswer(q)
}

// takeQuiz has a new student answer question i as pattern[i] says (R, P, W,
// or - for blank); with finish it hands the attempt in.
func takeQuiz(t *testing.T, ta *testApp, q quizzes.Quiz, name, pattern string, finish bool) {
	t.Helper()
	c := ta.client()
	attempt := startAs(t, c, q.Slug, name)
	for i, qu := range q.Questions {
		if pattern[i] == '-' {
			continue
		}
		field, values := answerAs(qu, pattern[i])
		if r := c.post(attempt+"/answer", answerForm(qu, field, values...)); r.status != 303 {
			t.Fatalf("%s answering %q: status %d, want 303", name, qu.Prompt, r.status)
		}
	}
	if finish {
		finishAttempt(t, c, attempt, nil)
	}
}

const formulaName = `=HYPERLINK("http://evil.example","x")`

// classTakesQuiz is six students who finish and one still answering. The
// quiz's questions are, in order: multiple choice, true/false, short
// answer, cloze, multiple response, number, matching; a point each.
var classTakesQuiz = []struct {
	name, pattern, score string
	percent              int
}{
	{"Ada", "RRRRRRR", "7 / 7", 100},
	{"Bo", "RRRRPRR", "6.5 / 7", 93},
	{"Cy", "RWRR-RP", "4.5 / 7", 64},
	{"Dee", "WRWRWR-", "3 / 7", 43},
	{formulaName, "WWRWWW-", "1 / 7", 14},
	{"Fay", "-------", "0 / 7", 0},
}

func TestResultsAccess(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	other, _ := ta.teacher("other", quizzes.RoleTeacher)
	admin, _ := ta.teacher("admin", quizzes.RoleAdmin)
	q := ta.ownedQuiz("Rivers results", ownerUser, quizzes.Published)
	student := ta.client()
	startAs(t, student, q.Slug, "Stu")
	anon := ta.client()
	base := fmt.Sprintf("/teach/quiz/%d/results", q.ID)
	for _, u := range []string{base, base + "/attempts.csv", base + "/responses.csv"} {
		for _, who := range []struct {
			name   string
			c      *client
			status int
		}{
			{"anonymous", anon, 303}, {"student", student, 303}, {"other teacher", other, 404}, {"owner", owner, 200}, {"admin", admin, 200},
		} {
			t.Run(who.name+" GET "+u, func(t *testing.T) {
				r := who.c.get(u)
				if r.status != who.status {
					t.Fatalf("status = %d, want %d", r.status, who.status)
				}
				if r.status == 303 && !strings.HasPrefix(r.location, "/login") {
					t.Errorf("redirect to %q, want /login", r.location)
				}
				if r.status == 404 && (r.header.Get("Content-Disposition") != "" || !strings.Contains(r.body, "Page not found")) {
					t.Error("a refused download still looks like a file, or the page is not the friendly 404")
				}
			})
		}
	}
	for _, bad := range []string{"/teach/quiz/abc/results", "/teach/quiz/99999/results", "/teach/quiz/99999/results/attempts.csv", "/teach/quiz/1'--/results"} {
		t.Run("a bad quiz id is a friendly 404: "+bad, func(t *testing.T) {
			r := owner.get(bad)
			if r.status != 404 || !strings.Contains(r.body, "Page not found") || strings.Contains(strings.ToLower(r.body), "sql") {
				t.Errorf("status %d, want the friendly 404", r.status)
			}
		})
	}
}

func TestResultsPage(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers results", ownerUser, quizzes.Published)
	base := fmt.Sprintf("/teach/quiz/%d/results", q.ID)

	empty := owner.get(base)
	if empty.status != 200 || !strings.Contains(empty.body, "No finished attempts yet") || empty.doc.Find("svg").Length() != 0 {
		t.Errorf("before any attempt: status %d, want the empty state without a chart", empty.status)
	}
	for _, s := range classTakesQuiz {
		takeQuiz(t, ta, q, s.name, s.pattern, true)
	}
	takeQuiz(t, ta, q, "Gus", "RR-----", false)

	r := owner.get(base)
	if r.status != 200 {
		t.Fatalf("status = %d, want 200", r.status)
	}
	t.Run("the quiz page links to the results", func(t *testing.T) {
		if owner.get(TeacherQuizURLForTest(q.ID)).doc.Find(`a[href="`+base+`"]`).Length() != 1 {
			t.Error("no Results link on the teacher's quiz page")
		}
	})
	t.Run("the gradebook shows each finished attempt's score", func(t *testing.T) {
		rows := map[string][]string{}
		r.doc.Find(".gradebook tbody tr").Each(func(_ int, tr *goquery.Selection) {
			var cells []string
			tr.Children().Each(func(_ int, td *goquery.Selection) {
				cells = append(cells, strings.Join(strings.Fields(td.Text()), " "))
			})
			rows[cells[0]] = cells
		})
		if len(rows) != len(classTakesQuiz) {
			t.Fatalf("the gradebook has %d rows, want %d (the open attempt left out)", len(rows), len(classTakesQuiz))
		}
		for _, s := range classTakesQuiz {
			got := rows[s.name]
			if len(got) != 6 || got[1] != "1" || got[2] != s.score || got[3] != fmt.Sprintf("%d%%", s.percent) {
				t.Errorf("%s: row %q, want attempt 1, %s, %d%%", s.name, got, s.score, s.percent)
			}
		}
		if !strings.Contains(r.body, "1 attempt still in progress is not counted") {
			t.Error("the open attempt is not mentioned")
		}
	})
	t.Run("the grid marks each answer right, partly, wrong or blank", func(t *testing.T) {
		want := map[byte]string{'R': "right", 'P': "partly", 'W': "wrong", '-': "blank"}
		grid := map[string]string{}
		r.doc.Find(".grid tbody tr").Each(func(_ int, tr *goquery.Selection) {
			name := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(tr.Find("th").Text()), "#1"))
			var marks []string
			tr.Find("td").Each(func(_ int, td *goquery.Selection) {
				for _, m := range want {
					if td.HasClass(m) {
						marks = append(marks, m)
					}
				}
			})
			grid[name] = strings.Join(marks, " ")
		})
		for _, s := range classTakesQuiz {
			var exp []string
			for i := range s.pattern {
				exp = append(exp, want[s.pattern[i]])
			}
			if grid[s.name] != strings.Join(exp, " ") {
				t.Errorf("%s: grid %q, want %q", s.name, grid[s.name], strings.Join(exp, " "))
			}
		}
	})
	t.Run("the histogram is drawn on the server with words for screen readers", func(t *testing.T) {
		svg := r.doc.Find("svg.histogram")
		if svg.Length() != 1 || svg.AttrOr("role", "") != "img" {
			t.Fatal("no histogram SVG with role img")
		}
		if got := svg.Find("title").First().Text(); got != "Scores of 6 finished attempts" {
			t.Errorf("title %q", got)
		}
		// 0, 14, 43, 64, 93 and 100 fall in five bins: 0–9, 10–19, 40–49, 60–69 and 90–100.
		if n := svg.Find("rect").Length(); n != 5 {
			t.Errorf("%d bars, want 5", n)
		}
		if desc := svg.Find("desc").Text(); !strings.Contains(desc, "90–100%: 2 attempts") {
			t.Errorf("desc %q lacks the top band", desc)
		}
	})
	t.Run("every graded question is analysed", func(t *testing.T) {
		items := r.doc.Find(".items > li")
		if items.Length() != len(q.Questions) {
			t.Fatalf("%d questions analysed, want %d", items.Length(), len(q.Questions))
		}
		first := items.First().Find(".stats").Text()
		if !strings.Contains(first, "Facility") || !strings.Contains(first, "50%") {
			t.Errorf("question 1 stats %q, want a facility of 50%% (3 of 6)", strings.Join(strings.Fields(first), " "))
		}
		if items.First().Find(".choice-shares tr").Length() != 5 { // four choices and the blank row
			t.Error("question 1 does not show its four choices and the blanks")
		}
	})
	t.Run("a formula-looking name is shown as text", func(t *testing.T) {
		if !strings.Contains(r.doc.Find(".gradebook").Text(), formulaName) {
			t.Error("the name is not in the gradebook as written")
		}
	})
}

// A timed attempt whose student never came back is handed in at its
// deadline when the teacher opens the results: it is in the gradebook and
// the CSV with what was saved, handed in when the time was up.
func TestResultsHandInOverdueAttemptsAtTheDeadline(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	base := ta.ownedQuiz("Timed rivers", ownerUser, quizzes.Published)
	base.Settings.TimeLimit = time.Minute
	if err := ta.store.UpdateQuiz(context.Background(), base); err != nil {
		t.Fatal(err)
	}
	q, err := ta.store.Quiz(context.Background(), base.ID)
	if err != nil {
		t.Fatal(err)
	}
	takeQuiz(t, ta, q, "Ada", "RR-----", false)
	results := fmt.Sprintf("/teach/quiz/%d/results", q.ID)
	if r := owner.get(results); !strings.Contains(r.body, "1 attempt still in progress") {
		t.Fatalf("within the time the results should count one attempt in progress: %.400s", r.doc.Find("main").Text())
	}
	ta.app = New(ta.store, nopLog(), nil, Config{Clock: func() time.Time { return time.Now().Add(2 * time.Minute) }})
	r := owner.get(results)
	if r.status != 200 || strings.Contains(r.body, "still in progress") || !strings.Contains(r.doc.Find("table").First().Text(), "2 / 7") {
		t.Errorf("after the time ran out: status %d; want Ada's 2 / 7 in the gradebook and nothing in progress: %.600s", r.status, r.doc.Find("main").Text())
	}
	attempts, err := ta.store.QuizResults(context.Background(), q.ID)
	if err != nil || len(attempts) != 1 {
		t.Fatalf("%d finished attempts (%v), want 1", len(attempts), err)
	}
	a := attempts[0].Attempt
	if want := a.StartedAt.Add(time.Minute); !a.SubmittedAt.Equal(want) {
		t.Errorf("handed in at %v, want the deadline %v", a.SubmittedAt, want)
	}
	csv := owner.get(results + "/attempts.csv").body
	if !strings.Contains(csv, csvTime(a.StartedAt.Add(time.Minute))) || !strings.Contains(csv, ",60,") {
		t.Errorf("the attempts CSV should show the hand-in at the deadline, 60 seconds taken:\n%s", csv)
	}
}
