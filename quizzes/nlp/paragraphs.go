package nlp

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range of the text.
type span struct{ start, end int }

// paragraphSpan is one paragraph as the layout shows it: its kind and the
// content of each of its lines (list markers, "#" and ">" left out).
type paragraphSpan struct {
	kind  ParagraphKind
	lines []span
}

// line is one line of the text, with what its start says about it.
type line struct {
	span           // the whole line, without its line break
	content   span // after the marker and leading space
	kind      ParagraphKind
	marked    bool // begins with a list, heading or quote marker
	blank     bool
	runeCount int
	// lastRune is the content's last rune; firstUpper says whether it
	// begins with a capital letter or a digit.
	lastRune   rune
	firstUpper bool
}

// findParagraphs reads the layout: blank lines end paragraphs; a line
// that begins with a list marker ("-", "*", "•", "1.", "(a)") starts a list
// item; "#" lines are headings; ">" lines are quotes. Inside a block of
// lines, a single line break is a space when the text is hard-wrapped
// (every line short, as PDF and Project Gutenberg copies are) and a
// paragraph break when the lines are long (one line per paragraph, as text
// copied from a web page is). A short first line without end punctuation
// that is followed by longer ones is a heading.
func findParagraphs(text string) []paragraphSpan {
	lines := splitLines(text)
	var out []paragraphSpan
	for i := 0; i < len(lines); {
		if lines[i].blank {
			i++
			continue
		}
		j := i
		for j < len(lines) && !lines[j].blank {
			j++
		}
		out = append(out, blockParagraphs(lines[i:j])...)
		i = j
	}
	return out
}

func splitLines(text string) []line {
	var out []line
	for start := 0; start <= len(text); {
		end := strings.IndexByte(text[start:], '\n')
		next := 0
		if end < 0 {
			end, next = len(text), len(text)+1
		} else {
			end += start
			next = end + 1
		}
		l := line{span: span{start, end}}
		if end > start && text[end-1] == '\r' {
			l.end--
		}
		readLineStart(text, &l)
		out = append(out, l)
		start = next
	}
	return out
}

// readLineStart finds a line's marker and content.
func readLineStart(text string, l *line) {
	s := l.start
	for s < l.end {
		r, n := utf8.DecodeRuneInString(text[s:l.end])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	l.blank = s == l.end
	l.content = span{s, l.end}
	l.runeCount = utf8.RuneCountInString(text[s:l.end])
	if l.blank {
		return
	}
	rest := text[s:l.end]
	trimmed := strings.TrimRightFunc(rest, unicode.IsSpace)
	l.lastRune, _ = utf8.DecodeLastRuneInString(trimmed)
	first, _ := utf8.DecodeRuneInString(rest)
	l.firstUpper = unicode.IsUpper(first) || unicode.IsDigit(first)
	marker := 0
	switch {
	case strings.HasPrefix(rest, "#"):
		marker = len(rest) - len(strings.TrimLeft(rest, "#"))
		l.kind = Heading
	case strings.HasPrefix(rest, ">"):
		marker = len(rest) - len(strings.TrimLeft(rest, ">"))
		l.kind = Quote
	default:
		marker = listMarker(rest)
		l.kind = ListItem
	}
	if marker == 0 {
		l.kind = Prose
		return
	}
	// A marker counts only when followed by a space (or the line's end).
	if marker < len(rest) && rest[marker] != ' ' && rest[marker] != '\t' {
		l.kind = Prose
		return
	}
	l.marked = true
	s += marker
	for s < l.end && (text[s] == ' ' || text[s] == '\t') {
		s++
	}
	l.content.start = s
	l.runeCount = utf8.RuneCountInString(text[s:l.end])
}

// listMarker is the length of a list marker at the start of s, 0 for none.
func listMarker(s string) int {
	for _, b := range []string{"- ", "* ", "+ ", "• ", "◦ ", "‣ ", "– ", "— "} {
		if strings.HasPrefix(s, b) {
			return len(b) - 1
		}
	}
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return i + 1
	}
	if len(s) >= 3 && s[0] == '(' && s[2] == ')' && unicode.IsLetter(rune(s[1])) {
		return 3
	}
	return 0
}

// blockParagraphs splits a run of non-blank lines into paragraphs.
func blockParagraphs(lines []line) []paragraphSpan {
	width := 0
	for _, l := range lines {
		width = max(width, l.runeCount)
	}
	wrapped := width <= 100
	var out []paragraphSpan
	var cur *paragraphSpan
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for i, l := range lines {
		startNew := cur == nil || !wrapped
		switch {
		case l.marked && l.kind == Quote && cur != nil && cur.kind == Quote:
			startNew = false
		case l.marked:
			startNew = true
		case cur != nil && (cur.kind == Heading):
			startNew = true
		case cur != nil && cur.kind == Quote:
			startNew = true
		case cur != nil && wrapped && endsParagraph(lines[i-1], width) && startsUpper(l):
			startNew = true
		}
		if startNew {
			flush()
			kind := l.kind
			if !l.marked {
				kind = Prose
				if len(lines) > i+1 && looksLikeHeading(l, lines[i+1]) && (i == 0 || endsSentence(lines[i-1])) {
					kind = Heading
				}
			}
			cur = &paragraphSpan{kind: kind}
		}
		cur.lines = append(cur.lines, l.content)
	}
	flush()
	return out
}

// looksLikeHeading: a short line with no end punctuation that begins with
// a capital or a digit, followed by a line that is clearly longer.
func looksLikeHeading(l, next line) bool {
	if next.marked && next.kind != ListItem {
		return false
	}
	return l.runeCount <= 80 && l.lastRune != 0 && !strings.ContainsRune(".,;:!?-\"'”’)", l.lastRune) &&
		l.firstUpper && (next.runeCount > l.runeCount+15 || next.marked || l.runeCount*2 < next.runeCount)
}

// endsParagraph: a line of wrapped text that stops well short of the
// width after a sentence's end, as the last line of a paragraph does.
func endsParagraph(l line, width int) bool {
	return endsSentence(l) && l.runeCount*10 < width*6
}

func endsSentence(l line) bool {
	return l.lastRune != 0 && strings.ContainsRune(".!?:\"”’)", l.lastRune)
}

func startsUpper(l line) bool { return l.firstUpper || l.marked }
