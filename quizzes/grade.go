package quizzes

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
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

// NormalizeAnswer folds a typed answer so that case, spacing, punctuation and
// curly quotes do not matter, and a leading article ("the") neither.
func NormalizeAnswer(s string) string {
	var b strings.Builder
	space := true
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*':
			b.WriteRune(r)
			space = false
		case !space:
			b.WriteByte(' ')
			space = true
		}
	}
	out := strings.TrimSpace(b.String())
	for _, art := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(out, art) && len(out) > len(art) {
			out = out[len(art):]
			break
		}
	}
	return out
}

func bestTextCredit(choices []Choice, given string) float64 {
	g := NormalizeAnswer(given)
	if g == "" {
		return 0
	}
	best := 0.0
	for _, c := range choices {
		if c.Weight <= best {
			continue
		}
		if textMatches(NormalizeAnswer(c.Text), g) {
			best = c.Weight
		}
	}
	return best
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

func numberCredit(choices []Choice, given string) float64 {
	v, ok := ParseNumber(given)
	if !ok {
		return 0
	}
	best := 0.0
	for _, c := range choices {
		want, ok := ParseNumber(c.Text)
		if !ok || c.Weight <= best {
			continue
		}
		if math.Abs(v-want) <= math.Abs(c.Tolerance)+1e-9 {
			best = c.Weight
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
