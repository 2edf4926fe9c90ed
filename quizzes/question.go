// Package quizzes is the domain of quiztrainer: articles, quizzes, questions,
// attempts and how answers are graded. It is plain Go: no HTTP, no SQL, no HTML.
package quizzes

import (
	"fmt"
	"strings"
)

// Kind names the type of a question. The values are those of the JSON contract.
type Kind string

// The question kinds.
const (
	MultipleChoice   Kind = "multiple_choice"
	MultipleResponse Kind = "multiple_response"
	TrueFalse        Kind = "true_false"
	ShortAnswer      Kind = "short_answer"
	Cloze            Kind = "cloze"
	Numerical        Kind = "numerical"
	Matching         Kind = "matching"
	Essay            Kind = "essay"
	// Description is text shown between questions; it has no answer and no marks.
	Description Kind = "description"
)

// Kinds lists every kind, in the order of the JSON contract.
var Kinds = []Kind{MultipleChoice, MultipleResponse, TrueFalse, ShortAnswer, Cloze, Numerical, Matching, Essay, Description}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	for _, c := range Kinds {
		if k == c {
			return true
		}
	}
	return false
}

// Label is the kind as a person reads it.
func (k Kind) Label() string {
	switch k {
	case MultipleChoice:
		return "Multiple choice"
	case MultipleResponse:
		return "Multiple response"
	case TrueFalse:
		return "True or false"
	case ShortAnswer:
		return "Short answer"
	case Cloze:
		return "Fill in the blank"
	case Numerical:
		return "Number"
	case Matching:
		return "Matching"
	case Essay:
		return "Essay"
	case Description:
		return "Description"
	}
	return string(k)
}

// Graded reports whether answers to this kind are marked automatically.
// Essays are marked by the teacher; descriptions are not answered.
func (k Kind) Graded() bool { return k != Description && k != Essay }

// TextFormat says how a prompt, choice or feedback is written.
type TextFormat string

// The text formats that GIFT and Moodle XML know. Empty means plain.
const (
	Plain    TextFormat = ""
	HTML     TextFormat = "html"
	Markdown TextFormat = "markdown"
	Moodle   TextFormat = "moodle"
)

// Blank marks the gap in the prompt of a cloze question, or of a
// multiple-choice "missing word" question.
const Blank = "_____"

// Evidence is the span of the article that proves the answer: byte offsets
// into the article body and the text between them.
type Evidence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Choice is one answer a question offers or accepts.
//
// For multiple choice, multiple response and true/false it is an option shown
// to the student. For short answer and cloze it is an accepted answer (not
// shown). For numerical, Text is the number and Tolerance the accepted error.
// For matching, Text is the left-hand item and Match its right-hand partner;
// a choice with empty Text and a Match is an extra right-hand distractor.
type Choice struct {
	ID        int64
	Text      string
	Correct   bool
	Weight    float64 // share of the question's points this answer earns, -1..1
	Feedback  string
	Match     string
	Tolerance float64
}

// Question is one question of a quiz.
type Question struct {
	ID          int64
	QuizID      int64
	Position    int
	Kind        Kind
	Title       string // a name for the question bank (GIFT ::title::); may be empty
	Prompt      string
	Format      TextFormat
	Choices     []Choice
	Points      float64
	Explanation string // general feedback, shown after answering
	Evidence    Evidence
	Template    string  // generator template name; empty when written by hand or imported
	Score       float64 // generator ranking score, 0..1
	Category    string  // import category path, if any
}

// Keys returns the text of every correct choice: the key of a multiple-choice
// question, the accepted answers of a short answer or cloze question.
func (q Question) Keys() []string {
	var out []string
	for _, c := range q.Choices {
		if c.Correct {
			out = append(out, c.Text)
		}
	}
	return out
}

// Normalize fills the defaults a question left implicit: one point, and the
// weight of each correct choice (full for single-answer kinds, an equal share
// for multiple response). It returns the question for chaining.
func (q Question) Normalize() Question {
	if q.Points == 0 && q.Kind != Description {
		q.Points = 1
	}
	if q.Kind == Description {
		q.Points = 0
	}
	correct := 0
	for _, c := range q.Choices {
		if c.Correct {
			correct++
		}
	}
	choices := make([]Choice, len(q.Choices))
	copy(choices, q.Choices)
	for i := range choices {
		c := &choices[i]
		if c.Correct && c.Weight == 0 {
			if q.Kind == MultipleResponse && correct > 0 {
				c.Weight = 1 / float64(correct)
			} else {
				c.Weight = 1
			}
		}
	}
	q.Choices = choices
	return q
}

// Validate reports what makes the question unusable, in words a teacher reads.
func (q Question) Validate() error {
	if !q.Kind.Valid() {
		return fmt.Errorf("unknown question kind %q", q.Kind)
	}
	if strings.TrimSpace(q.Prompt) == "" {
		return fmt.Errorf("the question has no text")
	}
	correct := 0
	for _, c := range q.Choices {
		if c.Correct {
			correct++
		}
	}
	switch q.Kind {
	case MultipleChoice:
		if len(q.Choices) < 2 {
			return fmt.Errorf("a multiple-choice question needs at least two choices")
		}
		if correct != 1 {
			return fmt.Errorf("a multiple-choice question needs exactly one correct choice, it has %d", correct)
		}
	case MultipleResponse:
		if len(q.Choices) < 2 || correct == 0 {
			return fmt.Errorf("a multiple-response question needs choices and at least one correct one")
		}
	case TrueFalse:
		if len(q.Choices) != 2 || correct != 1 {
			return fmt.Errorf("a true/false question needs the choices True and False, one of them correct")
		}
	case ShortAnswer, Cloze:
		if correct == 0 {
			return fmt.Errorf("a %s question needs at least one accepted answer", strings.ToLower(q.Kind.Label()))
		}
	case Numerical:
		if correct == 0 {
			return fmt.Errorf("a numerical question needs at least one accepted number")
		}
	case Matching:
		pairs := 0
		for _, c := range q.Choices {
			if c.Text != "" && c.Match != "" {
				pairs++
			}
		}
		if pairs < 2 {
			return fmt.Errorf("a matching question needs at least two pairs")
		}
	}
	return nil
}
