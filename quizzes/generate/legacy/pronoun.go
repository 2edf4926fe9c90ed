package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A question is read on its own, away from the sentence before it, so "It
// is headed by a Catholicos" must say what "it" is. Expository text keeps
// talking about the subject of the sentence before, so a pronoun that opens
// a clause ("It", "They", "Its") stands for the nearest earlier subject
// that agrees with it in number; "he" and "she" stand for the nearest
// person named.

// referent is what a pronoun of a sentence stands for.
type referent struct {
	plural bool
	text   string // as it reads inside a sentence ("the Armenian Church")
}

// subjects finds each sentence's subject as a referent for the pronouns of
// the sentences after it. A sentence whose subject is a pronoun passes on
// what that pronoun stood for.
func (d *document) subjects() []*referent {
	refs := make([]*referent, len(d.sents))
	for si := range d.sents {
		c := d.mainClause(si)
		if c == nil {
			continue
		}
		toks := d.sents[si].Toks
		i, j := c.subj[0], c.subj[1]
		if j-i == 1 && toks[i].Tag == "PRP" {
			w := strings.ToLower(toks[i].Text)
			if w == "it" || w == "they" {
				refs[si] = d.antecedent(refs, si, w == "they")
			}
			continue
		}
		if j <= i || j-i > 8 || toks[i].Tag == "EX" || toks[i].Tag == "WDT" || demonstrative[strings.ToLower(toks[i].Text)] {
			continue
		}
		h := j - 1
		for k := i + 1; k < j; k++ {
			if toks[k].Tag == "IN" || toks[k].Tag == "TO" {
				h = k - 1 // "claims to French Louisiana": the head is "claims"
				break
			}
		}
		head := toks[h]
		if !isNounTag(head.Tag) {
			continue
		}
		plural := head.Tag == "NNS" || head.Tag == "NNPS"
		for k := i; k < j; k++ {
			if toks[k].Tag == "CC" {
				plural = true
			}
		}
		if m := d.mentionIn(si, i, j); m != nil && m.Type == ePerson && !plural {
			continue // a person is "he" or "she", found by name; people named together are "they"
		}
		text := d.subjectText(c)
		if text == "" || isVague(text) {
			continue
		}
		refs[si] = &referent{plural: plural, text: text}
	}
	return refs
}

var demonstrative = set("this that these those such another other one each either neither some many most all both any")

// antecedent is the nearest subject of the two sentences before si that
// agrees in number.
func (d *document) antecedent(refs []*referent, si int, plural bool) *referent {
	for p := si - 1; p >= 0 && p >= si-2; p-- {
		if r := refs[p]; r != nil && r.plural == plural {
			return r
		}
	}
	return nil
}

// standsFor is what the pronouns of one sentence stand for.
type standsFor struct {
	subj   *referent // "it", "they", "its", "their"
	person string    // "he", "she"
	his    bool      // "his" and "her" too: "he" or "she" came first
}

// pronounReferents works out, for each sentence, what its pronouns that
// open a clause stand for.
func (d *document) pronounReferents() []standsFor {
	refs := d.subjects()
	out := make([]standsFor, len(d.sents))
	for si := range d.sents {
		toks := d.sents[si].Toks
		var sf standsFor
		if c := d.mainClause(si); c != nil && c.fronted[1] > 0 && strings.EqualFold(toks[0].Text, "according") {
			// "According to the agency, they ...": the source is the subject
			if src, _, _ := d.frontedSource(c); src != "" && c.subj[1]-c.subj[0] == 1 {
				if w := strings.ToLower(toks[c.subj[0]].Text); w == "they" || w == "it" {
					sf.subj = &referent{plural: w == "they", text: src}
				}
			}
		}
		subjAt := -1 // "Over four days it destroyed ...": the clause's subject
		if c := d.mainClause(si); c != nil && c.subj[1]-c.subj[0] == 1 {
			subjAt = c.subj[0]
		}
		for k, t := range toks {
			w := strings.ToLower(t.Text)
			switch {
			case (w == "it" || w == "they") && t.Tag == "PRP" && (opensClause(toks, k) || k == subjAt):
				if sf.subj == nil && !(w == "it" && expletive(toks, k)) {
					sf.subj = d.antecedent(refs, si, w == "they")
				}
			case (w == "he" || w == "she") && opensClause(toks, k) && sf.person == "":
				if m := d.personFor(si, k, w); m != nil && m.Sent < si {
					sf.person = m.name()
					sf.his = !possessiveBefore(toks, k)
				}
			}
		}
		out[si] = sf
	}
	return out
}

// resolvePronouns rewrites the pronouns of a question with what they stand
// for: "What is it headed by?" becomes "What is the Armenian Church headed
// by?". A pronoun whose referent is the key, or that cannot be resolved,
// stays.
func resolvePronouns(sf standsFor, prompt, key string) string {
	subj, person := sf.subj, sf.person
	if subj == nil && person == "" {
		return prompt
	}
	lowKey := strings.ToLower(key)
	lowPrompt := strings.ToLower(prompt)
	fits := func(r string) bool {
		lr := strings.ToLower(r)
		// the key's own pronoun stays, and so does one whose referent the
		// question already names
		if r == "" || strings.Contains(lr, lowKey) || strings.Contains(lowKey, lr) {
			return false
		}
		f := strings.Fields(lr)
		if len(f) > 2 {
			f = f[len(f)-2:] // "... intelligence service, South Korea's intelligence service"
		}
		return !strings.Contains(lowPrompt, strings.Join(f, " "))
	}
	words := strings.Fields(prompt)
	changed := false
	done := map[string]bool{}
	for n, w := range words {
		core := strings.TrimRightFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '\'' })
		tail := w[len(core):]
		var rep string
		switch strings.ToLower(core) {
		case "it", "they":
			if subj != nil && fits(subj.text) && (strings.ToLower(core) == "they") == subj.plural {
				rep = subj.text
			}
		case "its", "their":
			if subj != nil && fits(subj.text) && (strings.ToLower(core) == "their") == subj.plural {
				rep = possessive(subj.text)
			}
		case "he", "she":
			if fits(person) {
				rep = person
			}
		case "his":
			// "Putin will exhaust his means, he wrote": a "his" before the
			// "he" may be someone else's, and so may one in a "Who" question
			if fits(person) && sf.his && !strings.HasPrefix(prompt, "Who") {
				rep = possessive(person)
			}
		}
		if rep == "" || done[strings.ToLower(core)] {
			continue
		}
		done[strings.ToLower(core)] = true // later ones may stand for something else
		if n == 0 {
			rep = upperFirst(rep)
		}
		words[n] = rep + tail
		changed = true
	}
	if !changed {
		return prompt
	}
	return strings.Join(words, " ")
}

// opensClause reports whether token k is the subject at the start of a
// sentence or of a clause after a comma or a fronted phrase.
func opensClause(toks []token, k int) bool {
	if k == 0 {
		return true
	}
	p := toks[k-1]
	return p.Tag == "," || p.Tag == "CC" || p.Tag == "``" || p.Tag == ":"
}

// expletive reports whether "it" at k stands for nothing: "it is
// estimated that", "it is possible to", "it was in 1912 that".
func expletive(toks []token, k int) bool {
	if k+2 >= len(toks) {
		return false
	}
	v := strings.ToLower(toks[k+1].Text)
	if seemVerbs[v] {
		return true
	}
	if v == "takes" || v == "took" {
		// "it takes courage to ..." stands for nothing; "it takes place"
		// for what it names
		for m := k + 2; m+1 < len(toks); m++ {
			if toks[m].Tag == "TO" && toks[m+1].Tag == "VB" {
				return true
			}
		}
		return false
	}
	if !beForms[v] {
		return false
	}
	n := k + 2
	for n < len(toks) && toks[n].Tag == "RB" {
		n++
	}
	if n+1 < len(toks) {
		next := strings.ToLower(toks[n+1].Text)
		if (toks[n].Tag == "JJ" || toks[n].Tag == "VBN") && (next == "that" || next == "to" || next == "for" || next == "whether") {
			return true
		}
	}
	// a cleft: "it was during the Cretaceous that ..."
	for m := n; m < len(toks) && m < n+10; m++ {
		if toks[m].Tag == "," || isFinite(toks[m].Tag) {
			break
		}
		if w := strings.ToLower(toks[m].Text); w == "that" || w == "who" {
			return m > n
		}
		if toks[m].Tag == "TO" && m+1 < len(toks) && toks[m+1].Tag == "VB" {
			return true // "it is up to each of us to decide"
		}
	}
	return false
}

var seemVerbs = set("seems seemed appears appeared happens happened remains remained")

// possessive is the 's form of a noun phrase.
func possessive(s string) string {
	r, _ := utf8.DecodeLastRuneInString(s)
	if r == 's' || r == 'S' {
		return s + "'"
	}
	return s + "'s"
}

// personFor finds whom "he" or "she" at token tok of sentence si stands
// for: the nearest person named in the eight sentences before (or earlier
// in the sentence) whose name does not say otherwise, preferring one who
// was the subject of their sentence; people named as objects ("shared the
// prize with Henri Becquerel") are seldom what the next "she" means.
func (d *document) personFor(si, tok int, pronoun string) *mention {
	she := strings.EqualFold(pronoun, "she") || strings.EqualFold(pronoun, "her") || strings.EqualFold(pronoun, "hers")
	var fallback *mention
	for s := si; s >= 0 && s >= si-8; s-- { // a life story keeps its "she" for long
		ms := d.names[s]
		subjStart, subjEnd := -1, -1
		if c := d.mainClause(s); c != nil {
			subjStart, subjEnd = c.subj[0], c.subj[1]
		}
		for k := len(ms) - 1; k >= 0; k-- {
			m := &ms[k]
			if m.Type != ePerson || s == si && m.J > tok {
				continue
			}
			first := strings.Fields(m.name())[0]
			if she && maleNames[first] || !she && femaleNames[first] {
				continue
			}
			if m.I >= subjStart && m.J <= subjEnd {
				return m
			}
			if fallback == nil {
				fallback = m
			}
		}
	}
	return fallback
}

// femaleNames and maleNames are common first names that tell "she" from
// "he"; a name in neither fits both.
var femaleNames = list("Alice|Anna|Anne|Barbara|Catherine|Charlotte|Elizabeth|Emily|Emma|Grace|Helen|Jane|Julia|Katherine|Laura|Margaret|Maria|Marie|Mary|Sarah|Sophie|Olga|Tatiana|Natalie|Fiona|Angela|Ada|Rosalind|Florence|Victoria|Jennifer|Susan|Linda|Patricia|Nancy|Karen|Lisa|Betty|Dorothy|Ruth|Joan|Eleanor|Frida|Simone|Virginia|Jessica|Rachel|Hannah|Amelia|Harriet|Lucy|Queen|Princess|Lady|Mrs|Ms|Miss")

var maleNames = list("Adam|Alan|Albert|Alexander|Alfred|Andrew|Anthony|Arthur|Benjamin|Bill|Carl|Charles|Christopher|Daniel|David|Edward|Frank|Frederick|George|Gregory|Harold|Harry|Henry|Henri|Hugh|Ivan|Jack|Jacob|James|John|Joseph|Karl|Leo|Leon|Louis|Mark|Martin|Michael|Nicholas|Oliver|Paul|Peter|Philip|Pierre|Richard|Robert|Samuel|Stephen|Steven|Thomas|Vladimir|Walter|William|Winston|Napoleon|Otto|Isaac|Boris|Dmitry|Yuri|King|Prince|Sir|Lord|Mr")

// possessiveBefore reports whether "his" or "her" stands before token k.
func possessiveBefore(toks []token, k int) bool {
	for i := 0; i < k; i++ {
		if w := strings.ToLower(toks[i].Text); w == "his" || w == "her" {
			return true
		}
	}
	return false
}
