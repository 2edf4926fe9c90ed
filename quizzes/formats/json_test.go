package formats

import (
	"testing"

	"quiztrainer/quizzes"
)

func TestParseJSONFixture(t *testing.T) {
	t.Parallel()
	want := []quizzes.Question{
		{Kind: quizzes.MultipleChoice, Prompt: "Who is buried in Grant's tomb?",
			Choices:  []quizzes.Choice{{Text: "Grant", Correct: true, Feedback: "Yes."}, {Text: "No one"}},
			Evidence: quizzes.Evidence{Start: 0, End: 5, Text: "Grant"}, Template: "who.buried", Score: 0.9},
		{Kind: quizzes.ShortAnswer, Prompt: "Who?", Points: 2, Explanation: "He is.", Category: "History",
			Choices: []quizzes.Choice{{Text: "Grant", Correct: true}, {Text: "Ulysses S. Grant", Correct: true}}},
		{Kind: quizzes.Numerical, Prompt: "Born?", Choices: []quizzes.Choice{{Text: "1822", Correct: true, Tolerance: 1}}},
		{Kind: quizzes.Matching, Title: "Pairs", Prompt: "Match.", Format: quizzes.HTML,
			Choices: []quizzes.Choice{{Text: "a", Match: "1"}, {Text: "b", Match: "2"}, {Match: "3"}}},
	}
	got, err := ParseJSON(readFixture(t, "sample.json"))
	if err != nil {
		t.Fatal(err)
	}
	checkQuestions(t, got, want)

	t.Run("the set's title is read", func(t *testing.T) {
		title, qs, err := ParseJSONSet(readFixture(t, "sample.json"))
		if title != "Grant's tomb" || len(qs) != len(want) || err != nil {
			t.Errorf("got %q, %d questions, %v; want \"Grant's tomb\" and %d", title, len(qs), err, len(want))
		}
	})
	t.Run("a top-level array reads the same", func(t *testing.T) {
		qs, err := ParseJSON([]byte(`[{"kind":"true_false","prompt":"Q?","choices":[{"text":"True","correct":true},{"text":"False"}]}]`))
		if err != nil || len(qs) != 1 || qs[0].Kind != quizzes.TrueFalse {
			t.Fatalf("got %+v, %v", qs, err)
		}
	})
}

func TestParseJSONErrors(t *testing.T) {
	t.Parallel()
	runErrorCases(t, ParseJSON, []errorCase{
		{"an unknown field", "[\n{\"kind\":\"essay\",\"promt\":\"Q?\"}\n]", []LineError{{2, `question 1: unknown field "promt"`}}},
		{"a field of the wrong type", "[\n{\"kind\":\"essay\",\"prompt\":\"Q?\",\n\"points\":\"two\"}]", []LineError{{3, `"points" must be a JSON number, not string`}}},
		{"malformed JSON", "[\n{\"kind\":\"essay\",\n\"prompt\":\"Q?\",}]", []LineError{{3, "the JSON is malformed"}}},
		{"a file ending too early", "[\n{\"kind\":\"essay\"", []LineError{{2, "the JSON ends too early"}}},
		{"a string, not a set", `"questions"`, []LineError{{1, "a JSON question file is an array of questions"}}},
		{"an unknown top-level field", `{"name":"x","questions":[]}`, []LineError{{1, `unknown field "name"`}}},
		{"questions that are not an array", `{"questions":{}}`, []LineError{{1, `"questions" must be an array`}}},
		{"an invalid question", "[\n{\"kind\":\"essay\",\"prompt\":\"Q?\"},\n{\"kind\":\"multiple_choice\",\"prompt\":\"Q?\",\"choices\":[{\"text\":\"a\"},{\"text\":\"b\"}]}]",
			[]LineError{{3, "question 2: a multiple-choice question needs exactly one correct choice, it has 0"}}},
		{"an unknown kind", `[{"kind":"poll","prompt":"Q?"}]`, []LineError{{1, `unknown question kind "poll"`}}},
		{"a weight out of range", `[{"kind":"short_answer","prompt":"Q?","choices":[{"text":"a","correct":true,"weight":2}]}]`, []LineError{{1, "the weight must be between -1 and 1"}}},
		{"text after the set", "[]\n[]", []LineError{{2, "text follows the end of the question set"}}},
		{"a stray bracket after the set", "[]\n]", []LineError{{2, "text follows the end of the question set"}}},
		{"not UTF-8", "[\n\"\xff\"]", []LineError{{2, "not UTF-8"}}},
	})
}

func FuzzParseJSON(f *testing.F) {
	f.Add(readFixture(f, "sample.json"))
	for _, s := range []string{"[]", `{"questions":[]}`, `[{"kind":"essay","prompt":"Q?"}]`,
		`[{"kind":"cloze","prompt":"A _____ b","answers":["x"]}]`, `[{"kind":"numerical","prompt":"Q","answers":["3,5"]}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ParseJSON(data)
		if err != nil {
			return
		}
		checkParsed(t, qs)
		checkRewrite(t, JSON, qs, true)
		checkRewrite(t, GIFT, qs, false)
		checkRewrite(t, MoodleXML, qs, false)
	})
}
