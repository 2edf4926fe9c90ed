package legacy

import (
	"strings"

	"quiztrainer/quizzes"
)

// trueFalse states a short sentence of the article as it is, or with one
// name swapped for another of the same kind, alternating so that a quiz
// holds both. Keys of true/false questions say little about understanding,
// so they rank below the questions that ask for a phrase.
func (d *document) trueFalse() []candidate {
	var out []candidate
	for si := range d.sents {
		s := &d.sents[si]
		if len(s.Toks) > 30 || len(s.Toks) < 6 || s.Toks[0].Tag == "``" {
			continue
		}
		for _, m := range d.names[si] {
			if m.Type != ePerson && m.Type != ePlace && m.Type != eOrg {
				continue
			}
			statement := tidy(d.norm.text[s.Start:s.End])
			truth := "True"
			if si%2 == 1 {
				// a name the sentence already holds makes no false statement:
				// "As North Korea turns to North Korea"
				var swap string
				for _, w := range d.wrongChoices(m.Text, m.Type, 3) {
					if !strings.Contains(statement, w) {
						swap = w
						break
					}
				}
				if swap == "" {
					continue
				}
				statement = tidy(d.norm.text[s.Start:s.Toks[m.I].Start] + swap + d.norm.text[s.Toks[m.J-1].End:s.End])
				truth = "False"
			}
			out = append(out, candidate{kind: quizzes.TrueFalse, prompt: "True or false: " + statement, answer: truth, atype: m.Type,
				sent: si, template: "tf." + strings.ToLower(truth), score: 0.3})
			break
		}
	}
	return out
}
