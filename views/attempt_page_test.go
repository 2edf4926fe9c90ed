package views

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/a-h/templ"

	"quiztrainer/quizzes"
)

// checkSamePage renders p with the Attempt template and with AppendAttempt
// and fails unless both give the same HTML.
func checkSamePage(t *testing.T, name string, p AttemptPage) {
	t.Helper()
	var want strings.Builder
	if err := Attempt(p).Render(context.Background(), &want); err != nil {
		t.Fatal(err)
	}
	got, err := AppendAttempt(context.Background(), []byte("before|"), &p)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "before|"+want.String() {
		g, w := string(got[len("before|"):]), want.String()
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		t.Errorf("%s: the pages differ at byte %d:\n got …%s\nwant …%s", name, i, clip(g, i), clip(w, i))
	}
}

func clip(s string, i int) string {
	from, to := max(0, i-80), min(len(s), i+80)
	return s[from:to]
}

// TestAppendAttemptIsTheTemplatesPage checks pages in every state a
// student can see one: with and without a name, a notice, a time limit,
// an article (made once, with marks, or none), saving as the student types
// or not, and cards of every kind, open and not, with text HTML must
// escape; and a teacher's page, which the template writes.
func TestAppendAttemptIsTheTemplatesPage(t *testing.T) {
	tricky := `Rivers & <"seas"> of 'Europe'`
	base := func() AttemptPage { return benchAttemptPage() }
	art := quizzes.Article{ID: 1, Title: tricky, Source: "A <source> & more", Body: "First line & <b>bold</b>.\nSecond \"line\" with 'quotes'.\n\nThird."}
	withMarks := NewArticleView(art, []Span{{Start: 0, End: 5, ID: "ev1"}, {Start: 30, End: 40, ID: "ev2"}})

	cases := map[string]func(p *AttemptPage){
		"bench page": func(p *AttemptPage) {},
		"no student": func(p *AttemptPage) { p.Student = nil },
		"escaped names": func(p *AttemptPage) {
			p.Title, p.Quiz.Title, p.Student.DisplayName, p.CSRF = tricky, tricky, `Ann "A" <O'Neil> & co`, `t<&>"'`
		},
		"notice":               func(p *AttemptPage) { p.Notice = "Some answers need <another> look & more" },
		"time limit":           func(p *AttemptPage) { p.Deadline = time.Date(2026, 3, 4, 5, 6, 7, 0, time.FixedZone("x", 3600)) },
		"no article":           func(p *AttemptPage) { p.Article = nil },
		"article made once":    func(p *AttemptPage) { p.Article = RenderedArticle(art) },
		"article with marks":   func(p *AttemptPage) { p.Article = withMarks },
		"no autosave":          func(p *AttemptPage) { p.AutoSave = false },
		"nothing answered":     func(p *AttemptPage) { p.Answered = 0 },
		"all answered":         func(p *AttemptPage) { p.Answered = len(p.Questions) },
		"more answered than q": func(p *AttemptPage) { p.Answered = len(p.Questions) + 3 },
		"no questions":         func(p *AttemptPage) { p.Questions, p.Answered = nil, 0 },
		"big ids":              func(p *AttemptPage) { p.Attempt.ID = 1<<62 + 12345 },
		"teacher": func(p *AttemptPage) {
			p.Teacher = &quizzes.User{ID: 1, Username: "mr <b>", Role: quizzes.RoleAdmin}
		},
		"cards that show more": func(p *AttemptPage) {
			q := p.Questions
			q[0].Locked, q[0].ShowFeedback = true, true
			q[0].Outcome = quizzes.Outcome{Correct: true, Points: 1}
			q[0].Keys, q[0].EvidenceID = "the <Nile>", "ev1"
			q[1].Error = "Choose one & only one."
			q[2].Draft, q[2].Given = true, `typed <"x"> & 'y'`
			q[3].Static = nil // rendered by the template with its own statics
			m := quizzes.Question{ID: 99, Kind: quizzes.Matching, Prompt: "Match & <pair>.", Choices: []quizzes.Choice{{ID: 1, Text: "Paris", Match: "Seine"}, {ID: 2, Text: "Rome", Match: "Tiber"}}}
			q[4] = QuestionView{Number: 5, Question: m, MatchLeft: []string{"Paris", "Rome"}, MatchOptions: []string{"Tiber", "Seine"},
				MatchGiven: []string{"Seine"}, Static: NewQuestionStatic(m)}
		},
		"every kind": func(p *AttemptPage) {
			p.Questions = nil
			for i, k := range []quizzes.Kind{quizzes.MultipleChoice, quizzes.MultipleResponse, quizzes.TrueFalse, quizzes.ShortAnswer,
				quizzes.Cloze, quizzes.Numerical, quizzes.Essay, quizzes.Description} {
				q := cardQuestion(k, int64(200+i), tricky)
				q.Format = []quizzes.TextFormat{quizzes.Plain, quizzes.Markdown, quizzes.HTML, quizzes.Moodle}[i%4]
				v := QuestionView{Number: i + 1, Question: q, Static: NewQuestionStatic(q), Answered: i%2 == 1}
				for j, c := range q.Choices {
					if k == quizzes.MultipleChoice || k == quizzes.MultipleResponse || k == quizzes.TrueFalse {
						v.Choices = append(v.Choices, ChoiceView{ID: c.ID, Text: c.Text, Checked: v.Answered && j == 0})
					}
				}
				if v.Answered {
					v.Given = "line & <one>\nline two"
				}
				p.Questions = append(p.Questions, v)
			}
		},
	}
	for name, change := range cases {
		p := base()
		change(&p)
		checkSamePage(t, name, p)
	}
}

// FuzzAppendAttemptIsTheTemplatesPage checks any title, name, notice,
// token and typed answer.
func FuzzAppendAttemptIsTheTemplatesPage(f *testing.F) {
	f.Add("Rivers", "Ada", "", "tok", "the Nile", 3, int64(7))
	f.Add(`<b>"x"</b> & 'y'`, `O'Neil <&>`, "A <notice> & more", `"'<>&`, `<script>"a"</script>`, 0, int64(-1))
	f.Add("\x00\xff", "", "\n", "", "\xe2\x80", 40, int64(1<<62))
	f.Fuzz(func(t *testing.T, title, name, notice, csrf, given string, answered int, id int64) {
		p := benchAttemptPage()
		p.Title, p.Quiz.Title, p.Student.DisplayName, p.Notice, p.CSRF = title, title, name, notice, csrf
		p.Answered, p.Attempt.ID = answered, id
		for i := range p.Questions {
			if p.Questions[i].Question.Kind == quizzes.ShortAnswer {
				p.Questions[i].Given = given
			}
		}
		checkSamePage(t, "fuzzed page", p)
	})
}

// TestAppendEscapedIsTemplsEscaping checks the escaping of every byte.
func TestAppendEscapedIsTemplsEscaping(t *testing.T) {
	var all strings.Builder
	for c := range 256 {
		all.WriteByte(byte(c))
	}
	for _, s := range []string{"", "plain", all.String(), `&&<<>>""''`, "a&b<c>d\"e'f", "日本 & <語>"} {
		if got, want := string(appendEscaped(nil, s)), string(templEscape(s)); got != want {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
	}
}

func templEscape(s string) string { return templ.EscapeString(s) }
