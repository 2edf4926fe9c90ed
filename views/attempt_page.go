package views

import (
	"context"
	"strconv"

	"github.com/a-h/templ"
)

// AppendAttempt appends the attempt page to b: the same HTML, byte for
// byte, as the Attempt template writes. The page's shell (the student's
// header, the quiz's head, the form around the cards, the footer) and its
// open cards are written as appends, with the student's parts between
// fixed strings; the article made once is copied as it is; what only the
// templates write (a teacher's header, an article with marks, a card with
// feedback, a problem or a matching question) goes through them.
// TestAppendAttemptIsTheTemplatesPage and FuzzAppendAttemptIsTheTemplatesPage
// hold the two to the same bytes.
func AppendAttempt(ctx context.Context, b []byte, p *AttemptPage) ([]byte, error) {
	if p.Teacher != nil {
		return appendComponent(ctx, b, Attempt(*p))
	}
	var err error
	b = append(b, `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>`...)
	b = appendEscaped(b, p.Title)
	b = append(b, ` · quiztrainer</title><link rel="stylesheet" href="/static/app.css"><link rel="icon" href="/static/icon.svg" type="image/svg+xml"><script src="/static/app.js" defer></script></head><body><header class="site"><a class="brand" href="/">quiz<span>trainer</span></a><nav><a href="/">Quizzes</a> `...)
	if p.Student != nil {
		b = append(b, `<a href="/me">My results</a> <span class="who" title="You are taking quizzes as this name">`...)
		b = appendEscaped(b, p.Student.DisplayName)
		b = append(b, `</span><form method="post" action="/student/switch" class="inline switch">`...)
		b = appendCSRFField(b, p.CSRF)
		b = append(b, `<button type="submit" class="link">Not you? Switch student</button></form>`...)
	}
	b = append(b, ` <a href="/login" class="quiet">Teachers</a></nav></header><main id="main">`...)
	if p.Notice != "" {
		b = append(b, `<p class="notice" role="status">`...)
		b = appendEscaped(b, p.Notice)
		b = append(b, `</p>`...)
	}

	b = append(b, `<div class="quiz-head"><h1>`...)
	b = appendEscaped(b, p.Quiz.Title)
	b = append(b, `</h1><p class="progress" id="progress"><span data-answered>`...)
	b = strconv.AppendInt(b, int64(p.Answered), 10)
	b = append(b, `</span> of `...)
	b = strconv.AppendInt(b, int64(len(p.Questions)), 10)
	b = append(b, ` answered <span class="save-state" data-save-state aria-live="polite"></span></p>`...)
	if !p.Deadline.IsZero() {
		// digits, letters and punctuation that need no escaping
		d := p.Deadline.UTC()
		b = append(b, `<p class="countdown" data-countdown data-deadline="`...)
		b = d.AppendFormat(b, "2006-01-02T15:04:05Z")
		b = append(b, `">Time is up at <time datetime="`...)
		b = d.AppendFormat(b, "2006-01-02T15:04:05Z")
		b = append(b, `" data-local-time>`...)
		b = d.AppendFormat(b, "15:04 UTC")
		b = append(b, `</time>; what you have saved by then is handed in.</p>`...)
	}
	b = append(b, `</div>`...)
	if p.Article == nil {
		b = append(b, `<div class="reading no-article">`...)
	} else {
		b = append(b, `<div class="reading">`...)
		if p.Article.HTML != "" {
			b = append(b, p.Article.HTML...)
		} else if b, err = appendComponent(ctx, b, Article(p.Article)); err != nil {
			return b, err
		}
	}
	b = append(b, `<form method="post" action="/attempt/`...)
	b = strconv.AppendInt(b, p.Attempt.ID, 10)
	b = append(b, `/answer" class="questions attempt-form" id="attempt-form"`...)
	if p.AutoSave {
		b = append(b, ` data-autosave`...)
	}
	b = append(b, ` data-hand-in="/attempt/`...)
	b = strconv.AppendInt(b, p.Attempt.ID, 10)
	b = append(b, `/hand-in" novalidate>`...)
	b = appendCSRFField(b, p.CSRF)
	b = append(b, `<!-- Enter in an answer box presses this first (hidden) button: it saves every answer, or where answers lock once checked, only the one new answer. --><button type="submit" name="save" value="" hidden>Save my answers</button> `...)
	for i := range p.Questions {
		card := QuestionCard(&p.Questions[i])
		if open, ok := card.(*openCard); ok {
			b = open.append(b)
		} else if b, err = appendComponent(ctx, b, card); err != nil {
			return b, err
		}
	}
	b = append(b, `<div class="panel finish"><p>Answered all you can? Finish to check your answers before you hand them in<span data-left>`...)
	if left := len(p.Questions) - p.Answered; left > 0 {
		b = append(b, ` (`...)
		b = strconv.AppendInt(b, int64(left), 10)
		b = append(b, ` still unanswered)`...)
	}
	b = append(b, `</span>.</p><button class="button primary" type="submit" formaction="/attempt/`...)
	b = strconv.AppendInt(b, p.Attempt.ID, 10)
	b = append(b, `/finish" data-finish>Finish and check my answers</button></div></form></div>`...)
	b = append(b, `</main><footer class="site">quiztrainer · answers are saved as you give them</footer></body></html>`...)
	return b, nil
}

// appendCSRFField appends what CSRFField writes.
func appendCSRFField(b []byte, token string) []byte {
	b = append(b, `<input type="hidden" name="_csrf" value="`...)
	b = appendEscaped(b, token)
	return append(b, `">`...)
}

// appendEscaped appends s escaped as templ escapes text and attribute
// values (html.EscapeString), without making a string of it.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// appendWriter is an io.Writer that appends to a byte slice.
type appendWriter struct{ b []byte }

func (w *appendWriter) Write(p []byte) (int, error) {
	w.b = append(w.b, p...)
	return len(p), nil
}

// appendComponent appends what c renders.
func appendComponent(ctx context.Context, b []byte, c templ.Component) ([]byte, error) {
	w := appendWriter{b: b}
	err := c.Render(ctx, &w)
	return w.b, err
}
