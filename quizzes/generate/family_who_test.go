package generate

import "testing"

func TestFamilyWho(t *testing.T) {
	runFamilyCases(t, "who", []familyCase{
		{text: "The overseer threw a two pound weight at the enslaved man, but it hit Tubman in the head.",
			prompt: "Who threw a two pound weight at the enslaved man?", key: "The overseer"},
		{text: "In 1898, Marie Curie discovered radium with her husband.",
			prompt: "Who discovered radium with her husband in 1898?", key: "Marie Curie", notPrompt: "Who did"},
	})
}
