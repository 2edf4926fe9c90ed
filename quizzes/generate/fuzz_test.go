package generate

import (
	"strings"
	"testing"
	"unicode/utf8"

	"quiztrainer/quizzes"
)

// checkQuestion checks what every generated question must be: evidence
// that quotes the input exactly, a valid question, a score in 0..1, one
// key among distinct choices.
func checkQuestion(t *testing.T, text string, q quizzes.Question) {
	t.Helper()
	ev := q.Evidence
	if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End {
		t.Fatalf("evidence [%d:%d] outside the input of %d bytes", ev.Start, ev.End, len(text))
	}
	if ev.Text != text[ev.Start:ev.End] {
		t.Fatalf("got evidence text %q, want %q", ev.Text, text[ev.Start:ev.End])
	}
	if err := q.Validate(); err != nil {
		t.Fatalf("question %q: %v", q.Prompt, err)
	}
	if q.Score < 0 || q.Score > 1 {
		t.Fatalf("got score %v, want 0..1", q.Score)
	}
	switch q.Kind {
	case quizzes.MultipleChoice:
		seen := map[string]bool{}
		keys := 0
		for _, c := range q.Choices {
			if seen[strings.ToLower(c.Text)] {
				t.Fatalf("question %q repeats the choice %q", q.Prompt, c.Text)
			}
			seen[strings.ToLower(c.Text)] = true
			if c.Correct {
				keys++
			}
		}
		if keys != 1 || len(q.Choices) != 4 {
			t.Fatalf("question %q has %d keys among %d choices, want 1 among 4", q.Prompt, keys, len(q.Choices))
		}
	case quizzes.Cloze:
		if !strings.Contains(q.Prompt, quizzes.Blank) {
			t.Fatalf("cloze %q has no blank", q.Prompt)
		}
	case quizzes.TrueFalse:
		if len(q.Choices) != 2 || q.Choices[0].Text != "True" || q.Choices[1].Text != "False" {
			t.Fatalf("true/false %q has choices %v", q.Prompt, q.Choices)
		}
	}
}

func FuzzGenerate(f *testing.F) {
	f.Add("")
	f.Add("Hello.")
	f.Add("“Quoted,” he said. ‘Single’ — dash… end")
	f.Add("A. B. C. D.\n\n\n?!")
	f.Add("In 1848, gold was discovered in California by James W. Marshall, a carpenter.")
	f.Add("According to the U.S. Census Bureau, the city had 8,336,817 residents in 2019; it grew.")
	f.Add("\xff\xfe invalid bytes \x80 here.")
	f.Add(`"""` + "\u00a0\u00ad\u200b\ufeff")
	f.Add("Professor Jane Doe, an economist at Leeds University, predicted a sharp fall in prices, Doe said.")
	f.Add("The park was created\nby Congress in 1872, when it\nreserved the Yellowstone country.\r\n\r\nIt was the first.")
	b := sampleArticle(f)
	f.Add(b[:len(b)/3])
	g, err := NewEngine(Tree)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			// the generator accepts any bytes; invalid ones are read as spaces
			text = string([]rune(text))
		}
		for _, q := range g.Generate(text) {
			checkQuestion(t, text, q)
		}
		for _, q := range g.Draft(text, DraftQuestions) {
			checkQuestion(t, text, q)
		}
	})
}
