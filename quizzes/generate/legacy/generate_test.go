package legacy

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"quiztrainer/quizzes"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var (
	sharedOnce sync.Once
	shared     *Generator
)

// generator is built once for all tests, as the program does.
func generator(t testing.TB) *Generator {
	t.Helper()
	sharedOnce.Do(func() {
		g, err := New()
		if err != nil {
			t.Fatalf("New: %v", err)
		}
		shared = g
	})
	return shared
}

func sampleArticle(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "assets", "north-korean-troops.txt"))
	if err != nil {
		t.Fatalf("read sample article: %v", err)
	}
	return string(b)
}

// goldenCount is how many of the sample article's questions the golden file
// keeps: the ones a teacher sees first.
const goldenCount = 25

func formatQuestions(qs []quizzes.Question) string {
	var b strings.Builder
	for i, q := range qs {
		fmt.Fprintf(&b, "%d. [%s, %s, %.2f] %s\n", i+1, q.Kind, q.Template, q.Score, q.Prompt)
		for _, c := range q.Choices {
			mark := " "
			if c.Correct {
				mark = "*"
			}
			fmt.Fprintf(&b, "   %s %s\n", mark, c.Text)
		}
		fmt.Fprintf(&b, "   evidence [%d:%d]\n\n", q.Evidence.Start, q.Evidence.End)
	}
	return b.String()
}

func TestGoldenSampleArticle(t *testing.T) {
	qs := generator(t).Generate(sampleArticle(t))
	if len(qs) > goldenCount {
		qs = qs[:goldenCount]
	}
	got := formatQuestions(qs)
	path := filepath.Join("testdata", "north-korean-troops.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test -update to write it): %v", err)
	}
	if got != string(want) {
		t.Errorf("questions for the sample article changed; review and run go test ./quizzes/generate -update\ngot:\n%s", got)
	}
}

func TestSampleArticleAsksWhatATeacherWould(t *testing.T) {
	qs := generator(t).Generate(sampleArticle(t))
	tests := []struct {
		prompt string
		key    string
		wrong  []string // some of the wrong choices
		within int      // the question must be among the first this many
	}{
		{"Who confirmed that North Korean officers were in Ukraine?", "South Korea's intelligence service", nil, 5},
		{"Which professor predicted a meltdown in the Russian economy next year?", "Alexander J. Motyl", []string{"Stefan Hedlund", "Vladimir Putin"}, 10},
		{"At which university is Stefan Hedlund a professor?", "Uppsala University", []string{"Rutgers University-Newark"}, 15},
	}
	for _, tt := range tests {
		t.Run(tt.prompt, func(t *testing.T) {
			for i, q := range qs {
				if q.Prompt != tt.prompt {
					continue
				}
				if i >= tt.within {
					t.Errorf("ranked %d, want among the first %d", i+1, tt.within)
				}
				if keys := q.Keys(); len(keys) != 1 || keys[0] != tt.key {
					t.Errorf("got keys %q, want %q", keys, tt.key)
				}
				for _, w := range tt.wrong {
					found := false
					for _, c := range q.Choices {
						found = found || (c.Text == w && !c.Correct)
					}
					if !found {
						t.Errorf("got choices %v, want the wrong choice %q", q.Choices, w)
					}
				}
				return
			}
			t.Errorf("got no question %q", tt.prompt)
		})
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	g := generator(t)
	text := sampleArticle(t)
	first := g.Generate(text)
	for i := 0; i < 3; i++ {
		if again := g.Generate(text); !reflect.DeepEqual(first, again) {
			t.Fatalf("run %d gave different questions", i+2)
		}
	}
}

func TestGenerateIsSafeForConcurrentUse(t *testing.T) {
	g := generator(t)
	text := sampleArticle(t)
	want := formatQuestions(g.Generate(text))
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if got := formatQuestions(g.Generate(text)); got != want {
				errs <- got
			}
		}()
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent run got %q, want %q", got[:80], want[:80])
	}
}

func TestEvidenceQuotesTheOriginalBytes(t *testing.T) {
	text := sampleArticle(t)
	for _, q := range generator(t).Generate(text) {
		checkQuestion(t, text, q)
	}
	// the sample's curly quotes must survive in the evidence
	for _, q := range generator(t).Generate(text) {
		if q.Template == "attribution.stated" && strings.Contains(q.Evidence.Text, "Reuters") {
			if !strings.Contains(q.Evidence.Text, "“") {
				t.Errorf("got evidence %q, want the article's curly quotes", q.Evidence.Text)
			}
			return
		}
	}
}

// checkQuestion holds what every generated question must satisfy.
func checkQuestion(t *testing.T, text string, q quizzes.Question) {
	t.Helper()
	ev := q.Evidence
	if ev.Start < 0 || ev.End > len(text) || ev.Start > ev.End {
		t.Fatalf("evidence [%d:%d] outside the input of %d bytes", ev.Start, ev.End, len(text))
	}
	if ev.Text != text[ev.Start:ev.End] {
		t.Fatalf("got evidence text %q, want %q", ev.Text, text[ev.Start:ev.End])
	}
	if err := q.Validate(); err != nil {
		t.Fatalf("question %q: %v", q.Prompt, err)
	}
	if q.Score < 0 || q.Score > 1 {
		t.Fatalf("got score %v, want 0..1", q.Score)
	}
	switch q.Kind {
	case quizzes.MultipleChoice:
		seen := map[string]bool{}
		keys := 0
		for _, c := range q.Choices {
			if seen[strings.ToLower(c.Text)] {
				t.Fatalf("question %q repeats the choice %q", q.Prompt, c.Text)
			}
			seen[strings.ToLower(c.Text)] = true
			if c.Correct {
				keys++
			}
		}
		// four choices, or three when an article names only three people
		if keys != 1 || len(q.Choices) < 3 || len(q.Choices) > 4 {
			t.Fatalf("question %q has %d keys among %d choices, want 1 among 3 or 4", q.Prompt, keys, len(q.Choices))
		}
	case quizzes.Cloze:
		if !strings.Contains(q.Prompt, quizzes.Blank) {
			t.Fatalf("cloze %q has no blank", q.Prompt)
		}
	case quizzes.TrueFalse:
		if len(q.Choices) != 2 || q.Choices[0].Text != "True" || q.Choices[1].Text != "False" {
			t.Fatalf("true/false %q has choices %v", q.Prompt, q.Choices)
		}
	}
	if q.Kind != quizzes.Cloze && q.Kind != quizzes.TrueFalse && !strings.HasSuffix(q.Prompt, "?") {
		t.Fatalf("question %q does not end with a question mark", q.Prompt)
	}
}

// An article in another language gets only the questions that read right
// in any language: blanks for names and numbers, and true/false.
func TestOtherLanguagesGetBlanksOnly(t *testing.T) {
	t.Parallel()
	fr := "La Révolution française est une période de bouleversements politiques et sociaux en France. " +
		"Elle commence en 1789 avec la convocation des États généraux. Le roi Louis XVI est exécuté en 1793 à Paris. " +
		"Napoléon Bonaparte prend le pouvoir en 1799."
	if LooksEnglish(fr) || !LooksEnglish(sampleArticle(t)) {
		t.Fatalf("LooksEnglish: French %v, the sample article %v", LooksEnglish(fr), LooksEnglish(sampleArticle(t)))
	}
	qs := generator(t).Generate(fr)
	if len(qs) == 0 {
		t.Fatal("no questions for a French article")
	}
	for _, q := range qs {
		checkQuestion(t, fr, q)
		if q.Kind != quizzes.Cloze && q.Kind != quizzes.TrueFalse {
			t.Errorf("got %s %q, want only blanks and true/false", q.Kind, q.Prompt)
		}
		if k := q.Keys(); q.Kind == quizzes.Cloze && (k[0] == "Le" || k[0] == "Elle") {
			t.Errorf("blank %q takes the sentence's first word %q for a name", q.Prompt, k[0])
		}
	}
}
