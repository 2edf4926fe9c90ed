package generate

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

// genCase is a failure that was fixed, kept so that it stays fixed:
// testdata/cases.jsonl holds the text, the bad question it gave, why a
// teacher would not hand it out, and what the test checks of every
// question the generator gives for the text now. "accepts" and "refuses"
// check that every typed question keyed key grades the answer arg right
// (or wrong), and that there is one; "no_choice_with_key" that no
// multiple-choice question keyed key offers arg as a wrong choice;
// "no_key_or_blank" is "no_key" for the pool's blanks too.
type genCase struct {
	Text  string `json:"text"`
	Bad   string `json:"bad"`
	Why   string `json:"why"`
	Check string `json:"check"`
	Arg   string `json:"arg"`
	Key   string `json:"key"`
}

func TestFixedFailuresStayFixed(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "cases.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := NewEngine(Tree)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	line := 0
	for sc.Scan() {
		line++
		var c genCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("cases.jsonl:%d: %v", line, err)
		}
		if c.Text == "" || c.Bad == "" || c.Why == "" || c.Arg == "" {
			t.Fatalf("cases.jsonl:%d: a case needs text, bad, why, check and arg", line)
		}
		qs := g.Generate(c.Text)
		if c.Check == "no_draft_prompt" {
			// the draft reads each prompt back before it keeps it
			qs = g.Draft(c.Text, 10)
		}
		fail := func(q quizzes.Question) {
			t.Errorf("cases.jsonl:%d (%s): got %q [%s] keys %q; it was fixed because %s", line, c.Check, q.Prompt, q.Kind, q.Keys(), c.Why)
		}
		found := false
		for _, q := range qs {
			keys := q.Keys()
			switch c.Check {
			case "no_prompt", "no_draft_prompt":
				if q.Prompt == c.Arg {
					fail(q)
				}
			case "no_prompt_suffix":
				if strings.HasSuffix(q.Prompt, c.Arg) {
					fail(q)
				}
			case "no_prompt_prefix":
				if strings.HasPrefix(q.Prompt, c.Arg) {
					fail(q)
				}
			case "no_key", "no_key_or_blank":
				// the pool's blanks are breadth, not questions: the
				// filters judge questions
				if c.Check == "no_key" && strings.HasPrefix(q.Template, "blank.") {
					continue
				}
				if q.Kind != quizzes.TrueFalse && len(keys) > 0 && quizzes.NormalizeAnswer(keys[0]) == quizzes.NormalizeAnswer(c.Arg) {
					fail(q)
				}
			case "no_choice_suffix", "no_choice":
				if q.Kind != quizzes.MultipleChoice {
					continue
				}
				for _, ch := range q.Choices {
					if c.Check == "no_choice_suffix" && strings.HasSuffix(ch.Text, c.Arg) || c.Check == "no_choice" && ch.Text == c.Arg {
						fail(q)
					}
				}
			case "no_mc_prompt":
				if q.Prompt == c.Arg && q.Kind == quizzes.MultipleChoice {
					fail(q)
				}
			case "accepts", "refuses":
				if q.Kind != quizzes.ShortAnswer && q.Kind != quizzes.Cloze || len(keys) == 0 || quizzes.NormalizeAnswer(keys[0]) != quizzes.NormalizeAnswer(c.Key) {
					continue
				}
				found = true
				if quizzes.Grade(q, quizzes.Answer{Text: c.Arg}).Correct != (c.Check == "accepts") {
					fail(q)
				}
			case "no_choice_with_key":
				if q.Kind != quizzes.MultipleChoice || len(keys) == 0 || quizzes.NormalizeAnswer(keys[0]) != quizzes.NormalizeAnswer(c.Key) {
					continue
				}
				for _, ch := range q.Choices {
					if !ch.Correct && quizzes.NormalizeAnswer(ch.Text) == quizzes.NormalizeAnswer(c.Arg) {
						fail(q)
					}
				}
			case "ask":
				if q.Prompt == c.Arg && len(keys) > 0 && quizzes.NormalizeAnswer(keys[0]) == quizzes.NormalizeAnswer(c.Key) {
					found = true
				}
			default:
				t.Fatalf("cases.jsonl:%d: unknown check %q", line, c.Check)
			}
		}
		if (c.Check == "accepts" || c.Check == "refuses") && !found {
			t.Errorf("cases.jsonl:%d: no typed question keyed %q", line, c.Key)
		}
		if c.Check == "ask" && !found {
			var got []string
			for _, q := range qs {
				got = append(got, q.Prompt)
			}
			t.Errorf("cases.jsonl:%d: want %q (key %q); got %q", line, c.Arg, c.Key, got)
		}
	}
	if line == 0 {
		t.Fatal("no cases")
	}
}
