package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The tagger gives each token its Universal and Penn tags at once: its
// classes are the "UPOS XPOS" pairs seen in training, so the two always
// agree. It is a greedy left-to-right averaged averagedPerceptron (the design of
// Collins 2002 as popularised by Honnibal's "a good POS tagger in 200
// lines"): each decision sees the word, its affixes and shape, two words
// either side and the two tags already chosen.

// tagger tags sentences with a trained model.
type tagger struct {
	model      *classifier
	dict       tagDict
	upos, xpos []string // per class
}

func newTagger(m *classifier, dict tagDict) *tagger {
	t := &tagger{model: m, dict: dict, upos: make([]string, len(m.classes)), xpos: make([]string, len(m.classes))}
	for i, c := range m.classes {
		t.upos[i], t.xpos[i], _ = strings.Cut(c, " ")
	}
	return t
}

// tagContext holds what the tag features read of a sentence, computed once.
type tagContext struct {
	lower []string
	shape []string
	forms []string
	amb   []string // the word's tags in training ("NN|VB"), "?" if unseen
	cls   []wordClass
}

func newTagContext(toks []Token, dict tagDict) *tagContext {
	n := len(toks)
	c := &tagContext{lower: make([]string, n), shape: make([]string, n), forms: make([]string, n), amb: make([]string, n), cls: make([]wordClass, n)}
	for i := range toks {
		f := toks[i].Form
		c.forms[i] = f
		c.lower[i] = strings.ToLower(f)
		c.shape[i] = tokenShape(f)
		c.amb[i] = dict.class(c.lower[i])
		c.cls[i] = classOf(c.lower[i])
	}
	return c
}

func (c *tagContext) ambAt(i int) string {
	if i < 0 || i >= len(c.amb) {
		return "-"
	}
	return c.amb[i]
}

func (c *tagContext) class(i, k int) string {
	if i < 0 || i >= len(c.cls) {
		return "<s>"
	}
	return c.cls[i][k]
}

func (c *tagContext) word(i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(c.lower):
		return "</s>"
	}
	return c.lower[i]
}

// tagFeatures appends the features of token i, given the two previous
// tags (class names, "" at the start).
func tagFeatures(fs *featureSet, c *tagContext, i int, prev, prev2 string) {
	w := c.lower[i]
	fs.add(feat(0))
	fs.add(str(feat(1), w))
	fs.add(str(feat(2), suffix(w, 3)))
	fs.add(str(feat(3), suffix(w, 2)))
	fs.add(str(feat(4), suffix(w, 1)))
	fs.add(str(feat(5), suffix(w, 4)))
	fs.add(str(feat(6), prefix(w, 1)))
	fs.add(str(feat(7), prefix(w, 2)))
	fs.add(str(feat(8), prefix(w, 3)))
	fs.add(str(feat(9), c.shape[i]))
	fs.add(str(feat(10), prev))
	fs.add(str(str(feat(11), prev), prev2))
	fs.add(str(str(feat(12), prev), w))
	fs.add(str(feat(13), c.word(i-1)))
	fs.add(str(feat(14), c.word(i+1)))
	fs.add(str(feat(15), c.word(i-2)))
	fs.add(str(feat(16), c.word(i+2)))
	fs.add(str(feat(17), suffix(c.word(i-1), 3)))
	fs.add(str(feat(18), suffix(c.word(i+1), 3)))
	fs.add(str(str(feat(19), c.word(i-1)), w))
	fs.add(str(str(feat(20), w), c.word(i+1)))
	fs.add(str(str(feat(21), prev), c.word(i+1)))
	if i+1 < len(c.shape) {
		fs.add(str(feat(22), c.shape[i+1]))
	}
	if i == 0 {
		fs.add(str(feat(23), c.shape[i]))
	}
	fs.add(str(feat(24), c.forms[i])) // case kept: "US" and "us"
	fs.add(str(str(feat(25), c.word(i+1)), c.word(i+2)))
	fs.add(str(str(feat(26), c.word(i-2)), c.word(i-1)))
	if i > 0 {
		fs.add(str(feat(27), c.shape[i-1]))
	}
	// What the neighbours can be: the tags each word had in training.
	fs.add(str(feat(28), c.amb[i]))
	fs.add(str(feat(29), c.ambAt(i+1)))
	fs.add(str(feat(30), c.ambAt(i+2)))
	fs.add(str(str(feat(31), c.amb[i]), c.ambAt(i+1)))
	fs.add(str(str(feat(32), prev), c.amb[i]))
	fs.add(str(str(str(feat(33), prev), c.amb[i]), c.ambAt(i+1)))
	fs.add(str(str(feat(34), c.amb[i]), w))
	// The word's class learned from unlabelled text, and its neighbours'.
	fs.add(str(feat(40), c.cls[i][0]))
	fs.add(str(feat(41), c.cls[i][1]))
	fs.add(str(feat(42), c.cls[i][2]))
	fs.add(str(feat(43), c.class(i-1, 1)))
	fs.add(str(feat(44), c.class(i+1, 1)))
	fs.add(str(feat(45), c.class(i+1, 2)))
	fs.add(str(str(feat(46), prev), c.cls[i][1]))
	fs.add(str(str(feat(47), c.cls[i][2]), c.amb[i]))
}

// tag fills UPOS and XPOS of toks.
func (t *tagger) tag(toks []Token) {
	c := newTagContext(toks, t.dict)
	fs := make(featureSet, 0, 48)
	acc := make([]int32, len(t.model.classes))
	prev, prev2 := "", ""
	for i := range toks {
		fs = fs[:0]
		tagFeatures(&fs, c, i, prev, prev2)
		clear(acc)
		t.model.accumulate(fs, acc)
		best := 0
		for k, v := range acc {
			if v > acc[best] {
				best = k
			}
		}
		toks[i].UPOS, toks[i].XPOS = t.upos[best], t.xpos[best]
		prev2, prev = prev, t.model.classes[best]
	}
}

// groupPlurals tags a noun whose plural is its singular as plural after
// a word for a group of them: "a flock of sheep", "a herd of deer", "a
// school of fish". The sentence alone rarely settles "sheep" for the
// tagger, and a story's "them" needs the number.
func groupPlurals(toks []Token) {
	for i := 2; i < len(toks); i++ {
		t := &toks[i]
		if t.XPOS != "NN" || !zeroPlural[strings.ToLower(t.Form)] || !strings.EqualFold(toks[i-1].Form, "of") {
			continue
		}
		if groupNouns[strings.ToLower(toks[i-2].Form)] {
			t.XPOS = "NNS"
		}
	}
}

// zeroPlural are animals whose plural is the singular.
var zeroPlural = map[string]bool{
	"sheep": true, "deer": true, "fish": true, "moose": true, "swine": true,
	"bison": true, "salmon": true, "trout": true, "cod": true, "elk": true,
}

// groupNouns name a group or a number of them.
var groupNouns = map[string]bool{
	"flock": true, "flocks": true, "herd": true, "herds": true, "school": true, "schools": true,
	"shoal": true, "shoals": true, "pack": true, "packs": true, "drove": true, "droves": true,
	"number": true, "lot": true, "lots": true, "pair": true, "couple": true, "dozen": true,
}

func suffix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[i:]
}

func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[:i]
}

// tokenShape maps letters to X/x and digits to d, collapsing runs longer
// than two ("Hello" -> "Xxx", "1990s" -> "ddx", "U.S." -> "X.X.").
func tokenShape(s string) string {
	var b strings.Builder
	var last rune
	run := 0
	for _, r := range s {
		var c rune
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = r
		}
		if c == last {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 1
		}
		last = c
		b.WriteRune(c)
		if b.Len() > 12 {
			break
		}
	}
	return b.String()
}
