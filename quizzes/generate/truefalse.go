package generate

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
				wrong := d.wrongChoices(m.Text, m.Type, 1)
				if len(wrong) == 0 {
					continue
				}
				statement = tidy(d.norm.text[s.Start:s.Toks[m.I].Start] + wrong[0] + d.norm.text[s.Toks[m.J-1].End:s.End])
				truth = "False"
			}
			out = append(out, candidate{kind: quizzes.TrueFalse, prompt: "True or false: " + statement, answer: truth, atype: m.Type,
				sent: si, template: "tf." + strings.ToLower(truth), score: 0.3})
			break
		}
	}
	return out
}
