package nlp

import (
	"bytes"
	"testing"
)

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
	}
	// The files load and read a sentence.
	a, err := AnalyzerFrom(first)
	if err != nil {
		t.Fatal(err)
	}
	checkDocument(t, a.Read("The small model still reads a sentence."))
}
