package formats

import (
	"bytes"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// everyKind is a quiz with every kind of question and the parts each can
// carry, as the program holds them (weights left implicit where Normalize
// fills them).
func everyKind() []quizzes.Question {
	return []quizzes.Question{
		{Kind: quizzes.MultipleChoice, Title: "Capital", Prompt: "<p>Capital of <b>France</b>?</p>", Format: quizzes.HTML,
			Points: 2, Explanation: "Since 987.", Category: "Geography/Europe",
			Choices: []quizzes.Choice{{Text: "Paris", Correct: true, Feedback: "Yes."}, {Text: "Lyon", Weight: 0.25, Feedback: "Close."}, {Text: "Rome"}}},
		{Kind: quizzes.MultipleChoice, Prompt: "Moodle costs _____ to download.", Category: "Geography/Europe",
			Choices: []quizzes.Choice{{Text: "lots"}, {Text: "nothing", Correct: true}}},
		{Kind: quizzes.MultipleResponse, Prompt: "Who is in Grant's tomb?", Points: 3,
			Choices: []quizzes.Choice{{Text: "Grant", Correct: true}, {Text: "His wife", Correct: true}, {Text: "No one", Weight: -1, Feedback: "Wrong."}}},
		{Kind: quizzes.TrueFalse, Prompt: "The sun is a star.", Explanation: "A G-type one.",
			Choices: []quizzes.Choice{{Text: "True", Correct: true, Feedback: "Right."}, {Text: "False", Feedback: "It is."}}},
		{Kind: quizzes.TrueFalse, Prompt: "The sun rises in the west.", Choices: []quizzes.Choice{{Text: "True"}, {Text: "False", Correct: true}}},
		{Kind: quizzes.ShortAnswer, Title: "Tomb", Prompt: "Who is buried in Grant's tomb?", Format: quizzes.Markdown,
			Choices: []quizzes.Choice{{Text: "Grant", Correct: true}, {Text: "Ulysses", Correct: true, Weight: 0.5, Feedback: "Half."}, {Text: "U*Grant", Correct: true}}},
		{Kind: quizzes.Cloze, Prompt: "Two plus _____ equals four.", Choices: []quizzes.Choice{{Text: "two", Correct: true}, {Text: "2", Correct: true}}},
		{Kind: quizzes.Numerical, Prompt: "Pi to two places?", Choices: []quizzes.Choice{{Text: "3.14", Correct: true, Tolerance: 0.005}}},
		{Kind: quizzes.Numerical, Prompt: "When was Grant born?", Explanation: "1822.",
			Choices: []quizzes.Choice{{Text: "1822", Correct: true, Feedback: "Yes."}, {Text: "1822", Weight: 0.5, Correct: true, Tolerance: 2}, {Text: "*", Feedback: "No."}}},
		{Kind: quizzes.Matching, Prompt: "Match the capitals.", Explanation: "Geography.",
			Choices: []quizzes.Choice{{Text: "Canada", Match: "Ottawa"}, {Text: "Italy", Match: "Rome"}, {Match: "Sydney"}}},
		{Kind: quizzes.Essay, Prompt: "Write a story.", Points: 10, Explanation: "Beginning, middle, end."},
		{Kind: quizzes.Description, Prompt: "That is all.\nThank you.", Category: " Spaced out "},
		{Kind: quizzes.MultipleChoice, Title: "Odd: {text}", Prompt: "Which of ~ = # { } : \\ and // is [html] a tilde?",
			Choices: []quizzes.Choice{{Text: "~", Correct: true, Feedback: "#1"}, {Text: "%50% off"}, {Text: "[plain] x"}, {Text: "a -> b"}}},
	}
}

func TestWriteReadsBack(t *testing.T) {
	t.Parallel()
	aikenKeeps := map[int]bool{0: true, 1: true, 12: true}
	for _, f := range Formats {
		t.Run(f.Label()+" gives back every question it holds", func(t *testing.T) {
			t.Parallel()
			qs := everyKind()
			var buf bytes.Buffer
			skipped, err := Write(f, &buf, qs)
			if err != nil {
				t.Fatal(err)
			}
			for i := range qs {
				want := f != Aiken || aikenKeeps[i]
				if got := !isSkipped(skipped, i); got != want {
					t.Errorf("question %d written: %v, want %v (skipped: %q)", i+1, got, want, skipped)
				}
			}
			checkRewrite(t, f, qs, false)
		})
	}
}

func TestWriteSkips(t *testing.T) {
	t.Parallel()
	qs := everyKind()
	cases := []struct {
		name   string
		format Format
		q      quizzes.Question
		reason string
	}{
		{"Aiken leaves out other kinds", Aiken, qs[3], `Aiken holds only single-answer multiple choice, and this question is of kind "True or false"`},
		{"Aiken leaves out HTML that is only markup", Aiken, quizzes.Question{Kind: quizzes.MultipleChoice, Prompt: "<img src=x>",
			Format: quizzes.HTML, Choices: mcChoices(0, "x", "y")}, "Aiken needs a question text of two characters or more"},
		{"Aiken leaves out texts of two lines", Aiken, quizzes.Question{Kind: quizzes.MultipleChoice, Prompt: "a\nb",
			Choices: mcChoices(0, "x", "y")}, "Aiken holds a question text of one line only"},
		{"Aiken leaves out a text that reads as a choice", Aiken, quizzes.Question{Kind: quizzes.MultipleChoice, Prompt: "A) question",
			Choices: mcChoices(0, "x", "y")}, "Aiken cannot hold it"},
		{"an invalid question is left out", GIFT, quizzes.Question{Kind: quizzes.MultipleChoice, Prompt: "Q?"},
			"it is not a usable question: a multiple-choice question needs at least two choices"},
		{"GIFT leaves out a left-hand item with ->", GIFT, quizzes.Question{Kind: quizzes.Matching, Prompt: "Q?",
			Choices: []quizzes.Choice{{Text: "a->b", Match: "1"}, {Text: "c", Match: "2"}}}, "GIFT cannot hold it"},
		{"GIFT leaves out weights Moodle refuses", GIFT, quizzes.Question{Kind: quizzes.MultipleResponse, Prompt: "Q?",
			Choices: []quizzes.Choice{{Text: "a", Correct: true, Weight: 0.5}, {Text: "b"}}}, "add up to 50%"},
		{"XML leaves out control characters", MoodleXML, quizzes.Question{Kind: quizzes.Essay, Prompt: "Q\x01?"}, "control character U+0001"},
		{"CSV leaves out answers with partial credit only", CSV, quizzes.Question{Kind: quizzes.ShortAnswer, Prompt: "Q?",
			Choices: []quizzes.Choice{{Text: "a", Correct: true, Weight: 0.5}}}, "CSV holds only answers that earn full marks"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			skipped, err := Write(tc.format, &buf, []quizzes.Question{tc.q})
			if err != nil {
				t.Fatal(err)
			}
			if len(skipped) != 1 || !strings.Contains(skipped[0], tc.reason) || !strings.HasPrefix(skipped[0], "question 1 (") {
				t.Errorf("got skipped %q, want one containing %q", skipped, tc.reason)
			}
		})
	}
}

func TestWriteAikenTurnsHTMLIntoText(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if _, err := Write(Aiken, &buf, everyKind()[:1]); err != nil {
		t.Fatal(err)
	}
	want := "Capital of France?\nA) Paris\nB) Lyon\nC) Rome\nANSWER: A\n"
	if got := buf.String(); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestWriteGIFTNamesWhatItLeftOut(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := WriteGIFT(&buf, []quizzes.Question{everyKind()[0], {Kind: quizzes.Essay}})
	if err == nil || !strings.Contains(err.Error(), "question 2") {
		t.Fatalf("got %v, want an error naming question 2", err)
	}
	if qs, err := ParseGIFT(buf.Bytes()); err != nil || len(qs) != 1 {
		t.Errorf("got %d questions, %v; want the one written", len(qs), err)
	}
}

func TestSameQuestionTellsChangesApart(t *testing.T) {
	t.Parallel()
	a := everyKind()[0]
	changes := map[string]func(*quizzes.Question){
		"prompt":          func(q *quizzes.Question) { q.Prompt += "!" },
		"key":             func(q *quizzes.Question) { q.Choices[0].Correct, q.Choices[2].Correct = false, true },
		"partial weight":  func(q *quizzes.Question) { q.Choices[1].Weight = 0.5 },
		"choice feedback": func(q *quizzes.Question) { q.Choices[0].Feedback = "" },
		"kind":            func(q *quizzes.Question) { q.Kind = quizzes.MultipleResponse },
	}
	for name, change := range changes {
		b := a
		b.Choices = append([]quizzes.Choice(nil), a.Choices...)
		change(&b)
		for _, f := range []Format{GIFT, MoodleXML, JSON} {
			if SameQuestion(f, a, b) {
				t.Errorf("%s: a change of %s goes unseen", f, name)
			}
		}
	}
}
