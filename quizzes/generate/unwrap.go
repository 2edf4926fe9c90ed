package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unwrap undoes hard line breaks inside sentences (text copied from a PDF
// or an old web page): a line break between two lines of one paragraph
// becomes a space when the first line does not end a sentence or the next
// starts in lower case. Each replaced byte is replaced by one byte, so
// every offset into the result is an offset into text, and evidence still
// quotes the teacher's text exactly.
func unwrap(text string) string {
	if !strings.Contains(text, "\n") {
		return text
	}
	b := []byte(text)
	lines := strings.SplitAfter(text, "\n")
	off := 0
	for i := 0; i+1 < len(lines); i++ {
		line, next := lines[i], lines[i+1]
		off += len(line)
		cur := strings.TrimRight(line, "\r\n")
		nxt := strings.TrimSpace(next)
		if strings.TrimSpace(cur) == "" || nxt == "" || listMarker(nxt) {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(cur, " \t"))
		first, _ := utf8.DecodeRuneInString(nxt)
		ends := strings.ContainsRune(".!?:;\"”’)]", last)
		if ends && !unicode.IsLower(first) {
			continue
		}
		// a short line that does not end a sentence is a heading or a
		// line of verse, unless the next line goes on in lower case
		if len(cur) < 40 && !unicode.IsLower(first) {
			continue
		}
		for j := off - len(line) + len(cur); j < off; j++ {
			b[j] = ' '
		}
	}
	return string(b)
}

// listMarker reports a line that starts a list item.
func listMarker(line string) bool {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") || strings.HasPrefix(line, "• ") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')')
}
