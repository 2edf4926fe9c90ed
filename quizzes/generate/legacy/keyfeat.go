package legacy

import "strings"

// keyFeatures say what kind of phrase the key is and whether it brings
// something new: the tags of its first and last words where it stands in
// the sentence, whether its words were met in an earlier sentence, and
// whether the sentence holds a number.
func (d *document) keyFeatures(c candidate) []string {
	var f []string
	toks := d.sents[c.sent].Toks
	kw := strings.Fields(strings.ToLower(c.answer))
	if len(kw) > 0 {
		for k := range toks {
			if strings.ToLower(toks[k].Text) != kw[0] {
				continue
			}
			f = append(f, "ft="+toks[k].Tag)
			e := k + len(kw) - 1
			if e < len(toks) && strings.HasPrefix(kw[len(kw)-1], strings.ToLower(toks[e].Text)) {
				f = append(f, "lt="+toks[e].Tag)
				if e+1 < len(toks) {
					f = append(f, "nt="+toks[e+1].Tag)
				}
			}
			if k > 0 {
				f = append(f, "pt="+toks[k-1].Tag)
			}
			break
		}
	}
	old, nw := 0, 0
	for _, w := range contentWords(c.answer) {
		if fs, ok := d.firstSent[w]; ok && fs < c.sent {
			old++
		} else {
			nw++
		}
	}
	switch {
	case old > 0 && nw == 0:
		f = append(f, "given")
	case old > 0:
		f = append(f, "partlygiven")
	}
	if len(toks) > 0 {
		f = append(f, "share="+bucket(10*len(kw)/len(toks), 0, 1, 2, 4, 6))
	}
	for _, t := range toks {
		if t.Tag == "CD" {
			f = append(f, "sdigit")
			break
		}
	}
	return f
}
