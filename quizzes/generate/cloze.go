package generate

import (
	"strings"

	"quiztrainer/quizzes"
)

// clozes blanks out what no wh-question asks about: names first, then the
// noun phrases of sentences, so that every sentence the clause reader could
// not parse still yields questions.
func (d *document) clozes(asked []candidate) []candidate {
	done := map[string]bool{}
	for _, c := range asked {
		done[strings.ToLower(c.answer)+"\x00"+itoa(c.sent)] = true
	}
	var out []candidate
	for si := range d.sents {
		s := &d.sents[si]
		add := func(i, j int, key string, alts []string, t etype, tmpl string, score float64) {
			k := strings.ToLower(key) + "\x00" + itoa(si)
			if done[k] || isVague(key) || (i == 0 && j == len(s.Toks)) {
				return
			}
			done[k] = true
			out = append(out, candidate{kind: quizzes.Cloze, prompt: d.blanked(s, i, j), answer: key, alts: alts, atype: t, sent: si, template: tmpl, score: score})
		}
		for _, m := range d.names[si] {
			if m.Type == eNationality {
				continue
			}
			var alts []string
			if m.Full != "" {
				alts = append(alts, m.Text)
			}
			add(m.I, m.J, m.name(), alts, m.Type, "cloze."+m.Type.String(), 0.4)
		}
		toks := s.Toks
		for k := 0; k < len(toks); k++ {
			if toks[k].Tag == "PRP" || (k > 0 && npEnd(toks, k-1) > k) {
				continue
			}
			b := npEnd(toks, k)
			if b == k {
				continue
			}
			e := npExtEnd(toks, k)
			key, alts := d.answerForms(si, k, e)
			add(k, e, key, alts, d.npType(si, k, e), "cloze.phrase", 0.3)
			k = e - 1
		}
	}
	return out
}

// blanked is the sentence with tokens [i,j) replaced by a blank, cut to a
// window around the blank when the sentence is long.
func (d *document) blanked(s *sentence, i, j int) string {
	toks := s.Toks
	a, b := 0, len(toks)
	if b-a > 30 {
		a = max(0, i-12)
		b = min(len(toks), j+12)
		for k := i - 1; k > a; k-- {
			if toks[k].Tag == "," || toks[k].Tag == ":" {
				a = k + 1
				break
			}
		}
		for k := j; k < b; k++ {
			if toks[k].Tag == "," || toks[k].Tag == ":" || toks[k].Tag == "." {
				b = k
				break
			}
		}
	}
	before := d.norm.text[toks[a].Start:toks[i].Start]
	after := ""
	if j < b {
		after = d.norm.text[toks[j-1].End:toks[b-1].End]
	}
	p := tidy(before + quizzes.Blank + after)
	if a > 0 {
		p = "... " + p
	}
	return p
}
