package nlp

import (
	"slices"
	"strconv"
	"strings"
)

// counter counts values per key and gives each key's most frequent value,
// ties going to the value that sorts first (so training is deterministic).
type counter map[string]map[string]int

func (c counter) add(key, value string) {
	m := c[key]
	if m == nil {
		m = map[string]int{}
		c[key] = m
	}
	m[value]++
}

func (c counter) best(key string) (string, int) {
	var out string
	n := -1
	for v, k := range c[key] {
		if k > n || (k == n && v < out) {
			out, n = v, k
		}
	}
	return out, n
}

func sortStrings(s []string) { slices.Sort(s) }

// trainLexicon learns lemmas, lemma rules and features from gold tokens.
func trainLexicon(sents [][]Token) *lexicon {
	lem, fts, tagF, rules := counter{}, counter{}, counter{}, counter{}
	types := map[string]bool{}
	for _, toks := range sents {
		for _, t := range toks {
			lower := strings.ToLower(t.Form)
			key := lower + "\t" + t.XPOS
			lem.add(key, t.Lemma)
			fts.add(key, t.Feats.String())
			tagF.add(t.UPOS+" "+t.XPOS, t.Feats.String())
			if types[key] {
				continue
			}
			types[key] = true
			// A rule per ending, learned from word types: how the form's end
			// becomes the lemma's.
			lemma := strings.ToLower(t.Lemma)
			common := 0
			for common < len(lower) && common < len(lemma) && lower[common] == lemma[common] {
				common++
			}
			strip, add := len(lower)-common, lemma[common:]
			for k := strip; k <= min(len(lower), maxEnding); k++ {
				rules.add(t.XPOS+"\t"+lower[len(lower)-k:], strings.Join([]string{itoa(strip), add}, "\t"))
			}
		}
	}
	x := &lexicon{lemma: map[string]string{}, rule: map[string]lemmaRule{}, feats: map[string]Features{}, tagFeats: map[string]Features{}}
	for k := range tagF {
		v, _ := tagF.best(k)
		x.tagFeats[k] = ParseFeatures(v)
	}
	for k := range lem {
		v, _ := lem.best(k)
		x.lemma[k] = v
		f, _ := fts.best(k)
		x.feats[k] = ParseFeatures(f)
	}
	for k := range rules {
		v, n := rules.best(k)
		if _, ending, _ := strings.Cut(k, "\t"); n < 2 && ending != "" {
			continue // a one-off ending says nothing about unseen words
		}
		s, a, _ := strings.Cut(v, "\t")
		strip, _ := strconv.Atoi(s)
		x.rule[k] = lemmaRule{Strip: strip, Add: a}
	}
	return x
}
