package formats

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// csvColumns maps each known column to its index in a row.
type csvColumns struct {
	index   map[string]int // kind, title, prompt, format, answer, points, explanation, category
	choices []int          // choice1, choice2, ... in order
	width   int
}

var csvNamed = map[string]bool{
	"kind": true, "title": true, "prompt": true, "format": true, "answer": true,
	"points": true, "explanation": true, "category": true,
}

// csvDelimiter guesses the separator from the header row: spreadsheets set
// to a decimal-comma locale save with ';', and some tools export tabs.
func csvDelimiter(header string) rune {
	best, n := ',', strings.Count(header, ",")
	for _, d := range []rune{';', '\t'} {
		if c := strings.Count(header, string(d)); c > n {
			best, n = d, c
		}
	}
	return best
}

// csvHeader reads the header row (see doc.go for the columns).
func csvHeader(line string) (csvColumns, rune, error) {
	delim := csvDelimiter(line)
	r := csv.NewReader(strings.NewReader(line))
	r.Comma = delim
	names, err := r.Read()
	if err != nil {
		return csvColumns{}, delim, errors.New("the first row must name the columns (kind, prompt, choice1, ..., answer, ...)")
	}
	return csvColumnsOf(names, delim)
}

func csvColumnsOf(names []string, delim rune) (csvColumns, rune, error) {
	cols := csvColumns{index: map[string]int{}, width: len(names)}
	var choiceNums []int
	byNum := map[int]int{}
	for i, raw := range names {
		name := strings.ToLower(strings.Join(strings.Fields(raw), ""))
		switch {
		case csvNamed[name]:
			if _, dup := cols.index[name]; dup {
				return cols, delim, fmt.Errorf("the column %q appears twice", name)
			}
			cols.index[name] = i
		case strings.HasPrefix(name, "choice"):
			n, err := strconv.Atoi(name[len("choice"):])
			if _, dup := byNum[n]; err != nil || n < 1 || dup {
				return cols, delim, fmt.Errorf("the column %q is not choice1, choice2, ... (each once)", raw)
			}
			byNum[n] = i
			choiceNums = append(choiceNums, n)
		case name == "":
			return cols, delim, fmt.Errorf("column %d has no name", i+1)
		default:
			return cols, delim, fmt.Errorf("unknown column %q (known: kind, title, prompt, format, choice1..., answer, points, explanation, category)", raw)
		}
	}
	if _, ok := cols.index["prompt"]; !ok {
		return cols, delim, errors.New(`the header row has no "prompt" column`)
	}
	sort.Ints(choiceNums)
	for _, n := range choiceNums {
		cols.choices = append(cols.choices, byNum[n])
	}
	return cols, delim, nil
}

func (c csvColumns) get(row []string, name string) string {
	if i, ok := c.index[name]; ok && i < len(row) {
		return phpTrim(row[i])
	}
	return ""
}

// ParseCSV reads a question set from CSV with a header row (see doc.go).
func ParseCSV(data []byte) ([]quizzes.Question, error) {
	text, err := decodeText(CSV, data)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, nil
	}
	var errs errorList
	first, _, _ := strings.Cut(text, "\n")
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = csvDelimiter(first)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		errs.add(1, "%s", csvErrMsg(err))
		return nil, errs.err(CSV)
	}
	cols, _, err := csvColumnsOf(header, r.Comma)
	if err != nil {
		errs.add(1, "%v", err)
		return nil, errs.err(CSV)
	}
	var qs []quizzes.Question
	for {
		row, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			errs.add(perr.Line, "%s", csvErrMsg(err))
			break
		}
		line, _ := r.FieldPos(0)
		if strings.TrimSpace(strings.Join(row, "")) == "" {
			continue // spreadsheets leave empty rows at the end
		}
		if len(row) > cols.width && strings.TrimSpace(strings.Join(row[cols.width:], "")) != "" {
			errs.add(line, "the row has %d cells but the header names %d columns", len(row), cols.width)
			continue
		}
		for i := range row {
			row[i] = restoreCSVCell(row[i])
		}
		q, msg := cols.question(row)
		if msg == "" {
			if err := checkQuestion(q); err != nil {
				msg = err.Error()
			}
		}
		if msg != "" {
			errs.add(line, "%s", msg)
			continue
		}
		qs = append(qs, q)
	}
	if err := errs.err(CSV); err != nil {
		return nil, err
	}
	return qs, nil
}

func csvErrMsg(err error) string {
	var perr *csv.ParseError
	if errors.As(err, &perr) {
		return "the CSV is malformed: " + perr.Err.Error()
	}
	return err.Error()
}
