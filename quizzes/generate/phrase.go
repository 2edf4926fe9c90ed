package generate

import (
	"strings"
	"unicode"

	"quiztrainer/quizzes/nlp"
)

// FineType is the kind of answer a key is, finer than the analysis's
// entity types where a question needs it: "When" asks for a year or a
// date, "How many" for a number of something.
type FineType string

const (
	TPerson    FineType = "person"
	TPlace     FineType = "place"
	TOrg       FineType = "organization"
	TYear      FineType = "year"
	TDate      FineType = "date"
	TTime      FineType = "time" // other times: "the 1850s", "that night"
	TQuantity  FineType = "quantity"
	TThing     FineType = "thing"
	TTerm      FineType = "term"      // a word the text defines
	TStatement FineType = "statement" // a clause or sentence (main idea, causes)
	TUnsure    FineType = "unsure"    // a name of a person or a thing, the text does not say which
)

// Phrase is a noun phrase of the text: the head's subtree without its
// relative clauses, appositions and the like.
type Phrase struct {
	Sentence   int
	Head       int // token index in the sentence
	Start, End int // token span [Start, End)
	Type       FineType
	Entity     nlp.EntityType // the analysis's type, when it typed one
	Unit       string         // for a quantity, the counted noun's lemma
	Text       string         // rendered: pronouns resolved, spacing plain
	Chain      int            // reference chain of the head, -1 for none
	Named      bool
	Pronoun    bool // the phrase is just a pronoun
	Conj       bool // the phrase is one of a list ("her mother and siblings")
	Unresolved bool // it holds a pronoun the text does not resolve
}

// npLeaves are the dependents a key phrase leaves out.
var npLeaves = map[string]bool{
	"acl": true, "acl:relcl": true, "appos": true, "parataxis": true, "dep": true,
	"advcl": true, "conj": true, "cc": true, "punct": true, "list": true, "vocative": true,
	"discourse": true, "reparandum": true, "orphan": true,
	// a predicate noun's own clause: "Its capital is Reykjavík" keys
	// "Reykjavík", not "is Reykjavík"
	"cop": true, "nsubj": true, "nsubj:pass": true, "aux": true, "aux:pass": true, "mark": true, "csubj": true,
}

// children returns the dependents of token h in sentence s.
func children(s *nlp.Sentence, h int) []int {
	var out []int
	for i := range s.Tokens {
		if s.Tokens[i].Head == h {
			out = append(out, i)
		}
	}
	return out
}

// child returns the first dependent of h with one of the relations, -1 for none.
func child(s *nlp.Sentence, h int, rels ...string) int {
	for i := range s.Tokens {
		if s.Tokens[i].Head != h {
			continue
		}
		for _, r := range rels {
			if s.Tokens[i].Rel == r {
				return i
			}
		}
	}
	return -1
}

// subtree marks the tokens of h's subtree, skipping dependents whose
// relation skip reports true (at any depth below h).
func subtree(s *nlp.Sentence, h int, skip func(rel string) bool) []bool {
	in := make([]bool, len(s.Tokens))
	in[h] = true
	// a token is in when its chain of heads reaches h through kept
	// relations; one pass per token, memoised
	state := make([]int8, len(s.Tokens)) // 0 unknown, 1 in, 2 out
	state[h] = 1
	var reach func(i, depth int) int8
	reach = func(i, depth int) int8 {
		if state[i] != 0 {
			return state[i]
		}
		hd := s.Tokens[i].Head
		if hd < 0 || hd >= len(s.Tokens) || depth > len(s.Tokens) || skip != nil && skip(s.Tokens[i].Rel) {
			state[i] = 2
			return 2
		}
		state[i] = reach(hd, depth+1)
		return state[i]
	}
	for i := range s.Tokens {
		in[i] = reach(i, 0) == 1
	}
	return in
}

// span returns the contiguous run of marked tokens around h.
func span(in []bool, h int) (int, int) {
	a, b := h, h+1
	for a > 0 && in[a-1] {
		a--
	}
	for b < len(in) && in[b] {
		b++
	}
	return a, b
}

// NounPhrase returns the phrase headed by token h of sentence si.
func (in *Input) NounPhrase(si, h int) Phrase {
	s := &in.Doc.Sentences[si]
	mark := subtree(s, h, func(rel string) bool { return npLeaves[rel] })
	// a key keeps "of" phrases ("the Duke of York") and leaves out other
	// prepositional phrases, which are as often the verb's
	for _, c := range children(s, h) {
		if s.Tokens[c].Rel == "nmod" && c > h && caseOf(s, c) != "of" {
			for i, in := range subtree(s, c, nil) {
				if in {
					mark[i] = false
				}
			}
		}
	}
	a, b := span(mark, h)
	// no punctuation or case marker at the edges ("of", "'s" left over)
	// nor a preposition of another word class ("including Greece",
	// "such as Northrop Grumman"): a student writes the name
	for a < h && (s.Tokens[a].UPOS == "PUNCT" || s.Tokens[a].UPOS == "ADP" || s.Tokens[a].UPOS == "CCONJ" ||
		s.Tokens[a].Rel == "case" || s.Tokens[a].Rel == "fixed" && a > 0 && s.Tokens[a-1].Rel == "case") {
		a++
	}
	for b-1 > h && (s.Tokens[b-1].UPOS == "PUNCT" || s.Tokens[b-1].UPOS == "ADP" || s.Tokens[b-1].Rel == "case") {
		b--
	}
	// "determined that carbon dioxide plays": "that" read as a determiner
	if a < h && strings.EqualFold(s.Tokens[a].Form, "that") && a > 0 && (s.Tokens[a-1].UPOS == "VERB" || s.Tokens[a-1].UPOS == "AUX") {
		a++
	}
	p := Phrase{Sentence: si, Head: h, Start: a, End: b, Chain: -1}
	p.Conj = child(s, h, "conj") >= 0 || s.Tokens[h].Rel == "conj"
	t := &s.Tokens[h]
	p.Named = t.UPOS == "PROPN"
	p.Pronoun = t.UPOS == "PRON" && b-a == 1
	if m := in.mentionAt(si, h); m >= 0 {
		p.Entity = in.Doc.Mentions[m].Type
		p.Chain = in.Doc.Mentions[m].Chain
	}
	p.Text, p.Unresolved = in.render(si, a, b, nil)
	p.Type, p.Unit = in.fineType(si, h, a, b, p.Entity, p.Chain)
	return p
}

// mentionAt returns the mention headed by token h of sentence si, -1 for none.
func (in *Input) mentionAt(si, h int) int {
	best := -1
	for _, i := range in.mentionsOf(si) {
		m := &in.Doc.Mentions[i]
		if m.Sentence != si || m.Head != h {
			continue
		}
		if best < 0 || m.End-m.Start < in.Doc.Mentions[best].End-in.Doc.Mentions[best].Start {
			best = i
		}
	}
	return best
}

// mentionsOf returns the indexes of sentence si's mentions.
func (in *Input) mentionsOf(si int) []int {
	if in.bySentence == nil {
		in.bySentence = make([][]int, len(in.Doc.Sentences))
		for i, m := range in.Doc.Mentions {
			in.bySentence[m.Sentence] = append(in.bySentence[m.Sentence], i)
		}
	}
	return in.bySentence[si]
}

// chainPerson reports whether a chain is referred to as he or she: then it
// is a person, whatever type the analysis gave it.
func (in *Input) chainPerson(c int) (person, thing bool) {
	if c < 0 || c >= len(in.Doc.Chains) {
		return false, false
	}
	if in.chainKind == nil {
		in.chainKind = make([]int8, len(in.Doc.Chains))
	}
	if k := in.chainKind[c]; k != 0 {
		return k&2 != 0, k&4 != 0
	}
	defer func() {
		k := int8(1)
		if person {
			k |= 2
		}
		if thing {
			k |= 4
		}
		in.chainKind[c] = k
	}()
	for _, mi := range in.Doc.Chains[c].Mentions {
		m := &in.Doc.Mentions[mi]
		if !m.Pronoun {
			continue
		}
		switch strings.ToLower(in.Doc.Sentences[m.Sentence].Tokens[m.Head].Form) {
		case "he", "she", "him", "her", "his", "hers", "himself", "herself":
			person = true
		case "it", "its", "itself":
			thing = true
		}
	}
	return person, thing
}

// fineType types the phrase [a, b) headed by h.
func (in *Input) fineType(si, h, a, b int, e nlp.EntityType, chain int) (FineType, string) {
	s := &in.Doc.Sentences[si]
	t := &s.Tokens[h]
	hasYear, hasMonth, hasNum := false, false, false
	for i := a; i < b; i++ {
		w := s.Tokens[i].Form
		if isYear(w) {
			hasYear = true
		}
		if in.lists.months[strings.ToLower(w)] {
			hasMonth = true
		}
		if s.Tokens[i].UPOS == "NUM" {
			hasNum = true
		}
	}
	if hasMonth && (hasYear || hasNum) {
		return TDate, ""
	}
	if isYear(t.Form) || hasYear && (e == nlp.Time || t.UPOS == "NUM") {
		return TYear, ""
	}
	if e == nlp.Time || in.lists.timeWords[strings.ToLower(t.Lemma)] {
		return TTime, ""
	}
	if n := child(s, h, "nummod"); n >= 0 && t.UPOS == "NOUN" {
		return TQuantity, strings.ToLower(t.Lemma)
	}
	if t.UPOS == "NUM" {
		return TQuantity, ""
	}
	if t.UPOS == "PROPN" && b > a && in.lists.orgWords[strings.ToLower(s.Tokens[b-1].Lemma)] && (e == nlp.Person || e == "") {
		return TOrg, "" // "Geopolitical Intelligence Services"
	}
	person, thing := in.chainPerson(chain)
	if chain >= 0 && in.Doc.Chains[chain].Type != "" && e == "" {
		e = in.Doc.Chains[chain].Type
	}
	switch {
	case person:
		return TPerson, ""
	case e == nlp.Person && !thing && t.UPOS == "PROPN" && !in.likelyName(si, h, chain):
		// a one-word "name" nobody calls he or she ("Tsunami waves",
		// "Matariki") may be a thing the analysis mistyped: neither
		// "Who" nor "What" is safe
		return TUnsure, ""
	case e == nlp.Person && !thing:
		// "the overseer" is a person; "A Matariki advisory group" is not
		// one to ask "Who" about
		if t.UPOS == "PRON" || t.UPOS == "PROPN" || in.lists.personNouns[strings.ToLower(t.Lemma)] {
			return TPerson, ""
		}
	case e == nlp.Place:
		return TPlace, ""
	case e == nlp.Organization:
		return TOrg, ""
	}
	if t.UPOS == "PRON" {
		switch strings.ToLower(t.Form) {
		case "he", "she", "him", "her", "who", "whom", "i", "me", "you", "we", "us", "they", "them":
			if strings.ToLower(t.Form) != "they" && strings.ToLower(t.Form) != "them" {
				return TPerson, ""
			}
		}
	}
	if in.lists.personNouns[strings.ToLower(t.Lemma)] {
		return TPerson, ""
	}
	return TThing, ""
}

// likelyName reports a person's name the text backs up: two or more
// words (in the mention or the chain's fullest name), or a title before it.
func (in *Input) likelyName(si, h, chain int) bool {
	if chain >= 0 && len(strings.Fields(in.Doc.Chains[chain].Name)) >= 2 {
		return true
	}
	s := &in.Doc.Sentences[si]
	words := 0
	for _, c := range children(s, h) {
		if s.Tokens[c].Rel == "flat" || s.Tokens[c].Rel == "compound" && s.Tokens[c].UPOS == "PROPN" {
			words++
		}
		if s.Tokens[c].Rel == "compound" && in.lists.personNouns[strings.ToLower(s.Tokens[c].Lemma)] {
			return true
		}
	}
	if s.Tokens[h].Rel == "flat" {
		words++
	}
	if h > 0 {
		switch strings.TrimSuffix(strings.ToLower(s.Tokens[h-1].Form), ".") {
		case "mr", "mrs", "ms", "dr", "sir", "lady", "lord", "president", "king", "queen", "professor", "prof", "saint", "st":
			return true
		}
	}
	return words >= 1
}

func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w >= "1000" && w <= "2199"
}

// render writes tokens [a, b) of sentence si as plain text, leaving out
// the tokens skip marks. A personal pronoun becomes the name of its
// entity ("she" -> "Harriet Tubman", "her" -> "Harriet Tubman's"), "I" the
// writer; a demonstrative determiner becomes "the". unresolved reports a
// pronoun the text gives no antecedent for.
func (in *Input) render(si, a, b int, skip []bool) (text string, unresolved bool) {
	s := &in.Doc.Sentences[si]
	var sb strings.Builder
	space := false
	for i := a; i < b; i++ {
		if skip != nil && skip[i] {
			continue
		}
		t := &s.Tokens[i]
		w := t.Form
		if t.UPOS == "PRON" || t.UPOS == "DET" && isDemonstrative(t.Form) {
			r, ok := in.resolve(si, i)
			if ok && in.keepName != "" && t.UPOS == "PRON" && (sameName(r, in.keepName) || sameName(strings.TrimSuffix(strings.TrimSuffix(r, "'s"), "'"), in.keepName)) {
				// the question names this person already: "Who was
				// separated from her father?"
				r = strings.ToLower(t.Form)
				in.kept = append(in.kept, r)
			}
			if !ok {
				unresolved = true
			}
			w = r
		}
		if w == "" {
			continue
		}
		if space && !strings.HasPrefix(w, "'s") && w != "n't" {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
		space = t.SpaceAfter || i+1 < b && s.Tokens[i+1].Start > t.End
	}
	return cleanSpaces(sb.String()), unresolved
}

// resolve says how a pronoun or demonstrative token reads in a question.
func (in *Input) resolve(si, i int) (string, bool) {
	s := &in.Doc.Sentences[si]
	t := &s.Tokens[i]
	low := strings.ToLower(t.Form)
	poss := t.XPOS == "PRP$" || t.Rel == "nmod:poss"
	if isDemonstrative(t.Form) && t.Rel == "det" {
		// "this blow to the head" reads "the blow to the head"
		return "the", true
	}
	switch low {
	case "i", "me", "myself":
		return "the writer", true
	case "my", "mine":
		return "the writer's", true
	case "who", "whom", "which", "that", "what", "whose", "whoever", "whatever", "one", "someone", "something",
		"anyone", "anything", "everyone", "everything", "nobody", "nothing", "none", "each", "all", "both",
		"some", "many", "most", "few", "several", "any", "another", "others", "other", "itself", "themselves",
		"himself", "herself", "ourselves", "yourself":
		return t.Form, true
	}
	if t.Feats.PronType != "Prs" && t.Feats.PronType != "Dem" && t.XPOS != "PRP" && t.XPOS != "PRP$" {
		return t.Form, true
	}
	if low == "it" && (t.Rel == "expl" || t.Rel == "nsubj" && isExpletive(s, i)) {
		return t.Form, true
	}
	m := in.mentionAt(si, i)
	if m < 0 || in.Doc.Mentions[m].Chain < 0 || in.Doc.Chains[in.Doc.Mentions[m].Chain].Name == "" {
		switch low {
		case "he", "she", "him", "her", "his", "hers":
			if name, ok := in.nearestPerson(si, i); ok {
				if poss {
					return possessive(name), true
				}
				return name, true
			}
		}
	}
	if m < 0 || in.Doc.Mentions[m].Chain < 0 {
		return t.Form, false
	}
	if in.keepChain >= 0 && in.Doc.Mentions[m].Chain == in.keepChain && si == in.keepSentence {
		// the question already names this entity: "What did Curie
		// discover with her husband?"
		in.kept = append(in.kept, strings.ToLower(t.Form))
		return strings.ToLower(t.Form), true
	}
	c := &in.Doc.Chains[in.Doc.Mentions[m].Chain]
	name := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(c.Name, "'s"), "’s"), "'")
	gendered := false
	switch low {
	case "he", "she", "him", "her", "his", "hers":
		gendered = true
	}
	if gendered && name != "" {
		// a name that is not a person's is a wrong reference
		if person, _ := in.chainPerson(in.Doc.Mentions[m].Chain); !person && c.Type != nlp.Person {
			return t.Form, false
		}
	}
	if name == "" && !gendered {
		// the entity's first description before the pronoun: "the storm"
		for _, mi := range c.Mentions {
			o := &in.Doc.Mentions[mi]
			if o.Pronoun || o.Sentence > si || o.Sentence == si && o.Start >= i {
				continue
			}
			os := &in.Doc.Sentences[o.Sentence]
			if os.Tokens[o.Head].UPOS != "NOUN" && os.Tokens[o.Head].UPOS != "PROPN" {
				continue
			}
			mark := subtree(os, o.Head, func(rel string) bool { return npLeaves[rel] })
			a, b := span(mark, o.Head)
			for a < o.Head && (os.Tokens[a].UPOS == "ADP" || os.Tokens[a].UPOS == "PUNCT") {
				a++
			}
			if hasPronoun(os, a, b) {
				break
			}
			txt, bad := in.render(o.Sentence, a, b, nil)
			if !bad && len(strings.Fields(txt)) <= 6 {
				name = txt
				if t := os.Tokens[a]; t.UPOS == "DET" && strings.EqualFold(t.Form, "a") || strings.EqualFold(t.Form, "an") {
					name = "the " + strings.Join(strings.Fields(txt)[1:], " ")
				}
			}
			break
		}
	}
	if name == "" {
		return t.Form, false
	}
	if poss {
		return possessive(name), true
	}
	return name, true
}

// sameName reports two names of one person: "Tubman", "Harriet Tubman".
func sameName(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == "" || b == "" {
		return false
	}
	return a == b || strings.HasSuffix(a, " "+b) || strings.HasSuffix(b, " "+a) || strings.HasPrefix(a, b+" ") || strings.HasPrefix(b, a+" ")
}

func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// nearestPerson finds the one named person a "he" or "she" the analysis
// left unresolved most likely stands for: the named people of this
// sentence before the pronoun and of the two sentences before it. With
// two or more different people there, it is not sure and says so.
func (in *Input) nearestPerson(si, tok int) (string, bool) {
	var names []string
	seen := map[string]bool{}
	for s := si; s >= 0 && s >= si-2; s-- {
		for _, mi := range in.mentionsOf(s) {
			m := &in.Doc.Mentions[mi]
			if !m.Named || s == si && m.Start >= tok {
				continue
			}
			sent := &in.Doc.Sentences[s]
			if t, _ := in.fineType(s, m.Head, m.Start, m.End, m.Type, m.Chain); t != TPerson {
				continue
			}
			name := ""
			if m.Chain >= 0 {
				name = in.Doc.Chains[m.Chain].Name
			}
			if name == "" {
				mark := subtree(sent, m.Head, func(rel string) bool { return npLeaves[rel] || rel == "nmod:poss" || rel == "det" || rel == "case" })
				a, b := span(mark, m.Head)
				name, _ = in.render(s, a, b, nil)
			}
			key := strings.ToLower(name)
			if !seen[key] {
				// "Tubman" and "Harriet Tubman" are one person
				dup := false
				for _, n := range names {
					if strings.Contains(strings.ToLower(n), key) || strings.Contains(key, strings.ToLower(n)) {
						dup = true
					}
				}
				seen[key] = true
				if !dup {
					names = append(names, name)
				}
			}
		}
		if len(names) > 0 {
			break
		}
	}
	if len(names) != 1 {
		return "", false
	}
	return names[0], true
}

func isDemonstrative(w string) bool {
	switch strings.ToLower(w) {
	case "this", "these", "those":
		return true
	}
	return false
}

func hasPronoun(s *nlp.Sentence, a, b int) bool {
	for i := a; i < b; i++ {
		if s.Tokens[i].UPOS == "PRON" || s.Tokens[i].XPOS == "PRP$" {
			return true
		}
	}
	return false
}

// isExpletive reports an "it" that stands for nothing: "it is likely that".
func isExpletive(s *nlp.Sentence, i int) bool {
	h := s.Tokens[i].Head
	if h < 0 {
		return false
	}
	return child(s, h, "ccomp", "csubj", "xcomp") >= 0 && s.Tokens[h].UPOS == "ADJ"
}

// cleanSpaces collapses runs of white space (hard line breaks included)
// into one space.
func cleanSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}
