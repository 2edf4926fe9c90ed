package formats

import (
	"encoding/xml"
	"errors"
	"io"
	"sort"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// Moodle XML as Moodle's exporter writes it (question/format/xml). Only the
// elements that quiztrainer's questions hold are read; the others
// (penalty, hidden, shuffleanswers, answernumbering, units, tags...) are
// skipped. Moodle's own defaults apply to what is missing: a question is
// single-answer unless <single> says false, text is Moodle auto-format
// unless format="..." says otherwise.

type xmlText struct {
	Format string    `xml:"format,attr"`
	Text   string    `xml:"text"`
	Files  []xmlFile `xml:"file"`
}

func (t xmlText) read() string { return phpTrim(inlineFiles(t.Text, t.Files)) }

type xmlAnswer struct {
	Fraction  string    `xml:"fraction,attr"`
	Text      string    `xml:"text"`
	Files     []xmlFile `xml:"file"`
	Feedback  xmlText   `xml:"feedback"`
	Tolerance string    `xml:"tolerance"`
}

type xmlSubquestion struct {
	Text   string    `xml:"text"`
	Files  []xmlFile `xml:"file"`
	Answer struct {
		Text string `xml:"text"`
	} `xml:"answer"`
}

type xmlQuestion struct {
	Type     string `xml:"type,attr"`
	Category struct {
		Text  string `xml:"text"`
		Inner string `xml:",chardata"` // Moodle 1.x wrote the path bare
	} `xml:"category"`
	Name struct {
		Text string `xml:"text"`
	} `xml:"name"`
	QuestionText    xmlText          `xml:"questiontext"`
	GeneralFeedback xmlText          `xml:"generalfeedback"`
	DefaultGrade    string           `xml:"defaultgrade"`
	Single          *string          `xml:"single"`
	Answers         []xmlAnswer      `xml:"answer"`
	Subquestions    []xmlSubquestion `xml:"subquestion"`
}

var xmlFormats = map[string]quizzes.TextFormat{
	"html": quizzes.HTML, "plain_text": quizzes.Plain, "markdown": quizzes.Markdown,
	"moodle_auto_format": quizzes.Moodle, "wiki_like": quizzes.Moodle, "": quizzes.Moodle,
}

// xmlTypes are the question types read, in the words of the error message.
var xmlTypes = map[string]bool{
	"multichoice": true, "truefalse": true, "shortanswer": true, "numerical": true,
	"matching": true, "essay": true, "description": true,
}

// ParseMoodleXML reads a Moodle XML question file. A question type other
// than those of xmlTypes is an error (the file is refused whole, like any
// file with an error) rather than silently left out.
func ParseMoodleXML(data []byte) ([]quizzes.Question, error) {
	text, err := decodeText(MoodleXML, data)
	if err != nil {
		return nil, err
	}
	var errs errorList
	var qs []quizzes.Question
	d := xml.NewDecoder(strings.NewReader(text))
	depth, category, seenQuiz := 0, "", false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			errs.add(xmlErrLine(err, d), "the XML is malformed: %s", xmlErrMsg(err))
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := d.InputPos()
			switch {
			case depth == 0 && t.Name.Local != "quiz":
				errs.add(line, "a Moodle XML file has <quiz> at its root, not <%s>", t.Name.Local)
				return nil, errs.err(MoodleXML)
			case depth == 0:
				seenQuiz = true
				depth++
			case depth == 1 && t.Name.Local == "question":
				var xq xmlQuestion
				if err := d.DecodeElement(&xq, &t); err != nil {
					errs.add(xmlErrLine(err, d), "the XML is malformed: %s", xmlErrMsg(err))
					return nil, errs.err(MoodleXML)
				}
				if xq.Type == "category" {
					category = phpTrim(xq.Category.Text)
					if category == "" {
						category = phpTrim(xq.Category.Inner)
					}
					continue
				}
				q, msg := xq.question(category)
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
			default:
				// Anything else inside <quiz> (comments aside) is not Moodle's.
				if err := d.Skip(); err != nil {
					errs.add(xmlErrLine(err, d), "the XML is malformed: %s", xmlErrMsg(err))
					return nil, errs.err(MoodleXML)
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	if !seenQuiz && len(errs) == 0 && strings.TrimSpace(text) != "" {
		errs.add(1, "a Moodle XML file has <quiz> at its root")
	}
	if err := errs.err(MoodleXML); err != nil {
		return nil, err
	}
	return qs, nil
}

func xmlErrLine(err error, d *xml.Decoder) int {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return syn.Line
	}
	line, _ := d.InputPos()
	return line
}

func xmlErrMsg(err error) string {
	var syn *xml.SyntaxError
	if errors.As(err, &syn) {
		return syn.Msg
	}
	return strings.TrimPrefix(err.Error(), "xml: ")
}

func xmlFraction(s string) (float64, bool) {
	s = phpTrim(s)
	if s == "" {
		return 0, true
	}
	v, ok := giftNumber(s)
	return v / 100, ok && v >= -100 && v <= 100
}

// question converts one <question>; msg says what is wrong, if anything.
func (x xmlQuestion) question(category string) (q quizzes.Question, msg string) {
	if !xmlTypes[x.Type] {
		kinds := make([]string, 0, len(xmlTypes))
		for k := range xmlTypes {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		return q, "question type " + strconv.Quote(x.Type) + " is not supported (supported: " + strings.Join(kinds, ", ") + ")"
	}
	q = quizzes.Question{
		Title: phpTrim(x.Name.Text), Prompt: x.QuestionText.read(),
		Format: xmlFormats[x.QuestionText.Format], Explanation: x.GeneralFeedback.read(),
		Category: category,
	}
	if _, ok := xmlFormats[x.QuestionText.Format]; !ok {
		return q, "unknown text format " + strconv.Quote(x.QuestionText.Format)
	}
	if g := phpTrim(x.DefaultGrade); g != "" {
		v, ok := giftNumber(g)
		if !ok || v < 0 {
			return q, "<defaultgrade> " + strconv.Quote(g) + " is not a number of zero or more"
		}
		q.Points = v
	}
	answers := x.Answers
	if x.Type == "matching" || x.Type == "essay" || x.Type == "description" {
		answers = nil // these have no <answer> of their own; Moodle ignores any
	}
	for i, a := range answers {
		w, ok := xmlFraction(a.Fraction)
		if !ok {
			return q, "answer " + strconv.Itoa(i+1) + ": fraction " + strconv.Quote(a.Fraction) + " is not a number between -100 and 100"
		}
		c := quizzes.Choice{Text: phpTrim(inlineFiles(a.Text, a.Files)), Weight: w, Feedback: a.Feedback.read()}
		if x.Type == "numerical" {
			if c.Text = numberText(c.Text); c.Text != "*" {
				if _, ok := giftNumber(c.Text); !ok {
					return q, "answer " + strconv.Itoa(i+1) + ": " + strconv.Quote(c.Text) + " is not a number"
				}
			}
			if t := phpTrim(a.Tolerance); t != "" {
				v, ok := giftNumber(t)
				if !ok || v < 0 {
					return q, "answer " + strconv.Itoa(i+1) + ": tolerance " + strconv.Quote(t) + " is not a number of zero or more"
				}
				c.Tolerance = v
			}
		}
		if c.Text == "" && x.Type != "truefalse" {
			return q, "answer " + strconv.Itoa(i+1) + " is empty"
		}
		q.Choices = append(q.Choices, c)
	}
	return x.kind(q)
}
