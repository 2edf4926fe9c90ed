package generate

import (
	"strings"

	"quiztrainer/quizzes/nlp"
)

// FactKind says what a fact states.
type FactKind string

const (
	// Event: who did what to whom, when, where, how many ("Curie
	// discovered radium in 1898").
	Event FactKind = "event"
	// Said: who said (wrote, announced) what.
	Said FactKind = "said"
	// Is: what X is or is also called ("A tsunami is a series of waves",
	// "her slaveholder, Edward Brodess", "Araminta Ross, known as ...").
	Is FactKind = "is"
	// Cause: one thing caused, led to or explains another.
	Cause FactKind = "cause"
	// Sequence: one event came before or after another.
	Sequence FactKind = "sequence"
)

// Fact is one statement of the text, read from a sentence's dependency
// tree.
type Fact struct {
	Kind     FactKind
	Sentence int
	// Pred is the predicate: the verb, or for a copula the predicate word
	// ("hero" in "Tubman is an American hero").
	Pred    int
	Subject *Phrase // nil when the clause has none (an order, a shared subject not found)
	Object  *Phrase // the direct object; for Is, what the subject is
	Args    []Arg   // the predicate's other nominal dependents, in text order
	Negated bool    // "not", "never" on the predicate
	Passive bool
	// Clause is the head of a clause the fact holds: what was said (Said);
	// the cause (Cause) with Effect the effect; the earlier event
	// (Sequence) with Effect the later. -1 when the cause or effect is a
	// phrase (CausePhrase, EffectPhrase) or there is none.
	Clause, Effect            int
	CausePhrase, EffectPhrase *Phrase
	Marker                    string // the word that states a cause or order: "because", "after", "caused"
}

// Arg is a dependent of a predicate with its preposition: "in 1898".
type Arg struct {
	Rel    string // obl, obl:tmod, obl:npmod, iobj, ...
	Case   string // the preposition(s), lower case, "" for none
	Phrase Phrase
}

// extractFacts reads the facts of every sentence.
func (in *Input) extractFacts() []Fact {
	var out []Fact
	for si := range in.Doc.Sentences {
		s := &in.Doc.Sentences[si]
		for v := range s.Tokens {
			if f, ok := in.clause(si, v); ok {
				out = append(out, f)
				out = append(out, in.derived(&out[len(out)-1])...)
			}
		}
		out = append(out, in.appositions(si)...)
	}
	return out
}

// predicateRels are the relations under which a verb heads a clause of its own.
var predicateRels = map[string]bool{
	"root": true, "ccomp": true, "conj": true, "advcl": true, "parataxis": true, "acl:relcl": false,
}

// clause reads the fact headed by token v, if v heads a clause.
func (in *Input) clause(si, v int) (Fact, bool) {
	s := &in.Doc.Sentences[si]
	t := &s.Tokens[v]
	cop := child(s, v, "cop")
	isVerb := t.UPOS == "VERB" || t.UPOS == "AUX" && cop < 0 && child(s, v, "nsubj") >= 0
	if !isVerb && cop < 0 || !predicateRels[t.Rel] {
		return Fact{}, false
	}
	f := Fact{Kind: Event, Sentence: si, Pred: v, Clause: -1, Effect: -1}
	if cop >= 0 {
		f.Kind = Is
		if t.UPOS == "NOUN" || t.UPOS == "PROPN" || t.UPOS == "PRON" {
			p := in.NounPhrase(si, v)
			f.Object = &p
		}
	}
	subj := child(s, v, "nsubj", "nsubj:pass")
	if subj < 0 && t.Rel == "conj" && t.Head >= 0 && (t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP") {
		// "She escaped and returned": the subject is the first verb's
		subj = child(s, t.Head, "nsubj", "nsubj:pass")
	}
	if subj >= 0 {
		p := in.NounPhrase(si, subj)
		f.Subject = &p
		f.Passive = s.Tokens[subj].Rel == "nsubj:pass"
	}
	for _, c := range children(s, v) {
		ct := &s.Tokens[c]
		switch {
		case ct.Rel == "obj" && f.Object == nil:
			p := in.NounPhrase(si, c)
			f.Object = &p
		case strings.HasPrefix(ct.Rel, "obl") || ct.Rel == "iobj":
			f.Args = append(f.Args, Arg{Rel: ct.Rel, Case: caseOf(s, c), Phrase: in.NounPhrase(si, c)})
		case ct.Rel == "advmod" && (strings.EqualFold(ct.Form, "not") || strings.EqualFold(ct.Form, "never") || ct.Form == "n't" || ct.Feats.Polarity == "Neg"):
			f.Negated = true
		case ct.Rel == "ccomp" && in.lists.sayVerbs[strings.ToLower(t.Lemma)]:
			f.Kind = Said
			f.Clause = c
		}
	}
	return f, true
}

// derived reads the cause and sequence facts a clause holds: an adverbial
// clause introduced by "because" or "after", "because of" a phrase, a verb
// such as "cause".
func (in *Input) derived(f *Fact) []Fact {
	s := &in.Doc.Sentences[f.Sentence]
	var out []Fact
	for _, c := range children(s, f.Pred) {
		ct := &s.Tokens[c]
		if ct.Rel == "advcl" {
			m := child(s, c, "mark")
			if m < 0 {
				continue
			}
			w := strings.ToLower(s.Tokens[m].Form)
			switch w {
			case "because", "since", "as":
				if w != "because" && s.Tokens[m].Start > s.Tokens[f.Pred].Start {
					continue // "as" and "since" after the verb are as often time
				}
				out = append(out, Fact{Kind: Cause, Sentence: f.Sentence, Pred: f.Pred, Clause: c, Effect: f.Pred, Marker: w, Subject: f.Subject})
			case "after", "before", "until", "when", "once":
				out = append(out, Fact{Kind: Sequence, Sentence: f.Sentence, Pred: f.Pred, Clause: c, Effect: f.Pred, Marker: w, Subject: f.Subject})
			}
		}
	}
	for _, a := range f.Args {
		if a.Case == "because of" || a.Case == "due to" || a.Case == "thanks to" {
			p := a.Phrase
			out = append(out, Fact{Kind: Cause, Sentence: f.Sentence, Pred: f.Pred, Clause: -1, Effect: f.Pred, CausePhrase: &p, Marker: a.Case, Subject: f.Subject})
		}
	}
	switch strings.ToLower(s.Tokens[f.Pred].Lemma) {
	case "cause", "trigger", "produce", "create":
		if f.Subject != nil && f.Object != nil && !f.Passive {
			out = append(out, Fact{Kind: Cause, Sentence: f.Sentence, Pred: f.Pred, Clause: -1, Effect: -1, CausePhrase: f.Subject, EffectPhrase: f.Object, Marker: strings.ToLower(s.Tokens[f.Pred].Lemma)})
		}
	}
	return out
}

// caseOf returns the preposition(s) of a nominal dependent, lower case.
func caseOf(s *nlp.Sentence, h int) string {
	var w []string
	for _, c := range children(s, h) {
		if s.Tokens[c].Rel == "case" && c < h {
			w = append(w, strings.ToLower(s.Tokens[c].Form))
			for _, f := range children(s, c) {
				if s.Tokens[f].Rel == "fixed" {
					w = append(w, strings.ToLower(s.Tokens[f].Form))
				}
			}
		}
	}
	return strings.Join(w, " ")
}

// appositions reads "X, Y" facts: "her slaveholder, Edward Brodess" says
// who her slaveholder was.
func (in *Input) appositions(si int) []Fact {
	s := &in.Doc.Sentences[si]
	var out []Fact
	for i := range s.Tokens {
		if s.Tokens[i].Rel != "appos" || s.Tokens[i].Head < 0 {
			continue
		}
		h := s.Tokens[i].Head
		a, b := in.NounPhrase(si, h), in.NounPhrase(si, i)
		out = append(out, Fact{Kind: Is, Sentence: si, Pred: i, Subject: &a, Object: &b, Clause: -1, Effect: -1, Marker: "appos"})
	}
	return out
}
