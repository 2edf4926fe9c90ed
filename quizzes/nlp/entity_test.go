package nlp

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"strings"
	"testing"
)

func readGUMSplit(t testing.TB, split string) []gumDoc {
	t.Helper()
	docs, err := readGUMFile(TreebankPath("testdata", "gum", split))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestParseGUMEntitiesReadsNestedAndSingleTokenBrackets(t *testing.T) {
	t.Parallel()
	misc := [][]string{{
		"Entity=(1-person-new-sssss-cf1-1,2-coref-Daniel_Bernoulli",
		"SpaceAfter=No|Entity=1)",
		"_",
		"Entity=(3-time-new-nnnnn-cf5-1-sgl(4-time-new-nnnnn-cf6-2-sgl",
		"Entity=(5-time-new-nnnnn-cf7-1-sgl)4)3)",
		"Entity=(61-person-new-snsnn-cf3-1,2,5-coref-Jean-Paul_Sartre%2C_writer)",
	}}
	got, err := parseGUMEntities(misc)
	if err != nil {
		t.Fatal(err)
	}
	want := []gumMention{
		{Sentence: 0, Start: 0, End: 2, Group: "1", Type: Person, Link: "coref", Identity: "Daniel_Bernoulli"},
		{Sentence: 0, Start: 3, End: 5, Group: "3", Type: Time, Link: "sgl"},
		{Sentence: 0, Start: 3, End: 5, Group: "4", Type: Time, Link: "sgl"},
		{Sentence: 0, Start: 4, End: 5, Group: "5", Type: Time, Link: "sgl"},
		{Sentence: 0, Start: 5, End: 6, Group: "61", Type: Person, Link: "coref", Identity: "Jean-Paul_Sartre%2C_writer"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestParseGUMEntitiesSaysWhereABracketIsWrong(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		misc [][]string
		want string
	}{
		{"a close without an open", [][]string{{"_", "Entity=7)"}}, "sentence 1 token 2"},
		{"an open never closed", [][]string{{"_"}, {"Entity=(2-place-new", "_"}}, "sentence 2: Entity bracket of group 2 opened at token 1"},
		{"an open with no type", [][]string{{"Entity=(3)"}}, "has no group and type"},
		{"text that is no bracket", [][]string{{"Entity=abc"}}, "expected a closing bracket"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseGUMEntities(tc.misc)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}

// A document's mentions written as Entity= brackets read back as the same
// spans and types, on a whole GUM document with nesting and chains.
func TestEntityBracketsReadBackAsTheSameMentions(t *testing.T) {
	t.Parallel()
	gd := readGUMSplit(t, "dev")[0]
	doc := *gd.Doc
	groups := map[string]int{}
	for _, g := range gd.Gold {
		c, ok := groups[g.Group]
		if !ok && g.Link != "sgl" {
			c = len(doc.Chains)
			groups[g.Group] = c
			doc.Chains = append(doc.Chains, Chain{Type: g.Type})
		} else if !ok {
			c = -1
		}
		doc.Mentions = append(doc.Mentions, Mention{Sentence: g.Sentence, Start: g.Start, End: g.End, Type: g.Type, Chain: c})
	}
	brackets := EntityBrackets(&doc)
	misc := make([][]string, len(brackets))
	for s := range brackets {
		for _, v := range brackets[s] {
			misc[s] = append(misc[s], "Entity="+v)
		}
	}
	back, err := parseGUMEntities(misc)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(gd.Gold) {
		t.Fatalf("got %d mentions back, wrote %d", len(back), len(gd.Gold))
	}
	chainOf := map[string]string{}
	for i, g := range gd.Gold {
		b := back[i]
		if b.Sentence != g.Sentence || b.Start != g.Start || b.End != g.End || b.Type != g.Type {
			t.Fatalf("mention %d: got %+v, wrote %+v", i, b, g)
		}
		// same chain in, same group out
		if g.Link != "sgl" {
			if prev, ok := chainOf[g.Group]; ok && prev != b.Group {
				t.Errorf("mention %d of group %s came back in group %s, its chain's earlier mentions in %s", i, g.Group, b.Group, prev)
			}
			chainOf[g.Group] = b.Group
		}
	}
}

func TestWriteConlluPrintsEntityBracketsInColumnTen(t *testing.T) {
	t.Parallel()
	sents, err := ReadConllu(strings.NewReader(conlluSample))
	if err != nil {
		t.Fatal(err)
	}
	doc := DocumentFromConllu(sents)
	doc.Mentions = []Mention{
		{Sentence: 0, Start: 0, End: 1, Type: Person, Pronoun: true, Chain: 0},
		{Sentence: 0, Start: 5, End: 6, Type: Person, Pronoun: true, Chain: 0},
	}
	doc.Chains = []Chain{{Type: Person, Mentions: []int{0, 1}}}
	var b bytes.Buffer
	if err := WriteConllu(&b, doc); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	var misc []string
	for _, l := range lines {
		if c := strings.Split(l, "\t"); len(c) == 10 {
			misc = append(misc, c[9])
		}
	}
	if len(misc) < 6 || misc[0] != "Entity=(1-person)" || !strings.HasPrefix(misc[5], "Entity=(1-person)") {
		t.Errorf("column 10 is %q, want Entity=(1-person) on I and she", misc)
	}
}

// The shipped model finds GUM's named people, places and organizations in
// the first eight test documents (gold tags and trees) with the right span
// and type. Measured F1 on this slice: see docs/BENCHMARKS.md.
func TestEntitiesFindNamedMentionsOfGUMTest(t *testing.T) {
	m, err := DefaultEntityModel()
	if err != nil {
		t.Fatal(err)
	}
	r := evaluateNamed(m, readGUMSplit(t, "test")[:8])
	t.Logf("named person/place/organization on GUM test[:8]: P %.3f R %.3f F1 %.3f (%+v)", r.P(), r.R(), r.F1(), r)
	if r.F1() < entityF1Floor {
		t.Errorf("F1 %.3f, want at least %.3f", r.F1(), entityF1Floor)
	}
}

// The shipped model is what the documented training makes, byte for byte.
func TestEntityModelIsRebuiltIdentically(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the entity model (about 15 s)")
	}
	data, err := TrainEntityModel(DefaultEntityTraining("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sha256.Sum256(data), sha256.Sum256(entityModelFile); got != want {
		t.Errorf("trained model %x (%d bytes) differs from %s %x (%d bytes): run go run ./cmd/nlptrain", got[:6], len(data), EntityModelFile, want[:6], len(entityModelFile))
	}
}

// Training twice on the same documents gives the same bytes, whatever the
// order maps are walked in.
func TestEntityTrainingIsDeterministic(t *testing.T) {
	t.Parallel()
	train := readGUMSplit(t, "dev")[:6]
	a, err := trainEntityModel(train, nil, 2, 7, nil).marshal()
	if err != nil {
		t.Fatal(err)
	}
	b, err := trainEntityModel(train, nil, 2, 7, nil).marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("two trainings differ: %d and %d bytes", len(a), len(b))
	}
	if _, err := LoadEntityModel(a); err != nil {
		t.Errorf("the trained model does not load: %v", err)
	}
}

func TestLoadEntityModelRejectsDamagedFiles(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"cut short", entityModelFile[:len(entityModelFile)/2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := LoadEntityModel(tc.data); err == nil || !strings.HasPrefix(err.Error(), "nlp: entity model") {
				t.Errorf("got %v, want an error that names the entity model", err)
			}
		})
	}
}

func FuzzParseGUMEntities(f *testing.F) {
	f.Add("Entity=(1-person-new-sssss-cf1-1,2-coref-Daniel_Bernoulli", "Entity=1)")
	f.Add("Entity=(3-time(4-time)", "Entity=3)")
	f.Add("Entity=)", "_")
	f.Add("Entity=((", "Entity=1)2)")
	f.Fuzz(func(t *testing.T, a, b string) {
		ms, err := parseGUMEntities([][]string{{a, b}})
		if err != nil {
			return
		}
		for _, m := range ms {
			if m.Start < 0 || m.End > 2 || m.Start >= m.End {
				t.Errorf("mention %+v outside the two tokens", m)
			}
		}
	})
}
