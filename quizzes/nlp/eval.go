package nlp

import "slices"

// Scores are the accuracies of an analysis against gold annotation, in
// percent over all words, punctuation included (as the CoNLL 2018 shared
// task counts them).
type Scores struct {
	Words                    int
	UPOS, XPOS, Lemma, Feats float64
	UAS, LAS                 float64
}

// EvaluateGoldTokens analyses the gold sentences' own tokens (their
// annotation hidden) and scores the tags, lemmas, features and trees.
func (a *Analyzer) EvaluateGoldTokens(gold []ConlluSentence) Scores {
	d := DocumentFromConllu(gold)
	want := make([][]Token, len(d.Sentences))
	for i := range d.Sentences {
		want[i] = slices.Clone(d.Sentences[i].Tokens)
		for j := range d.Sentences[i].Tokens {
			t := &d.Sentences[i].Tokens[j]
			t.UPOS, t.XPOS, t.Lemma, t.Feats, t.Head, t.Rel = "", "", "", Features{}, 0, ""
		}
	}
	a.Annotate(d)
	var s Scores
	var upos, xpos, lemma, feats, uas, las int
	for i := range d.Sentences {
		for j, got := range d.Sentences[i].Tokens {
			w := want[i][j]
			s.Words++
			if got.UPOS == w.UPOS {
				upos++
			}
			if got.XPOS == w.XPOS {
				xpos++
			}
			if got.Lemma == w.Lemma {
				lemma++
			}
			if got.Feats == w.Feats {
				feats++
			}
			if got.Head == w.Head {
				uas++
				if baseRel(got.Rel) == baseRel(w.Rel) {
					las++
				}
			}
		}
	}
	pc := func(n int) float64 { return 100 * float64(n) / float64(max(s.Words, 1)) }
	s.UPOS, s.XPOS, s.Lemma, s.Feats, s.UAS, s.LAS = pc(upos), pc(xpos), pc(lemma), pc(feats), pc(uas), pc(las)
	return s
}

// baseRel is a relation without its subtype ("acl:relcl" -> "acl"): LAS
// compares universal relations, as the CoNLL 2018 evaluation does.
func baseRel(r string) string {
	for i := 0; i < len(r); i++ {
		if r[i] == ':' {
			return r[:i]
		}
	}
	return r
}
