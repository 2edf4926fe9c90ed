package formats

import (
	"io"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// csvKind reads the kind column: the JSON contract's names, also written
// with spaces or hyphens ("Multiple choice", "true-false"), or the labels
// the program shows.
func csvKind(s string, hasChoices bool) (quizzes.Kind, bool) {
	if s == "" {
		if hasChoices {
			return quizzes.MultipleChoice, true
		}
		return quizzes.ShortAnswer, true
	}
	name := strings.ToLower(strings.NewReplacer(" ", "_", "-", "_", "/", "_").Replace(s))
	for _, k := range quizzes.Kinds {
		if name == string(k) || strings.EqualFold(s, k.Label()) {
			return k, true
		}
	}
	return "", false
}

// csvLetters reads the right choices of "B", "A,C", "A; C", "AC" or "1 3".
func csvLetters(s string, n int) ([]int, bool) {
	var out []int
	for _, tok := range strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
		if i, err := strconv.Atoi(tok); err == nil {
			out = append(out, i-1)
			continue
		}
		for _, r := range tok {
			if r < 'A' || r > 'Z' {
				return nil, false
			}
			out = append(out, int(r-'A'))
		}
	}
	for _, i := range out {
		if i < 0 || i >= n {
			return nil, false
		}
	}
	return out, len(out) > 0
}

// question converts a row; msg says what is wrong, if anything.
func (c csvColumns) question(row []string) (q quizzes.Question, msg string) {
	var cells []string
	for _, i := range c.choices {
		if i < len(row) && phpTrim(row[i]) != "" {
			cells = append(cells, phpTrim(row[i]))
		}
	}
	answer := c.get(row, "answer")
	kind, ok := csvKind(c.get(row, "kind"), len(cells) > 0)
	if !ok {
		return q, "unknown kind " + strconv.Quote(c.get(row, "kind"))
	}
	q = quizzes.Question{
		Kind: kind, Title: c.get(row, "title"), Prompt: c.get(row, "prompt"),
		Format:      quizzes.TextFormat(strings.ToLower(c.get(row, "format"))),
		Explanation: c.get(row, "explanation"), Category: c.get(row, "category"),
	}
	if q.Format == "plain" {
		q.Format = quizzes.Plain
	}
	if p := c.get(row, "points"); p != "" {
		v, ok := quizzes.ParseNumber(p)
		if !ok {
			return q, "points " + strconv.Quote(p) + " is not a number"
		}
		q.Points = v
	}
	switch kind {
	case quizzes.MultipleChoice, quizzes.MultipleResponse:
		for _, t := range cells {
			q.Choices = append(q.Choices, quizzes.Choice{Text: t})
		}
		right, ok := csvLetters(answer, len(cells))
		if !ok {
			return q, "the answer " + strconv.Quote(answer) + " must name the right choice(s) by letter (A is choice1) or number"
		}
		for _, i := range right {
			q.Choices[i].Correct = true
		}
		// Explicit weights, as the other importers give: full for the key of
		// multiple choice, an equal share for multiple response.
		for i := range q.Choices {
			if q.Choices[i].Correct {
				q.Choices[i].Weight = 1 / float64(len(q.Keys()))
			}
		}
	case quizzes.TrueFalse:
		switch strings.ToLower(answer) {
		case "true", "t":
			q.Choices = trueFalseChoices(true, "", "")
		case "false", "f":
			q.Choices = trueFalseChoices(false, "", "")
		default:
			return q, "the answer of a true/false question is true or false, not " + strconv.Quote(answer)
		}
	case quizzes.ShortAnswer, quizzes.Cloze, quizzes.Numerical:
		for _, t := range append([]string{answer}, cells...) {
			if t == "" {
				continue
			}
			ch := quizzes.Choice{Text: t, Correct: true, Weight: 1}
			if kind == quizzes.Numerical {
				// A spreadsheet in a decimal-comma locale writes 3,5 for 3.5.
				text, tol, err := giftNumericAnswer(strings.ReplaceAll(t, ",", "."))
				if err != "" {
					return q, err
				}
				ch.Text, ch.Tolerance = text, tol
			}
			q.Choices = append(q.Choices, ch)
		}
	case quizzes.Matching:
		for i, t := range cells {
			left, right, ok := strings.Cut(t, "->")
			if !ok {
				return q, "matching pair " + strconv.Itoa(i+1) + " must be written left -> right"
			}
			q.Choices = append(q.Choices, quizzes.Choice{Text: phpTrim(left), Match: phpTrim(right)})
		}
	}
	if (kind == quizzes.Matching || !kind.Graded()) && answer != "" {
		return q, kind.Label() + " questions take no answer column"
	}
	if !kind.Graded() && len(cells) > 0 {
		return q, kind.Label() + " questions take no choices"
	}
	return q, ""
}

// csvCannotHold says why a question cannot be written as CSV.
func csvCannotHold(q quizzes.Question) string {
	switch q.Kind {
	case quizzes.ShortAnswer, quizzes.Cloze, quizzes.Numerical:
		if len(csvHeld(q).Choices) == 0 {
			return "CSV holds only answers that earn full marks, and this question has none"
		}
	}
	return ""
}

// csvHeld keeps what CSV holds: no feedback and no weights; of accepted
// answers, those that earn full marks; multiple response shares equally.
func csvHeld(q quizzes.Question) quizzes.Question {
	var keep []quizzes.Choice
	for _, c := range q.Choices {
		c.Feedback = ""
		switch q.Kind {
		case quizzes.ShortAnswer, quizzes.Cloze, quizzes.Numerical:
			if c.Weight != 1 {
				continue
			}
		case quizzes.MultipleResponse:
			c.Weight = 0
		case quizzes.MultipleChoice:
			if !c.Correct {
				c.Weight = 0
			}
		}
		keep = append(keep, c)
	}
	q.Choices = keep
	return q.Normalize()
}

func writeCSV(w io.Writer, qs []quizzes.Question) error {
	n := 0
	for _, q := range qs {
		n = max(n, len(q.Choices))
	}
	header := []string{"kind", "title", "prompt", "format"}
	for i := 1; i <= n; i++ {
		header = append(header, "choice"+strconv.Itoa(i))
	}
	header = append(header, "answer", "points", "explanation", "category")
	cw := NewCSVWriter(w)
	cw.Write(header)
	for _, q := range qs {
		q = csvHeld(q)
		row := []string{string(q.Kind), q.Title, q.Prompt, string(q.Format)}
		cells, answer := make([]string, n), ""
		switch q.Kind {
		case quizzes.MultipleChoice, quizzes.MultipleResponse:
			var right []string
			for i, c := range q.Choices {
				cells[i] = c.Text
				if c.Correct {
					right = append(right, csvLetter(i, len(q.Choices)))
				}
			}
			answer = strings.Join(right, ",")
		case quizzes.TrueFalse:
			truth, _, _ := trueFalseKey(q.Choices)
			answer = strconv.FormatBool(truth)
		case quizzes.ShortAnswer, quizzes.Cloze, quizzes.Numerical:
			for i, c := range q.Choices {
				text := c.Text
				if q.Kind == quizzes.Numerical {
					text = giftNumberAnswer(c)
				}
				if i == 0 {
					answer = text
				} else {
					cells[i-1] = text
				}
			}
		case quizzes.Matching:
			for i, c := range q.Choices {
				cells[i] = c.Text + " -> " + c.Match
			}
		}
		row = append(append(row, cells...), answer, strconv.FormatFloat(q.Points, 'f', -1, 64), q.Explanation, q.Category)
		cw.Write(row)
	}
	return cw.Flush()
}

func csvLetter(i, n int) string {
	if n > 26 {
		return strconv.Itoa(i + 1)
	}
	return string(rune('A' + i))
}
