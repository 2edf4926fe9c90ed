package legacy

import (
	"strconv"
	"strings"
)

// speechVerbs introduce what someone said; a question on their subject is an
// attribution question ("Who predicted ...?").
var speechVerbs = set("say state note write predict forecast deny confirm add suggest argue claim warn explain " +
	"report announce tell insist believe estimate conclude emphasize emphasise stress observe remark acknowledge " +
	"admit assert contend declare maintain reveal")

// agentVerbs are done by people: a name that does them is asked with "Who".
var agentVerbs = set("examine hypothesize hypothesise propose find study describe discover found invent develop " +
	"publish observe define introduce coin compose paint design lead command marry direct teach " +
	"criticize criticise recommend demonstrate investigate theorize theorise advocate oppose reject " +
	"start create establish build win write produce record perform sign meet join leave elect appoint defeat " +
	"launch edit translate explore conquer rule reign serve")

// isNameSpan reports whether tokens [i,j) are capitalised names only,
// perhaps joined by "and": "Monin and Miller".
func isNameSpan(toks []token, i, j int) bool {
	if j <= i {
		return false
	}
	for k := i; k < j; k++ {
		if !isNameTag(toks[k].Tag) && toks[k].Tag != "CC" || !isCap(toks[k].Text) && toks[k].Tag != "CC" {
			return false
		}
	}
	return isNameTag(toks[i].Tag) && isNameTag(toks[j-1].Tag)
}

// synonym words a verb the way a teacher would ask about it.
var synonym = map[string]string{"forecasted": "predicted", "forecast": "predicted", "penned": "wrote"}

// clauseQuestions asks about the parts of one clause: its subject, object or
// complement, the time and place of its prepositional phrases, its counts.
func (d *document) clauseQuestions(c *clause) []candidate {
	var out []candidate
	si := c.s.Index
	toks := c.s.Toks
	mainLemma := lemma(toks[c.main].Text, toks[c.main].Tag)
	add := func(cand candidate) {
		if cand.prompt == "" || cand.answer == "" {
			return
		}
		cand.sent = si
		out = append(out, cand)
	}

	// subject: "Who founded the first Russian settlement in Alaska?"
	if key, alts, t, role, ok := d.subjectAnswer(c); ok {
		wh := whWord(t)
		if t == eDate || t == eNumber || t == eNationality {
			wh = "What"
		}
		tmpl := "subject." + strings.ToLower(wh)
		score := 0.62
		if t == ePerson || t == eOrg || t == ePlace {
			score = 0.8
		}
		if t == eThing && isNameSpan(toks, c.subj[0], c.subj[1]) && (speechVerbs[mainLemma] || agentVerbs[mainLemma]) {
			// "Monin and Miller examined ...": names that think, find and
			// write are people, or bodies asked about as people
			wh, tmpl = "Who", "subject.who"
		}
		if role != "" {
			wh, tmpl, score = "Which "+role, "role."+role, 0.9
		}
		vg := d.verbGroup(c)
		if s, ok := synonym[strings.ToLower(toks[c.main].Text)]; ok && len(c.aux) == 0 {
			vg = s
		}
		if speechVerbs[mainLemma] && !c.passive && (t == ePerson || t == eOrg || t == ePlace) {
			verb := strings.ToLower(toks[c.main].Text)
			if s, ok := synonym[verb]; ok {
				verb = s
			}
			tmpl = "attribution." + pastTense(verb)
			score = 0.92
			if role == "" {
				wh = "Who" // an organisation that speaks is asked about as a speaker
			}
		}
		rest := d.restText(c)
		if q := d.quotedContent(c); q != "" && rest == "" || speechVerbs[mainLemma] && q != "" {
			rest = "that " + q
		} else if speechVerbs[mainLemma] && hasFinite(toks, c.rest[0], c.rest[1]) && c.rest[1]-c.rest[0] > restLimit {
			// "Analysts said the figures made a rate cut ... more likely": what
			// was said is kept whole, or the question would change it
			from, lead := c.rest[0], ""
			for t := c.rest[0]; t < c.rest[1] && t < c.rest[0]+6; t++ {
				if strings.EqualFold(toks[t].Text, "that") {
					// "said on Tuesday that ...": the phrase before "that" stays
					from, lead = t+1, d.wordsOrEmpty(si, c.rest[0], t)
					break
				}
			}
			if said := d.reported(si, from, c.rest[1]); len(strings.Fields(said)) <= 25 {
				rest = strings.TrimSpace(lead + " that " + said)
			} else {
				tmpl = ""
			}
		} else if speechVerbs[mainLemma] && c.rest[0] < c.rest[1] && toks[c.rest[0]].Tag == "IN" && !hasFinite(toks, c.rest[0], c.rest[1]) {
			rest = "" // "Who said in a statement?" asks nothing: what was said stands elsewhere
			if !c.copula {
				tmpl = ""
			}
		}
		if nwh, nkey, nalts, ntmpl := d.numberSubject(c); nwh != "" {
			// "Approximately 10% of cases are ..." -> "What percentage of
			// cases are ...?", "Three bishops attended" -> "How many bishops
			// attended?"
			wh, key, alts, t, tmpl, score = nwh, nkey, nalts, eNumber, ntmpl, 0.85
		}
		if wh == "What" && !hasCoordinatedVerb(toks, c.main+1, c.rest[1]) {
			// "What happens when ...?", not "What happen"; a second verb
			// ("are ... and usually form") keeps the plural of both
			vg = singular(vg, len(c.aux) == 0 && c.prt < 0 && toks[c.main].Tag == "VBP")
		}
		if (rest != "" || !c.copula) && tmpl != "" {
			add(candidate{prompt: question(wh, vg, rest), answer: key, alts: alts, atype: t, template: tmpl, score: score})
		}
		if t == eOrg || t == ePerson {
			for _, cf := range d.confirmations(c, key, alts) {
				add(cf)
			}
		}
	}

	subj := d.subjectText(c)
	r0 := c.rest[0]
	for r0 < c.rest[1] && toks[r0].Tag == "RB" {
		r0++
	}
	// object or complement: "What did Grigory Shelikhov found?", "What is X?"
	if !c.passive && r0 < c.rest[1] && !speechVerbs[mainLemma] && toks[c.subj[0]].Tag != "EX" {
		if e := npExtEnd(toks, r0); e > r0 && e <= c.rest[1] && !pronouns[strings.ToLower(toks[r0].Text)] &&
			!(e < len(toks) && toks[e].Tag == "POS") { // "Russia" of "Russia's military" is no object
			t := d.npType(si, r0, e)
			key, alts := d.answerForms(si, r0, e)
			wh := "What"
			if t == ePerson && !c.copula {
				wh = "Who"
			}
			if t == eDate {
				add(candidate{prompt: d.inverted(c, "When", subj, d.restText(c, [2]int{r0, e})), answer: key, alts: alts, atype: eDate, template: "date.when", score: 0.84})
			} else if n := countNouns(toks, r0, e); n != "" {
				num, nalts := d.countAnswer(si, r0, e)
				add(candidate{prompt: d.inverted(c, "How many "+n, subj, d.restText(c, [2]int{r0, e})),
					answer: num, alts: append(nalts, key), atype: eNumber, template: "count.how_many", score: 0.85})
			} else {
				tmpl, score := "object."+strings.ToLower(wh), 0.7
				if c.copula {
					tmpl, score = "definition.what", 0.72
				}
				skip := [2]int{r0, e}
				if e < c.rest[1] && (toks[e].Tag == "WP" || toks[e].Tag == "WDT") {
					// "What was Marie Curie?", not "... who conducted pioneering
					// research?": the relative clause describes the key
					skip[1] = min(clauseEnd(toks, e+1), c.rest[1])
				}
				add(candidate{prompt: d.inverted(c, wh, subj, d.restText(c, skip)), answer: key, alts: alts, atype: t, template: tmpl, score: score})
			}
		}
	}
	// counts in the subject: "How many ARF members were arrested?"
	if n := countNouns(toks, c.subj[0], c.subj[1]); n != "" {
		num, nalts := d.countAnswer(si, c.subj[0], c.subj[1])
		add(candidate{prompt: question("How many "+n, d.verbGroup(c), d.restText(c)), answer: num, alts: nalts, atype: eNumber, template: "count.how_many", score: 0.85})
	}
	// existential: "There were three brotherhoods in the Armenian Church."
	if toks[c.subj[0]].Tag == "EX" && c.copula && r0 < c.rest[1] {
		if e := npExtEnd(toks, r0); e > r0 {
			if n := countNouns(toks, r0, e); n != "" {
				num, nalts := d.countAnswer(si, r0, e)
				add(candidate{prompt: question("How many "+n, strings.ToLower(toks[c.main].Text), "there", d.restText(c, [2]int{r0, e})),
					answer: num, alts: nalts, atype: eNumber, template: "count.how_many", score: 0.85})
			}
		}
	}
	// prepositional phrases: when, where, by whom
	asked := 0
	for k := c.rest[0]; k < c.rest[1]-1 && asked < 5; k++ {
		if toks[k].Tag != "IN" && toks[k].Tag != "TO" {
			continue
		}
		e := npExtEnd(toks, k+1)
		if e == k+1 || e > c.rest[1] {
			continue
		}
		t := d.npType(si, k+1, e)
		prep := strings.ToLower(toks[k].Text)
		if idioms[prep+" "+strings.ToLower(d.words(si, k+1, e))] {
			continue // "under control" asks for nothing
		}
		key, alts := d.answerForms(si, k+1, e)
		switch {
		case t == eDate:
			add(candidate{prompt: d.inverted(c, "When", subj, d.restText(c, [2]int{k, e})), answer: key, alts: alts, atype: eDate, template: "date.when", score: 0.84})
			asked++
		case t == ePlace && (prep == "in" || prep == "at" || prep == "near" || prep == "to" || prep == "into"):
			add(candidate{prompt: d.inverted(c, "Where", subj, d.restText(c, [2]int{k, e})), answer: key, alts: alts, atype: ePlace, template: "place.where", score: 0.8})
			asked++
		case hasSubordinate(toks, c.rest[0], c.rest[1]) && prep != "by",
			e < len(toks) && toks[e].Tag == "VBG" && prep != "by":
			// "What did farmers move because the soil was rich to?" and
			// "with the industry occupying ..." read badly stranded
		case k == r0 && prep != "by" && prep != "of" && prep != "than" && prep != "as" && prep != "because" && prep != "like" && prep != "that" && (t == eThing || t == ePerson || t == eOrg || t == ePlace):
			// stranded preposition, right after the verb: "What does the river flow into?"
			wh := "What"
			if t == ePerson {
				wh = "Who"
			}
			// the preposition stays by its verb: "What did Armstrong fly on
			// in July 1969?"
			add(candidate{prompt: d.inverted(c, wh, subj, prep+" "+d.restText(c, [2]int{k, e})), answer: key, alts: alts, atype: t, template: "pp." + prep, score: 0.6})
			asked++
		case prep == "by" && c.passive:
			wh := whWord(t)
			if wh == "When" {
				wh = "What"
			}
			if t == eOrg && (speechVerbs[mainLemma] || agentVerbs[mainLemma]) {
				wh = "Who" // "Who announced the discovery?": a body that speaks or acts
			}
			obj := d.inSentence(si, c.subj[0], c.subj[1])
			if o, ok := objectForm[strings.ToLower(obj)]; ok {
				obj = o // "Who founded them?", not "Who founded they?"
			}
			add(candidate{prompt: question(wh, pastTense(toks[c.main].Text), obj, d.restText(c, [2]int{k, e})), answer: key, alts: alts, atype: t, template: "agent." + strings.ToLower(wh), score: 0.82})
			asked++
		}
	}
	// "According to X, exports fell." -> "According to whom did exports fall?"
	if f := c.fronted[1]; f > 2 && strings.EqualFold(toks[c.fronted[0]].Text, "according") && !pronouns[strings.ToLower(toks[c.subj[0]].Text)] {
		if key, alts, t := d.frontedSource(c); key != "" {
			add(candidate{prompt: d.inverted(c, "According to whom", subj, d.restText(c)), answer: key, alts: alts, atype: t, template: "attribution.according_to", score: 0.85})
		}
	}
	// a time or place put first: "In 1045, masses of Armenians migrated to Cilicia."
	if f := c.fronted[1]; f > 1 && toks[0].Tag == "IN" && !strings.EqualFold(toks[0].Text, "according") {
		for k := 0; k < f-1; k++ {
			if toks[k].Tag != "IN" || subordinators[strings.ToLower(toks[k].Text)] {
				continue // "As Moscow turns to ..." is no place
			}
			e := npExtEnd(toks, k+1)
			if e == k+1 || e > f {
				continue
			}
			t := d.npType(si, k+1, e)
			if t != eDate && t != ePlace {
				continue
			}
			key, alts := d.answerForms(si, k+1, e)
			wh, tmpl := "When", "date.when"
			if t == ePlace {
				wh, tmpl = "Where", "place.where"
			}
			add(candidate{prompt: d.inverted(c, wh, subj, d.restText(c)), answer: key, alts: alts, atype: t, template: tmpl, score: 0.84})
			break
		}
	}
	return out
}

// countNouns returns the counted nouns of a phrase with a number in it
// ("brotherhoods" of "three brotherhoods"), or "" when it counts nothing.
func countNouns(toks []token, i, j int) string {
	for k := i; k < j; k++ {
		if toks[k].Tag == "CD" && !isYear(toks[k].Text) {
			e := k + 1
			for e < j && toks[e].Tag == "CD" {
				e++
			}
			b := npEnd(toks, e)
			if b > e && b <= j && toks[b-1].Tag == "NNS" {
				if b+1 < j && strings.EqualFold(toks[b].Text, "of") {
					if o := npEnd(toks, b+1); o > b+1 && o <= j && o-b <= 3 {
						b = o // "main types of volcano"
					}
				}
				var ws []string
				for x := e; x < b; x++ {
					ws = append(ws, toks[x].Text)
				}
				return strings.Join(ws, " ")
			}
			return ""
		}
	}
	return ""
}

// numberSubject asks for the number of a subject that counts or measures
// a share: it returns the question words, the key, other accepted forms and
// the template, or "" when the subject holds no number.
func (d *document) numberSubject(c *clause) (wh, key string, alts []string, tmpl string) {
	toks := c.s.Toks
	si := c.s.Index
	i, j := c.subj[0], c.subj[1]
	k := i
	for k < j && (toks[k].Tag == "RB" || toks[k].Tag == "JJR" || toks[k].Tag == "IN" && k+1 < j && toks[k+1].Tag == "CD" || toks[k].Text == "than") {
		k++ // "approximately", "more than", "about"
	}
	if k >= j || toks[k].Tag != "CD" || isYear(toks[k].Text) {
		return "", "", nil, ""
	}
	e := k + 1
	for e < j && toks[e].Tag == "CD" {
		e++
	}
	if strings.HasSuffix(toks[e-1].Text, "%") || e < j && (toks[e].Text == "%" || strings.EqualFold(toks[e].Text, "percent")) {
		if !strings.HasSuffix(toks[e-1].Text, "%") {
			e++
		}
		if e+1 < j && strings.EqualFold(toks[e].Text, "of") {
			return "What percentage of " + d.words(si, e+1, j),
				d.words(si, k, e), []string{d.words(si, i, e)}, "count.percentage"
		}
		return "", "", nil, ""
	}
	if n := countNouns(toks, k, j); n != "" && npEnd(toks, e) == j {
		num, nalts := d.countAnswer(si, i, j)
		return "How many " + n, num, nalts, "count.how_many"
	}
	return "", "", nil, ""
}

// countAnswer is the number of a counted phrase, with the whole phrase as
// another accepted answer.
func (d *document) countAnswer(si, i, j int) (string, []string) {
	toks := d.sents[si].Toks
	for k := i; k < j; k++ {
		if toks[k].Tag == "CD" {
			e := k + 1
			for e < j && toks[e].Tag == "CD" {
				e++
			}
			s := k
			for s > i && (toks[s-1].Tag == "JJR" || toks[s-1].Tag == "RB" || toks[s-1].Text == "than") {
				s--
			}
			key := d.words(si, s, e)
			return key, append(numberForms(d.words(si, k, e)), d.words(si, i, j))
		}
	}
	return "", nil
}

// numberForms are the other ways a student may type a count: "4000" for
// "4,000", "3" for "three" and "three" for "3".
func numberForms(n string) []string {
	var out []string
	if plain := strings.ReplaceAll(n, ",", ""); plain != n && strings.Trim(plain, "0123456789") == "" {
		out = append(out, plain)
	}
	low := strings.ToLower(n)
	for i, w := range smallNumbers {
		switch low {
		case w:
			out = append(out, strconv.Itoa(i))
		case strconv.Itoa(i):
			out = append(out, w)
		}
	}
	return out
}

var smallNumbers = strings.Fields("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty")

// quotedContent is the quotation that follows the verb of c, as reported
// speech: `stated, "The ... confirmed."` -> "the ... confirmed".
func (d *document) quotedContent(c *clause) string {
	toks := c.s.Toks
	for k := c.rest[1]; k < len(toks) && k <= c.rest[1]+1; k++ {
		if toks[k].Tag == "``" {
			e := k + 1
			for e < len(toks) && toks[e].Tag != "``" {
				e++
			}
			if e-k > 3 {
				return d.reported(c.s.Index, k+1, e)
			}
		}
	}
	return ""
}

// hasSubordinate reports whether a clause's rest holds a clause of its own.
func hasSubordinate(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		w := strings.ToLower(toks[k].Text)
		if (toks[k].Tag == "IN" && (subordinators[w] || w == "that")) || toks[k].Tag == "WDT" || toks[k].Tag == "WP" {
			return true
		}
	}
	return false
}

var negative = set("neither none no nothing nobody never few")

// idioms are prepositional phrases that name no thing to ask about.
var idioms = phraseSet("under control", "in fact", "in addition", "in particular", "at least", "at most", "in order",
	"on average", "in general", "at first", "at last", "in part", "in turn", "by far", "for example", "for instance",
	"in practice", "in theory", "at times", "in time", "on time", "at all", "in total", "in effect", "of course",
	"in response", "in place", "in power", "in charge", "at risk", "in common", "on board", "at once", "in public")

func phraseSet(ps ...string) map[string]bool {
	m := make(map[string]bool, len(ps))
	for _, p := range ps {
		m[p] = true
	}
	return m
}

// hasCoordinatedVerb reports whether [i,j) holds "and" or "or" before a
// verb, adverbs skipped.
func hasCoordinatedVerb(toks []token, i, j int) bool {
	for k := i; k+1 < j; k++ {
		if toks[k].Tag != "CC" {
			continue
		}
		n := k + 1
		for n+1 < j && toks[n].Tag == "RB" {
			n++
		}
		if isVerbTag(toks[n].Tag) || toks[n].Tag == "NN" && n > k+1 {
			return true
		}
	}
	return false
}

// singular agrees a verb group with "What", which takes the singular: "are"
// is "is", "happen" is "happens".
func singular(vg string, presentPlural bool) string {
	f := strings.Fields(vg)
	if len(f) == 0 {
		return vg
	}
	switch w := f[0]; {
	case w == "are":
		f[0] = "is"
	case w == "were":
		f[0] = "was"
	case len(f) == 1 && presentPlural && plainVerb(w):
		switch {
		case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "o"):
			f[0] = w + "es"
		case strings.HasSuffix(w, "y") && len(w) > 2 && !isVowel(w[len(w)-2]):
			f[0] = w[:len(w)-1] + "ies"
		default:
			f[0] = w + "s"
		}
	}
	return strings.Join(f, " ")
}

// plainVerb reports whether w, tagged as a plural present, looks like one
// ("happen", "form"), not a form that already agrees.
func plainVerb(w string) bool {
	return len(w) > 2 && !strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "s") && !auxVerbs[w]
}

var auxVerbs = set("can could will would may might must shall should did had")

// objectForm is the form a subject pronoun takes as an object.
var objectForm = map[string]string{"i": "me", "he": "him", "she": "her", "we": "us", "they": "them"}
