package nlp

import "strings"

// parseContext is what the parser's features read of a sentence: each
// word's lower-cased form and tags, with the root at index n and "-" for
// positions that do not exist.
type parseContext struct {
	word, tag, upos, lemma []string
	cls                    []wordClass
	labels                 []string
	// The strings' hashes, computed once a sentence: a feature mixes
	// these rather than hashing each string again for each template.
	hword, htag, hupos, hlemma, hsuf []uint64
	hcls                             [3][]uint64
	hlabel                           []uint64
}

// hashOf is the hash a string contributes to a parser feature.
func hashOf(s string) uint64 { return str(hashOffset, s) }

// mix combines a feature hash with a string's or number's hash.
func mix(h, x uint64) uint64 {
	h = (h ^ x) * 0x9e3779b97f4a7c15
	return h ^ h>>29
}

var (
	hashNone = hashOf("-")
	hashRoot = hashOf("<root>")
	hashL    = hashOf("L")
	hashR    = hashOf("R")
)

func newParseContext(toks []Token, labels []string) *parseContext {
	n := len(toks)
	c := &parseContext{word: make([]string, n+1), tag: make([]string, n+1), upos: make([]string, n+1), lemma: make([]string, n+1), cls: make([]wordClass, n+1), labels: labels}
	for i := range toks {
		c.word[i] = strings.ToLower(toks[i].Form)
		c.tag[i] = toks[i].XPOS
		c.upos[i] = toks[i].UPOS
		c.lemma[i] = strings.ToLower(toks[i].Lemma)
		c.cls[i] = classOf(c.word[i])
	}
	c.word[n], c.tag[n], c.upos[n], c.lemma[n] = "<root>", "<root>", "<root>", "<root>"
	c.cls[n] = wordClass{"<root>", "<root>", "<root>"}
	c.hword, c.htag, c.hupos, c.hlemma, c.hsuf = make([]uint64, n+1), make([]uint64, n+1), make([]uint64, n+1), make([]uint64, n+1), make([]uint64, n+1)
	for k := range c.hcls {
		c.hcls[k] = make([]uint64, n+1)
	}
	for i := 0; i <= n; i++ {
		c.hword[i], c.htag[i], c.hupos[i], c.hlemma[i] = hashOf(c.word[i]), hashOf(c.tag[i]), hashOf(c.upos[i]), hashOf(c.lemma[i])
		c.hsuf[i] = hashOf(suffix(c.word[i], 3))
		for k := range c.hcls {
			c.hcls[k][i] = hashOf(c.cls[i][k])
		}
	}
	c.hlabel = make([]uint64, len(labels))
	for i, l := range labels {
		c.hlabel[i] = hashOf(l)
	}
	return c
}

// c is word i's class at granularity k (0: coarse, 2: whole path).
func (c *parseContext) c(i, k int) uint64 { return at(c.hcls[k], i) }

func at(h []uint64, i int) uint64 {
	if i < 0 || i >= len(h) {
		return hashNone
	}
	return h[i]
}

func (c *parseContext) lem(i int) uint64 { return at(c.hlemma, i) }

func (c *parseContext) w(i int) uint64 { return at(c.hword, i) }

func (c *parseContext) p(i int) uint64 { return at(c.htag, i) }

func (c *parseContext) u(i int) uint64 { return at(c.hupos, i) }

func (c *parseContext) l(s *parseState, i int) uint64 {
	if i < 0 || s.rel[i] < 0 {
		return hashNone
	}
	return c.hlabel[s.rel[i]]
}

func child(kids []int, i int) int {
	if i < 0 {
		return -1
	}
	return kids[i]
}

func count(counts []int, i int) int {
	if i < 0 {
		return -1
	}
	return min(counts[i], 5)
}

func set(sets []uint64, i int) int {
	if i < 0 {
		return -1
	}
	return int(sets[i]&0xffffffff) ^ int(sets[i]>>32)*31
}

// distance buckets the gap between two words: 1, 2, 3, 4, 5-6, 7-9, 10+.
func distance(a, b int) int {
	if a < 0 || b < 0 {
		return -1
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return d
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	}
	return 7
}

// moveFeatures are the features of a configuration for choosing the next
// move: the templates of Zhang and Nivre (2011) recast for arc-hybrid, where
// the top two stack words and the buffer front are the candidates for an
// arc: words, tags, pairs and triples of them, distance, valency, the
// children's labels and label sets, and second-order children.
func moveFeatures(fs *featureSet, c *parseContext, s *parseState) {
	s0, s1, s2 := s.stackAt(0), s.stackAt(1), s.stackAt(2)
	b0, b1, b2 := s.bufferAt(0), s.bufferAt(1), s.bufferAt(2)
	s0l, s0l2, s0r, s0r2 := child(s.l1, s0), child(s.l2, s0), child(s.r1, s0), child(s.r2, s0)
	s1l, s1r, s1r2 := child(s.l1, s1), child(s.r1, s1), child(s.r2, s1)
	b0l, b0l2 := child(s.l1, b0), child(s.l2, b0)
	w, p, l := c.w, c.p, func(i int) uint64 { return c.l(s, i) }
	t := uint16(100)
	next := func() uint64 { t++; return feat(t) }
	add := fs.add

	add(next())
	// Single words.
	for _, i := range []int{s0, s1, b0, b1, b2} {
		add(mix(next(), w(i)))
		add(mix(next(), p(i)))
		add(mix(mix(next(), w(i)), p(i)))
	}
	add(mix(next(), p(s2)))
	add(mix(next(), c.u(s0)))
	add(mix(next(), c.u(b0)))
	add(mix(next(), c.u(s1)))
	// Pairs.
	add(mix(mix(mix(mix(next(), w(s0)), p(s0)), w(b0)), p(b0)))
	add(mix(mix(mix(next(), w(s0)), p(s0)), w(b0)))
	add(mix(mix(mix(next(), w(s0)), w(b0)), p(b0)))
	add(mix(mix(mix(next(), w(s0)), p(s0)), p(b0)))
	add(mix(mix(mix(next(), p(s0)), w(b0)), p(b0)))
	add(mix(mix(next(), w(s0)), w(b0)))
	add(mix(mix(next(), p(s0)), p(b0)))
	add(mix(mix(next(), p(b0)), p(b1)))
	add(mix(mix(mix(mix(next(), w(s1)), p(s1)), w(s0)), p(s0)))
	add(mix(mix(next(), w(s1)), w(s0)))
	add(mix(mix(next(), p(s1)), p(s0)))
	add(mix(mix(mix(next(), w(s1)), p(s1)), p(s0)))
	add(mix(mix(mix(next(), p(s1)), w(s0)), p(s0)))
	add(mix(mix(next(), w(s1)), w(b0)))
	add(mix(mix(next(), p(s1)), p(b0)))
	// Triples.
	add(mix(mix(mix(next(), p(b0)), p(b1)), p(b2)))
	add(mix(mix(mix(next(), p(s0)), p(b0)), p(b1)))
	add(mix(mix(mix(next(), p(s1)), p(s0)), p(b0)))
	add(mix(mix(mix(next(), p(s2)), p(s1)), p(s0)))
	add(mix(mix(mix(next(), p(s0)), p(s0l)), p(b0)))
	add(mix(mix(mix(next(), p(s0)), p(s0r)), p(b0)))
	add(mix(mix(mix(next(), p(s0)), p(b0)), p(b0l)))
	add(mix(mix(mix(next(), p(s1)), p(s1r)), p(s0)))
	add(mix(mix(mix(next(), p(s1)), p(s1l)), p(s0)))
	add(mix(mix(mix(next(), p(s1)), p(s0)), p(s0l)))
	add(mix(mix(mix(next(), p(s1)), p(s0)), p(s0r)))
	add(mix(mix(mix(next(), w(s1)), p(s0)), p(b0)))
	add(mix(mix(mix(next(), p(s1)), w(s0)), p(b0)))
	add(mix(mix(mix(next(), p(s1)), p(s0)), w(b0)))
	// Distance.
	d := distance(s0, b0)
	add(num(mix(next(), w(s0)), d))
	add(num(mix(next(), p(s0)), d))
	add(num(mix(next(), w(b0)), d))
	add(num(mix(next(), p(b0)), d))
	add(num(mix(mix(next(), p(s0)), p(b0)), d))
	add(num(mix(mix(next(), w(s0)), w(b0)), d))
	d1 := distance(s1, s0)
	add(num(mix(mix(next(), p(s1)), p(s0)), d1))
	add(num(mix(mix(next(), w(s1)), w(s0)), d1))
	// Valency.
	add(num(mix(next(), w(s0)), count(s.nr, s0)))
	add(num(mix(next(), p(s0)), count(s.nr, s0)))
	add(num(mix(next(), w(s0)), count(s.nl, s0)))
	add(num(mix(next(), p(s0)), count(s.nl, s0)))
	add(num(mix(next(), w(b0)), count(s.nl, b0)))
	add(num(mix(next(), p(b0)), count(s.nl, b0)))
	add(num(mix(next(), w(s1)), count(s.nr, s1)))
	add(num(mix(next(), p(s1)), count(s.nr, s1)))
	add(num(mix(next(), p(s1)), count(s.nl, s1)))
	// Children: words, tags, labels.
	for _, i := range []int{s0l, s0r, b0l, s1l, s1r} {
		add(mix(next(), w(i)))
		add(mix(next(), p(i)))
		add(mix(next(), l(i)))
	}
	// Second-order children and third-order chains.
	for _, i := range []int{s0l2, s0r2, b0l2, s1r2} {
		add(mix(next(), w(i)))
		add(mix(next(), p(i)))
		add(mix(next(), l(i)))
	}
	add(mix(mix(mix(next(), p(s0)), p(s0l)), p(s0l2)))
	add(mix(mix(mix(next(), p(s0)), p(s0r)), p(s0r2)))
	add(mix(mix(mix(next(), p(b0)), p(b0l)), p(b0l2)))
	add(mix(mix(mix(next(), p(s1)), p(s1r)), p(s1r2)))
	add(mix(mix(mix(next(), l(s0l)), l(s0l2)), p(s0)))
	add(mix(mix(mix(next(), l(s0r)), l(s0r2)), p(s0)))
	// Label sets.
	add(num(mix(next(), w(s0)), set(s.lset, s0)))
	add(num(mix(next(), p(s0)), set(s.lset, s0)))
	add(num(mix(next(), w(s0)), set(s.rset, s0)))
	add(num(mix(next(), p(s0)), set(s.rset, s0)))
	add(num(mix(next(), w(b0)), set(s.lset, b0)))
	add(num(mix(next(), p(b0)), set(s.lset, b0)))
	add(num(mix(next(), p(s1)), set(s.rset, s1)))
	add(num(mix(next(), p(s1)), set(s.lset, s1)))
	// Lemmas and universal tags.
	add(mix(next(), c.lem(s0)))
	add(mix(next(), c.lem(b0)))
	add(mix(next(), c.lem(s1)))
	add(mix(mix(next(), c.lem(s0)), p(b0)))
	add(mix(mix(next(), p(s0)), c.lem(b0)))
	add(mix(mix(next(), c.lem(s1)), p(s0)))
	add(mix(mix(next(), c.lem(s0)), c.lem(b0)))
	add(mix(mix(next(), c.u(s0)), c.u(b0)))
	add(mix(mix(next(), c.u(s1)), c.u(s0)))
	add(mix(mix(mix(next(), c.u(s1)), c.u(s0)), c.u(b0)))
	// Punctuation between the candidates.
	punct := 0
	if s0 >= 0 && b0 >= 0 {
		for k := s0 + 1; k < b0 && k < s0+40; k++ {
			if c.upos[k] == "PUNCT" {
				punct++
			}
		}
	}
	add(num(mix(mix(next(), p(s0)), p(b0)), min(punct, 3)))
	// How much is left.
	add(num(num(next(), min(len(s.stack), 4)), min(s.n-s.b, 4)))
	add(num(mix(next(), p(s0)), min(s.n-s.b, 4)))
	// Word classes learned from unlabelled text (Koo, Carreras and Collins
	// 2008): a class stands in for a word the treebanks rarely had, alone
	// and paired with the other candidate's tag or class.
	for _, i := range []int{s0, b0} {
		add(mix(next(), c.c(i, 0)))
		add(mix(next(), c.c(i, 1)))
		add(mix(next(), c.c(i, 2)))
	}
	add(mix(next(), c.c(s1, 1)))
	add(mix(next(), c.c(b1, 1)))
	add(mix(mix(next(), c.c(s0, 1)), c.c(b0, 1)))
	add(mix(mix(next(), c.c(s0, 0)), c.c(b0, 0)))
	add(mix(mix(next(), c.c(s0, 1)), p(b0)))
	add(mix(mix(next(), p(s0)), c.c(b0, 1)))
	add(mix(mix(next(), c.c(s0, 2)), p(b0)))
	add(mix(mix(next(), p(s0)), c.c(b0, 2)))
	add(mix(mix(next(), c.c(s1, 1)), c.c(s0, 1)))
	add(mix(mix(next(), c.c(s1, 1)), p(s0)))
	add(mix(mix(next(), p(s1)), c.c(s0, 1)))
	add(num(mix(mix(next(), c.c(s0, 0)), c.c(b0, 0)), d))
}

// labelFeatures are the features for naming the arc head -> dep. The
// dependent's subtree is complete when it is attached, so its function
// words ("of", "that", "to") and their relations are all visible.
func labelFeatures(fs *featureSet, c *parseContext, s *parseState, h, d int) {
	w, p, u := c.w, c.p, c.u
	t := uint16(300)
	next := func() uint64 { t++; return feat(t) }
	add := fs.add
	dir := hashL
	if h < d {
		dir = hashR
	}
	add(mix(next(), dir))
	add(mix(mix(next(), dir), p(d)))
	add(mix(mix(next(), dir), p(h)))
	add(mix(mix(mix(next(), dir), p(d)), p(h)))
	add(mix(mix(mix(next(), dir), u(d)), u(h)))
	add(mix(mix(next(), dir), w(d)))
	add(mix(mix(next(), dir), w(h)))
	add(mix(mix(mix(next(), dir), w(d)), p(h)))
	add(mix(mix(mix(next(), dir), p(d)), w(h)))
	add(mix(mix(mix(next(), dir), w(d)), w(h)))
	add(mix(mix(mix(next(), dir), at(c.hsuf, d)), p(h)))
	add(num(mix(mix(mix(next(), dir), p(d)), p(h)), distance(h, d)))
	add(mix(mix(next(), dir), u(d)))
	add(num(mix(mix(next(), dir), p(d)), set(s.lset, d)))
	add(num(mix(mix(next(), dir), p(d)), set(s.rset, d)))
	add(num(mix(mix(next(), dir), p(h)), set(s.lset, h)))
	add(num(mix(mix(next(), dir), p(h)), set(s.rset, h)))
	add(mix(mix(mix(next(), dir), p(d)), p(d-1)))
	add(mix(mix(mix(next(), dir), p(d)), p(d+1)))
	if d == 0 {
		add(mix(next(), p(d)))
	}
	// The dependent's own dependents: function words and their relations.
	for _, k := range []int{s.l1[d], s.l2[d], s.r1[d], s.r2[d]} {
		if k < 0 {
			continue
		}
		lab := c.hlabel[s.rel[k]]
		add(mix(mix(mix(mix(feat(340), dir), lab), w(k)), p(h)))
		add(mix(mix(mix(feat(341), dir), lab), p(k)))
		add(mix(mix(mix(mix(feat(342), dir), lab), p(d)), p(h)))
	}
	// Commas between the two words mark appositions, lists and clauses.
	commas := 0
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi && k < len(c.word)-1; k++ {
		if c.word[k] == "," {
			commas++
		}
	}
	add(num(mix(mix(mix(next(), dir), p(d)), p(h)), min(commas, 2)))
	add(mix(mix(next(), dir), c.c(d, 1)))
	add(mix(mix(next(), dir), c.c(h, 1)))
	add(mix(mix(next(), dir), c.c(d, 2)))
	add(mix(mix(mix(next(), dir), c.c(d, 1)), p(h)))
	add(mix(mix(mix(next(), dir), p(d)), c.c(h, 1)))
	add(mix(mix(mix(next(), dir), c.c(d, 1)), c.c(h, 1)))
}
