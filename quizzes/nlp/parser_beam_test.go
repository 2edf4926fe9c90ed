package nlp

import (
	"slices"
	"testing"
)

// A beam of one keeps the best move at each step, so it must give the
// greedy parser's trees: this checks the beam's bookkeeping (and its
// caches of features and labels) against the plain decoder.
func TestBeamOfOneIsGreedy(t *testing.T) {
	a := loadAnalyzer(t)
	gold, err := ReadTreebank("testdata", "ewt", "dev")
	if err != nil {
		t.Fatal(err)
	}
	d := DocumentFromConllu(gold[:300])
	a.Annotate(d)
	p := *a.parser
	for i, s := range d.Sentences {
		greedy := slices.Clone(s.Tokens)
		p.beam = 0
		p.parse(greedy)
		beam := slices.Clone(s.Tokens)
		p.parseBeam(beam, 1)
		for j := range greedy {
			if greedy[j].Head != beam[j].Head || greedy[j].Rel != beam[j].Rel {
				t.Fatalf("sentence %d word %d: greedy %d/%s, beam of one %d/%s", i, j, greedy[j].Head, greedy[j].Rel, beam[j].Head, beam[j].Rel)
			}
		}
	}
}

// Wider beams give every sentence a tree: one root, named "root", and
// every other word a head within the sentence and a relation.
func TestBeamTreesAreWellFormed(t *testing.T) {
	a := loadAnalyzer(t)
	gold, err := ReadTreebank("testdata", "gum", "dev")
	if err != nil {
		t.Fatal(err)
	}
	d := DocumentFromConllu(gold[:200])
	a.Annotate(d)
	p := *a.parser
	for _, k := range []int{2, 8} {
		for i, s := range d.Sentences {
			toks := slices.Clone(s.Tokens)
			p.parseBeam(toks, k)
			roots := 0
			for j, tok := range toks {
				if tok.Head == -1 {
					roots++
					if tok.Rel != "root" {
						t.Errorf("beam %d sentence %d: root word %d has relation %q", k, i, j, tok.Rel)
					}
					continue
				}
				if tok.Head < 0 || tok.Head >= len(toks) || tok.Head == j || tok.Rel == "" || tok.Rel == "root" {
					t.Errorf("beam %d sentence %d word %d: head %d relation %q", k, i, j, tok.Head, tok.Rel)
				}
			}
			if roots != 1 {
				t.Errorf("beam %d sentence %d: %d roots", k, i, roots)
			}
		}
	}
}
