package generate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// Filter drops candidates a teacher would not hand out. Reason is what the
// teacher would say.
type Filter struct {
	Name   string
	Reason string
	Drop   func(in *Input, c *Candidate) bool
}

// filters is applied in order; a candidate's first failing filter is the
// reason it is dropped.
var filters = []Filter{
	{"empty", "there is no question or no answer",
		func(in *Input, c *Candidate) bool {
			return strings.TrimSpace(c.Prompt) == "" || strings.TrimSpace(c.Key) == "" && c.Kind != quizzes.Matching
		}},
	{"heading", "a heading, caption or list item is not a statement to ask about",
		func(in *Input, c *Candidate) bool {
			p := in.Doc.Paragraphs[in.Doc.Sentences[c.Sentence].Paragraph]
			return p.Kind == nlp.Heading || p.Kind == nlp.ListItem && !strings.HasPrefix(c.Template, "sequence.")
		}},
	{"question", "the evidence is itself a question or an exclamation, not a statement",
		func(in *Input, c *Candidate) bool {
			s := in.Doc.Sentences[c.Sentence]
			e := strings.TrimSpace(in.Doc.Text[s.Start:s.End])
			return strings.HasSuffix(e, "?") || strings.HasSuffix(e, "!") || strings.HasSuffix(e, "?\"") || strings.HasSuffix(e, "?”")
		}},
	{"fragment", "the evidence is not a whole sentence: it has no finite verb",
		func(in *Input, c *Candidate) bool { return !hasFiniteVerb(&in.Doc.Sentences[c.Sentence]) }},
	{"title", "the evidence does not end like a sentence: it is a title or a caption",
		func(in *Input, c *Candidate) bool {
			s := in.Doc.Sentences[c.Sentence]
			e := strings.TrimRight(in.Doc.Text[s.Start:s.End], " \t\r\n")
			r, _ := utf8.DecodeLastRuneInString(e)
			return !strings.ContainsRune(".!?\"”’')]", r)
		}},
	{"pronoun", "the prompt says \"he\" or \"it\" and the quiz does not say who or what",
		func(in *Input, c *Candidate) bool { return leftoverPronoun(c.Prompt, in.asked[c.Prompt]) }},
	{"quotes", "the prompt's quotation marks or brackets do not match",
		func(in *Input, c *Candidate) bool { return !balanced(c.Prompt) || !balanced(c.Key) }},
	{"vague", "the prompt has too few words of its own to say what it asks",
		func(in *Input, c *Candidate) bool {
			// "What did Mather accept?" says too little; "Why do clouds
			// form?" asks enough with two
			if isComprehension(c.Template) {
				return contentWords(in, c.Prompt) < 2
			}
			return contentWords(in, c.Prompt) < 3
		}},
	{"cut-off", "the prompt stops in the middle of a phrase",
		func(in *Input, c *Candidate) bool {
			w := strings.Fields(strings.TrimSuffix(c.Prompt, "?"))
			if len(w) == 0 {
				return true
			}
			last := strings.ToLower(w[len(w)-1])
			if last == "from" && strings.HasPrefix(c.Template, "where.") || last == "as" && c.Template == "is.name" {
				return false
			}
			return in.lists.stopWords[last] || strings.HasSuffix(last, ",") || cutAtHyphen(in, c, w[len(w)-1]) || lonelyBetween(c.Prompt)
		}},
	{"too-long", "the prompt is too long to read as one question",
		func(in *Input, c *Candidate) bool { return len(strings.Fields(c.Prompt)) > 25 }},
	{"broken", "a capitalised \"And\" or \"The\" inside the prompt shows a sentence read wrongly",
		func(in *Input, c *Candidate) bool {
			w := strings.Fields(c.Prompt)
			for i := 1; i < len(w); i++ {
				if in.lists.stopWords[strings.ToLower(w[i])] && w[i] != strings.ToLower(w[i]) && w[i] != "I" {
					return true
				}
			}
			return false
		}},
	{"vague-key", "the answer is a word like \"others\" or \"scientists\" that names no one in particular",
		func(in *Input, c *Candidate) bool {
			k := strings.ToLower(strings.TrimSpace(c.Key))
			if in.lists.vagueKeys[k] {
				return true
			}
			p := c.KeyPhrase
			if p == nil {
				return false
			}
			t := in.Doc.Sentences[p.Sentence].Tokens[p.Head]
			if in.lists.vagueKeys[strings.ToLower(t.Lemma)] && !p.Named {
				return true
			}
			if p.End-p.Start != 1 {
				return false
			}
			return t.XPOS == "NNS" && (c.KeyType == TPerson || c.KeyType == TThing)
		}},
	{"key-in-prompt", "the prompt gives its own answer away",
		func(in *Input, c *Candidate) bool { return c.Kind != quizzes.TrueFalse && keyInPrompt(c) }},
	{"negated-key", "a key with \"not\" or \"no\" makes a trick question",
		func(in *Input, c *Candidate) bool {
			k := " " + strings.ToLower(c.Key) + " "
			return strings.Contains(k, " not ") || strings.Contains(k, " no ") || strings.Contains(k, "n't ")
		}},
	{"pronoun-key", "the answer is a pronoun, not a name",
		func(in *Input, c *Candidate) bool {
			return leftoverPronoun(c.Key, nil) || c.KeyPhrase != nil && c.KeyPhrase.Unresolved
		}},
	{"list-key", "the answer is one of a list, so the other members are right too",
		func(in *Input, c *Candidate) bool { return c.KeyPhrase != nil && c.KeyPhrase.Conj }},
	{"context", "the prompt points back to something the quiz does not say (\"also\", \"such a\", \"the same\")",
		func(in *Input, c *Candidate) bool { return contextWord(c.Prompt) }},
	{"back-reference", "the question says \"the\" for the text's \"this\" or \"these\": what is meant was said in an earlier sentence",
		func(in *Input, c *Candidate) bool { return backReference(in, c) }},
	{"condition", "the question leaves out the \"if\" its statement depends on",
		func(in *Input, c *Candidate) bool { return droppedCondition(in, c) }},
	{"generic-what", "a \"What ...?\" this short has many right answers in the text",
		func(in *Input, c *Candidate) bool { return genericWhat(in, c) }},
	{"obvious", "the answer is what the whole text is about: a reader knows it without reading",
		func(in *Input, c *Candidate) bool { return isComprehension(c.Template) == false && keyIsTopic(in, c) }},
	{"pointing-key", "the answer is a pointing word (\"the latter\", \"these findings\", \"such expectations\", \"the changes\"): what it means, an earlier sentence says",
		func(in *Input, c *Candidate) bool { return pointingKey(in, c) }},
	{"anaphoric-key", "the answer is \"the building\" or \"the site\": which one, an earlier sentence says, not the question",
		func(in *Input, c *Candidate) bool { return anaphoricKey(in, c) }},
	{"indefinite", "the prompt asks about \"someone\" or \"something\": it does not say who or what it means",
		func(in *Input, c *Candidate) bool { return hasIndefinite(c.Prompt) }},
	{"repeated-name", "the prompt names one person or place twice: a \"he\" or \"it\" was read as the wrong one",
		func(in *Input, c *Candidate) bool { return c.Kind != quizzes.TrueFalse && repeatedName(c.Prompt) }},
	{"same-clause-pronoun", "the answer came from \"him\" or \"her\" read as the subject of its own clause: \"Sultan overtook him\" is not Sultan overtaking Sultan",
		func(in *Input, c *Candidate) bool { return sameClausePronoun(in, c) }},
	{"reflexive-key", "the answer is \"himself\" or \"itself\": the question asks nothing",
		func(in *Input, c *Candidate) bool { return reflexive(c.Key) }},
	{"citation", "the answer is an author's name from a citation (\"Yogo and Fujihara (2008)\"): not worth asking",
		func(in *Input, c *Candidate) bool { return citedName(in, c.KeyPhrase) }},
	{"relative-word", "the prompt kept the text's \"after which\" or \"in whom\", which points to words the question left out",
		func(in *Input, c *Candidate) bool { return strandedRelative(c.Prompt) }},
	{"stray-quote", "the prompt has a quotation mark that opens or closes nothing",
		func(in *Input, c *Candidate) bool { return strayQuote(c.Prompt) }},
	{"example-person", "the answer is a made-up person from an example (\"His friend Kelly suggests ...\"), not something the text teaches",
		func(in *Input, c *Candidate) bool { return examplePerson(in, c) }},
	{"needs-time", "the text says this of more than one time; without the date the question has more than one answer",
		func(in *Input, c *Candidate) bool { return needsTime(in, c) }},
	{"plural-pronoun-subject", "the prompt names one person where the text says \"they\": the pronoun was read as the wrong one",
		func(in *Input, c *Candidate) bool { return pluralPronounSubject(in, c) }},
	{"wrapped", "a hard line break left a cut word in the prompt or key",
		func(in *Input, c *Candidate) bool {
			return strings.ContainsAny(c.Prompt+c.Key, "\n\r") || strings.Contains(c.Prompt+c.Key, "- ")
		}},
}

// blankFilters are the filters that apply to the pool's blanks too.
var blankFilters = map[string]bool{"empty": true, "heading": true, "quotes": true, "title": true, "fragment": true, "citation": true, "reflexive-key": true, "stray-quote": true}

func hasFiniteVerb(s *nlp.Sentence) bool {
	for _, t := range s.Tokens {
		if (t.UPOS == "VERB" || t.UPOS == "AUX") && (t.Feats.VerbForm == "Fin" || t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" || t.XPOS == "MD") {
			return true
		}
	}
	return false
}

var leftoverPronouns = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "him": true, "her": true, "them": true,
	"his": true, "its": true, "their": true, "this": true, "these": true, "those": true,
	"we": true, "us": true, "our": true, "you": true, "your": true,
}

// leftoverPronoun reports a pronoun in prompt other than those kept on
// purpose (Ask keeps "her" in "What did Curie discover with her husband?").
func leftoverPronoun(prompt string, kept []string) bool {
	allowed := map[string]int{}
	for _, k := range kept {
		allowed[k]++
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'')
	}) {
		if leftoverPronouns[w] {
			if allowed[w] > 0 {
				allowed[w]--
				continue
			}
			return true
		}
	}
	return false
}

func balanced(s string) bool {
	if strings.Count(s, "\"")%2 != 0 || strings.Count(s, "“") != strings.Count(s, "”") {
		return false
	}
	return strings.Count(s, "(") == strings.Count(s, ")")
}

func contentWords(in *Input, prompt string) int {
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if !in.lists.stopWords[w] {
			n++
		}
	}
	return n
}

func keyInPrompt(c *Candidate) bool {
	k := quizzes.NormalizeAnswer(c.Key)
	if k == "" {
		return false
	}
	p := " " + quizzes.NormalizeAnswer(c.Prompt) + " "
	return strings.Contains(p, " "+k+" ")
}

// applyFilters marks the candidates a filter drops.
func (in *Input) applyFilters(cands []*Candidate) {
	for _, c := range cands {
		if c.rejected != "" {
			continue
		}
		for _, f := range filters {
			if strings.HasPrefix(c.Template, "blank.") && !blankFilters[f.Name] {
				continue
			}
			if f.Drop(in, c) {
				c.rejected = f.Name
				break
			}
		}
	}
}

// contextWords point back to something said before the sentence the
// question comes from ("What did the late nineteenth century also see?",
// "Who first moved to protect such a feature?").
var contextWords = map[string]bool{
	"also": true, "such": true, "again": true, "instead": true, "latter": true, "former": true,
	"another": true, "aforementioned": true, "likewise": true, "similarly": true,
}

// contextPhrases are word pairs that do the same.
var contextPhrases = []string{"the same", "the other", "in this way", "in that way", "that amount", "this way"}

func contextWord(prompt string) bool {
	words := strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'')
	})
	for i, w := range words {
		if contextWords[w] && !(w == "such" && i+1 < len(words) && words[i+1] == "as") {
			return true
		}
	}
	p := " " + strings.Join(words, " ") + " "
	for _, ph := range contextPhrases {
		if strings.Contains(p, " "+ph+" ") {
			return true
		}
	}
	return false
}

var demonstratives = map[string]bool{"this": true, "these": true, "that": true, "those": true}

// backReference reports a question whose prompt or key holds a noun the
// evidence sentence introduces with "this", "these", "that" or "those"
// ("These seismic events move Earth's surface" asked as "What moves
// Earth's surface?", key "the seismic events").
func backReference(in *Input, c *Candidate) bool {
	s := &in.Doc.Sentences[c.Sentence]
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(c.Prompt+" "+c.Key), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 || r == '-')
	}) {
		words[w] = true
	}
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.Rel != "det" || !demonstratives[strings.ToLower(t.Form)] || t.Head < 0 {
			continue
		}
		h := &s.Tokens[t.Head]
		if (h.UPOS == "NOUN" || h.UPOS == "PROPN") && words[strings.ToLower(h.Form)] {
			return true
		}
	}
	return false
}

// droppedCondition reports a question on a statement that holds only
// under a condition the prompt leaves out ("If carbon dioxide were
// removed, Earth's surface temperature would drop" asked as "What would
// drop significantly?").
func droppedCondition(in *Input, c *Candidate) bool {
	if c.Fact == nil || isComprehension(c.Template) {
		return false
	}
	s := &in.Doc.Sentences[c.Fact.Sentence]
	p := " " + strings.ToLower(c.Prompt) + " "
	// the fact is itself the condition ("even if Moscow manages to sustain
	// some exports, ..."): what may happen, asked as what happens
	for _, m := range children(s, c.Fact.Pred) {
		w := strings.ToLower(s.Tokens[m].Form)
		if s.Tokens[m].Rel == "mark" && (w == "if" || w == "unless") {
			return true
		}
	}
	// the condition may stand on the first of two joined verbs ("the
	// effect would collapse, and the temperature would drop")
	heads := []int{c.Fact.Pred}
	if t := &s.Tokens[c.Fact.Pred]; t.Rel == "conj" && t.Head >= 0 {
		heads = append(heads, t.Head)
	}
	var advcls []int
	for _, h := range heads {
		advcls = append(advcls, children(s, h)...)
	}
	for _, a := range advcls {
		if s.Tokens[a].Rel != "advcl" {
			continue
		}
		for _, m := range children(s, a) {
			w := strings.ToLower(s.Tokens[m].Form)
			if s.Tokens[m].Rel == "mark" && (w == "if" || w == "unless") && !strings.Contains(p, " "+w+" ") {
				return true
			}
		}
	}
	return false
}

// genericVerbs make a "What did X ...?" that the text answers many ways
// ("What does anatomy have?", "What did the century see?").
var genericVerbs = map[string]bool{
	"have": true, "include": true, "see": true, "do": true, "get": true, "take": true,
	"make": true, "show": true, "use": true, "become": true, "come": true, "go": true,
	"happen": true, "occur": true,
}

var modals = map[string]bool{
	"will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"shall": true, "should": true, "must": true,
}

// genericWhat reports a what-question whose prompt does not pin its answer
// down: a common-noun answer to a prompt of few words of its own ("What
// will stars orbit?", "What can be readily seen?"), or a generic verb.
func genericWhat(in *Input, c *Candidate) bool {
	if !strings.HasPrefix(c.Template, "what.") {
		return false
	}
	if c.Fact != nil && c.Template == "what.object" {
		t := &in.Doc.Sentences[c.Fact.Sentence].Tokens[c.Fact.Pred]
		if genericVerbs[strings.ToLower(t.Lemma)] {
			return true
		}
	}
	if c.KeyPhrase != nil && c.KeyPhrase.Named {
		return false
	}
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(c.Prompt), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if !in.lists.stopWords[w] && !modals[w] {
			n++
		}
	}
	if c.Template == "what.subject" {
		return n < 4
	}
	return n < 3
}

// topicChain is the reference chain the text is about: the named entity
// with the most mentions, when it has at least four and twice as many as
// any other named one; -1 when no entity stands out.
func (in *Input) topicChain() int {
	if in.topic != 0 {
		return in.topic - 1
	}
	best, second, at := 0, 0, -1
	for i, ch := range in.Doc.Chains {
		if ch.Name == "" {
			continue // "she" and "the woman" may be a chain of their own
		}
		n := len(ch.Mentions)
		if n > best {
			best, second, at = n, best, i
		} else if n > second {
			second = n
		}
	}
	if best < 4 || best < 2*second {
		at = -1
	}
	in.topic = at + 1
	return at
}

// keyIsTopic reports a key that names what the whole text is about: its
// title, or the entity it keeps returning to, by any of its names ("Who
// resisted during her years in slavery?" in a life of Harriet Tubman;
// "Araminta Ross" there too).
func keyIsTopic(in *Input, c *Candidate) bool {
	if c.Kind == quizzes.TrueFalse || c.Key == "" {
		return false
	}
	k := quizzes.NormalizeAnswer(c.Key)
	if t := in.title(); t != "" && (t == k || sameName(t, k)) {
		return true
	}
	if t := in.title(); t != "" && c.KeyType == TPerson && len(strings.Fields(t)) <= 4 && strings.Contains(" "+t+" ", " "+lastWord(k)+" ") && startsUpper(lastWord(c.Key)) {
		return true // "Poor Sultan" in the story "Old Sultan": its title character
	}
	tc := in.topicChain()
	if tc < 0 {
		return false
	}
	if c.KeyPhrase != nil && c.KeyPhrase.Chain == tc {
		return true
	}
	name := quizzes.NormalizeAnswer(in.Doc.Chains[tc].Name)
	return name != "" && (sameName(name, k) || in.alias(k, name))
}

// title is the text's title, normalised: its first paragraph when that is
// a heading or one short line that does not end like a sentence.
func (in *Input) title() string {
	if len(in.Doc.Paragraphs) < 2 {
		return ""
	}
	p := in.Doc.Paragraphs[0]
	t := strings.TrimSpace(in.Doc.Text[p.Start:p.End])
	if p.Kind != nlp.Heading {
		r, _ := utf8.DecodeLastRuneInString(t)
		if utf8.RuneCountInString(t) > 80 || strings.ContainsAny(t, "\n") || strings.ContainsRune(".!?:;,\"”", r) {
			return ""
		}
	}
	return quizzes.NormalizeAnswer(t)
}

// anaphoricKey reports a key that is a short "the" phrase whose noun an
// earlier sentence introduced ("What was destroyed by fire?" "The
// building", after "The rectangular building covers 624 square feet"):
// it names nothing the student could tell from the question.
func anaphoricKey(in *Input, c *Candidate) bool {
	p := c.KeyPhrase
	if p == nil || p.Named || isComprehension(c.Template) || c.Kind == quizzes.TrueFalse {
		return false
	}
	w := strings.Fields(strings.ToLower(c.Key))
	if len(w) != 2 || w[0] != "the" {
		return false
	}
	head := strings.ToLower(in.Doc.Sentences[p.Sentence].Tokens[p.Head].Lemma)
	for si := 0; si < p.Sentence; si++ {
		for _, t := range in.Doc.Sentences[si].Tokens {
			if t.UPOS == "NOUN" && strings.ToLower(t.Lemma) == head {
				return true
			}
		}
	}
	return false
}

// pointingKey reports a key that points back instead of naming: a phrase
// with "this", "these", "those" or "such" ("these findings", "such
// expectations"), or "the" and a noun that needs what was said before
// ("the latter", "the answers", "the changes", "the picture").
func pointingKey(in *Input, c *Candidate) bool {
	if isComprehension(c.Template) || c.Kind == quizzes.TrueFalse || c.Kind == quizzes.Matching {
		return false
	}
	p := c.KeyPhrase
	if p == nil || p.Sentence >= len(in.Doc.Sentences) {
		w := strings.Fields(strings.ToLower(c.Key))
		return len(w) > 0 && (demonstratives[w[0]] || w[0] == "such")
	}
	toks := in.Doc.Sentences[p.Sentence].Tokens
	if p.Start < 0 || p.End > len(toks) || p.Head >= len(toks) {
		return false
	}
	for i := p.Start; i < p.End; i++ {
		f := strings.ToLower(toks[i].Form)
		if demonstratives[f] && (toks[i].Rel == "det" || p.End-p.Start == 1) || f == "such" && toks[i].Rel != "case" {
			return true
		}
	}
	if p.Named || p.End-p.Start != 2 || !strings.EqualFold(toks[p.Start].Form, "the") {
		return false
	}
	h := &toks[p.Head]
	return in.lists.pointingNouns[strings.ToLower(h.Form)] || in.lists.pointingNouns[strings.ToLower(h.Lemma)]
}

var indefinites = map[string]bool{"someone": true, "somebody": true, "something": true, "anyone": true, "anybody": true, "anything": true}

func hasIndefinite(prompt string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool { return !(r >= 'a' && r <= 'z') }) {
		if indefinites[w] {
			return true
		}
	}
	return false
}

// repeatedName reports a capitalised word, other than the prompt's first,
// that the prompt has twice ("Who challenged Mather to come to Washington
// and do something about Washington?", where the text said "about it").
func repeatedName(prompt string) bool {
	// a possessive may repeat a name rightly ("Why may Moscow's economy
	// start resembling that of Moscow's ally?"); a name standing alone
	// twice is the mark of a misread "it"
	words := strings.FieldsFunc(prompt, func(r rune) bool { return !unicode.IsLetter(r) && r != '.' && r != '-' && r != '\'' && r != '’' })
	seen := map[string]bool{}
	for i, w := range words {
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'") {
			continue
		}
		w = strings.TrimSuffix(w, ".")
		r, _ := utf8.DecodeRuneInString(w)
		if i == 0 || !unicode.IsUpper(r) || len(w) < 3 || w == "True" || w == "False" {
			continue
		}
		if seen[w] {
			return true
		}
		seen[w] = true
	}
	return false
}

// sameClausePronoun reports a key from a personal pronoun that the
// analysis resolved to the subject of its own verb: "Sultan soon overtook
// him" cannot mean Sultan, or the text would say "himself".
func sameClausePronoun(in *Input, c *Candidate) bool {
	p, f := c.KeyPhrase, c.Fact
	if p == nil || f == nil || !p.Pronoun || f.Subject == nil || p == f.Subject || p.Sentence != f.Sentence {
		return false
	}
	s := &in.Doc.Sentences[p.Sentence]
	if reflexive(s.Tokens[p.Head].Form) || s.Tokens[p.Head].Head != f.Pred {
		return false
	}
	subj := f.Subject
	if subj.Chain >= 0 && subj.Chain == p.Chain {
		return true
	}
	k := quizzes.NormalizeAnswer(c.Key)
	n := quizzes.NormalizeAnswer(subj.Text)
	return k != "" && n != "" && (k == n || sameName(k, n) || lastWord(k) == lastWord(n) && subj.Named)
}

func lastWord(s string) string {
	w := strings.Fields(s)
	if len(w) == 0 {
		return ""
	}
	return w[len(w)-1]
}

func reflexive(w string) bool {
	switch strings.ToLower(strings.TrimSpace(w)) {
	case "himself", "herself", "itself", "themselves", "myself", "yourself", "yourselves", "ourselves", "oneself":
		return true
	}
	return false
}

// citedName reports a name followed by a bracketed year, alone or as one
// of a list of authors: "Masao Yogo and Shuji Fujihara (2008)", "Smith
// et al. (2010)".
func citedName(in *Input, p *Phrase) bool {
	if p == nil || !p.Named || p.Sentence >= len(in.Doc.Sentences) {
		return false
	}
	toks := in.Doc.Sentences[p.Sentence].Tokens
	for i := p.End; i < len(toks) && i < p.End+8; i++ {
		w := toks[i].Form
		switch {
		case w == "(" && i+1 < len(toks) && isYear(toks[i+1].Form):
			return true
		case w == "et" || w == "al." || w == "and" || w == "&" || w == "," || toks[i].UPOS == "PROPN":
			continue
		}
		return false
	}
	return false
}

// strandedRelative reports "after which time", "in whom", "of which" left
// inside a prompt by a clause that lost what it referred to. A prompt
// that asks "In which year ...?" begins with its wh-word.
func strandedRelative(prompt string) bool {
	w := strings.Fields(strings.ToLower(strings.TrimSuffix(prompt, "?")))
	for i := 2; i < len(w); i++ {
		switch strings.Trim(w[i], ",") {
		case "which", "whom", "whose":
			switch w[i-1] {
			case "after", "before", "during", "since", "until", "at", "by", "from", "in", "of", "on", "to", "with", "for", "through", "under":
				return true
			}
		}
	}
	return false
}

// strayQuote reports a single curly quotation mark that opens nothing or
// stands alone between spaces ("What was Sultan ‘ picking up?"); an
// apostrophe inside a word is no quotation mark.
func strayQuote(prompt string) bool {
	r := []rune(prompt)
	open, closed := 0, 0
	for i, x := range r {
		prevLetter := i > 0 && unicode.IsLetter(r[i-1])
		nextLetter := i+1 < len(r) && unicode.IsLetter(r[i+1])
		switch x {
		case '‘':
			if !nextLetter {
				return true
			}
			open++
		case '’':
			if prevLetter && nextLetter {
				continue // "don’t"
			}
			if !prevLetter && !nextLetter {
				return true
			}
			if prevLetter && (i+1 == len(r) || !nextLetter) && open > closed {
				closed++
			}
		}
	}
	return open != closed
}

// examplePerson reports a person of an example in a text that explains
// rather than narrates: known by one name only, met in one paragraph
// only, doing something in the present tense ("Brian needs to learn the
// order of the planets ... His friend Kelly suggests a mnemonic device").
func examplePerson(in *Input, c *Candidate) bool {
	f := c.Fact
	if f == nil {
		return false
	}
	if c.KeyType == TPerson && c.KeyPhrase != nil && exampleName(in, c, c.KeyPhrase, nameOnly(c.Key), c.Accepted) {
		return true
	}
	// the question names the example's person: "What does Brian's
	// friend suggest?"
	if sp := f.Subject; sp != nil && sp != c.KeyPhrase && sp.Type == TPerson {
		return exampleName(in, c, sp, nameOnly(sp.Text), append(in.personForms(sp.Text, sp), in.namedAliases(sp.Text, TPerson)...))
	}
	return false
}

func exampleName(in *Input, c *Candidate, p *Phrase, name string, other []string) bool {
	f := c.Fact
	if p.Sentence >= len(in.Doc.Sentences) {
		return false
	}
	s := &in.Doc.Sentences[f.Sentence]
	if x := s.Tokens[f.Pred].XPOS; x != "VBZ" && x != "VBP" {
		return false
	}
	if strings.Contains(name, " ") || !startsUpper(name) {
		for _, a := range other {
			if !strings.Contains(a, " ") && startsUpper(a) {
				name = a
			}
		}
	}
	if strings.Contains(name, " ") || !startsUpper(name) {
		return false
	}
	para := in.Doc.Sentences[p.Sentence].Paragraph
	for si := range in.Doc.Sentences {
		toks := in.Doc.Sentences[si].Tokens
		for i, t := range toks {
			if t.Form != name {
				continue
			}
			if in.Doc.Sentences[si].Paragraph != para {
				return false // a person the text returns to
			}
			if i+1 < len(toks) && toks[i+1].UPOS == "PROPN" || i > 0 && toks[i-1].UPOS == "PROPN" {
				return false // a full name: someone real
			}
		}
	}
	return true
}

// needsTime reports a question that leaves out its sentence's date when
// the text says the same verb of someone else at another time ("Who won
// a second and final term in office?", where two presidents won terms).
func needsTime(in *Input, c *Candidate) bool {
	f := c.Fact
	if f == nil || f.Kind != Event || !strings.HasPrefix(c.Template, "who.") && !strings.HasPrefix(c.Template, "what.") {
		return false
	}
	s := &in.Doc.Sentences[f.Sentence]
	// the verb's own date ("won ... in November 2017"), not one of
	// another clause of the sentence
	hasYear := false
	own := subtree(s, f.Pred, nil)
	for i := range s.Tokens {
		// a finite clause below the verb has its own time
		if t := &s.Tokens[i]; i != f.Pred && own[i] && clauseRels[t.Rel] && (t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" || child(s, i, "aux", "aux:pass") >= 0) {
			for j, in := range subtree(s, i, nil) {
				if in {
					own[j] = false
				}
			}
		}
	}
	for i, t := range s.Tokens {
		if own[i] && isYear(t.Form) {
			hasYear = true
			if strings.Contains(c.Prompt, t.Form) {
				return false
			}
		}
	}
	if !hasYear {
		return false
	}
	lemma := strings.ToLower(s.Tokens[f.Pred].Lemma)
	key := quizzes.NormalizeAnswer(c.Key)
	for i := range in.Facts {
		o := &in.Facts[i]
		if o.Kind != Event || o.Sentence == f.Sentence || o.Subject == nil {
			continue
		}
		if strings.ToLower(in.Doc.Sentences[o.Sentence].Tokens[o.Pred].Lemma) != lemma {
			continue
		}
		if n := quizzes.NormalizeAnswer(o.Subject.Text); n != key && !sameName(n, key) {
			return true
		}
	}
	return false
}

// pluralPronounSubject reports a prompt whose subject came from "they"
// resolved to one named person ("What did Mr De Lesseps contain?" for
// "they contained", the plans).
func pluralPronounSubject(in *Input, c *Candidate) bool {
	f := c.Fact
	if f == nil || f.Subject == nil || !f.Subject.Pronoun || c.KeyPhrase == f.Subject {
		return false
	}
	t := &in.Doc.Sentences[f.Subject.Sentence].Tokens[f.Subject.Head]
	switch strings.ToLower(t.Form) {
	case "they", "them", "their":
	default:
		return false
	}
	txt := f.Subject.Text
	w := strings.Fields(strings.ToLower(txt))
	return len(w) > 0 && w[0] != "the" && !strings.Contains(txt, " and ") && startsUpper(lastWord(txt)) && !demonym(txt)
}

// clauseRels head clauses of their own inside a sentence.
var clauseRels = map[string]bool{
	"advcl": true, "acl": true, "acl:relcl": true, "ccomp": true, "conj": true, "parataxis": true, "csubj": true,
}

// cutAtHyphen reports a prompt's last word that the evidence writes only
// as the first part of a hyphened word: "... for one-third or one?" of
// "one-third or one-fourth the salary".
func cutAtHyphen(in *Input, c *Candidate, w string) bool {
	if strings.HasPrefix(c.Template, "blank.") || isComprehension(c.Template) {
		return false
	}
	s := &in.Doc.Sentences[c.Sentence]
	cut, whole := false, false
	for i := range s.Tokens {
		if s.Tokens[i].Form != w {
			continue
		}
		if !s.Tokens[i].SpaceAfter && i+1 < len(s.Tokens) && (s.Tokens[i+1].Form == "-" || strings.HasPrefix(s.Tokens[i+1].Form, "-")) {
			cut = true
		} else {
			whole = true
		}
	}
	return cut && !whole
}

// lonelyBetween reports "between" with one side only: "a semiarid belt
// between the Sahara?" lost "and the grassland savannas" to a misread
// list.
func lonelyBetween(prompt string) bool {
	i := strings.Index(" "+strings.ToLower(prompt)+" ", " between ")
	if i < 0 {
		return false
	}
	rest := strings.ToLower(prompt[i:])
	if strings.Contains(rest, " and ") || strings.Contains(rest, " or ") || strings.Contains(rest, "-") {
		return false
	}
	// "between the stars" has its two sides in a plural
	w := strings.Fields(strings.TrimRight(rest, "?. "))
	return len(w) > 0 && !strings.HasSuffix(w[len(w)-1], "s")
}
