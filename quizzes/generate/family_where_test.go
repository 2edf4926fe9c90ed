package generate

import "testing"

func TestFamilyWhere(t *testing.T) {
	runFamilyCases(t, "where", []familyCase{
		{text: "Araminta Ross was born in 1822 in Dorchester County.",
			prompt: "Where was Araminta Ross born in 1822?", key: "Dorchester County"},
	})
}
