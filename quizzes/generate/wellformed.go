package generate

import (
	"strings"

	"quiztrainer/quizzes/nlp"
)

// fixedWording are the templates whose prompt the family writes whole
// ("Which sentence best sums up the text?"): they are not read back.
var fixedWording = []string{"mainidea.", "sequence.", "truefalse."}

// wellFormedCandidate is wellFormed for a candidate: a prompt of fixed
// wording is taken as it is.
func (p *Pipeline) wellFormedCandidate(c *Candidate) bool {
	if !p.clauseChoices(c) {
		return false
	}
	for _, f := range fixedWording {
		if strings.HasPrefix(c.Template, f) {
			return true
		}
	}
	return p.wellFormed(c.Prompt)
}

// ditransitive verbs take two objects ("What did they give Tubman?"); a
// question on another verb with the wh-word and a second object is a
// sentence misread ("What did Mather hire Robert Sterling Yard?").
var ditransitive = map[string]bool{
	"give": true, "send": true, "offer": true, "show": true, "tell": true, "teach": true,
	"bring": true, "pay": true, "owe": true, "lend": true, "sell": true, "hand": true,
	"award": true, "grant": true, "call": true, "name": true, "ask": true, "cost": true,
	"make": true, "elect": true, "consider": true, "leave": true, "buy": true, "promise": true,
}

// movedAdverbs are sentence adverbs that a question cannot end with: they
// were left behind when the clause was turned around ("Who has changed
// due to scientific progress certainly?").
var movedAdverbs = map[string]bool{
	"certainly": true, "also": true, "however": true, "therefore": true, "thus": true,
	"indeed": true, "probably": true, "perhaps": true, "clearly": true, "obviously": true,
	"hence": true, "moreover": true, "furthermore": true, "nevertheless": true, "generally": true,
	"though": true, "normally": true, "usually": true, "often": true, "then": true, "too": true,
	"eventually": true, "finally": true, "still": true, "instead": true, "yet": true,
}

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
	if strings.HasSuffix(strings.TrimSpace(prompt), "?") {
		return questionShape(s)
	}
	return true
}

// questionShape checks a question's parse for the marks of a sentence
// turned around wrongly. Each rule names the failure it was written for.
func questionShape(s *nlp.Sentence) bool {
	n := len(s.Tokens)
	last := n - 1
	for last >= 0 && s.Tokens[last].UPOS == "PUNCT" {
		last--
	}
	if last < 0 {
		return false
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		lemma := strings.ToLower(t.Lemma)
		switch {
		// "What do Tsunamis radiate reach?": only "be" links a subject
		// to what it is
		case t.Rel == "cop" && lemma != "be":
			return false
		// "What means small is the study of ...?": a second clause's
		// copula hung on the first clause's object
		case t.Rel == "cop" && t.Head >= 0 && s.Tokens[t.Head].Rel != "root" && s.Tokens[t.Head].Rel != "ccomp" &&
			s.Tokens[t.Head].Rel != "conj" && s.Tokens[t.Head].Rel != "advcl" && s.Tokens[t.Head].Rel != "acl:relcl" &&
			s.Tokens[t.Head].Rel != "xcomp" && s.Tokens[t.Head].Rel != "csubj":
			return false
		// "What certainly includes observation, both with the naked
		// eye ...?": a noun as the root with no "is" to link it
		case t.Rel == "root" && (t.UPOS == "NOUN" || t.UPOS == "PROPN") && child(s, i, "cop") < 0:
			return false
		// "What waves depends on ocean depth?": a finite verb read as
		// a noun's part is two clauses run together
		case t.UPOS == "VERB" && (t.XPOS == "VBZ" || t.XPOS == "VBD") &&
			(t.Rel == "obj" || t.Rel == "nsubj" || t.Rel == "compound" || t.Rel == "amod" || t.Rel == "nmod"):
			return false
		// "Who became Mather's top aide old?": an adjective left behind
		// after its noun
		case t.Rel == "amod" && t.Head >= 0 && t.Head < i &&
			(s.Tokens[t.Head].UPOS == "NOUN" || s.Tokens[t.Head].UPOS == "PROPN") && len(children(s, i)) == 0:
			return false
		// "Who always got a very large share and the Fox a very small
		// one?": a second clause without its verb
		case (t.Rel == "nsubj" || t.Rel == "nsubj:pass") && t.Head >= 0 && s.Tokens[t.Head].Rel != "root" &&
			(s.Tokens[t.Head].UPOS == "NOUN" || s.Tokens[t.Head].UPOS == "PRON") && child(s, t.Head, "cop") < 0:
			return false
		// "What did the discovery lead to write ...?": "did" read as
		// the main verb, the real verb as a noun
		case t.Rel == "root" && lemma == "do" && t.UPOS == "VERB" && child(s, i, "advcl", "xcomp") >= 0:
			return false
		}
		// "... to create a Matariki public holiday Rahui Katene?": a
		// name cut from its title and put after another noun, with no
		// comma to make it an apposition
		if t.Rel == "appos" {
			first := i
			for j := 0; j < i; j++ {
				if dominates(s, i, j) {
					first = j
					break
				}
			}
			if first > 0 {
				switch s.Tokens[first-1].Text {
				case ",", "(", "-", "–", "—", ":":
				default:
					return false
				}
			}
		}
		// "What did Mather hire Robert Sterling Yard?": the wh-word and
		// a second object on a verb that takes one
		if t.UPOS == "VERB" && !ditransitive[lemma] {
			objs, wh := 0, false
			for _, c := range children(s, i) {
				if s.Tokens[c].Rel == "obj" || s.Tokens[c].Rel == "iobj" {
					objs++
					if strings.HasPrefix(s.Tokens[c].XPOS, "W") {
						wh = true
					}
				}
			}
			if wh && objs > 1 {
				return false
			}
		}
		// "What has been established, with Māori Crown Relations?": a
		// phrase cut off by a comma and hung on the end
		if t.Text == "," && i+1 <= last {
			h := phraseHeadAt(s, i+1)
			if h >= 0 && s.Tokens[h].Head >= 0 && spanEnd(s, h) >= last && (s.Tokens[s.Tokens[h].Head].Rel == "root" ||
				// "Who would not have a crop without bees, fruit and nut
				// growers?": the sentence's subject hung on an object
				s.Tokens[h].Rel == "nmod" && s.Tokens[h].UPOS == "NOUN") {
				switch s.Tokens[h].Rel {
				case "obl", "obj", "appos", "advmod", "nmod", "xcomp", "iobj":
					return false
				}
			}
		}
	}
	if !agrees(s) {
		return false
	}
	// "What are honey bees highly organized?": the describing words of
	// the asked-for noun left behind after "What is X"
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Rel != "root" || !strings.HasPrefix(t.XPOS, "W") || child(s, i, "cop") < 0 {
			continue
		}
		if subj := child(s, i, "nsubj"); subj >= 0 {
			for _, a := range children(s, subj) {
				at := &s.Tokens[a]
				if at.Rel == "acl" && at.XPOS == "VBN" && a > subj && spanEnd(s, a) >= last && child(s, a, "obj", "obl", "xcomp", "ccomp") < 0 {
					return false
				}
			}
		}
	}
	lt := &s.Tokens[last]
	// "What went to a recent competition in Los Angeles VOA's?": a
	// possessor left without what it owns
	if lt.XPOS == "POS" || lt.Rel == "case" && (lt.Text == "'s" || lt.Text == "’s") {
		return false
	}
	// "Who has changed due to scientific progress certainly?"
	if lt.UPOS == "ADV" && movedAdverbs[strings.ToLower(lt.Text)] {
		return false
	}
	// "... generated by a large?": a phrase cut before its noun
	if (lt.UPOS == "ADJ" || lt.UPOS == "DET") && child(s, last, "det") >= 0 {
		return false
	}
	if lt.UPOS == "ADP" && lt.Rel == "case" && lt.Head < last {
		return false
	}
	return true
}

// phraseHeadAt is the head of the phrase that token i begins: the token
// itself, or the head it attaches to when it is a function word.
func phraseHeadAt(s *nlp.Sentence, i int) int {
	t := &s.Tokens[i]
	switch t.Rel {
	case "case", "det", "amod", "compound", "nummod", "advmod", "mark":
		if t.Head > i {
			return t.Head
		}
	}
	return i
}

// spanEnd is the last token of the subtree of h.
func spanEnd(s *nlp.Sentence, h int) int {
	end := h
	for i := range s.Tokens {
		if i > end && dominates(s, h, i) {
			end = i
		}
	}
	return end
}

// dominates reports whether h is i or one of its ancestors.
func dominates(s *nlp.Sentence, h, i int) bool {
	for steps := 0; i >= 0 && steps <= len(s.Tokens); steps++ {
		if i == h {
			return true
		}
		i = s.Tokens[i].Head
	}
	return false
}

// agrees reports whether a question's verb agrees with its subject in
// number: "What is highly organized social insects?" and "What do the
// presence of land masses all complicate?" are sentences turned around
// wrongly.
func agrees(s *nlp.Sentence) bool {
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Rel != "aux" && t.Rel != "cop" || t.Head < 0 {
			continue
		}
		var singular bool
		switch strings.ToLower(t.Text) {
		case "is", "was", "does", "has":
			singular = true
		case "are", "were", "do", "have":
			singular = false
		default:
			continue
		}
		h := t.Head
		subj := child(s, h, "nsubj", "nsubj:pass")
		if subj < 0 {
			continue
		}
		n := &s.Tokens[subj]
		if strings.HasPrefix(n.XPOS, "W") {
			// the wh-word is the subject: a copula's noun says the
			// number ("What is ... insects?")
			if t.Rel != "cop" || !singular || s.Tokens[h].XPOS != "NNS" || child(s, h, "conj") >= 0 {
				continue
			}
			return false
		}
		if child(s, subj, "conj") >= 0 || n.UPOS != "NOUN" && n.UPOS != "PROPN" {
			continue
		}
		if singular && (n.XPOS == "NNS" || n.XPOS == "NNPS") || !singular && (n.XPOS == "NN" || n.XPOS == "NNP") && t.Lemma == "do" {
			return false
		}
	}
	return true
}

// clauseChoices reads back the choices of a "Because ..." question: each
// must be a clause with a finite verb. "Because stored in the hive" and
// "Because an observer being carried toward the regions ..." are
// fragments of a sentence read wrongly.
func (p *Pipeline) clauseChoices(c *Candidate) bool {
	if len(c.Distractors) == 0 || !strings.HasPrefix(c.Key, "Because ") || strings.HasPrefix(c.Key, "Because of ") {
		return true
	}
	for _, ch := range append([]string{c.Key}, c.Distractors...) {
		body, ok := strings.CutPrefix(ch, "Because ")
		if !ok || strings.HasPrefix(body, "of ") {
			continue
		}
		d := p.nlp.Read(body + ".")
		if len(d.Sentences) == 0 {
			return false
		}
		for i := range d.Sentences {
			if !hasFiniteVerb(&d.Sentences[i]) {
				return false
			}
		}
	}
	return true
}
