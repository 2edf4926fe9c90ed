package views

import (
	"context"
	"io"
	"strconv"
	"sync"

	"github.com/a-h/templ"

	"quiztrainer/quizzes"
)

// QuestionCard is one question with its answer controls and, when due,
// its feedback. An open card (not locked, no feedback, no problem to show)
// whose fixed parts were rendered once is written by openCard, as the
// same HTML as questionCard's; any other by questionCard.
func QuestionCard(q *QuestionView) templ.Component {
	if q.Locked || q.ShowFeedback || q.Error != "" || q.Static == nil || q.Static.card == nil {
		return questionCard(q)
	}
	switch q.Question.Kind {
	case quizzes.Matching:
		return questionCard(q)
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		for _, c := range q.Choices {
			if _, ok := q.Static.Choices[c.ID]; !ok {
				return questionCard(q)
			}
		}
	}
	return (*openCard)(q)
}

// cardParts are the fixed parts of a question's open card, between which
// openCard writes the student's parts: the question's number, the class
// of an answered card, the answer as typed or chosen, and its state.
type cardParts struct {
	mid     string // after the number in the card's id, up to the number in the prompt
	head    string // after the number in the prompt: prompt and kind line
	field   string // the answer's form field
	mode    string // inputmode of a one-line answer
	actions string // the Save button, up to the status's class
}

func newCardParts(q quizzes.Question, s *QuestionStatic) *cardParts {
	id := strconv.FormatInt(q.ID, 10)
	return &cardParts{
		mid:     `" data-question="` + id + `"><fieldset><legend class="prompt"><span class="num">`,
		head:    `</span> <span class="prompt-text">` + s.Prompt + `</span></legend><p class="kind">` + templ.EscapeString(s.Meta) + `</p>`,
		field:   templ.EscapeString(AnswerField(q.ID)),
		mode:    inputMode(q.Kind),
		actions: `<div class="actions"><button type="submit" class="button" name="save" value="` + id + `">Save answer</button> <span class="status`,
	}
}

// openCard writes an open question card from its fixed parts.
type openCard QuestionView

var cardBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func (c *openCard) Render(ctx context.Context, w io.Writer) error {
	bp := cardBuffers.Get().(*[]byte)
	b := c.append((*bp)[:0])
	_, err := w.Write(b)
	if cap(b) <= 64<<10 {
		*bp = b
		cardBuffers.Put(bp)
	}
	return err
}

// append appends the card's HTML to b.
func (c *openCard) append(b []byte) []byte {
	q := (*QuestionView)(c)
	p := q.Static.card
	b = append(b, `<section class="question panel`...)
	if q.Answered {
		b = append(b, ` answered`...)
	}
	b = append(b, `" id="q`...)
	b = strconv.AppendInt(b, int64(q.Number), 10)
	b = append(b, p.mid...)
	b = strconv.AppendInt(b, int64(q.Number), 10)
	b = append(b, p.head...)
	switch q.Question.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		b = append(b, `<div class="choices">`...)
		for _, ch := range q.Choices {
			s := q.Static.Choices[ch.ID]
			if ch.Checked {
				b = append(b, s.On...)
			} else {
				b = append(b, s.Off...)
			}
		}
		b = append(b, `</div>`...)
	case quizzes.Essay:
		b = appendAnswerLabel(b, q.Number)
		b = append(b, `<textarea id="q`...)
		b = strconv.AppendInt(b, int64(q.Number), 10)
		b = append(b, `-answer" name="`...)
		b = append(b, p.field...)
		b = append(b, `" rows="5">`...)
		b = append(b, templ.EscapeString(q.Given)...)
		b = append(b, `</textarea>`...)
	case quizzes.Description:
	default:
		b = appendAnswerLabel(b, q.Number)
		b = append(b, `<input id="q`...)
		b = strconv.AppendInt(b, int64(q.Number), 10)
		b = append(b, `-answer" type="text" name="`...)
		b = append(b, p.field...)
		b = append(b, `" value="`...)
		b = append(b, templ.EscapeString(q.Given)...)
		b = append(b, `" autocomplete="off" inputmode="`...)
		b = append(b, p.mode...)
		b = append(b, `">`...)
	}
	if q.Question.Kind != quizzes.Description {
		b = append(b, p.actions...)
		switch {
		case q.Draft:
			b = append(b, ` draft" aria-live="polite" data-status>Not saved yet</span></div>`...)
		case q.Answered:
			b = append(b, `" aria-live="polite" data-status>Saved</span></div>`...)
		default:
			b = append(b, `" aria-live="polite" data-status></span></div>`...)
		}
	}
	return append(b, `</fieldset></section>`...)
}

func appendAnswerLabel(b []byte, n int) []byte {
	b = append(b, `<label class="sr-only" for="q`...)
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, `-answer">Your answer</label> `...)
}
