package formats

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// readFixture reads a file of testdata.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkQuestions compares got and want field by field, so that a failure
// names the question and the field that differ.
func checkQuestions(t *testing.T, got, want []quizzes.Question) {
	t.Helper()
	for i := 0; i < len(got) && i < len(want); i++ {
		g, w := reflect.ValueOf(got[i]), reflect.ValueOf(want[i])
		for f := 0; f < g.NumField(); f++ {
			name := g.Type().Field(f).Name
			if name == "Choices" {
				checkChoices(t, i, got[i].Choices, want[i].Choices)
				continue
			}
			if !reflect.DeepEqual(g.Field(f).Interface(), w.Field(f).Interface()) {
				t.Errorf("question %d (%.30q): %s: got %#v, want %#v", i+1, want[i].Prompt, name, g.Field(f).Interface(), w.Field(f).Interface())
			}
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d questions, want %d", len(got), len(want))
	}
}

func checkChoices(t *testing.T, q int, got, want []quizzes.Choice) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("question %d: got %d choices %+v, want %d %+v", q+1, len(got), got, len(want), want)
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("question %d, choice %d: got %+v, want %+v", q+1, i+1, got[i], want[i])
		}
	}
}

// lineErrors returns the errors of a *ParseError, or fails.
func lineErrors(t *testing.T, err error) []LineError {
	t.Helper()
	pe, ok := err.(*ParseError)
	if !ok {
		t.Fatalf("got error %v (%T), want a *ParseError", err, err)
	}
	return pe.Errors
}

// errorCase is one table row of the error tests: the input and, for each
// error wanted, its line and a part of its message.
type errorCase struct {
	name string
	in   string
	want []LineError
}

func runErrorCases(t *testing.T, parse func([]byte) ([]quizzes.Question, error), cases []errorCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			qs, err := parse([]byte(tc.in))
			if err == nil {
				t.Fatalf("got %d questions and no error, want %v", len(qs), tc.want)
			}
			if qs != nil {
				t.Errorf("got %d questions with the error, want none", len(qs))
			}
			got := lineErrors(t, err)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d errors:\n%v\nwant %d: %v", len(got), err, len(tc.want), tc.want)
			}
			for i := range got {
				if got[i].Line != tc.want[i].Line || !strings.Contains(got[i].Msg, tc.want[i].Msg) {
					t.Errorf("error %d: got %q, want line %d containing %q", i+1, got[i].Error(), tc.want[i].Line, tc.want[i].Msg)
				}
			}
		})
	}
}

// checkParsed is what every fuzz target asks of a successful parse.
func checkParsed(t *testing.T, qs []quizzes.Question) {
	t.Helper()
	for i, q := range qs {
		if err := q.Validate(); err != nil {
			t.Fatalf("question %d does not validate: %v\n%+v", i+1, err, q)
		}
	}
}

// checkRewrite writes qs in f, reads them back and wants the same
// questions, the skipped ones aside; when all is set, none may be skipped
// (questions read from f must all go back into it).
func checkRewrite(t *testing.T, f Format, qs []quizzes.Question, all bool) {
	t.Helper()
	var buf strings.Builder
	skipped, err := Write(f, &buf, qs)
	if err != nil {
		t.Fatalf("write %s: %v", f, err)
	}
	if all && len(skipped) > 0 {
		t.Fatalf("%s: questions read from %s are left out when written back: %q", f, f, skipped)
	}
	back, err := Parse(f, []byte(buf.String()))
	if len(qs) == len(skipped) {
		// Nothing written: an import refuses a file with no questions.
		if err == nil || !strings.Contains(err.Error(), "no questions") {
			t.Fatalf("%s: a file with no questions read back as %d questions, %v; want it refused", f, len(back), err)
		}
		return
	}
	if err != nil {
		t.Fatalf("%s written does not read back: %v\n%s", f, err, buf.String())
	}
	if all && len(skipped) > 0 {
		t.Fatalf("%s: questions read from %s are left out when written back: %q", f, f, skipped)
	}
	var kept []quizzes.Question
	for i, q := range qs {
		if !isSkipped(skipped, i) {
			kept = append(kept, q)
		}
	}
	if len(back) != len(kept) {
		t.Fatalf("%s: wrote %d questions (skipped %v), read back %d", f, len(kept), skipped, len(back))
	}
	for i := range kept {
		if !SameQuestion(f, kept[i], back[i]) {
			t.Errorf("%s: question %d changed:\nwrote %+v\nread  %+v\nfile:\n%s", f, i+1, heldBy(f, kept[i]), heldBy(f, back[i]), buf.String())
		}
	}
}

func isSkipped(skipped []string, i int) bool {
	prefix := fmt.Sprintf("question %d ", i+1)
	for _, s := range skipped {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}
