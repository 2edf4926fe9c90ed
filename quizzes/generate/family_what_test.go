package generate

import "testing"

func TestFamilyWhat(t *testing.T) {
	runFamilyCases(t, "what", []familyCase{
		{text: "In 1898, Marie Curie discovered radium with her husband.",
			prompt: "What did Marie Curie discover with her husband in 1898?", key: "radium"},
		{text: "The overseer threw a heavy weight at the enslaved man.",
			prompt: "What did the overseer throw at the enslaved man?", key: "a heavy weight"},
		// a one-word name that may be a person's is asked neither "What" nor "Who"
		{text: "Tubman remembered the emotional pain.", notPrompt: "What remembered"},
	})
}
