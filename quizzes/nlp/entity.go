package nlp

import (
	"sort"
	"strings"
)

// The entity stage finds the mentions of a sentence and types them.
//
// Names, dates and amounts ("Rutgers University-Newark", "8 February 1700",
// "$ 3 million") are found by a BIO sequence labeller: an averaged
// perceptron that reads each token left to right with its word, shape,
// affixes, tags, dependency relation, the labels it gave the two tokens
// before, and a gazetteer of the names seen in training. Descriptions and
// pronouns ("the spy agency", "she") come from the parse: every nominal
// head not inside a name opens a mention over its subtree, typed by a
// lexicon of head lemmas learned from the same treebank.

// entityTypes fixes the order of the types in the model's labels.
var entityTypes = []EntityType{Person, Place, Organization, Time, Quantity, Event, Object, Substance, Animal, Plant, Abstract}

func typeIndex(t EntityType) int {
	for i, x := range entityTypes {
		if x == t {
			return i
		}
	}
	return -1
}

// The tagger's labels: outside a name, its first token, a later token.
const (
	labelO = iota
	labelB
	labelI
	labelCount
)

// EntityModel finds and types entity mentions.
type EntityModel struct {
	tagger *linearModel // finds the spans of names, dates and amounts
	typer  *linearModel // gives each span its type
	// gazetteer: a lowercased name (tokens joined by spaces) seen in
	// training -> its most frequent type index.
	gazetteer map[string]int8
	// lexicon: a common noun's lemma -> the type its mentions have most
	// often in training.
	lexicon     map[string]EntityType
	nounDefault EntityType
}

const maxGazetteerWords = 6

// sentenceContext holds what the tagger reads of each token, computed once
// per sentence.
type sentenceContext struct {
	lower, shape []string
	gaz          []int8 // 0 none, else 1+type for a gazetteer name's first word, -(1+type) for its others
	// wordType: 1+ the type of the names a word is most often part of in
	// training ("university" -> organization, "river" -> place), 0 none.
	wordType []int8
}

// wordKey is the gazetteer key of a single word inside names (a name key
// never starts with a zero byte).
func wordKey(w string) string { return "\x00" + w }

type gazetteerLookup func(key string) int8

func newSentenceContext(s *Sentence, gaz gazetteerLookup) *sentenceContext {
	n := len(s.Tokens)
	c := &sentenceContext{lower: make([]string, n), shape: make([]string, n), gaz: make([]int8, n), wordType: make([]int8, n)}
	for i := range s.Tokens {
		f := tokenForm(&s.Tokens[i])
		c.lower[i] = strings.ToLower(f)
		c.shape[i] = wordShape(f)
		c.wordType[i] = gaz(wordKey(c.lower[i]))
	}
	var key strings.Builder
	for i := 0; i < n; {
		best, bestType := 0, int8(0)
		key.Reset()
		for j := i; j < n && j-i < maxGazetteerWords; j++ {
			if j > i {
				key.WriteByte(' ')
			}
			key.WriteString(c.lower[j])
			if t := gaz(key.String()); t > 0 {
				best, bestType = j-i+1, t
			}
		}
		if best == 0 {
			i++
			continue
		}
		c.gaz[i] = bestType
		for j := i + 1; j < i+best; j++ {
			c.gaz[j] = -bestType
		}
		i += best
	}
	return c
}

func tokenForm(t *Token) string {
	if t.Form != "" {
		return t.Form
	}
	return t.Text
}

// wordShape maps letters to X/x and digits to d, collapsing runs:
// "McCain" -> "XxXx", "1700" -> "d", "U.S." -> "X.X.".
func wordShape(w string) string {
	var b [8]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < 128:
			c = byte(r)
		case strings.ToUpper(string(r)) == string(r) && strings.ToLower(string(r)) != string(r):
			c = 'X'
		default:
			c = 'x'
		}
		if c == last {
			continue
		}
		last = c
		if n < len(b) {
			b[n] = c
			n++
		}
	}
	return string(b[:n])
}

func affix(w string, n int, suffix bool) string {
	if len(w) <= n {
		return w
	}
	if suffix {
		return w[len(w)-n:]
	}
	return w[:n]
}

// taggerFeatures lists the features of token i given the labels of the
// two tokens before it and where the current span (if any) started.
func taggerFeatures(s *Sentence, c *sentenceContext, i, p1, p2, spanStart int, buf []fhash) []fhash {
	toks := s.Tokens
	n := len(toks)
	word := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= n {
			return "</s>"
		}
		return c.lower[k]
	}
	shape := func(k int) string {
		if k < 0 || k >= n {
			return "-"
		}
		return c.shape[k]
	}
	upos := func(k int) string {
		if k < 0 || k >= n {
			return "-"
		}
		return toks[k].UPOS
	}
	gz := func(k int) int {
		if k < 0 || k >= n {
			return 99
		}
		return int(c.gaz[k])
	}
	t := &toks[i]
	w := c.lower[i]
	buf = append(buf[:0],
		fstart(1),
		fstart(2).str(w),
		fstart(3).str(c.shape[i]),
		fstart(4).str(affix(w, 3, true)),
		fstart(5).str(affix(w, 3, false)),
		fstart(6).str(affix(w, 2, true)),
		fstart(7).str(word(i-1)),
		fstart(8).str(word(i+1)),
		fstart(9).str(word(i-2)),
		fstart(10).str(word(i+2)),
		fstart(11).str(shape(i-1)),
		fstart(12).str(shape(i+1)),
		fstart(13).str(t.UPOS),
		fstart(14).str(upos(i-1)),
		fstart(15).str(upos(i+1)),
		fstart(16).str(t.XPOS),
		fstart(17).str(upos(i-1)).str(t.UPOS),
		fstart(18).str(t.UPOS).str(upos(i+1)),
		fstart(19).str(t.Rel),
		fstart(23).num(gz(i)),
		fstart(24).num(gz(i-1)),
		fstart(25).num(gz(i+1)),
		fstart(26).num(p1),
		fstart(27).num(p1).num(p2),
		fstart(28).num(p1).str(w),
		fstart(29).num(p1).str(c.shape[i]),
		fstart(30).num(p1).str(t.UPOS),
		fstart(33).num(p1).str(t.Rel),
		fstart(34).str(word(i-1)).str(w),
		fstart(36).str(c.shape[i]).str(upos(i+1)).str(shape(i+1)),
	)
	if i == 0 {
		buf = append(buf, fstart(31).str(c.shape[i]))
	}
	buf = nameListTaggerFeatures(c, i, p1, buf)
	h := t.Head
	dir := 0
	if h >= 0 && h < n {
		if h < i {
			dir = 1
		} else {
			dir = 2
		}
		buf = append(buf,
			fstart(20).str(t.Rel).str(toks[h].UPOS),
			fstart(22).str(strings.ToLower(toks[h].Lemma)),
		)
	}
	buf = append(buf, fstart(21).num(dir).str(t.UPOS))
	// Is this token tied by the tree to the span being built?
	if p1 != 0 && spanStart >= 0 {
		tied := h >= spanStart && h < i
		for k := spanStart; k < i && !tied; k++ {
			if toks[k].Head == i {
				tied = true
			}
		}
		buf = append(buf, fstart(32).num(p1).num(b2i(tied)).str(t.UPOS))
	}
	return buf
}

// typerFeatures lists the features that type the span [start, end) with
// head h: its words, its head's word and affixes, what the gazetteer knows
// of it, and the words and tree around it ("in", "at", "said").
//
// Training hides the name's own words from some examples (words false),
// so that the typer also learns to type the names it has never seen from
// what surrounds them, and the place list from others (places false:
// placeFeatures).
func typerFeatures(lexicon map[string]EntityType, s *Sentence, c *sentenceContext, start, end, h int, words, places bool, buf []fhash) []fhash {
	toks := s.Tokens
	hw := c.lower[h]
	buf = append(buf[:0],
		fstart(100),
		fstart(102).str(affix(hw, 3, true)),
		fstart(105).str(toks[h].UPOS),
		fstart(106).str(toks[h].Rel),
		fstart(107).num(min(end-start, 5)),
		fstart(108).num(int(c.gaz[start])).num(b2i(end-start == 1 || (end < len(toks) && c.gaz[end] >= 0))),
		fstart(109).str(c.shape[h]),
	)
	if words {
		buf = append(buf, fstart(101).str(hw), fstart(103).str(c.lower[end-1]), fstart(104).str(c.lower[start]))
		for i := start; i < end; i++ {
			buf = append(buf, fstart(110).str(c.lower[i]))
		}
	}
	for i := start; i < end; i++ {
		buf = append(buf, fstart(111).num(int(c.gaz[i])), fstart(123).num(int(c.wordType[i])))
	}
	buf = append(buf, fstart(124).num(int(c.wordType[end-1])), fstart(125).num(int(c.wordType[h])))
	if places {
		buf = placeFeatures(s, c, start, end, buf)
	}
	buf = nameListFeatures(c, start, end, places, buf)
	if start > 0 {
		buf = append(buf, fstart(112).str(c.lower[start-1]))
		if start > 1 {
			buf = append(buf, fstart(113).str(c.lower[start-2]).str(c.lower[start-1]))
		}
	}
	if end < len(toks) {
		buf = append(buf, fstart(114).str(c.lower[end]))
	}
	// What the nouns around the name say it is: "the city of Athens",
	// "Athens, the capital", "Athens is a city": their types in the
	// lexicon.
	if p := toks[h].Head; p >= 0 && p < len(toks) && toks[p].UPOS == "NOUN" {
		if t, ok := lexicon[strings.ToLower(toks[p].Lemma)]; ok {
			buf = append(buf, fstart(121).str(toks[h].Rel).str(string(t)))
		}
	}
	for i := range toks {
		if toks[i].Head == h && toks[i].UPOS == "NOUN" && (i < start || i >= end) {
			if t, ok := lexicon[strings.ToLower(toks[i].Lemma)]; ok {
				buf = append(buf, fstart(122).str(toks[i].Rel).str(string(t)))
			}
		}
	}
	if p := toks[h].Head; p >= 0 && p < len(toks) {
		buf = append(buf, fstart(115).str(toks[h].Rel).str(strings.ToLower(toks[p].Lemma)))
	}
	for i := range toks {
		if toks[i].Head == h && (i < start || i >= end) {
			buf = append(buf, fstart(116).str(toks[i].Rel).str(c.lower[i]))
		} else if toks[i].Head == h && toks[i].Rel == "case" {
			buf = append(buf, fstart(117).str(c.lower[i]))
		}
	}
	return buf
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// tagSentence labels the tokens of s, greedily, keeping the labels well
// formed (an I only continues a B or I of the same type).
func tagSentence(m *linearModel, s *Sentence, c *sentenceContext, labels []int) []int {
	labels = labels[:0]
	scores := make([]float32, m.classes)
	var buf []fhash
	p1, p2, spanStart := 0, 0, -1
	for i := range s.Tokens {
		buf = taggerFeatures(s, c, i, p1, p2, spanStart, buf)
		m.scores(buf, scores)
		best := bestLabel(scores, p1)
		labels = append(labels, best)
		p2, p1 = p1, best
		switch best {
		case labelO:
			spanStart = -1
		case labelB:
			spanStart = i
		}
	}
	return labels
}

func bestLabel[F float32 | float64](scores []F, prev int) int {
	best := -1
	for l := range scores {
		if l == labelI && prev == labelO {
			continue
		}
		if best < 0 || scores[l] > scores[best] {
			best = l
		}
	}
	return best
}

// spanHead is the token of [start, end) whose head lies outside the span
// (the first such), or end-1 when the tree says nothing.
func spanHead(s *Sentence, start, end int) int {
	for i := start; i < end; i++ {
		h := s.Tokens[i].Head
		if h < start || h >= end {
			return i
		}
	}
	return end - 1
}

// Entities fills doc.Mentions with the document's entity mentions, in text
// order, each with its type; chains are left to the reference stage (every
// Chain is -1 here).
func (m *EntityModel) Entities(doc *Document) {
	doc.Mentions = doc.Mentions[:0]
	var labels []int
	lookup := func(k string) int8 { return m.gazetteer[k] }
	votes := map[string][]float32{}
	for si := range doc.Sentences {
		s := &doc.Sentences[si]
		if len(s.Tokens) == 0 {
			continue
		}
		c := newSentenceContext(s, lookup)
		labels = tagSentence(m.tagger, s, c, labels)
		doc.Mentions = m.sentenceMentions(doc.Mentions, si, s, c, labels, votes)
	}
	// One spelling, one type through a document: the typer's scores for
	// each spelling of a name are summed over its mentions.
	for i := range doc.Mentions {
		x := &doc.Mentions[i]
		if !x.Named {
			continue
		}
		if v := votes[nameKey(doc, x)]; v != nil {
			x.Type = entityTypes[argmax(v)]
		}
	}
	sortMentions(doc.Mentions)
}

// nameKey is a name's spelling without a leading article, lowercased.
func nameKey(doc *Document, x *Mention) string {
	return nameKeyOf(&doc.Sentences[x.Sentence], x.Start, x.End)
}

func nameKeyOf(s *Sentence, start, end int) string {
	if start+1 < end && strings.EqualFold(s.Tokens[start].Lemma, "the") {
		start++
	}
	return gazetteerKey(s, start, end)
}

func argmax[F float32 | float64](v []F) int {
	best := 0
	for k := range v {
		if v[k] > v[best] {
			best = k
		}
	}
	return best
}

func sortMentions(ms []Mention) {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Sentence != b.Sentence {
			return a.Sentence < b.Sentence
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
}

// sentenceMentions turns a sentence's labels into named mentions and adds
// the descriptions and pronouns the parse shows.
func (m *EntityModel) sentenceMentions(out []Mention, si int, s *Sentence, c *sentenceContext, labels []int, votes map[string][]float32) []Mention {
	n := len(s.Tokens)
	inName := make([]bool, n)
	scores := make([]float32, m.typer.classes)
	var buf []fhash
	for i := 0; i < n; {
		if labels[i] == labelO {
			i++
			continue
		}
		j := i + 1
		for j < n && labels[j] == labelI {
			j++
		}
		h := spanHead(s, i, j)
		buf = typerFeatures(m.lexicon, s, c, i, j, h, true, true, buf)
		m.typer.scores(buf, scores)
		t := argmax(scores)
		x := Mention{Sentence: si, Start: i, End: j, Head: h, Type: entityTypes[t], Named: isName(s, i, j, h, entityTypes[t]), Chain: -1}
		if x.Named {
			k := nameKeyOf(s, i, j)
			v := votes[k]
			if v == nil {
				v = make([]float32, len(scores))
				votes[k] = v
			}
			for t := range scores {
				v[t] += scores[t]
			}
		}
		out = append(out, x)
		for k := i; k < j; k++ {
			inName[k] = true
		}
		i = j
	}
	for i := range s.Tokens {
		if inName[i] {
			continue
		}
		t := &s.Tokens[i]
		if pt, ok := pronounType(t); ok {
			out = append(out, Mention{Sentence: si, Start: i, End: i + 1, Head: i, Type: pt, Pronoun: true, Chain: -1})
			continue
		}
		if !nominalHead(s, i) {
			continue
		}
		start, end := nominalSpan(s, i)
		typ := m.nounType(t)
		out = append(out, Mention{Sentence: si, Start: start, End: end, Head: i, Type: typ, Named: t.UPOS == "PROPN", Chain: -1})
	}
	return out
}

// isName: a span the tagger found is a name when its head is a proper
// noun, or, since a tagger can miss a proper noun it has never seen
// ("Norton" read as a common noun), when its head is capitalized and the
// span is not a date or an amount.
func isName(s *Sentence, start, end, h int, t EntityType) bool {
	if s.Tokens[h].UPOS == "PROPN" {
		return true
	}
	if t == Time || t == Quantity {
		return false
	}
	f := tokenForm(&s.Tokens[h])
	return f != "" && f[0] >= 'A' && f[0] <= 'Z'
}

func (m *EntityModel) nounType(t *Token) EntityType {
	if typ, ok := m.lexicon[strings.ToLower(t.Lemma)]; ok {
		return typ
	}
	if typ, ok := m.lexicon[strings.ToLower(tokenForm(t))]; ok {
		return typ
	}
	if t.UPOS == "PROPN" {
		if g := m.gazetteer[strings.ToLower(tokenForm(t))]; g > 0 {
			return entityTypes[g-1]
		}
	}
	if animalNouns()[strings.ToLower(t.Lemma)] {
		return Animal
	}
	return m.nounDefault
}

// personal pronouns and the type they imply before their antecedent is
// known: first and second person are people; it and they take their
// chain's type later.
var pronounTypes = map[string]EntityType{
	"i": Person, "me": Person, "my": Person, "mine": Person, "myself": Person,
	"we": Person, "us": Person, "our": Person, "ours": Person, "ourselves": Person,
	"you": Person, "your": Person, "yours": Person, "yourself": Person, "yourselves": Person,
	"he": Person, "him": Person, "his": Person, "himself": Person,
	"she": Person, "her": Person, "hers": Person, "herself": Person,
	"it": Object, "its": Object, "itself": Object,
	"they": Person, "them": Person, "their": Person, "theirs": Person, "themselves": Person,
}

func pronounType(t *Token) (EntityType, bool) {
	if t.UPOS != "PRON" && t.UPOS != "DET" {
		return "", false
	}
	if t.Rel == "expl" {
		return "", false
	}
	typ, ok := pronounTypes[strings.ToLower(tokenForm(t))]
	return typ, ok
}

// nominal relations: a noun in one of them heads a noun phrase.
func nominalRel(rel string) bool {
	base, _, _ := strings.Cut(rel, ":")
	switch base {
	case "nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root", "dislocated", "vocative", "parataxis", "list", "orphan", "dep", "xcomp", "ccomp", "csubj", "advcl":
		return true
	}
	return false
}

func nominalHead(s *Sentence, i int) bool {
	t := &s.Tokens[i]
	if t.UPOS != "NOUN" && t.UPOS != "PROPN" {
		return false
	}
	if !nominalRel(t.Rel) {
		return false
	}
	if strings.HasPrefix(t.Rel, "conj") || t.Rel == "appos" {
		h := t.Head
		if h < 0 || h >= len(s.Tokens) {
			return false
		}
		if u := s.Tokens[h].UPOS; u != "NOUN" && u != "PROPN" && u != "PRON" && u != "NUM" {
			return false
		}
	}
	return true
}

// nominalSpan is the head's subtree without its conjuncts, appositions,
// clauses and edge punctuation: "the University of Basel", not "the
// University of Basel, where he successively held the chairs of medicine".
func nominalSpan(s *Sentence, head int) (int, int) {
	n := len(s.Tokens)
	in := make([]bool, n)
	in[head] = true
	// tokens are in the subtree when their chain of heads reaches head
	// without passing through an excluded child.
	for i := 0; i < n; i++ {
		if i == head {
			continue
		}
		j, steps := i, 0
		for j >= 0 && j < n && j != head && steps < n {
			p := s.Tokens[j].Head
			if p == head {
				switch base, _, _ := strings.Cut(s.Tokens[j].Rel, ":"); base {
				case "conj", "cc", "appos", "parataxis", "dep", "list", "acl", "advcl":
					j = -1
				}
				if j >= 0 {
					j = head
				}
				break
			}
			j = p
			steps++
		}
		in[i] = j == head
	}
	start, end := head, head+1
	for start > 0 && in[start-1] && !clauseBreak(s.Tokens[start-1].Text) {
		start--
	}
	for end < n && in[end] && !clauseBreak(s.Tokens[end].Text) {
		end++
	}
	for start < head && s.Tokens[start].UPOS == "PUNCT" {
		start++
	}
	for end > head+1 && s.Tokens[end-1].UPOS == "PUNCT" {
		end--
	}
	return start, end
}

// clauseBreak: punctuation that sets off what follows a name ("Norton (c.
// 1818 - 1880)", "Musical Hall, of this city").
func clauseBreak(p string) bool {
	switch p {
	case ",", "(", ";", ":", "—", "[":
		return true
	}
	return false
}
