package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"quiztrainer/quizzes/nlp"
)

// clauseLeaves are a predicate's dependents a question leaves out: other
// clauses, conjunctions, punctuation.
var clauseLeaves = map[string]bool{
	"conj": true, "cc": true, "parataxis": true, "punct": true, "mark": true, "advcl": true,
	"discourse": true, "dep": true, "vocative": true, "list": true, "reparandum": true, "orphan": true,
	"csubj": true, "expl": true,
}

// Ask forms a question about fact f from its clause. gap is the token the
// question asks about (the head of the subject, object or adjunct; -1
// asks about nothing and gives a yes/no order, unused today); wh is the
// question word ("Who", "What", "When", "In what year", "How many
// children"). trail is a word left at the end ("from" in "Where did she
// come from?"). ok is false when the clause cannot be asked about
// cleanly: a pronoun with no antecedent, no subject.
func (in *Input) Ask(f *Fact, gap int, wh, trail string) (string, bool) {
	s := &in.Doc.Sentences[f.Sentence]
	v := f.Pred
	subj := -1
	if f.Subject != nil {
		subj = f.Subject.Head
	}
	subjectQ := gap >= 0 && gap == subj
	if subj < 0 && !subjectQ {
		return "", false
	}
	// pronouns of the entity the question names (its subject) or asks
	// for (a subject question's gap) stay pronouns
	in.keepChain, in.keepSentence = -1, f.Sentence
	if subjectQ {
		in.keepChain = f.Subject.Chain
	} else if f.Subject != nil && !f.Subject.Unresolved {
		in.keepChain = f.Subject.Chain
	}
	in.kept = in.kept[:0]
	if f.Subject != nil && (f.Subject.Type == TPerson) {
		in.keepName = f.Subject.Text
	}
	defer func() { in.keepChain, in.keepName = -1, "" }()
	if vt := &s.Tokens[v]; (vt.XPOS == "VBN" || vt.XPOS == "VBG") && child(s, v, "aux", "aux:pass", "cop") < 0 {
		return "", false // "forced back to work" has no tense to ask with
	}
	var auxes []int
	verb := v
	cop := child(s, v, "cop")
	var parts []part  // the clause after the verb, in order
	front := []part{} // parts before the subject (moved to the end)
	bad := false
	for _, c := range children(s, v) {
		ct := &s.Tokens[c]
		switch {
		case c == gap && ct.Rel != "nsubj" && ct.Rel != "nsubj:pass":
			// what the key phrase leaves out stays in the question:
			// "radium with her husband" asks "What did Curie discover
			// with her husband?"
			for _, n := range children(s, c) {
				if s.Tokens[n].Rel == "nmod" && n > c && caseOf(s, n) != "of" {
					mark := subtree(s, n, func(rel string) bool { return promptLeaves[rel] })
					a, b := span(mark, n)
					txt, un := in.render(f.Sentence, a, b, nil)
					bad = bad || un
					parts = append(parts, part{tok: n, text: txt})
				}
			}
			continue
		case c == gap || c == subj:
			continue
		case ct.Rel == "aux" || ct.Rel == "aux:pass":
			auxes = append(auxes, c)
			continue
		case ct.Rel == "cop":
			continue
		case clauseLeaves[ct.Rel]:
			continue
		case ct.Rel == "advmod" && (ct.Feats.PronType == "Int" || ct.Feats.PronType == "Rel" || isWhWord(ct.Form)):
			continue
		case subjectQ && ct.Rel == "advmod" && subj >= 0 && c < subj && focusBefore(s, c, subj):
			// "only honey bees make honey": the word belongs to the
			// subject the question asks for
			continue
		case ct.Rel == "advmod" && (c == 0 || c+1 < len(s.Tokens) && s.Tokens[c+1].Form == ",") && (strings.EqualFold(ct.Form, "also") || strings.EqualFold(ct.Form, "then") ||
			strings.EqualFold(ct.Form, "however") || strings.EqualFold(ct.Form, "still") || strings.EqualFold(ct.Form, "even")):
			continue
		}
		var txt string
		var un bool
		switch {
		case ct.Rel == "nsubj" || ct.Rel == "obj" || ct.Rel == "iobj" || strings.HasPrefix(ct.Rel, "obl") || ct.Rel == "nmod":
			// the argument with what completes it ("the opportunity to
			// spend time"), without relative clauses and asides
			mark := subtree(s, c, func(rel string) bool { return promptLeaves[rel] })
			a, b := span(mark, c)
			for b-1 > c && s.Tokens[b-1].UPOS == "PUNCT" {
				b--
			}
			txt, un = in.render(f.Sentence, a, b, nil)
		default:
			mark := subtree(s, c, func(rel string) bool { return rel == "punct" || rel == "parataxis" || rel == "appos" })
			a, b := span(mark, c)
			txt, un = in.render(f.Sentence, a, b, nil)
		}
		bad = bad || un
		if txt == "" {
			continue
		}
		pt := part{tok: c, text: txt}
		if subj >= 0 && c < subj && c < v {
			front = append(front, pt)
		} else if c < v && ct.Rel != "advmod" {
			front = append(front, pt)
		} else {
			parts = append(parts, pt)
		}
	}
	if vt := &s.Tokens[v]; len(auxes) == 0 && cop < 0 && vt.Rel == "conj" && (vt.XPOS == "VB" || vt.XPOS == "VBP") && vt.Head >= 0 {
		// "The route would parallel the railroad and require a tunnel":
		// the second verb shares the first one's "would"
		var shared []int
		modal := false
		for _, a := range children(s, vt.Head) {
			if r := s.Tokens[a].Rel; (r == "aux" || r == "aux:pass") && a < v {
				shared = append(shared, a)
				modal = modal || s.Tokens[a].XPOS == "MD"
			}
		}
		if vt.XPOS == "VB" || modal {
			auxes = append(auxes, shared...)
		}
	}
	var neg []string
	var pre []part
	for _, p := range parts {
		if p.tok < v && s.Tokens[p.tok].Rel == "advmod" {
			// "never", "not", "only" stay before the verb
			if isNeg(&s.Tokens[p.tok]) {
				neg = append(neg, lower(p.text))
			} else {
				pre = append(pre, p)
			}
			continue
		}
		if isNeg(&s.Tokens[p.tok]) {
			neg = append(neg, lower(p.text))
			continue
		}
	}
	var rest []string
	for _, p := range parts {
		if p.tok < v && s.Tokens[p.tok].Rel == "advmod" || isNeg(&s.Tokens[p.tok]) {
			continue
		}
		rest = append(rest, p.text)
	}
	for _, p := range front {
		rest = append(rest, lowerFirst(s, p))
	}
	var w []string
	vt := &s.Tokens[verb]
	preText := texts(pre)
	if subjectQ {
		w = append(w, wh)
		first := true
		for _, a := range auxes {
			w = append(w, agree(&s.Tokens[a], first))
			first = false
		}
		w = append(w, neg...)
		w = append(w, preText...)
		if cop >= 0 {
			w = append(w, agree(&s.Tokens[cop], first))
			w = append(w, in.predicateText(f, v))
		} else {
			w = append(w, agree(vt, first))
		}
	} else {
		st := f.Subject.Text
		if f.Subject.Unresolved {
			bad = true
		}
		st = lowerPhrase(s, f.Subject, st)
		firstPerson := strings.HasPrefix(st, "the writer")
		w = append(w, wh)
		switch {
		case len(auxes) > 0:
			w = append(w, fixAux(strings.ToLower(s.Tokens[auxes[0]].Form), firstPerson), st)
			for _, a := range auxes[1:] {
				w = append(w, strings.ToLower(s.Tokens[a].Form))
			}
			w = append(w, neg...)
			w = append(w, preText...)
			if cop >= 0 {
				w = append(w, strings.ToLower(s.Tokens[cop].Form), in.predicateText(f, v))
			} else {
				w = append(w, vt.Form)
			}
		case cop >= 0:
			w = append(w, fixAux(strings.ToLower(s.Tokens[cop].Form), firstPerson), st)
			w = append(w, neg...)
			w = append(w, preText...)
			if gap != v {
				w = append(w, in.predicateText(f, v))
			}
		case strings.EqualFold(vt.Lemma, "be"):
			w = append(w, fixAux(strings.ToLower(vt.Form), firstPerson), st)
			w = append(w, neg...)
		default:
			w = append(w, doSupport(vt, f.Subject, firstPerson), st)
			w = append(w, neg...)
			w = append(w, preText...)
			w = append(w, strings.ToLower(vt.Lemma))
		}
	}
	w = append(w, rest...)
	if trail != "" {
		w = append(w, trail)
	}
	q := cleanSpaces(strings.Join(w, " "))
	q = strings.ReplaceAll(q, " ,", ",")
	q = strings.ReplaceAll(strings.ReplaceAll(q, " n't", "n't"), " n’t", "n’t") // "doesn't", not "does n't"
	q = upperFirst(strings.TrimRight(q, " ,;:") + "?")
	if !bad {
		if in.asked == nil {
			in.asked = map[string][]string{}
		}
		in.asked[q] = append([]string(nil), in.kept...)
	}
	return q, !bad
}

// promptLeaves are what an argument leaves out when it is part of a prompt.
var promptLeaves = map[string]bool{
	"acl:relcl": true, "appos": true, "parataxis": true, "dep": true, "advcl": true,
	"list": true, "vocative": true, "discourse": true, "reparandum": true, "orphan": true,
}

func isWhWord(w string) bool {
	switch strings.ToLower(w) {
	case "when", "where", "why", "how", "whenever", "wherever":
		return true
	}
	return false
}

type part struct {
	tok  int
	text string
}

func texts(ps []part) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.text)
	}
	return out
}

func isNeg(t *nlp.Token) bool {
	return t.Rel == "advmod" && (strings.EqualFold(t.Form, "not") || strings.EqualFold(t.Form, "never") || t.Form == "n't" || t.Feats.Polarity == "Neg")
}

// predicateText renders a copula's predicate with its own dependents.
func (in *Input) predicateText(f *Fact, v int) string {
	s := &in.Doc.Sentences[f.Sentence]
	mark := subtree(s, v, func(rel string) bool { return npLeaves[rel] || rel == "cop" || rel == "nsubj" || rel == "aux" })
	a, b := span(mark, v)
	for a < v && (s.Tokens[a].Rel == "cop" || s.Tokens[a].Rel == "aux" || s.Tokens[a].Rel == "nsubj" || s.Tokens[a].UPOS == "PUNCT") {
		a++
	}
	txt, _ := in.render(f.Sentence, a, b, nil)
	return txt
}

// agree puts a verb after a question word in the singular: "Who was sold"
// for "three sisters were sold".
func agree(t *nlp.Token, first bool) string {
	w := strings.ToLower(t.Form)
	if !first {
		return w
	}
	switch w {
	case "were":
		return "was"
	case "are", "am":
		return "is"
	case "have":
		return "has"
	case "do":
		return "does"
	}
	if t.XPOS == "VBP" {
		return thirdPerson(t.Lemma)
	}
	return w
}

// thirdPerson inflects a verb's lemma for he/she/it: "reach" -> "reaches".
func thirdPerson(l string) string {
	switch {
	case l == "be":
		return "is"
	case l == "have":
		return "has"
	case strings.HasSuffix(l, "s") || strings.HasSuffix(l, "sh") || strings.HasSuffix(l, "ch") || strings.HasSuffix(l, "x") || strings.HasSuffix(l, "z") || strings.HasSuffix(l, "o"):
		return l + "es"
	case strings.HasSuffix(l, "y") && len(l) > 1 && !strings.ContainsRune("aeiou", rune(l[len(l)-2])):
		return l[:len(l)-1] + "ies"
	}
	return l + "s"
}

// doSupport is the "do" a question adds: "What did Curie discover?"
func doSupport(v *nlp.Token, subj *Phrase, firstPerson bool) string {
	if v.Feats.Tense == "Past" || v.XPOS == "VBD" || v.XPOS == "VBN" {
		return "did"
	}
	if v.XPOS == "VBZ" || firstPerson {
		return "does"
	}
	if v.XPOS == "VBP" {
		return "do"
	}
	return "did"
}

// fixAux makes an auxiliary agree with "the writer" standing for "I".
func fixAux(w string, firstPerson bool) string {
	if !firstPerson {
		return w
	}
	switch w {
	case "am":
		return "is"
	case "have":
		return "has"
	case "do":
		return "does"
	}
	return w
}

// lowerPhrase lower-cases a phrase's first word when it is only capital
// because it starts the sentence ("The overseer" -> "the overseer").
func lowerPhrase(s *nlp.Sentence, p *Phrase, txt string) string {
	// a pronoun made a name ("His rival" -> "Mauritania's President
	// Ghazouani's rival") keeps the name's case
	if p.Start == 0 && s.Tokens[0].UPOS != "PROPN" && !strings.HasPrefix(txt, "the writer") && s.Tokens[0].Form != "I" && strings.HasPrefix(txt, s.Tokens[0].Form) {
		return lower(txt)
	}
	return txt
}

func lowerFirst(s *nlp.Sentence, p part) string {
	if p.tok >= 0 && firstTokenOf(s, p.tok) == 0 && s.Tokens[0].UPOS != "PROPN" {
		return lower(p.text)
	}
	return p.text
}

// firstTokenOf is the first token of h's subtree.
func firstTokenOf(s *nlp.Sentence, h int) int {
	mark := subtree(s, h, nil)
	for i, m := range mark {
		if m {
			return i
		}
	}
	return h
}

// lower lower-cases the first letter.
func lower(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	// keep acronyms and names written in capitals
	if n < len(s) {
		r2, _ := utf8.DecodeRuneInString(s[n:])
		if unicode.IsUpper(r2) {
			return s
		}
	}
	return string(unicode.ToLower(r)) + s[n:]
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// focusBefore: token c is a focus word ("only", "even", "just") right
// before the subject's words, which it limits.
func focusBefore(s *nlp.Sentence, c, subj int) bool {
	switch strings.ToLower(s.Tokens[c].Form) {
	case "only", "even", "just", "mainly", "mostly", "especially", "particularly":
	default:
		return false
	}
	for k := c + 1; k < len(s.Tokens) && k <= subj; k++ {
		if s.Tokens[k].Head != subj && k != subj {
			return false
		}
	}
	return true
}
