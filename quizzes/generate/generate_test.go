package generate

import (
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
	g, err := New()
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
