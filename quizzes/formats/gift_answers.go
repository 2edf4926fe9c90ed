package formats

import (
	"math"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// giftBlock is the inside of one answer block, general feedback removed:
// t[lo:hi] of its group.
type giftBlock struct {
	g      giftGroup
	lo, hi int
	p      *giftParser
}

func (b giftBlock) errAt(off int, format string, args ...any) {
	b.p.errs.add(b.g.lineAt(off), format, args...)
}

// giftAnswer is one answer of a block: the marker that opened it ('=', '~'
// or 0 for text before the first marker) and its text t[lo:hi].
type giftAnswer struct {
	mark   byte
	lo, hi int
}

// answers cuts the block at every unescaped byte of seps, as Moodle's
// explode() does. Text before the first separator is an answer only when
// it is not blank.
func (b giftBlock) answers(lo int, seps string) []giftAnswer {
	var out []giftAnswer
	t := b.g.t
	cur := giftAnswer{lo: lo}
	for i := lo; i < b.hi; i++ {
		if strings.IndexByte(seps, t[i]) >= 0 {
			cur.hi = i
			out = append(out, cur)
			cur = giftAnswer{mark: t[i], lo: i + 1}
		}
	}
	cur.hi = b.hi
	out = append(out, cur)
	if l, h := trimRange(t, out[0].lo, out[0].hi); l == h {
		out = out[1:]
	}
	return out
}

// weight reads an optional "%50%" at the start of an answer. A percent sign
// that does not open a number is text, as in Moodle; a number outside
// -100..100 is an error.
func (b giftBlock) weight(a *giftAnswer, def float64) float64 {
	t := b.g.t
	a.lo, a.hi = trimRange(t, a.lo, a.hi)
	if a.lo >= a.hi || t[a.lo] != '%' {
		return def
	}
	end := strings.IndexByte(t[a.lo+1:a.hi], '%')
	if end < 0 {
		return def
	}
	v, ok := giftNumber(t[a.lo+1 : a.lo+1+end])
	if !ok {
		return def
	}
	if v < -100 || v > 100 {
		b.errAt(a.lo, "the weight %%%s%% is outside -100..100", t[a.lo+1:a.lo+1+end])
	}
	a.lo += end + 2
	return v / 100
}

// feedback splits "answer#feedback" at the first unescaped #.
func (b giftBlock) feedback(a giftAnswer) (text, feedback string) {
	t := b.g.t[a.lo:a.hi]
	text, fb, _ := strings.Cut(t, "#")
	text, _ = giftFormatted(text)
	fb, _ = giftFormatted(fb)
	return text, fb
}

func (b giftBlock) multipleChoice() (quizzes.Kind, []quizzes.Choice) {
	single := strings.IndexByte(b.g.t[b.lo:b.hi], '=') >= 0
	answers := b.answers(b.lo, "~=")
	if len(answers) < 2 {
		b.errAt(b.lo, "a multiple-choice block needs at least two answers")
		return quizzes.MultipleChoice, nil
	}
	var choices []quizzes.Choice
	rights, positive := 0, 0.0
	for _, a := range answers {
		c := quizzes.Choice{}
		if a.mark == '=' {
			// After = Moodle reads no weight: the answer is simply right.
			c.Correct, c.Weight = true, 1
			if rights++; rights == 2 {
				b.errAt(a.lo, "only one answer of a multiple-choice block may be marked =; give others a weight such as ~%%50%% instead")
			}
		} else {
			c.Weight = b.weight(&a, 0)
			c.Correct = !single && c.Weight > 0
		}
		if c.Weight > 0 {
			positive += c.Weight
		}
		c.Text, c.Feedback = b.feedback(a)
		if c.Text == "" {
			b.errAt(a.lo, "answer %d of the block is empty", len(choices)+1)
		}
		choices = append(choices, c)
	}
	if single {
		return quizzes.MultipleChoice, choices
	}
	switch {
	case positive == 0:
		b.errAt(b.lo, "no answer is right: mark the right one with =, or give the right ones weights such as ~%%50%%")
	case math.Abs(positive-1) > 0.001:
		b.errAt(b.lo, "the weights of the right answers add up to %s%%, not 100%%", strconv.FormatFloat(positive*100, 'f', -1, 64))
	}
	return quizzes.MultipleResponse, choices
}

func (b giftBlock) trueFalse() []quizzes.Choice {
	parts := strings.Split(b.g.t[b.lo:b.hi], "#")
	if len(parts) > 3 {
		b.errAt(b.lo, "a true/false block holds at most two feedbacks: {T#feedback if wrong#feedback if right}")
	}
	right := phpTrim(parts[0]) == "T" || phpTrim(parts[0]) == "TRUE"
	var wrongFb, rightFb string
	if len(parts) > 1 {
		wrongFb, _ = giftFormatted(parts[1])
	}
	if len(parts) > 2 {
		rightFb, _ = giftFormatted(parts[2])
	}
	return trueFalseChoices(right, rightFb, wrongFb)
}

// trueFalseChoices is how every format gives a true/false question: the
// choices True then False, each with the feedback shown when it is picked.
func trueFalseChoices(answer bool, rightFb, wrongFb string) []quizzes.Choice {
	t := quizzes.Choice{Text: "True", Correct: answer, Feedback: wrongFb}
	f := quizzes.Choice{Text: "False", Correct: !answer, Feedback: rightFb}
	if answer {
		t.Feedback, f.Feedback = rightFb, wrongFb
		t.Weight = 1
	} else {
		f.Weight = 1
	}
	return []quizzes.Choice{t, f}
}

func (b giftBlock) shortAnswer() []quizzes.Choice {
	var choices []quizzes.Choice
	for _, a := range b.answers(b.lo, "=") {
		c := quizzes.Choice{Weight: b.weight(&a, 1)}
		c.Correct = c.Weight > 0
		c.Text, c.Feedback = b.feedback(a)
		if c.Text == "" {
			b.errAt(a.lo, "answer %d of the block is empty", len(choices)+1)
		}
		choices = append(choices, c)
	}
	return choices
}

func (b giftBlock) matching() []quizzes.Choice {
	t := b.g.t
	var choices []quizzes.Choice
	for _, a := range b.answers(b.lo, "=") {
		part := t[a.lo:a.hi]
		arrow := strings.Index(part, "->")
		if arrow < 0 {
			b.errAt(a.lo, "matching pair %d has no ->: write =left -> right", len(choices)+1)
			continue
		}
		c := quizzes.Choice{Match: giftText(part[arrow+2:])}
		c.Text, _ = giftFormatted(part[:arrow])
		if c.Match == "" {
			b.errAt(a.lo, "matching pair %d has nothing after ->", len(choices)+1)
		}
		choices = append(choices, c)
	}
	return choices
}
