package nlp

import (
	"slices"
	"sort"
	"strings"
)

// The reference stage links mentions that stand for one entity into
// Chains. Names are linked by their spelling: a repeated name, a surname or
// a first word ("Motyl" after "Alexander J. Motyl"), an acronym ("NSA"
// after "National Security Agency"). A definite description ("the
// agency") joins the last mention with its head noun. A third-person
// pronoun is linked by a trained ranker that scores each mention of the
// previous few sentences (agreement in gender, number and animacy, type,
// syntactic role, how often the entity was mentioned, distance) against
// the choice of no antecedent.

// ReferenceModel resolves pronouns and short names to their entities.
type ReferenceModel struct {
	ranker *linearModel
	// genders: a first name or a noun lemma -> 'm' or 'f', learned from
	// the pronouns of GUM's chains ("Marie" -> f, "king" -> m).
	genders map[string]byte
}

// pronounWindow is how many sentences back a pronoun's antecedent is
// looked for: of GUM train's third-person pronouns whose entity was
// mentioned before, 95% have a mention in their sentence or the three
// before.
const pronounWindow = 3

// maxCandidates bounds the mentions a pronoun is scored against.
const maxCandidates = 40

// pronoun lemmas of the third person, by the form the ranker reads.
var thirdPerson = map[string]string{
	"he": "he", "him": "he", "his": "he", "himself": "he",
	"she": "she", "her": "she", "hers": "she", "herself": "she",
	"it": "it", "its": "it", "itself": "it",
	"they": "they", "them": "they", "their": "they", "theirs": "they", "themselves": "they",
}

// mentionInfo is what the rules and the ranker read of one mention.
type mentionInfo struct {
	head     *Token
	pron     string // third-person pronoun lemma, "" when not one
	key      string // lowercased words, a leading article dropped
	words    []string
	plural   bool
	gender   byte // 'm', 'f' or 0
	subject  bool // subject of its sentence's main verb
	first    bool // first mention of its sentence
	definite bool
}

func (m *ReferenceModel) describe(doc *Document) []mentionInfo {
	info := make([]mentionInfo, len(doc.Mentions))
	lastSent := -1
	for i := range doc.Mentions {
		x := &doc.Mentions[i]
		s := &doc.Sentences[x.Sentence]
		in := &info[i]
		h := x.Head
		if h < x.Start || h >= x.End {
			h = spanHead(s, x.Start, x.End)
		}
		in.head = &s.Tokens[h]
		in.first = x.Sentence != lastSent
		lastSent = x.Sentence
		start := x.Start
		if start+1 < x.End {
			if w := strings.ToLower(s.Tokens[start].Lemma); w == "the" || w == "this" || w == "that" || w == "these" || w == "those" {
				in.definite = true
				start++
			}
		}
		for k := start; k < x.End; k++ {
			if s.Tokens[k].UPOS != "PUNCT" {
				in.words = append(in.words, strings.ToLower(tokenForm(&s.Tokens[k])))
			}
		}
		in.key = strings.Join(in.words, " ")
		hw := strings.ToLower(tokenForm(in.head))
		if x.Pronoun {
			in.pron = thirdPerson[hw]
		}
		switch {
		case in.pron == "he":
			in.gender = 'm'
		case in.pron == "she":
			in.gender = 'f'
		case in.pron == "they":
			in.plural = true
		case x.Named && x.Type == Person:
			in.gender = m.genders[strings.ToLower(tokenForm(&s.Tokens[x.Start]))]
			if in.gender == 0 && len(in.words) > 0 {
				in.gender = m.genders[in.words[0]]
			}
		case !x.Pronoun:
			in.gender = m.genders[strings.ToLower(in.head.Lemma)]
		}
		if in.head.XPOS == "NNS" || in.head.XPOS == "NNPS" || in.head.Feats.Number == "Plur" {
			in.plural = true
		}
		for k := x.Start; k < x.End; k++ {
			if t := &s.Tokens[k]; t.Head == h && strings.HasPrefix(t.Rel, "conj") && t.UPOS != "PUNCT" {
				in.plural = true // "Luo Changpei and Li Fang-Kuei"
			}
		}
		if strings.HasPrefix(in.head.Rel, "nsubj") {
			if p := in.head.Head; p >= 0 && p < len(s.Tokens) && s.Tokens[p].Head < 0 {
				in.subject = true
			}
		}
	}
	return info
}

// References links the document's mentions (from the entity stage) into
// Chains, sets each mention's Chain, and gives pronouns their entity's
// type. A mention that nothing else refers to stays out of every chain.
func (m *ReferenceModel) References(doc *Document) {
	info := m.describe(doc)
	r := newResolution(doc)
	var buf []fhash
	var cands []int
	scores := make([]float32, 1)
	pronoun := func(i int) int {
		cands = unbound(doc, info, r, i, pronounCandidates(doc, i, cands))
		buf = nullFeatures(doc, info, i, buf)
		m.ranker.scores(buf, scores)
		best, bestScore := -1, scores[0]
		animate, animateScore := -1, float32(0)
		for _, c := range cands {
			buf = pairFeatures(doc, info, r, i, c, buf)
			m.ranker.scores(buf, scores)
			if scores[0] > bestScore {
				best, bestScore = c, scores[0]
			}
			if (animate < 0 || scores[0] > animateScore) && animateFor(doc, info, i, c) {
				animate, animateScore = c, scores[0]
			}
		}
		if best < 0 {
			return animate
		}
		return best
	}
	resolve(doc, info, r, pronoun)
	r.chains(doc)
}

// resolve links each mention in text order: pronouns by the given ranker,
// names and descriptions by their rules.
func resolve(doc *Document, info []mentionInfo, r *resolution, pronoun func(i int) int) {
	for i := range doc.Mentions {
		switch {
		case info[i].pron != "":
			if a := pronoun(i); a >= 0 {
				r.link(i, a)
			}
		case doc.Mentions[i].Pronoun:
			if a := speakerAntecedent(doc, i); a >= 0 {
				r.link(i, a)
			}
		case doc.Mentions[i].Named:
			if a := nameAntecedent(doc, info, i); a >= 0 {
				r.link(i, a)
			}
		case !doc.Mentions[i].Pronoun:
			if a := descriptionAntecedent(doc, info, i); a >= 0 {
				r.link(i, a)
			}
		}
	}
}

// resolution is a union-find over mentions with each set's size.
type resolution struct {
	parent, size []int
	named        []bool // the set holds a name
}

func newResolution(doc *Document) *resolution {
	n := len(doc.Mentions)
	r := &resolution{parent: make([]int, n), size: make([]int, n), named: make([]bool, n)}
	for i := range r.parent {
		r.parent[i], r.size[i], r.named[i] = i, 1, doc.Mentions[i].Named
	}
	return r
}

func (r *resolution) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

// link puts mention i in the entity of earlier mention a.
func (r *resolution) link(i, a int) {
	ri, ra := r.find(i), r.find(a)
	if ri == ra {
		return
	}
	if ri < ra { // the root is always the entity's first mention
		ri, ra = ra, ri
	}
	r.parent[ri] = ra
	r.size[ra] += r.size[ri]
	r.named[ra] = r.named[ra] || r.named[ri]
}

// chains writes the sets of two or more mentions into doc.Chains, in the
// order of their first mentions, typed by their fullest name.
func (r *resolution) chains(doc *Document) {
	doc.Chains = doc.Chains[:0]
	chainOf := map[int]int{}
	for i := range doc.Mentions {
		root := r.find(i)
		doc.Mentions[i].Chain = -1
		if r.size[root] < 2 {
			continue
		}
		c, ok := chainOf[root]
		if !ok {
			c = len(doc.Chains)
			chainOf[root] = c
			doc.Chains = append(doc.Chains, Chain{})
		}
		doc.Mentions[i].Chain = c
		doc.Chains[c].Mentions = append(doc.Chains[c].Mentions, i)
	}
	for c := range doc.Chains {
		ch := &doc.Chains[c]
		best, bestLen := -1, 0
		counts := map[EntityType]int{}
		for _, i := range ch.Mentions {
			x := &doc.Mentions[i]
			if x.Named && x.End-x.Start > bestLen {
				best, bestLen = i, x.End-x.Start
			}
			if !x.Pronoun {
				counts[x.Type]++
			}
		}
		switch {
		case best >= 0:
			x := &doc.Mentions[best]
			ch.Type = x.Type
			s := &doc.Sentences[x.Sentence]
			ch.Name = doc.Text[s.Tokens[x.Start].Start:s.Tokens[x.End-1].End]
		case len(counts) > 0:
			for _, t := range entityTypes { // fixed order breaks ties
				if counts[t] > counts[ch.Type] || ch.Type == "" && counts[t] > 0 {
					ch.Type = t
				}
			}
		default:
			ch.Type = doc.Mentions[ch.Mentions[0]].Type
		}
		// An entity called he or she is a person, whatever the typer read
		// in its name ("Marie Curie was born in Warsaw. She ...": the
		// name's words and "born in" had made it a place). The names
		// of its chain become people too. (On GUM dev no chain changed:
		// named F1 the same on both readings.)
		if ch.Type != Person && genderedPronouns(doc, ch.Mentions) > 0 {
			ch.Type = Person
			for _, i := range ch.Mentions {
				if x := &doc.Mentions[i]; x.Named && namedTarget(x.Type) {
					x.Type = Person
				}
			}
		}
		// Pronouns take their entity's type. (Giving a chain's shorter
		// names the type of its fullest name lowered the named-mention F1
		// on GUM dev, from 0.743 to 0.717: the chains that join names are
		// not sure enough.)
		for _, i := range ch.Mentions {
			if x := &doc.Mentions[i]; x.Pronoun {
				x.Type = ch.Type
			}
		}
	}
}

// thirdPersonPronoun groups a third-person personal pronoun by what it
// says of its antecedent: he, she, it or they ("" for other words).
func thirdPersonPronoun(t *Token) string {
	if t.UPOS != "PRON" && t.UPOS != "DET" {
		return ""
	}
	switch strings.ToLower(tokenForm(t)) {
	case "he", "him", "his", "himself":
		return "he"
	case "she", "her", "hers", "herself":
		return "she"
	case "it", "its", "itself":
		if t.Rel == "expl" {
			return ""
		}
		return "it"
	case "they", "them", "their", "theirs", "themselves":
		return "they"
	}
	return ""
}

// genderedPronouns counts the mentions that are he, she and their forms.
func genderedPronouns(doc *Document, ms []int) int {
	n := 0
	for _, i := range ms {
		x := &doc.Mentions[i]
		if !x.Pronoun {
			continue
		}
		if p := thirdPersonPronoun(&doc.Sentences[x.Sentence].Tokens[x.Head]); p == "he" || p == "she" {
			n++
		}
	}
	return n
}

// pronounCandidates are the mentions before mention i in its sentence and
// the pronounWindow sentences before, nearest first, that do not contain it.
func pronounCandidates(doc *Document, i int, out []int) []int {
	out = out[:0]
	p := &doc.Mentions[i]
	for c := i - 1; c >= 0 && len(out) < maxCandidates; c-- {
		x := &doc.Mentions[c]
		if x.Sentence < p.Sentence-pronounWindow {
			break
		}
		if x.Sentence == p.Sentence && x.End > p.Start {
			continue // contains the pronoun, or is it
		}
		out = append(out, c)
	}
	return out
}

// unbound drops from cands what a pronoun object cannot stand for: the
// subject of its own verb, and whatever that subject was linked to ("the
// shepherd watched him": him is not the shepherd; Chomsky's principle B).
// A reflexive ("himself") is the one that does stand for it.
func unbound(doc *Document, info []mentionInfo, r *resolution, i int, cands []int) []int {
	p := &info[i]
	if p.head.Rel != "obj" && p.head.Rel != "iobj" {
		return cands
	}
	switch strings.ToLower(tokenForm(p.head)) {
	case "himself", "herself", "itself", "themselves":
		return cands
	}
	pm := &doc.Mentions[i]
	var bound []int // roots of the entities of the verb's subjects
	for _, c := range cands {
		a := &info[c]
		if doc.Mentions[c].Sentence == pm.Sentence && a.head.Head == p.head.Head && strings.HasPrefix(a.head.Rel, "nsubj") {
			bound = append(bound, r.find(c))
		}
	}
	if len(bound) == 0 {
		return cands
	}
	out := cands[:0]
	for _, c := range cands {
		root := r.find(c)
		if !slices.Contains(bound, root) {
			out = append(out, c)
		}
	}
	return out
}

// animateFor: candidate c could be what he or she (pronoun i) stands for:
// a singular person or animal of no other gender. In a story the
// characters are often animals and never named ("a dog had stolen a
// bone. He ..."), where GUM's ranker, which learned from non-fiction,
// would choose no antecedent.
func animateFor(doc *Document, info []mentionInfo, i, c int) bool {
	p, a := &info[i], &info[c]
	if p.pron != "he" && p.pron != "she" {
		return false
	}
	am := &doc.Mentions[c]
	if a.plural || (a.gender != 0 && a.gender != p.gender) {
		return false
	}
	if am.Pronoun {
		return a.pron == p.pron
	}
	return am.Type == Person || am.Type == Animal
}

// speakers: first and second person pronouns by the person they speak of.
var speakers = map[string]string{
	"i": "i", "me": "i", "my": "i", "mine": "i", "myself": "i",
	"we": "we", "us": "we", "our": "we", "ours": "we", "ourselves": "we",
	"you": "you", "your": "you", "yours": "you", "yourself": "you",
}

// speakerAntecedent links "I", "we" and "you" to the nearest earlier
// pronoun of the same person within the last five sentences: in a text
// they stand for its writer, its readers, its speaker.
func speakerAntecedent(doc *Document, i int) int {
	p := &doc.Mentions[i]
	who := speakers[strings.ToLower(tokenForm(&doc.Sentences[p.Sentence].Tokens[p.Head]))]
	if who == "" {
		return -1
	}
	for a := i - 1; a >= 0; a-- {
		x := &doc.Mentions[a]
		if x.Sentence < p.Sentence-5 {
			break
		}
		if x.Pronoun && speakers[strings.ToLower(tokenForm(&doc.Sentences[x.Sentence].Tokens[x.Head]))] == who {
			return a
		}
	}
	return -1
}

// nameAntecedent finds the earlier mention a name repeats, shortens or
// abbreviates, nearest first: "Motyl" -> "Alexander J. Motyl", "NSA" ->
// "National Security Agency", "Curie" -> "Marie Curie".
func nameAntecedent(doc *Document, info []mentionInfo, i int) int {
	me := &info[i]
	if len(me.words) == 0 {
		return -1
	}
	acronym := len(me.words) == 1 && isAcronym(tokenForm(me.head))
	for a := i - 1; a >= 0; a-- {
		x := &doc.Mentions[a]
		if !x.Named || x.Pronoun {
			continue
		}
		if x.Sentence == doc.Mentions[i].Sentence && x.End > doc.Mentions[i].Start {
			continue
		}
		ai := &info[a]
		if ai.key == me.key {
			return a
		}
		if len(ai.words) > len(me.words) && subsequence(me.words, ai.words) {
			return a
		}
		if acronym && len(ai.words) > 1 && initials(ai.words) == strings.ToLower(tokenForm(me.head)) {
			return a
		}
	}
	return -1
}

func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// initials of the content words: "national security agency" -> "nsa".
func initials(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "of", "the", "and", "for", "&", "'s", "in", "on", "at":
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

// subsequence: the short name's words appear, in order, as whole words
// of the long one, and its last word is the long one's last or first
// ("Motyl" in "Alexander J. Motyl", "Alexander" too; "J." alone no).
func subsequence(short, long []string) bool {
	last := short[len(short)-1]
	if last != long[len(long)-1] && !(len(short) == 1 && last == long[0]) {
		return false
	}
	k := 0
	for _, w := range long {
		if k < len(short) && w == short[k] {
			k++
		}
	}
	return k == len(short)
}

// descriptionAntecedent links a definite description to the nearest
// earlier mention with the same head noun within the last ten sentences:
// "the agency" -> "the spy agency".
func descriptionAntecedent(doc *Document, info []mentionInfo, i int) int {
	me := &info[i]
	if !me.definite || me.head.UPOS != "NOUN" {
		return -1
	}
	lemma := strings.ToLower(me.head.Lemma)
	p := &doc.Mentions[i]
	for a := i - 1; a >= 0; a-- {
		x := &doc.Mentions[a]
		if x.Sentence < p.Sentence-10 {
			break
		}
		if x.Pronoun || (x.Sentence == p.Sentence && x.End > p.Start) {
			continue
		}
		if strings.ToLower(info[a].head.Lemma) == lemma && info[a].plural == me.plural {
			return a
		}
	}
	return -1
}

// nullFeatures describe the choice "no antecedent" for pronoun i.
func nullFeatures(doc *Document, info []mentionInfo, i int, buf []fhash) []fhash {
	p := &info[i]
	buf = append(buf[:0],
		fstart(200),
		fstart(201).str(p.pron),
		fstart(202).str(p.pron).str(p.head.Rel),
		fstart(203).str(p.pron).num(b2i(doc.Mentions[i].Sentence == 0)),
	)
	if h := p.head.Head; h >= 0 {
		buf = append(buf, fstart(204).str(p.pron).str(strings.ToLower(doc.Sentences[doc.Mentions[i].Sentence].Tokens[h].Lemma)))
	}
	return buf
}

// pairFeatures describe linking pronoun i to candidate c.
func pairFeatures(doc *Document, info []mentionInfo, r *resolution, i, c int, buf []fhash) []fhash {
	p, a := &info[i], &info[c]
	pm, am := &doc.Mentions[i], &doc.Mentions[c]
	pl := p.pron
	dist := pm.Sentence - am.Sentence
	between := i - c - 1
	kind := "nom"
	switch {
	case am.Pronoun:
		kind = "pron:" + a.pron
		if a.pron == "" {
			kind = "pron:" + strings.ToLower(tokenForm(a.head))
		}
	case am.Named:
		kind = "name"
	}
	gender := 0 // unknown
	switch {
	case a.gender != 0 && p.gender != 0 && a.gender == p.gender:
		gender = 1
	case a.gender != 0 && p.gender != 0:
		gender = 2
	}
	root := r.find(c)
	size, named := r.size[root], r.named[root]
	sameHead := pm.Sentence == am.Sentence && p.head.Head == a.head.Head
	buf = append(buf[:0],
		fstart(210),
		fstart(211).str(pl).num(min(dist, 3)),
		fstart(212).str(pl).num(bucket(between)),
		fstart(213).str(pl).str(string(am.Type)),
		fstart(214).str(pl).str(kind),
		fstart(215).str(pl).num(b2i(a.plural)),
		fstart(216).str(pl).num(gender),
		fstart(217).str(pl).str(a.head.Rel),
		fstart(218).str(p.head.Rel).str(a.head.Rel),
		fstart(219).str(pl).num(b2i(a.subject)).num(min(dist, 2)),
		fstart(220).str(pl).num(b2i(a.first)),
		fstart(221).str(pl).num(bucket(size)).num(b2i(named)),
		fstart(222).str(pl).num(b2i(sameHead)).str(p.head.Rel),
		fstart(223).str(pl).str(string(am.Type)).num(b2i(a.plural)),
		fstart(224).str(pl).num(b2i(a.definite)).str(kind),
		fstart(225).str(pl).num(min(dist, 3)).str(kind),
		fstart(226).str(pl).str(string(am.Type)).num(gender),
	)
	if a.gender == 0 && am.Type == Person && am.Named {
		buf = append(buf, fstart(227).str(pl))
	}
	return buf
}

func bucket(n int) int {
	switch {
	case n <= 2:
		return n
	case n <= 4:
		return 3
	case n <= 8:
		return 4
	default:
		return 5
	}
}

// sortedKeys returns a map's keys in order (for writing models).
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
