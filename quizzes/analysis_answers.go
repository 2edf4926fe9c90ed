package quizzes

import (
	"cmp"
	"slices"
	"strconv"
)

// AnswerCount is a typed answer and how many finished attempts gave it.
type AnswerCount struct {
	Answer string // as the first student to give it wrote it
	Count  int
	Credit float64 // the share of the points it earns under the current key
}

// maxCommonWrong is how many of the most frequent wrong answers are kept.
const maxCommonWrong = 3

// commonWrongAnswers lists the typed answers to a short-answer, cloze or
// numerical question that earned less than full marks and that more than
// one attempt gave, folded as grading folds them, most frequent first. A
// wrong answer many students share is often a right one the key lacks.
func commonWrongAnswers(q Question, done []Result) []AnswerCount {
	var out []AnswerCount
	for _, a := range typedAnswers(q, done) { // most frequent first
		if a.Credit < 1 && a.Count > 1 {
			out = append(out, a)
		}
	}
	return out[:min(len(out), maxCommonWrong)]
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// typedAnswers lists every distinct typed answer to a short-answer, cloze
// or numerical question over finished attempts, folded as grading folds
// them, with how many gave it and what it earns: most frequent first, the
// wrong ones before the right at equal count. A teacher reads here what the
// key missed, and may accept it.
func typedAnswers(q Question, done []Result) []AnswerCount {
	switch q.Kind {
	case ShortAnswer, Cloze, Numerical:
	default:
		return nil
	}
	counts := map[string]*AnswerCount{}
	var order []string
	for _, res := range done {
		r, ok := res.Responses[q.ID]
		if !ok {
			continue
		}
		key := NormalizeAnswer(r.Given.Text)
		if q.Kind == Numerical {
			if v, ok := ParseNumber(r.Given.Text); ok {
				key = formatNumber(v)
			}
		}
		if key == "" {
			continue
		}
		if c, seen := counts[key]; seen {
			c.Count++
			continue
		}
		counts[key] = &AnswerCount{Answer: r.Given.Text, Count: 1, Credit: Grade(q, r.Given).Credit}
		order = append(order, key)
	}
	out := make([]AnswerCount, 0, len(order))
	for _, k := range order {
		out = append(out, *counts[k])
	}
	slices.SortStableFunc(out, func(a, b AnswerCount) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return cmp.Compare(a.Credit, b.Credit)
	})
	return out
}
