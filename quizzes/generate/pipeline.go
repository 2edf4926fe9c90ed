package generate

import (
	"hash/fnv"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// Pipeline is the question generator on the English analysis. It is safe
// for concurrent use: after newPipeline it only reads its models and lists.
type Pipeline struct {
	nlp   *nlp.Analyzer
	lists *lists
}

func newPipeline() (*Pipeline, error) {
	a, err := nlp.Load()
	if err != nil {
		return nil, err
	}
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	return &Pipeline{nlp: a, lists: l}, nil
}

// candidates runs the stages up to ranking: read -> facts -> families ->
// choices -> filters -> rank. It returns every candidate the filters keep,
// best first.
func (p *Pipeline) candidates(text string) (*Input, []*Candidate) {
	in := &Input{Doc: p.nlp.Read(unwrap(text)), Text: text, lists: p.lists, keepChain: -1}
	in.Phrases = in.phrases()
	in.Facts = in.extractFacts()
	var cands []*Candidate
	for _, f := range registry {
		for _, c := range f.Ask(in) {
			if c != nil {
				cands = append(cands, c)
			}
		}
	}
	for _, c := range cands {
		in.tidyCase(c)
		in.resolveLatter(c)
		in.chooseKind(c)
	}
	in.applyFilters(cands)
	return in, in.rank(cands)
}

// phrases lists the text's noun phrases that may be keys or wrong choices:
// the heads of its entity mentions.
func (in *Input) phrases() []Phrase {
	var out []Phrase
	seen := map[[2]int]bool{}
	for _, m := range in.Doc.Mentions {
		k := [2]int{m.Sentence, m.Head}
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, in.NounPhrase(m.Sentence, m.Head))
	}
	return out
}

// Generate returns every candidate question for text, best first.
func (p *Pipeline) Generate(text string) []quizzes.Question {
	return pool(p.candidates(text))
}

// DraftAndPool returns what Draft and Generate return, reading the text
// once.
func (p *Pipeline) DraftAndPool(text string, n int) (draft, all []quizzes.Question) {
	in, ranked := p.candidates(text)
	all = pool(in, ranked)
	return p.draft(in, ranked, text, n), all
}

// pool turns the ranked candidates into the questions of the pool.
func pool(in *Input, ranked []*Candidate) []quizzes.Question {
	out := make([]quizzes.Question, 0, len(ranked))
	for _, c := range poolOrder(ranked) {
		out = append(out, in.question(c))
	}
	return out
}

// poolOrder orders every candidate for the pool: the questions best
// first, then the blanks a sentence at a time (the first blank of each
// sentence, then the second, ...), so that the pool covers the whole
// text; a candidate whose key an earlier one has is put last.
func poolOrder(ranked []*Candidate) []*Candidate {
	// questions whose key is a common noun phrase ("weak") come after
	// the blanks of names, dates and numbers
	var questions, weak, repeats, trueFalse []*Candidate
	bySentence := map[int][]*Candidate{}
	var sentences []int
	seen := &keySet{}
	for _, c := range ranked {
		if strings.HasPrefix(c.Template, "blank.") {
			if len(bySentence[c.Sentence]) == 0 {
				sentences = append(sentences, c.Sentence)
			}
			bySentence[c.Sentence] = append(bySentence[c.Sentence], c)
			continue
		}
		k := quizzes.NormalizeAnswer(c.Key)
		if c.Kind == quizzes.TrueFalse {
			trueFalse = append(trueFalse, c)
			continue
		}
		if seen.overlaps(k) {
			repeats = append(repeats, c)
			continue
		}
		seen.add(k)
		if strings.HasPrefix(c.Template, "what.") || c.Template == "where.place" || c.Template == "who.object" {
			weak = append(weak, c)
			continue
		}
		questions = append(questions, c)
	}
	sort.Ints(sentences)
	// blanks by tier (names, dates and numbers; then the verb's
	// arguments; then the rest), within a tier a sentence at a time
	type blank struct {
		c           *Candidate
		tier, round int
	}
	var blanks []blank
	for _, s := range sentences {
		per := map[int]int{}
		for _, c := range bySentence[s] {
			t := blankTier(c)
			blanks = append(blanks, blank{c, t, per[t]})
			per[t]++
		}
	}
	sort.SliceStable(blanks, func(a, b int) bool {
		if blanks[a].tier != blanks[b].tier {
			return blanks[a].tier < blanks[b].tier
		}
		return blanks[a].round < blanks[b].round
	})
	for _, b := range blanks {
		if b.tier > 2 && weak != nil {
			questions = append(questions, weak...)
			weak = nil
		}
		{
			c := b.c
			k := quizzes.NormalizeAnswer(c.Key)
			if seen.overlaps(k) {
				repeats = append(repeats, c)
				continue
			}
			seen.add(k)
			questions = append(questions, c)
		}
	}
	questions = append(questions, weak...)
	questions = append(questions, trueFalse...)
	return append(questions, repeats...)
}

// keySet holds the keys of the pool so far, to tell a key that mostly
// repeats one of them ("Tubman" after "Harriet Tubman").
type keySet struct{ keys [][]string }

func (s *keySet) add(k string) { s.keys = append(s.keys, keyWordsOf(k)) }

// keyWordsOf are a key's words without "of", "and" and articles.
func keyWordsOf(k string) []string {
	var out []string
	for _, w := range strings.Fields(k) {
		switch w {
		case "the", "a", "an", "of", "and", "in":
			continue
		}
		out = append(out, w)
	}
	return out
}

// overlaps reports a key whose words are, for at least half of the
// shorter one, the words of a key in the set.
func (s *keySet) overlaps(k string) bool {
	w := keyWordsOf(k)
	if len(w) == 0 {
		return true
	}
	for _, o := range s.keys {
		common := 0
		for _, x := range w {
			for _, y := range o {
				if x == y {
					common++
					break
				}
			}
		}
		shorter := len(w)
		if len(o) < shorter {
			shorter = len(o)
		}
		if shorter > 0 && (2*common > shorter || common == shorter) {
			return true
		}
	}
	return false
}

// blankTier sorts the pool's blanks by how often such a phrase is what a
// reader is asked about (measured on SQuADShifts' human questions, see
// docs/BENCHMARKS.md): 0 numbers and names of two or more words, 1 one-word
// names, clauses and common phrases of three or more words, 2 two-word
// phrases, 3 single common words.
func blankTier(c *Candidate) int {
	if c.Template == "blank.clause" {
		return 1
	}
	hasDigit, capital := false, false
	words := strings.Fields(c.Key)
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsDigit(r) {
			hasDigit = true
		}
		if unicode.IsUpper(r) && (i > 0 || len(words) == 1 || c.KeyPhrase != nil && c.KeyPhrase.Named) {
			capital = true
		}
	}
	switch {
	case hasDigit || capital && len(words) >= 2:
		return 0
	case capital || len(words) >= 3:
		return 1
	case len(words) == 2:
		return 2
	}
	return 3
}

// Draft is the teacher's draft: n questions chosen by pickDraft.
func (p *Pipeline) Draft(text string, n int) []quizzes.Question {
	in, ranked := p.candidates(text)
	return p.draft(in, ranked, text, n)
}

// draft picks the teacher's n questions from the ranked candidates.
func (p *Pipeline) draft(in *Input, ranked []*Candidate, text string, n int) []quizzes.Question {
	var out []quizzes.Question
	checked := map[*Candidate]bool{}
	wellFormed := func(c *Candidate) bool {
		if v, ok := checked[c]; ok {
			return v
		}
		v := p.wellFormedCandidate(c)
		if !v {
			c.rejected = "ill-formed"
		}
		checked[c] = v
		return v
	}
	english := LooksEnglish(text)
	var picks []*Candidate
	if english {
		picks = pickDraft(ranked, n, wellFormed)
	}
	if len(picks) < n {
		picks = fillWithBlanks(in, picks, ranked, n, english)
	}
	for _, c := range picks {
		out = append(out, in.question(c))
	}
	return out
}

// fillWithBlanks completes a draft the questions could not fill with the
// pool's best blanks: names, dates and numbers, one per sentence, none
// whose key another pick has. Of a text in another language, these blanks
// are the whole draft: they read right in any language.
func fillWithBlanks(in *Input, picks, ranked []*Candidate, n int, english bool) []*Candidate {
	used := map[int]bool{}
	keys := &keySet{}
	for _, p := range picks {
		used[p.Sentence] = true
		keys.add(quizzes.NormalizeAnswer(p.Key))
	}
	order := poolOrder(ranked)
	// names, dates and numbers only: the other blanks are mostly a
	// sentence's wording, not a fact worth asking
	for tier := 0; tier <= 0; tier++ {
		for _, c := range order {
			if len(picks) >= n {
				break
			}
			if c.Template != "blank.phrase" || blankTier(c) != tier || used[c.Sentence] {
				continue
			}
			if english && !draftBlank(in, c) {
				continue
			}
			if english && len(strings.Fields(c.Prompt)) > 35 {
				continue
			}
			if !typeable(c) {
				continue // "like a goddess of Victory": nobody writes it word for word
			}
			k := quizzes.NormalizeAnswer(c.Key)
			if keys.overlaps(k) {
				continue
			}
			conflict := false
			for _, p := range picks {
				if givesAway(p, c) || givesAway(c, p) {
					conflict = true
				}
			}
			if conflict {
				continue
			}
			keys.add(k)
			used[c.Sentence] = true
			picks = append(picks, c)
		}
	}
	sort.SliceStable(picks, func(a, b int) bool { return picks[a].Sentence < picks[b].Sentence })
	return picks
}

// question turns a candidate into the question a quiz stores.
func (in *Input) question(c *Candidate) quizzes.Question {
	first := in.Doc.Sentences[c.Sentence]
	last := first
	if c.LastSentence > c.Sentence && c.LastSentence < len(in.Doc.Sentences) {
		last = in.Doc.Sentences[c.LastSentence]
	}
	q := quizzes.Question{
		Kind:     c.Kind,
		Prompt:   c.Prompt,
		Evidence: quizzes.Evidence{Start: first.Start, End: last.End, Text: in.Text[first.Start:last.End]},
		Template: c.Template,
		Score:    c.score,
	}
	switch c.Kind {
	case quizzes.MultipleChoice:
		choices := make([]quizzes.Choice, 0, len(c.Distractors)+1)
		for _, d := range c.Distractors {
			choices = append(choices, quizzes.Choice{Text: d})
		}
		// the key's place depends on the prompt only, so it is stable
		// and not always first
		h := fnv.New32a()
		h.Write([]byte(c.Prompt))
		at := int(h.Sum32() % uint32(len(choices)+1))
		choices = append(choices[:at], append([]quizzes.Choice{{Text: c.Key, Correct: true}}, choices[at:]...)...)
		q.Choices = choices
	case quizzes.Matching:
		for _, p := range c.Pairs {
			q.Choices = append(q.Choices, quizzes.Choice{Text: p[0], Match: p[1], Correct: true})
		}
	case quizzes.TrueFalse:
		q.Choices = []quizzes.Choice{{Text: "True", Correct: c.Key == "True"}, {Text: "False", Correct: c.Key == "False"}}
	default:
		q.Choices = []quizzes.Choice{{Text: c.Key, Correct: true}}
		seen := map[string]bool{quizzes.NormalizeAnswer(c.Key): true}
		for _, a := range c.Accepted {
			if n := quizzes.NormalizeAnswer(a); n != "" && !seen[n] {
				seen[n] = true
				q.Choices = append(q.Choices, quizzes.Choice{Text: a, Correct: true})
			}
		}
	}
	return q.Normalize()
}

// draftBlank reports whether a blank of the pool may fill a draft: the
// questions' filters that apply to a sentence with a hole (no blank of
// what the whole text is about, none that points back to an earlier
// sentence, none from a question or a title).
func draftBlank(in *Input, c *Candidate) bool {
	s := in.Doc.Sentences[c.Sentence]
	e := strings.TrimSpace(in.Doc.Text[s.Start:s.End])
	if strings.HasSuffix(e, "?") || strings.HasSuffix(e, ":") {
		return false
	}
	if f := strings.Fields(e); len(f) > 0 && demonstratives[strings.ToLower(f[0])] {
		return false // "This result was the best ..."
	}
	if strings.Contains(c.Prompt, "( "+quizzes.Blank+" )") || strings.Contains(c.Prompt, "("+quizzes.Blank+")") {
		return false // a figure's label in brackets
	}
	if keyInPrompt(c) {
		return false // "the space around _____ and so that's what keeps the Moon in orbit"
	}
	if len(strings.Fields(c.Prompt)) < 7 {
		return false // "Greenhouse gases are _____." has many right completions
	}
	// a pronoun the blank's sentence names anew may be named wrongly
	// ("There a Frog was spied by a Hawk" for "There he was spied", he
	// being the Mouse); a question names it, a sentence with a hole
	// should read as the text does
	if p := c.KeyPhrase; p != nil {
		for i := range s.Tokens {
			if (i < p.Start || i >= p.End) && (s.Tokens[i].XPOS == "PRP" || s.Tokens[i].XPOS == "PRP$") {
				return false
			}
		}
	}
	if p := c.KeyPhrase; p != nil {
		// an example of a list ("including Greece", "such as Northrop
		// Grumman") is a detail, not what the sentence says
		if p.Start > 0 && p.Start <= len(s.Tokens) {
			prev := strings.ToLower(s.Tokens[p.Start-1].Form)
			if prev == "including" || prev == "as" && p.Start > 1 && strings.EqualFold(s.Tokens[p.Start-2].Form, "such") {
				return false
			}
		}
	}
	return !keyIsTopic(in, c) && !contextWord(c.Prompt) && !backReference(in, c) && !leftoverPronoun(c.Prompt, nil) && !pointingKey(in, c)
}

// tidyCase gives the evidence sentence's first word its own case once a
// question has moved it from the start: "What did archaeologists
// excavate?", not "Archaeologists"; "Mrs. Mallard", not "mrs. Mallard".
func (in *Input) tidyCase(c *Candidate) {
	if strings.HasPrefix(c.Template, "blank.") || c.Sentence < 0 || c.Sentence >= len(in.Doc.Sentences) {
		return
	}
	for _, t := range personTitles {
		c.Prompt = strings.ReplaceAll(c.Prompt, " "+strings.ToLower(t)+" ", " "+t+" ")
	}
	s := &in.Doc.Sentences[c.Sentence]
	if len(s.Tokens) == 0 {
		return
	}
	t := &s.Tokens[0]
	r, n := utf8.DecodeRuneInString(t.Form)
	if n == 0 || !unicode.IsLetter(r) || t.Form == "I" {
		return
	}
	lower := string(unicode.ToLower(r)) + t.Form[n:]
	upper := string(unicode.ToUpper(r)) + t.Form[n:]
	from, to := upper, lower
	if t.UPOS == "PROPN" || strings.HasSuffix(t.Form, ".") {
		from, to = lower, upper
	} else if t.UPOS != "NOUN" && t.UPOS != "ADJ" && t.UPOS != "DET" {
		return
	}
	if from == to {
		return
	}
	// every place but the prompt's own first word
	i := strings.IndexByte(c.Prompt, ' ')
	if i < 0 {
		return
	}
	c.Prompt = c.Prompt[:i] + strings.ReplaceAll(c.Prompt[i:], " "+from+" ", " "+to+" ")
}

// personTitles keep their capital inside a sentence.
var personTitles = []string{"Mrs.", "Mr.", "Ms.", "Dr.", "Prof."}
