package generate

import (
	"reflect"
	"testing"
)

func readForTest(t *testing.T, text string) *Input {
	t.Helper()
	p, err := newPipeline()
	if err != nil {
		t.Fatal(err)
	}
	in, _ := p.candidates(text)
	return in
}

func TestAbbreviations(t *testing.T) {
	in := readForTest(t, "Iceland joined the North Atlantic Treaty Organization (NATO) in 1949. It is also in the European Free Trade Association (EFTA). Its bank (the central one) is small.")
	want := map[string]string{"North Atlantic Treaty Organization": "NATO", "European Free Trade Association": "EFTA"}
	if got := in.abbreviations(); !reflect.DeepEqual(got, want) {
		t.Errorf("abbreviations = %q, want %q", got, want)
	}
	found := false
	for _, a := range in.namedAliases("NATO", TOrg) {
		found = found || a == "North Atlantic Treaty Organization"
	}
	if !found {
		t.Errorf("aliases of NATO = %q, want the long form", in.namedAliases("NATO", TOrg))
	}
}

func TestNameForms(t *testing.T) {
	in := readForTest(t, "Ben Ross was her father. Araminta Ross was born in 1822. President Woodrow Wilson signed the bill. Mrs. Mallard wept. Brently Mallard came home. Stephen T. Mather wrote to him.")
	for _, c := range []struct {
		name string
		want []string
	}{
		{"President Woodrow Wilson", []string{"Woodrow Wilson", "Wilson"}},
		{"Araminta Ross", []string{"Araminta Ross"}}, // Ben Ross is a Ross too
		{"Brently Mallard", []string{"Brently Mallard"}},
		{"Stephen T. Mather", []string{"Stephen T. Mather", "Stephen Mather", "Mather"}},
		{"New Zealand Prime Minister Jacinda Ardern", []string{"Jacinda Ardern", "Ardern"}},
	} {
		if got := in.nameForms(c.name, -1, true); !reflect.DeepEqual(got, c.want) {
			t.Errorf("nameForms(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}
