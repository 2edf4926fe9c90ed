package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = set("mr mrs ms dr prof st jr sr gen col lt sgt capt gov sen rep rev hon messrs " +
	"vs etc e.g i.e no nos inc co corp ltd mt ft approx ca c fig vol ed eds dept est " +
	"jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.d b.c p.m a.m")

// splitSentences returns the [start,end) byte spans of the sentences of text.
// A line break always ends a sentence (articles are often one paragraph a
// line); within a line a sentence ends at . ! or ? followed by a space and a
// capital, digit or opening quote, unless the word before is an abbreviation
// or an initial.
func splitSentences(text string) [][2]int {
	var out [][2]int
	add := func(s, e int) {
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		for e-s > maxSentence {
			// a run-on "sentence" (a list, a table pasted as text) is read in
			// pieces, so that no step sees thousands of words at once
			cut := s + strings.LastIndexByte(text[s:s+maxSentence], ' ')
			if cut <= s {
				cut = s + maxSentence
				for cut < e && !utf8.RuneStart(text[cut]) {
					cut++
				}
			}
			out = append(out, [2]int{s, cut})
			s = cut
			for s < e && isSpaceByte(text[s]) {
				s++
			}
		}
		if e > s {
			out = append(out, [2]int{s, e})
		}
	}
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\n' {
			add(start, i)
			start = i + 1
			continue
		}
		if (c == ';' || c == ':') && i+2 < len(text) && text[i+1] == ' ' && (c == ';' || text[i+2] == '"') {
			// clauses joined by a semicolon, or a quotation after a colon,
			// are read (and proved) one at a time
			add(start, i+1)
			start = i + 1
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && strings.IndexByte(`"')]`, text[j]) >= 0 {
			j++
		}
		if j < len(text) && text[j] == '[' { // citation marks like [1]
			if k := strings.IndexByte(text[j:], ']'); k > 0 && k < 20 {
				j += k + 1
			}
		}
		if j >= len(text) || text[j] != ' ' {
			continue
		}
		k := j
		for k < len(text) && text[k] == ' ' {
			k++
		}
		if k >= len(text) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[k:])
		if !(unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '\'' || r == '(') {
			continue
		}
		if c == '.' && listNumberBefore(text, i) {
			continue // "2. Rain falls": a numbered list item
		}
		if c == '.' && abbreviationBefore(text, i) && !opensSentence(text[k:]) {
			continue // "Alexander J. Motyl", but "Babken I. The council ..."
		}
		add(start, j)
		start = j
		i = j - 1
	}
	add(start, len(text))
	return out
}

// abbreviationBefore reports whether the word ending at the period text[i]
// is an abbreviation or a single-letter initial.
func abbreviationBefore(text string, i int) bool {
	s := i
	for s > 0 && text[s-1] != ' ' && text[s-1] != '(' && text[s-1] != '"' {
		s--
	}
	w := strings.ToLower(text[s:i])
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 {
		return true
	}
	return abbreviations[w]
}

// listNumberBefore reports whether the period text[i] ends the number
// that opens a line of a numbered list.
func listNumberBefore(text string, i int) bool {
	ls := strings.LastIndexByte(text[:i], '\n') + 1
	n := strings.TrimLeft(text[ls:i], " \t")
	if n == "" || len(n) > 3 {
		return false
	}
	for _, r := range n {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// opensSentence reports whether text starts with a word that begins
// sentences and never names: after "I." or "etc." it starts a new one.
func opensSentence(text string) bool {
	e := strings.IndexAny(text, " ,;:")
	if e < 0 {
		e = len(text)
	}
	w := strings.ToLower(text[:e])
	return w != "a" && w != "i" && notNames[w]
}

// afterListMarker skips a list bullet or number and Markdown's heading and
// quote marks at the start of a line: "- ", "* ", "• ", "3. ", "## ", "> ".
func afterListMarker(text string, s, e int) int {
	t := text[s:e]
	for _, m := range []string{"- ", "* ", "+ ", "• ", "> ", "– "} {
		if strings.HasPrefix(t, m) {
			return s + len(m)
		}
	}
	if h := strings.TrimLeft(t, "#"); len(h) < len(t) && strings.HasPrefix(h, " ") {
		return s + len(t) - len(h) + 1
	}
	d := 0
	for d < len(t) && d < 3 && t[d] >= '0' && t[d] <= '9' {
		d++
	}
	if d > 0 && d+1 < len(t) && (t[d] == '.' || t[d] == ')') && t[d+1] == ' ' {
		return s + d + 2
	}
	return s
}

// heading reports whether a line is a title or heading rather than a
// sentence: short, with no full stop, question or exclamation mark at its
// end.
func heading(line string) bool {
	line = strings.TrimSpace(line)
	if line == "" {
		return true
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':', ';', '"', '\'', ')':
		return false
	}
	return len(strings.Fields(line)) <= 8
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// maxSentence is the most bytes read as one sentence.
const maxSentence = 1500
