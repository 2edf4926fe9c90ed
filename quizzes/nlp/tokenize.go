package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokens follow UD English (EWT, GUM): punctuation is split off words;
// clitics are their own tokens ("do|n't", "ca|n't", "John|'s", "I|'m");
// "cannot", "gonna", "wanna" and "gotta" are two; hyphens between letters
// are tokens ("Al|-|Zaman") except after a few prefixes ("e-mail",
// "re-elected"); URLs, e-mail addresses, numbers ("3.5", "1,000", "9/11")
// and abbreviations ("Dr.", "U.S.", "e.g.") stay whole.

// piece is a run of text between white space. When a word was hyphenated
// across a line break, the piece is the joined word: its form lacks the
// hyphen and the break, and bytes of form from gap on sit gapLen further on
// in the text.
type piece struct {
	form       string
	start      int
	gap, gapLn int
}

func (p *piece) offset(i int) int {
	if i >= p.gap {
		return p.start + i + p.gapLn
	}
	return p.start + i
}

// tokenizeLines tokenizes the content of a paragraph's lines.
func tokenizeLines(text string, lines []span) []Token {
	var pieces []piece
	for li, l := range lines {
		first := len(pieces)
		for i := l.start; i < l.end; {
			r, n := utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			j := i
			for j < l.end {
				r, n := utf8.DecodeRuneInString(text[j:])
				if unicode.IsSpace(r) {
					break
				}
				j += n
			}
			pieces = append(pieces, piece{form: text[i:j], start: i, gap: j - i})
			i = j
		}
		// "exam-" at the end of a line and "ple" at the start of the next
		// are one word.
		if li > 0 && first < len(pieces) && first > 0 {
			prev, next := &pieces[first-1], pieces[first]
			if prev.gapLn == 0 && joinsAcrossBreak(prev.form, next.form) {
				cut := strings.TrimSuffix(strings.TrimSuffix(prev.form, "-"), "\u00ad")
				prev.gap = len(cut)
				prev.gapLn = next.start - (prev.start + len(cut))
				prev.form = cut + next.form
				pieces = append(pieces[:first], pieces[first+1:]...)
			}
		}
	}
	var toks []Token
	for pi := range pieces {
		p := &pieces[pi]
		for _, s := range splitWord(p.form) {
			start, end := p.offset(s.start), p.offset(s.end-1)+1
			toks = append(toks, Token{Text: text[start:end], Start: start, End: end, Form: wordForm(p.form[s.start:s.end])})
		}
	}
	for i := range toks {
		t := &toks[i]
		t.SpaceAfter = t.End < len(text) && (i+1 == len(toks) || toks[i+1].Start > t.End)
	}
	return toks
}

// joinsAcrossBreak: a word cut by a hyphen at a line's end, continued in
// lower case on the next line.
func joinsAcrossBreak(prev, next string) bool {
	cut, ok := strings.CutSuffix(prev, "-")
	if !ok {
		cut, ok = strings.CutSuffix(prev, "\u00ad")
	}
	if !ok || strings.HasSuffix(cut, "-") {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(cut)
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(last) && unicode.IsLower(first)
}

// wordForm is a token's Form: plain punctuation, and a clitic spelled as
// the treebanks spell it.
func wordForm(s string) string {
	return plainForm(s)
}

// splitWord splits one piece into token spans.
func splitWord(w string) []span {
	var left, right []span
	a, b := 0, len(w)
	// Opening punctuation.
	for a < b {
		if n := openingPunct(w[a:b]); n > 0 {
			left = append(left, span{a, a + n})
			a += n
			continue
		}
		break
	}
	// Closing punctuation, from the end.
	for a < b {
		if n := closingPunct(w[a:b]); n > 0 {
			right = append(right, span{b - n, b})
			b -= n
			continue
		}
		break
	}
	out := left
	if a < b {
		out = append(out, splitCore(w, a, b)...)
	}
	for i := len(right) - 1; i >= 0; i-- {
		out = append(out, right[i])
	}
	return out
}

const openers = "\"'“‘«([{<*_¿¡"
const closers = "\"'”’»)]}>*_,;:!?"

// sameRun is the length of the run of c at the start (or end) of s.
func sameRun(s string, c byte, fromEnd bool) int {
	n := 0
	for n < len(s) {
		i := n
		if fromEnd {
			i = len(s) - 1 - n
		}
		if s[i] != c {
			break
		}
		n++
	}
	return n
}

// runChars are marks whose runs ("***", "____", "====") are one token.
const runChars = "*_=~-.!?"

func openingPunct(s string) int {
	if strings.IndexByte(runChars, s[0]) >= 0 {
		if n := sameRun(s, s[0], false); n > 1 && n < len(s) {
			return n
		}
	}
	for _, p := range []string{"...", "--", "…", "—", "–", "$", "£", "€", "#"} {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			if p == "#" || p == "$" || p == "£" || p == "€" {
				r, _ := utf8.DecodeRuneInString(s[len(p):])
				if !unicode.IsDigit(r) {
					continue
				}
			}
			return len(p)
		}
	}
	r, n := utf8.DecodeRuneInString(s)
	if n < len(s) && strings.ContainsRune(openers, r) {
		if r == '\'' || r == '‘' {
			// '90s and 'em stay whole; a quote before a word does not.
			next, _ := utf8.DecodeRuneInString(s[n:])
			if unicode.IsDigit(next) || strings.EqualFold(s[n:], "em") || strings.EqualFold(s[n:], "tis") {
				return 0
			}
		}
		return n
	}
	return 0
}

func closingPunct(s string) int {
	if c := s[len(s)-1]; strings.IndexByte(runChars, c) >= 0 {
		if n := sameRun(s, c, true); n > 1 && n < len(s) {
			return n
		}
	}
	if isURL(s) {
		// An address keeps its dots and slashes but not the brackets,
		// quotes or commas around it.
		if r, n := utf8.DecodeLastRuneInString(s); n < len(s) && strings.ContainsRune(">)]\"',;!?.”’", r) {
			return n
		}
		return 0
	}
	for _, p := range []string{"...", "…", "--", "—", "–"} {
		if strings.HasSuffix(s, p) && len(s) > len(p) {
			return len(p)
		}
	}
	r, n := utf8.DecodeLastRuneInString(s)
	if n >= len(s) {
		return 0
	}
	switch {
	case r == '.':
		if isAbbreviation(s) {
			return 0
		}
		return 1
	case r == '%':
		return 1
	case strings.ContainsRune(closers, r):
		if r == '\'' || r == '’' {
			return n // a closing quote, or the apostrophe of "students'"
		}
		return n
	}
	return 0
}

// abbreviations keep their period ("Dr." is one token).
var abbreviations = map[string]bool{}

func init() {
	for _, a := range strings.Fields(`mr mrs ms dr prof st jr sr vs etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec
		mon tue wed thu fri sat sun no nos vol fig approx dept gen gov sen rep mt ft lt col capt sgt rev est av ave blvd rd
		e.g i.e a.m p.m u.s u.k u.n ph.d cf al op pp ch sec govt univ assn bros messrs mme mlle cal calif fla mass penn wash`) {
		abbreviations[a] = true
	}
}

func isAbbreviation(s string) bool {
	core := strings.TrimSuffix(s, ".")
	lower := strings.ToLower(core)
	if abbreviations[lower] {
		return true
	}
	if utf8.RuneCountInString(core) == 1 {
		r, _ := utf8.DecodeRuneInString(core)
		return unicode.IsUpper(r)
	}
	// Dotted initials: "U.S", "e.g", "Ph.D".
	if strings.Contains(core, ".") {
		for _, part := range strings.Split(core, ".") {
			if part == "" || utf8.RuneCountInString(part) > 2 {
				return false
			}
			for _, r := range part {
				if !unicode.IsLetter(r) {
					return false
				}
			}
		}
		return true
	}
	return false
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	if strings.Contains(l, "://") || strings.HasPrefix(l, "www.") {
		return true
	}
	at := strings.IndexByte(l, '@')
	return at > 0 && strings.Contains(l[at:], ".") && !strings.HasSuffix(l, ".")
}

// clitics split off the end of a word, in both apostrophes.
var clitics = []string{"n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// hyphenPrefixes stay joined to what follows ("e-mail", "re-elect").
var hyphenPrefixes = map[string]bool{"e": true, "re": true, "co": true, "non": true, "pro": true, "anti": true, "pre": true, "ex": true, "mid": true, "multi": true, "x": true}

// splitCore splits the middle of a word: clitics, two-word contractions,
// hyphens, slashes and dashes between letters.
func splitCore(w string, a, b int) []span {
	s := w[a:b]
	if isURL(s) {
		return []span{{a, b}}
	}
	lower := strings.ToLower(s)
	switch lower {
	case "cannot":
		return []span{{a, a + 3}, {a + 3, b}}
	case "gonna", "wanna", "gotta":
		return []span{{a, a + 3}, {a + 3, b}}
	}
	for _, c := range clitics {
		if len(s) > len(c) && strings.EqualFold(s[len(s)-len(c):], c) {
			return append(splitCore(w, a, b-len(c)), span{b - len(c), b})
		}
	}
	// Dashes and ellipses inside a piece ("word--word", "wait...what").
	for _, d := range []string{"--", "—", "–", "...", "…"} {
		if i := strings.Index(s, d); i > 0 && i+len(d) < len(s) {
			out := splitCore(w, a, a+i)
			out = append(out, span{a + i, a + i + len(d)})
			return append(out, splitCore(w, a+i+len(d), b)...)
		}
	}
	// Hyphens and slashes between letters.
	for i := 1; i < len(s)-1; i++ {
		if s[i] != '-' && s[i] != '/' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		// Between letters, or a number and a word ("15-year"); numbers
		// ("1990-95", "9/11") and "b/c" stay whole.
		if !unicode.IsLetter(prev) && !unicode.IsLetter(next) {
			continue
		}
		if !(unicode.IsLetter(prev) || unicode.IsDigit(prev)) || !(unicode.IsLetter(next) || unicode.IsDigit(next)) {
			continue
		}
		if s[i] == '/' && (i == 1 || len(s)-i-1 == 1) {
			continue
		}
		if s[i] == '-' && !strings.Contains(s[:i], "-") && hyphenPrefixes[lower[:i]] {
			continue
		}
		out := []span{{a, a + i}, {a + i, a + i + 1}}
		return append(out, splitCore(w, a+i+1, b)...)
	}
	return []span{{a, b}}
}
