package nlp

// verbForms sets the form of each base-form verb (Penn VB) from the tree:
// the lexicon knows only the word, and "drag" is an order in "Drag it here"
// but an infinitive in "the war would drag on". A base form with an
// auxiliary or an infinitival marker ("would drag", "to drag", "did not
// drag"), or the open complement of another verb ("made him drag"), is an
// infinitive; one that heads a clause with no subject is an imperative.
func verbForms(toks []Token) {
	for i := range toks {
		t := &toks[i]
		if t.XPOS != "VB" {
			continue
		}
		aux, subj := false, false
		for j := range toks {
			if toks[j].Head != i {
				continue
			}
			switch toks[j].Rel {
			case "aux", "aux:pass", "mark":
				aux = aux || toks[j].Rel != "mark" || toks[j].XPOS == "TO"
			case "nsubj", "nsubj:pass", "expl", "csubj":
				subj = true
			}
		}
		switch {
		case aux || t.Rel == "xcomp":
			t.Feats = Features{VerbForm: "Inf"}
		case !subj && (t.Head < 0 || t.Rel == "conj" || t.Rel == "parataxis"):
			t.Feats = Features{Mood: "Imp", VerbForm: "Fin"}
		}
	}
}
