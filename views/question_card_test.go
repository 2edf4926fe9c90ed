package views

import (
	"context"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// cardQuestion is a question of kind k whose texts carry what HTML must
// escape.
func cardQuestion(k quizzes.Kind, id int64, prompt string) quizzes.Question {
	q := quizzes.Question{ID: id, Kind: k, Prompt: prompt, Points: 2}
	switch k {
	case quizzes.MultipleChoice, quizzes.MultipleResponse:
		q.Choices = []quizzes.Choice{{ID: 11, Text: "Nile & <Seine>", Correct: true}, {ID: 12, Text: `"Thames"`}, {ID: 13, Text: "O'Hare"}}
	case quizzes.TrueFalse:
		q.Choices = []quizzes.Choice{{ID: 21, Text: "True", Correct: true}, {ID: 22, Text: "False"}}
	case quizzes.ShortAnswer, quizzes.Cloze, quizzes.Numerical:
		q.Choices = []quizzes.Choice{{ID: 31, Text: "Seine", Correct: true}}
	}
	return q
}

// checkSameCard renders v with the template and with the open card's
// writer and fails unless both give the same HTML.
func checkSameCard(t *testing.T, v QuestionView) {
	t.Helper()
	v.Static = NewQuestionStatic(v.Question)
	var want, got strings.Builder
	tv, ov := v, v
	if err := questionCard(&tv).Render(context.Background(), &want); err != nil {
		t.Fatal(err)
	}
	c := QuestionCard(&ov)
	if _, ok := c.(*openCard); !ok {
		t.Fatalf("%s card (answered %v, draft %v) is not written as an open card", v.Question.Kind, v.Answered, v.Draft)
	}
	if err := c.Render(context.Background(), &got); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("%s card, number %d, answered %v, draft %v, given %q:\n got %s\nwant %s",
			v.Question.Kind, v.Number, v.Answered, v.Draft, v.Given, got.String(), want.String())
	}
}

// TestOpenCardIsTheTemplatesCard checks that every kind of open card, in
// every state a student can see it, is written exactly as the template
// writes it.
func TestOpenCardIsTheTemplatesCard(t *testing.T) {
	kinds := []quizzes.Kind{quizzes.MultipleChoice, quizzes.MultipleResponse, quizzes.TrueFalse, quizzes.ShortAnswer,
		quizzes.Cloze, quizzes.Numerical, quizzes.Essay, quizzes.Description}
	prompts := []string{"Which river is longest?", "A **bold** <b>claim</b> & a \"quote\"", "Fill in: The ___ flows through Paris."}
	formats := []quizzes.TextFormat{quizzes.Plain, quizzes.Markdown, quizzes.HTML, quizzes.Moodle}
	for _, k := range kinds {
		for pi, prompt := range prompts {
			q := cardQuestion(k, int64(100+pi), prompt)
			q.Format = formats[pi%len(formats)]
			for _, st := range []struct {
				answered, draft bool
				given           string
				checked         map[int64]bool
			}{
				{},
				{answered: true, given: "Seine", checked: map[int64]bool{11: true, 21: true}},
				{answered: true, given: `<script>"a" & 'b'</script>`, checked: map[int64]bool{12: true, 13: true, 22: true}},
				{draft: true, given: "3.5", checked: map[int64]bool{13: true}},
				{answered: true, draft: true, given: "line one\nline two"},
			} {
				for _, n := range []int{1, 9, 12} {
					v := QuestionView{Number: n, Question: q, Answered: st.answered, Draft: st.draft}
					if k != quizzes.MultipleChoice && k != quizzes.MultipleResponse && k != quizzes.TrueFalse {
						v.Given = st.given
					}
					for _, c := range q.Choices {
						if k == quizzes.MultipleChoice || k == quizzes.MultipleResponse || k == quizzes.TrueFalse {
							v.Choices = append(v.Choices, ChoiceView{ID: c.ID, Text: c.Text, Correct: c.Correct, Checked: st.checked[c.ID]})
						}
					}
					checkSameCard(t, v)
				}
			}
		}
	}
}

// TestCardsThatShowMoreUseTheTemplate checks that a locked card, one with
// feedback or a problem, and a matching question are written by the
// template (the open card's writer knows none of them).
func TestCardsThatShowMoreUseTheTemplate(t *testing.T) {
	q := cardQuestion(quizzes.ShortAnswer, 1, "Name the river of Paris.")
	m := quizzes.Question{ID: 2, Kind: quizzes.Matching, Prompt: "Match.", Choices: []quizzes.Choice{{ID: 1, Text: "Paris", Match: "Seine"}}}
	for name, v := range map[string]QuestionView{
		"locked":   {Number: 1, Question: q, Locked: true, Answered: true},
		"feedback": {Number: 1, Question: q, ShowFeedback: true, Answered: true},
		"problem":  {Number: 1, Question: q, Error: "Type a number."},
		"matching": {Number: 2, Question: m, MatchLeft: []string{"Paris"}, MatchOptions: []string{"Seine"}},
	} {
		v.Static = NewQuestionStatic(v.Question)
		if _, ok := QuestionCard(&v).(*openCard); ok {
			t.Errorf("a %s card is written as an open card", name)
		}
	}
}

// FuzzOpenCardIsTheTemplatesCard checks any typed answer and prompt.
func FuzzOpenCardIsTheTemplatesCard(f *testing.F) {
	f.Add("Seine", "Which river?", 3, true, false)
	f.Add(`<b>"x"</b> & 'y'`, "A <i>prompt</i> & more", 12, false, true)
	f.Add("\x00\xff", "", 0, true, true)
	f.Fuzz(func(t *testing.T, given, prompt string, n int, answered, draft bool) {
		for _, k := range []quizzes.Kind{quizzes.ShortAnswer, quizzes.Essay, quizzes.Numerical} {
			q := cardQuestion(k, 7, prompt)
			q.Format = quizzes.Markdown
			checkSameCard(t, QuestionView{Number: n, Question: q, Answered: answered, Draft: draft, Given: given})
		}
	})
}
