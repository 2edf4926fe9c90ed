package generate

import "strings"

// wellFormed reads a prompt back with the English analysis and reports
// whether it parses as one question: a single main verb (or a copula), no
// words the parser could not attach. A question formed from a sentence
// the analysis misread ("What do Tsunamis radiate reach?") fails. It
// costs a parse per prompt, so the draft asks it only of the questions it
// is about to pick.
func (p *Pipeline) wellFormed(prompt string) bool {
	d := p.nlp.Read(prompt)
	if len(d.Sentences) != 1 {
		return false
	}
	s := &d.Sentences[0]
	mainVerbs := 0
	for i := range s.Tokens {
		t := &s.Tokens[i]
		switch t.Rel {
		case "dep", "reparandum", "orphan":
			return false
		case "root":
			if t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON" || t.UPOS == "ADJ" || t.UPOS == "NUM" {
				if child(s, i, "cop") < 0 && child(s, i, "nsubj", "nsubj:pass") < 0 {
					return false
				}
			}
		}
		if t.UPOS == "VERB" && (t.Rel == "root" || t.Rel == "parataxis" || t.Rel == "conj" && child(s, i, "cc") < 0) {
			mainVerbs++
		}
	}
	if mainVerbs > 1 {
		return false
	}
	// "What do X reach?": a question with do-support needs its verb bare
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Rel == "aux" && strings.EqualFold(t.Lemma, "do") && t.Head >= 0 {
			v := &s.Tokens[t.Head]
			if v.XPOS != "VB" && v.XPOS != "VBP" {
				return false
			}
		}
	}
	return true
}
