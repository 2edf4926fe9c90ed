package views

import (
	"bytes"
	"context"
	"html"
	"io"
	"strings"

	"github.com/a-h/templ"
	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"

	"quiztrainer/quizzes"
)

// policy keeps the formatting a question may carry (emphasis, lists, links,
// tables, images, code) and drops scripts, styles, event handlers and
// anything else that could act on the page.
var policy = func() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.RequireNoFollowOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(true)
	return p
}()

var markdown = goldmark.New() // raw HTML in Markdown is escaped by default

// SanitizedHTML returns text in its format as HTML that is safe to show:
// plain and Moodle auto-format text are escaped with line breaks kept,
// Markdown is rendered, and HTML passes through the policy.
func SanitizedHTML(format quizzes.TextFormat, text string) string {
	switch format {
	case quizzes.HTML:
		return policy.Sanitize(text)
	case quizzes.Markdown:
		var buf bytes.Buffer
		if err := markdown.Convert([]byte(text), &buf); err != nil {
			return plainHTML(text)
		}
		return policy.Sanitize(buf.String())
	}
	return plainHTML(text)
}

func plainHTML(text string) string {
	return strings.ReplaceAll(html.EscapeString(text), "\n", "<br>")
}

// RichText renders text of the given format, sanitised.
func RichText(format quizzes.TextFormat, text string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		_, err := io.WriteString(w, SanitizedHTML(format, text))
		return err
	})
}

// InlineText renders a short text (a choice, an answer) like RichText, but
// without the paragraph Markdown would wrap it in.
func InlineText(format quizzes.TextFormat, text string) templ.Component {
	return templ.ComponentFunc(func(_ context.Context, w io.Writer) error {
		s := SanitizedHTML(format, text)
		if format == quizzes.Markdown {
			trimmed := strings.TrimSpace(s)
			if strings.HasPrefix(trimmed, "<p>") && strings.HasSuffix(trimmed, "</p>") && strings.Count(trimmed, "<p>") == 1 {
				s = trimmed[3 : len(trimmed)-4]
			}
		}
		_, err := io.WriteString(w, s)
		return err
	})
}
