package legacy

import "strings"

// phraseQuestions asks about patterns that hold anywhere in a sentence, not
// only in its main clause: appositions ("Stefan Hedlund, a professor of
// Russian studies at Uppsala University,"), names given with "known as" or
// in brackets, and relative clauses ("the Church, which ...").
func (d *document) phraseQuestions(s *sentence) []candidate {
	var out []candidate
	toks := s.Toks
	si := s.Index
	add := func(c candidate) {
		if c.prompt != "" && c.answer != "" {
			c.sent = si
			out = append(out, c)
		}
	}
	for k := 1; k < len(toks)-2; k++ {
		w := strings.ToLower(toks[k].Text)
		switch {
		case toks[k].Tag == "," && (toks[k+1].Tag == "DT" || toks[k+1].Tag == "PRP$") && toks[k-1].Tag != "CD":
			// apposition: NAME, a ROLE ..., -> "Who is NAME?" / "Which ROLE ...?"
			m := d.mentionIn(si, 0, k)
			if m == nil || m.J != k {
				continue
			}
			e := npExtEnd(toks, k+1)
			for e < len(toks) && (toks[e].Tag == "IN" && toks[e].Text != "of") && npEnd(toks, e+1) > e+1 {
				e = npExtEnd(toks, e+1) // "a professor of Russian studies at Uppsala University"
			}
			if e == k+1 || e >= len(toks) || (toks[e].Tag != "," && toks[e].Tag != ".") {
				continue
			}
			desc := d.words(si, k+1, e)
			wh := "What"
			if m.Type == ePerson {
				wh = "Who"
			}
			add(candidate{prompt: question(wh, "is", m.name()), answer: desc, alts: []string{d.words(si, k+1, npEnd(toks, k+1))}, atype: eThing, template: "apposition.what_is", score: 0.66})
			if m.Type == ePerson {
				if role := headRole(toks, k+1, e); role != "" {
					if aff := d.affiliation(si, k+1, e); aff != "" {
						add(candidate{prompt: question("At which", affKind(aff), "is", m.name(), article(role), role), answer: aff, atype: eOrg, template: "role.affiliation", score: 0.92})
					}
				}
			}
		case (w == "known" || w == "called" || w == "named" || w == "nicknamed") && k+2 < len(toks):
			// "X, also known as Y" -> "What is X also known as?"
			a := k + 1
			if toks[a].Text == "as" {
				a++
			}
			e := npExtEnd(toks, a)
			if e == a {
				continue
			}
			b := k
			for b > 0 && (toks[b-1].Tag == "RB" || toks[b-1].Tag == "," || beForms[strings.ToLower(toks[b-1].Text)]) {
				b--
			}
			if b == 0 {
				continue
			}
			h := b
			for h > 0 && (isNounTag(toks[h-1].Tag) || toks[h-1].Tag == "JJ" || toks[h-1].Tag == "DT" || toks[h-1].Tag == "CD" || toks[h-1].Tag == "POS") {
				h--
			}
			if h == b || toks[k].Tag == "VBD" {
				continue // "Luke Howard named the clouds" names nothing
			}
			verb := strings.ToLower(toks[k].Text)
			if toks[k].Text == "known" {
				verb = "known as"
			}
			be := "What is"
			if toks[b-1].Tag == "NNS" || toks[b-1].Tag == "NNPS" {
				be = "What are"
			}
			thing, also := d.inSentence(si, h, b), "also"
			if definite := toks[h].Tag == "DT" && !strings.EqualFold(toks[h].Text, "a") && !strings.EqualFold(toks[h].Text, "an") ||
				toks[h].Tag == "PRP$" || isNameTag(toks[h].Tag); !definite {
				// "small structures called chloroplasts": the term is the
				// point, not another name of something named before
				from := h
				if toks[h].Tag == "DT" {
					from++
				}
				if from >= b {
					continue
				}
				thing, also = "the "+d.words(si, from, b), ""
			}
			add(candidate{prompt: question(be, thing, also, verb), answer: d.words(si, a, e), atype: eThing, template: "name.known_as", score: 0.75})
		case toks[k].Text == "(" && isCap(toks[k+1].Text):
			// "the Armenian Revolutionary Federation (ARF)"
			m := d.mentionIn(si, 0, k)
			e := closeParen(toks, k)
			if m == nil || m.J != k || e != k+2 || !isAcronym(toks[k+1].Text) {
				continue
			}
			add(candidate{prompt: question("What is", m.name(), "also called"), answer: d.words(si, k+1, e), atype: eThing, template: "name.abbreviation", score: 0.6})
		case (toks[k].Tag == "WDT" || toks[k].Tag == "WP") && toks[k-1].Tag == "," && (w == "which" || w == "who") && k+1 < len(toks) && isFinite(toks[k+1].Tag):
			// "..., the Church, which saw the clergy as ..." -> "What saw the clergy as ...?"
			h := k - 1
			b := h
			for b > 0 && (isNounTag(toks[b-1].Tag) || toks[b-1].Tag == "JJ" || toks[b-1].Tag == "DT" || toks[b-1].Tag == "CD" || toks[b-1].Tag == "POS" || toks[b-1].Tag == "PRP$") {
				b--
			}
			if b == h {
				continue
			}
			end := clauseEnd(toks, k+1)
			for e := k + 1; e < end; e++ {
				if toks[e].Tag == "," && e+1 < end && isFinite(toks[e+1].Tag) {
					end = e // "the Bank, which raised rates ..., welcomed the figures": the clause ends at its comma
					break
				}
			}
			if end-k > 18 {
				continue
			}
			wh := "What"
			if w == "who" {
				wh = "Who"
			}
			key, alts := d.answerForms(si, b, h)
			add(candidate{prompt: question(wh, d.words(si, k+1, end)), answer: key, alts: alts, atype: d.npType(si, b, h), template: "relative." + strings.ToLower(wh), score: 0.6})
		}
	}
	return out
}

// headRole is the role noun a description starts with: "a professor of ..." -> professor.
func headRole(toks []token, i, j int) string {
	for k := i; k < j && k < i+4; k++ {
		if roleNouns[strings.ToLower(toks[k].Text)] {
			return strings.ToLower(toks[k].Text)
		}
		if toks[k].Tag == "IN" {
			break
		}
	}
	return ""
}

// affiliation is the organisation a description places someone at.
func (d *document) affiliation(si, i, j int) string {
	for _, m := range d.names[si] {
		if m.I >= i && m.J <= j && m.Type == eOrg && m.I > 0 && (d.sents[si].Toks[m.I-1].Text == "at" || d.sents[si].Toks[m.I-1].Text == "of") {
			return m.name()
		}
	}
	return ""
}

func affKind(org string) string {
	for _, k := range []string{"University", "College", "Institute", "School", "Academy"} {
		if strings.Contains(org, k) {
			return strings.ToLower(k)
		}
	}
	return "organisation"
}

// isAcronym: "ARF", "NYCEDC", "UNESCO".
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}
