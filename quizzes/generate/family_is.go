package generate

import (
	"strings"

	"quiztrainer/quizzes/nlp"
)

// familyIs asks what a thing is, or who someone was, from a definition
// ("A tsunami is a series of ocean waves ..."), an apposition ("her
// slaveholder, Edward Brodess") or a second name ("also known as").
type familyIs struct{}

func init() { register(familyIs{}) }

func (familyIs) Name() string { return "is" }

func (familyIs) Ask(in *Input) []*Candidate {
	var out []*Candidate
	var defs []*Candidate
	for i := range in.Facts {
		f := &in.Facts[i]
		switch {
		case f.Kind == Is && f.Marker == "appos":
			if c := in.askApposition(f); c != nil {
				out = append(out, c)
			}
		case f.Kind == Is:
			if c := in.askDefinition(f); c != nil {
				defs = append(defs, c)
			}
		case f.Kind == Event:
			if c := in.askKnownAs(f); c != nil {
				out = append(out, c)
			}
		}
	}
	// a definition's wrong choices are the text's other definitions
	for _, c := range defs {
		for _, d := range defs {
			if d != c && d.Template == "is.definition" && !strings.EqualFold(d.Key, c.Key) && d.KeyPhrase.Text != c.KeyPhrase.Text {
				c.Distractors = append(c.Distractors, d.Key)
			}
		}
		out = append(out, c)
	}
	return out
}

// askApposition: "her slaveholder, Edward Brodess" -> "Who was Harriet
// Tubman's slaveholder?" (Edward Brodess).
func (in *Input) askApposition(f *Fact) *Candidate {
	role, name := f.Subject, f.Object
	if role.Named && !name.Named {
		role, name = name, role
	}
	if !name.Named || role.Named || role.Unresolved || name.Unresolved || role.Pronoun {
		return nil
	}
	s := &in.Doc.Sentences[f.Sentence]
	rt := &s.Tokens[role.Head]
	if rt.UPOS != "NOUN" || name.Type != TPerson && name.Type != TPlace && name.Type != TOrg {
		return nil
	}
	// "her slaveholder", "the capital of Iceland": a role that belongs to
	// someone or something names one; "the English geologist" does not
	owned := child(s, role.Head, "nmod:poss") >= 0
	for _, n := range children(s, role.Head) {
		if s.Tokens[n].Rel == "nmod" && caseOf(s, n) == "of" && n > role.Head && n < role.End {
			owned = true
		}
	}
	if !owned {
		return nil
	}
	// a role names one person only with "the" or a possessive: "a
	// carpenter" is not a question with one answer
	if d := child(s, role.Head, "det"); d >= 0 && !strings.EqualFold(s.Tokens[d].Form, "the") {
		return nil
	}
	if child(s, role.Head, "det", "nmod:poss") < 0 {
		return nil
	}
	wh := "What"
	if name.Type == TPerson || role.Type == TPerson {
		wh = "Who"
	}
	verb := "is"
	if sentencePast(s) {
		verb = "was"
	}
	roleText := lowerPhrase(s, role, role.Text)
	if len(strings.Fields(roleText)) > 12 {
		return nil
	}
	c := &Candidate{Template: "is.apposition", Prompt: wh + " " + verb + " " + roleText + "?", Key: name.Text,
		KeyType: name.Type, KeyPhrase: name, Sentence: f.Sentence, Fact: f}
	if name.Type != TPerson && name.Type != TPlace && name.Type != TOrg {
		c.KeyType = TThing
	}
	c.feature("family", 0.7)
	return c
}

// askDefinition: "A tsunami is a series of ocean waves" -> "What is a
// tsunami?" (a series of ocean waves), multiple choice among the text's
// definitions; with too few, "What is the term for a series of ocean
// waves ...?" (tsunami).
func (in *Input) askDefinition(f *Fact) *Candidate {
	if f.Subject == nil || f.Object == nil || f.Negated {
		return nil
	}
	s := &in.Doc.Sentences[f.Sentence]
	subj, pred := f.Subject, f.Object
	st := &s.Tokens[subj.Head]
	if st.UPOS != "NOUN" && st.UPOS != "PROPN" || subj.Unresolved || subj.Pronoun || pred.Unresolved ||
		hasPronoun(s, subj.Start, subj.End) || in.lists.notDefinitions[strings.ToLower(s.Tokens[f.Pred].Lemma)] {
		return nil
	}
	cop := child(s, f.Pred, "cop")
	if cop < 0 || s.Tokens[cop].Lemma != "be" || s.Tokens[f.Pred].UPOS != "NOUN" {
		return nil
	}
	// a definition is in the present, and its predicate is "a/an ..." or bare
	if s.Tokens[cop].Feats.Tense != "Pres" {
		return nil
	}
	if d := child(s, f.Pred, "det"); d >= 0 && !strings.EqualFold(s.Tokens[d].Form, "a") && !strings.EqualFold(s.Tokens[d].Form, "an") {
		// "the study of ...", "the process through which ...": a
		// definite predicate defines when something completes it
		if !strings.EqualFold(s.Tokens[d].Form, "the") || child(s, f.Pred, "nmod", "acl", "acl:relcl") < 0 {
			return nil
		}
	}
	if n := len(strings.Fields(subj.Text)); n > 4 {
		return nil
	}
	if subj.Type == TQuantity || st.UPOS == "NUM" {
		return nil // "97.5 percent is salt water": of what, the sentence before says
	}
	// the whole predicate, with what completes it
	mark := subtree(s, f.Pred, func(rel string) bool {
		return rel == "punct" || rel == "parataxis" || rel == "cop" || rel == "nsubj" || rel == "cc" || rel == "conj" || rel == "advcl"
	})
	// a list inside the predicate stays whole: "a semiarid belt between
	// the Sahara and the grassland savannas", not "between the Sahara"
	for changed := true; changed; {
		changed = false
		for i := range s.Tokens {
			t := &s.Tokens[i]
			if mark[i] || t.Rel != "conj" && t.Rel != "cc" || t.Head < 0 || t.Head == f.Pred || !mark[t.Head] {
				continue
			}
			for j, in := range subtree(s, i, func(rel string) bool { return rel == "punct" && false }) {
				if in {
					mark[j] = true
				}
			}
			changed = true
		}
	}
	a, b := span(mark, f.Pred)
	for a < f.Pred && (s.Tokens[a].Rel == "cop" || s.Tokens[a].Rel == "nsubj" || s.Tokens[a].Rel == "advmod" || s.Tokens[a].UPOS == "PUNCT" || s.Tokens[a].UPOS == "AUX") {
		a++
	}
	for b > a+1 && s.Tokens[b-1].UPOS == "PUNCT" {
		b--
	}
	def, bad := in.render(f.Sentence, a, b, nil)
	def = strings.TrimSuffix(def, ".") // "the Sun." read as one word
	n := len(strings.Fields(def))
	if bad || n < 2 || n > 25 {
		return nil
	}
	term := lowerPhrase(s, subj, subj.Text)
	be := strings.ToLower(s.Tokens[cop].Form)
	c := &Candidate{Template: "is.definition", Prompt: "What " + be + " " + term + "?", Key: def, KeyType: TStatement,
		KeyPhrase: pred, Sentence: f.Sentence, Fact: f}
	c.feature("family", 0.8)
	if n <= 3 {
		return c
	}
	// reversed when the definition will not have choices: asks for the term
	c.Alternative = &Candidate{Template: "is.term", Prompt: "What is the term for " + def + "?", Key: term, KeyType: TTerm,
		KeyPhrase: subj, Sentence: f.Sentence, Fact: f, Accepted: []string{strings.ToLower(st.Form)}}
	c.Alternative.feature("family", 0.7)
	return c
}

// askKnownAs: "Araminta Ross, also known as Harriet Tubman" or "X is
// called Y" -> "What is X also known as?"
func (in *Input) askKnownAs(f *Fact) *Candidate {
	s := &in.Doc.Sentences[f.Sentence]
	v := &s.Tokens[f.Pred]
	if f.Subject == nil || f.Subject.Unresolved || f.Subject.Pronoun {
		return nil
	}
	switch strings.ToLower(v.Lemma) {
	case "know", "call", "name", "nickname":
	default:
		return nil
	}
	if v.XPOS != "VBN" {
		return nil
	}
	var key *Phrase
	trail := ""
	for j := range f.Args {
		if f.Args[j].Case == "as" {
			key = &f.Args[j].Phrase
			trail = "as"
		}
	}
	if key == nil {
		if x := child(s, f.Pred, "xcomp", "obj"); x >= 0 {
			p := in.NounPhrase(f.Sentence, x)
			key = &p
		}
	}
	if key == nil || key.Unresolved || len(strings.Fields(key.Text)) > 4 {
		return nil
	}
	q, ok := in.Ask(f, key.Head, "What", trail)
	if !ok {
		return nil
	}
	c := &Candidate{Template: "is.name", Prompt: q, Key: key.Text, KeyType: TTerm, KeyPhrase: key, Sentence: f.Sentence, Fact: f}
	c.feature("family", 0.7)
	return c
}

// sentencePast reports a sentence told in the past.
func sentencePast(s *nlp.Sentence) bool {
	for _, t := range s.Tokens {
		if t.XPOS == "VBD" {
			return true
		}
	}
	return false
}
