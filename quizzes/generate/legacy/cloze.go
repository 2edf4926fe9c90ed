package legacy

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
			if done[k] || isVague(key) || (i == 0 && j == len(s.Toks)) || i > 0 && idioms[strings.ToLower(s.Toks[i-1].Text+" "+key)] {
				return
			}
			done[k] = true
			out = append(out, candidate{kind: quizzes.Cloze, prompt: d.blanked(s, i, j), answer: key, alts: alts, atype: t, sent: si, template: tmpl, score: score})
		}
		for _, m := range d.names[si] {
			if m.Type == eNationality || m.Type == eDate && (m.J < len(s.Toks) && s.Toks[m.J].Tag == "CD" || m.I > 0 && s.Toks[m.I-1].Tag == "CD") {
				continue // "July" of "July 1969" is asked for with its year
			}
			var alts []string
			if m.Full != "" {
				alts = append(alts, m.Text)
			}
			add(m.I, m.J, m.name(), alts, m.Type, "cloze."+m.Type.String(), 0.4)
			if q := d.inSitu(s, m.I, m.J, m.Type); q != "" {
				out = append(out, candidate{kind: quizzes.ShortAnswer, prompt: q, answer: m.name(), alts: alts, atype: m.Type, sent: si, template: "insitu." + m.Type.String(), score: 0.45})
			}
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
			t := d.npType(si, k, e)
			if q := d.inSitu(s, k, e, t); q != "" {
				kk := strings.ToLower(key) + "\x00" + itoa(si)
				if !done[kk] && !isVague(key) {
					done[kk] = true
					out = append(out, candidate{kind: quizzes.ShortAnswer, prompt: q, answer: key, alts: alts, atype: t, sent: si, template: "insitu.phrase", score: 0.35})
				}
			} else {
				add(k, e, key, alts, t, "cloze.phrase", 0.3)
			}
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
	if b-a > 2*clozeWindow+4 {
		// keep a few words either side: enough to know what is asked, short
		// enough to read as one question
		a = max(0, i-clozeWindow)
		b = min(len(toks), j+clozeWindow)
		a, b = phraseWindow(toks, a, i, j, b)
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
	if b < len(toks) && toks[b-1].Tag != "." {
		p += " ..."
	}
	return p
}

// phraseWindow moves the edges of a cloze's window [a,b) around the blank
// [i,j) to where phrases end, so that the window does not stop mid-phrase:
// out to a comma or the sentence's end if one is near, else back to where
// a preposition, conjunction or relative clause starts.
func phraseWindow(toks []token, a, i, j, b int) (int, int) {
	if b < len(toks) {
		moved := false
		for k := b; k < len(toks) && k < b+6; k++ {
			if isBoundary(toks[k]) {
				b, moved = k, true
				if toks[k].Tag == "." {
					b = k + 1
				}
				break
			}
		}
		for k := b - 1; !moved && k > j+5; k-- {
			if t := toks[k].Tag; (t == "IN" || t == "CC" || t == "WDT" || t == "WP" || t == "TO") && !strings.EqualFold(toks[k].Text, "of") {
				b = k
				break
			}
		}
	}
	if a > 0 {
		for k := a; k < i-1; k++ {
			if isBoundary(toks[k]) {
				return k + 1, b // "... mountains, the farmers": from the comma on
			}
		}
		for k := a - 1; k >= 0 && k >= a-6; k-- {
			if isBoundary(toks[k]) {
				return k + 1, b
			}
			if k == 0 {
				return 0, b
			}
		}
	}
	return a, b
}

// inSitu asks about tokens [i,j) where they stand, in the clause around
// them: "Marxism-Leninism supports what?". People ask this way when the
// phrase sits deep inside a sentence, and it keeps the question short.
func (d *document) inSitu(s *sentence, i, j int, t etype) string {
	toks := s.Toks
	a, b := i, j
	for a > 0 && !isBoundary(toks[a-1]) {
		a--
	}
	for tries := 0; tries < 2 && a > 1 && !startsClause(toks, a, i); tries++ {
		// "..., was the center of X": reach back for the subject
		a--
		for a > 0 && !isBoundary(toks[a-1]) {
			a--
		}
	}
	for b < len(toks) && !isBoundary(toks[b]) {
		b++
	}
	if i > a && toks[i-1].Tag == "DT" {
		i-- // "the what of ..." reads badly: ask for the whole phrase
	}
	if i > 0 && idioms[strings.ToLower(toks[i-1].Text+" "+d.words(s.Index, i, j))] {
		return "" // "under control" asks for nothing
	}
	if i-1 > a && toks[i-1].Tag == "CC" && strings.HasPrefix(toks[i-2].Tag, "JJ") {
		return "" // "absorbs red and what?": "blue light" shares its noun with "red"
	}
	if i > a && (isNounTag(toks[i-1].Tag) || toks[i-1].Tag == "JJ" || toks[i-1].Tag == "POS" || toks[i-1].Tag == "CD") || j < len(toks) && toks[j].Tag == "POS" {
		return "" // part of a larger phrase: "including who's Cathedral?"
	}
	if i-1 > a && (toks[i-1].Tag == "VBN" || toks[i-1].Tag == "VBG") && (toks[i-2].Tag == "IN" || toks[i-2].Tag == "TO" || toks[i-2].Tag == "DT") {
		return "" // "leads to decreased what": the participle describes the phrase
	}
	if b-a < 5 || (i == a && j == b) || !hasFinite(toks, a, b) || strings.EqualFold(toks[a].Text, "such") || a > 0 && subordinators[strings.ToLower(toks[a].Text)] {
		return "" // "Such as Arabic, ..." is the end of a list, not a clause
	}
	if f := toks[a].Tag; i > a && (!(f == "DT" || isNounTag(f) || f == "PRP" || f == "CD" || f == "JJ" || f == "PRP$" || f == "IN") || !hasFinite(toks, a, i)) {
		return "" // a fragment without its subject or verb: "Was the center of what?"
	}
	if i == a && (j >= len(toks) || !isVerbTag(toks[j].Tag)) {
		return ""
	}
	for k := a + 1; k < i; k++ {
		if isFinite(toks[k].Tag) {
			if toks[k-1].Tag == "," && toks[a].Tag == "IN" {
				return "" // "In Mumbai's Bandra Kurla Complex, will be followed by ...": no subject
			}
			break
		}
	}
	for k := a; k < i; k++ {
		if clauseOnly[strings.ToLower(toks[k].Text)] {
			return "" // "What were the fire spread quickly because most buildings made of?"
		}
	}
	for k := a + 1; k < i; k++ {
		if w := strings.ToLower(toks[k].Text); (subordinators[w] || w == "whether") && hasFinite(toks, a, k) && hasFinite(toks, k+1, i) {
			// "The first is unlikely as it would necessitate who to ...":
			// a question word deep in a second clause reads as a riddle
			return ""
		}
	}
	wh := "what"
	if m := d.mentionIn(s.Index, i, j); t == ePerson || m != nil && m.Type == ePerson && m.J == j {
		wh = "who"
	}
	if t == eDate {
		wh = "when"
	}
	if i > a && toks[i-1].Tag == "IN" && t == eDate {
		i-- // "started in when" -> "started when"
	}
	if q := d.frontedWh(s, a, i, j, b, wh); q != "" {
		return q
	}
	if q := d.frontedChain(s, a, i, j, b, wh); q != "" {
		return q
	}
	if b-a > 22 {
		return "" // too long to repeat: the cloze keeps a window instead
	}
	before := ""
	if i > a {
		before = d.norm.text[toks[a].Start:toks[i].Start]
	}
	after := ""
	if j < b {
		after = d.norm.text[toks[j-1].End:toks[b-1].End]
	}
	if i == a && isVerbTag(toks[j].Tag) {
		wh = upperFirst(wh)
	} else if a == 0 || i > a {
		before = lowerFirstWord(toks, a, before)
	}
	q := tidy(before + wh + after)
	if i == a {
		q = upperFirst(q)
	}
	return question(q)
}

func isBoundary(t token) bool {
	return t.Tag == "," || t.Tag == ":" || t.Tag == "." || t.Tag == "``" || t.Tag == "(" || t.Tag == ")" || t.Text == ";"
}

// lowerFirstWord drops a sentence capital that does not belong to a name.
func lowerFirstWord(toks []token, a int, s string) string {
	if a == 0 && !isNameTag(toks[0].Tag) {
		return lowerFirst(s)
	}
	return s
}

// startsClause reports whether tokens from a read as a clause with its
// subject: a noun phrase first and a finite verb before the phrase at i.
func startsClause(toks []token, a, i int) bool {
	f := toks[a].Tag
	return (f == "DT" || isNounTag(f) || f == "PRP" || f == "CD" || f == "JJ" || f == "PRP$" || f == "IN") && (a == i || hasFinite(toks, a, i))
}

// clozeWindow is how many words a long sentence keeps either side of a blank.
const clozeWindow = 10
