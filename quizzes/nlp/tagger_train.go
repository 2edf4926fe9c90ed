package nlp

import (
	"math/rand/v2"
	"slices"
)

// tagClasses are the "UPOS XPOS" pairs of the training sentences, sorted.
func tagClasses(sents [][]Token) []string {
	seen := map[string]bool{}
	var out []string
	for _, toks := range sents {
		for _, t := range toks {
			c := t.UPOS + " " + t.XPOS
			if !seen[c] {
				seen[c] = true
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out
}

// trainTagger learns the tag model from sentences with gold tags.
func trainTagger(sents [][]Token, epochs int, seed uint64, logf func(string, ...any)) (*classifier, tagDict) {
	dict := buildTagDict(sents)
	classes := tagClasses(sents)
	index := map[string]int{}
	for i, c := range classes {
		index[c] = i
	}
	p := newAveragedPerceptron(len(classes))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, 0x7a99e5))
	ctxs := make([]*tagContext, len(sents))
	for i, toks := range sents {
		ctxs[i] = newTagContext(toks, dict)
	}
	fs := make(featureSet, 0, 48)
	for epoch := 0; epoch < epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, total := 0, 0
		for _, si := range order {
			toks, c := sents[si], ctxs[si]
			prev, prev2 := "", ""
			for i := range toks {
				fs = fs[:0]
				tagFeatures(&fs, c, i, prev, prev2)
				guess := p.predict(fs, nil)
				truth := index[toks[i].UPOS+" "+toks[i].XPOS]
				p.tick()
				total++
				if guess != truth {
					wrong++
					p.update(fs, truth, guess)
				}
				prev2, prev = prev, classes[guess]
			}
		}
		if logf != nil {
			logf("tagger epoch %d: %.2f%% wrong, %d rows", epoch+1, 100*float64(wrong)/float64(max(total, 1)), p.index.len())
		}
	}
	return p.model(classes), dict
}
