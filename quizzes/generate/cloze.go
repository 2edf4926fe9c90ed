package generate

import (
	"strings"

	"quiztrainer/quizzes"
)

// clozes blanks out names, dates and numbers that no wh-question asks about,
// one per sentence at most: a fallback for sentences the clause reader could
// not parse.
func (d *document) clozes(asked []candidate) []candidate {
	done := map[string]bool{}
	for _, c := range asked {
		done[strings.ToLower(c.answer)] = true
	}
	var out []candidate
	for si := range d.sents {
		s := &d.sents[si]
		if len(s.Toks) > 45 {
			continue
		}
		for _, m := range d.names[si] {
			if m.Type == eNationality || done[strings.ToLower(m.name())] || (m.I == 0 && m.J == len(s.Toks)) {
				continue
			}
			prompt := tidy(d.norm.text[s.Start:s.Toks[m.I].Start] + quizzes.Blank + d.norm.text[s.Toks[m.J-1].End:s.End])
			alts := []string{}
			if m.Full != "" {
				alts = append(alts, m.Text)
			}
			out = append(out, candidate{kind: quizzes.Cloze, prompt: prompt, answer: m.name(), alts: alts, atype: m.Type, sent: si, template: "cloze." + m.Type.String(), score: 0.4})
			done[strings.ToLower(m.name())] = true
			break
		}
	}
	return out
}
