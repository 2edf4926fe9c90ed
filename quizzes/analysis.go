package quizzes

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Result is a finished attempt with the name of the student who made it and
// the answers they gave.
type Result struct {
	Attempt   Attempt
	Student   string
	Responses map[int64]Response // by question id
}

// Mark is how one answer fared, as a cell of the gradebook shows it.
type Mark int

// The marks, from nothing to full marks.
const (
	MarkBlank Mark = iota
	MarkWrong
	MarkPartly
	MarkRight
	MarkPending // an essay the teacher has not marked yet
)

// String is the mark as a word, also used as a CSS class.
func (m Mark) String() string {
	return [...]string{"blank", "wrong", "partly", "right", "pending"}[m]
}

// MarkFor is MarkOf for a response to q: an answered essay that the teacher
// has not marked is pending, not wrong.
func MarkFor(q Question, r Response, answered bool) Mark {
	if answered && OutcomeOf(q, r).Pending {
		return MarkPending
	}
	return MarkOf(r, answered)
}

// MarkOf reads the mark of a stored response; answered is false when the
// student left the question blank.
func MarkOf(r Response, answered bool) Mark {
	switch {
	case !answered:
		return MarkBlank
	case r.Correct:
		return MarkRight
	case r.Points > 0:
		return MarkPartly
	}
	return MarkWrong
}

// MinAttempts is the number of finished attempts below which item analysis
// gives facility and choice counts only: no discrimination and no flags.
// With four students or fewer one slip would read as a broken question, and
// a correlation over so few points means nothing.
const MinAttempts = 5

// groupShare is the share of attempts in each of the upper and lower groups
// (Kelley's 27%, which best separates the groups for a normal spread).
const groupShare = 0.27

// Severity says how much a flag should worry the teacher.
type Severity string

// Flag severities: a warning points at a question that may be broken, a
// note at one that works but tells little.
const (
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Flag is a reason to look at a question again.
type Flag struct {
	Severity Severity
	Reason   string
}

// ChoiceShare is how many finished attempts picked one choice.
type ChoiceShare struct {
	Index   int // in the question's stored order, as answers record it
	Text    string
	Correct bool
	Count   int
	Share   float64 // of the finished attempts, 0..1
}

// ItemStats is the analysis of one question over the finished attempts.
type ItemStats struct {
	Question                    Question
	Number                      int // the question's place in the quiz, from 1
	Attempts                    int // finished attempts counted
	Right, Partly, Wrong, Blank int
	// Pending counts the answers (essays) still waiting for the teacher's
	// mark. The figures below leave those attempts out until they are
	// marked.
	Pending int
	// Facility is the mean credit earned, 0..1; for a question marked only
	// right or wrong it is the share who got it right. A blank earns 0.
	Facility float64
	// Discrimination is the point-biserial correlation (Pearson's r, which
	// also takes partial credit) between the credit on this question and
	// the score on the rest of the quiz, -1..1. The rest score leaves the
	// question out because on a short quiz an item correlates with a total
	// that contains it. Valid only when HasDiscrimination.
	Discrimination    float64
	HasDiscrimination bool
	// UpperFacility and LowerFacility are the facility within the top and
	// bottom 27% of attempts by total score: what "strong students miss it"
	// rests on, in terms a teacher can check. Valid with HasDiscrimination.
	UpperFacility, LowerFacility float64
	GroupSize                    int           // attempts in each of the two groups
	Choices                      []ChoiceShare // choice kinds only
	CommonWrong                  []AnswerCount // typed kinds only
	TypedAnswers                 []AnswerCount // typed kinds only: every distinct answer
	Flags                        []Flag
}

// Analyse computes the statistics of every graded question of a quiz, and
// of every essay as far as the teacher has marked it, over finished
// attempts; open attempts in results are ignored.
func Analyse(questions []Question, results []Result) []ItemStats {
	var done []Result
	for _, r := range results {
		if r.Attempt.Submitted() {
			done = append(done, r)
		}
	}
	n := len(done)
	// credit[i][a] is attempt a's credit on graded question i; totals[a] is
	// its score in points over the graded questions.
	var items []ItemStats
	var credit [][]float64
	var masks [][]bool // masks[i][a]: attempt a's answer to item i has its mark
	points := make([][]float64, 0, len(questions))
	totals := make([]float64, n)
	for qi, q := range questions {
		if !q.Kind.Graded() && q.Kind != Essay {
			continue // a description asks nothing; essays count once marked
		}
		q = q.Normalize()
		it := ItemStats{Question: q, Number: qi + 1, Attempts: n}
		cr, pts := make([]float64, n), make([]float64, n)
		in := make([]bool, n)
		for a, res := range done {
			r, ok := res.Responses[q.ID]
			in[a] = true
			switch MarkFor(q, r, ok) {
			case MarkPending:
				it.Pending++
				in[a] = false
			case MarkBlank:
				it.Blank++
			case MarkWrong:
				it.Wrong++
			case MarkPartly:
				it.Partly++
			case MarkRight:
				it.Right++
			}
			if ok {
				cr[a], pts[a] = creditOf(q, r), r.Points
				totals[a] += r.Points
			}
		}
		it.Facility = meanAt(cr, marked(in, nil))
		it.Choices = choiceShares(q, done)
		it.CommonWrong = commonWrongAnswers(q, done)
		it.TypedAnswers = typedAnswers(q, done)
		items = append(items, it)
		credit, points = append(credit, cr), append(points, pts)
		masks = append(masks, in)
	}
	upper, lower := groups(done, totals)
	for i := range items {
		it := &items[i]
		in := marked(masks[i], nil)
		if len(in) < MinAttempts {
			if it.Pending > 0 {
				it.Flags = []Flag{pendingFlag(*it)}
			}
			continue
		}
		var x, rest []float64
		for _, a := range in {
			x = append(x, credit[i][a])
			rest = append(rest, totals[a]-points[i][a])
		}
		it.Discrimination, it.HasDiscrimination = correlation(x, rest)
		up, low := marked(masks[i], upper), marked(masks[i], lower)
		it.UpperFacility, it.LowerFacility = meanAt(credit[i], up), meanAt(credit[i], low)
		it.GroupSize = min(len(up), len(low))
		it.Flags = flags(*it)
	}
	return items
}

// marked returns the attempts of idx (all attempts when idx is nil) whose
// answer to a question has its mark.
func marked(in []bool, idx []int) []int {
	var out []int
	if idx == nil {
		for a, ok := range in {
			if ok {
				out = append(out, a)
			}
		}
		return out
	}
	for _, a := range idx {
		if in[a] {
			out = append(out, a)
		}
	}
	return out
}

// pendingFlag tells the teacher that some answers still wait for a mark.
func pendingFlag(it ItemStats) Flag {
	return Flag{Severity: Note, Reason: fmt.Sprintf("%d of %d answers wait for your mark; the figures count the marked ones only.", it.Pending, it.Attempts)}
}

// creditOf is the share of the question's points a response earned.
func creditOf(q Question, r Response) float64 {
	if q.Points <= 0 {
		if r.Correct {
			return 1
		}
		return 0
	}
	return math.Max(0, math.Min(1, r.Points/q.Points))
}

// choiceShares counts the picks of each choice of a choice kind. Shares are
// of all finished attempts, so that with the blanks they add up to the
// whole class (for multiple response a student picks several).
func choiceShares(q Question, done []Result) []ChoiceShare {
	switch q.Kind {
	case MultipleChoice, TrueFalse, MultipleResponse:
	default:
		return nil
	}
	out := make([]ChoiceShare, len(q.Choices))
	for i, c := range q.Choices {
		out[i] = ChoiceShare{Index: i, Text: c.Text, Correct: c.Correct}
	}
	for _, res := range done {
		r, ok := res.Responses[q.ID]
		if !ok {
			continue
		}
		for i, c := range q.Choices {
			if r.Given.Chose(c.ID) {
				out[i].Count++
			}
		}
	}
	for i := range out {
		if len(done) > 0 {
			out[i].Share = float64(out[i].Count) / float64(len(done))
		}
	}
	return out
}

// groups returns the indices of the upper and lower 27% of attempts by total
// score, at least two each. Ties at the edge go by attempt id, so the same
// data always gives the same groups.
func groups(done []Result, totals []float64) (upper, lower []int) {
	order := make([]int, len(done))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := cmp.Compare(totals[b], totals[a]); c != 0 {
			return c
		}
		return cmp.Compare(done[a].Attempt.ID, done[b].Attempt.ID)
	})
	size := max(2, int(math.Round(groupShare*float64(len(done)))))
	if 2*size > len(order) {
		size = len(order) / 2
	}
	return order[:size], order[len(order)-size:]
}

// correlation is Pearson's r of x and y; false when either does not vary.
func correlation(x, y []float64) (float64, bool) {
	mx, my := mean(x), mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy, sxx, syy = sxy+dx*dy, sxx+dx*dx, syy+dy*dy
	}
	if sxx < 1e-12 || syy < 1e-12 {
		return 0, false
	}
	return sxy / math.Sqrt(sxx*syy), true
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

func meanAt(xs []float64, idx []int) float64 {
	if len(idx) == 0 {
		return 0
	}
	s := 0.0
	for _, i := range idx {
		s += xs[i]
	}
	return s / float64(len(idx))
}
