package formats

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"quiztrainer/quizzes"
)

// writeChecked writes the questions that format f can hold and lists the
// others. A question is held when it is valid, passes the format's own
// limits, and, written alone and read back, gives the same question (up to
// what the format drops by design, see heldBy). That last check means an
// exported file always imports again, even in corners no rule foresaw.
func writeChecked(f Format, w io.Writer, qs []quizzes.Question, write func(io.Writer, []quizzes.Question) error) ([]string, error) {
	var keep []quizzes.Question
	var skipped []string
	for i, q := range qs {
		if f != JSON {
			// The text formats spell out weights and points that the
			// program leaves implicit; JSON keeps the questions as they are.
			q = q.Normalize()
		}
		if reason := cannotHold(f, q, write); reason != "" {
			skipped = append(skipped, fmt.Sprintf("question %d (%s): %s", i+1, questionName(q), reason))
			continue
		}
		keep = append(keep, q)
	}
	if err := write(w, keep); err != nil {
		return skipped, fmt.Errorf("formats: write %s: %w", f, err)
	}
	return skipped, nil
}

func cannotHold(f Format, q quizzes.Question, write func(io.Writer, []quizzes.Question) error) string {
	if err := checkQuestion(q); err != nil {
		return "it is not a usable question: " + err.Error()
	}
	var limit string
	switch f {
	case Aiken:
		limit = aikenCannotHold(q)
	case MoodleXML:
		limit = xmlCannotHold(q)
	case CSV:
		limit = csvCannotHold(q)
	}
	if limit != "" {
		return limit
	}
	var buf bytes.Buffer
	if err := write(&buf, []quizzes.Question{q}); err != nil {
		return err.Error()
	}
	got, err := Parse(f, buf.Bytes())
	switch {
	case err != nil:
		return fmt.Sprintf("%s cannot hold it (it would read back as: %s)", f.Label(), strings.ReplaceAll(err.Error(), "\n", "; "))
	case len(got) != 1 || !SameQuestion(f, q, got[0]):
		return fmt.Sprintf("%s cannot hold it: it would not read back as the same question", f.Label())
	}
	return ""
}

// questionName is how a skipped question is named to the teacher.
func questionName(q quizzes.Question) string {
	name := phpTrim(q.Title)
	if name == "" {
		name = strings.Join(strings.Fields(q.Prompt), " ")
	}
	if utf8.RuneCountInString(name) > 40 {
		name = string([]rune(name)[:40]) + "…"
	}
	return strconv.Quote(name)
}

// numberText is a numerical answer as GIFT and Moodle XML write it: as
// typed when it is a plain decimal, else (a decimal comma, say) as Go
// prints the number. "*", any other answer, is kept.
func numberText(s string) string {
	s = phpTrim(s)
	if _, ok := giftNumber(s); ok || s == "*" {
		return s
	}
	if v, ok := quizzes.ParseNumber(s); ok {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return s
}

// trueFalseKey reads a true/false question: its answer, the feedback for
// picking the right choice and for the wrong one. The choices are told
// apart by their text (true/t/false/f, any case); otherwise the first is
// taken to be True.
func trueFalseKey(choices []quizzes.Choice) (answer bool, right, wrong string) {
	for i, c := range choices {
		if !c.Correct {
			continue
		}
		switch strings.ToLower(phpTrim(c.Text)) {
		case "true", "t":
			answer = true
		case "false", "f":
			answer = false
		default:
			answer = i == 0
		}
		right = c.Feedback
		if len(choices) == 2 {
			wrong = choices[1-i].Feedback
		}
		break
	}
	return answer, right, wrong
}

func abs(v float64) float64 { return math.Abs(v) }

// answerWeight is the share of the points a choice earns, a correct choice
// left at weight 0 earning full marks (Write normalises before this, so
// only a correct choice of a single-answer kind reaches here so).
func answerWeight(c quizzes.Choice) float64 {
	if c.Correct && c.Weight == 0 {
		return 1
	}
	return c.Weight
}
