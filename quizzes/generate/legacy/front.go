package legacy

import "strings"

// frontedWh asks for tokens [i,j) of sentence s, the object or complement of
// the clause [a,b) around them, with the question word first and the verb
// group inverted: "Libertarian socialism tends to deny what?" becomes "What
// does libertarian socialism tend to deny?". People ask this way; a
// question word left in place reads like a blank. It returns "" when the
// words before the phrase are not a subject and a verb group.
func (d *document) frontedWh(s *sentence, a, i, j, b int, wh string) string {
	toks := s.Toks
	if w := strings.ToLower(toks[a].Text); subordinators[w] || w == "that" {
		a++ // "as Moscow turns to what": the subject is Moscow
	}
	if i <= a+1 || toks[a].Tag == "IN" || toks[a].Tag == "CC" || startsWithPrep(toks[i]) {
		return ""
	}
	if j < len(toks) && (toks[j].Tag == "POS" || strings.EqualFold(toks[j].Text, "of")) {
		return "" // "Russia" of "Russia's economy" is not asked for alone
	}
	// the verb group ends right before the phrase, or before one
	// preposition that is left stranded: "What do the lenses focus on?"
	end := i
	if toks[end-1].Tag == "IN" || toks[end-1].Tag == "TO" {
		w := strings.ToLower(toks[end-1].Text)
		asVerb := w == "as" && end >= 2 && isVerbTag(toks[end-2].Tag) // "seen as", "serves as"
		if w == "that" || subordinators[w] && !asVerb || toks[i].Tag == "CD" {
			return "" // "rises to about what?": a number is asked for as a number
		}
		end--
		if wh == "when" {
			i-- // "started in when" -> "When did it start?"
		}
		if !strings.EqualFold(toks[end].Text, "of") {
			// the object and other phrases may stand between verb and
			// preposition: "What did Spain trade Florida in exchange for?"
			for m := end; m > a+1 && end-m < 8 && middleTag(toks[m-1]); m-- {
				if isVerbTag(toks[m-2].Tag) || toks[m-2].Tag == "RP" {
					end = m - 1
					break
				}
			}
		}
	}
	v := end
	for v > a && groupTag(toks[v-1].Tag) {
		v--
	}
	for v < end && !isFinite(toks[v].Tag) {
		if !strings.HasPrefix(toks[v].Tag, "RB") {
			return "" // "to deny", "willing to express": no finite verb
		}
		v++
	}
	if v >= end || v <= a || !isVerbTag(toks[end-1].Tag) && toks[end-1].Tag != "RP" {
		return ""
	}
	for k := v; k+1 < end; k++ {
		w := strings.ToLower(toks[k].Text)
		if isVerbTag(toks[k].Tag) && isVerbTag(toks[k+1].Tag) && toks[k].Tag != "MD" && !beForms[w] && !haveForms[w] && !doForms[w] {
			return "" // "are encountering mounting": a participle of the phrase
		}
	}
	if hasFinite(toks, a, v) && !relativeBefore(toks, a, v) {
		return "" // another clause stands before the verb
	}
	for k := a; k < v; k++ {
		if toks[k].Tag == "WRB" {
			return "" // "Volcanoes form where magma ... reaches what?"
		}
	}
	if v > a && (toks[v-1].Tag == "WDT" || toks[v-1].Tag == "WP" || strings.EqualFold(toks[v-1].Text, "that")) {
		return "" // "the authors who write in what": the verb is the relative clause's
	}
	fw := strings.ToLower(toks[v].Text)
	subj, head, tail, ok := d.invertAt(s, a, v, i, (haveForms[fw] || doForms[fw]) && v+1 < end)
	if !ok {
		return ""
	}
	if v-a > 12 {
		return ""
	}
	if b-j > 8 {
		// a long tail hides the point: keep it to its first phrase
		for k := j + 2; k < b; k++ {
			if t := toks[k].Tag; t == "IN" || t == "WDT" || t == "CC" || t == "TO" || t == "VBG" {
				b = k
				break
			}
		}
		if b-j > 10 {
			return ""
		}
	}
	after := d.wordsOrEmpty(s.Index, j, secondPredicate(toks, j, b))
	return question(upperFirst(wh), head, subj, tail, after)
}

// invertAt is the subject [a,v) and the verb group from v up to the
// phrase at i as they read after a fronted question word: a modal, a form
// of "be", or an auxiliary (aux) goes first ("is the church headed by"),
// any other verb takes do-support ("did Spain trade ..."). ok is false when
// the verb has no form to invert.
func (d *document) invertAt(s *sentence, a, v, i int, aux bool) (subj, head, tail string, ok bool) {
	toks := s.Toks
	subj = d.inSentence(s.Index, a, v)
	if pronouns[strings.ToLower(toks[a].Text)] && v-a == 1 {
		subj = strings.ToLower(toks[a].Text)
		if subj == "i" {
			subj = "I"
		}
	}
	first := toks[v]
	fw := strings.ToLower(first.Text)
	if first.Tag == "MD" || beForms[fw] || aux {
		return subj, fw, d.wordsOrEmpty(s.Index, v+1, i), true
	}
	do := map[string]string{"VBD": "did", "VBZ": "does", "VBP": "do"}[first.Tag]
	base := lemma(first.Text, first.Tag)
	if do == "" || base == "" {
		return "", "", "", false
	}
	return subj, do, strings.TrimSpace(base + " " + d.wordsOrEmpty(s.Index, v+1, i)), true
}

// groupTag: the tags a verb group is made of.
func groupTag(t string) bool {
	return isVerbTag(t) || t == "RB" || t == "TO" || t == "RP"
}

// relativeBefore reports whether the finite verbs in [a,v) belong to a
// relative clause of the subject: "the largest organization that retains
// Latin is what?".
func relativeBefore(toks []token, a, v int) bool {
	for k := a + 1; k < v; k++ {
		if toks[k].Tag == "WDT" || toks[k].Tag == "WP" || toks[k].Text == "that" {
			return !hasFinite(toks, a, k)
		}
	}
	return false
}

func (d *document) wordsOrEmpty(si, i, j int) string {
	if j <= i {
		return ""
	}
	return d.words(si, i, j)
}

// startsWithPrep: a key that starts with a preposition ("towards X") is
// asked for with its preposition in the question, not stranded.
func startsWithPrep(t token) bool {
	w := strings.ToLower(t.Text)
	return t.Tag == "IN" || t.Tag == "TO" || prepositions[w] || w == "toward" || w == "towards"
}

// middleTag: the words of noun and prepositional phrases that may stand
// between a verb and a stranded preposition.
func middleTag(t token) bool {
	w := strings.ToLower(t.Text)
	switch t.Tag {
	case "DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "PRP$", "POS", "TO":
		return true
	case "IN":
		return w != "that" && !subordinators[w]
	}
	return false
}

// frontedChain fronts the question word over a longer verb chain than
// frontedWh reads: "Second-wave feminism is criticized for failing to
// analyze what?" becomes "What is second-wave feminism criticized for
// failing to analyze?". The clause must have one finite verb, after a
// subject of at most twelve words, and nothing between the verb and the
// phrase may open another clause or list: a question word cannot be moved
// out of those.
func (d *document) frontedChain(s *sentence, a, i, j, b int, wh string) string {
	toks := s.Toks
	if i-a < 3 || toks[i].Tag == "CD" {
		return ""
	}
	switch p := toks[i-1]; {
	case p.Tag == "CC" || p.Tag == "POS" || p.Tag == "DT" || p.Tag == "CD" || p.Tag == "VBG" || p.Tag == "VBN" || p.Tag == "PRP$" ||
		strings.HasPrefix(p.Tag, "JJ") || strings.HasPrefix(p.Tag, "RB") || isNounTag(p.Tag):
		return "" // part of a larger phrase or list
	case strings.EqualFold(p.Text, "of") || strings.EqualFold(p.Text, "per"):
		return "" // "lead to some of?"
	case wh == "when" && p.Tag == "IN" && !timePreps[strings.ToLower(p.Text)]:
		return "" // "until 1670" is not when it happened
	}
	if j < len(toks) {
		if n := toks[j]; n.Tag == "POS" || n.Tag == "CC" || n.Tag == "CD" || strings.HasPrefix(n.Tag, "JJ") || isNounTag(n.Tag) || strings.EqualFold(n.Text, "of") {
			return "" // "Russia" of "Russia's economy", "what and the Hill", "the Mount Morrison region"
		}
	}
	if f := toks[a].Tag; !(f == "DT" || isNounTag(f) || f == "PRP" || f == "JJ" || f == "PRP$" || f == "CD") {
		return ""
	}
	v := -1
	for k := a + 1; k < i; k++ {
		if isFinite(toks[k].Tag) {
			v = k
			break
		}
	}
	if v < 0 || v-a > 12 || relativeBefore(toks, a, v) {
		return ""
	}
	for k := a; k < v; k++ {
		if w := strings.ToLower(toks[k].Text); toks[k].Tag == "WDT" || toks[k].Tag == "WP" || toks[k].Tag == "WRB" || toks[k].Tag == "(" || w == "that" {
			return "" // the subject holds a clause of its own
		}
	}
	for k := a; k < b; k++ {
		if isBoundary(toks[k]) {
			return "" // the clause reached back over a comma
		}
	}
	for k := v + 1; k < i; k++ {
		t := toks[k]
		w := strings.ToLower(t.Text)
		if isFinite(t.Tag) || t.Tag == "WDT" || t.Tag == "WP" || t.Tag == "WRB" || t.Tag == "(" || t.Tag == "\"" ||
			w == "that" || subordinators[w] || w == "whether" || t.Tag == "CC" && k+1 < i && !isVerbTag(toks[k+1].Tag) {
			return ""
		}
	}
	if b-j > 8 {
		return ""
	}
	fw := strings.ToLower(toks[v].Text)
	subj, head, tail, ok := d.invertAt(s, a, v, i, (haveForms[fw] || doForms[fw]) && v+1 < i && isVerbTag(toks[v+1].Tag))
	if !ok {
		return ""
	}
	if tail == "" {
		return ""
	}
	return question(upperFirst(wh), head, subj, tail, d.wordsOrEmpty(s.Index, j, secondPredicate(toks, j, b)))
}

// secondPredicate is where a second verb of the same subject starts in
// [j,b), or b: "What does the rest collect in or soaks into the ground?"
// cannot take "soaks" after "does".
func secondPredicate(toks []token, j, b int) int {
	for k := j; k+1 < b; k++ {
		if toks[k].Tag == "CC" && isFinite(toks[k+1].Tag) {
			return k
		}
	}
	return b
}

// timePreps put a date at the time of the event: "in 1733", "on 4 July".
var timePreps = set("in on at during")
