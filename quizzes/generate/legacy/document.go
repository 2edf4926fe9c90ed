package legacy

import "strings"

// document is an article read once: sentences, tokens, names, and what the
// short references in it ("Motyl", "he", "the spy agency") stand for.
type document struct {
	norm  normalised
	sents []sentence
	names [][]mention       // per sentence, in text order
	full  map[string]string // surname -> full name
	seen  map[string]int    // how often each name (full form) occurs
	typed map[etype][]string
	// sentFreq counts the sentences each lower-case word occurs in
	sentFreq map[string]int
	// firstSent is the sentence each lower-case word first occurs in
	firstSent map[string]int
	// capMid holds the capitalised words met inside a sentence: "Latin"
	// keeps its capital when it opens one
	capMid map[string]bool
	// clauses caches each sentence's main clause (mainClause)
	clauses []*clause
	parsed  []bool
}

func (g *Generator) read(text string) *document {
	d := &document{norm: normalise(text), full: map[string]string{}, seen: map[string]int{}, typed: map[etype][]string{}}
	for _, sp := range splitSentences(d.norm.text) {
		sp[0] = afterListMarker(d.norm.text, sp[0], sp[1])
		if heading(d.norm.text[sp[0]:sp[1]]) {
			continue // a title or heading states no fact to ask about
		}
		s := sentence{Index: len(d.sents), Start: sp[0], End: sp[1]}
		s.Toks = g.tagSentence(d.norm.text, sp[0], sp[1])
		if len(s.Toks) > 1 && personTitles[strings.ToLower(s.Toks[0].Text)] && isNameTag(s.Toks[1].Tag) {
			s.Toks[0].Tag = "NNP" // "King Charles II": the tagger reads a capital title first in a sentence as a verb
		}
		d.sents = append(d.sents, s)
	}
	d.sentFreq = map[string]int{}
	d.firstSent = map[string]int{}
	d.capMid = map[string]bool{}
	for si, s := range d.sents {
		seen := map[string]bool{}
		for k, t := range s.Toks {
			if k > 0 && isCap(t.Text) && !isBoundary(s.Toks[k-1]) {
				d.capMid[t.Text] = true
			}
			w := strings.ToLower(t.Text)
			if _, ok := d.firstSent[w]; !ok {
				d.firstSent[w] = si
			}
			if !seen[w] {
				seen[w] = true
				d.sentFreq[w]++
			}
		}
	}
	d.names = make([][]mention, len(d.sents))
	firstOf := map[string]string{}
	for i := range d.sents {
		d.names[i] = names(&d.sents[i], d.norm.text)
		for _, m := range d.names[i] {
			if m.Type == ePerson && m.J-m.I >= 2 {
				parts := strings.Fields(m.Text)
				d.full[parts[len(parts)-1]] = m.Text
				// a first name alone ("Marie") is the same person, unless
				// two people of the article share it
				if f, taken := firstOf[parts[0]]; !taken {
					firstOf[parts[0]] = m.Text
				} else if f != m.Text {
					firstOf[parts[0]] = ""
				}
			}
		}
	}
	for first, full := range firstOf {
		if _, surname := d.full[first]; full != "" && !surname {
			d.full[first] = full
		}
	}
	d.namePeople()
	typedSeen := map[string]bool{}
	for i := range d.names {
		for k := range d.names[i] {
			m := &d.names[i][k]
			if f, ok := d.full[m.Text]; ok && m.Text != f {
				m.Type, m.Full = ePerson, f
			}
			name := m.name()
			d.seen[name]++
			if !typedSeen[name] && m.Type != eNationality {
				typedSeen[name] = true
				d.typed[m.Type] = append(d.typed[m.Type], name)
			}
		}
	}
	return d
}

// name is the full form of a mention.
func (m mention) name() string {
	if m.Full != "" {
		return m.Full
	}
	return m.Text
}

// mentionIn returns the name that ends at token j-1 of the sentence and
// starts at or after i, if any: the head of a noun phrase.
func (d *document) mentionIn(si, i, j int) *mention {
	for k := range d.names[si] {
		m := &d.names[si][k]
		if m.I >= i && m.J <= j && m.J == j {
			return m
		}
	}
	for k := range d.names[si] {
		m := &d.names[si][k]
		if m.I == i && m.J <= j {
			return m
		}
	}
	return nil
}

// agencyWords are interchangeable heads of references to an organisation:
// "the spy agency" may be "South Korea's intelligence service".
var agencyWords = set("agency service bureau office ministry department directorate")

// resolveRef finds what "the <noun>" stands for: the nearest earlier
// organisation whose head noun is the same or of the same group.
func (d *document) resolveRef(si, tok int, head string) string {
	head = strings.ToLower(head)
	for s := si; s >= 0 && s >= si-3; s-- {
		ms := d.names[s]
		for k := len(ms) - 1; k >= 0; k-- {
			m := ms[k]
			if (s == si && m.J > tok) || m.Type != eOrg {
				continue
			}
			words := strings.Fields(strings.ToLower(m.Text))
			h := words[len(words)-1]
			if h == head || (agencyWords[h] && agencyWords[head]) {
				return m.Text
			}
		}
	}
	return ""
}

// namePeople types the one-word names that stand for people: a known first
// name, or a name that does what people do as the subject of a sentence
// ("Maya woke before sunrise", "Rosa explained that ..."). Stories name
// their people so.
func (d *document) namePeople() {
	people := map[string]bool{}
	for si := range d.sents {
		c := d.mainClause(si)
		if c == nil || c.main < 0 || !isNameSpan(d.sents[si].Toks, c.subj[0], c.subj[1]) || c.subj[1]-c.subj[0] > 3 {
			continue
		}
		toks := d.sents[si].Toks
		if humanVerbs[lemma(toks[c.main].Text, toks[c.main].Tag)] || speechVerbs[lemma(toks[c.main].Text, toks[c.main].Tag)] {
			people[d.words(si, c.subj[0], c.subj[1])] = true
		}
	}
	for i := range d.names {
		for k := range d.names[i] {
			m := &d.names[i][k]
			if m.J-m.I > 3 || m.Type != eThing || m.Full != "" || countries[m.Text] || cities[m.Text] || outlets[m.Text] {
				continue
			}
			if m.J-m.I > 1 && !people[m.Text] {
				continue // longer names only when they do what people do
			}
			if people[m.Text] || femaleNames[m.Text] || maleNames[m.Text] || firstNames[m.Text] {
				m.Type = ePerson
			}
		}
	}
}

// humanVerbs are done by people, so their one-word subject is a person.
var humanVerbs = set("wake smile laugh cry weep sigh shout whisper nod frown offer watch arrive walk run sit stand speak " +
	"think feel know want decide hope wish remember forget notice realise realize promise agree refuse " +
	"marry die bear grow learn teach study travel visit meet greet thank ask answer reply tell explain")

// mainClause is the main clause of sentence si, read once: templates,
// pronouns and people all ask for it. Callers only read it.
func (d *document) mainClause(si int) *clause {
	if d.parsed == nil {
		d.clauses = make([]*clause, len(d.sents))
		d.parsed = make([]bool, len(d.sents))
	}
	if !d.parsed[si] {
		d.clauses[si], d.parsed[si] = parseClause(&d.sents[si], 0), true
	}
	return d.clauses[si]
}
