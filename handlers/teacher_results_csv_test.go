package handlers

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

func TestResultsCSV(t *testing.T) {
	ta := newTestApp(t)
	owner, ownerUser := ta.teacher("owner", quizzes.RoleTeacher)
	q := ta.ownedQuiz("Rivers results", ownerUser, quizzes.Published)
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
		body, ok := strings.CutPrefix(r.body, "\ufeff")
		if !ok {
			t.Errorf("%s does not start with a UTF-8 byte order mark, which Excel needs to read names such as Zoë", file)
		}
		recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
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
