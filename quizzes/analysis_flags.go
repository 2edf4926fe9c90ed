package quizzes

import (
	"fmt"
	"math"
	"slices"
)

// Thresholds of the flags. A discrimination under 0.2 is the usual mark of a
// question that hardly separates students (Ebel's guideline); under zero the
// weaker students do better on it than the stronger ones.
const (
	weakDiscrimination = 0.2
	strongMissShare    = 0.5
)

// flags says what looks wrong, or merely unhelpful, about a question. It
// runs only on MinAttempts finished attempts or more.
func flags(it ItemStats) []Flag {
	var out []Flag
	add := func(s Severity, format string, args ...any) {
		out = append(out, Flag{Severity: s, Reason: fmt.Sprintf(format, args...)})
	}
	if it.Pending > 0 {
		out = append(out, pendingFlag(it))
	}
	everyone := it.Right == it.Attempts-it.Pending
	nobody := it.Facility < 1e-9
	switch {
	case everyone:
		add(Note, "Everyone got it right, so it does not tell students apart.")
	case nobody:
		add(Warning, "Nobody earned a point on it: check the key.")
	}
	if !nobody && it.GroupSize > 0 && it.UpperFacility < strongMissShare {
		add(Warning, "Most strong students miss it: the top %d scorers earned %s of its points.", it.GroupSize, percent(it.UpperFacility))
	}
	if it.HasDiscrimination {
		switch {
		case it.Discrimination < 0:
			add(Warning, "Students who do well on the rest of the quiz do worse on this one (discrimination %s): the key or the wording may be wrong.", signed(it.Discrimination))
		case it.Discrimination < weakDiscrimination:
			add(Note, "It barely separates stronger from weaker students (discrimination %s).", signed(it.Discrimination))
		}
	}
	if f, ok := popularWrongChoice(it); ok {
		add(Warning, "%s", f)
	}
	// A wrong answer typed by a fifth of the class deserves a look.
	if len(it.CommonWrong) > 0 && it.CommonWrong[0].Count*5 >= it.Attempts {
		c := it.CommonWrong[0]
		add(Note, "%d students typed “%s”, which was marked wrong: if it is right, add it to the accepted answers.", c.Count, c.Answer)
	}
	if it.Blank*2 > it.Attempts {
		add(Note, "More than half left it blank (%d of %d).", it.Blank, it.Attempts)
	}
	return out
}

// popularWrongChoice finds a wrong choice picked more often than the key
// (or, for multiple response, than the least picked correct choice).
func popularWrongChoice(it ItemStats) (string, bool) {
	var wrong, right *ChoiceShare
	for i := range it.Choices {
		c := &it.Choices[i]
		if c.Correct && (right == nil || c.Count < right.Count) {
			right = c
		}
		if !c.Correct && (wrong == nil || c.Count > wrong.Count) {
			wrong = c
		}
	}
	if wrong == nil || right == nil || wrong.Count <= right.Count {
		return "", false
	}
	what := "the key"
	if it.Question.Kind == MultipleResponse {
		what = "a correct one"
	}
	return fmt.Sprintf("A wrong choice draws more answers than %s: “%s” (%d) against “%s” (%d).",
		what, wrong.Text, wrong.Count, right.Text, right.Count), true
}

func percent(f float64) string { return fmt.Sprintf("%d%%", int(math.Round(f*100))) }

// signed prints a correlation with two decimals and a true minus sign.
func signed(r float64) string {
	if r < 0 {
		return fmt.Sprintf("−%.2f", -r)
	}
	return fmt.Sprintf("%.2f", r)
}

// Summary describes the scores of the finished attempts, in percent.
type Summary struct {
	Attempts int
	Students int
	Mean     float64
	Median   float64
	Min, Max int
}

// Summarise sums up the finished attempts among results.
func Summarise(results []Result) Summary {
	var s Summary
	var pcts []int
	students := map[int64]bool{}
	for _, r := range results {
		if !r.Attempt.Submitted() {
			continue
		}
		pcts = append(pcts, r.Attempt.Percent())
		students[r.Attempt.StudentID] = true
	}
	s.Attempts, s.Students = len(pcts), len(students)
	if len(pcts) == 0 {
		return s
	}
	slices.Sort(pcts)
	total := 0
	for _, p := range pcts {
		total += p
	}
	s.Mean = float64(total) / float64(len(pcts))
	mid := len(pcts) / 2
	s.Median = float64(pcts[mid])
	if len(pcts)%2 == 0 {
		s.Median = float64(pcts[mid-1]+pcts[mid]) / 2
	}
	s.Min, s.Max = pcts[0], pcts[len(pcts)-1]
	return s
}
