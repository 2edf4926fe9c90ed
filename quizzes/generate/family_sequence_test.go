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

const storyText = `The Fox and the Well

A fox was walking through the forest one evening. He fell into a deep well near the farm. ` +
	`The water was cold and dark. A goat came to the well the next morning. ` +
	`The fox praised the sweet water of the well. The goat jumped into the well at once. ` +
	`The fox climbed onto the goat's back. The fox leapt out of the well. ` +
	`The goat stayed in the water all day. The farmer found the goat at sunset. ` +
	`The farmer pulled the goat out with a rope. The goat walked home slowly.`

func TestFamilySequenceStory(t *testing.T) {
	runFamilyCases(t, "sequence", []familyCase{
		// a story tells its events in order: the earliest of four, spread
		// over the text, is the key
		{text: storyText, prompt: "Which of the following happened first?",
			key: "A goat came to the well the next morning"},
		// a text that explains in the present tense narrates nothing
		{text: "Thunderstorms form when warm air rises. The air cools as it rises. Water vapour condenses into clouds. " +
			"Ice particles collide inside the cloud. The collisions separate electric charges. Lightning jumps between the charges. " +
			"The air heats up very quickly. The heated air expands and makes thunder. Rain falls from the cloud.",
			notPrompt: "happened"},
	})
}

// A story's events are told without what the speakers say, and never of
// a "he" or "she" the analysis may read as the wrong character.
func TestStoryEventsLeaveSpeechOut(t *testing.T) {
	p := testPipeline(t)
	in, _ := p.candidates(`The shepherd walked into the field with his wife. "The wolf took our child," the shepherd shouted. ` +
		`The wolf ran into the woods. He dropped the child near the fence. The dog brought the child back to the house. ` +
		`The shepherd patted the dog on the head. The wife cooked a good dinner. The dog slept by the fire.`)
	for _, e := range in.storyEvents() {
		if strings.Contains(e.text, "took our child") || strings.HasPrefix(e.text, "He ") {
			t.Errorf("story event %q: speech or an unnamed pronoun", e.text)
		}
	}
}
