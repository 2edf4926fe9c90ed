package formats

import (
	"math"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// kind maps Moodle's question type onto a kind, with the choices each kind
// takes; the message says what is wrong, if anything.
func (x xmlQuestion) kind(q quizzes.Question) (quizzes.Question, string) {
	switch x.Type {
	case "multichoice":
		single := x.Single == nil || (phpTrim(*x.Single) != "false" && phpTrim(*x.Single) != "0" && phpTrim(*x.Single) != "")
		q.Kind = quizzes.MultipleChoice
		if !single {
			q.Kind = quizzes.MultipleResponse
		}
		positive := 0.0
		for i := range q.Choices {
			c := &q.Choices[i]
			if single {
				c.Correct = c.Weight == 1
			} else {
				c.Correct = c.Weight > 0
			}
			positive += math.Max(0, c.Weight)
		}
		if !single && positive > 0 && math.Abs(positive-1) > 0.001 {
			return q, "the fractions of the right answers add up to " + strconv.FormatFloat(positive*100, 'f', -1, 64) + "%, not 100%"
		}
		if right := len(q.Keys()); single && right > 1 {
			return q, strconv.Itoa(right) + " answers are 100% in a single-answer question; quiztrainer needs exactly one (partial credit for the others is fine)"
		}
	case "truefalse":
		q.Kind = quizzes.TrueFalse
		var answer, found bool
		var right, wrong string
		for _, c := range q.Choices {
			isTrue := strings.EqualFold(c.Text, "true")
			if !isTrue && !strings.EqualFold(c.Text, "false") {
				return q, "a true/false answer is " + strconv.Quote(c.Text) + ", not true or false"
			}
			if c.Weight == 1 {
				answer, found, right = isTrue, true, c.Feedback
			} else {
				wrong = c.Feedback
			}
		}
		if len(q.Choices) != 2 || !found {
			return q, "a true/false question needs the answers true and false, one of them with fraction 100"
		}
		q.Choices = trueFalseChoices(answer, right, wrong)
	case "shortanswer", "numerical":
		q.Kind = quizzes.ShortAnswer
		if x.Type == "numerical" {
			q.Kind = quizzes.Numerical
		} else if strings.Contains(q.Prompt, quizzes.Blank) {
			q.Kind = quizzes.Cloze
		}
		for i := range q.Choices {
			q.Choices[i].Correct = q.Choices[i].Weight > 0
		}
	case "matching":
		q.Kind = quizzes.Matching
		for i, s := range x.Subquestions {
			c := quizzes.Choice{Text: phpTrim(inlineFiles(s.Text, s.Files)), Match: phpTrim(s.Answer.Text)}
			if c.Match == "" {
				return q, "matching pair " + strconv.Itoa(i+1) + " has no answer"
			}
			q.Choices = append(q.Choices, c)
		}
	case "essay":
		q.Kind, q.Choices = quizzes.Essay, nil
	case "description":
		q.Kind, q.Choices = quizzes.Description, nil
	}
	return q, ""
}
