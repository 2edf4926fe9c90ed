package formats

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// LineError is one thing wrong in an imported file. Line counts from 1; 0
// means the error belongs to the file as a whole.
type LineError struct {
	Line int
	Msg  string
}

func (e LineError) Error() string {
	if e.Line <= 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// ParseError refuses a whole file. It lists every error found, in line
// order, so that a teacher can fix them all in one go rather than one per
// upload.
type ParseError struct {
	Format Format
	Errors []LineError
}

func (e *ParseError) Error() string {
	var b strings.Builder
	for i, le := range e.Errors {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(le.Error())
	}
	return b.String()
}

// errorList gathers the errors of one parse.
type errorList []LineError

func (l *errorList) add(line int, format string, args ...any) {
	*l = append(*l, LineError{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// err returns nil when nothing went wrong, else a *ParseError with the
// errors sorted by line (stable, so errors on one line keep their order).
func (l errorList) err(f Format) error {
	if len(l) == 0 {
		return nil
	}
	sort.SliceStable(l, func(i, j int) bool { return l[i].Line < l[j].Line })
	return &ParseError{Format: f, Errors: l}
}

var bom = []byte("\xef\xbb\xbf")

// decodeText checks that data is UTF-8 and drops a leading byte-order mark,
// which Windows editors write and every format here tolerates.
func decodeText(f Format, data []byte) (string, error) {
	data = bytes.TrimPrefix(data, bom)
	if utf8.Valid(data) {
		return string(data), nil
	}
	bad := 0
	for bad < len(data) {
		r, size := utf8.DecodeRune(data[bad:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		bad += size
	}
	line := 1 + bytes.Count(data[:bad], []byte("\n"))
	col := bad - bytes.LastIndexByte(data[:bad], '\n')
	var l errorList
	l.add(line, "the file is not UTF-8 text (byte 0x%02X at column %d); save it as UTF-8 and upload it again", data[bad], col)
	return "", l.err(f)
}

// lines maps byte offsets of a text to 1-based line numbers. It is built
// once per text: counting newlines from the start for every error would
// make a file with many errors quadratic to report.
type lines struct {
	first int   // the line of offset 0
	nl    []int // offsets of the newlines
}

func newLines(s string, first int) lines {
	l := lines{first: first}
	for i := 0; i < len(s); i++ {
		if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
			i += j
			l.nl = append(l.nl, i)
		} else {
			break
		}
	}
	return l
}

// at is the line of byte offset off.
func (l lines) at(off int) int { return l.first + sort.SearchInts(l.nl, off) }
