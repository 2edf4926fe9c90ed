package generate

import (
	"fmt"
	"sort"
	"strings"

	"quiztrainer/quizzes"
)

// wantChoices is how many wrong choices a multiple-choice question shows.
const wantChoices = 3

// choiceReach is how many phrases of the key's type, nearest first, are
// looked at for wrong choices: enough for any article, and a book is not
// read once per question.
const choiceReach = 500

// longKey is how many words a key may have and still be typed: a longer
// one nobody reproduces word for word, so it needs choices or is dropped.
const longKey = 4

// chooseKind gives each candidate its wrong choices and its kind: multiple
// choice when there are three plausible wrong choices of the key's fine
// type, a typed answer otherwise (with the forms a student would write),
// nothing when the key is too long to type and has no choices.
func (in *Input) chooseKind(c *Candidate) {
	if why := in.badKey(c); why != "" {
		c.rejected = why
		return
	}
	if c.Kind == quizzes.Cloze {
		c.Accepted = append(c.Accepted, in.acceptedAnswers(c)...)
		return
	}
	if c.Kind == quizzes.Matching || c.Kind == quizzes.TrueFalse || c.Kind == quizzes.Essay {
		return
	}
	if len(c.Distractors) == 0 {
		c.Distractors = in.wrongChoices(c)
	}
	if len(c.Distractors) >= wantChoices {
		c.Distractors = c.Distractors[:wantChoices]
		c.Kind = quizzes.MultipleChoice
		return
	}
	c.Distractors = nil
	if c.Alternative != nil {
		alt := c.Alternative
		*c = *alt
		in.chooseKind(c)
		return
	}
	c.Kind = quizzes.ShortAnswer
	in.withYear(c)
	c.Accepted = append(c.Accepted, in.acceptedAnswers(c)...)
	if !typeable(c) {
		// nobody writes it word for word and it has no choices
		c.rejected = "long-key"
	}
}

// typeable reports whether a student can write c's answer word for word:
// the key, or an accepted form, is of fewer than longKey words, and of at
// most two content words unless it is a name ("the North Atlantic
// Ocean") or a number or date. "the incredibly high mortality rate" is
// not, unless "mortality rate" is accepted too.
func typeable(c *Candidate) bool {
	for _, f := range append([]string{c.Key}, c.Accepted...) {
		if typeableForm(f) {
			return true
		}
	}
	return false
}

func typeableForm(f string) bool {
	if keyWords(f) >= longKey {
		return false
	}
	content, named := 0, true
	for _, w := range strings.Fields(f) {
		lw := strings.ToLower(w)
		if functionWords[lw] {
			continue
		}
		content++
		if !startsUpper(w) && !strings.ContainsAny(w, "0123456789") {
			named = false
		}
	}
	return named || content <= 2
}

// functionWords do not count as words a student must remember.
var functionWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "and": true, "in": true, "on": true, "to": true,
	"for": true, "with": true, "his": true, "her": true, "its": true, "their": true, "at": true, "by": true,
	// particles of names: "Ferdinand de Lesseps"
	"de": true, "da": true, "di": true, "du": true, "van": true, "von": true, "der": true, "den": true,
	"del": true, "la": true, "le": true, "bin": true, "ibn": true, "al": true, "y": true,
}

// keyWords counts a key's words without a leading article, which grading
// ignores.
func keyWords(k string) int {
	w := strings.Fields(k)
	if len(w) > 0 {
		switch strings.ToLower(w[0]) {
		case "a", "an", "the":
			return len(w) - 1
		}
	}
	return len(w)
}

// wrongChoices picks wrong choices from the text: phrases of the key's
// fine type that are not the key, its other mentions or part of it.
func (in *Input) wrongChoices(c *Candidate) []string {
	switch c.KeyType {
	case TPerson, TPlace, TOrg, TYear, TDate:
	default:
		return nil
	}
	if (c.KeyType == TPlace || c.KeyType == TOrg) && c.KeyPhrase != nil && !c.KeyPhrase.Named {
		return nil // "the Russian central bank" is no name to set beside names
	}
	key := quizzes.NormalizeAnswer(c.Key)
	seen := map[string]bool{key: true}
	chosen := &keySet{}
	keyWordSet := &keySet{keys: [][]string{keyWordsOf(key)}}
	prompt := promptWords(c.Prompt)
	// a key the text elsewhere names as a person ("MOI" of "Vice
	// President Daniel Arap MOI") takes only people beside it; a people
	// ("The Portuguese") only peoples
	personKey := c.KeyType == TPerson || in.personSurname(key)
	peopleKey := demonym(c.Key)
	var picked []string
	var out []string
	// the phrases of the key's type nearest the key's sentence first: they
	// fit the text's time and place best, and the search stops at three
	ofType := in.phrasesOfType(c.KeyType)
	at := sort.Search(len(ofType), func(i int) bool { return in.Phrases[ofType[i]].Sentence >= c.Sentence })
	for lo, hi, looked := at-1, at, 0; len(out) < wantChoices && (lo >= 0 || hi < len(ofType)) && looked < choiceReach; looked++ {
		var i int
		if hi < len(ofType) && (lo < 0 || in.Phrases[ofType[hi]].Sentence-c.Sentence <= c.Sentence-in.Phrases[ofType[lo]].Sentence) {
			i = ofType[hi]
			hi++
		} else {
			i = ofType[lo]
			lo--
		}
		p := &in.Phrases[i]
		if p.Pronoun || p.Unresolved || p.Conj {
			continue
		}
		s := &in.Doc.Sentences[p.Sentence]
		if rel := s.Tokens[p.Head].Rel; rel == "compound" || rel == "flat" {
			continue // "North" of "North Korean artillery"
		}
		if s.Tokens[p.Start].UPOS == "ADV" {
			continue // "only Tubman"
		}
		if p.Start > 0 && !s.Tokens[p.Start-1].SpaceAfter && strings.HasSuffix(s.Tokens[p.Start-1].Form, "-") ||
			p.Start > 1 && s.Tokens[p.Start-1].Form == "-" && !s.Tokens[p.Start-2].SpaceAfter {
			continue // "day France" of "present-day France"
		}
		if falseName(s.Tokens, p) {
			continue // "Wetter", a sentence's first word written large
		}
		if p.End < len(s.Tokens) && !s.Tokens[p.End-1].SpaceAfter && strings.HasPrefix(s.Tokens[p.End].Form, "-") {
			continue // "Karl Meyer" of "Karl Meyer-Lund"
		}
		if c.KeyType == TPerson || c.KeyType == TPlace || c.KeyType == TOrg {
			if !p.Named {
				continue
			}
			if c.KeyPhrase != nil && c.KeyPhrase.Chain >= 0 && p.Chain == c.KeyPhrase.Chain {
				continue
			}
			if c.KeyPhrase != nil && c.KeyPhrase.Entity != "" && p.Entity != c.KeyPhrase.Entity {
				continue // a sea beside a trade area
			}
		}
		if c.KeyType == TPlace && (in.placeKind(p.Text) != in.placeKind(c.Key) || demonym(p.Text)) {
			continue // a current or "Nordic" beside a trade area
		}
		if demonym(p.Text) != peopleKey {
			continue // "The Portuguese" beside a protectorate
		}
		if personKey && p.Type != TPerson && !in.personSurname(in.normalized(i)) {
			continue // "the Kenyan Supreme Court" beside a president
		}
		if c.KeyType == TOrg || c.KeyType == TPlace {
			if kindWord(p.Text) != kindWord(c.Key) {
				continue // "the UK" for "the East Africa Protectorate"
			}
		}
		if c.Template == "who.subject" && p.Type == TPerson && !in.actsInText(p) {
			continue // a mediator named only in passing, as winner of an election
		}
		if c.KeyType == TPerson && in.outOfTime(c, p) {
			continue // Jomo KENYATTA (1963-1978) for who won in 2022
		}
		if in.alsoDid(c, p) {
			continue // another who also won a second term
		}
		if in.sameByAbbreviation(in.normalized(i), key) || in.sameByAbbreviation(in.normalized(i), picked...) {
			continue // "KANU" beside "the ruling Kenya African National Union"
		}
		if c.KeyType == TPerson && !in.maybePerson(p) {
			continue // "Duria Antiquior", a painting
		}
		n := in.normalized(i)
		if n == "" || seen[n] || strings.Contains(" "+key+" ", " "+n+" ") || strings.Contains(" "+n+" ", " "+key+" ") {
			continue
		}
		if in.alias(n, key) {
			continue // "Araminta Ross (Harriet Tubman)": one person
		}
		if c.KeyType == TPerson && sharesWord(n, key) {
			continue // "Ben Ross" for "Araminta Ross" may be the same family, or person
		}
		if c.KeyType == TYear && !nearYear(p.Text, c.Key) {
			continue
		}
		if in.inPrompt(n, prompt, c.KeyType) {
			continue // a wrong choice the prompt names is no choice
		}
		if chosen.overlaps(n) || keyWordSet.overlaps(n) {
			continue // "Motyl" beside "Alexander J. Motyl"
		}
		chosen.add(n)
		seen[n] = true
		picked = append(picked, n)
		out = append(out, p.Text)
	}
	return out
}

// phrasesOfType indexes the Phrases of fine type t, in text order.
func (in *Input) phrasesOfType(t FineType) []int {
	if in.byType == nil {
		in.byType = map[FineType][]int{}
		for i := range in.Phrases {
			in.byType[in.Phrases[i].Type] = append(in.byType[in.Phrases[i].Type], i)
		}
	}
	return in.byType[t]
}

// promptWords are the prompt's words as grading folds them, a possessive's
// "'s" left off ("Harriet Tubman's slaveholder" names Harriet Tubman).
func promptWords(prompt string) string {
	r := strings.NewReplacer("'s ", " ", "’s ", " ", "'s?", "?", "’s?", "?")
	return " " + quizzes.NormalizeAnswer(r.Replace(prompt)) + " "
}

// inPrompt reports a choice the prompt names: the whole choice, a name of
// it (a person's surname), or another name of it the text gives.
func (in *Input) inPrompt(n, prompt string, t FineType) bool {
	if strings.Contains(prompt, " "+n+" ") {
		return true
	}
	if t == TPerson {
		for _, w := range strings.Fields(n) {
			if len(w) > 2 && strings.Contains(prompt, " "+w+" ") && !in.lists.stopWords[w] {
				return true // "Mrs. Mallard" for a question on her husband's friend
			}
		}
	}
	in.aliasTable()
	for _, other := range in.aliasOf[n] {
		if strings.Contains(prompt, " "+other+" ") {
			return true // "Araminta Ross" when the prompt names Harriet Tubman
		}
	}
	return false
}

// maybePerson reports whether a phrase typed a person may be one: the text
// does not call it "it" nor says it is a thing ("Duria Antiquior was the
// first pictorial representation ..."). An apposition ("Mary Anning, the
// professional fossil collector") and a noun of a doer ("a publicist")
// are a person's descriptions.
func (in *Input) maybePerson(p *Phrase) bool {
	if person, thing := in.chainPerson(p.Chain); thing && !person {
		return false
	}
	if in.things == nil {
		in.things = map[string]bool{}
		for _, f := range in.Facts {
			if f.Kind != Is || f.Marker == "appos" || f.Subject == nil || f.Object == nil {
				continue
			}
			for _, pair := range [2][2]*Phrase{{f.Subject, f.Object}, {f.Object, f.Subject}} {
				o := pair[1]
				if o.Named || o.Pronoun || o.Type == TPerson || o.Type == TUnsure || doerNoun(in.Doc.Sentences[o.Sentence].Tokens[o.Head].Lemma) {
					continue
				}
				in.things[in.normalizedText(pair[0].Text)] = true
			}
		}
	}
	return !in.things[in.normalizedText(p.Text)]
}

// normalizedText folds s as grading does, remembering the result.
func (in *Input) normalizedText(s string) string {
	if in.normCache == nil {
		in.normCache = map[string]string{}
	}
	n, ok := in.normCache[s]
	if !ok {
		n = quizzes.NormalizeAnswer(s)
		in.normCache[s] = n
	}
	return n
}

// alias reports two names the text gives one entity, side by side:
// "Araminta Ross (Harriet Tubman)", "Maramataka, the Māori lunar calendar".
// A name matches a shorter or longer form of itself ("Tubman").
func (in *Input) alias(a, b string) bool {
	in.aliasTable()
	for _, w := range edgeWords(a) {
		for _, k := range in.aliasByWord[w] {
			if (k[0] == a || sameName(k[0], a)) && (k[1] == b || sameName(k[1], b)) {
				return true
			}
		}
	}
	return false
}

// edgeWords are a name's first and last words: two names sameName
// matches share one of them.
func edgeWords(n string) []string {
	w := strings.Fields(n)
	if len(w) == 0 {
		return nil
	}
	if len(w) == 1 {
		return w[:1]
	}
	return []string{w[0], w[len(w)-1]}
}

// aliasTable holds the pairs of names the text gives one entity side by
// side, both ways, folded as grading folds them; aliasByWord indexes them
// by the first and last words of the first name, aliasesOf by the first
// name.
func (in *Input) aliasTable() map[[2]string]bool {
	if in.aliases == nil {
		in.aliases = map[[2]string]bool{}
		in.aliasByWord = map[string][][2]string{}
		in.aliasOf = map[string][]string{}
		for _, f := range in.Facts {
			if f.Kind == Is && f.Marker == "appos" && f.Subject != nil && f.Object != nil {
				x, y := in.normalizedText(f.Subject.Text), in.normalizedText(f.Object.Text)
				for _, k := range [][2]string{{x, y}, {y, x}} {
					if in.aliases[k] {
						continue
					}
					in.aliases[k] = true
					in.aliasOf[k[0]] = append(in.aliasOf[k[0]], k[1])
					for _, w := range edgeWords(k[0]) {
						in.aliasByWord[w] = append(in.aliasByWord[w], k)
					}
				}
			}
		}
	}
	return in.aliases
}

func sharesWord(a, b string) bool {
	for _, w := range strings.Fields(a) {
		for _, x := range strings.Fields(b) {
			if w == x && len(w) > 2 {
				return true
			}
		}
	}
	return false
}

// nearYear keeps wrong years within the text's period: at most 150 years
// from the key.
func nearYear(a, b string) bool {
	ya, yb := firstYear(a), firstYear(b)
	if ya == 0 || yb == 0 {
		return false
	}
	d := ya - yb
	return d < 150 && d > -150
}

func firstYear(s string) int {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		if isYear(w) {
			n := 0
			for _, r := range w {
				n = n*10 + int(r-'0')
			}
			return n
		}
	}
	return 0
}

// acceptedForms are a quantity's number in digits when the key has it in
// words (names and phrases: answers.go).
func acceptedForms(c *Candidate) []string {
	var out []string
	words := strings.Fields(c.Key)
	switch c.KeyType {
	case TQuantity:
		for i, w := range words {
			if d, ok := numberWords[strings.ToLower(w)]; ok {
				alt := append(append(append([]string{}, words[:i]...), d), words[i+1:]...)
				out = append(out, strings.Join(alt, " "))
			}
		}
	}
	return out
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
	"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
}

// doerNoun reports a noun that names someone by what they do: "publicist",
// "businessman", "painter", "collector", "historian".
func doerNoun(lemma string) bool {
	l := strings.ToLower(lemma)
	for _, suf := range []string{"er", "or", "ist", "man", "woman", "ian", "ant", "ent"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// placeKind is the kind of place a name's last word says ("the Gulf
// Stream": water), "" for a bare name ("Greenland").
func (in *Input) placeKind(name string) string {
	w := strings.Fields(strings.ToLower(name))
	if len(w) == 0 {
		return ""
	}
	return in.lists.placeKinds[w[len(w)-1]]
}

// demonym reports a one-word name of a people or language read as a
// place: "Nordic", "Icelandic", "British".
func demonym(name string) bool {
	if w := strings.Fields(name); len(w) == 2 && strings.EqualFold(w[0], "the") {
		name = w[1] // "The Portuguese"
	}
	if strings.Contains(name, " ") || !startsUpper(name) {
		return false
	}
	l := strings.ToLower(name)
	for _, suf := range []string{"ic", "ish", "ese", "ian", "ean"} {
		if strings.HasSuffix(l, suf) {
			return true
		}
	}
	return false
}

// kindWord is the kind of thing a name's last word says when that word
// is a common noun written large ("Protectorate" of "the East Africa
// Protectorate", "Coalition"), "" for a bare name ("Kenya", "the UK").
// Organisations of any kind are one kind.
func kindWord(name string) string {
	w := strings.Fields(name)
	if len(w) < 2 {
		return ""
	}
	last := strings.ToLower(strings.Trim(w[len(w)-1], "().,"))
	if strings.ToUpper(w[len(w)-1]) == w[len(w)-1] {
		return "" // "the UK", "KANU"
	}
	if orgKinds[last] {
		return "organisation"
	}
	if kindNouns[last] {
		return last
	}
	return ""
}

// orgKinds end names of organisations that may stand beside each other.
var orgKinds = map[string]bool{
	"party": true, "union": true, "coalition": true, "alliance": true, "movement": true, "front": true,
	"congress": true, "league": true, "council": true, "committee": true, "government": true,
	"company": true, "corporation": true, "society": true, "association": true, "agency": true,
}

// kindNouns end names of a kind that only its own kind may stand beside.
var kindNouns = map[string]bool{
	"protectorate": true, "colony": true, "republic": true, "kingdom": true, "empire": true,
	"treaty": true, "concession": true, "act": true, "agreement": true, "accord": true,
	"canal": true, "railroad": true, "railway": true, "court": true, "university": true,
	"ocean": true, "sea": true, "river": true, "lake": true, "mountain": true, "island": true,
}

// personSurname reports a name (folded) that the text gives as the last
// words of a person's name: "moi" of "Vice President Daniel Arap MOI".
func (in *Input) personSurname(n string) bool {
	if n == "" {
		return false
	}
	for _, p := range in.personNames() {
		if p == n || strings.HasSuffix(p, " "+n) {
			return true
		}
	}
	return false
}

// sameByAbbreviation reports a name that is another's abbreviation or
// long form in the text ("KANU", "the ruling Kenya African National
// Union"): one thing, not two choices.
func (in *Input) sameByAbbreviation(n string, others ...string) bool {
	for long, short := range in.abbreviations() {
		l, sh := quizzes.NormalizeAnswer(long), quizzes.NormalizeAnswer(short)
		for _, o := range others {
			if (n == sh || strings.Contains(" "+n+" ", " "+l+" ")) && (o == sh || strings.Contains(" "+o+" ", " "+l+" ")) {
				return true
			}
		}
	}
	return false
}

// alsoDid reports a wrong choice the text says also did what the prompt
// asks, when the prompt gives no year to tell them apart: the subject of
// another fact with the key fact's verb and object head ("KIBAKI won a
// second term" beside "KENYATTA won a second term").
func (in *Input) alsoDid(c *Candidate, p *Phrase) bool {
	f := c.Fact
	if f == nil || f.Subject == nil || c.KeyPhrase != f.Subject || firstYear(c.Prompt) != 0 {
		return false
	}
	lemma := strings.ToLower(in.Doc.Sentences[f.Sentence].Tokens[f.Pred].Lemma)
	obj := ""
	if f.Object != nil {
		obj = strings.ToLower(in.Doc.Sentences[f.Sentence].Tokens[f.Object.Head].Lemma)
	}
	n := in.normalizedText(p.Text)
	for i := range in.Facts {
		o := &in.Facts[i]
		if o == f || o.Kind != f.Kind || o.Subject == nil || o.Negated {
			continue
		}
		os := &in.Doc.Sentences[o.Sentence]
		if strings.ToLower(os.Tokens[o.Pred].Lemma) != lemma {
			continue
		}
		if obj != "" && (o.Object == nil || strings.ToLower(os.Tokens[o.Object.Head].Lemma) != obj) {
			continue
		}
		if o.Subject.Chain >= 0 && o.Subject.Chain == p.Chain || in.normalizedText(o.Subject.Text) == n || sameName(in.normalizedText(o.Subject.Text), n) {
			return true
		}
	}
	return false
}

// actsInText reports a person the text has do something: the subject of
// an active clause, under any of their names. A wrong choice for "Who
// did ...?" is taken from the text's actors, not from people named in
// passing ("mediation led by former UN Secretary General Kofi ANNAN").
func (in *Input) actsInText(p *Phrase) bool {
	if in.actors == nil {
		in.actors = map[string]bool{}
		for i := range in.Facts {
			f := &in.Facts[i]
			if f.Subject == nil || f.Passive || f.Kind != Event && f.Kind != Said {
				continue
			}
			in.actors[in.normalizedText(f.Subject.Text)] = true
			if f.Subject.Chain >= 0 {
				in.actors[fmt.Sprint("#", f.Subject.Chain)] = true
			}
		}
	}
	if p.Chain >= 0 && in.actors[fmt.Sprint("#", p.Chain)] {
		return true
	}
	n := in.normalizedText(p.Text)
	for a := range in.actors {
		if a == n || sameName(a, n) || in.alias(a, n) {
			return true
		}
	}
	return false
}

// outOfTime reports a person the text places only in years far from the
// key sentence's year: the founding president for an election sixty years
// after his death.
func (in *Input) outOfTime(c *Candidate, p *Phrase) bool {
	y := 0
	for _, t := range in.Doc.Sentences[c.Sentence].Tokens {
		if isYear(t.Form) {
			y = firstYear(t.Form)
			break
		}
	}
	if y == 0 {
		return false
	}
	n := in.normalizedText(p.Text)
	near, any := false, false
	for i := range in.Phrases {
		q := &in.Phrases[i]
		if !(p.Chain >= 0 && q.Chain == p.Chain || in.normalized(i) == n) {
			continue
		}
		for _, t := range in.Doc.Sentences[q.Sentence].Tokens {
			if isYear(t.Form) {
				any = true
				if d := firstYear(t.Form) - y; d < 25 && d > -25 {
					near = true
				}
			}
		}
	}
	return any && !near
}
