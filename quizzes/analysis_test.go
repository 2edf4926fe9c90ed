package quizzes

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
)

// results builds finished attempts from rows of given answers, one cell per
// question in order; "" leaves the question blank. Each row is graded as
// the app grades it.
func results(qs []Question, rows ...[]string) []Result {
	var out []Result
	for i, row := range rows {
		at := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		r := Result{Attempt: Attempt{ID: int64(i + 1), StudentID: int64(i + 1), Number: 1, StartedAt: at, SubmittedAt: at.Add(time.Minute)},
			Responses: map[int64]Response{}}
		for qi, given := range row {
			q := qs[qi]
			r.Attempt.MaxScore += q.Normalize().Points
			if given == "" {
				continue
			}
			a := legacyAnswer(q, given)
			o := Grade(q, a)
			r.Responses[q.ID] = Response{QuestionID: q.ID, Given: a, Correct: o.Correct, Points: o.Points}
			r.Attempt.Score += o.Points
		}
		out = append(out, r)
	}
	return out
}

// legacyAnswer reads a cell of a test table: the index of the chosen
// choice for a choice kind, else the text typed.
func legacyAnswer(q Question, cell string) Answer {
	switch q.Kind {
	case MultipleChoice, TrueFalse, MultipleResponse:
		var a Answer
		for _, part := range strings.Split(cell, ",") {
			if i, err := strconv.Atoi(part); err == nil && i >= 0 && i < len(q.Choices) {
				a.Choices = append(a.Choices, q.Choices[i].ID)
			}
		}
		return a
	}
	return Typed(cell)
}

// Answers to the test quiz: "T" is the right answer of a true/false
// question, "F" the wrong one.
const T, F = "0", "1"

func tf(id int64) Question {
	return Question{ID: id, Kind: TrueFalse, Prompt: "p", Choices: []Choice{{ID: id*10 + 1, Text: "True", Correct: true}, {ID: id*10 + 2, Text: "False"}}}
}

func mcq(id int64) Question {
	return Question{ID: id, Kind: MultipleChoice, Prompt: "Longest river?", Choices: []Choice{{ID: id*10 + 1, Text: "Congo"}, {ID: id*10 + 2, Text: "Nile", Correct: true}, {ID: id*10 + 3, Text: "Niger"}}}
}

func hasFlag(it ItemStats, sev Severity, words string) bool {
	for _, f := range it.Flags {
		if f.Severity == sev && strings.Contains(f.Reason, words) {
			return true
		}
	}
	return false
}

func TestAnalyse(t *testing.T) {
	t.Parallel()
	four := []Question{tf(1), tf(2), tf(3), tf(4)}
	// The first question follows the rest of the quiz: its rest scores are
	// 3 2 2 | 1 1 0 against credit 1 1 1 | 0 0 0, so r = 2.5/sqrt(1.5*5.5).
	good := results(four,
		[]string{T, T, T, T}, []string{T, T, T, F}, []string{T, T, F, T},
		[]string{F, T, F, F}, []string{F, F, T, F}, []string{F, F, F, F})
	// The first question goes against the rest: the weakest get it right.
	reversed := results(four,
		[]string{F, T, T, T}, []string{F, T, T, T}, []string{F, T, T, F},
		[]string{T, T, F, F}, []string{T, F, F, F}, []string{T, F, F, F})
	mc := []Question{mcq(1), tf(2)}
	lured := results(mc, []string{"0", T}, []string{"0", T}, []string{"0", F}, []string{"1", T}, []string{"1", F})
	everyone := results(mc, []string{"1", T}, []string{"1", F}, []string{"1", T}, []string{"1", F}, []string{"1", T})
	nobody := results(mc, []string{"2", T}, []string{"0", F}, []string{"0", T}, []string{"2", F}, []string{"", T})
	blanks := results(mc, []string{"", T}, []string{"", F}, []string{"", T}, []string{"1", F}, []string{"1", T})
	few := results(mc, []string{"0", T}, []string{"0", T}, []string{"1", F}, []string{"2", F})
	open := append(results(mc, []string{"1", T}, []string{"1", T}, []string{"0", F}, []string{"1", T}, []string{"1", F}),
		Result{Attempt: Attempt{ID: 99}, Responses: map[int64]Response{1: {Given: Picked(11)}}})

	for _, tc := range []struct {
		name     string
		qs       []Question
		rs       []Result
		item     int // which item to check
		facility float64
		disc     float64 // NaN: no discrimination
		upper    float64
		counts   []int // choice counts, when set
		warn     []string
		note     []string
		noFlags  bool
	}{
		{name: "an item that follows the rest of the quiz discriminates well", qs: four, rs: good,
			facility: 0.5, disc: 2.5 / math.Sqrt(1.5*5.5), upper: 1, noFlags: true},
		{name: "an item the strong miss is flagged twice", qs: four, rs: reversed,
			facility: 0.5, disc: -3.5 / math.Sqrt(1.5*9.5), upper: 0, warn: []string{"Most strong students miss it", "do worse on this one"}},
		{name: "a wrong choice that draws more than the key is named", qs: mc, rs: lured,
			facility: 0.4, disc: -1.0 / 6, upper: 0.5, counts: []int{3, 2, 0}, warn: []string{"“Congo” (3) against “Nile” (2)"}},
		{name: "an item everyone gets right is a note, without discrimination", qs: mc, rs: everyone,
			facility: 1, disc: math.NaN(), upper: 1, counts: []int{0, 5, 0}, note: []string{"Everyone got it right"}},
		{name: "an item nobody gets right asks to check the key", qs: mc, rs: nobody,
			facility: 0, disc: math.NaN(), counts: []int{2, 0, 2}, warn: []string{"Nobody earned a point"}},
		{name: "mostly blank answers are a note", qs: mc, rs: blanks,
			facility: 0.4, disc: -1.0 / 6, upper: 0.5, counts: []int{0, 2, 0}, note: []string{"More than half left it blank (3 of 5)"}},
		{name: "under five attempts there is no discrimination and no flag", qs: mc, rs: few,
			facility: 0.25, disc: math.NaN(), counts: []int{2, 1, 1}, noFlags: true},
		{name: "an open attempt does not count", qs: mc, rs: open,
			facility: 0.8, disc: 0.6123724356957946, upper: 1, counts: []int{1, 4, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items := Analyse(tc.qs, tc.rs)
			if len(items) != len(tc.qs) {
				t.Fatalf("got %d items, want %d", len(items), len(tc.qs))
			}
			it := items[tc.item]
			if math.Abs(it.Facility-tc.facility) > 1e-9 {
				t.Errorf("facility = %.3f, want %.3f", it.Facility, tc.facility)
			}
			if math.IsNaN(tc.disc) {
				if it.HasDiscrimination {
					t.Errorf("discrimination = %.3f, want none", it.Discrimination)
				}
			} else if !it.HasDiscrimination || math.Abs(it.Discrimination-tc.disc) > 1e-9 {
				t.Errorf("discrimination = %.4f (%v), want %.4f", it.Discrimination, it.HasDiscrimination, tc.disc)
			}
			if it.GroupSize > 0 && math.Abs(it.UpperFacility-tc.upper) > 1e-9 {
				t.Errorf("upper-group facility = %.2f, want %.2f", it.UpperFacility, tc.upper)
			}
			if tc.counts != nil {
				var got []int
				for _, c := range it.Choices {
					got = append(got, c.Count)
				}
				if !slicesEqual(got, tc.counts) {
					t.Errorf("choice counts = %v, want %v", got, tc.counts)
				}
			}
			for _, w := range tc.warn {
				if !hasFlag(it, Warning, w) {
					t.Errorf("no warning %q in %+v", w, it.Flags)
				}
			}
			for _, n := range tc.note {
				if !hasFlag(it, Note, n) {
					t.Errorf("no note %q in %+v", n, it.Flags)
				}
			}
			if tc.noFlags && len(it.Flags) > 0 {
				t.Errorf("flags = %+v, want none", it.Flags)
			}
		})
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestAnalyseCountsPartialCreditAndSkipsDescriptions(t *testing.T) {
	t.Parallel()
	mr := Question{ID: 1, Kind: MultipleResponse, Prompt: "Rivers?", Points: 2,
		Choices: []Choice{{ID: 11, Text: "Nile", Correct: true}, {ID: 12, Text: "Seine", Correct: true}, {ID: 13, Text: "Paris"}}}
	desc := Question{ID: 2, Kind: Description, Prompt: "Read the passage."}
	rs := results([]Question{mr, desc}, []string{"0,1"}, []string{"0"}, []string{"0,2"}, []string{""})
	items := Analyse([]Question{mr, desc}, rs)
	if len(items) != 1 || items[0].Number != 1 {
		t.Fatalf("got %d items, want only the graded question", len(items))
	}
	it := items[0]
	// Credits 1, .5, .5, 0 (a blank earns nothing).
	if want := 0.5; math.Abs(it.Facility-want) > 1e-9 {
		t.Errorf("facility = %.3f, want %.3f", it.Facility, want)
	}
	if it.Right != 1 || it.Partly != 2 || it.Wrong != 0 || it.Blank != 1 {
		t.Errorf("right/partly/wrong/blank = %d/%d/%d/%d, want 1/2/0/1", it.Right, it.Partly, it.Wrong, it.Blank)
	}
	if got := []int{it.Choices[0].Count, it.Choices[1].Count, it.Choices[2].Count}; !slicesEqual(got, []int{3, 1, 1}) {
		t.Errorf("choice counts = %v, want [3 1 1]", got)
	}
	if it.Choices[0].Share != 0.75 {
		t.Errorf("share of Nile = %.2f, want 0.75 (of all four attempts)", it.Choices[0].Share)
	}
}

// An essay the teacher has not marked is neither right nor wrong: it is
// pending, and the figures count the marked answers only.
func TestAnalysePendingEssays(t *testing.T) {
	t.Parallel()
	essay := Question{ID: 2, Kind: Essay, Prompt: "Why?", Points: 2}
	qs := []Question{tf(1), essay}
	rs := results(qs[:1], []string{T}, []string{T}, []string{F}, []string{T}, []string{F}, []string{T}, []string{T})
	marked := time.Date(2026, 1, 2, 9, 0, 0, 0, time.UTC)
	for i := range rs {
		r := Response{QuestionID: 2, Given: Typed("Because.")}
		if i < 5 { // five marked: 2, 2, 0, 2, 0 points; two wait
			r.MarkedAt = marked
			r.Points = [...]float64{2, 2, 0, 2, 0}[i]
			r.Correct = r.Points == 2
		}
		rs[i].Responses[2] = r
		rs[i].Attempt.Score += r.Points
		rs[i].Attempt.MaxScore += 2
	}
	items := Analyse(qs, rs)
	it := items[1]
	if it.Pending != 2 || it.Right != 3 || it.Wrong != 2 || it.Attempts != 7 {
		t.Errorf("right/wrong/pending of %d = %d/%d/%d, want 3/2/2 of 7", it.Attempts, it.Right, it.Wrong, it.Pending)
	}
	if math.Abs(it.Facility-0.6) > 1e-9 {
		t.Errorf("facility %.3f, want 0.6 (3 of the 5 marked)", it.Facility)
	}
	if !it.HasDiscrimination || !hasFlag(it, Note, "2 of 7 answers wait for your mark") {
		t.Errorf("got discrimination %v and flags %v, want discrimination over the 5 marked and a note on the 2 waiting", it.HasDiscrimination, it.Flags)
	}
	if got := MarkFor(essay, rs[6].Responses[2], true); got != MarkPending {
		t.Errorf("an unmarked essay is %v, want pending", got)
	}
	if got := MarkFor(essay, rs[2].Responses[2], true); got != MarkWrong {
		t.Errorf("an essay marked 0 is %v, want wrong", got)
	}
	if got := MarkFor(essay, Response{}, false); got != MarkBlank {
		t.Errorf("an essay left blank is %v, want blank", got)
	}
}

func TestMarkOf(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		r        Response
		answered bool
		want     Mark
	}{
		{"no response is blank", Response{}, false, MarkBlank},
		{"full marks are right", Response{Correct: true, Points: 1}, true, MarkRight},
		{"some points are partly right", Response{Points: 0.5}, true, MarkPartly},
		{"no points are wrong", Response{Given: Typed("x")}, true, MarkWrong},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := MarkOf(tc.r, tc.answered); got != tc.want {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSummarise(t *testing.T) {
	t.Parallel()
	mk := func(id, student int64, score float64, done bool) Result {
		a := Attempt{ID: id, StudentID: student, Score: score, MaxScore: 10}
		if done {
			a.SubmittedAt = time.Now()
		}
		return Result{Attempt: a}
	}
	for _, tc := range []struct {
		name string
		rs   []Result
		want Summary
	}{
		{"nothing finished gives zeros", []Result{mk(1, 1, 5, false)}, Summary{}},
		{"an odd count has a middle score", []Result{mk(1, 1, 2, true), mk(2, 1, 9, true), mk(3, 2, 4, true)},
			Summary{Attempts: 3, Students: 2, Mean: 50, Median: 40, Min: 20, Max: 90}},
		{"an even count takes the mean of the middle two", []Result{mk(1, 1, 2, true), mk(2, 2, 9, true), mk(3, 3, 4, true), mk(4, 4, 5, true), mk(5, 5, 0, false)},
			Summary{Attempts: 4, Students: 4, Mean: 50, Median: 45, Min: 20, Max: 90}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Summarise(tc.rs); got != tc.want {
				t.Errorf("got %+v, want %+v", got, tc.want)
			}
		})
	}
}

// BenchmarkAnalyse measures a large class: 500 finished attempts at a quiz
// of 30 questions.
func BenchmarkAnalyse(b *testing.B) {
	qs := make([]Question, 30)
	for i := range qs {
		qs[i] = mcq(int64(i + 1))
	}
	rows := make([][]string, 500)
	for a := range rows {
		rows[a] = make([]string, len(qs))
		for i := range qs {
			rows[a][i] = strconv.Itoa((a*7 + i*3) % 3)
		}
	}
	rs := results(qs, rows...)
	b.ResetTimer()
	for b.Loop() {
		Analyse(qs, rs)
	}
}

func TestCommonWrongAnswers(t *testing.T) {
	t.Parallel()
	sa := Question{ID: 1, Kind: ShortAnswer, Prompt: "On which river does Paris lie?", Choices: []Choice{{Text: "the Seine", Correct: true}}}
	num := Question{ID: 1, Kind: Numerical, Prompt: "How many?", Choices: []Choice{{Text: "2", Correct: true}}}
	for _, tc := range []struct {
		name  string
		q     Question
		given []string
		want  []AnswerCount
		note  string
	}{
		{"wrong answers are folded as grading folds them, most frequent first", sa,
			[]string{"Seine", "River Seine", "river seine.", "Loire", "the River  Seine", "loire", "Thames", ""},
			[]AnswerCount{{"River Seine", 3, 0}, {"Loire", 2, 0}}, "3 students typed “River Seine”"},
		{"an answer only one student gave is left out", sa, []string{"Loire", "Thames", "Rhine", "Seine", "Seine"}, nil, ""},
		{"numbers are compared as numbers", num, []string{"3", "3.0", "3,0", "2", "2", "4"}, []AnswerCount{{"3", 3, 0}}, "3 students typed “3”"},
		{"choice kinds have none", mcq(1), []string{"0", "0", "0", "0", "0"}, nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rows [][]string
			for _, g := range tc.given {
				rows = append(rows, []string{g})
			}
			it := Analyse([]Question{tc.q}, results([]Question{tc.q}, rows...))[0]
			if fmt.Sprint(it.CommonWrong) != fmt.Sprint(tc.want) {
				t.Errorf("common wrong answers = %v, want %v", it.CommonWrong, tc.want)
			}
			if tc.note != "" && !hasFlag(it, Note, tc.note) {
				t.Errorf("no note %q in %+v", tc.note, it.Flags)
			}
		})
	}
}

func TestTypedAnswersListsEveryDistinctAnswer(t *testing.T) {
	t.Parallel()
	sa := Question{ID: 1, Kind: ShortAnswer, Prompt: "On which river does Paris lie?", Choices: []Choice{{Text: "the Seine", Correct: true}}}
	var rows [][]string
	for _, g := range []string{"Seine", "River Seine", "river seine.", "seine", "Loire", ""} {
		rows = append(rows, []string{g})
	}
	got := Analyse([]Question{sa}, results([]Question{sa}, rows...))[0].TypedAnswers
	want := []AnswerCount{{"River Seine", 2, 0}, {"Seine", 2, 1}, {"Loire", 1, 0}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("typed answers = %v, want %v", got, want)
	}
	mc := mcq(2)
	if got := Analyse([]Question{mc}, results([]Question{mc}, []string{"1"}))[0].TypedAnswers; got != nil {
		t.Errorf("a choice question lists typed answers %v", got)
	}
}
