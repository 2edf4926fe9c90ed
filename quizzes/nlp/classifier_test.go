package nlp

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// sortedOnly is a copy of m without its lookup table: it reads its
// weights by binary search in the features as the model file lists them,
// the plain reading the table must agree with.
func sortedOnly(m *classifier) *classifier {
	c := *m
	c.buckets, c.dense, c.slots, c.spill = 0, nil, nil, nil
	return &c
}

// checkSameWeights asserts that m's table gives, for every feature of the
// model, for features it does not have and for the hash 0, the weights the
// sorted features give, one feature at a time and all at once.
func checkSameWeights(t *testing.T, name string, m *classifier) {
	t.Helper()
	ref := sortedOnly(m)
	rng := rand.New(rand.NewPCG(9, 9))
	feats := []uint64{0, 1, ^uint64(0)}
	feats = append(feats, m.keys...)
	for range 20000 {
		feats = append(feats, rng.Uint64())
	}
	got, want := make([]int32, len(m.classes)), make([]int32, len(m.classes))
	bad := 0
	for _, f := range feats {
		clear(got)
		clear(want)
		m.accumulate([]uint64{f}, got)
		ref.accumulate([]uint64{f}, want)
		if !slices.Equal(got, want) && bad < 5 {
			bad++
			t.Errorf("%s: feature %#x: weights %v, want %v", name, f, got, want)
		}
	}
	rng.Shuffle(len(feats), func(i, j int) { feats[i], feats[j] = feats[j], feats[i] })
	clear(got)
	clear(want)
	m.accumulate(feats, got)
	ref.accumulate(feats, want)
	if !slices.Equal(got, want) {
		t.Errorf("%s: all features: weights %v, want %v", name, got, want)
	}
}

// The committed models' tables answer as their sorted features do: the
// parser's move model from its dense slots, the tagger and the label
// model from their sparse ones.
func TestClassifierTablesAgreeWithModelFiles(t *testing.T) {
	a := loadAnalyzer(t)
	for _, c := range []struct {
		name  string
		m     *classifier
		dense bool
	}{{"tagger", a.tagger.model, false}, {"moves", a.parser.moves, true}, {"labels", a.parser.labels, false}} {
		if got := c.m.dense != nil; got != c.dense || (c.m.slots != nil) == c.dense {
			t.Errorf("%s (%d classes): dense table %v, want %v", c.name, len(c.m.classes), got, c.dense)
		}
		checkSameWeights(t, c.name, c.m)
	}
}

// Small models built here take each layout: a class repeated in a
// feature's entries adds up, a sum too large for a 16-bit slot weight
// sends the model to the sparse layout, a feature of more entries than a
// sparse slot holds keeps the rest in the spill, and a model without
// features answers zero.
func TestClassifierLayouts(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	build := func(nclass int, nfeat int, entries func() ([]uint8, []int16)) *classifier {
		classes := make([]string, nclass)
		for i := range classes {
			classes[i] = fmt.Sprint("c", i)
		}
		keys := make([]uint64, nfeat)
		for i := range keys {
			keys[i] = rng.Uint64() >> 1
		}
		keys = append(keys, 1, 2, 3, 1<<63) // neighbours in the low bits
		slices.Sort(keys)
		keys = slices.Compact(keys)
		b := newClassifierBuilder(classes, 1)
		for _, k := range keys {
			cls, wts := entries()
			b.add(k, cls, wts)
		}
		return b.build()
	}
	random := func(nclass, most int) func() ([]uint8, []int16) {
		return func() ([]uint8, []int16) {
			n := 1 + rng.IntN(most)
			cls, wts := make([]uint8, n), make([]int16, n)
			for i := range cls {
				cls[i], wts[i] = uint8(rng.IntN(nclass)), int16(rng.IntN(65535)-32767)/8 // sums of 6 fit 16 bits
			}
			return cls, wts
		}
	}
	for _, c := range []struct {
		name  string
		m     *classifier
		dense bool
	}{
		{"3 classes", build(3, 5000, random(3, 3)), true},
		{"4 classes, repeated", build(4, 5000, random(4, 6)), true},
		{"3 classes, overflowing", build(3, 100, func() ([]uint8, []int16) { return []uint8{1, 1}, []int16{30000, 30000} }), false},
		{"51 classes", build(51, 5000, random(51, 30)), false},
		{"no features", build(51, 0, random(51, 3)), false},
	} {
		if got := c.m.dense != nil; got != c.dense {
			t.Errorf("%s: dense table %v, want %v", c.name, got, c.dense)
		}
		checkSameWeights(t, c.name, c.m)
	}
}

// The analysis reads the same through the lookup tables as through the
// plain reading of the model files: every token's tags, head and relation
// (and the entities and references that follow from them), greedy and
// with a beam of 4, over slices of the EWT and GUM test sets' text.
func TestAnalysisSameThroughLookupTables(t *testing.T) {
	open := func(name string) ([]byte, error) { return modelFiles.ReadFile("models/" + name) }
	fast, err := newAnalyzer(open)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := newAnalyzer(open)
	if err != nil {
		t.Fatal(err)
	}
	plain.tagger.model = sortedOnly(plain.tagger.model)
	plain.parser.moves = sortedOnly(plain.parser.moves)
	plain.parser.labels = sortedOnly(plain.parser.labels)
	for _, tb := range []string{"ewt", "gum"} {
		gold, err := ReadTreebank("testdata", tb, "test")
		if err != nil {
			t.Fatal(err)
		}
		text := DocumentFromConllu(gold[:min(len(gold), 150)]).Text
		for _, beam := range []int{1, 4} {
			fast.SetParserBeam(beam)
			plain.SetParserBeam(beam)
			got, want := fast.Read(text), plain.Read(text)
			if len(got.Sentences) != len(want.Sentences) {
				t.Fatalf("%s beam %d: %d sentences, want %d", tb, beam, len(got.Sentences), len(want.Sentences))
			}
			words, bad := 0, 0
			for si, s := range got.Sentences {
				for ti, tok := range s.Tokens {
					w := want.Sentences[si].Tokens[ti]
					words++
					if tok.UPOS != w.UPOS || tok.XPOS != w.XPOS || tok.Head != w.Head || tok.Rel != w.Rel {
						if bad++; bad <= 5 {
							t.Errorf("%s beam %d: sentence %d token %d %q: %s %s %d %s, want %s %s %d %s", tb, beam, si, ti, tok.Form,
								tok.UPOS, tok.XPOS, tok.Head, tok.Rel, w.UPOS, w.XPOS, w.Head, w.Rel)
						}
					}
				}
			}
			var gb, wb bytes.Buffer
			if err := WriteConllu(&gb, got); err != nil {
				t.Fatal(err)
			}
			if err := WriteConllu(&wb, want); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(gb.Bytes(), wb.Bytes()) {
				t.Errorf("%s beam %d: the CoNLL-U output differs", tb, beam)
			}
			if words < 2000 {
				t.Errorf("%s beam %d: only %d words compared", tb, beam, words)
			}
		}
	}
}
