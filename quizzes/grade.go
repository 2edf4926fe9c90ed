package quizzes

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// How a student's answer is written down (Response.Given):
//   - multiple choice and true/false: the index of the chosen choice ("2");
//   - multiple response: the chosen indices joined by commas ("0,3");
//   - short answer, cloze, essay: the text typed;
//   - numerical: the number typed;
//   - matching: for each choice with a left-hand Text, in order, the
//     right-hand text chosen, joined by MatchSeparator.

// MatchSeparator joins the parts of a matching answer.
const MatchSeparator = "\x1f"

// Outcome is the grade of one answer.
type Outcome struct {
	Correct bool    // full marks
	Points  float64 // points earned, 0..q.Points
	Credit  float64 // share of the points, 0..1
	Pending bool    // an essay the teacher has not marked yet
}

// Grade marks a given answer to q. Essays and descriptions earn nothing here:
// an essay waits for the teacher.
func Grade(q Question, given string) Outcome {
	q = q.Normalize()
	if q.Kind == Essay {
		return Outcome{Pending: true}
	}
	credit := 0.0
	switch q.Kind {
	case MultipleChoice, TrueFalse:
		if i, ok := choiceIndex(q, strings.TrimSpace(given)); ok {
			credit = q.Choices[i].Weight
		}
	case MultipleResponse:
		seen := map[int]bool{}
		for _, part := range strings.Split(given, ",") {
			if i, ok := choiceIndex(q, strings.TrimSpace(part)); ok && !seen[i] {
				seen[i] = true
				credit += q.Choices[i].Weight
			}
		}
	case ShortAnswer, Cloze:
		credit = bestTextCredit(q.Choices, given)
	case Numerical:
		credit = numberCredit(q.Choices, given)
	case Matching:
		credit = matchingCredit(q.Choices, given)
	}
	credit = math.Max(0, math.Min(1, credit))
	return Outcome{
		Correct: credit >= 0.999999,
		Credit:  credit,
		Points:  math.Round(credit*q.Points*100) / 100,
	}
}

func choiceIndex(q Question, s string) (int, bool) {
	i, err := strconv.Atoi(s)
	if err != nil || i < 0 || i >= len(q.Choices) {
		return 0, false
	}
	return i, true
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

func matchingCredit(choices []Choice, given string) float64 {
	pairs := MatchingPairs(choices)
	if len(pairs) == 0 {
		return 0
	}
	parts := strings.Split(given, MatchSeparator)
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
