package views

import (
	"context"
	"sort"
	"strings"

	"quiztrainer/quizzes"
)

// Span marks a part of the article, such as the evidence of a question.
type Span struct {
	Start, End int
	ID         string
}

// Segment is a run of article text, marked or not.
type Segment struct {
	Text string
	Mark string // the id of the span the text belongs to, or ""
}

// ArticleView is an article cut into paragraphs of segments, so that the
// evidence of each question can be highlighted where it stands.
type ArticleView struct {
	Title      string
	Source     string
	Paragraphs [][]Segment
	HTML       string // when set, the article as RenderedArticle made it, written as it is
}

// RenderedArticle is the article with nothing marked, rendered once into
// HTML: a quiz's pages show the same article to every student, and it is
// most of an attempt page's bytes.
func RenderedArticle(a quizzes.Article) *ArticleView {
	v := NewArticleView(a, nil)
	var b strings.Builder
	if err := Article(v).Render(context.Background(), &b); err != nil {
		return v // a strings.Builder does not fail; render it each time if it did
	}
	return &ArticleView{Title: v.Title, Source: v.Source, HTML: b.String()}
}

// NewArticleView cuts the body at line breaks and at the edges of spans.
// Spans that overlap an earlier one or fall outside the body are left unmarked.
func NewArticleView(a quizzes.Article, spans []Span) *ArticleView {
	body := a.Body
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	var marks []Span
	last := 0
	for _, s := range spans {
		if s.Start < last || s.End <= s.Start || s.End > len(body) {
			continue
		}
		marks = append(marks, s)
		last = s.End
	}
	v := &ArticleView{Title: a.Title, Source: a.Source}
	var para []Segment
	flush := func() {
		if len(para) > 0 {
			v.Paragraphs = append(v.Paragraphs, para)
			para = nil
		}
	}
	add := func(text, mark string) {
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				flush()
			}
			if strings.TrimSpace(line) != "" {
				para = append(para, Segment{Text: line, Mark: mark})
			}
		}
	}
	pos := 0
	for _, m := range marks {
		add(body[pos:m.Start], "")
		add(body[m.Start:m.End], m.ID)
		pos = m.End
	}
	add(body[pos:], "")
	flush()
	return v
}
