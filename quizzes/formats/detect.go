package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"strings"

	"quiztrainer/quizzes"
)

// Format names a question-set file format. The values are those of the
// command line's --format flags.
type Format string

// The formats quiztrainer reads and writes. Unknown is what Detect says when
// it cannot tell.
const (
	Unknown   Format = ""
	GIFT      Format = "gift"
	Aiken     Format = "aiken"
	MoodleXML Format = "moodlexml"
	CSV       Format = "csv"
	JSON      Format = "json"
)

// Formats lists every format, in the order a menu shows them.
var Formats = []Format{GIFT, Aiken, MoodleXML, CSV, JSON}

// Label is the format as a person reads it.
func (f Format) Label() string {
	switch f {
	case GIFT:
		return "Moodle GIFT"
	case Aiken:
		return "Aiken"
	case MoodleXML:
		return "Moodle XML"
	case CSV:
		return "CSV"
	case JSON:
		return "JSON"
	}
	return "unknown format"
}

// FormatByName reads a --format value ("gift", "Moodle XML", "xml", ...).
func FormatByName(name string) (Format, error) {
	n := strings.ToLower(strings.NewReplacer(" ", "", "_", "", "-", "").Replace(name))
	switch n {
	case "gift":
		return GIFT, nil
	case "aiken":
		return Aiken, nil
	case "moodlexml", "xml", "moodle":
		return MoodleXML, nil
	case "csv":
		return CSV, nil
	case "json":
		return JSON, nil
	}
	return Unknown, fmt.Errorf("unknown format %q (want gift, aiken, moodlexml, csv or json)", name)
}

// Parse reads a question set. A file with any error is refused whole: the
// error is a *ParseError listing every error with its line, and no question
// is returned. Every question returned passes Validate.
func Parse(format Format, data []byte) ([]quizzes.Question, error) {
	qs, err := parse(format, data)
	if err != nil {
		return nil, err
	}
	switch {
	case len(qs) == 0:
		return nil, &ParseError{Format: format, Errors: []LineError{{Msg: "the file holds no questions"}}}
	case len(qs) > quizzes.MaxQuestions:
		return nil, &ParseError{Format: format, Errors: []LineError{{Msg: fmt.Sprintf(
			"the file holds %d questions, and a quiz holds at most %d questions: split it into several files", len(qs), quizzes.MaxQuestions)}}}
	}
	return qs, nil
}

func parse(format Format, data []byte) ([]quizzes.Question, error) {
	switch format {
	case GIFT:
		return ParseGIFT(data)
	case Aiken:
		return ParseAiken(data)
	case MoodleXML:
		return ParseMoodleXML(data)
	case CSV:
		return ParseCSV(data)
	case JSON:
		return ParseJSON(data)
	}
	return nil, fmt.Errorf("formats: cannot read format %q", format)
}

// Write writes questions in a format. Questions the format cannot hold are
// left out and listed in skipped, each as "question N (title): why". What a
// format drops without losing the question (points in GIFT, feedback in
// Aiken...) is listed in the package documentation.
func Write(format Format, w io.Writer, qs []quizzes.Question) (skipped []string, err error) {
	switch format {
	case GIFT:
		return writeChecked(format, w, qs, writeGIFT)
	case Aiken:
		return writeChecked(format, w, qs, writeAiken)
	case MoodleXML:
		return writeChecked(format, w, qs, writeMoodleXML)
	case CSV:
		return writeChecked(format, w, qs, writeCSV)
	case JSON:
		return writeChecked(format, w, qs, func(w io.Writer, qs []quizzes.Question) error { return WriteJSON(w, qs) })
	}
	return nil, fmt.Errorf("formats: cannot write format %q", format)
}

var (
	extFormats = map[string]Format{
		".gift": GIFT, ".aiken": Aiken, ".xml": MoodleXML, ".csv": CSV,
		".tsv": CSV, ".json": JSON,
	}
	aikenAnswerLine = regexp.MustCompile(`(?m)^[ \t]*ANSWER:[ \t]*[A-Z]`)
	aikenChoiceLine = regexp.MustCompile(`(?m)^[ \t]*[A-Z][).]`)
	giftMarks       = regexp.MustCompile(`(?m)(^[ \t]*::|^[ \t]*\$CATEGORY:|[^\\]\{|^\{)`)
)

// Detect guesses the format of a file from its name and its content. A
// telling extension wins; .txt, which both GIFT and Aiken files use, and
// names without extension are decided by content: XML by its '<', JSON by
// parsing, CSV by a header row with a prompt column, Aiken by its ANSWER and
// choice lines, GIFT by a title, category or answer block. It returns
// Unknown when nothing fits.
func Detect(name string, data []byte) Format {
	if f, ok := extFormats[strings.ToLower(filepath.Ext(name))]; ok {
		return f
	}
	data = bytes.TrimPrefix(data, bom)
	head := bytes.TrimSpace(data)
	first, _, _ := bytes.Cut(head, []byte("\n"))
	cols, _, csvErr := csvHeader(string(first))
	switch {
	case len(head) == 0:
		return Unknown
	case head[0] == '<':
		return MoodleXML
	case (head[0] == '[' || head[0] == '{') && json.Valid(head):
		return JSON
	case csvErr == nil && cols.width > 1:
		return CSV
	case aikenAnswerLine.Match(data) && aikenChoiceLine.Match(data):
		return Aiken
	case giftMarks.Match(data):
		return GIFT
	}
	return Unknown
}
