package formats

import (
	"math"
	"reflect"
	"strings"

	"quiztrainer/quizzes"
)

// SameQuestion reports whether a and b are the same question as far as
// format f can tell: fields f does not hold are left out of the comparison
// (see the package documentation for what each format drops).
func SameQuestion(f Format, a, b quizzes.Question) bool {
	return reflect.DeepEqual(heldBy(f, a), heldBy(f, b))
}

// heldBy is the part of q that format f holds, in a canonical form.
func heldBy(f Format, q quizzes.Question) quizzes.Question {
	q = q.Normalize()
	q.ID, q.QuizID, q.Position = 0, 0, 0
	choices := make([]quizzes.Choice, len(q.Choices))
	copy(choices, q.Choices)
	for i := range choices {
		c := &choices[i]
		c.ID = 0
		// Fields a kind does not use mean nothing, whatever the format.
		if q.Kind != quizzes.Numerical {
			c.Tolerance = 0
		}
		if q.Kind != quizzes.Matching {
			c.Match = ""
		}
	}
	q.Choices = choices
	if q.Kind == quizzes.Essay || q.Kind == quizzes.Description {
		q.Choices = nil
	}
	if f == JSON {
		return q
	}
	q.Evidence, q.Template, q.Score = quizzes.Evidence{}, "", 0
	q.Title, q.Prompt, q.Explanation = phpTrim(q.Title), phpTrim(q.Prompt), phpTrim(q.Explanation)
	q.Category = phpTrim(q.Category)
	q.Points = round9(q.Points)
	hasBlank := strings.Contains(q.Prompt, quizzes.Blank)
	switch {
	case q.Kind == quizzes.ShortAnswer && hasBlank:
		q.Kind = quizzes.Cloze
	case q.Kind == quizzes.Cloze && !hasBlank:
		q.Kind = quizzes.ShortAnswer
	}
	switch q.Kind {
	case quizzes.TrueFalse:
		answer, right, wrong := trueFalseKey(q.Choices)
		q.Choices = trueFalseChoices(answer, phpTrim(right), phpTrim(wrong))
	}
	for i := range q.Choices {
		c := &q.Choices[i]
		c.Text, c.Feedback, c.Match = phpTrim(c.Text), phpTrim(c.Feedback), phpTrim(c.Match)
		c.Weight, c.Tolerance = round9(c.Weight), round9(math.Abs(c.Tolerance))
		switch q.Kind {
		case quizzes.MultipleResponse, quizzes.ShortAnswer, quizzes.Cloze, quizzes.Numerical:
			c.Correct = c.Weight > 0
		case quizzes.Matching:
			c.Correct, c.Weight, c.Feedback = false, 0, ""
		}
		if q.Kind == quizzes.Numerical {
			c.Text = numberText(c.Text)
			if c.Text == "*" {
				c.Tolerance = 0
			}
		}
	}
	switch f {
	case GIFT:
		q.Points = quizzes.Question{Kind: q.Kind}.Normalize().Points
		if q.Kind == quizzes.Description {
			q.Explanation = ""
		}
	case MoodleXML:
		q.Title = xmlNeedsName(q)
	case Aiken:
		q = aikenHeld(q)
	case CSV:
		q = csvHeld(q)
	}
	return q
}

func round9(v float64) float64 { return math.Round(v*1e9) / 1e9 }
