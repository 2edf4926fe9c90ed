package formats

import (
	"fmt"
	"math"

	"quiztrainer/quizzes"
)

// checkQuestion is what every importer asks of a question before keeping
// it: the domain's Validate, plus the bounds that Validate leaves to the
// formats (weights, points and numbers that grading relies on).
func checkQuestion(q quizzes.Question) error {
	if err := q.Validate(); err != nil {
		return err
	}
	if err := q.CheckLimits(); err != nil {
		return err
	}
	switch q.Format {
	case quizzes.Plain, quizzes.HTML, quizzes.Markdown, quizzes.Moodle:
	default:
		return fmt.Errorf("unknown text format %q (want html, markdown, moodle or plain)", q.Format)
	}
	for i, c := range q.Choices {
		if c.Weight < -1 || c.Weight > 1 || math.IsNaN(c.Weight) {
			return fmt.Errorf("choice %d: the weight must be between -1 and 1", i+1)
		}
		if q.Kind == quizzes.Numerical {
			if _, ok := quizzes.ParseNumber(c.Text); !ok && c.Text != "*" {
				return fmt.Errorf("choice %d: %q is not a number", i+1, c.Text)
			}
			if c.Tolerance < 0 || math.IsNaN(c.Tolerance) || math.IsInf(c.Tolerance, 0) {
				return fmt.Errorf("choice %d: the tolerance must be a number of zero or more", i+1)
			}
		}
	}
	return nil
}
