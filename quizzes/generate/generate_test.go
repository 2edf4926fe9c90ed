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

// A teacher's draft comes from the tree pipeline; a text in which the
// pipeline finds nothing fit to ask gets the rules engine's draft and pool
// instead of an empty one.
func TestForTeachersDraftsWithTheTreeAndFallsBackToRules(t *testing.T) {
	teachers, err := ForTeachers()
	if err != nil {
		t.Fatal(err)
	}
	tree, _ := NewEngine(Tree)
	rules, _ := NewEngine(Rules)
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join("testdata", "judging", "texts", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	iceland := read("07-geography-iceland.txt")
	if got, want := fmt.Sprintf("%#v", teachers.Draft(iceland, DraftQuestions)), fmt.Sprintf("%#v", tree.Draft(iceland, DraftQuestions)); got != want || len(tree.Draft(iceland, DraftQuestions)) == 0 {
		t.Errorf("Iceland: the teacher's draft is not the tree pipeline's")
	}
	alice := read("12-story-down-the-rabbit-hole.txt")
	if len(tree.Draft(alice, DraftQuestions)) != 0 {
		t.Fatalf("the tree pipeline now drafts the Alice text: choose another text it asks nothing of for this test")
	}
	draft, all := teachers.DraftAndPool(alice, DraftQuestions)
	wantDraft, wantAll := rules.DraftAndPool(alice, DraftQuestions)
	if len(draft) == 0 || fmt.Sprintf("%#v", draft) != fmt.Sprintf("%#v", wantDraft) || fmt.Sprintf("%#v", all) != fmt.Sprintf("%#v", wantAll) {
		t.Errorf("Alice: got a draft of %d and a pool of %d, want the rules engine's %d and %d", len(draft), len(all), len(wantDraft), len(wantAll))
	}
	if fmt.Sprintf("%#v", teachers.Draft(alice, DraftQuestions)) != fmt.Sprintf("%#v", wantDraft) || fmt.Sprintf("%#v", teachers.Generate(alice)) != fmt.Sprintf("%#v", wantAll) {
		t.Errorf("Alice: Draft and Generate differ from DraftAndPool's fallback")
	}
}
