package formats

import (
	"bytes"
	"testing"

	"quiztrainer/quizzes"
)

func TestParseGIFTFixture(t *testing.T) {
	t.Parallel()
	const geo, num = "$course$/top/Geography", "$course$/top/Numbers"
	want := []quizzes.Question{
		{Kind: quizzes.MultipleChoice, Title: "Capital of France", Prompt: "What is the capital of France?", Category: geo,
			Explanation: "Paris has been the capital since 987.",
			Choices: []quizzes.Choice{
				{Text: "Paris", Correct: true, Weight: 1, Feedback: "Right, Paris."},
				{Text: "London", Feedback: "No, that is England's."},
				{Text: "Lyon", Weight: 0.5, Feedback: "Half: a big city, not the capital."},
			}},
		{Kind: quizzes.MultipleChoice, Title: "Missing word", Prompt: "Moodle costs _____ to download from moodle.org.", Category: geo,
			Choices: []quizzes.Choice{{Text: "lots of money"}, {Text: "nothing", Correct: true, Weight: 1}, {Text: "a small amount"}}},
		{Kind: quizzes.MultipleResponse, Title: "Multiple response", Prompt: "What two people are entombed in Grant's tomb?", Category: geo,
			Choices: []quizzes.Choice{
				{Text: "No one", Weight: -1}, {Text: "Grant", Correct: true, Weight: 0.5},
				{Text: "Grant's wife", Correct: true, Weight: 0.5}, {Text: "Grant's father", Weight: -1},
			}},
		{Kind: quizzes.TrueFalse, Title: "TF", Prompt: "Grant was buried in a tomb in New York City.", Category: geo,
			Explanation: "Riverside Park.",
			Choices: []quizzes.Choice{
				{Text: "True", Correct: true, Weight: 1, Feedback: "Yes, in Manhattan."},
				{Text: "False", Feedback: "No, he was."},
			}},
		{Kind: quizzes.TrueFalse, Prompt: "The sun rises in the west.", Category: geo,
			Choices: []quizzes.Choice{{Text: "True"}, {Text: "False", Correct: true, Weight: 1}}},
		{Kind: quizzes.ShortAnswer, Title: "Short", Prompt: "Who's buried in Grant's tomb?", Category: geo,
			Choices: []quizzes.Choice{
				{Text: "Grant", Correct: true, Weight: 1},
				{Text: "Ulysses S. Grant", Correct: true, Weight: 1, Feedback: "The full name."},
				{Text: "Ulysses", Correct: true, Weight: 0.5, Feedback: "Half marks."},
				{Text: "*", Feedback: "Any other answer."},
			}},
		{Kind: quizzes.ShortAnswer, Title: "Wildcard", Prompt: "Name a primary colour.", Category: geo,
			Choices: []quizzes.Choice{{Text: "r*d", Correct: true, Weight: 1}, {Text: "blue", Correct: true, Weight: 1}, {Text: "yellow", Correct: true, Weight: 1}}},
		{Kind: quizzes.Cloze, Prompt: "Two plus _____ equals four.", Category: geo,
			Choices: []quizzes.Choice{{Text: "two", Correct: true, Weight: 1}, {Text: "2", Correct: true, Weight: 1}}},
		{Kind: quizzes.Numerical, Title: "Num tolerance", Prompt: "When was Ulysses S. Grant born?", Category: num,
			Choices: []quizzes.Choice{{Text: "1822", Correct: true, Weight: 1, Tolerance: 5}}},
		{Kind: quizzes.Numerical, Title: "Num range", Prompt: "What is a number from 1 to 5?", Category: num,
			Choices: []quizzes.Choice{{Text: "3", Correct: true, Weight: 1, Tolerance: 2}}},
		{Kind: quizzes.Numerical, Title: "Num several", Prompt: "When was Ulysses S. Grant born?", Category: num,
			Choices: []quizzes.Choice{
				{Text: "1822", Correct: true, Weight: 1, Feedback: "Correct! Full credit."},
				{Text: "1822", Correct: true, Weight: 0.5, Tolerance: 2, Feedback: "He was born in 1822. Half credit for being close."},
				{Text: "*", Feedback: "Wrong: 1822."},
			}},
		{Kind: quizzes.Matching, Title: "Matching", Prompt: "Match the countries with their capitals.", Category: num,
			Choices: []quizzes.Choice{
				{Text: "Canada", Match: "Ottawa"}, {Text: "Italy", Match: "Rome"}, {Text: "Japan", Match: "Tokyo"}, {Match: "Sydney"},
			}},
		{Kind: quizzes.Essay, Title: "Essay", Prompt: "Write a **short** story about a dog.", Format: quizzes.Markdown, Category: num,
			Explanation: "A good story has a beginning, a middle and an end."},
		{Kind: quizzes.Description, Title: "Intro", Prompt: "<p>The next questions are about <b>escapes</b>.</p>", Format: quizzes.HTML, Category: num},
		{Kind: quizzes.MultipleChoice, Title: "Escapes: all of them", Prompt: "Which of ~ = # { } : \\ is a tilde?\nPick one.", Category: num,
			Choices: []quizzes.Choice{
				{Text: "~", Correct: true, Weight: 1, Feedback: `Right: \~ gives ~.`}, {Text: "="}, {Text: "# { }"},
			}},
		{Kind: quizzes.TrueFalse, Prompt: "Plain text with a marker.", Format: quizzes.Moodle, Category: num,
			Choices: []quizzes.Choice{{Text: "True", Correct: true, Weight: 1}, {Text: "False"}}},
		{Kind: quizzes.TrueFalse, Prompt: "[html] is shown as text.", Category: num,
			Choices: []quizzes.Choice{{Text: "True"}, {Text: "False", Correct: true, Weight: 1}}},
		{Kind: quizzes.ShortAnswer, Prompt: "[unknown] stays in the text.", Category: num,
			Choices: []quizzes.Choice{{Text: "yes", Correct: true, Weight: 1}}},
		{Kind: quizzes.ShortAnswer, Title: "Multiline", Prompt: "This question\nspans two lines.", Category: num,
			Choices: []quizzes.Choice{{Text: "yes", Correct: true, Weight: 1}}},
		{Kind: quizzes.MultipleChoice, Title: "Comment inside", Prompt: "Pick the even number.", Category: num,
			Choices: []quizzes.Choice{{Text: "2", Correct: true, Weight: 1}, {Text: "3"}}},
	}
	got, err := ParseGIFT(readFixture(t, "all.gift"))
	if err != nil {
		t.Fatal(err)
	}
	checkQuestions(t, got, want)
}

func TestParseGIFTEncoding(t *testing.T) {
	t.Parallel()
	t.Run("a byte-order mark is skipped", func(t *testing.T) {
		qs, err := ParseGIFT([]byte("\xef\xbb\xbf::T::Q? {=a ~b}"))
		if err != nil || len(qs) != 1 || qs[0].Title != "T" {
			t.Fatalf("got %+v, %v; want one question titled T", qs, err)
		}
	})
	t.Run("Windows line ends read as lines", func(t *testing.T) {
		qs, err := ParseGIFT([]byte("Q1 {=a ~b}\r\n\r\nQ2\r\n{T}\r\n"))
		if err != nil || len(qs) != 2 || qs[1].Prompt != "Q2" {
			t.Fatalf("got %+v, %v; want two questions", qs, err)
		}
	})
	t.Run("an empty file holds no question and no error", func(t *testing.T) {
		qs, err := ParseGIFT([]byte("// only a comment\n\n"))
		if err != nil || len(qs) != 0 {
			t.Fatalf("got %+v, %v", qs, err)
		}
	})
	t.Run("a category followed at once by a question switches and reads it", func(t *testing.T) {
		qs, err := ParseGIFT([]byte("$CATEGORY: a/b\nQ? {T}"))
		if err != nil || len(qs) != 1 || qs[0].Category != "a/b" || qs[0].Prompt != "Q?" {
			t.Fatalf("got %+v, %v", qs, err)
		}
	})
}

func TestParseGIFTErrors(t *testing.T) {
	t.Parallel()
	runErrorCases(t, ParseGIFT, []errorCase{
		{"a block never closed", "Q1 {=a ~b}\n\nQ2 is\nlong {=a\n~b", []LineError{{4, "the answer block opened with { is never closed"}}},
		{"a closing brace with no block", "Q1 } {=a}", []LineError{{1, "} closes an answer block that was never opened"}}},
		{"two questions without a blank line", "Q1 {=a ~b}\nQ2 {T}", []LineError{{2, "a second answer block"}}},
		{"a brace inside a block", "Q {=a {b}", []LineError{{1, "{ inside an answer block"}}},
		{"a title never closed", "\n::Title Q {=a ~b}", []LineError{{2, "the title opened with :: is never closed"}}},
		{"one answer only", "Q {~a}", []LineError{{1, "needs at least two answers"}}},
		{"two answers marked right", "Q {=a =b ~c}", []LineError{{1, "only one answer of a multiple-choice block may be marked ="}}},
		{"no right answer", "Q {~a ~b}", []LineError{{1, "no answer is right"}}},
		{"weights not adding up", "Q {~%50%a ~%20%b ~c}", []LineError{{1, "add up to 70%, not 100%"}}},
		{"a weight out of range", "Q {=a ~%150%b}", []LineError{{1, "the weight %150% is outside -100..100"}}},
		{"an empty answer", "Q {\n=a\n~\n}", []LineError{{3, "answer 2 of the block is empty"}}},
		{"true/false with three feedbacks", "Q {T#a#b#c}", []LineError{{1, "at most two feedbacks"}}},
		{"a number that is not one", "Q {#abc}", []LineError{{1, `the numerical answer "abc" is not a number`}}},
		{"a range upside down", "Q {#5..1}", []LineError{{1, "minimum above its maximum"}}},
		{"a negative tolerance", "Q {#5:-1}", []LineError{{1, "tolerance"}}},
		{"a numerical block without number", "Q {#}", []LineError{{1, "a numerical block needs a number"}}},
		{"text after ~ in a numerical block", "Q {#3 ~oops}", []LineError{{1, "after ~ a numerical block takes only #feedback"}}},
		{"a matching pair without arrow", "Q {\n=a -> 1\n=b\n=c -> 3}", []LineError{{3, "matching pair 2 has no ->"}}},
		{"a matching pair without right side", "Q {=a -> 1 =b -> }", []LineError{{1, "matching pair 2 has nothing after ->"}}},
		{"one matching pair", "Q {=a -> 1}", []LineError{{1, "a matching question needs at least two pairs"}}},
		{"no question text", "::T::{=a ~b}", []LineError{{1, "the question has no text"}}},
		{"a title with nothing else", "::T::", []LineError{{1, "the question has no text"}}},
		{"every error of the file, in line order", "Q1 {=a ~b}\n\nQ2 {~a}\n\n\nQ3 {=x\n\nQ4 }",
			[]LineError{{3, "at least two answers"}, {6, "never closed"}, {8, "never opened"}}},
		{"not UTF-8", "Q1 {=a ~b}\n\nQ2 caf\xe9 {T}", []LineError{{3, "not UTF-8 text (byte 0xE9 at column 7)"}}},
	})
}

func TestParseGIFTErrorText(t *testing.T) {
	t.Parallel()
	_, err := ParseGIFT([]byte("\n\n\n\n\n\n\n\n\n\n\nQ12 {=a"))
	if got, want := err.Error(), "line 12: the answer block opened with { is never closed with }"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzParseGIFT(f *testing.F) {
	f.Add(readFixture(f, "all.gift"))
	for _, s := range []string{"Q {=a ~b}", "Q {#1..5}", "Q {T#a#b}", "Q {=a -> b =c -> d}", "::T:: {}",
		"a {=b} c", "[html]x", "Q {#=%50%3:1 ~#x}", "\\{ \\} \\\\ \\n", "Q {~%50%a ~%50%b}", "Q {=a####g}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ParseGIFT(data)
		if err != nil {
			return
		}
		checkParsed(t, qs)
		checkRewrite(t, GIFT, qs, true)
		checkRewrite(t, JSON, qs, true)
		checkRewrite(t, MoodleXML, qs, false)
	})
}

// BenchmarkParseGIFT parses about 2,000 questions (the fixture 100 times).
func BenchmarkParseGIFT(b *testing.B) {
	one := readFixture(b, "all.gift")
	data := bytes.Repeat(append(one, "\n\n"...), 100)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseGIFT(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestGIFTRangesReadAsDecimals(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]quizzes.Choice{
		"{#3.141..3.142}": {Text: "3.1415", Tolerance: 0.0005},
		"{#1..5}":         {Text: "3", Tolerance: 2},
		"{#-5..-1.5}":     {Text: "-3.25", Tolerance: 1.75},
		"{#0.1..0.2}":     {Text: "0.15", Tolerance: 0.05},
	} {
		qs, err := ParseGIFT([]byte("Q? " + in))
		if err != nil {
			t.Fatal(err)
		}
		if c := qs[0].Choices[0]; c.Text != want.Text || c.Tolerance != want.Tolerance {
			t.Errorf("%s: got %s with tolerance %v, want %s with %v", in, c.Text, c.Tolerance, want.Text, want.Tolerance)
		}
	}
}

func TestGIFTShortAnswerWithArrow(t *testing.T) {
	t.Parallel()
	qs, err := ParseGIFT([]byte("Q? {a->b#c->d}"))
	if err != nil || len(qs) != 1 || qs[0].Kind != quizzes.ShortAnswer || qs[0].Choices[0].Text != "a->b" {
		t.Fatalf("got %+v, %v; want a short answer a->b", qs, err)
	}
	checkRewrite(t, GIFT, qs, true)
}

// BenchmarkWriteGIFT writes the same 2,000 questions; Write reads each one
// back to make sure it can, so this is about a write and a parse.
func BenchmarkWriteGIFT(b *testing.B) {
	one, err := ParseGIFT(readFixture(b, "all.gift"))
	if err != nil {
		b.Fatal(err)
	}
	var qs []quizzes.Question
	for range 100 {
		qs = append(qs, one...)
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if skipped, err := Write(GIFT, &buf, qs); err != nil || len(skipped) > 0 {
			b.Fatal(skipped, err)
		}
	}
}
