package legacy

import (
	"strings"

	"quiztrainer/quizzes"
)

// candidate is a question before filtering and ranking.
type candidate struct {
	kind     quizzes.Kind
	prompt   string
	answer   string   // the key
	alts     []string // other accepted forms of the key
	atype    etype
	sent     int
	template string
	score    float64
	explain  string
}

// personNouns head phrases that name people, so a question about them asks "Who".
var personNouns = set("people person man men woman women members member soldiers troops officers leaders children " +
	"family families residents citizens workers students scholars experts authorities settlers immigrants " +
	"group priests clergy monks farmers voters artists writers critics fans players")

// npType types the noun phrase [i,j) of sentence si.
func (d *document) npType(si, i, j int) etype {
	toks := d.sents[si].Toks
	if j <= i {
		return eThing
	}
	if isDateSpan(toks, i, j) || (j-i == 2 && timeWords[strings.ToLower(toks[i].Text)] && timeNouns[strings.ToLower(toks[i+1].Text)]) {
		return eDate // "1884", "next year"
	}
	for k := i + 1; k < j-1; k++ {
		if toks[k].Tag == "CC" {
			// "King Charles II and his brother James": people named together
			for _, m := range d.names[si] {
				if m.I >= i && m.J <= k && m.Type == ePerson {
					return ePerson
				}
			}
			break
		}
	}
	if m := d.mentionIn(si, i, j); m != nil && m.J == j && (m.I <= i+1 || !hasNounBefore(toks, i, m.I)) {
		// the name is the phrase ("the Hill", "Russia and North Korea"), not
		// the end of a longer one ("the collaboration between Russia and
		// North Korea" is a thing)
		if (m.Type == eThing || m.Type == eNationality) && (peopleOf(toks[j-1].Text) || j-i == 2 && strings.EqualFold(toks[i].Text, "the") && peoples[toks[j-1].Text]) {
			return ePerson // "Republicans and Democrats", "the Dutch"
		}
		return m.Type
	}
	if b := npEnd(toks, i); b > i && b < j {
		j = b // the head of "the existence of a group" is "existence"
	}
	if m := d.mentionIn(si, i, j); m != nil && m.J == j {
		return m.Type
	}
	head := strings.ToLower(toks[j-1].Text)
	if toks[j-1].Tag == "CD" {
		return eNumber
	}
	if personNouns[head] || roleNouns[head] || roleNouns[strings.TrimSuffix(head, "s")] || kinWords[head] || kinWords[strings.TrimSuffix(head, "s")] || head == "he" || head == "she" {
		return ePerson
	}
	if peopleOf(toks[j-1].Text) || j-i == 2 && strings.EqualFold(toks[i].Text, "the") && peoples[toks[j-1].Text] {
		return ePerson // "some socialists", "Republicans and Democrats", "the Dutch"
	}
	return eThing
}

// hasNounBefore reports whether a common noun stands in [i,k): the head of
// a phrase that a name at k only ends.
func hasNounBefore(toks []token, i, k int) bool {
	for x := i; x < k; x++ {
		w := strings.ToLower(toks[x].Text)
		if (toks[x].Tag == "NN" || toks[x].Tag == "NNS") && !roleNouns[w] && !personNouns[w] && !kinWords[w] {
			return true // "his brother James" and "the architect Wren" are people
		}
	}
	return false
}

var kinWords = set("brother sister son daughter father mother wife husband uncle aunt cousin nephew niece grandson granddaughter")

// peoples name a nation's people with the adjective: "the Dutch".
var peoples = set("Dutch French British English Spanish Irish Scots Welsh Portuguese Chinese Japanese Swiss Danes Swedes Finns Poles")

// peopleOf reports whether a plural noun names people by what they follow
// or where they are from: "socialists", "historians", "Republicans",
// "Americans".
func peopleOf(w string) bool {
	l := strings.ToLower(w)
	if len(l) < 6 {
		return false
	}
	if strings.HasSuffix(l, "ists") || strings.HasSuffix(l, "ians") || strings.HasSuffix(l, "crats") {
		return true
	}
	return isCap(w) && (strings.HasSuffix(l, "ans") || strings.HasSuffix(l, "ites") || strings.HasSuffix(l, "ers"))
}

func isYear(w string) bool {
	w = strings.TrimSuffix(w, "s")
	if len(w) != 4 || w[0] < '1' || w[0] > '2' {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

var weekdays = set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")

// isDateSpan: years, months, days of months, decades and centuries.
func isDateSpan(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		w := toks[k].Text
		if isYear(w) || months[w] || weekdays[w] || strings.EqualFold(w, "century") || strings.EqualFold(w, "centuries") || w == "AD" || w == "BC" || w == "BCE" {
			return true
		}
	}
	return false
}

// whWord asks for a phrase of type t.
func whWord(t etype) string {
	switch t {
	case ePerson:
		return "Who"
	case eDate:
		return "When"
	}
	return "What"
}

// answerForms is the key of the phrase [i,j) and its other accepted forms:
// the phrase without its "of ..." tail, the full name of a surname, the
// surname of a full name.
func (d *document) answerForms(si, i, j int) (string, []string) {
	toks := d.sents[si].Toks
	for i < j && (toks[i].Tag == "DT" && strings.EqualFold(toks[i].Text, "both")) {
		i++
	}
	for k := i + 1; k < j-1; k++ {
		if (toks[k].Tag == "VBG" || toks[k].Tag == "VBN") && isNounTag(toks[k-1].Tag) && (toks[k+1].Tag == "DT" || toks[k+1].Tag == "IN" || isNameTag(toks[k+1].Tag)) {
			// "Astronomers using the James Webb Space Telescope": the people
			// are the answer; the whole phrase is accepted too
			key, alts := d.answerForms(si, i, k)
			return key, append(alts, d.words(si, i, j))
		}
	}
	key := d.words(si, i, j)
	var alts []string
	if m := d.mentionIn(si, i, j); m != nil && m.J == j {
		if m.Full != "" && m.Full != key {
			alts = append(alts, key)
			key = m.Full
		}
		coordinated := false
		for k := i; k < m.I; k++ {
			coordinated = coordinated || toks[k].Tag == "CC"
		}
		if m.Type == ePerson && m.I > i && !coordinated {
			alts = append(alts, key)
			key = m.name() // "professor Alexander J. Motyl" -> the name
		}
		if coordinated {
			if w := strings.ToLower(toks[i].Text); (w == "he" || w == "she") && toks[i+1].Tag == "CC" {
				// "she and her cousin Leo" -> "Maya and her cousin Leo"
				if p := d.personFor(si, i, w); p != nil {
					key = p.name() + " " + d.words(si, i+1, j)
				}
			}
			return key, alts // people named together answer together
		}
		if m.Type == ePerson {
			if f := strings.Fields(m.name()); len(f) > 1 {
				alts = append(alts, f[len(f)-1])
			}
		}
	}
	if e := longerEnd(toks, j); e > j && e-i <= 14 {
		// "the celibate clergy of the monastery who are led by an abbot": a
		// fuller answer is as right as the phrase itself
		alts = append(alts, d.words(si, i, e))
	}
	if b := npEnd(toks, i); b < j && b > i && toks[b].Text == "of" {
		alts = append(alts, d.words(si, i, b)) // "the collapse" of "the collapse of the state", not "Moscow" of "Moscow and Pyongyang"
	}
	return key, alts
}

// roleBefore returns the role noun right before token k ("professor" in
// "political science professor Alexander J. Motyl"), if any.
func roleBefore(toks []token, k int) string {
	if k > 0 && roleNouns[strings.ToLower(toks[k-1].Text)] {
		return strings.ToLower(toks[k-1].Text)
	}
	return ""
}

// inverted builds "WH aux subject verb rest" with do-support when the verb
// group has no auxiliary: "When did the Catholicossate settle there?".
func (d *document) inverted(c *clause, wh, subj, rest string) string {
	toks := c.s.Toks
	rest = cutCoordinated(c, rest)
	var auxWords []string
	firstAux := -1
	for _, a := range c.aux {
		if isVerbTag(toks[a].Tag) && firstAux < 0 {
			firstAux = a
			continue
		}
		auxWords = append(auxWords, strings.ToLower(toks[a].Text))
	}
	main := toks[c.main]
	prt := ""
	if c.prt >= 0 {
		prt = toks[c.prt].Text
	}
	switch {
	case firstAux >= 0:
		return question(wh, strings.ToLower(toks[firstAux].Text), subj, strings.Join(auxWords, " "), strings.ToLower(main.Text), prt, rest)
	case c.copula:
		return question(wh, strings.ToLower(main.Text), subj, strings.Join(auxWords, " "), rest)
	}
	do := map[string]string{"VBD": "did", "VBZ": "does", "VBP": "do", "NNS": "does", "VBN": "did"}[main.Tag]
	if do == "" {
		return ""
	}
	verb := lemma(main.Text, main.Tag)
	if isNameTag(main.Tag) || verb == "" {
		return ""
	}
	return question(wh, do, subj, strings.Join(auxWords, " "), verb, prt, rest)
}

// verbGroup is the clause's verb group as written, with a plural "have"
// made singular for a wh-subject ("Who has denied ...?").
func (d *document) verbGroup(c *clause) string {
	toks := c.s.Toks
	var ws []string
	for _, a := range c.aux {
		ws = append(ws, toks[a].Text)
	}
	ws = append(ws, toks[c.main].Text)
	if c.prt >= 0 {
		ws = append(ws, toks[c.prt].Text)
	}
	switch strings.ToLower(ws[0]) {
	case "have":
		ws[0] = "has"
	case "do":
		ws[0] = "does"
	}
	return strings.ToLower(strings.Join(ws, " "))
}

// restText is the rest of the clause without the spans in skip, cut short
// when it runs on: long prompts read badly and hide the point.
func (d *document) restText(c *clause, skip ...[2]int) string {
	a, b := c.rest[0], c.rest[1]
	for k := a; k+1 < b; k++ {
		if c.s.Toks[k].Tag == "CC" && (c.s.Toks[k+1].Tag == "PRP" || c.s.Toks[k+1].Tag == "EX") {
			b = k // "... a pineal gland secretion and it is shown to ...": a new clause
			break
		}
	}
	if b-a > restLimit {
		// cut at the first comma, relative pronoun or preposition past the
		// limit's first half, keeping what was skipped inside the kept part
		toks := c.s.Toks
		for k := a + restLimit/2; k < b; k++ {
			phraseEnd := isNounTag(toks[k-1].Tag) || toks[k-1].Tag == "CD" || toks[k-1].Tag == ")"
			if toks[k].Tag == "," || (phraseEnd && (toks[k].Tag == "IN" || toks[k].Tag == "WDT" || toks[k].Tag == "CC")) {
				inSkip := false
				for _, sp := range skip {
					if k >= sp[0] && k < sp[1] {
						inSkip = true
					}
				}
				if !inSkip {
					b = k
					break
				}
			}
		}
	}
	return d.wordsSkipping(c.s.Index, a, b, skip...)
}

// cutCoordinated ends the rest of an inverted question before a second
// predicate: "When did Dickens visit the area and was appalled at ...?"
// cannot take "was" after "did".
func cutCoordinated(c *clause, rest string) string {
	toks := c.s.Toks
	for k := c.main + 1; k+1 < len(toks); k++ {
		n := k + 1
		for n+1 < len(toks) && toks[n].Tag == "RB" {
			n++ // "and usually form"
		}
		if toks[k].Tag != "CC" || !isFinite(toks[n].Tag) && !(n > k+1 && toks[n].Tag == "NN") {
			continue
		}
		cut := " " + toks[k].Text + " " + toks[k+1].Text + " "
		if i := strings.Index(" "+rest+" ", cut); i >= 0 {
			return strings.TrimRight(rest[:max(0, i-1)], " ,")
		}
	}
	return rest
}

// restLimit is the longest rest of a clause a prompt repeats: people ask
// short questions, and a long tail hides what is asked.
const restLimit = 10

var timeWords = set("next last this that previous following same")
var timeNouns = set("year month week day decade century season summer winter spring autumn")

// article is "a" or "an" before w.
func article(w string) string {
	if w != "" && strings.ContainsRune("aeiouAEIOU", rune(w[0])) {
		return "an"
	}
	return "a"
}

// longerEnd extends a phrase ending at j over the prepositional phrases and
// the relative clause that describe it, up to the end of the clause.
func longerEnd(toks []token, j int) int {
	e := j
	for e < len(toks) {
		t := toks[e]
		switch {
		case t.Tag == "IN" && prepositions[strings.ToLower(t.Text)]:
			n := npExtEnd(toks, e+1)
			if n == e+1 {
				return e
			}
			e = n
		case (t.Tag == "WDT" || t.Tag == "WP") && e == j:
			n := clauseEnd(toks, e+1)
			if n-e > 10 {
				return j
			}
			return n
		default:
			return e
		}
	}
	return e
}

// prepositions are the words a describing phrase starts with; the tagger
// also tags verbs such as "underscore" IN.
var prepositions = set("of in on at to for with from by about into through during over after under between among within without against across along around near")
