package nlp

import "testing"

func TestGroupPluralsTagsTheGroupsAnimalsPlural(t *testing.T) {
	a := loadAnalyzer(t)
	for _, c := range []struct {
		text, word, xpos string
	}{
		{"A wolf followed a flock of sheep for a long time.", "sheep", "NNS"},
		{"They saw a herd of deer by the river.", "deer", "NNS"},
		{"A sheep stood alone on the hill.", "sheep", "NN"},
		{"The farmer sold one sheep.", "sheep", "NN"},
	} {
		d := a.Read(c.text)
		found := false
		for _, tok := range d.Sentences[0].Tokens {
			if tok.Form != c.word {
				continue
			}
			found = true
			if tok.XPOS != c.xpos {
				t.Errorf("%q: %s tagged %s, want %s", c.text, c.word, tok.XPOS, c.xpos)
			}
			if c.xpos == "NNS" && tok.Feats.Number != "Plur" {
				t.Errorf("%q: %s has Number %q, want Plur", c.text, c.word, tok.Feats.Number)
			}
		}
		if !found {
			t.Errorf("%q: no token %q", c.text, c.word)
		}
	}
}
