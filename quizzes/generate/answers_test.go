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

func TestOtherUnit(t *testing.T) {
	in := readForTest(t, "The wave travelled 6,000 kilometres (3,700 miles) across the ocean in a day.")
	s := &in.Doc.Sentences[0]
	for h, tok := range s.Tokens {
		if tok.Form == "kilometres" {
			p := in.NounPhrase(0, h)
			if got := in.otherUnit(&p); got != "3,700 miles" {
				t.Errorf("otherUnit(%q) = %q, want 3,700 miles", p.Text, got)
			}
			return
		}
	}
	t.Fatal("no 'kilometres' token")
}

func TestTypeable(t *testing.T) {
	for _, c := range []struct {
		c    Candidate
		want bool
	}{
		{Candidate{Key: "like a goddess of Victory"}, false},
		{Candidate{Key: "the North Atlantic Ocean"}, true},
		{Candidate{Key: "the medieval Icelandic sagas of Iceland", Accepted: []string{"Icelandic sagas"}}, true},
		{Candidate{Key: "poor planning and design"}, false},
		{Candidate{Key: "incredibly high mortality rate", Accepted: []string{"mortality rate"}}, true},
		{Candidate{Key: "December 6, 1877"}, true},
		{Candidate{Key: "Ferdinand de Lesseps"}, true},
	} {
		if got := typeable(&c.c); got != c.want {
			t.Errorf("typeable(%q, %q) = %v, want %v", c.c.Key, c.c.Accepted, got, c.want)
		}
	}
}
