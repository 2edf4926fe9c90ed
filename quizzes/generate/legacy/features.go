package legacy

import (
	"strings"
	"unicode"
)

// features describe a candidate for the ranking model: its template, the
// kind and length of its key, where its sentence stands.
func (d *document) features(c candidate) []string {
	tmpl := c.template
	if strings.HasPrefix(tmpl, "pp.") && !commonPreps[strings.TrimPrefix(tmpl, "pp.")] {
		tmpl = "pp.other"
	}
	if i := strings.IndexByte(tmpl, '.'); i > 0 && (strings.HasPrefix(tmpl, "attribution") || strings.HasPrefix(tmpl, "role")) {
		tmpl = tmpl[:i]
	}
	aw := len(strings.Fields(c.answer))
	pw := len(strings.Fields(c.prompt))
	f := []string{
		"t=" + tmpl,
		"ty=" + c.atype.String(),
		"alen=" + bucket(aw, 1, 2, 3, 4, 6, 9),
		"plen=" + bucket(pw, 5, 8, 11, 15, 20, 28),
		"pos=" + bucket(c.sent, 0, 1, 2, 3, 4, 6),
		"nalts=" + bucket(len(c.alts), 0, 1, 2),
		"wh=" + firstWord(c.prompt),
	}
	if n := len(d.sents); n > 1 {
		f = append(f, "rel="+bucket(4*c.sent/n, 0, 1, 2, 3))
		if c.sent == n-1 {
			f = append(f, "last")
		}
	}
	s := d.sents[c.sent]
	f = append(f, "slen="+bucket(len(s.Toks), 10, 18, 26, 36, 50))
	stext := strings.ToLower(d.norm.text[s.Start:s.End])
	low := strings.ToLower(c.answer)
	if at := strings.Index(stext, low); at >= 0 && len(stext) > 0 {
		f = append(f, "apos="+bucket(4*at/len(stext), 0, 1, 2, 3))
	}
	// words of the key that the rest of the paragraph also uses are its
	// topic, which people ask about rather than for
	if cw := contentWords(c.answer); len(cw) > 0 {
		n := 0
		for _, w := range cw {
			if d.sentFreq[w] > 1 {
				n++
			}
		}
		f = append(f, "topic="+bucket(4*n/len(cw), 0, 1, 2, 3))
	}
	f = append(f, d.keyFeatures(c)...)
	a := c.answer
	if isCap(a) {
		f = append(f, "cap")
	}
	if strings.IndexFunc(a, unicode.IsDigit) >= 0 {
		f = append(f, "digit")
	}
	if strings.HasPrefix(low, "the ") || strings.HasPrefix(low, "a ") || strings.HasPrefix(low, "an ") {
		f = append(f, "det")
	}
	if strings.Contains(low, " of ") {
		f = append(f, "of")
	}
	if strings.Contains(low, " and ") || strings.Contains(low, ",") {
		f = append(f, "list")
	}
	if d.seen[c.answer] > 1 {
		f = append(f, "repeated")
	}
	for _, w := range strings.Fields(strings.ToLower(strings.TrimRight(c.prompt, "?"))) {
		if w == "he" || w == "she" || w == "they" || w == "it" || w == "this" || w == "these" {
			f = append(f, "pronoun")
			break
		}
	}
	return f
}

var commonPreps = set("in to with for on from at into through during over after about between under")

func firstWord(p string) string {
	w := strings.Fields(p)
	if len(w) == 0 {
		return ""
	}
	switch w[0] {
	case "What", "Who", "When", "Where", "Which", "How", "At", "According":
		return w[0]
	}
	return "other"
}

// bucket names the first bound v does not exceed.
func bucket(v int, bounds ...int) string {
	for _, b := range bounds {
		if v <= b {
			return itoa(b)
		}
	}
	return "more"
}
