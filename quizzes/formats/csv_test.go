package formats

import (
	"testing"

	"quiztrainer/quizzes"
)

func TestParseCSVFixture(t *testing.T) {
	t.Parallel()
	right := func(texts ...string) []quizzes.Choice {
		var out []quizzes.Choice
		for _, s := range texts {
			out = append(out, quizzes.Choice{Text: s, Correct: true, Weight: 1})
		}
		return out
	}
	want := []quizzes.Question{
		{Kind: quizzes.MultipleChoice, Title: "Capital", Prompt: "What is the capital of France?", Points: 2,
			Explanation: "Paris since 987.", Category: "Geography", Choices: mcChoices(1, "London", "Paris", "Lyon")},
		{Kind: quizzes.MultipleResponse, Prompt: "Which are primes?", Category: "Geography",
			Choices: []quizzes.Choice{{Text: "2", Correct: true, Weight: 0.5}, {Text: "4"}, {Text: "5", Correct: true, Weight: 0.5}}},
		{Kind: quizzes.TrueFalse, Prompt: "The sun rises in the west.", Category: "Geography", Choices: trueFalseChoices(false, "", "")},
		{Kind: quizzes.ShortAnswer, Prompt: `Who is buried in "Grant's" tomb?`, Choices: right("Grant", "Ulysses S. Grant")},
		{Kind: quizzes.Cloze, Prompt: "Two plus _____ is four.", Choices: right("two")},
		{Kind: quizzes.Numerical, Prompt: "When was Grant born?", Choices: []quizzes.Choice{
			{Text: "1822", Correct: true, Weight: 1, Tolerance: 0.5}, {Text: "1822", Correct: true, Weight: 1, Tolerance: 2}}},
		{Kind: quizzes.Matching, Prompt: "Match countries and capitals.", Choices: []quizzes.Choice{
			{Text: "Canada", Match: "Ottawa"}, {Text: "Italy", Match: "Rome"}, {Match: "Sydney"}}},
		{Kind: quizzes.Essay, Prompt: "<p>Write a story.</p>", Format: quizzes.HTML, Points: 10},
		{Kind: quizzes.Description, Prompt: "That is all."},
		{Kind: quizzes.ShortAnswer, Prompt: "Capital of Italy?", Choices: right("Rome")},
	}
	got, err := ParseCSV(readFixture(t, "sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	checkQuestions(t, got, want)
}

func TestParseCSVSeparators(t *testing.T) {
	t.Parallel()
	for name, in := range map[string]string{
		"semicolons, as a decimal-comma spreadsheet saves": "Prompt;Choice1;Choice2;Answer;Points\nQ?;a;b;B;1,5\n",
		"tabs":                   "prompt\tchoice1\tchoice2\tanswer\tpoints\nQ?\ta\tb\tB\t1.5\n",
		"a byte-order mark":      "\xef\xbb\xbfprompt,choice1,choice2,answer,points\nQ?,a,b,B,1.5\n",
		"Windows line ends":      "prompt,choice1,choice2,answer,points\r\nQ?,a,b,B,1.5\r\n",
		"short rows are allowed": "prompt,answer,points,explanation\nQ?,x,1.5\n",
	} {
		t.Run(name, func(t *testing.T) {
			qs, err := ParseCSV([]byte(in))
			if err != nil || len(qs) != 1 || qs[0].Points != 1.5 || len(qs[0].Keys()) != 1 {
				t.Fatalf("got %+v, %v; want one question of 1.5 points with a key", qs, err)
			}
		})
	}
}

func TestParseCSVDecimalCommas(t *testing.T) {
	t.Parallel()
	qs, err := ParseCSV([]byte("kind;prompt;answer;choice1\nnumerical;Q?;3,5:0,1;1,5..2,5\n"))
	if err != nil {
		t.Fatal(err)
	}
	checkChoices(t, 0, qs[0].Choices, []quizzes.Choice{
		{Text: "3.5", Correct: true, Weight: 1, Tolerance: 0.1}, {Text: "2", Correct: true, Weight: 1, Tolerance: 0.5}})
}

func TestParseCSVErrors(t *testing.T) {
	t.Parallel()
	runErrorCases(t, ParseCSV, []errorCase{
		{"no prompt column", "kind,answer\nshort_answer,x", []LineError{{1, `the header row has no "prompt" column`}}},
		{"an unknown column", "prompt,promt\nQ?,x", []LineError{{1, `unknown column "promt"`}}},
		{"a choice column twice", "prompt,choice1,Choice 1\nQ?,x,y", []LineError{{1, `is not choice1, choice2, ... (each once)`}}},
		{"an answer naming no choice", "prompt,choice1,choice2,answer\nQ?,a,b,C", []LineError{{2, `the answer "C" must name the right choice(s)`}}},
		{"an unknown kind", "kind,prompt,answer\nopen,Q?,x", []LineError{{2, `unknown kind "open"`}}},
		{"a true/false answer of other text", "kind,prompt,answer\ntrue_false,Q?,yes", []LineError{{2, `true or false, not "yes"`}}},
		{"a number that is not one", "kind,prompt,answer\nnumerical,Q?,ten", []LineError{{2, `"ten" is not a number`}}},
		{"a pair without arrow", "kind,prompt,choice1,choice2\nmatching,Q?,a -> 1,b", []LineError{{2, "matching pair 2 must be written left -> right"}}},
		{"an essay with an answer", "kind,prompt,answer\nessay,Q?,x", []LineError{{2, "Essay questions take no answer column"}}},
		{"points that are not a number", "prompt,answer,points\nQ?,x,two", []LineError{{2, `points "two" is not a number`}}},
		{"too many cells", "prompt,answer\nQ?,x,extra", []LineError{{2, "the row has 3 cells but the header names 2 columns"}}},
		{"errors after a row of several lines", "prompt,answer\n\"Q\non two lines\",\n,x\nQ3?,y",
			[]LineError{{2, "a short answer question needs at least one accepted answer"}, {4, "the question has no text"}}},
		{"a quote never closed", "prompt,answer\nQ?,x\n\"Q,y\n", []LineError{{3, "the CSV is malformed"}}},
		{"not UTF-8", "prompt,answer\nQ?,caf\xe9", []LineError{{2, "not UTF-8"}}},
	})
}

func FuzzParseCSV(f *testing.F) {
	f.Add(readFixture(f, "sample.csv"))
	for _, s := range []string{"prompt,answer\nQ?,x", "prompt;choice1;choice2;answer\nQ;a;b;A", "kind,prompt,choice1,choice2\nmatching,Q,a->1,b->2",
		"prompt,answer\n\"a\"\"b\",c", "kind,prompt,answer\nnumerical,Q,1..5"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ParseCSV(data)
		if err != nil {
			return
		}
		checkParsed(t, qs)
		checkRewrite(t, CSV, qs, true)
		checkRewrite(t, JSON, qs, true)
		checkRewrite(t, MoodleXML, qs, false)
		checkRewrite(t, GIFT, qs, false)
	})
}
