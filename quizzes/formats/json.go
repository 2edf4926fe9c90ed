package formats

import (
	"encoding/json"
	"fmt"
	"io"

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
