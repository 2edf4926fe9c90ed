package formats

import (
	"encoding/csv"
	"io"
	"regexp"
)

// CSVWriter writes CSV that is safe to open in a spreadsheet: every CSV the
// program writes (question sets and results) goes through it. A cell that
// a spreadsheet would run as a formula gets a leading apostrophe, which
// spreadsheets show as text; reading a question set back removes it.
type CSVWriter struct {
	w *csv.Writer
}

// NewCSVWriter returns a writer of safe CSV to w.
func NewCSVWriter(w io.Writer) *CSVWriter {
	return &CSVWriter{w: csv.NewWriter(w)}
}

// Write writes one row, each cell neutralised (the row is not changed).
func (cw *CSVWriter) Write(row []string) error {
	safe := make([]string, len(row))
	for i, cell := range row {
		safe[i] = NeutraliseCSVCell(cell)
	}
	return cw.w.Write(safe)
}

// Flush writes what is buffered and returns the first error met.
func (cw *CSVWriter) Flush() error {
	cw.w.Flush()
	return cw.w.Error()
}

// plainCSVNumber is a number as a spreadsheet reads it; a leading sign on
// it starts no formula, so "-5" is left alone.
var plainCSVNumber = regexp.MustCompile(`^[+-]?[0-9]+([.,][0-9]+)?$`)

// quotedFormula is a cell that starts with apostrophes before a formula
// character: such a cell gets one more, so that reading back is exact.
var quotedFormula = regexp.MustCompile(`^'+[=+\-@\t\r]`)

// NeutraliseCSVCell guards against formula injection: a spreadsheet runs a
// cell that starts with = + - @ (or a tab or carriage return) as a formula,
// so a student named "=HYPERLINK(...)" or an imported prompt could act on
// the teacher's machine. Such a cell gets a leading apostrophe. Plain
// numbers such as -5 are left alone.
func NeutraliseCSVCell(s string) string {
	if needsQuote(s) {
		return "'" + s
	}
	return s
}

func needsQuote(s string) bool {
	if s == "" || plainCSVNumber.MatchString(s) {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return quotedFormula.MatchString(s)
}

// restoreCSVCell undoes NeutraliseCSVCell when a question set is read.
func restoreCSVCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && needsQuote(s[1:]) {
		return s[1:]
	}
	return s
}
