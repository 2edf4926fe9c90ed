package legacy

import (
	"strings"
	"unicode/utf8"
)

// normalised is the article in the form the pipeline reads: curly quotes made
// straight, odd spaces made plain, invalid bytes replaced, one sentence break
// per line end. Offsets into it map back to the caller's bytes, because
// evidence must quote the original text exactly.
type normalised struct {
	text string
	orig string
	off  []int // off[i] is the original byte offset of text[i]; len(text)+1 entries
}

// replacements are the characters rewritten before tagging. The tagger and
// our own rules only know ASCII quotes; the mapping keeps evidence exact.
var replacements = map[rune]string{
	'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'",
	'\u201c': `"`, '\u201d': `"`, '\u201e': `"`, '\u201f': `"`,
	'\u00a0': " ", '\u2009': " ", '\u202f': " ", '\t': " ", '\r': " ",
	'\u2014': " - ", '\u2013': " - ", '\u2212': "-", '\u2026': "...",
	'\u00ad': "", '\u200b': "", '\ufeff': "",
}

func normalise(orig string) normalised {
	var b strings.Builder
	b.Grow(len(orig))
	off := make([]int, 0, len(orig)+1)
	for i := 0; i < len(orig); {
		r, size := utf8.DecodeRuneInString(orig[i:])
		rep, ok := replacements[r]
		if r == utf8.RuneError && size <= 1 {
			rep, ok = " ", true
		}
		if !ok {
			b.WriteString(orig[i : i+size])
			for k := 0; k < size; k++ {
				off = append(off, i+k)
			}
		} else {
			b.WriteString(rep)
			for k := 0; k < len(rep); k++ {
				off = append(off, i)
			}
		}
		i += size
	}
	off = append(off, len(orig))
	return normalised{text: b.String(), orig: orig, off: off}
}

// origSpan maps a span of the normalised text to the original bytes,
// widening it to whole replaced characters so that Text is valid UTF-8.
func (n normalised) origSpan(start, end int) (int, int) {
	if start < 0 {
		start = 0
	}
	if end > len(n.text) {
		end = len(n.text)
	}
	if start > end {
		start = end
	}
	s := n.off[start]
	e := n.off[end]
	if end > start && n.off[end-1] >= e {
		// the span ends inside a replaced character: take all of it
		_, size := utf8.DecodeRuneInString(n.orig[n.off[end-1]:])
		e = n.off[end-1] + size
	}
	return s, e
}
