package generate

import "testing"

func TestFamilyVocab(t *testing.T) {
	runFamilyCases(t, "vocab", []familyCase{
		{text: `Gross anatomy is the study of the larger structures of the body. Macro- means "large," thus, gross anatomy is also referred to as macroscopic anatomy.`,
			prompt: `According to the text, what does "macro-" mean?`, key: "large"},
		{text: `In contrast, micro- means "small," and microscopic anatomy is the study of structures seen with a microscope.`,
			prompt: `According to the text, what does "micro-" mean?`, key: "small"},
		{text: `Many plants live in the tundra, which means "treeless plain", where few trees grow.`,
			prompt: `According to the text, what does "tundra" mean?`, key: "treeless plain"},
		{text: `The prefix "bio-" means "life," so biology is the study of life.`,
			prompt: `According to the text, what does "bio-" mean?`, key: "life"},
		// no explanation: nothing to ask
		{text: `It means a lot to the people of the town that the bridge was rebuilt.`, notPrompt: "mean"},
	})
}
