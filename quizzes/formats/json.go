package formats

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"quiztrainer/quizzes"
)

// JSONQuestion is one question in quiztrainer's JSON contract, the form that
// `quiztrainer generate --format json` prints and the JSON importer reads.
type JSONQuestion struct {
	Kind        quizzes.Kind `json:"kind"`
	Title       string       `json:"title,omitempty"`
	Prompt      string       `json:"prompt"`
	Format      string       `json:"format,omitempty"`
	Choices     []JSONChoice `json:"choices"`
	Answers     []string     `json:"answers"`
	Evidence    JSONEvidence `json:"evidence"`
	Template    string       `json:"template"`
	Score       float64      `json:"score"`
	Points      float64      `json:"points,omitempty"`
	Explanation string       `json:"explanation,omitempty"`
	Category    string       `json:"category,omitempty"`
}

// JSONChoice is a choice of the JSON contract.
type JSONChoice struct {
	Text      string  `json:"text"`
	Correct   bool    `json:"correct"`
	Weight    float64 `json:"weight,omitempty"`
	Feedback  string  `json:"feedback,omitempty"`
	Match     string  `json:"match,omitempty"`
	Tolerance float64 `json:"tolerance,omitempty"`
}

// JSONEvidence is the evidence span of the JSON contract.
type JSONEvidence = quizzes.Evidence

// textAnswerKind reports whether the kind's choices are accepted answers
// rather than options shown to the student.
func textAnswerKind(k quizzes.Kind) bool {
	return k == quizzes.ShortAnswer || k == quizzes.Cloze
}

// ToJSON converts questions to the JSON contract. Short-answer and cloze
// questions list their accepted answers in "answers"; their choices are kept
// only when an answer carries a partial weight or feedback.
func ToJSON(qs []quizzes.Question) []JSONQuestion {
	out := make([]JSONQuestion, 0, len(qs))
	for _, q := range qs {
		j := JSONQuestion{
			Kind: q.Kind, Title: q.Title, Prompt: q.Prompt, Format: string(q.Format),
			Choices: []JSONChoice{}, Answers: []string{},
			Evidence: q.Evidence, Template: q.Template, Score: q.Score,
			Points: q.Points, Explanation: q.Explanation, Category: q.Category,
		}
		keepChoices := !textAnswerKind(q.Kind)
		for _, c := range q.Choices {
			if textAnswerKind(q.Kind) {
				if c.Correct && (c.Weight == 0 || c.Weight == 1) {
					j.Answers = append(j.Answers, c.Text)
				}
				if (c.Weight != 0 && c.Weight != 1) || c.Feedback != "" || !c.Correct {
					keepChoices = true
				}
			}
		}
		if keepChoices {
			for _, c := range q.Choices {
				j.Choices = append(j.Choices, JSONChoice{
					Text: c.Text, Correct: c.Correct, Weight: c.Weight,
					Feedback: c.Feedback, Match: c.Match, Tolerance: c.Tolerance,
				})
			}
		}
		out = append(out, j)
	}
	return out
}

// FromJSON converts questions of the JSON contract to the domain.
func FromJSON(js []JSONQuestion) []quizzes.Question {
	out := make([]quizzes.Question, 0, len(js))
	for _, j := range js {
		q := quizzes.Question{
			Kind: j.Kind, Title: j.Title, Prompt: j.Prompt, Format: quizzes.TextFormat(j.Format),
			Evidence: j.Evidence, Template: j.Template, Score: j.Score,
			Points: j.Points, Explanation: j.Explanation, Category: j.Category,
		}
		for _, c := range j.Choices {
			q.Choices = append(q.Choices, quizzes.Choice{
				Text: c.Text, Correct: c.Correct, Weight: c.Weight,
				Feedback: c.Feedback, Match: c.Match, Tolerance: c.Tolerance,
			})
		}
		if len(j.Choices) == 0 {
			for _, a := range j.Answers {
				q.Choices = append(q.Choices, quizzes.Choice{Text: a, Correct: true})
			}
		}
		out = append(out, q)
	}
	return out
}

// WriteJSON writes questions as an indented JSON array of the contract.
func WriteJSON(w io.Writer, qs []quizzes.Question) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(ToJSON(qs)); err != nil {
		return fmt.Errorf("formats: write json: %w", err)
	}
	return nil
}

// ParseJSON reads the JSON contract: a top-level array of questions (what
// WriteJSON and `quiztrainer generate --format json` print), or an object
// {"title": "...", "questions": [...]} for a set that names itself (see
// ParseJSONSet for its title). Unknown fields are errors, so that a
// misspelt "promt" is reported rather than dropped.
func ParseJSON(data []byte) ([]quizzes.Question, error) {
	_, qs, err := ParseJSONSet(data)
	return qs, err
}

// ParseJSONSet is ParseJSON that also returns the title of a set written as
// an object, so that an import can name the quiz after it ("" for an array).
func ParseJSONSet(data []byte) (title string, qs []quizzes.Question, err error) {
	text, err := decodeText(JSON, data)
	if err != nil {
		return "", nil, err
	}
	if strings.TrimSpace(text) == "" {
		return "", nil, nil
	}
	r := &jsonReader{text: text, lines: newLines(text, 1), dec: json.NewDecoder(strings.NewReader(text))}
	r.dec.DisallowUnknownFields()
	r.read()
	if err := r.errs.err(JSON); err != nil {
		return "", nil, err
	}
	return r.title, r.qs, nil
}

type jsonReader struct {
	title string
	text  string
	lines lines
	dec   *json.Decoder
	errs  errorList
	qs    []quizzes.Question
}

// line is the line of the next value after the decoder's offset.
func (r *jsonReader) line() int {
	off := int(r.dec.InputOffset())
	for off < len(r.text) && strings.IndexByte(" \t\r\n,:", r.text[off]) >= 0 {
		off++
	}
	return r.lines.at(off)
}

// fail records a decoding error; it reports whether reading can go on.
func (r *jsonReader) fail(err error, line int, what string) bool {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		r.errs.add(r.lines.at(int(syn.Offset)), "the JSON is malformed: %s", syn.Error())
		return false
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		r.errs.add(r.lines.at(len(r.text)), "the JSON ends too early")
		return false
	case errors.As(err, &typ):
		r.errs.add(r.lines.at(int(typ.Offset)), "%s: %q must be a JSON %s, not %s", what, typ.Field, jsonType(typ.Type.Kind().String()), typ.Value)
	default:
		r.errs.add(line, "%s: %s", what, strings.TrimPrefix(err.Error(), "json: "))
	}
	return true
}

func jsonType(goKind string) string {
	switch goKind {
	case "float64", "int", "int64":
		return "number"
	case "bool":
		return "true or false"
	case "slice":
		return "array"
	case "struct":
		return "object"
	}
	return goKind
}

func (r *jsonReader) read() {
	line := r.line()
	tok, err := r.dec.Token()
	if err != nil {
		r.fail(err, line, "the file")
		return
	}
	switch tok {
	case json.Delim('['):
		if !r.array() {
			return
		}
	case json.Delim('{'):
		for r.dec.More() {
			line := r.line()
			key, err := r.dec.Token()
			if err != nil {
				r.fail(err, line, "the file")
				return
			}
			switch key {
			case "title":
				if err := r.dec.Decode(&r.title); err != nil && !r.fail(err, line, `"title"`) {
					return
				}
			case "questions":
				line := r.line()
				if tok, err := r.dec.Token(); err != nil || tok != json.Delim('[') {
					if err == nil || r.fail(err, line, `"questions"`) {
						r.errs.add(line, `"questions" must be an array of questions`)
					}
					return
				}
				if !r.array() {
					return
				}
			default:
				r.errs.add(line, `unknown field %q: a question set object has "title" and "questions"`, key)
				return
			}
		}
		if _, err := r.dec.Token(); err != nil {
			r.fail(err, r.line(), "the file")
			return
		}
	default:
		r.errs.add(line, `a JSON question file is an array of questions, or an object with "questions"`)
		return
	}
	line = r.line()
	if _, err := r.dec.Token(); !errors.Is(err, io.EOF) {
		r.errs.add(line, "text follows the end of the question set")
	}
}

// array reads questions up to the closing ']'; false means it had to stop.
func (r *jsonReader) array() bool {
	for n := 1; r.dec.More(); n++ {
		line := r.line()
		var j JSONQuestion
		if err := r.dec.Decode(&j); err != nil {
			if !r.fail(err, line, fmt.Sprintf("question %d", n)) {
				return false
			}
			continue
		}
		q := FromJSON([]JSONQuestion{j})[0]
		if err := checkQuestion(q); err != nil {
			r.errs.add(line, "question %d: %v", n, err)
			continue
		}
		r.qs = append(r.qs, q)
	}
	if _, err := r.dec.Token(); err != nil {
		return r.fail(err, r.line(), "the file")
	}
	return true
}
