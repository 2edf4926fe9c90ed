package legacy

import "strings"

// measureNouns name a quantity a thing has: "rises to an elevation of
// about 6,961 m" tells the elevation of its subject.
// ("an average of", "a total of" and "a rate of" count events rather than
// measure the subject, so they are not among them.)
var measureNouns = set("elevation height length width depth area population speed " +
	"temperature weight mass distance cost price budget capacity diameter radius altitude " +
	"volume density circulation revenue salary income")

// approx are the words that hedge a number.
var approx = set("about approximately nearly almost around roughly some over under more less than just")

// measureQuestions ask for a quantity of the subject of c: "Mount
// Aconcagua rises to an elevation of about 6,961 m" -> "What is the
// elevation of Mount Aconcagua?".
func (d *document) measureQuestions(c *clause) []candidate {
	toks := c.s.Toks
	si := c.s.Index
	if c.subj[1]-c.subj[0] > 8 || toks[c.subj[0]].Tag == "PRP" || toks[c.subj[0]].Tag == "EX" || demonstrative[strings.ToLower(toks[c.subj[0]].Text)] {
		return nil
	}
	subj := d.subjectText(c)
	if subj == "" || isVague(subj) {
		return nil
	}
	be := "is"
	first := c.main
	if len(c.aux) > 0 {
		first = c.aux[0]
	}
	if t := toks[first].Tag; t == "VBD" || t == "VBN" || haveForms[strings.ToLower(toks[first].Text)] && toks[first].Text != "has" && toks[first].Text != "have" {
		be = "was"
	}
	var out []candidate
	for k := c.rest[0]; k+2 < c.rest[1]; k++ {
		noun := strings.ToLower(toks[k].Text)
		if !measureNouns[noun] || !strings.EqualFold(toks[k+1].Text, "of") {
			continue
		}
		n := k + 2
		for n < c.rest[1] && approx[strings.ToLower(toks[n].Text)] {
			n++
		}
		if n >= c.rest[1] || toks[n].Tag != "CD" {
			continue
		}
		e := n + 1
		for e < c.rest[1] && toks[e].Tag == "CD" {
			e++
		}
		for u := 0; u < 2 && e < c.rest[1] && (isNounTag(toks[e].Tag) || toks[e].Text == "%") && !measureNouns[strings.ToLower(toks[e].Text)]; u++ {
			e++ // the unit: "m", "square kilometres", "people"
		}
		m := k
		for m > c.rest[0] && (toks[m-1].Tag == "JJ" || toks[m-1].Tag == "JJS" || toks[m-1].Tag == "NN") {
			m-- // "average height", "maximum speed", "peak circulation"
		}
		quantity := strings.ToLower(d.words(si, m, k+1))
		key := d.words(si, n, e)
		alts := []string{d.words(si, k+2, e)}
		if alts[0] == key {
			alts = nil
		}
		out = append(out, candidate{
			prompt:   question("What", be, "the", quantity, "of", subj),
			answer:   key,
			alts:     alts,
			atype:    eNumber,
			sent:     si,
			template: "measure.what_is",
			score:    0.85,
		})
	}
	return out
}
