package views

import (
	"context"
	"io"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// benchAttemptPage is an attempt page as the server builds it: an article
// of 12 paragraphs rendered once, and 10 questions (multiple choice, true
// or false, short answer) with their fixed parts rendered once, half of
// them answered.
func benchAttemptPage() AttemptPage {
	body := strings.Repeat("The river rises in the highlands and flows north through three countries before it reaches the sea.\n", 12)
	art := quizzes.Article{ID: 1, Title: "Rivers", Source: "A sample", Body: body}
	p := AttemptPage{Page: Page{Title: "Rivers", CSRF: strings.Repeat("t", 43), Student: &quizzes.Student{ID: 1, DisplayName: "Ada"}},
		Quiz: quizzes.Quiz{ID: 1, Title: "Rivers"}, Attempt: quizzes.Attempt{ID: 7}, Article: RenderedArticle(art), AutoSave: true}
	for i := range 10 {
		q := quizzes.Question{ID: int64(i + 1), Prompt: "Which river flows north through three countries?"}
		switch i % 3 {
		case 0:
			q.Kind = quizzes.MultipleChoice
			for j := range 4 {
				q.Choices = append(q.Choices, quizzes.Choice{ID: int64(100*i + j), Text: "A river by the name of number " + itoa(j), Correct: j == 1})
			}
		case 1:
			q.Kind = quizzes.TrueFalse
			q.Choices = []quizzes.Choice{{ID: int64(100 * i), Text: "True"}, {ID: int64(100*i + 1), Text: "False", Correct: true}}
		default:
			q.Kind = quizzes.ShortAnswer
			q.Choices = []quizzes.Choice{{ID: int64(100 * i), Text: "the Nile", Correct: true}}
		}
		v := QuestionView{Number: i + 1, Question: q, Static: NewQuestionStatic(q), Answered: i%2 == 0}
		for _, c := range q.Choices {
			if q.Kind != quizzes.ShortAnswer {
				v.Choices = append(v.Choices, ChoiceView{ID: c.ID, Text: c.Text, Checked: v.Answered && c.Correct})
			}
		}
		if v.Answered && q.Kind == quizzes.ShortAnswer {
			v.Given = "the Nile"
		}
		if v.Answered {
			p.Answered++
		}
		p.Questions = append(p.Questions, v)
	}
	return p
}

func itoa(n int) string { return string(rune('0' + n)) }

// BenchmarkAttemptRender renders the attempt page alone (no request, no
// database): what the templates cost per page.
func BenchmarkAttemptRender(b *testing.B) {
	p := benchAttemptPage()
	b.ReportAllocs()
	for b.Loop() {
		if err := Attempt(p).Render(context.Background(), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAttemptAppend writes the same page as BenchmarkAttemptRender
// with AppendAttempt, into a buffer kept from page to page as the server's
// response buffers are.
func BenchmarkAttemptAppend(b *testing.B) {
	p := benchAttemptPage()
	var buf []byte
	b.ReportAllocs()
	for b.Loop() {
		var err error
		if buf, err = AppendAttempt(context.Background(), buf[:0], &p); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchAttemptPageRenders checks that the benchmark's page is a whole
// attempt page: every question, the article once, the answers checked.
func TestBenchAttemptPageRenders(t *testing.T) {
	var b strings.Builder
	if err := Attempt(benchAttemptPage()).Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for what, want := range map[string]int{`data-question="`: 10, `<article class="article panel"`: 1, "checked>": 3, `value="the Nile"`: 2} {
		if got := strings.Count(html, what); got != want {
			t.Errorf("%q appears %d times, want %d", what, got, want)
		}
	}
}
