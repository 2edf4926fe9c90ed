package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// etype is what a phrase names; it picks the wh-word and the wrong choices.
type etype int

const (
	eThing etype = iota
	ePerson
	ePlace
	eOrg
	eDate
	eNumber
	eNationality
)

func (t etype) String() string {
	return [...]string{"thing", "person", "place", "organisation", "date", "number", "nationality"}[t]
}

// mention is a name found in a sentence: a span of tokens [I,J), its type and,
// for a surname or a reference such as "the spy agency", the full name it
// stands for.
type mention struct {
	Sent, I, J int
	Type       etype
	Text       string
	Full       string
}

func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isInitial(toks []token, k int) bool {
	return k+1 < len(toks) && len(toks[k].Text) == 1 && isCap(toks[k].Text) && toks[k+1].Text == "." && k+2 < len(toks) && isCap(toks[k+2].Text)
}

// names finds the capitalised runs of a sentence: "Alexander J. Motyl",
// "Rutgers University-Newark", "The Hill", "University of Oxford". prose's
// entity labels only help to type them.
func names(s *sentence, text string) []mention {
	toks := s.Toks
	var out []mention
	for i := 0; i < len(toks); {
		if !startsName(toks, i) {
			i++
			continue
		}
		j := i
		for j < len(toks) {
			switch {
			case isInitial(toks, j):
				j += 2
				continue
			case isCap(toks[j].Text) && toks[j].Tag != "POS" && (isNameTag(toks[j].Tag) || j > i || toks[j].Text == "The"):
				j++
				continue
			case (toks[j].Text == "of" || toks[j].Text == "de" || toks[j].Text == "von" || toks[j].Text == "van") &&
				j+1 < len(toks) && isCap(toks[j+1].Text) && j > i:
				j++
				continue
			case toks[j].Text == "the" && j > i && toks[j-1].Text == "of" && j+1 < len(toks) && isCap(toks[j+1].Text):
				j++
				continue
			}
			break
		}
		for j > i && !isCap(toks[j-1].Text) {
			j--
		}
		if j > i && j+1 < len(toks) && toks[j].Tag == "POS" && isCap(toks[j+1].Text) && namedPlaceWord(toks[j+1].Text) {
			j += 2 // "St Paul's Cathedral", "Queen's College": one name
			for j < len(toks) && isCap(toks[j].Text) && isNameTag(toks[j].Tag) {
				j++
			}
		}
		if j > i && j < len(toks) && toks[j].Tag == "CD" && !isYear(toks[j].Text) && !months[toks[j-1].Text] &&
			(j+1 == len(toks) || !isNounTag(toks[j+1].Tag)) && !strings.ContainsAny(toks[j].Text, ",%") {
			j++ // "Windows 10", "Apollo 11", "Windows 8.1"
		}
		if j-i >= 3 && personTitles[strings.ToLower(strings.TrimSuffix(toks[i].Text, "."))] {
			i++ // "President Vladimir Putin" is Vladimir Putin; the title stays before him
		}
		if j > i {
			m := mention{Sent: s.Index, I: i, J: j, Text: spanText(text, toks, i, j)}
			m.Type = nameType(toks, i, j, m.Text)
			if e := possessiveOrg(toks, j); e > j {
				// "South Korea's intelligence service" is an organisation
				j = e
				m.J, m.Type, m.Text = e, eOrg, spanText(text, toks, i, e)
			}
			out = append(out, m)
		}
		if j <= i {
			j = i + 1
		}
		i = j
	}
	return out
}

func isNameTag(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// startsName: a capital that is not just the first word of the sentence.
func startsName(toks []token, i int) bool {
	w := toks[i].Text
	if !isCap(w) || toks[i].Tag == "POS" {
		return false
	}
	if w == "I" {
		return false
	}
	if i == 0 || toks[i-1].Tag == "``" || toks[i-1].Text == "(" || toks[i-1].Tag == ":" {
		if notNames[strings.ToLower(w)] && !(w == "The" && i+1 < len(toks) && isCap(toks[i+1].Text) && outlets["The "+toks[i+1].Text]) {
			return false
		}
		return isNameTag(toks[i].Tag) || (i+1 < len(toks) && isCap(toks[i+1].Text) && isNameTag(toks[i+1].Tag))
	}
	if w == "The" && !(i+1 < len(toks) && isCap(toks[i+1].Text)) {
		return false
	}
	return true
}

// nameType decides between person, place, organisation and the rest.
func nameType(toks []token, i, j int, text string) etype {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) == 0 {
		return eThing
	}
	for _, w := range words {
		if orgWords[w] {
			return eOrg
		}
	}
	if outlets[text] {
		return eOrg
	}
	if j-i == 1 && len(text) >= 3 && len(text) <= 6 && strings.ToUpper(text) == text && strings.IndexFunc(text, func(r rune) bool { return r < 'A' || r > 'Z' }) < 0 && !countries[text] {
		return eOrg // "NASA", "UNESCO", "FIFA": an acronym names a body
	}
	if months[toks[i].Text] && j-i <= 3 {
		return eDate
	}
	if countries[text] || cities[text] {
		return ePlace
	}
	last := words[len(words)-1]
	if placeWords[last] || placeWords[words[0]] {
		return ePlace
	}
	allAdj := true
	for k := i; k < j; k++ {
		if toks[k].Tag != "JJ" && toks[k].Tag != "NNPS" && !strings.HasSuffix(toks[k].Text, "n") {
			allAdj = false
		}
	}
	if allAdj && (toks[j-1].Tag == "JJ" || strings.HasSuffix(toks[j-1].Text, "an") || strings.HasSuffix(toks[j-1].Text, "ese")) &&
		j < len(toks) && !isCap(toks[j].Text) {
		return eNationality
	}
	if notPersonWords[last] || notPersonWords[strings.TrimSuffix(last, "s")] || buildingWords[last] {
		return eThing // "James Webb Space Telescope" is named after a person
	}
	titles := true
	for _, w := range words {
		titles = titles && (personTitles[w] || roleNouns[w])
	}
	if titles {
		return eThing // "Lord Mayor" is an office; the person has a name
	}
	if firstNames[toks[i].Text] && j-i >= 2 {
		return ePerson
	}
	if i > 0 && personTitles[strings.ToLower(strings.TrimSuffix(toks[i-1].Text, "."))] {
		return ePerson
	}
	if personTitles[strings.ToLower(toks[i].Text)] && j-i >= 2 {
		return ePerson
	}
	if w := strings.ToLower(toks[i].Text); j-i >= 2 && len(w) > 6 && (strings.HasSuffix(w, "ean") || strings.HasSuffix(w, "ian") ||
		strings.HasSuffix(w, "ese") || strings.HasSuffix(w, "ish")) {
		return eThing // "Ecuadorean Andes", "Byzantine Empire": a people's adjective first is no person's name
	}
	if j-i >= 2 && j-i <= 3 && nameShaped(toks, i, j) && i > 0 && isNameTag(toks[i].Tag) {
		// two or three plain capitalised words in mid-sentence, none of them
		// a word that places, bodies or things are named with: most often a
		// person ("Gustave Eiffel")
		for k := i; k < j; k++ {
			if notPersonWords[strings.ToLower(toks[k].Text)] || countries[toks[k].Text] || cities[toks[k].Text] || months[toks[k].Text] {
				return eThing
			}
		}
		return ePerson
	}
	return eThing
}

// notPersonWords start or end names that are not people's.
var notPersonWords = set("new north south east west northern southern eastern western great greater upper lower " +
	"holy saint st. san santa old central national royal first second third grand little big united " +
	"windows microsoft google apple internet world war revolution age empire dynasty act law treaty " +
	"award prize cup games olympics festival day christmas easter bible gospel project program programme " +
	"system code language languages theory model plan road bridge tower hall castle cathedral airport station " +
	"telescope spacecraft satellite rover probe mission ship building memorial monument stadium prize medal")

// spanText is the sentence's own text of tokens [i,j), spacing kept.
func spanText(text string, toks []token, i, j int) string {
	if i >= j || j > len(toks) {
		return ""
	}
	return text[toks[i].Start:toks[j-1].End]
}

// npEnd returns the end of the base noun phrase that starts at token i (or i
// when none does): determiners, possessives, numbers, adjectives and nouns,
// ending on a noun or number. "South Korea's intelligence service" is one.
func npEnd(toks []token, i int) int {
	end := i
	k := i
	for k < len(toks) {
		t := toks[k]
		switch {
		case isNounTag(t.Tag) || t.Tag == "CD":
			k++
			end = k
			continue
		case t.Tag == "DT" || t.Tag == "PRP$" || t.Tag == "PDT":
			if k > i && end == k { // a determiner after a noun starts a new phrase
				return end
			}
			k++
			continue
		case t.Tag == "JJ" || t.Tag == "JJR" || t.Tag == "JJS" || t.Tag == "VBN" || t.Tag == "VBG" || t.Tag == "RBS":
			if (t.Tag == "VBN" || t.Tag == "VBG") && (k+1 >= len(toks) || !(isNounTag(toks[k+1].Tag) || toks[k+1].Tag == "JJ")) {
				return end
			}
			if (t.Tag == "VBN" || t.Tag == "VBG") && k == i {
				return end
			}
			k++
			continue
		case t.Tag == "POS" && end == k && k > i:
			k++
			continue
		case t.Text == "-" && end == k && k+1 < len(toks) && isNounTag(toks[k+1].Tag):
			k++
			continue
		case t.Tag == "$":
			k++
			continue
		case t.Tag == "," && end == k && k >= 2 && toks[k-1].Tag == "CD" && months[toks[k-2].Text] && k+1 < len(toks) && isYear(toks[k+1].Text):
			k++ // "November 30, 2006"
			continue
		}
		break
	}
	return end
}

// npExtEnd extends a base noun phrase over "of ..." and "and ..." chains:
// "the collapse of the Russian state".
func npExtEnd(toks []token, i int) int {
	end := npEnd(toks, i)
	if end == i {
		return i
	}
	for end+1 < len(toks) && (toks[end].Text == "of" || (toks[end].Text == "and" && sameKind(toks, end))) {
		e := npEnd(toks, end+1)
		if e == end+1 {
			break
		}
		end = e
	}
	return end
}

// sameKind: "and" joins two names or two plain nouns, not a name and a clause.
func sameKind(toks []token, k int) bool {
	return k > 0 && k+1 < len(toks) && isCap(toks[k-1].Text) == isCap(toks[k+1].Text)
}

func isNounTag(tag string) bool {
	return tag == "NN" || tag == "NNS" || tag == "NNP" || tag == "NNPS"
}

func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

func isFinite(tag string) bool { return tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD" }

// possessiveOrg returns the end of "'s <nouns>" after a name when the nouns
// end in an organisation word, else j.
func possessiveOrg(toks []token, j int) int {
	if j >= len(toks) || toks[j].Tag != "POS" {
		return j
	}
	e := j + 1
	for e < len(toks) && (toks[e].Tag == "NN" || toks[e].Tag == "JJ" || toks[e].Tag == "NNS") && !isCap(toks[e].Text) {
		e++
	}
	if e > j+1 && isNounTag(toks[e-1].Tag) && orgWords[strings.ToLower(toks[e-1].Text)] {
		return e
	}
	return j
}

// namedPlaceWord: a word that makes "X's <word>" a name of its own.
func namedPlaceWord(w string) bool {
	l := strings.ToLower(w)
	return placeWords[l] || orgWords[l] || buildingWords[l]
}

var buildingWords = set("cathedral abbey chapel temple mosque palace castle tower bridge hospital hall theatre theater " +
	"stadium gate market cross inn")

// nameShaped: a person's name is words like "Motyl" or initials like "J.",
// not "XP", "NT" or "7".
func nameShaped(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		w := toks[k].Text
		lower := false
		for _, r := range w {
			if unicode.IsDigit(r) {
				return false
			}
			lower = lower || unicode.IsLower(r)
		}
		if !lower && !(len(w) == 2 && w[1] == '.') {
			return false
		}
	}
	return true
}
