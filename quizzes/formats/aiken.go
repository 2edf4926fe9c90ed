package formats

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"regexp"
	"strings"

	"quiztrainer/quizzes"
)

// aikenChoice is Moodle's pattern for a choice line: a capital letter, ')'
// or '.', then at most one space or tab before the text.
var aikenChoice = regexp.MustCompile(`^[A-Z][).][ \t]?`)

// ParseAiken reads an Aiken file by the rules of Moodle's importer (see
// AIKEN.md). Moodle stops at the first error and drops a question left
// without its ANSWER line at the end of the file; we report every error,
// that one included. Aiken text is plain: markup is shown as typed.
func ParseAiken(data []byte) ([]quizzes.Question, error) {
	text, err := decodeText(Aiken, data)
	if err != nil {
		return nil, err
	}
	var (
		errs  errorList
		qs    []quizzes.Question
		q     *quizzes.Question
		qline int
	)
	// Moodle splits on CR as well as LF, so that old Mac files read; a CRLF
	// pair then yields an empty line, which is skipped like any short one.
	lineNo := 0
	for _, fileLine := range strings.Split(text, "\n") {
		lineNo++
		for _, raw := range strings.Split(fileLine, "\r") {
			line := phpTrim(raw)
			if len(line) < 2 {
				continue
			}
			if m := aikenChoice.FindString(line); m != "" {
				if q == nil {
					errs.add(lineNo, "a choice line comes before any question")
					continue
				}
				choice := phpTrim(line[len(m):])
				if choice == "" {
					errs.add(lineNo, "choice %c has no text", line[0])
				}
				q.Choices = append(q.Choices, quizzes.Choice{Text: choice})
				continue
			}
			if rest, ok := strings.CutPrefix(line, "ANSWER:"); ok {
				if q == nil {
					errs.add(lineNo, "an ANSWER line comes before any question")
					continue
				}
				if aikenAnswer(q, phpTrim(rest), lineNo, &errs) {
					if err := checkQuestion(*q); err != nil {
						errs.add(qline, "%v", err)
					} else {
						qs = append(qs, *q)
					}
				}
				q = nil
				continue
			}
			if q != nil {
				errs.add(qline, "the question has no ANSWER line before the next question starts at line %d", lineNo)
			}
			q = &quizzes.Question{Kind: quizzes.MultipleChoice, Prompt: line}
			qline = lineNo
		}
	}
	if q != nil {
		errs.add(qline, "the question has no ANSWER line")
	}
	if err := errs.err(Aiken); err != nil {
		return nil, err
	}
	return qs, nil
}

// aikenAnswer marks the choice that "ANSWER: X" names. Moodle reads only
// the first character; we also let "B)" or "B." through, and refuse more.
func aikenAnswer(q *quizzes.Question, ans string, line int, errs *errorList) bool {
	if len(q.Choices) < 2 {
		errs.add(line, "the question has %d choice(s) before its ANSWER line; it needs at least two", len(q.Choices))
		return false
	}
	letter := strings.TrimRight(ans, ").")
	if len(letter) != 1 || letter[0] < 'A' || letter[0] > 'Z' {
		errs.add(line, "ANSWER: must be followed by the capital letter of one choice, not %q", ans)
		return false
	}
	i := int(letter[0] - 'A')
	if i >= len(q.Choices) {
		errs.add(line, "ANSWER: %s names no choice: the question has choices A to %c", letter, 'A'+rune(len(q.Choices)-1))
		return false
	}
	q.Choices[i].Correct, q.Choices[i].Weight = true, 1
	return true
}

var (
	htmlBreak = regexp.MustCompile(`(?i)<(br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?td|/?th|/?blockquote)\b[^>]*>`)
	htmlTag   = regexp.MustCompile(`<[^>]*>`)
)

// aikenText is a text as Aiken holds it, plain and trimmed. An HTML text is
// turned into the text a reader sees, on one line, rather than written with
// its markup, which Aiken would show as typed.
func aikenText(s string, f quizzes.TextFormat) string {
	if f == quizzes.HTML {
		s = htmlTag.ReplaceAllString(htmlBreak.ReplaceAllString(s, " "), "")
		s = strings.Join(strings.Fields(html.UnescapeString(s)), " ")
	}
	return phpTrim(s)
}

// aikenCannotHold says why a question cannot be written as Aiken.
func aikenCannotHold(q quizzes.Question) string {
	switch {
	case q.Kind != quizzes.MultipleChoice:
		return fmt.Sprintf("Aiken holds only single-answer multiple choice, and this question is of kind %q", q.Kind.Label())
	case len(q.Choices) > 26:
		return "Aiken holds at most 26 choices (A to Z)"
	case strings.ContainsAny(aikenText(q.Prompt, q.Format), "\r\n"):
		return "Aiken holds a question text of one line only"
	case len(aikenText(q.Prompt, q.Format)) < 2:
		return "Aiken needs a question text of two characters or more"
	}
	for i, c := range q.Choices {
		switch text := aikenText(c.Text, q.Format); {
		case strings.ContainsAny(text, "\r\n"):
			return "Aiken holds choices of one line only"
		case text == "":
			return fmt.Sprintf("choice %d would have no text in Aiken", i+1)
		}
	}
	return ""
}

// aikenHeld keeps what Aiken holds: the text, the choices and the key.
func aikenHeld(q quizzes.Question) quizzes.Question {
	q.Prompt = aikenText(q.Prompt, q.Format)
	for i := range q.Choices {
		q.Choices[i].Text = aikenText(q.Choices[i].Text, q.Format)
	}
	q.Title, q.Category, q.Explanation, q.Format = "", "", "", quizzes.Plain
	q.Points = 1
	for i := range q.Choices {
		c := &q.Choices[i]
		c.Feedback = ""
		if !c.Correct {
			c.Weight = 0
		} else {
			c.Weight = 1
		}
	}
	return q
}

func writeAiken(w io.Writer, qs []quizzes.Question) error {
	bw := bufio.NewWriter(w)
	for i, q := range qs {
		if i > 0 {
			bw.WriteString("\n")
		}
		bw.WriteString(aikenText(q.Prompt, q.Format) + "\n")
		answer := byte('A')
		for j, c := range q.Choices {
			fmt.Fprintf(bw, "%c) %s\n", 'A'+j, aikenText(c.Text, q.Format))
			if c.Correct {
				answer = byte('A' + j)
			}
		}
		fmt.Fprintf(bw, "ANSWER: %c\n", answer)
	}
	return bw.Flush()
}
