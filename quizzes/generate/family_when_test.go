package generate

import "testing"

func TestFamilyWhen(t *testing.T) {
	runFamilyCases(t, "when", []familyCase{
		{text: "Araminta Ross was born in 1822 in Dorchester County.",
			prompt: "In what year was Araminta Ross born in Dorchester County?", key: "1822"},
		{text: "By 1850 the railroad had reached the town.", notPrompt: "railroad"},
	})
}
