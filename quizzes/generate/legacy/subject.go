package legacy

import "strings"

// subjectAnswer resolves the subject of c to the phrase a student should
// give: a pronoun to the name it stands for, "the spy agency" to the
// organisation. ok is false when nothing usable is left.
func (d *document) subjectAnswer(c *clause) (key string, alts []string, t etype, role string, ok bool) {
	si := c.s.Index
	toks := c.s.Toks
	i, j := c.subj[0], c.subj[1]
	if j-i == 1 && pronouns[strings.ToLower(toks[i].Text)] {
		switch strings.ToLower(toks[i].Text) {
		case "he", "she":
			if m := d.personFor(si, i, toks[i].Text); m != nil {
				return m.name(), surname(m.name()), ePerson, "", true
			}
		case "they", "it":
			if c.fronted[1] > 0 && strings.EqualFold(toks[0].Text, "according") {
				k, a, t := d.frontedSource(c)
				return k, a, t, "", k != ""
			}
		}
		return "", nil, eThing, "", false
	}
	if toks[i].Tag == "DT" && strings.EqualFold(toks[i].Text, "the") && j-i <= 4 && !isCap(toks[j-1].Text) {
		if r := d.resolveRef(si, i, toks[j-1].Text); r != "" {
			return r, []string{d.words(si, i, j)}, eOrg, "", true
		}
	}
	if toks[i].Tag == "IN" {
		return "", nil, eThing, "", false // "In recent years historians": a time phrase read into the subject
	}
	if toks[i].Tag == "EX" || negative[strings.ToLower(toks[i].Text)] {
		// "Neither of these outcomes can be justified" does not answer
		// "What can be justified?"
		return "", nil, eThing, "", false
	}
	if a, b := c.appos[0], c.appos[1]; b > a && toks[a].Tag != "IN" { // "The store, in Mumbai's ...," is no apposition
		if m := d.mentionIn(si, a, b); m != nil && m.Type == ePerson && m.J == b {
			// "The Lord Mayor, Sir Thomas Bloodworth, was criticised": the
			// person is the answer, their office another form of it
			return m.name(), append(surname(m.name()), d.words(si, i, j)), ePerson, "", true
		}
	}
	key, alts = d.answerForms(si, i, j)
	t = d.npType(si, i, j)
	if m := d.mentionIn(si, i, j); m != nil && m.J == j && m.Type == ePerson {
		role = roleBefore(toks, m.I)
	}
	return key, alts, t, role, true
}

// frontedSource is X of "According to X, ...".
func (d *document) frontedSource(c *clause) (string, []string, etype) {
	if c.fronted[1] < 3 {
		return "", nil, eThing
	}
	e := c.fronted[1]
	for k := 3; k < e; k++ {
		if c.s.Toks[k].Tag == "," {
			e = k // "Natalie Batalha, an astronomer at ...": the name, not its apposition
			break
		}
	}
	key, alts := d.answerForms(c.s.Index, 2, e)
	return key, alts, d.npType(c.s.Index, 2, e)
}

func surname(full string) []string {
	f := strings.Fields(full)
	if len(f) > 1 {
		return []string{f[len(f)-1]}
	}
	return nil
}

// subjectText is the subject as it reads after an inverted auxiliary.
func (d *document) subjectText(c *clause) string {
	toks := c.s.Toks
	i, j := c.subj[0], c.subj[1]
	if j-i == 1 {
		switch strings.ToLower(toks[i].Text) {
		case "he", "she":
			if m := d.personFor(c.s.Index, i, toks[i].Text); m != nil {
				return m.name()
			}
		}
	}
	if toks[i].Tag == "DT" && strings.EqualFold(toks[i].Text, "the") && j-i <= 4 && !isCap(toks[j-1].Text) {
		if r := d.resolveRef(c.s.Index, i, toks[j-1].Text); r != "" {
			return r
		}
	}
	return d.inSentence(c.s.Index, i, j)
}
