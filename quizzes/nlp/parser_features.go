package nlp

import "strings"

// parseContext is what the parser's features read of a sentence: each
// word's lower-cased form and tags, with the root at index n and "-" for
// positions that do not exist.
type parseContext struct {
	word, tag, upos, lemma []string
	cls                    []wordClass
	labels                 []string
}

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
	return c
}

// c is word i's class at granularity k (0: coarse, 2: whole path).
func (c *parseContext) c(i, k int) string {
	if i < 0 {
		return "-"
	}
	return c.cls[i][k]
}

func (c *parseContext) lem(i int) string {
	if i < 0 {
		return "-"
	}
	return c.lemma[i]
}

func (c *parseContext) w(i int) string {
	if i < 0 {
		return "-"
	}
	return c.word[i]
}

func (c *parseContext) p(i int) string {
	if i < 0 {
		return "-"
	}
	return c.tag[i]
}

func (c *parseContext) u(i int) string {
	if i < 0 {
		return "-"
	}
	return c.upos[i]
}

func (c *parseContext) l(s *parseState, i int) string {
	if i < 0 || s.rel[i] < 0 {
		return "-"
	}
	return c.labels[s.rel[i]]
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
	w, p, l := c.w, c.p, func(i int) string { return c.l(s, i) }
	t := uint16(100)
	next := func() uint64 { t++; return feat(t) }
	add := fs.add

	add(next())
	// Single words.
	for _, i := range []int{s0, s1, b0, b1, b2} {
		add(str(next(), w(i)))
		add(str(next(), p(i)))
		add(str(str(next(), w(i)), p(i)))
	}
	add(str(next(), p(s2)))
	add(str(next(), c.u(s0)))
	add(str(next(), c.u(b0)))
	add(str(next(), c.u(s1)))
	// Pairs.
	add(str(str(str(str(next(), w(s0)), p(s0)), w(b0)), p(b0)))
	add(str(str(str(next(), w(s0)), p(s0)), w(b0)))
	add(str(str(str(next(), w(s0)), w(b0)), p(b0)))
	add(str(str(str(next(), w(s0)), p(s0)), p(b0)))
	add(str(str(str(next(), p(s0)), w(b0)), p(b0)))
	add(str(str(next(), w(s0)), w(b0)))
	add(str(str(next(), p(s0)), p(b0)))
	add(str(str(next(), p(b0)), p(b1)))
	add(str(str(str(str(next(), w(s1)), p(s1)), w(s0)), p(s0)))
	add(str(str(next(), w(s1)), w(s0)))
	add(str(str(next(), p(s1)), p(s0)))
	add(str(str(str(next(), w(s1)), p(s1)), p(s0)))
	add(str(str(str(next(), p(s1)), w(s0)), p(s0)))
	add(str(str(next(), w(s1)), w(b0)))
	add(str(str(next(), p(s1)), p(b0)))
	// Triples.
	add(str(str(str(next(), p(b0)), p(b1)), p(b2)))
	add(str(str(str(next(), p(s0)), p(b0)), p(b1)))
	add(str(str(str(next(), p(s1)), p(s0)), p(b0)))
	add(str(str(str(next(), p(s2)), p(s1)), p(s0)))
	add(str(str(str(next(), p(s0)), p(s0l)), p(b0)))
	add(str(str(str(next(), p(s0)), p(s0r)), p(b0)))
	add(str(str(str(next(), p(s0)), p(b0)), p(b0l)))
	add(str(str(str(next(), p(s1)), p(s1r)), p(s0)))
	add(str(str(str(next(), p(s1)), p(s1l)), p(s0)))
	add(str(str(str(next(), p(s1)), p(s0)), p(s0l)))
	add(str(str(str(next(), p(s1)), p(s0)), p(s0r)))
	add(str(str(str(next(), w(s1)), p(s0)), p(b0)))
	add(str(str(str(next(), p(s1)), w(s0)), p(b0)))
	add(str(str(str(next(), p(s1)), p(s0)), w(b0)))
	// Distance.
	d := distance(s0, b0)
	add(num(str(next(), w(s0)), d))
	add(num(str(next(), p(s0)), d))
	add(num(str(next(), w(b0)), d))
	add(num(str(next(), p(b0)), d))
	add(num(str(str(next(), p(s0)), p(b0)), d))
	add(num(str(str(next(), w(s0)), w(b0)), d))
	d1 := distance(s1, s0)
	add(num(str(str(next(), p(s1)), p(s0)), d1))
	add(num(str(str(next(), w(s1)), w(s0)), d1))
	// Valency.
	add(num(str(next(), w(s0)), count(s.nr, s0)))
	add(num(str(next(), p(s0)), count(s.nr, s0)))
	add(num(str(next(), w(s0)), count(s.nl, s0)))
	add(num(str(next(), p(s0)), count(s.nl, s0)))
	add(num(str(next(), w(b0)), count(s.nl, b0)))
	add(num(str(next(), p(b0)), count(s.nl, b0)))
	add(num(str(next(), w(s1)), count(s.nr, s1)))
	add(num(str(next(), p(s1)), count(s.nr, s1)))
	add(num(str(next(), p(s1)), count(s.nl, s1)))
	// Children: words, tags, labels.
	for _, i := range []int{s0l, s0r, b0l, s1l, s1r} {
		add(str(next(), w(i)))
		add(str(next(), p(i)))
		add(str(next(), l(i)))
	}
	// Second-order children and third-order chains.
	for _, i := range []int{s0l2, s0r2, b0l2, s1r2} {
		add(str(next(), w(i)))
		add(str(next(), p(i)))
		add(str(next(), l(i)))
	}
	add(str(str(str(next(), p(s0)), p(s0l)), p(s0l2)))
	add(str(str(str(next(), p(s0)), p(s0r)), p(s0r2)))
	add(str(str(str(next(), p(b0)), p(b0l)), p(b0l2)))
	add(str(str(str(next(), p(s1)), p(s1r)), p(s1r2)))
	add(str(str(str(next(), l(s0l)), l(s0l2)), p(s0)))
	add(str(str(str(next(), l(s0r)), l(s0r2)), p(s0)))
	// Label sets.
	add(num(str(next(), w(s0)), set(s.lset, s0)))
	add(num(str(next(), p(s0)), set(s.lset, s0)))
	add(num(str(next(), w(s0)), set(s.rset, s0)))
	add(num(str(next(), p(s0)), set(s.rset, s0)))
	add(num(str(next(), w(b0)), set(s.lset, b0)))
	add(num(str(next(), p(b0)), set(s.lset, b0)))
	add(num(str(next(), p(s1)), set(s.rset, s1)))
	add(num(str(next(), p(s1)), set(s.lset, s1)))
	// Lemmas and universal tags.
	add(str(next(), c.lem(s0)))
	add(str(next(), c.lem(b0)))
	add(str(next(), c.lem(s1)))
	add(str(str(next(), c.lem(s0)), p(b0)))
	add(str(str(next(), p(s0)), c.lem(b0)))
	add(str(str(next(), c.lem(s1)), p(s0)))
	add(str(str(next(), c.lem(s0)), c.lem(b0)))
	add(str(str(next(), c.u(s0)), c.u(b0)))
	add(str(str(next(), c.u(s1)), c.u(s0)))
	add(str(str(str(next(), c.u(s1)), c.u(s0)), c.u(b0)))
	// Punctuation between the candidates.
	punct := 0
	if s0 >= 0 && b0 >= 0 {
		for k := s0 + 1; k < b0 && k < s0+40; k++ {
			if c.upos[k] == "PUNCT" {
				punct++
			}
		}
	}
	add(num(str(str(next(), p(s0)), p(b0)), min(punct, 3)))
	// How much is left.
	add(num(num(next(), min(len(s.stack), 4)), min(s.n-s.b, 4)))
	add(num(str(next(), p(s0)), min(s.n-s.b, 4)))
	// Word classes learned from unlabelled text (Koo, Carreras and Collins
	// 2008): a class stands in for a word the treebanks rarely had, alone
	// and paired with the other candidate's tag or class.
	for _, i := range []int{s0, b0} {
		add(str(next(), c.c(i, 0)))
		add(str(next(), c.c(i, 1)))
		add(str(next(), c.c(i, 2)))
	}
	add(str(next(), c.c(s1, 1)))
	add(str(next(), c.c(b1, 1)))
	add(str(str(next(), c.c(s0, 1)), c.c(b0, 1)))
	add(str(str(next(), c.c(s0, 0)), c.c(b0, 0)))
	add(str(str(next(), c.c(s0, 1)), p(b0)))
	add(str(str(next(), p(s0)), c.c(b0, 1)))
	add(str(str(next(), c.c(s0, 2)), p(b0)))
	add(str(str(next(), p(s0)), c.c(b0, 2)))
	add(str(str(next(), c.c(s1, 1)), c.c(s0, 1)))
	add(str(str(next(), c.c(s1, 1)), p(s0)))
	add(str(str(next(), p(s1)), c.c(s0, 1)))
	add(num(str(str(next(), c.c(s0, 0)), c.c(b0, 0)), d))
}

// labelFeatures are the features for naming the arc head -> dep. The
// dependent's subtree is complete when it is attached, so its function
// words ("of", "that", "to") and their relations are all visible.
func labelFeatures(fs *featureSet, c *parseContext, s *parseState, h, d int) {
	w, p, u := c.w, c.p, c.u
	t := uint16(300)
	next := func() uint64 { t++; return feat(t) }
	add := fs.add
	dir := "L"
	if h < d {
		dir = "R"
	}
	add(str(next(), dir))
	add(str(str(next(), dir), p(d)))
	add(str(str(next(), dir), p(h)))
	add(str(str(str(next(), dir), p(d)), p(h)))
	add(str(str(str(next(), dir), u(d)), u(h)))
	add(str(str(next(), dir), w(d)))
	add(str(str(next(), dir), w(h)))
	add(str(str(str(next(), dir), w(d)), p(h)))
	add(str(str(str(next(), dir), p(d)), w(h)))
	add(str(str(str(next(), dir), w(d)), w(h)))
	add(str(str(str(next(), dir), suffix(w(d), 3)), p(h)))
	add(num(str(str(str(next(), dir), p(d)), p(h)), distance(h, d)))
	add(str(str(next(), dir), u(d)))
	add(num(str(str(next(), dir), p(d)), set(s.lset, d)))
	add(num(str(str(next(), dir), p(d)), set(s.rset, d)))
	add(num(str(str(next(), dir), p(h)), set(s.lset, h)))
	add(num(str(str(next(), dir), p(h)), set(s.rset, h)))
	add(str(str(str(next(), dir), p(d)), p(d-1)))
	add(str(str(str(next(), dir), p(d)), p(d+1)))
	if d == 0 {
		add(str(next(), p(d)))
	}
	// The dependent's own dependents: function words and their relations.
	for _, k := range []int{s.l1[d], s.l2[d], s.r1[d], s.r2[d]} {
		if k < 0 {
			continue
		}
		lab := c.labels[s.rel[k]]
		add(str(str(str(str(feat(340), dir), lab), w(k)), p(h)))
		add(str(str(str(feat(341), dir), lab), p(k)))
		add(str(str(str(str(feat(342), dir), lab), p(d)), p(h)))
	}
	// Commas between the two words mark appositions, lists and clauses.
	commas := 0
	lo, hi := min(h, d), max(h, d)
	for k := lo + 1; k < hi && k < len(c.word)-1; k++ {
		if c.word[k] == "," {
			commas++
		}
	}
	add(num(str(str(str(next(), dir), p(d)), p(h)), min(commas, 2)))
	add(str(str(next(), dir), c.c(d, 1)))
	add(str(str(next(), dir), c.c(h, 1)))
	add(str(str(next(), dir), c.c(d, 2)))
	add(str(str(str(next(), dir), c.c(d, 1)), p(h)))
	add(str(str(str(next(), dir), p(d)), c.c(h, 1)))
	add(str(str(str(next(), dir), c.c(d, 1)), c.c(h, 1)))
}
