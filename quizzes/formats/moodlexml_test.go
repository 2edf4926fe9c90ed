package formats

import (
	"testing"

	"quiztrainer/quizzes"
)

func TestParseMoodleXMLFixture(t *testing.T) {
	t.Parallel()
	const geo, num = "$course$/top/Geography", "$course$/top/Numbers"
	third := 33.33333
	want := []quizzes.Question{
		{Kind: quizzes.MultipleChoice, Title: "Capital of France", Prompt: "<p>What is the capital of <b>France</b>?</p>",
			Format: quizzes.HTML, Explanation: "Paris, since 987.", Points: 2, Category: geo,
			Choices: []quizzes.Choice{
				{Text: "Paris", Correct: true, Weight: 1, Feedback: "Right."},
				{Text: "London", Feedback: "No, England."},
				{Text: "Lyon & Marseille", Weight: third / 100},
			}},
		{Kind: quizzes.MultipleResponse, Title: "Grant's tomb", Prompt: "Who is entombed in Grant's tomb?", Category: geo,
			Choices: []quizzes.Choice{
				{Text: "Grant", Correct: true, Weight: 0.5}, {Text: "Grant's wife", Correct: true, Weight: 0.5},
				{Text: "No one", Weight: -1, Feedback: "Someone is."},
			}},
		{Kind: quizzes.TrueFalse, Title: "New York", Prompt: "Grant was buried in New York City.", Format: quizzes.Moodle, Category: geo,
			Choices: []quizzes.Choice{{Text: "True", Feedback: "He was."}, {Text: "False", Correct: true, Weight: 1, Feedback: "Wrong way round."}}},
		{Kind: quizzes.ShortAnswer, Title: "Short", Prompt: "Who is buried in **Grant's** tomb?", Format: quizzes.Markdown, Category: geo,
			Choices: []quizzes.Choice{{Text: "Grant", Correct: true, Weight: 1}, {Text: "Ulysses", Correct: true, Weight: 0.5, Feedback: "Half."}}},
		{Kind: quizzes.Cloze, Title: "Gap", Prompt: "Two plus _____ is four.", Format: quizzes.Moodle, Category: num,
			Choices: []quizzes.Choice{{Text: "two", Correct: true, Weight: 1}}},
		{Kind: quizzes.Numerical, Title: "Born", Prompt: "When was Grant born?", Format: quizzes.HTML, Category: num,
			Choices: []quizzes.Choice{
				{Text: "1822", Correct: true, Weight: 1, Feedback: "Yes."},
				{Text: "1822", Correct: true, Weight: 0.5, Tolerance: 2},
				{Text: "*", Feedback: "No."},
			}},
		{Kind: quizzes.Matching, Title: "Capitals", Prompt: "Match the countries with their capitals.", Format: quizzes.HTML, Category: num,
			Choices: []quizzes.Choice{{Text: "Canada", Match: "Ottawa"}, {Text: "Italy", Match: "Rome"}, {Match: "Sydney"}}},
		{Kind: quizzes.Essay, Title: "Story", Prompt: "Write a story.", Format: quizzes.HTML, Explanation: "Beginning, middle, end.",
			Points: 10, Category: num},
		{Kind: quizzes.Description, Title: "Intro", Prompt: "<p>That is all.</p>", Format: quizzes.HTML, Category: num},
	}
	got, err := ParseMoodleXML(readFixture(t, "sample.xml"))
	if err != nil {
		t.Fatal(err)
	}
	checkQuestions(t, got, want)
}

func TestParseMoodleXMLErrors(t *testing.T) {
	t.Parallel()
	q := func(typ, body string) string {
		return `<question type="` + typ + `"><name><text>n</text></name><questiontext><text>Q?</text></questiontext>` + body + "</question>\n"
	}
	runErrorCases(t, ParseMoodleXML, []errorCase{
		{"a type not supported", "<quiz>\n" + q("calculated", "") + "</quiz>", []LineError{{2, `question type "calculated" is not supported`}}},
		{"malformed XML", "<quiz>\n<question type=\"essay\">\n<questiontext><text>x</questiontext>", []LineError{{3, "the XML is malformed"}}},
		{"another root", "<questions/>", []LineError{{1, "a Moodle XML file has <quiz> at its root, not <questions>"}}},
		{"a true/false answer of other text", "<quiz>\n" + q("truefalse", `<answer fraction="100"><text>yes</text></answer><answer><text>no</text></answer>`) + "</quiz>",
			[]LineError{{2, `a true/false answer is "yes"`}}},
		{"fractions not adding up", "<quiz>\n" + q("multichoice", `<single>false</single><answer fraction="50"><text>a</text></answer><answer fraction="0"><text>b</text></answer>`) + "</quiz>",
			[]LineError{{2, "add up to 50%, not 100%"}}},
		{"two full answers in a single-answer question", "<quiz>\n" + q("multichoice", `<answer fraction="100"><text>a</text></answer><answer fraction="100"><text>b</text></answer>`) + "</quiz>",
			[]LineError{{2, "2 answers are 100% in a single-answer question"}}},
		{"a fraction out of range", "<quiz>\n" + q("shortanswer", `<answer fraction="150"><text>a</text></answer>`) + "</quiz>",
			[]LineError{{2, `fraction "150" is not a number between -100 and 100`}}},
		{"an empty answer", "<quiz>\n" + q("shortanswer", `<answer fraction="100"><text> </text></answer>`) + "</quiz>", []LineError{{2, "answer 1 is empty"}}},
		{"a number that is not one", "<quiz>\n" + q("numerical", `<answer fraction="100"><text>ten</text></answer>`) + "</quiz>", []LineError{{2, `"ten" is not a number`}}},
		{"every error, in line order", "<quiz>\n" + q("multichoice", `<answer fraction="100"><text>a</text></answer>`) + "\n" +
			q("essay", "") + q("matching", "<subquestion><text>a</text><answer><text>1</text></answer></subquestion>") + "</quiz>",
			[]LineError{{2, "at least two choices"}, {5, "at least two pairs"}}},
		{"not UTF-8", "<quiz>\n\n<question>\xff</question></quiz>", []LineError{{3, "not UTF-8"}}},
	})
}

func FuzzParseMoodleXML(f *testing.F) {
	f.Add(readFixture(f, "sample.xml"))
	for _, s := range []string{"<quiz></quiz>", `<quiz><question type="essay"><questiontext><text>x</text></questiontext></question></quiz>`,
		`<quiz><question type="category"><category>a</category></question></quiz>`, "<quiz><![CDATA[x]]></quiz>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := ParseMoodleXML(data)
		if err != nil {
			return
		}
		checkParsed(t, qs)
		checkRewrite(t, MoodleXML, qs, true)
		checkRewrite(t, JSON, qs, true)
		checkRewrite(t, GIFT, qs, false)
	})
}

func TestParseMoodleXMLIgnoresStrayAnswers(t *testing.T) {
	t.Parallel()
	qs, err := ParseMoodleXML([]byte(`<quiz><question type="matching"><questiontext><text>Q?</text></questiontext>
<answer fraction="100"><text></text></answer>
<subquestion><text>a</text><answer><text>1</text></answer></subquestion>
<subquestion><text>b</text><answer><text>2</text></answer></subquestion></question></quiz>`))
	if err != nil || len(qs) != 1 || len(qs[0].Choices) != 2 {
		t.Fatalf("got %+v, %v; want one matching question of two pairs", qs, err)
	}
}

func TestParseMoodleXMLInlinesEmbeddedFiles(t *testing.T) {
	t.Parallel()
	const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
	qs, err := ParseMoodleXML([]byte(`<quiz><question type="essay">
<questiontext format="html"><text><![CDATA[<p><img src="@@PLUGINFILE@@/my%20dot.png"> What is this?</p>]]></text>
<file name="my dot.png" path="/" encoding="base64">` + png[:40] + "\n" + png[40:] + `</file></questiontext>
<generalfeedback format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/gone.png">]]></text></generalfeedback>
</question></quiz>`))
	if err != nil {
		t.Fatal(err)
	}
	want := `<p><img src="data:image/png;base64,` + png + `"> What is this?</p>`
	if qs[0].Prompt != want {
		t.Errorf("got prompt %q, want %q", qs[0].Prompt, want)
	}
	if want := `<img src="@@PLUGINFILE@@/gone.png">`; qs[0].Explanation != want {
		t.Errorf("a reference to no file: got %q, want it kept as %q", qs[0].Explanation, want)
	}
}
