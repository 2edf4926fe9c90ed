package nlp

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"testing"
)

// smallSliceHashes are the sha256 of the files TestTrainingIsDeterministic
// trains. A change to the training code that changes what it learns shows
// here (and then the committed models need retraining, docs/NLP.md); one
// that only makes training faster leaves them alone.
var smallSliceHashes = map[string]string{
	"tagger.qlm.gz":        "4f9d88bd03df05ea851dfab556d2de125707f049b653d4623a45c922e6faaded",
	"tagdict.tsv.gz":       "70ed9c55ee6df316c539b6e54f5ee52c6b50c56bd70fa5117f6f9c6d830aff42",
	"lexicon.tsv.gz":       "dee2af224d4ba4a6051f667d577437fd2b441836e3ef5898c92cd826e503d712",
	"parser-moves.qlm.gz":  "b610c7884873ed4919fe8ce6949207d831527f92c07a4eb89406a8939820aadb",
	"parser-labels.qlm.gz": "d1b2a91677732c11797b1e3a85ed6061bb48f3d8517cbe7bf3e21c948e06d3c6",
}

// Training twice on the same slice with the same seed gives byte-identical
// model files: nothing depends on map order or timing.
func TestTrainingIsDeterministic(t *testing.T) {
	cfg := TrainConfig{Dir: "testdata", Treebanks: []string{"ewt", "gum"}, Limit: 150, TaggerEpochs: 2, ParserEpochs: 2, ParserRuns: 2, ParserBeam: 4, Folds: 2, Seed: 7}
	first, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	second, err := Train(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) != len(second) || len(first) == 0 {
		t.Fatalf("got %d and %d files", len(first), len(second))
	}
	for i := range first {
		if first[i].Name != second[i].Name || !bytes.Equal(first[i].Data, second[i].Data) {
			t.Errorf("%s: the two runs differ (%d and %d bytes)", first[i].Name, len(first[i].Data), len(second[i].Data))
		}
		if got := fmt.Sprintf("%x", sha256.Sum256(first[i].Data)); got != smallSliceHashes[first[i].Name] {
			t.Errorf("%s: sha256 %s, want %s", first[i].Name, got, smallSliceHashes[first[i].Name])
		}
	}
	// The files load and read a sentence.
	a, err := AnalyzerFrom(first)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, a.Read("The small model still reads a sentence."))
}

// TestMeanClassifierAveragesRuns checks the mean of two runs' models: a
// feature in both has the mean of its weights, a feature in one has half
// of its weight.
func TestMeanClassifierAveragesRuns(t *testing.T) {
	build := func(feats map[uint64][2]int16) *classifier {
		b := newClassifierBuilder([]string{"a", "b"}, 1)
		for _, k := range []uint64{5, 9} {
			if w, ok := feats[k]; ok {
				b.add(k, []uint8{0, 1}, w[:])
			}
		}
		return b.build()
	}
	m := meanClassifier(build(map[uint64][2]int16{5: {100, 0}}), build(map[uint64][2]int16{5: {300, 0}, 9: {0, -200}}))
	for _, c := range []struct {
		feats []uint64
		want  [2]float32
	}{
		{[]uint64{5}, [2]float32{200, 0}},
		{[]uint64{9}, [2]float32{0, -100}},
		{[]uint64{5, 9}, [2]float32{200, -100}},
	} {
		out := make([]float32, 2)
		m.scores(c.feats, out)
		for i := range out {
			if d := out[i] - c.want[i]; d > 0.01 || d < -0.01 {
				t.Errorf("features %v: scores %v, want %v", c.feats, out, c.want)
			}
		}
	}
	if len(m.keys) != 2 {
		t.Errorf("%d features, want 2", len(m.keys))
	}
}
