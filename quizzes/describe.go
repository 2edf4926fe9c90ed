package quizzes

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// DescribeAnswer turns a given answer into words a person reads: the text
// of the chosen choices rather than their indices.
// A chosen choice the teacher has since removed is left out.
func DescribeAnswer(q Question, given Answer) string {
	switch q.Kind {
	case MultipleChoice, TrueFalse, MultipleResponse:
		var parts []string
		for _, id := range given.Choices {
			if c, ok := choiceByID(q, id); ok {
				parts = append(parts, c.Text)
			}
		}
		return strings.Join(parts, "; ")
	case Matching:
		var parts []string
		for i, p := range MatchingPairs(q.Choices) {
			g := "(none)"
			if r := given.PairAt(i); r != "" {
				g = r
			}
			parts = append(parts, p.Text+" → "+g)
		}
		return strings.Join(parts, "; ")
	}
	return given.Text
}

// DescribeKey says what the right answer is, in words.
func DescribeKey(q Question) string {
	q = q.Normalize()
	var parts []string
	switch q.Kind {
	case Matching:
		for _, p := range MatchingPairs(q.Choices) {
			parts = append(parts, p.Text+" → "+p.Match)
		}
		return strings.Join(parts, "; ")
	case Numerical:
		for _, c := range q.Choices {
			if c.Correct && c.Weight >= 1 {
				if c.Tolerance != 0 {
					parts = append(parts, fmt.Sprintf("%s ± %s", c.Text, strconv.FormatFloat(c.Tolerance, 'f', -1, 64)))
				} else {
					parts = append(parts, c.Text)
				}
			}
		}
		return strings.Join(parts, " or ")
	case ShortAnswer, Cloze:
		for _, c := range q.Choices {
			if c.Correct && c.Weight >= 1 {
				parts = append(parts, c.Text)
			}
		}
		return strings.Join(parts, " or ")
	}
	return strings.Join(q.Keys(), "; ")
}

// Order returns the indices 0..n-1, shuffled with seed when shuffle is set.
// The same seed gives the same order, so a page reload shows the same quiz.
func Order(n int, shuffle bool, seed uint64) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	if shuffle {
		r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
		r.Shuffle(n, func(i, j int) { out[i], out[j] = out[j], out[i] })
	}
	return out
}
