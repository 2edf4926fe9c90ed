package views

import (
	"context"
	"strings"

	"github.com/a-h/templ"

	"quiztrainer/quizzes"
)

// QuestionStatic is what a question's card shows alike to every student:
// its prompt, its kind and points, and each choice's control, checked and
// not, rendered into HTML once. A quiz's pages keep one per question of a
// snapshot of the quiz, so that a page writes these parts as they are.
type QuestionStatic struct {
	Prompt  string // the prompt as HTML
	Meta    string // "Multiple choice · 1 pt"
	Choices map[int64]ChoiceStatic
	card    *cardParts // the open card's fixed parts (question_card.go)
}

// ChoiceStatic is one choice's control and label, as HTML.
type ChoiceStatic struct {
	Off, On string // not checked, checked
}

// NewQuestionStatic renders the parts of q's card that are alike for
// every student.
func NewQuestionStatic(q quizzes.Question) *QuestionStatic {
	s := &QuestionStatic{
		Prompt: SanitizedHTML(q.Format, q.Prompt),
		Meta:   q.Kind.Label() + " · " + Points(q.Normalize().Points) + " pt",
	}
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		s.Choices = make(map[int64]ChoiceStatic, len(q.Choices))
		for _, c := range q.Choices {
			v := ChoiceView{ID: c.ID, Text: c.Text}
			off := renderString(choiceControl(q, v))
			v.Checked = true
			s.Choices[c.ID] = ChoiceStatic{Off: off, On: renderString(choiceControl(q, v))}
		}
	}
	s.card = newCardParts(q, s)
	return s
}

// static is the question's static parts: those the page was given, or
// else made now.
func (q *QuestionView) static() *QuestionStatic {
	if q.Static == nil {
		q.Static = NewQuestionStatic(q.Question)
	}
	return q.Static
}

// choice is the control of choice c, checked or not, as rendered once.
func (q *QuestionView) choice(c ChoiceView) templ.Component {
	s, ok := q.static().Choices[c.ID]
	if !ok {
		return choiceControl(q.Question, c)
	}
	if c.Checked {
		return templ.Raw(s.On)
	}
	return templ.Raw(s.Off)
}

func renderString(c templ.Component) string {
	var b strings.Builder
	c.Render(context.Background(), &b) // a strings.Builder does not fail
	return b.String()
}
