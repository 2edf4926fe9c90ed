package legacy

import "strings"

// attributions asks who said a reported clause: "This scenario could lead
// to ..., Motyl suggested." -> "Who suggested that this scenario could lead
// to ...?". The speaker stands after the clause, so the clause reader,
// which looks for a subject first, does not see it.
func (d *document) attributions(s *sentence) []candidate {
	toks := s.Toks
	n := len(toks)
	var out []candidate
	for k := 2; k < n-1; k++ {
		if !speechVerbs[lemma(toks[k].Text, toks[k].Tag)] || (toks[k].Tag != "VBD" && toks[k].Tag != "VBZ") {
			continue
		}
		verb := strings.ToLower(toks[k].Text)
		if toks[k+1].Tag != "." && toks[k+1].Tag != "," {
			// "..., Cook said in a statement.", "..., she told reporters in
			// Frankfurt.": a short phrase may end it
			e := k + 1
			for e < n && e < k+8 && toks[e].Tag != "." && !isVerbTag(toks[e].Tag) {
				e++
			}
			if e >= n || toks[e].Tag != "." || toks[k+1].Tag != "IN" && !isNounTag(toks[k+1].Tag) && toks[k+1].Tag != "PRP" {
				continue
			}
			if toks[k+1].Tag != "IN" {
				verb = "said" // "Who told that ...?" lacks its object
			}
		}
		// the speaker: a name, he/she, or "the <noun>" right before the verb
		sp := k - 1
		for sp > 0 && (isNameTag(toks[sp-1].Tag) || toks[sp-1].Tag == "DT" || toks[sp-1].Tag == "NN") && toks[sp].Tag != "PRP" && sp > k-5 {
			sp--
		}
		end := sp
		for end > 0 && (toks[end-1].Tag == "," || toks[end-1].Tag == "``") {
			end--
		}
		if end == sp || end < 4 {
			continue
		}
		start := 0
		for start < end && toks[start].Tag == "``" {
			start++
		}
		speaker, alts := d.speaker(s, sp, k, start)
		if speaker == "" {
			continue
		}
		if c := parseClause(s, start); c != nil && c.fronted[1] == start+1 && toks[start].Tag == "RB" {
			start = c.subj[0] // "Meanwhile, non-defense sector companies ..."
		}
		if end-start > 28 || end-start < 4 {
			continue
		}
		if syn, ok := synonym[verb]; ok {
			verb = syn
		}
		content := d.reported(s.Index, start, end)
		out = append(out, candidate{prompt: question("Who", verb, "that", content), answer: speaker, alts: alts, atype: ePerson,
			sent: s.Index, template: "attribution." + verb, score: 0.92, explain: speaker + " " + verb + " it."})
	}
	return out
}

// speaker resolves the words [i,k) before a verb of saying to a name. A
// pronoun looks back from before the quotation, which starts at token q:
// "he" after a quote naming Putin is still the writer.
func (d *document) speaker(s *sentence, i, k, q int) (string, []string) {
	toks := s.Toks
	if k-i == 1 && (toks[i].Text == "he" || toks[i].Text == "she" || toks[i].Text == "He" || toks[i].Text == "She") {
		if m := d.personFor(s.Index, q, toks[i].Text); m != nil {
			return m.name(), surname(m.name())
		}
		return "", nil
	}
	if m := d.mentionIn(s.Index, i, k); m != nil && m.J == k && (m.Type == ePerson || m.Type == eOrg) {
		return m.name(), surname(m.name())
	}
	if strings.EqualFold(toks[i].Text, "the") {
		if r := d.resolveRef(s.Index, i, toks[k-1].Text); r != "" {
			return r, nil
		}
	}
	return "", nil
}

// confirmations turn an attributed quotation that something "has been
// confirmed" into "Who confirmed ...?", and a finding ("to identify North
// Korean officers in Ukraine's Donetsk region") that the same source then
// confirms into "Who confirmed that North Korean officers were in Ukraine?".
func (d *document) confirmations(c *clause, source string, alts []string) []candidate {
	toks := c.s.Toks
	si := c.s.Index
	var out []candidate
	for k := c.rest[0]; k+2 < len(toks); k++ {
		if toks[k].Text != "to" || !findVerbs[strings.ToLower(toks[k+1].Text)] {
			continue
		}
		o := k + 2
		e := npEnd(toks, o)
		if e == o || e+1 >= len(toks) || toks[e].Text != "in" {
			continue
		}
		pe := npEnd(toks, e+1)
		place := d.words(si, e+1, pe)
		if m := d.mentionIn(si, e+1, pe); m != nil && m.I == e+1 && m.J < pe && toks[m.J].Tag == "POS" {
			place = m.name() // "Ukraine's Donetsk region" -> Ukraine
		}
		what := d.inSentence(si, o, e)
		verb := "identified"
		if d.confirmedNear(si, source) {
			verb = "confirmed"
		}
		be := "was"
		if toks[e-1].Tag == "NNS" {
			be = "were"
		}
		prompt := question("Who identified", what, "in", place)
		if verb == "confirmed" {
			prompt = question("Who confirmed that", what, be, "in", place)
		}
		out = append(out, candidate{prompt: prompt, answer: source, alts: alts, atype: eOrg,
			sent: si, template: "attribution." + verb, score: 0.95, explain: source + " identified " + what + " in " + place + "."})
	}
	return out
}

var findVerbs = set("identify spot detect locate find discover confirm")

// confirmedNear reports whether the source, or a reference to it, states a
// confirmation in one of the next two sentences.
func (d *document) confirmedNear(si int, source string) bool {
	for s := si + 1; s < len(d.sents) && s <= si+2; s++ {
		text := strings.ToLower(d.norm.text[d.sents[s].Start:d.sents[s].End])
		if !strings.Contains(text, "confirmed") {
			continue
		}
		if c := d.mainClause(s); c != nil {
			if key, _, _, _, ok := d.subjectAnswer(c); ok && key == source {
				return true
			}
		}
	}
	return false
}

// reported is what a speaker said, tokens [i,j), cut to its main clause so
// that the question stays readable: a leading "as the economy deteriorates,
// ..." or "even if ...," goes, and so do an aside ", as reported by foreign
// media," and a trailing ", hindering ..." that only add to the point.
func (d *document) reported(si, i, j int) string {
	toks := d.sents[si].Toks
	w := strings.ToLower(toks[i].Text)
	if subordinators[w] || (w == "even" || w == "only") && i+1 < j && subordinators[strings.ToLower(toks[i+1].Text)] {
		// the main clause starts after the last comma that a subject and a
		// finite verb follow
		for c := j - 2; c > i; c-- {
			if toks[c].Tag != "," || toks[c+1].Tag == "CC" || !isSubjectStart(toks[c+1]) && !(toks[c+1].Tag == "VBG" && isNounTag(toks[c+2].Tag)) {
				continue
			}
			e := c + 1
			for e < j && toks[e].Tag != "," {
				e++
			}
			if hasFinite(toks, c+1, e) {
				i = c + 1
				break
			}
		}
	}
	// "the probable outcome is that Russia's economy will ...": the point
	// is what follows "that"
	for k := i; k < i+5 && k+2 < j; k++ {
		if framingNouns[strings.ToLower(toks[k].Text)] && beForms[strings.ToLower(toks[k+1].Text)] && strings.EqualFold(toks[k+2].Text, "that") {
			if k+3 < j {
				i = k + 3
			}
			break
		}
	}
	var skip [][2]int
	for c := i + 1; c < j-1; c++ {
		if toks[c].Tag != "," {
			continue
		}
		n := toks[c+1]
		if n.Tag == "VBG" && !hasFinite(toks, c+1, j) {
			j = c // ", hindering their participation in ..."
			break
		}
		if strings.EqualFold(n.Text, "as") && c+2 < j && toks[c+2].Tag == "VBN" {
			e := c + 2
			for e < j && toks[e].Tag != "," {
				e++
			}
			if e < j {
				skip = append(skip, [2]int{c, e + 1}) // ", as reported by foreign media,"
				c = e
			}
		}
	}
	if len(skip) == 0 {
		return d.inSentence(si, i, j)
	}
	text := d.wordsSkipping(si, i, j, skip...)
	if d.inSentence(si, i, i+1) != d.words(si, i, i+1) {
		text = lowerFirst(text)
	}
	return text
}

// framingNouns introduce the point of a reported clause: "the probable
// outcome is that ...".
var framingNouns = set("outcome result problem point reason truth fact consequence risk danger hope conclusion answer")

// isSubjectStart: a token that may open a subject.
func isSubjectStart(t token) bool {
	return t.Tag == "DT" || isNounTag(t.Tag) || t.Tag == "PRP" || t.Tag == "JJ" || t.Tag == "PRP$" || t.Tag == "CD"
}
