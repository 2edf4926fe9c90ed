package formats

import (
	"math"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// giftNumber reads a decimal number as PHP's is_numeric does, without the
// hexadecimal, infinite and NaN forms Go's ParseFloat also takes.
func giftNumber(s string) (float64, bool) {
	s = phpTrim(s)
	if s == "" || strings.Trim(s, "0123456789.-+eE") != "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// numerical reads {#n}, {#n:tolerance}, {#min..max} and several
// {#=%w%n:tol#feedback} answers, then "~#feedback" for any other number.
func (b giftBlock) numerical() []quizzes.Choice {
	t := b.g.t
	hi := b.hi
	var other *quizzes.Choice
	if tilde := indexIn(t, b.lo+1, b.hi, '~'); tilde >= 0 {
		hi = tilde
		rest := phpTrim(t[tilde+1 : b.hi])
		if rest != "" && rest[0] != '#' {
			b.errAt(tilde, "after ~ a numerical block takes only #feedback for any other answer")
		}
		fb, _ := giftFormatted(strings.TrimPrefix(rest, "#"))
		other = &quizzes.Choice{Text: "*", Feedback: fb}
	}
	var choices []quizzes.Choice
	for _, a := range (giftBlock{g: b.g, lo: b.lo, hi: hi, p: b.p}).answers(b.lo+1, "=") {
		c := quizzes.Choice{Weight: b.weight(&a, 1)}
		c.Correct = c.Weight > 0
		var num string
		num, c.Feedback = b.feedback(a)
		text, tol, err := giftNumericAnswer(num)
		if err != "" {
			b.errAt(a.lo, "%s", err)
		}
		c.Text, c.Tolerance = text, tol
		choices = append(choices, c)
	}
	if len(choices) == 0 {
		b.errAt(b.lo, "a numerical block needs a number: {#3}, {#3:0.5} or {#1..5}")
	}
	if other != nil {
		choices = append(choices, *other)
	}
	return choices
}

// giftNumericAnswer reads "n", "n:tolerance" or "min..max" (given as its
// middle and half-width), or "*" for any number.
func giftNumericAnswer(s string) (text string, tol float64, err string) {
	if s == "*" {
		return s, 0, ""
	}
	if i := strings.Index(s, ".."); i > 0 {
		lo, ok1 := giftNumber(s[:i])
		hi, ok2 := giftNumber(s[i+2:])
		if !ok1 || !ok2 {
			return s, 0, "the range " + strconv.Quote(s) + " is not min..max with two numbers"
		}
		if lo > hi {
			return s, 0, "the range " + strconv.Quote(s) + " has its minimum above its maximum"
		}
		// Rounded to one decimal more than the bounds have, so that 3.141..3.142
		// reads as 3.1415 with tolerance 0.0005, not binary noise.
		d := max(decimals(s[:i]), decimals(s[i+2:])) + 1
		mid := roundTo((lo+hi)/2, d)
		return strconv.FormatFloat(mid, 'f', -1, 64), roundTo(hi-mid, d), ""
	}
	num, tols, hasTol := strings.Cut(s, ":")
	num = phpTrim(num)
	if _, ok := giftNumber(num); !ok {
		return s, 0, "the numerical answer " + strconv.Quote(s) + " is not a number"
	}
	if hasTol {
		v, ok := giftNumber(tols)
		if !ok || v < 0 {
			return s, 0, "the tolerance in " + strconv.Quote(s) + " is not a number of zero or more"
		}
		tol = v
	}
	return num, tol, ""
}

// decimals counts the digits after the point of a plain decimal; numbers
// with an exponent are taken as having many, so that they are not cut.
func decimals(s string) int {
	s = phpTrim(s)
	if strings.ContainsAny(s, "eE") {
		return 15
	}
	if _, frac, ok := strings.Cut(s, "."); ok {
		return len(frac)
	}
	return 0
}

func roundTo(v float64, d int) float64 {
	if d > 15 {
		return v
	}
	p := math.Pow(10, float64(d))
	if r := math.Round(v*p) / p; !math.IsInf(r, 0) && !math.IsNaN(r) {
		return r
	}
	return v
}
