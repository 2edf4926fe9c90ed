package generate

import (
	"strings"
	"unicode"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// The answers a student may type for a key, besides the key itself: the
// same thing as the text names it elsewhere or in short. Each form comes
// from the analysis (the key's reference chain, its phrase's head, the
// text's other name for it); a form that could name something else of the
// text (a surname two people share, a head noun another phrase has with
// other modifiers) is left out. Folding case, accents, articles, number
// and date forms and spelling slips is grading's part (quizzes/answerform.go).

// titleWords come before a name and are not part of it: "President Woodrow
// Wilson" is also "Woodrow Wilson".
var titleWords = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "lady": true, "lord": true,
	"president": true, "secretary": true, "senator": true, "governor": true, "general": true, "captain": true,
	"king": true, "queen": true, "prince": true, "princess": true, "professor": true, "prof": true,
	"minister": true, "chancellor": true, "judge": true, "mayor": true, "saint": true, "st": true,
	"reverend": true, "rev": true, "colonel": true, "major": true, "lieutenant": true, "chief": true,
	"prime": true, "vice": true, "deputy": true, "senior": true, "aunt": true, "uncle": true,
	"premier": true, "lt": true, "gen": true, "col": true, "sgt": true, "gov": true, "sen": true,
	"rep": true, "adm": true, "capt": true, "pope": true, "bishop": true, "emperor": true,
	"empress": true, "duke": true, "duchess": true, "baron": true, "sheriff": true, "coach": true,
}

// genericPlaceWords end a name and may be left out: "the Labour Party" is
// "Labour", "the North Atlantic Ocean" is "the North Atlantic".
var genericPlaceWords = map[string]bool{
	"ocean": true, "sea": true, "river": true, "lake": true, "party": true, "mountains": true,
	"island": true, "islands": true, "desert": true, "bay": true, "gulf": true, "peninsula": true,
	"valley": true, "strait": true, "canal": true,
}

var compassWords = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true,
}

// acceptedAnswers returns the forms a student may type for c's key, the
// key's own form left out.
func (in *Input) acceptedAnswers(c *Candidate) []string {
	var forms []string
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && keyWords(s) > 0 {
			forms = append(forms, s)
		}
	}
	p := c.KeyPhrase
	if p != nil && p.Sentence < len(in.Doc.Sentences) && p.End <= len(in.Doc.Sentences[p.Sentence].Tokens) {
		if c.KeyType == TPerson {
			for _, f := range in.personForms(c.Key, p) {
				add(f)
			}
			if !p.Named && !p.Pronoun {
				// "her parents" is "parents", as "a two pound weight"
				// is "a weight"
				for _, f := range in.phraseForms(p) {
					add(f)
				}
			}
		} else {
			for _, f := range in.phraseForms(p) {
				add(f)
			}
		}
		if c.KeyType == TDate || c.KeyType == TYear || c.KeyType == TTime {
			add(in.dateCore(p))
		}
		if c.Kind != quizzes.Cloze {
			add(in.otherUnit(p))
		}
		// the phrase as the text writes it ("all his teeth", where the
		// key names whose teeth), and without its first quantifier
		for _, f := range in.surfaceForms(p) {
			add(f)
		}
	}
	for _, a := range in.namedAliases(c.Key, c.KeyType) {
		add(a)
		if c.KeyType == TPerson {
			for _, f := range in.nameForms(a, -1, true) {
				add(f)
			}
		}
	}
	if c.KeyPhrase != nil && c.KeyPhrase.Named {
		add(in.initialsInText(c.Key))
	}
	forms = append(forms, acceptedForms(c)...)
	// the key without its quantifier is the same thing: "Most water" is
	// water, "some inventions" inventions
	trusted := map[string]bool{}
	if w := strings.Fields(c.Key); len(w) >= 2 && in.lists.quantifierWords[strings.ToLower(w[0])] && !timeOrAmount(c.KeyType) {
		f := strings.Join(w[1:], " ")
		if strings.EqualFold(w[1], "of") && len(w) >= 3 {
			f = strings.Join(w[2:], " ") // "many of the patents"
		}
		forms = append(forms, f)
		trusted[in.normalizedText(f)] = true
	}
	// never a form that names another thing of the text, or the key again
	key := in.normalizedText(c.Key)
	seen := map[string]bool{key: true}
	var out []string
	for _, f := range forms {
		n := in.normalizedText(f)
		if n == "" || seen[n] || !trusted[n] && in.namesOther(n, c) {
			continue
		}
		seen[n] = true
		out = append(out, f)
	}
	return out
}

// personForms are a person's names: the full name of the key's chain when
// it is the key's name, the short names the text uses for the person, the
// name without a title, and the surname when no one else in the text has
// it.
func (in *Input) personForms(key string, p *Phrase) []string {
	var out []string
	person, _ := in.chainPerson(p.Chain)
	person = (person || p.Entity == nlp.Person || p.Pronoun) && in.maybePerson(p)
	if p.Named || p.Pronoun {
		out = append(out, in.nameForms(key, p.Chain, person)...)
	}
	if p.Named && !p.Pronoun {
		// the proper nouns around the head: "John Brown" of
		// "Abolitionist John Brown"
		toks := in.Doc.Sentences[p.Sentence].Tokens
		a, b := p.Head, p.Head+1
		for a > p.Start && toks[a-1].UPOS == "PROPN" {
			a--
		}
		for b < p.End && toks[b].UPOS == "PROPN" && (toks[b].Rel == "flat" || toks[b].Rel == "compound") {
			b++
		}
		if (a > p.Start || b < p.End) && (b-a >= 2 || epithetsOnly(toks, p.Start, a)) {
			if t, bad := in.render(p.Sentence, a, b, nil); !bad {
				out = append(out, t)
				out = append(out, in.nameForms(t, p.Chain, person)...)
				key = t // the chain's name is checked against the bare name
			}
		}
	}
	if p.Chain < 0 || p.Chain >= len(in.Doc.Chains) {
		return out
	}
	ch := &in.Doc.Chains[p.Chain]
	full := ch.Name
	if !personName(full) {
		// "the Eiffel Tower" in the chain of "Eiffel": a thing's name
		return out
	}
	if full == "" || p.Named && !strings.Contains(full, nameOnly(key)) && !strings.Contains(key, full) {
		// the chain joined another person ("Brently Mallard" with
		// "Mrs. Mallard"): trust only the key
		return out
	}
	out = append(out, full)
	out = append(out, in.nameForms(full, p.Chain, person || ch.Type == nlp.Person)...)
	// the short names the text itself uses: "Xi" of "Xi Jinping"
	if in.shortNames == nil {
		in.shortNames = map[int][]string{}
	}
	short, ok := in.shortNames[p.Chain]
	if !ok {
		seen := map[string]bool{}
		for _, mi := range ch.Mentions {
			m := &in.Doc.Mentions[mi]
			if !m.Named || m.Pronoun || m.End-m.Start != 1 {
				continue
			}
			w := in.Doc.Sentences[m.Sentence].Tokens[m.Start].Form
			if !seen[w] && strings.Contains(" "+full+" ", " "+w+" ") && len(w) > 2 && in.surnameUnique(full, w) {
				seen[w] = true
				short = append(short, w)
			}
		}
		in.shortNames[p.Chain] = short
	}
	out = append(out, short...)
	// the chain's other names that end as the key does: "Old Sultan" and
	// "old Sultan" for "Poor Sultan"
	kw := strings.Fields(nameOnly(key))
	if len(kw) == 0 {
		return out
	}
	last := strings.ToLower(kw[len(kw)-1])
	for _, mi := range ch.Mentions {
		m := &in.Doc.Mentions[mi]
		if !m.Named || m.Pronoun || m.End-m.Start < 2 || m.End-m.Start > 3 {
			continue
		}
		toks := in.Doc.Sentences[m.Sentence].Tokens
		if strings.ToLower(toks[m.End-1].Form) != last || !epithetsOnly(toks, m.Start, m.End-1) && toks[m.Start].UPOS != "PROPN" {
			continue
		}
		if t, bad := in.render(m.Sentence, m.Start, m.End, nil); !bad {
			out = append(out, t)
		}
	}
	return out
}

// epithetWords may stand before a name in a story and are not part of
// it: "Poor Sultan", "old Sultan", "little Hans".
var epithetWords = map[string]bool{
	"poor": true, "old": true, "little": true, "young": true, "dear": true, "good": true,
	"brave": true, "wicked": true, "faithful": true, "wise": true, "clever": true, "big": true,
}

// epithetsOnly reports tokens [a, b) that are describing words before a
// name ("Poor" of "Poor Sultan", "old" of "old Tubman"): a student names
// the person without them.
func epithetsOnly(toks []nlp.Token, a, b int) bool {
	if a >= b {
		return false
	}
	for i := a; i < b; i++ {
		if toks[i].UPOS != "ADJ" && toks[i].UPOS != "DET" {
			return false
		}
	}
	return true
}

// personName reports whether a chain's name may be a person's: not a "the"
// phrase and not ending in a word of places or organisations ("the Eiffel
// Tower", "Eiffel Tower").
func personName(full string) bool {
	w := strings.Fields(strings.ToLower(full))
	if len(w) == 0 {
		return true
	}
	if w[0] == "the" {
		return false
	}
	last := w[len(w)-1]
	return !thingNameWords[last] && !genericPlaceWords[last]
}

// thingNameWords end names of things, never of people.
var thingNameWords = map[string]bool{
	"tower": true, "canal": true, "bridge": true, "building": true, "railroad": true, "railway": true,
	"company": true, "university": true, "college": true, "school": true, "church": true, "park": true,
	"street": true, "road": true, "museum": true, "hospital": true, "station": true, "airport": true,
	"society": true, "union": true, "court": true, "council": true, "government": true, "treaty": true,
	"concession": true, "act": true, "prize": true, "award": true, "cathedral": true,
}

// surfaceForms are the key phrase as the text writes it, pronouns and
// all ("all his teeth"), and without a leading quantifier ("his teeth"),
// when they differ from the key.
func (in *Input) surfaceForms(p *Phrase) []string {
	s := &in.Doc.Sentences[p.Sentence]
	if p.Start < 0 || p.End > len(s.Tokens) || p.Start >= p.End {
		return nil
	}
	pron := false
	for i := p.Start; i < p.End; i++ {
		pron = pron || s.Tokens[i].XPOS == "PRP$"
	}
	if !pron {
		return nil
	}
	from, to := s.Tokens[p.Start].Start, s.Tokens[p.End-1].End
	if from < 0 || to > len(in.Doc.Text) || from >= to {
		return nil
	}
	t := cleanSpaces(in.Doc.Text[from:to])
	out := []string{t}
	if w := strings.Fields(t); len(w) > 2 {
		switch strings.ToLower(w[0]) {
		case "all", "both", "some", "many", "most":
			out = append(out, strings.Join(w[1:], " "))
		}
	}
	return out
}

// nameOnly is a name without the titles before it: "New Zealand Prime
// Minister Jacinda Ardern" is "Jacinda Ardern", "Mrs. Mallard" is
// "Mallard".
func nameOnly(name string) string {
	name = strings.TrimSuffix(strings.TrimSuffix(name, "'s"), "’s")
	w := strings.Fields(name)
	last := -1
	title := false
	for i := 0; i < len(w)-1; i++ {
		if w[i] == "of" && !title && i > 0 {
			// "Adam Hurd of Redondo Beach": the name, then where the
			// person is from
			w = w[:i]
			break
		}
		if titleWords[strings.ToLower(strings.TrimSuffix(w[i], "."))] {
			title = true
			last = i
		} else if w[i] == "of" || w[i] == "the" {
			last = i
		}
	}
	w = w[last+1:]
	// "Interior Franklin K. Lane": "of the Interior" before the name
	if last >= 0 && len(w) > 2 && !isInitial(w[1]) && len(w) > 3 {
		w = w[1:]
	}
	return strings.Join(w, " ")
}

// chainAt is the reference chain of the mention headed by token i of
// sentence si, -1 for none.
func (in *Input) chainAt(si, i int) int {
	if m := in.mentionAt(si, i); m >= 0 {
		return in.Doc.Mentions[m].Chain
	}
	return -1
}

// usedAlone reports whether the text names someone by first alone, not
// followed by next: "Xi's addresses" of "Xi Jinping".
func (in *Input) usedAlone(first, next string, chain int) bool {
	if chain < 0 {
		return false
	}
	if in.propnAt == nil {
		in.propnAt = map[string][][2]int{}
		for si := range in.Doc.Sentences {
			for i, t := range in.Doc.Sentences[si].Tokens {
				if t.UPOS == "PROPN" {
					in.propnAt[t.Form] = append(in.propnAt[t.Form], [2]int{si, i})
				}
			}
		}
	}
	for _, at := range in.propnAt[first] {
		toks := in.Doc.Sentences[at[0]].Tokens
		i := at[1]
		if (i+1 >= len(toks) || toks[i+1].Form != next) && (i == 0 || toks[i-1].UPOS != "PROPN") && in.chainAt(at[0], i) == chain {
			return true
		}
	}
	return false
}

func isInitial(w string) bool {
	return len([]rune(w)) == 1 || strings.HasSuffix(w, ".") && len(w) <= 3
}

// nameForms are the shorter names of a full name: without a title, first
// and last name without middle initials, the surname alone when the text
// names nobody else so.
func (in *Input) nameForms(name string, chain int, person bool) []string {
	n := nameOnly(name)
	w := strings.Fields(n)
	if len(w) == 0 {
		return nil
	}
	out := []string{n}
	if len(w) >= 2 && epithetWords[strings.ToLower(w[0])] {
		// "Poor Sultan" is "Sultan"
		w = w[1:]
		n = strings.Join(w, " ")
		out = append(out, n)
	}
	if len(w) == 3 && isInitial(w[1]) {
		out = append(out, w[0]+" "+w[2])
	}
	if len(w) < 2 {
		return out
	}
	surname := w[len(w)-1]
	if in.usedAlone(w[0], w[1], chain) {
		surname = w[0] // "Xi Jinping" is "Xi" when the text says so
	}
	if person && !isInitial(surname) && in.surnameUnique(n, surname) {
		out = append(out, surname)
	}
	return out
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// surnameUnique reports whether only one person of the text (full, or
// names of one person) ends in surname: "Ross" is not Araminta Ross's when
// Ben Ross is in the text too.
func (in *Input) surnameUnique(full, surname string) bool {
	ls := strings.ToLower(surname)
	lf := strings.ToLower(full)
	for _, n := range in.personNames() {
		w := strings.Fields(strings.ToLower(n))
		if len(w) < 2 || w[len(w)-1] != ls {
			continue
		}
		if strings.HasSuffix(lf, n) || strings.HasSuffix(strings.ToLower(n), lf) {
			continue
		}
		if in.alias(in.normalizedText(n), in.normalizedText(full)) {
			continue
		}
		return false
	}
	return true
}

// personNames lists the names of the text's named people, lower case.
func (in *Input) personNames() []string {
	if in.people != nil {
		return in.people
	}
	seen := map[string]bool{}
	in.people = []string{}
	for i := range in.Phrases {
		p := &in.Phrases[i]
		if !p.Named || p.Type != TPerson {
			continue
		}
		names := []string{p.Text}
		if p.Chain >= 0 && in.Doc.Chains[p.Chain].Name != "" {
			names = append(names, in.Doc.Chains[p.Chain].Name)
		}
		for _, n := range names {
			w := strings.Fields(strings.TrimSuffix(strings.TrimSuffix(n, "'s"), "’s"))
			i := len(w)
			for i > 0 && startsUpper(w[i-1]) {
				i--
			}
			n = strings.ToLower(strings.Join(w[i:], " "))
			if n == "" {
				continue
			}
			if !seen[n] {
				seen[n] = true
				in.people = append(in.people, n)
			}
		}
	}
	return in.people
}

// phraseForms are a phrase's shorter forms: without its possessor and
// describing words ("the heavier hail" is "hail", "Ardern's Labour Party"
// is "Labour Party"), a name without its generic last word or compass word
// ("the North Atlantic Ocean" is "the North Atlantic", "Atlantic Ocean").
func (in *Input) phraseForms(p *Phrase) []string {
	s := &in.Doc.Sentences[p.Sentence]
	if p.Pronoun || p.Start < 0 || p.End > len(s.Tokens) || p.Head < p.Start || p.Head >= p.End {
		return nil
	}
	drop := make([]bool, len(s.Tokens))
	var out []string
	render := func() string {
		t, bad := in.render(p.Sentence, p.Start, p.End, drop)
		if bad {
			return ""
		}
		return t
	}
	// the possessor and determiners; of a name not a plural possessor
	// ("Ardern's Labour Party", not "the Soldiers' National Cemetery")
	for i := p.Start; i < p.Head; i++ {
		if s.Tokens[i].Head != p.Head {
			continue
		}
		if s.Tokens[i].Rel == "nmod:poss" && (!p.Named || !pluralPossessor(s, i)) || s.Tokens[i].Rel == "det" && i == p.Start {
			for j, in := range subtree(s, i, nil) {
				if in {
					drop[j] = true
				}
			}
		}
	}
	out = append(out, render())
	if p.Type != TQuantity && p.Type != TDate && p.Type != TYear {
		// describing words, one at a time from the left: "medieval
		// Icelandic sagas", "Icelandic sagas", "sagas"; of a name only
		// the words written small ("the medieval Icelandic Sagas")
		for i := p.Start; i < p.Head; i++ {
			t := &s.Tokens[i]
			if t.Head == p.Head && (t.Rel == "amod" || t.Rel == "advmod") && !drop[i] && !(p.Named && startsUpper(t.Form)) {
				for j, in := range subtree(s, i, nil) {
					if in {
						drop[j] = true
					}
				}
				if r := render(); !in.lists.generalHeads[strings.ToLower(r)] && !in.lists.vagueKeys[strings.ToLower(r)] {
					out = append(out, r)
				}
			}
		}
	}
	if !p.Named && p.Type == TThing && p.Head == p.End-1 && p.Head > p.Start && s.Tokens[p.Head].UPOS == "NOUN" {
		// the head noun alone when only words before it describe it: "a
		// two pound weight" is "a weight"
		h := s.Tokens[p.Head].Form
		if !in.lists.generalHeads[strings.ToLower(h)] && !in.lists.vagueKeys[strings.ToLower(h)] {
			out = append(out, h)
		}
	}
	if p.Named {
		w := strings.Fields(render())
		if len(w) >= 2 && genericPlaceWords[strings.ToLower(w[len(w)-1])] {
			out = append(out, strings.Join(w[:len(w)-1], " "))
		}
		// "the Atlantic Ocean" for "the North Atlantic Ocean", never
		// "Virginia" for "West Virginia" nor "Hemisphere" for "the
		// Western Hemisphere"
		if len(w) >= 3 && compassWords[strings.ToLower(w[0])] && genericPlaceWords[strings.ToLower(w[len(w)-1])] {
			out = append(out, strings.Join(w[1:], " "))
			out = append(out, strings.Join(w[1:len(w)-1], " "))
		}
	}
	return out
}

// pluralPossessor reports a possessor marked by an apostrophe alone
// ("the Soldiers' National Cemetery"): in a name it is part of the name.
func pluralPossessor(s *nlp.Sentence, i int) bool {
	for j := i + 1; j < len(s.Tokens) && j <= i+2; j++ {
		if s.Tokens[j].Head == i && (s.Tokens[j].Form == "'" || s.Tokens[j].Form == "’") {
			return true
		}
	}
	return false
}

// dateCore is the date a time phrase gives, without the words around it:
// "early in 1915" is "1915", "June 24 of next year" is "June 24".
func (in *Input) dateCore(p *Phrase) string {
	s := &in.Doc.Sentences[p.Sentence]
	a, b := -1, -1
	for i := p.Start; i < p.End; i++ {
		w := s.Tokens[i].Form
		if in.lists.months[strings.ToLower(w)] || s.Tokens[i].UPOS == "NUM" || isYear(w) {
			if a < 0 {
				a = i
			}
			b = i + 1
		} else if a >= 0 && w != "," {
			break
		}
	}
	if a < 0 || a == p.Start && b == p.End || s.Tokens[p.Head].UPOS == "NOUN" && (p.Head < a || p.Head >= b) {
		return "" // "the April 1916 issue" is an issue, not a date
	}
	t, _ := in.render(p.Sentence, a, b, nil)
	return t
}

// namedAliases returns the text's other names for key: the name on the
// other side of an apposition ("Araminta Ross (Harriet Tubman)", "the
// Norwegian chieftain Ingólfur Arnarson") and the long form of an
// abbreviation the text gives in brackets, or the abbreviation of a long
// form ("the United Nations (UN)"). A description ("the artist") is no
// name: a student may not know it is the one meant.
func (in *Input) namedAliases(key string, t FineType) []string {
	switch t {
	case TDate, TYear, TTime, TQuantity:
		return nil // "Friday, June 24": the day of the week is not the date
	}
	k := in.normalizedText(key)
	if in.apposed == nil {
		in.apposed = map[string][]*Phrase{}
		for _, f := range in.Facts {
			if f.Kind == Is && f.Marker == "appos" && f.Subject != nil && f.Object != nil {
				x, y := in.normalizedText(f.Subject.Text), in.normalizedText(f.Object.Text)
				in.apposed[x] = append(in.apposed[x], f.Object)
				in.apposed[y] = append(in.apposed[y], f.Subject)
			}
		}
	}
	var out []string
	for _, o := range in.apposed[k] {
		if o.Named && !o.Pronoun && !timeOrAmount(o.Type) {
			out = append(out, o.Text)
		}
	}
	for long, short := range in.abbreviations() {
		switch k {
		case quizzes.NormalizeAnswer(long):
			out = append(out, short)
		case quizzes.NormalizeAnswer(short):
			out = append(out, long)
		}
	}
	return out
}

func timeOrAmount(t FineType) bool {
	return t == TDate || t == TYear || t == TTime || t == TQuantity
}

// abbreviations finds the long forms of the text's abbreviations: "Long
// Name (LN)", "the Long Name, or LN", or the capitalised words anywhere in
// the text whose initials are a word the text writes in capitals.
func (in *Input) abbreviations() map[string]string {
	if in.abbrevs != nil {
		return in.abbrevs
	}
	in.abbrevs = map[string]string{}
	caps := map[string]bool{}
	for si := range in.Doc.Sentences {
		for _, t := range in.Doc.Sentences[si].Tokens {
			ab := t.Form
			if len(ab) >= 2 && len(ab) <= 8 && strings.ToUpper(ab) == ab && strings.ToLower(ab) != ab && lettersOnly(ab) {
				caps[ab] = true
			}
		}
	}
	if len(caps) == 0 {
		return in.abbrevs
	}
	for si := range in.Doc.Sentences {
		toks := in.Doc.Sentences[si].Tokens
		for e := range toks {
			// a run of capitalised words ends at e
			if !startsUpper(toks[e].Form) || e+1 < len(toks) && startsUpper(toks[e+1].Form) && toks[e+1].UPOS == "PROPN" {
				continue
			}
			for ab := range caps {
				if toks[e].Form == ab {
					continue
				}
				// walk back over the long form's words, matching
				// initials from the last
				j := len(ab) - 1
				k := e
				for k >= 0 && j >= 0 {
					w := toks[k].Form
					if k < e && (w == "of" || w == "and" || w == "for" || w == "&") {
						k--
						continue
					}
					if len(w) == 0 || !startsUpper(w) || unicode.ToUpper(rune(w[0])) != rune(ab[j]) {
						break
					}
					j--
					k--
				}
				if j >= 0 {
					continue
				}
				var words []string
				for x := k + 1; x <= e; x++ {
					words = append(words, toks[x].Form)
				}
				if len(words) >= 2 {
					in.abbrevs[strings.Join(words, " ")] = ab
				}
			}
		}
	}
	return in.abbrevs
}

func lettersOnly(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// namesOther reports a shorter form of the key that the text also uses
// for something else: another phrase that is exactly the form or ends in it
// with other words ("hail" when the text has "the lighter hail" too).
// Names of people are checked by surnameUnique; forms not inside the key
// (aliases, full names, dates) come from the analysis and are trusted.
func (in *Input) namesOther(n string, c *Candidate) bool {
	key := in.normalizedText(c.Key)
	if c.KeyType == TPerson || n == key || !strings.Contains(" "+key+" ", " "+n+" ") {
		return false
	}
	chain := -1
	if c.KeyPhrase != nil {
		chain = c.KeyPhrase.Chain
	}
	if in.byLastWord == nil {
		in.byLastWord = map[string][]int{}
		for i := range in.Phrases {
			if w := strings.Fields(in.normalized(i)); len(w) > 0 {
				in.byLastWord[w[len(w)-1]] = append(in.byLastWord[w[len(w)-1]], i)
			}
		}
	}
	nw := strings.Fields(n)
	if len(nw) == 0 {
		return false
	}
	for _, i := range in.byLastWord[nw[len(nw)-1]] {
		p := &in.Phrases[i]
		if p.Pronoun || chain >= 0 && p.Chain == chain {
			continue
		}
		o := in.normalized(i)
		if o == "" || strings.Contains(" "+key+" ", " "+o+" ") || in.alias(o, key) {
			continue
		}
		// "more than 20,000 kinds of bees": the bare word names the
		// whole class, of which the key is one kind ("honey bees")
		if w := strings.Fields(o); len(w) >= 3 && w[len(w)-2] == "of" && w[len(w)-1] == n && in.lists.kindWords[w[len(w)-3]] {
			return true
		}
		// only a phrase whose head is the form's last word names another
		// such thing: "the actual deformation of Earth" is a deformation,
		// no other Earth than "the solid Earth"
		if h := &in.Doc.Sentences[p.Sentence].Tokens[p.Head]; quizzes.NormalizeAnswer(h.Form) != nw[len(nw)-1] {
			continue
		}
		// the same word alone elsewhere is the same kind of thing, when
		// the other phrase describes it otherwise ("the lighter hail");
		// a count or a quantifier ("only 276 inventions") makes no other
		// kind
		if o != n && strings.HasSuffix(" "+o, " "+n) && in.describedOtherwise(p, key) {
			return true
		}

	}
	return false
}

// describedOtherwise reports a phrase with a describing word before its
// head (an adjective or a noun) that the key does not have: "the lighter
// hail" beside "the heavier hail".
func (in *Input) describedOtherwise(p *Phrase, key string) bool {
	toks := in.Doc.Sentences[p.Sentence].Tokens
	for j := p.Start; j < p.Head && j < len(toks); j++ {
		t := &toks[j]
		if t.Head != p.Head || t.Rel != "amod" && t.Rel != "compound" {
			continue
		}
		if t.UPOS != "ADJ" && t.UPOS != "NOUN" && t.UPOS != "PROPN" {
			continue
		}
		if !strings.Contains(" "+key+" ", " "+quizzes.NormalizeAnswer(t.Form)+" ") {
			return true
		}
	}
	return false
}

// normalized is phrase i's text as grading folds it, computed once.
func (in *Input) normalized(i int) string {
	if in.phraseNorm == nil {
		in.phraseNorm = make([]string, len(in.Phrases))
		for j := range in.Phrases {
			in.phraseNorm[j] = quizzes.NormalizeAnswer(in.Phrases[j].Text)
		}
	}
	return in.phraseNorm[i]
}

// withYear gives a date key without its year the year the text gives
// right after it ("August 25, 1916"), keeping the day and month as an
// accepted answer. A blank's sentence shows the year already.
func (in *Input) withYear(c *Candidate) {
	p := c.KeyPhrase
	if p == nil || c.Kind == quizzes.Cloze || c.KeyType != TDate && c.KeyType != TTime || firstYear(c.Key) != 0 {
		return
	}
	s := &in.Doc.Sentences[p.Sentence]
	month := false
	for i := p.Start; i < p.End && i < len(s.Tokens); i++ {
		month = month || in.lists.months[strings.ToLower(s.Tokens[i].Form)]
	}
	if !month {
		return
	}
	i := p.End
	if i < len(s.Tokens) && s.Tokens[i].Form == "," {
		i++
	}
	if i < len(s.Tokens) && isYear(s.Tokens[i].Form) {
		full, bad := in.render(p.Sentence, p.Start, i+1, nil)
		if bad {
			return
		}
		c.Accepted = append(c.Accepted, c.Key)
		c.Key = full
		q := *p
		q.End = i + 1
		q.Text = full
		c.KeyPhrase = &q
	}
}

// badKey names what is wrong with a key the text does not give whole, ""
// when nothing is: a name cut after an initial ("Stephen T." of "Stephen
// T. Mather" broken at a line's end), a plural pronoun read as one named
// person ("they", the fossils, as "William Buckland").
func (in *Input) badKey(c *Candidate) string {
	w := strings.Fields(c.Key)
	if len(w) == 0 {
		return ""
	}
	if l := w[len(w)-1]; len(w) > 1 && (in.lists.stopWords[l] || in.lists.cutWords[l]) {
		return "cut-phrase" // "Alice Gray of Arroyo Grande High School near"
	}
	if (c.KeyType == TPerson || c.KeyPhrase != nil && c.KeyPhrase.Named) && len(w) >= 2 && isInitial(w[len(w)-1]) {
		return "cut-name"
	}
	if p := c.KeyPhrase; p != nil && !p.Pronoun && p.Sentence < len(in.Doc.Sentences) && p.End <= len(in.Doc.Sentences[p.Sentence].Tokens) && p.End > p.Start {
		toks := in.Doc.Sentences[p.Sentence].Tokens
		// "Alice Gray of Arroyo Grande High School near": a key that
		// ends on a word that needs another after it
		switch toks[p.End-1].UPOS {
		case "ADP", "DET", "CCONJ", "SCONJ":
			return "cut-phrase"
		}
		// "rather oral stories": a sentence adverb read as part of the
		// phrase
		if f := strings.ToLower(toks[p.Start].Form); toks[p.Start].UPOS == "ADV" && (movedAdverbs[f] || f == "rather" || f == "even") {
			return "cut-phrase"
		}
		// "Wetter" of "Wetter than temperate savannas": an adjective
		// written large at a sentence's start is no name
		if p.Named && falseName(toks, p) {
			return "not-a-name"
		}
	}
	if p := c.KeyPhrase; p != nil && p.Sentence < len(in.Doc.Sentences) {
		// "Mohamed Ould Abdel" of "Abdel-Aziz", "20" of "20-minute": the
		// key stops inside a hyphened word
		toks := in.Doc.Sentences[p.Sentence].Tokens
		if p.End > 0 && p.End < len(toks) && !toks[p.End-1].SpaceAfter && strings.HasPrefix(toks[p.End].Form, "-") {
			return "cut-word"
		}
		if p.End > 0 && p.End+1 < len(toks) && !toks[p.End-1].SpaceAfter && toks[p.End].Form == "-" {
			return "cut-word"
		}
		if p.End > p.Start && p.End < len(toks) && toks[p.End].UPOS == "PROPN" && startsUpper(toks[p.End].Form) &&
			startsUpper(toks[p.End-1].Form) && (toks[p.End-1].UPOS == "PROPN" || toks[p.End-1].UPOS == "NOUN") {
			return "cut-name" // "The Saturday Evening" of "The Saturday Evening Post"
		}
		if p.Start > 0 && p.Start <= len(toks) && !toks[p.Start-1].SpaceAfter && toks[p.Start-1].Form == "-" {
			return "cut-word" // "long tunnel" of "7720 m-long tunnel"
		}
	}
	if p := c.KeyPhrase; p != nil && p.Pronoun && p.Sentence < len(in.Doc.Sentences) {
		t := &in.Doc.Sentences[p.Sentence].Tokens[p.Head]
		switch strings.ToLower(t.Form) {
		case "they", "them", "their", "theirs", "themselves":
			if !strings.Contains(c.Key, " and ") && c.KeyType == TPerson {
				return "plural-pronoun"
			}
		}
	}
	return ""
}

// otherUnit is the same amount in the other unit the text gives in
// brackets after a quantity: "6,000 kilometres (3,700 miles)".
func (in *Input) otherUnit(p *Phrase) string {
	s := &in.Doc.Sentences[p.Sentence]
	num := false
	for i := p.Start; i < p.End; i++ {
		num = num || s.Tokens[i].UPOS == "NUM"
	}
	if !num || p.End >= len(s.Tokens) || s.Tokens[p.End].Form != "(" {
		return ""
	}
	for j := p.End + 1; j < len(s.Tokens) && j <= p.End+5; j++ {
		if s.Tokens[j].Form == ")" {
			if j == p.End+1 || s.Tokens[p.End+1].UPOS != "NUM" {
				return ""
			}
			t, _ := in.render(p.Sentence, p.End+1, j, nil)
			return t
		}
	}
	return ""
}

// initialsInText is a name's initials when the text uses them as a word:
// "EEA" for "the European Economic Area" in "NATO, EFTA, EEA and OECD".
func (in *Input) initialsInText(name string) string {
	var ini []rune
	for _, w := range strings.Fields(name) {
		switch strings.ToLower(w) {
		case "the", "of", "and", "for":
			continue
		}
		r := []rune(w)
		if !unicode.IsUpper(r[0]) {
			return ""
		}
		ini = append(ini, r[0])
	}
	if len(ini) < 2 {
		return ""
	}
	if in.capsWords == nil {
		in.capsWords = map[string]bool{}
		for si := range in.Doc.Sentences {
			for _, t := range in.Doc.Sentences[si].Tokens {
				if len(t.Form) >= 2 && strings.ToUpper(t.Form) == t.Form && strings.ToLower(t.Form) != t.Form {
					in.capsWords[t.Form] = true
				}
			}
		}
	}
	if ab := string(ini); in.capsWords[ab] {
		return ab
	}
	return ""
}

// resolveLatter gives a key "the latter" or "the former" the phrase it
// stands for: the last or first of the pair named just before it ("both
// Androcles and the Lion were captured ... after the latter had been kept
// without food": the Lion). A key left unresolved is dropped by the
// pointing-key filter.
func (in *Input) resolveLatter(c *Candidate) {
	p := c.KeyPhrase
	if p == nil || p.Sentence >= len(in.Doc.Sentences) || isComprehension(c.Template) {
		return
	}
	w := strings.Fields(strings.ToLower(c.Key))
	if len(w) != 2 || w[0] != "the" || w[1] != "latter" && w[1] != "former" {
		return
	}
	// the nearest pair "X and Y" before the key, as written (the parse of
	// such a sentence is often wrong): in its sentence, then the one
	// before
	for si := p.Sentence; si >= 0 && si >= p.Sentence-1; si-- {
		s := &in.Doc.Sentences[si]
		end := len(s.Tokens)
		if si == p.Sentence {
			end = p.Start
		}
		for i := end - 2; i >= 1; i-- {
			if f := strings.ToLower(s.Tokens[i].Form); f != "and" && f != "or" {
				continue
			}
			left := i - 1
			right := -1
			for j := i + 1; j < end && j <= i+4; j++ {
				u := s.Tokens[j].UPOS
				if u == "NOUN" || u == "PROPN" {
					right = j
					continue
				}
				if right >= 0 || u != "DET" && u != "ADJ" {
					break
				}
			}
			if right < 0 || s.Tokens[left].UPOS != "NOUN" && s.Tokens[left].UPOS != "PROPN" {
				continue // "..., and the slave was sentenced": two clauses
			}
			at := right
			if w[1] == "former" {
				at = left
			}
			q := in.NounPhrase(si, at)
			// the noun with the words just before it, nothing more
			a := at
			for a > 0 && a-1 != i && s.Tokens[a-1].Head == at && a-1 >= q.Start {
				a--
			}
			q.Start, q.End = a, at+1
			var bad bool
			q.Text, bad = in.render(si, q.Start, q.End, nil)
			if q.Pronoun || bad || q.Text == "" {
				return
			}
			q.Head = at
			q.Conj = false // one of the two, the one meant
			c.Key = q.Text
			c.KeyPhrase = &q
			c.KeyType = q.Type
			return
		}
	}
}

// falseName reports a one-word "name" that is an adjective written large
// at a sentence's start ("Wetter than temperate savannas, ...").
func falseName(toks []nlp.Token, p *Phrase) bool {
	a := p.Start
	for a < p.Head && toks[a].UPOS == "DET" {
		a++
	}
	if p.End-a != 1 {
		return false
	}
	h := &toks[p.Head]
	return h.UPOS == "ADJ" || h.XPOS == "JJR" || h.XPOS == "JJS" || p.End < len(toks) && strings.EqualFold(toks[p.End].Form, "than")
}
