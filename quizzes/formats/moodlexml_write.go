package formats

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"quiztrainer/quizzes"
)

var xmlFormatNames = map[quizzes.TextFormat]string{
	quizzes.Plain: "plain_text", quizzes.HTML: "html", quizzes.Markdown: "markdown", quizzes.Moodle: "moodle_auto_format",
}

// xmlNeedsName is the name Moodle's importer insists on, made from the
// text when the question has no title (Moodle does the same on import).
func xmlNeedsName(q quizzes.Question) string {
	if t := phpTrim(q.Title); t != "" {
		return t
	}
	name := strings.Join(strings.Fields(q.Prompt), " ")
	if utf8.RuneCountInString(name) > 60 {
		name = strings.TrimRight(string([]rune(name)[:60]), " ")
	}
	return name
}

// xmlCannotHold says why a question cannot be written as Moodle XML.
func xmlCannotHold(q quizzes.Question) string {
	texts := []string{q.Title, q.Prompt, q.Explanation, q.Category}
	for _, c := range q.Choices {
		texts = append(texts, c.Text, c.Feedback, c.Match)
	}
	for _, t := range texts {
		for _, r := range t {
			if !xmlChar(r) {
				return fmt.Sprintf("XML cannot hold the control character %U in its text", r)
			}
		}
	}
	return ""
}

// xmlChar reports whether XML 1.0 allows r in a document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// xmlChars writes s as element content: in a CDATA section when it holds
// markup, as Moodle's exporter does, so that HTML stays readable; escaped
// otherwise, and always when it holds a CR, which a parser would turn into
// a newline inside CDATA.
func xmlChars(s string) string {
	if strings.ContainsAny(s, "<>&") && !strings.ContainsRune(s, '\r') {
		return "<![CDATA[" + strings.ReplaceAll(s, "]]>", "]]]]><![CDATA[>") + "]]>"
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\r':
			b.WriteString("&#xD;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type xmlWriter struct {
	*bufio.Writer
}

func (w xmlWriter) text(indent, elem string, format quizzes.TextFormat, s string) {
	attr := ""
	if format != "-" {
		attr = ` format="` + xmlFormatNames[format] + `"`
	}
	fmt.Fprintf(w, "%s<%s%s>\n%s  <text>%s</text>\n%s</%s>\n", indent, elem, attr, indent, xmlChars(phpTrim(s)), indent, elem)
}

func fraction(w float64) string { return strconv.FormatFloat(w*100, 'f', -1, 64) }

func writeMoodleXML(out io.Writer, qs []quizzes.Question) error {
	w := xmlWriter{bufio.NewWriter(out)}
	w.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n")
	category := ""
	for _, q := range qs {
		if q.Category != category {
			w.WriteString("  <question type=\"category\">\n")
			w.text("    ", "category", "-", q.Category)
			w.WriteString("  </question>\n")
			category = q.Category
		}
		writeXMLQuestion(w, q)
	}
	w.WriteString("</quiz>\n")
	return w.Flush()
}

func writeXMLQuestion(w xmlWriter, q quizzes.Question) {
	types := map[quizzes.Kind]string{
		quizzes.MultipleChoice: "multichoice", quizzes.MultipleResponse: "multichoice",
		quizzes.TrueFalse: "truefalse", quizzes.ShortAnswer: "shortanswer", quizzes.Cloze: "shortanswer",
		quizzes.Numerical: "numerical", quizzes.Matching: "matching", quizzes.Essay: "essay",
		quizzes.Description: "description",
	}
	fmt.Fprintf(w, "  <question type=%q>\n", types[q.Kind])
	w.text("    ", "name", "-", xmlNeedsName(q))
	w.text("    ", "questiontext", q.Format, q.Prompt)
	w.text("    ", "generalfeedback", q.Format, q.Explanation)
	fmt.Fprintf(w, "    <defaultgrade>%s</defaultgrade>\n", strconv.FormatFloat(q.Points, 'f', -1, 64))
	answer := func(weight float64, text, feedback string, tolerance *float64) {
		fmt.Fprintf(w, "    <answer fraction=\"%s\" format=\"%s\">\n", fraction(weight), xmlFormatNames[q.Format])
		fmt.Fprintf(w, "      <text>%s</text>\n", xmlChars(phpTrim(text)))
		if tolerance != nil {
			fmt.Fprintf(w, "      <tolerance>%s</tolerance>\n", strconv.FormatFloat(abs(*tolerance), 'f', -1, 64))
		}
		w.text("      ", "feedback", q.Format, feedback)
		w.WriteString("    </answer>\n")
	}
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.MultipleResponse:
		fmt.Fprintf(w, "    <single>%t</single>\n    <shuffleanswers>true</shuffleanswers>\n    <answernumbering>abc</answernumbering>\n",
			q.Kind == quizzes.MultipleChoice)
		for _, c := range q.Choices {
			answer(answerWeight(c), c.Text, c.Feedback, nil)
		}
	case quizzes.TrueFalse:
		truth, right, wrong := trueFalseKey(q.Choices)
		for _, c := range trueFalseChoices(truth, right, wrong) {
			answer(c.Weight, strings.ToLower(c.Text), c.Feedback, nil)
		}
	case quizzes.ShortAnswer, quizzes.Cloze:
		w.WriteString("    <usecase>0</usecase>\n")
		for _, c := range q.Choices {
			answer(answerWeight(c), c.Text, c.Feedback, nil)
		}
	case quizzes.Numerical:
		for _, c := range q.Choices {
			tol := c.Tolerance
			answer(answerWeight(c), numberText(c.Text), c.Feedback, &tol)
		}
	case quizzes.Matching:
		w.WriteString("    <shuffleanswers>true</shuffleanswers>\n")
		for _, c := range q.Choices {
			fmt.Fprintf(w, "    <subquestion format=\"%s\">\n      <text>%s</text>\n      <answer>\n        <text>%s</text>\n      </answer>\n    </subquestion>\n",
				xmlFormatNames[q.Format], xmlChars(phpTrim(c.Text)), xmlChars(phpTrim(c.Match)))
		}
	case quizzes.Essay:
		w.WriteString("    <responseformat>editor</responseformat>\n    <responserequired>1</responserequired>\n    <responsefieldlines>15</responsefieldlines>\n")
	}
	w.WriteString("  </question>\n")
}
