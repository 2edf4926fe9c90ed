package generate

import (
	"strings"
	"testing"
)

const parksText = `George Catlin traveled to the Dakotas in 1832. Congress donated Yosemite Valley to California in 1864. ` +
	`Congress reserved Yellowstone as a public park in 1872. Visitors loved the geysers and the canyon. ` +
	`Congress protected the Casa Grande Ruin in 1889. President Wilson signed the park bill in 1916.`

func TestFamilySequence(t *testing.T) {
	runFamilyCases(t, "sequence", []familyCase{
		{text: parksText, prompt: "Which of the following happened first, according to the text?",
			key: "George Catlin traveled to the Dakotas"},
		// three dated events are too few for a question with four choices
		{text: "Congress donated Yosemite Valley to California in 1864. Congress reserved Yellowstone as a public park in 1872. " +
			"President Wilson signed the park bill in 1916. Visitors loved the geysers.", notPrompt: "happened first"},
	})
}

// The choices tell the events without their years, which would give the
// order away.
func TestSequenceChoicesHaveNoYears(t *testing.T) {
	p := testPipeline(t)
	_, ranked := p.candidates(parksText)
	for _, c := range ranked {
		if c.family() != "sequence" {
			continue
		}
		for _, ch := range append([]string{c.Key}, c.Distractors...) {
			if hasYearWord(ch) || strings.Contains(ch, " in .") || strings.HasSuffix(ch, " in") {
				t.Errorf("choice %q still tells its date, or lost it badly", ch)
			}
		}
		if len(c.Distractors) != 3 {
			t.Errorf("%d wrong choices, want 3", len(c.Distractors))
		}
		return
	}
	t.Fatal("no sequence question asked")
}
