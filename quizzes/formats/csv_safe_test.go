package formats

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// A question set written as CSV is opened in spreadsheets like any other
// CSV the program writes: no cell may start a formula.
func TestCSVExportNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	formula := `=HYPERLINK("http://evil.example","click")`
	qs := []quizzes.Question{
		{Kind: quizzes.MultipleChoice, Prompt: formula, Points: 1, Explanation: "@SUM(A1)",
			Choices: []quizzes.Choice{{Text: "+cmd|' /C calc'!A0", Correct: true}, {Text: "-2+3"}, {Text: "'=already quoted"}}},
		{Kind: quizzes.ShortAnswer, Prompt: "Plain prompt", Points: 1, Category: "\t=tabbed",
			Choices: []quizzes.Choice{{Text: "-5", Correct: true, Weight: 1}}},
	}
	var buf bytes.Buffer
	skipped, err := Write(CSV, &buf, qs)
	if err != nil || len(skipped) > 0 {
		t.Fatalf("write: %v, skipped %v", err, skipped)
	}
	rows, err := csv.NewReader(strings.NewReader(buf.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && !plainCSVNumber.MatchString(cell) && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
	}
	if !strings.Contains(buf.String(), `'=HYPERLINK(`) {
		t.Errorf("the prompt was not written as text: %s", buf.String())
	}
	back, err := ParseCSV(buf.Bytes())
	if err != nil {
		t.Fatalf("the export does not read back: %v", err)
	}
	if len(back) != 2 || back[0].Prompt != formula || back[0].Choices[0].Text != "+cmd|' /C calc'!A0" ||
		back[0].Choices[2].Text != "'=already quoted" || back[0].Explanation != "@SUM(A1)" || back[1].Category != "=tabbed" /* the importer trims cells */ {
		t.Errorf("read back %+v, want the cells as written", back)
	}
}

func TestNeutraliseCSVCellReadsBackAsWritten(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"Ada", "=1+1", "'=1+1", "''=1", "-5", "'-5", "+3.5", "@x", "'hello", "", "\t=1", "a=b", "-"} {
		if got := restoreCSVCell(NeutraliseCSVCell(s)); got != s {
			t.Errorf("restore(neutralise(%q)) = %q", s, got)
		}
	}
}
