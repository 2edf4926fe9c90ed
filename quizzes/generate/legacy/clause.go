package legacy

import "strings"

// clause is the main clause of a sentence as far as a shallow reading finds
// it: what stands before the subject, the subject, the verb group and the
// rest. Token spans are [a,b) indices into the sentence's tokens.
type clause struct {
	s       *sentence
	fronted [2]int // adverbial before the subject ("In 1045,"), or empty
	subj    [2]int // subject without apposition
	appos   [2]int // ", a professor of Russian studies at Uppsala University,"
	aux     []int  // auxiliaries and adverbs before the main verb, in order
	main    int    // main verb
	prt     int    // particle after the main verb ("dry up"), or -1
	rest    [2]int // after the verb group up to the end of the clause
	passive bool
	copula  bool
}

var subordinators = set("when after before while although though as if because since once until unless whereas")

// clauseStoppers end a clause at a comma before them.
var clauseStoppers = set("which who whom whose where when while whereas although though but because so as since")

// openers are words that open a sentence before its subject and a comma.
var openers = set("inside outside meanwhile however later then today yesterday afterwards afterward instead nevertheless " +
	"still finally suddenly eventually moreover furthermore indeed nonetheless overall there here now soon once")

// timePhraseEnd is where a time phrase that opens [start,v) without a comma
// ends ("the next morning", "that night", "last year"), when a subject
// follows it; else start.
func timePhraseEnd(toks []token, start, v int) int {
	for t := start; t < start+3 && t+1 < v; t++ {
		if !timeNouns[strings.ToLower(toks[t].Text)] && !dayParts[strings.ToLower(toks[t].Text)] {
			continue
		}
		first := strings.ToLower(toks[start].Text)
		if first != "the" && first != "that" && first != "this" && !timeWords[first] {
			return start
		}
		if n := toks[t+1]; isNameTag(n.Tag) || n.Tag == "PRP" || n.Tag == "DT" {
			return t + 1
		}
		return start
	}
	return start
}

var dayParts = set("morning afternoon evening night dawn dusk noon midnight")

// hedges before a number make it a subject ("Approximately 10% of ...");
// "Over four days" and "Under two years" are adverbials.
var hedges = set("approximately nearly almost roughly about around some")

// clauseOnly words open a clause and never stand inside a noun phrase.
var clauseOnly = set("because although though whereas unless")

var beForms = set("is are was were be been being am")
var haveForms = set("has have had having")
var doForms = set("do does did")

// parseClause reads the main clause of s. It returns nil when the sentence
// does not have the shape subject-verb that the templates need.
func parseClause(s *sentence, from int) *clause {
	toks := s.Toks
	n := len(toks)
	if n-from < 3 {
		return nil
	}
	c := &clause{s: s, prt: -1, main: -1}
	for from < n && (toks[from].Tag == "CC" || toks[from].Tag == "," || toks[from].Tag == "``") {
		from++
	}
	if n-from < 3 {
		return nil
	}
	start := from
	first := strings.ToLower(toks[from].Text)
	if t0 := toks[from].Tag; (t0 == "IN" || t0 == "RB" || t0 == "TO" || t0 == "VBG" || t0 == "VBN" || t0 == "WRB" || first == "according") && !(hedges[first] && toks[from+1].Tag == "CD") {
		// ("Approximately 10% of ..." and "About 23 million people" are subjects)
		// a fronted adverbial ends at the first comma; a subordinate clause too
		for k := from + 1; k < n && k < from+25; k++ {
			if toks[k].Tag == "," && k+1 < n && toks[k-1].Tag == "CD" && isYear(toks[k+1].Text) {
				continue // "On December 24, 1933,"
			}
			if toks[k].Tag == "," {
				if !subordinators[first] && hasFinite(toks, from, k) && first != "according" {
					break
				}
				c.fronted = [2]int{from, k}
				start = k + 1
				break
			}
			if toks[k].Tag == "." || toks[k].Tag == ":" {
				break
			}
		}
		if start == from && t0 == "IN" && !subordinators[first] {
			// "In October 2013 Father Asoghik stated ...": a fronted phrase without its comma
			if e := npExtEnd(toks, from+1); e > from+1 && e < n && (toks[e].Tag == "DT" || isNameTag(toks[e].Tag) || toks[e].Tag == "PRP") {
				c.fronted = [2]int{from, e}
				start = e
			}
		}
		if start == from && (subordinators[first] || t0 == "WRB" || t0 == "RB" && toks[from+1].Tag != "," || t0 == "VBG") {
			return nil
		}
		if start == from && t0 == "RB" && toks[from+1].Tag == "," {
			start = from + 2
		}
	}
	if first == "according" && c.fronted[1] > 0 && start < n && (strings.EqualFold(toks[start].Text, "a") || strings.EqualFold(toks[start].Text, "an")) {
		// "According to Natalie Batalha, an astronomer at the University of
		// California, Santa Cruz, the detection shows ...": the source's
		// apposition belongs to the fronted phrase; the subject follows its
		// last comma before the verb
		last := -1
		for k := start; k < n && k < start+25 && !isFinite(toks[k].Tag); k++ {
			if toks[k].Tag == "," {
				last = k
			}
		}
		if last > start {
			c.fronted[1] = last
			start = last + 1
		}
	}
	for start < n && (toks[start].Tag == "CC" || toks[start].Tag == "RB") {
		// "..., and English families as well, a man had": skip to the subject
		e := start
		for e < n && e < start+10 && toks[e].Tag != "," {
			e++
		}
		if e >= n || toks[e].Tag != "," {
			break
		}
		start = e + 1
	}
	// subject: up to the first finite verb outside a relative clause or apposition
	v, inRel, commas := -1, false, []int{}
	for k := start; k < n; k++ {
		t := toks[k]
		if t.Tag == "," {
			inRel = false
			commas = append(commas, k)
			continue
		}
		if t.Tag == "``" && k > start {
			continue
		}
		if k > start && !inRel && verbLike(toks, k, start) {
			v = k
			break
		}
		if t.Tag == "." || t.Tag == ":" || t.Tag == "``" || t.Tag == "(" {
			if t.Tag == "(" {
				if e := closeParen(toks, k); e > k {
					k = e
					continue
				}
			}
			return nil
		}
		if t.Tag == "WDT" || t.Tag == "WP" || (t.Text == "that" && k > start) {
			inRel = true
			continue
		}
		if (t.Tag == "VBD" || t.Tag == "VBN") && k > start && toks[k-1].Tag == "," {
			// ", called Windows 8.1," describes the subject; the verb comes later
			e := k + 1
			for e < n && e < k+10 && toks[e].Tag != "," {
				e++
			}
			if e < n && toks[e].Tag == "," && hasFinite(toks, e+1, min(n, e+4)) {
				commas = append(commas, e)
				k = e
				continue
			}
		}
		if isFinite(t.Tag) && !inRel {
			v = k
			break
		}
	}
	if v <= start || v-start > 18 {
		return nil
	}
	for v-1 > start && toks[v-1].Tag == "RB" {
		v-- // "couples usually married": the adverb goes with the verb
	}
	if v-start > 2 && toks[start+1].Tag == "," && c.fronted[1] == 0 && (openers[strings.ToLower(toks[start].Text)] || toks[start].Tag == "RB") {
		// "Inside, the kitchen smelled ...": one word of place or time first
		c.fronted = [2]int{start, start + 1}
		start += 2
	}
	if t := timePhraseEnd(toks, start, v); t > start && c.fronted[1] == 0 {
		// "The next morning Maya woke ...": a time without its comma
		c.fronted = [2]int{start, t}
		start = t
	}
	if v-start > 2 && toks[v-1].Tag == "PRP" && toks[v-2].Tag == "," && c.fronted[1] == 0 {
		// "Born Maria Sklodowska in Warsaw in 1867, she moved ...": a
		// participle phrase first, then the subject
		c.fronted = [2]int{start, v - 2}
		start = v - 1
	}
	c.subj = [2]int{start, v}
	if len(commas) > 0 && commas[0] > start {
		c.subj[1] = commas[0]
		if len(commas) >= 2 && commas[len(commas)-1] == v-1 {
			c.appos = [2]int{commas[0] + 1, commas[len(commas)-1]}
		} else if commas[len(commas)-1] != v-1 {
			c.subj[1] = v // "X, Y and Z verb": a list, keep it whole
		}
	}
	for k := c.subj[0]; k < c.subj[1]; k++ {
		if isVerbTag(toks[k].Tag) && toks[k].Tag != "VBN" && toks[k].Tag != "VBG" {
			return nil
		}
		if w := strings.ToLower(toks[k].Text); k > c.subj[0] && (subordinators[w] && k+1 < c.subj[1] && toks[k+1].Tag == "PRP" || clauseOnly[w]) {
			return nil // "Water vapour cools as it rises", "The fire spread quickly because ...": a verb was read as a noun
		}
	}
	// verb group
	k := v
	for k < n {
		t := toks[k]
		w := strings.ToLower(t.Text)
		if t.Tag == "RB" || w == "not" || w == "n't" {
			c.aux = append(c.aux, k)
			k++
			continue
		}
		if !isVerbTag(t.Tag) {
			break
		}
		if (t.Tag == "MD" || beForms[w] || haveForms[w] || doForms[w]) && nextVerb(toks, k+1) {
			c.aux = append(c.aux, k)
			k++
			continue
		}
		c.main = k
		k++
		break
	}
	if c.main < 0 {
		// "is" alone after adverbs: the last auxiliary was the main verb
		for len(c.aux) > 0 && !isVerbTag(toks[c.aux[len(c.aux)-1]].Tag) {
			c.aux = c.aux[:len(c.aux)-1]
			k--
		}
		if len(c.aux) == 0 {
			return nil
		}
		c.main = c.aux[len(c.aux)-1]
		c.aux = c.aux[:len(c.aux)-1]
		k = c.main + 1
	}
	if k < n && toks[k].Tag == "RP" {
		c.prt = k
		k++
	}
	mw := strings.ToLower(toks[c.main].Text)
	c.copula = beForms[mw]
	for _, a := range c.aux {
		if beForms[strings.ToLower(toks[a].Text)] && toks[c.main].Tag == "VBN" {
			c.passive = true
		}
	}
	c.rest = [2]int{k, clauseEnd(toks, k)}
	return c
}

func hasFinite(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if isFinite(toks[k].Tag) {
			return true
		}
	}
	return false
}

// nextVerb reports whether a verb follows k, adverbs skipped.
func nextVerb(toks []token, k int) bool {
	for k < len(toks) && (toks[k].Tag == "RB" || toks[k].Text == "not" || toks[k].Text == "n't") {
		k++
	}
	return k < len(toks) && strings.HasPrefix(toks[k].Tag, "VB")
}

func closeParen(toks []token, k int) int {
	for e := k + 1; e < len(toks) && e < k+15; e++ {
		if toks[e].Tag == ")" || toks[e].Text == ")" {
			return e
		}
	}
	return -1
}

// clauseEnd is where the clause that starts at k stops: the sentence end, a
// semicolon or dash, a quote, or a comma before a new clause or a participle.
func clauseEnd(toks []token, k int) int {
	for e := k; e < len(toks); e++ {
		t := toks[e]
		switch t.Tag {
		case ".", ":":
			return e
		case "``":
			// a quotation opened after a comma or colon is a new clause; a
			// quoted word inside the clause ("a “meltdown” in") is not
			if e == k || toks[e-1].Tag == "," || toks[e-1].Tag == ":" || toks[e-1].Tag == "." {
				return e
			}
		case ",":
			if e+1 >= len(toks) {
				return e
			}
			nx := toks[e+1]
			w := strings.ToLower(nx.Text)
			if clauseStoppers[w] || nx.Tag == "VBG" || nx.Tag == "WDT" || nx.Tag == "WP" || nx.Tag == "``" || nx.Tag == "RB" {
				return e
			}
			if nx.Tag == "CC" && hasFinite(toks, e+2, min(len(toks), e+8)) {
				return e
			}
			if nx.Tag == "PRP" || (nx.Tag == "NNP" && hasFinite(toks, e+2, min(len(toks), e+4))) {
				return e
			}
		}
	}
	return len(toks)
}

// verbLike catches the verbs the tagger takes for nouns or participles after
// a subject: "The Andean region cuts across", "Father X stated on television".
func verbLike(toks []token, k, start int) bool {
	t := toks[k]
	if k+1 >= len(toks) || hasFinite(toks, start, k) {
		return false
	}
	prev, next := toks[k-1], toks[k+1]
	nounBefore := isNounTag(prev.Tag) || prev.Tag == ")" || prev.Tag == "CD"
	opens := next.Tag == "DT" || next.Tag == "IN" || next.Tag == "PRP$" || next.Tag == "``" || next.Tag == "TO" || next.Tag == "RB" || next.Tag == "JJ"
	switch {
	case t.Tag == "NNS" && strings.HasSuffix(t.Text, "s") && !isCap(t.Text) && nounBefore && opens && !hasFinite(toks, k+1, min(len(toks), k+5)):
		return true
	case t.Tag == "VBN" && nounBefore && (next.Tag == "IN" || next.Tag == "DT" || next.Tag == "TO") && !hasFinite(toks, k+1, clauseEnd(toks, k+1)):
		return true
	}
	return false
}
