package generate

import "testing"

func TestFamilyWhat(t *testing.T) {
	runFamilyCases(t, "what", []familyCase{
		{text: "In 1898, Marie Curie discovered radium with her husband.",
			prompt: "What did Marie Curie discover with her husband in 1898?", key: "radium"},
		{text: "Tubman remembered the emotional pain.",
			prompt: "What did Tubman remember?", key: "the emotional pain"},
	})
}
