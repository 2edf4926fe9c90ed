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

// The embedded word classes: frequent words have paths of up to 12 bits
// whose prefixes are the coarser classes; words with no vector have none.
func TestWordClassesAreEmbedded(t *testing.T) {
	if n := len(wordClasses()); n < 90000 {
		t.Fatalf("%d words have classes, want about 100,000", n)
	}
	paris, london := classOf("paris"), classOf("london")
	for _, c := range []wordClass{paris, london} {
		if c == noClass || len(c[0]) != 4 || len(c[1]) != 8 || c[2][:8] != c[1] || c[1][:4] != c[0] {
			t.Errorf("class %v: want nested prefixes of 4, 8 and up to 12 bits", c)
		}
	}
	if paris[0] != london[0] {
		t.Errorf("paris %v and london %v differ in their coarsest class", paris, london)
	}
	if c := classOf("qzxvjk"); c != noClass {
		t.Errorf("an unknown word has class %v, want none", c)
	}
}
