package nlp

import (
	"os"
	"testing"
)

func TestSegmentationFigures(t *testing.T) {
	if os.Getenv("NLP_SEG_REPORT") == "" {
		t.Skip("set NLP_SEG_REPORT=1")
	}
	for _, tb := range []string{"ewt", "gum"} {
		for _, split := range []string{"dev", "test"} {
			gold, err := ReadTreebank("testdata", tb, split)
			if err != nil {
				t.Fatal(err)
			}
			s := EvaluateSegmentation(gold)
			t.Logf("%s %s: sentences F1 %.2f tokens F1 %.2f", tb, split, s.Sentences, s.Tokens)
		}
	}
}
