package formats

import (
	"testing"

	"quiztrainer/quizzes"
)

func mcChoices(right int, texts ...string) []quizzes.Choice {
	out := make([]quizzes.Choice, len(texts))
	for i, t := range texts {
		out[i] = quizzes.Choice{Text: t}
		if i == right {
			out[i].Correct, out[i].Weight = true, 1
		}
	}
	return out
}

func TestParseAikenFixture(t *testing.T) {
	t.Parallel()
	want := []quizzes.Question{
		{Kind: quizzes.MultipleChoice, Prompt: "Is this an Aiken question?", Choices: mcChoices(0, "Yes", "No")},
		{Kind: quizzes.MultipleChoice, Prompt: "Which LMS has the most users?",
			Choices: mcChoices(0, "Moodle", "ATutor", "Claroline", "Blackboard", "WebCT", "Ilias")},
		{Kind: quizzes.MultipleChoice, Prompt: "What does <b> & </b> do in HTML?",
			Choices: mcChoices(0, "Makes text bold", "Makes text blue", "Nothing at all")},
	}
	got, err := ParseAiken(readFixture(t, "sample.aiken.txt"))
	if err != nil {
		t.Fatal(err)
	}
	checkQuestions(t, got, want)
}

func TestParseAikenErrors(t *testing.T) {
	t.Parallel()
	runErrorCases(t, ParseAiken, []errorCase{
		{"a choice before any question", "A) x\n\nQ?\nA) a\nB) b\nANSWER: A", []LineError{{1, "a choice line comes before any question"}}},
		{"an answer before any question", "ANSWER: A", []LineError{{1, "an ANSWER line comes before any question"}}},
		{"one choice only", "Q?\nA) a\nANSWER: A", []LineError{{3, "the question has 1 choice(s) before its ANSWER line"}}},
		{"a new question before the answer", "Q1\nA) a\nB) b\nQ2\nA) x\nB) y\nANSWER: A",
			[]LineError{{1, "no ANSWER line before the next question starts at line 4"}}},
		{"an answer naming no choice", "Q?\nA) a\nB) b\nANSWER: C", []LineError{{4, "ANSWER: C names no choice: the question has choices A to B"}}},
		{"a lower-case answer", "Q?\nA) a\nB) b\nANSWER: a", []LineError{{4, "the capital letter of one choice"}}},
		{"two letters", "Q?\nA) a\nB) b\nANSWER: A, B", []LineError{{4, "the capital letter of one choice"}}},
		{"no answer at the end", "Q?\nA) a\nB) b\n", []LineError{{1, "the question has no ANSWER line"}}},
		{"an empty choice", "Q?\nA)\nB) b\nANSWER: B", []LineError{{2, "choice A has no text"}}},
		{"every error, in line order", "ANSWER: A\nQ?\nA) a\nANSWER: A\nQ2\nA) a\nB) b\nANSWER: Q",
			[]LineError{{1, "before any question"}, {4, "1 choice(s)"}, {8, "names no choice"}}},
		{"not UTF-8", "Q?\nA) caf\xe9\nB) b\nANSWER: A", []LineError{{2, "not UTF-8"}}},
	})
}

func FuzzParseAiken(f *testing.F) {
	f.Add(readFixture(f, "sample.aiken.txt"))
	for _, s := range []string{"Q?\nA) a\nB) b\nANSWER: A", "Q\rA. a\rB. b\rANSWER: B", "A) x", "ANSWER:", "Q?\nA)\nANSWER: A"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ParseAiken(data)
		if err != nil {
			return
		}
		checkParsed(t, qs)
		checkRewrite(t, Aiken, qs, true)
		checkRewrite(t, JSON, qs, true)
		checkRewrite(t, MoodleXML, qs, false)
		checkRewrite(t, GIFT, qs, false)
	})
}
