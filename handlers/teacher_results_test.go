package handlers

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"quiztrainer/quizzes"
)

// ownedQuiz is the fixture quiz, published and owned by the given teacher.
func (ta *testApp) ownedQuiz(owner quizzes.User) quizzes.Quiz {
	ta.t.Helper()
	fx := ta.fixtureQuiz(quizzes.Settings{})
	q, err := ta.store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Rivers results", OwnerID: owner.ID,
		ArticleID: fx.ArticleID, Status: quizzes.Published, Questions: fx.Questions})
	if err != nil {
		ta.t.Fatal(err)
	}
	return q
}

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
		if r := c.post(attempt+"/answer", url.Values{"question_id": {strconv.FormatInt(qu.ID, 10)}, field: values}); r.status != 303 {
			t.Fatalf("%s answering %q: status %d, want 303", name, qu.Prompt, r.status)
		}
	}
	if finish {
		if r := c.post(attempt+"/finish", nil); r.status != 303 {
			t.Fatalf("%s finishing: status %d, want 303", name, r.status)
		}
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
	q := ta.ownedQuiz(ownerUser)
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
	q := ta.ownedQuiz(ownerUser)
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

func TestResultsCSV(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	q := ta.ownedQuiz(ownerUser)
	for _, s := range classTakesQuiz {
		takeQuiz(t, ta, q, s.name, s.pattern, true)
	}
	base := fmt.Sprintf("/teach/quiz/%d/results", q.ID)
	read := func(t *testing.T, path, file string) [][]string {
		t.Helper()
		r := owner.get(base + path)
		if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
			t.Fatalf("status %d type %q, want 200 text/csv", r.status, r.header.Get("Content-Type"))
		}
		if cd := r.header.Get("Content-Disposition"); cd != `attachment; filename="`+q.Slug+file+`"` {
			t.Errorf("Content-Disposition %q", cd)
		}
		recs, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
		if err != nil {
			t.Fatalf("parse CSV: %v", err)
		}
		return recs
	}
	t.Run("attempts.csv has a row per finished attempt", func(t *testing.T) {
		recs := read(t, "/attempts.csv", "-attempts.csv")
		if strings.Join(recs[0], ",") != "student,attempt,started,submitted,seconds_taken,score,max_score,percent" {
			t.Errorf("header %q", recs[0])
		}
		if len(recs) != 1+len(classTakesQuiz) {
			t.Fatalf("%d rows, want %d", len(recs)-1, len(classTakesQuiz))
		}
		byName := map[string][]string{}
		for _, rec := range recs[1:] {
			byName[rec[0]] = rec
		}
		for _, s := range classTakesQuiz {
			name := s.name
			if name == formulaName {
				name = "'" + formulaName
			}
			rec, ok := byName[name]
			if !ok {
				t.Errorf("no row for %q", name)
				continue
			}
			score := strings.Split(s.score, " / ")
			if rec[1] != "1" || rec[5] != score[0] || rec[6] != "7" || rec[7] != strconv.Itoa(s.percent) || rec[2] == "" || rec[3] == "" || rec[4] == "" {
				t.Errorf("%s: row %q, want attempt 1, score %s of 7, %d%%", s.name, rec, score[0], s.percent)
			}
		}
	})
	t.Run("responses.csv has a row per answer, in words", func(t *testing.T) {
		recs := read(t, "/responses.csv", "-responses.csv")
		want := 0
		for _, s := range classTakesQuiz {
			want += len(s.pattern) - strings.Count(s.pattern, "-")
		}
		if len(recs) != 1+want {
			t.Fatalf("%d rows, want %d", len(recs)-1, want)
		}
		find := func(student, question string) []string {
			for _, rec := range recs {
				if rec[0] == student && rec[2] == question {
					return rec
				}
			}
			return nil
		}
		for _, tc := range []struct {
			student, question, prompt, kind, answer, correct, points string
		}{
			{"Ada", "1", "Which river is the longest in Africa?", "multiple_choice", "Nile", "true", "1"},
			{"Ada", "7", "Match the river to its continent.", "matching", "Nile → Africa; Seine → Europe", "true", "1"},
			{"Bo", "5", "Which are rivers?", "multiple_response", "Nile", "false", "0.5"},
			{"Dee", "1", "Which river is the longest in Africa?", "multiple_choice", "Congo", "false", "0"},
			{"'" + formulaName, "6", "How many rivers does the article name?", "numerical", "-987654321", "false", "0"},
		} {
			rec := find(tc.student, tc.question)
			if rec == nil {
				t.Errorf("no row for %s, question %s", tc.student, tc.question)
				continue
			}
			got := []string{rec[3], rec[4], rec[5], rec[6], rec[7]}
			exp := []string{tc.prompt, tc.kind, tc.answer, tc.correct, tc.points}
			if strings.Join(got, "|") != strings.Join(exp, "|") || rec[1] != "1" || rec[8] == "" {
				t.Errorf("%s question %s: %q, want %q", tc.student, tc.question, rec, exp)
			}
		}
	})
}

func TestCSVCell(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"Ada", "Ada"},
		{"=1+1", "'=1+1"},
		{"+cmd", "'+cmd"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"-5", "-5"},
		{"+3.5", "+3.5"},
		{"", ""},
		{"a=b", "a=b"},
	} {
		if got := csvCell(tc.in); got != tc.want {
			t.Errorf("csvCell(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTimeTaken(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name      string
		submitted time.Time
		limit     time.Duration
		want      time.Duration
		timedOut  bool
	}{
		{"without a limit it is the time between start and hand-in", start.Add(4*time.Minute + 5*time.Second), 0, 4*time.Minute + 5*time.Second, false},
		{"within the limit nothing changes", start.Add(9 * time.Minute), 10 * time.Minute, 9 * time.Minute, false},
		{"an attempt handed in late by the time limit took the limit", start.Add(72 * time.Hour), 10 * time.Minute, 10 * time.Minute, true},
		{"a clock that went backwards gives zero", start.Add(-time.Second), 0, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, out := timeTaken(quizzes.Attempt{StartedAt: start, SubmittedAt: tc.submitted}, tc.limit)
			if got != tc.want || out != tc.timedOut {
				t.Errorf("got %v, %v; want %v, %v", got, out, tc.want, tc.timedOut)
			}
		})
	}
}

func TestTellApartNumbersSharedNames(t *testing.T) {
	t.Parallel()
	r := func(student int64, name string, n int) quizzes.Result {
		return quizzes.Result{Student: name, Attempt: quizzes.Attempt{StudentID: student, Number: n}}
	}
	rs := []quizzes.Result{r(1, "Ada", 1), r(4, "Sam", 1), r(4, "Sam", 2), r(9, "sam", 1), r(5, "Zoë", 1)}
	tellApart(rs)
	var got []string
	for _, x := range rs {
		got = append(got, x.Student)
	}
	if want := "Ada|Sam (1)|Sam (1)|sam (2)|Zoë"; strings.Join(got, "|") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "|"), want)
	}
}
