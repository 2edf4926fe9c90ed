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
	"tagger.qlm.gz":        "54e5875a8ff0a1b51955b9d8f5fb1130a94dde6bc8afa6b3e419e4096b2b1478",
	"tagdict.tsv.gz":       "70ed9c55ee6df316c539b6e54f5ee52c6b50c56bd70fa5117f6f9c6d830aff42",
	"lexicon.tsv.gz":       "dee2af224d4ba4a6051f667d577437fd2b441836e3ef5898c92cd826e503d712",
	"parser-moves.qlm.gz":  "18a3bca3c2ee5a580b054a921d4b692c1a8af46bbb0b4768b40436dbb64da4ca",
	"parser-labels.qlm.gz": "6e0b6bfae45b2122ba0f997f26260a43b649247115abeb28875f9eef7b6da355",
}

// Training twice on the same slice with the same seed gives byte-identical
// model files: nothing depends on map order or timing.
func TestTrainingIsDeterministic(t *testing.T) {
	cfg := TrainConfig{Dir: "testdata", Treebanks: []string{"ewt", "gum"}, Limit: 150, TaggerEpochs: 2, ParserEpochs: 2, Folds: 2, Seed: 7}
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
