package formats

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// parseErrorText runs Parse and returns its error text, "" when it passes.
func parseErrorText(t *testing.T, f Format, data string) string {
	t.Helper()
	qs, err := Parse(f, []byte(data))
	if err == nil {
		t.Logf("%s parsed as %d questions", f, len(qs))
		return ""
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Errorf("%s: error %v is not a ParseError with lines", f, err)
	}
	return err.Error()
}

func TestImportsRefuseEmptySets(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		f    Format
		data string
	}{
		{"JSON with an empty list", JSON, `{"questions":[]}`},
		{"JSON with an empty array", JSON, `[]`},
		{"an empty Moodle XML quiz", MoodleXML, `<quiz/>`},
		{"Moodle XML with only a category", MoodleXML, `<quiz><question type="category"><category><text>$course$/x</text></category></question></quiz>`},
		{"GIFT with only comments", GIFT, "// a comment\n// another\n"},
		{"a CSV header alone", CSV, "kind,prompt,choice1,choice2,answer\n"},
		{"Aiken with blank lines only", Aiken, "\n\n\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg := parseErrorText(t, tc.f, tc.data)
			if !strings.Contains(msg, "no questions") {
				t.Errorf("error %q, want one saying the file holds no questions", msg)
			}
		})
	}
}

func csvRow(prompt, points string) string {
	return fmt.Sprintf("multiple_choice,%q,yes,no,A,%s\n", prompt, points)
}

func TestImportsKeepTheEditorsLimits(t *testing.T) {
	t.Parallel()
	const header = "kind,prompt,choice1,choice2,answer,points\n"
	long := func(n int) string { return strings.Repeat("x", n) }
	many := header
	for i := range quizzes.MaxQuestions + 1 {
		many += csvRow(fmt.Sprintf("Question %d?", i), "1")
	}
	atMost := header
	for i := range quizzes.MaxQuestions {
		atMost += csvRow(fmt.Sprintf("Question %d?", i), "1")
	}
	for _, tc := range []struct {
		name, data string
		want       string // in the error; "" when the file must pass
	}{
		{"as many questions as a quiz holds", atMost, ""},
		{"one question more than a quiz holds", many, fmt.Sprintf("at most %d questions", quizzes.MaxQuestions)},
		{"points of 1.7e308", header + csvRow("Big?", "1.7e308"), "line 2: the points must be a number from 0 to 100"},
		{"points above the editor's", header + csvRow("Big?", "101"), "line 2: the points must be a number from 0 to 100"},
		{"points of NaN", header + csvRow("NaN?", "NaN"), "line 2:"},
		{"points of Inf", header + csvRow("Inf?", "Inf"), "line 2:"},
		{"a prompt too long", header + "multiple_choice,Short?,yes,no,A,1\n" + csvRow(long(quizzes.MaxPromptRunes+1), "1"), "line 3: the question text is longer than"},
		{"a choice too long", header + "multiple_choice,Long choice?," + long(quizzes.MaxChoiceRunes+1) + ",no,A,1\n", "line 2: choice 1 is longer than"},
		{"a title too long", "kind,title,prompt,choice1,choice2,answer\nmultiple_choice," + long(quizzes.MaxTitleRunes+1) + ",Q?,a,b,A\n", "line 2: the question's title is longer than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg := parseErrorText(t, CSV, tc.data)
			switch {
			case tc.want == "" && msg != "":
				t.Errorf("refused: %.200s", msg)
			case tc.want != "" && !strings.Contains(msg, tc.want):
				t.Errorf("error %.300q, want it to contain %q", msg, tc.want)
			}
		})
	}
	t.Run("GIFT keeps the same limits", func(t *testing.T) {
		msg := parseErrorText(t, GIFT, "::"+long(quizzes.MaxTitleRunes+1)+"::Q? {T}\n\nQ2? {#1:0}\n")
		if !strings.Contains(msg, "line 1: the question's title is longer than") {
			t.Errorf("error %q", msg)
		}
	})
	t.Run("JSON keeps the same limits", func(t *testing.T) {
		msg := parseErrorText(t, JSON, `[{"kind":"essay","prompt":"Why?","points":1e300}]`)
		if !strings.Contains(msg, "line 1:") || !strings.Contains(msg, "from 0 to 100") {
			t.Errorf("error %q", msg)
		}
	})
}
