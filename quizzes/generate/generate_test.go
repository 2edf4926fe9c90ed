package generate

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func sampleArticle(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "assets", "north-korean-troops.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The draft of the sample article is a full quiz whose questions quote the
// article.
func TestDraftOfTheSampleArticle(t *testing.T) {
	g, err := NewEngine(Tree)
	if err != nil {
		t.Fatal(err)
	}
	text := sampleArticle(t)
	qs := g.Draft(text, DraftQuestions)
	if len(qs) != DraftQuestions {
		t.Fatalf("draft has %d questions, want %d", len(qs), DraftQuestions)
	}
	for _, q := range qs {
		e := q.Evidence
		if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
			t.Errorf("%q: evidence %d-%d outside the text", q.Prompt, e.Start, e.End)
		}
		if q.Prompt == "" {
			t.Errorf("empty prompt in %+v", q)
		}
	}
}

// The same text gives the same candidates, scores and order every time
// (scores once differed in their last digits from run to run, and with
// them the order of ties and the teacher's draft).
func TestTheSameTextGivesTheSameQuestions(t *testing.T) {
	g, err := NewEngine(Tree)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join("testdata", "judging", "texts", "01-news-matariki-holiday.txt"))
	if err != nil {
		t.Fatal(err)
	}
	first := fmt.Sprintf("%#v", g.Generate(string(b)))
	for run := 2; run <= 12; run++ {
		if got := fmt.Sprintf("%#v", g.Generate(string(b))); got != first {
			t.Fatalf("run %d gave other questions or scores than run 1", run)
		}
	}
}

// DraftAndPool gives exactly what Draft and Generate give, for each engine.
func TestDraftAndPoolIsDraftAndGenerate(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "judging", "texts", "07-geography-iceland.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Engines {
		g, err := NewEngine(e)
		if err != nil {
			t.Fatal(err)
		}
		for _, text := range []string{sampleArticle(t), string(b)} {
			draft, all := g.DraftAndPool(text, DraftQuestions)
			if got, want := fmt.Sprintf("%#v", draft), fmt.Sprintf("%#v", g.Draft(text, DraftQuestions)); got != want {
				t.Errorf("%s: DraftAndPool's draft differs from Draft", e)
			}
			if got, want := fmt.Sprintf("%#v", all), fmt.Sprintf("%#v", g.Generate(text)); got != want {
				t.Errorf("%s: DraftAndPool's pool differs from Generate", e)
			}
		}
	}
}
