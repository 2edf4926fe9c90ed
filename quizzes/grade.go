package quizzes

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Outcome is the grade of one answer.
type Outcome struct {
	Correct bool    // full marks
	Points  float64 // points earned, 0..q.Points
	Credit  float64 // share of the points, 0..1
	Pending bool    // an essay the teacher has not marked yet
}

// Grade marks a given answer to q. Essays and descriptions earn nothing here:
// an essay waits for the teacher.
func Grade(q Question, given Answer) Outcome {
	q = q.Normalize()
	if q.Kind == Essay {
		return Outcome{Pending: true}
	}
	credit := 0.0
	switch q.Kind {
	case MultipleChoice, TrueFalse:
		// one choice is one answer: a second id (a forged form) earns nothing
		if len(given.Choices) == 1 {
			if c, ok := choiceByID(q, given.Choices[0]); ok {
				credit = c.Weight
			}
		}
	case MultipleResponse:
		seen := map[int64]bool{}
		for _, id := range given.Choices {
			if c, ok := choiceByID(q, id); ok && !seen[id] {
				seen[id] = true
				credit += c.Weight
			}
		}
	case ShortAnswer, Cloze:
		credit = bestTextCredit(q.Choices, given.Text)
	case Numerical:
		credit = numberCredit(q.Choices, given.Text)
	case Matching:
		credit = matchingCredit(q.Choices, given.Pairs)
	}
	credit = math.Max(0, math.Min(1, credit))
	return Outcome{
		Correct: credit >= 0.999999,
		Credit:  credit,
		Points:  math.Round(credit*q.Points*100) / 100,
	}
}

// bestTextCredit is the weight of the best accepted answer the typed text
// matches. An answer matches when it is the same once folded (see
// NormalizeAnswer), or, when it matches none of the listed answers (right
// or wrong) that way, when it is one of them with one spelling slip in a
// long word (see slipOf); a slip that could be of two listed answers with
// different weights earns nothing, for it could be either.
func bestTextCredit(choices []Choice, given string) float64 {
	gf := formOf(given)
	g := gf.String()
	if g == "" {
		return 0
	}
	best, matched := 0.0, false
	forms := make([]answerForm, len(choices))
	for i, c := range choices {
		var accepted string
		forms[i], accepted = acceptedFormOf(c.Text)
		if textMatches(accepted, g) {
			matched = true
			best = math.Max(best, c.Weight)
		}
	}
	if matched {
		return best
	}
	slip, weight := false, 0.0
	for i, c := range choices {
		if strings.Contains(c.Text, "*") || !slipOf(forms[i], gf) {
			continue
		}
		if slip && c.Weight != weight {
			return 0
		}
		slip, weight = true, c.Weight
	}
	return weight
}

// acceptedForms keeps the form of accepted answers' texts, with the form
// written out: they are the same on every answer saved to a question,
// where the given text is new each time, and reading a text's form
// (words, numbers, dates) was most of the cost of grading it. The forms
// are shared, never changed. A server's quizzes hold few accepted texts;
// the map starts again when it passes maxAcceptedForms all the same, so
// that edits over a long life cannot grow it without end.
var acceptedForms struct {
	sync.RWMutex
	m map[string]keptForm
}

type keptForm struct {
	form answerForm
	text string // form.String()
}

const maxAcceptedForms = 50_000

// acceptedFormOf is formOf(text) and its String, kept in acceptedForms.
func acceptedFormOf(text string) (answerForm, string) {
	acceptedForms.RLock()
	k, ok := acceptedForms.m[text]
	acceptedForms.RUnlock()
	if ok {
		return k.form, k.text
	}
	f := formOf(text)
	k = keptForm{form: f, text: f.String()}
	acceptedForms.Lock()
	if acceptedForms.m == nil || len(acceptedForms.m) >= maxAcceptedForms {
		acceptedForms.m = map[string]keptForm{}
	}
	acceptedForms.m[text] = k
	acceptedForms.Unlock()
	return k.form, k.text
}

// textMatches compares normalised texts; a * in the accepted answer stands
// for any run of characters, as in Moodle's short-answer questions.
func textMatches(accepted, given string) bool {
	if !strings.Contains(accepted, "*") {
		return accepted == given
	}
	parts := strings.Split(accepted, "*")
	for i := range parts {
		parts[i] = regexp.QuoteMeta(parts[i])
	}
	re, err := regexp.Compile("^" + strings.Join(parts, ".*") + "$")
	return err == nil && re.MatchString(given)
}

// ParseNumber reads a typed number, accepting a decimal comma.
func ParseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// numberCredit grades a typed number. A comma followed by three digits
// ("3,141", "70,000") is read both ways, as a decimal comma and as a
// thousands separator: the two readings are a thousand times apart, so at
// most one of them is near the key.
func numberCredit(choices []Choice, given string) float64 {
	var readings []float64
	if v, ok := ParseNumber(given); ok {
		readings = append(readings, v)
	}
	if v, ok := readDigits(strings.TrimSpace(given)); ok && strings.Contains(given, ",") {
		readings = append(readings, v)
	}
	best := 0.0
	for _, c := range choices {
		want, ok := ParseNumber(c.Text)
		if !ok || c.Weight <= best {
			continue
		}
		for _, v := range readings {
			if math.Abs(v-want) <= math.Abs(c.Tolerance)+1e-9 {
				best = c.Weight
			}
		}
	}
	return best
}

// MatchingPairs returns the choices that are left-hand items of a matching
// question, in order.
func MatchingPairs(choices []Choice) []Choice {
	var out []Choice
	for _, c := range choices {
		if c.Text != "" {
			out = append(out, c)
		}
	}
	return out
}

func matchingCredit(choices []Choice, parts []string) float64 {
	pairs := MatchingPairs(choices)
	if len(pairs) == 0 {
		return 0
	}
	right := 0
	for i, p := range pairs {
		if i < len(parts) && strings.TrimSpace(parts[i]) == strings.TrimSpace(p.Match) {
			right++
		}
	}
	return float64(right) / float64(len(pairs))
}

// OutcomeOf is the grade of a stored response: the teacher's mark for an
// essay, the automatic grade for everything else.
func OutcomeOf(q Question, r Response) Outcome {
	if q.Kind != Essay {
		return Grade(q, r.Given)
	}
	if r.MarkedAt.IsZero() {
		return Outcome{Pending: true}
	}
	max := q.Normalize().Points
	o := Outcome{Points: r.Points, Correct: r.Correct}
	if max > 0 {
		o.Credit = r.Points / max
	}
	return o
}
