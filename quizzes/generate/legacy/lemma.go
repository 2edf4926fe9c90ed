package legacy

import "strings"

// irregular maps past tenses and participles of common irregular verbs to
// their base form; do-support ("When did X found ...?") needs the base.
var irregular = map[string]string{}

// pastOf maps a participle to the simple past where they differ, to turn a
// passive "was written by X" into "Who wrote ...?".
var pastOf = map[string]string{}

func init() {
	// base past participle
	for _, l := range strings.Split(`be was been|become became become|begin began begun|break broke broken|bring brought brought|build built built|buy bought bought|catch caught caught|choose chose chosen|come came come|cost cost cost|cut cut cut|deal dealt dealt|do did done|draw drew drawn|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|feel felt felt|fight fought fought|find found found|fly flew flown|forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|give gave given|go went gone|grow grew grown|hang hung hung|have had had|hear heard heard|hide hid hidden|hit hit hit|hold held held|hurt hurt hurt|keep kept kept|know knew known|lay laid laid|lead led led|leave left left|lend lent lent|let let let|lie lay lain|lose lost lost|make made made|mean meant meant|meet met met|pay paid paid|put put put|quit quit quit|read read read|ride rode ridden|ring rang rung|rise rose risen|run ran run|say said said|see saw seen|seek sought sought|sell sold sold|send sent sent|set set set|shake shook shaken|shine shone shone|shoot shot shot|show showed shown|shut shut shut|sing sang sung|sink sank sunk|sit sat sat|sleep slept slept|speak spoke spoken|spend spent spent|split split split|spread spread spread|stand stood stood|steal stole stolen|stick stuck stuck|strike struck struck|swear swore sworn|sweep swept swept|swim swam swum|take took taken|teach taught taught|tear tore torn|tell told told|think thought thought|throw threw thrown|understand understood understood|wake woke woken|wear wore worn|win won won|withdraw withdrew withdrawn|write wrote written|arise arose arisen|bear bore born|beat beat beaten|bend bent bent|bet bet bet|bind bound bound|bite bit bitten|blow blew blown|breed bred bred|burn burnt burnt|cast cast cast|cling clung clung|dig dug dug|feed fed fed|flee fled fled|forecast forecast forecast|foresee foresaw foreseen|lead led led|light lit lit|overcome overcame overcome|overtake overtook overtaken|overthrow overthrew overthrown|prove proved proven|rebuild rebuilt rebuilt|shrink shrank shrunk|slay slew slain|spin spun spun|spring sprang sprung|sting stung stung|stride strode stridden|strive strove striven|undergo underwent undergone|undertake undertook undertaken|uphold upheld upheld|weave wove woven|wind wound wound|wring wrung wrung`, "|") {
		f := strings.Fields(l)
		irregular[f[1]] = f[0]
		irregular[f[2]] = f[0]
		if f[1] != f[2] {
			pastOf[f[2]] = f[1]
		}
	}
	irregular["born"] = "bear"
	irregular["founded"] = "found" // not the past of "find"
}

// lemma returns the base form of a verb given its Penn tag.
func lemma(word, tag string) string {
	w := strings.ToLower(word)
	switch w {
	case "is", "are", "was", "were", "am", "been", "being", "'s", "'re":
		return "be"
	case "has", "had", "having":
		return "have"
	case "does", "did", "done":
		return "do"
	}
	if b, ok := irregular[w]; ok && (tag == "VBD" || tag == "VBN") {
		return b
	}
	switch {
	case tag == "VBZ" || tag == "NNS":
		return baseOfS(w)
	case tag == "VBD" || tag == "VBN":
		return baseOfEd(w)
	case tag == "VBG" && strings.HasSuffix(w, "ing") && len(w) > 5:
		stem := w[:len(w)-3]
		if u := undouble(stem); u != stem {
			return u
		}
		return restoreE(stem)
	}
	return w
}

func baseOfS(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "ches"), strings.HasSuffix(w, "shes"),
		strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "oes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
		return w[:len(w)-1]
	}
	return w
}

func baseOfEd(w string) string {
	switch {
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "eed") || !strings.HasSuffix(w, "ed") || len(w) < 4:
		return w
	case strings.HasSuffix(w, "ed"):
		stem := w[:len(w)-2]
		if u := undouble(stem); u != stem {
			return u
		}
		if len(stem) == 2 { // died, tied, lied
			return stem + "e"
		}
		return restoreE(stem)
	}
	return w
}

// undouble turns "stopp" into "stop" but keeps "call", "pass" and "buzz".
func undouble(s string) string {
	n := len(s)
	if n >= 4 && s[n-1] == s[n-2] && !strings.ContainsRune("lsaeiouz", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}

// eEndings are stem endings after which a dropped final e comes back
// ("creat" -> "create", "produc" -> "produce"), learned from common verbs.
var eEndings = []string{"at", "iz", "is", "ys", "bl", "pl", "tl", "dl", "gl", "kl", "cl", "zl",
	"v", "c", "u", "ib", "ur", "ir", "ar", "or", "id", "ud", "od", "ag", "eg", "dg", "rg", "ng", "as", "us", "ut", "it", "ot", "ut", "ab", "ad",
	"in", "um", "os", "ok", "ak", "ik", "ap"}

// eKeepEndings are stem endings among those that take no e: "remain",
// "join", "look", "speak", "leap".
var eKeepEndings = []string{"ain", "oin", "ein", "uin", "uum", "ook", "eak", "oak", "eap", "oap"}

// eKeep are stems on those endings that take no e.
var eKeep = set("visit edit exhibit limit inherit credit profit deposit audit vomit edit inhibit solicit merit " +
	"appear clear fear hear near gear wear bear tear rear focus bless press discuss " +
	"belong bring long hang ring sing sting swing wrong string " +
	"avoid raid fold hold mould scold " +
	"repeat treat defeat heat beat seat cheat eat float boat coat goat rot plot spot " +
	"occur prefer refer transfer confer defer deter infer incur recur blur stir " +
	"pour tour honour favour labour colour harbour pour " +
	"attack walk talk look work park mark " +
	"combat format chat gossip " +
	"abandon fasten happen open listen " +
	"abut shut put " +
	"bar car scar war " +
	"govern return turn burn learn earn concern " +
	"rid kid bid " +
	"drag flag lag tag wag beg peg " +
	"sigh weigh")

func restoreE(stem string) string {
	if eKeep[stem] || len(stem) < 2 {
		return stem
	}
	for _, e := range eKeepEndings {
		if strings.HasSuffix(stem, e) {
			return stem
		}
	}
	for _, e := range eEndings {
		if strings.HasSuffix(stem, e) {
			if (e == "ar" && strings.HasSuffix(stem, "ear")) || (e == "ad" && (strings.HasSuffix(stem, "ead") || strings.HasSuffix(stem, "oad"))) {
				return stem
			}
			if e == "ng" && (strings.HasSuffix(stem, "ong") || strings.HasSuffix(stem, "ing")) {
				return stem
			}
			return stem + "e"
		}
	}
	// consonant-vowel-consonant stems of one syllable: hop(e)d, vot(e)d
	if len(stem) == 3 && !isVowel(stem[0]) && isVowel(stem[1]) && !isVowel(stem[2]) && !strings.ContainsRune("wxy", rune(stem[2])) {
		return stem + "e"
	}
	return stem
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// pastTense is the simple past of a participle: "written" -> "wrote".
func pastTense(participle string) string {
	w := strings.ToLower(participle)
	if p, ok := pastOf[w]; ok {
		return p
	}
	return w
}
