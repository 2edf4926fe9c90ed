package generate

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// familyMainIdea asks which sentence best sums up the text, or one of its
// paragraphs. The key is the most salient sentence: the one whose entities
// and content words are those the text keeps returning to. The wrong
// choices are true details of the text: sentences about its minor
// entities, far below the key's salience, so none of them sums it up too.
type familyMainIdea struct{}

func init() { register(familyMainIdea{}) }

func (familyMainIdea) Name() string { return "mainidea" }

// mainIdeaWords bound a choice's length: shorter says too little to sum
// anything up, longer is shortened at a clause boundary or left out.
const (
	mainIdeaMinWords = 4
	mainIdeaMaxWords = 30
)

func (familyMainIdea) Ask(in *Input) []*Candidate {
	var out []*Candidate
	sal := in.salience()
	if c := in.writersPoint(sal); c != nil {
		out = append(out, c)
	} else if c := in.mainIdea(sal, -1); c != nil {
		out = append(out, c)
	}
	if in.narrates() {
		// a paragraph that tells events in order has no sentence that
		// sums it up: each tells one event
		return out
	}
	for pi := range in.Doc.Paragraphs {
		p := &in.Doc.Paragraphs[pi]
		if p.Kind != nlp.Prose || p.EndSentence-p.FirstSentence < 4 {
			continue
		}
		if c := in.mainIdea(sal, pi); c != nil {
			out = append(out, c)
		}
	}
	return out
}

// salience scores every sentence: how much of what the text keeps
// returning to (its entities by the length of their chains, its content
// lemmas by their frequency) the sentence holds.
func (in *Input) salience() []float64 {
	d := in.Doc
	lemmaCount := map[string]int{}
	for si := range d.Sentences {
		for _, t := range d.Sentences[si].Tokens {
			if contentToken(&t) {
				lemmaCount[strings.ToLower(t.Lemma)]++
			}
		}
	}
	out := make([]float64, len(d.Sentences))
	for si := range d.Sentences {
		s := &d.Sentences[si]
		chains := map[int]bool{}
		for _, m := range d.Mentions {
			if m.Sentence == si && m.Chain >= 0 {
				chains[m.Chain] = true
			}
		}
		score := 0.0
		for c := range chains {
			score += math.Log1p(float64(len(d.Chains[c].Mentions)))
		}
		seen := map[string]bool{}
		words := 0
		for _, t := range s.Tokens {
			if t.UPOS != "PUNCT" {
				words++
			}
			l := strings.ToLower(t.Lemma)
			if contentToken(&t) && !seen[l] {
				seen[l] = true
				if n := lemmaCount[l]; n > 1 {
					score += 0.5 * math.Log(float64(n))
				}
			}
		}
		if words > 0 {
			out[si] = score / math.Sqrt(float64(words))
		}
	}
	return out
}

// titleSentence is the text's title: its first paragraph when that is a
// heading or one line without a full stop; -1 when it has none.
func (in *Input) titleSentence() int {
	d := in.Doc
	if len(d.Paragraphs) < 2 {
		return -1
	}
	p := &d.Paragraphs[0]
	if p.EndSentence-p.FirstSentence != 1 {
		return -1
	}
	s := &d.Sentences[p.FirstSentence]
	if p.Kind == nlp.Heading || len(s.Tokens) <= 14 && s.Tokens[len(s.Tokens)-1].Form != "." && !strings.Contains(d.Text[p.Start:p.End], "\n") {
		return p.FirstSentence
	}
	return -1
}

// presentRoot reports a sentence whose main verb is in the present.
func presentRoot(s *nlp.Sentence) bool {
	for i, t := range s.Tokens {
		if t.Head >= 0 {
			continue
		}
		if t.XPOS == "VBZ" || t.XPOS == "VBP" {
			return true
		}
		for _, c := range children(s, i) {
			if (s.Tokens[c].Rel == "cop" || strings.HasPrefix(s.Tokens[c].Rel, "aux")) && (s.Tokens[c].XPOS == "VBZ" || s.Tokens[c].XPOS == "VBP") {
				return true
			}
		}
	}
	return false
}

// titleOverlap is the share of the title's content words that sentence
// si holds.
func (in *Input) titleOverlap(ts, si int) float64 {
	d := in.Doc
	if ts < 0 {
		return 0
	}
	title := map[string]bool{}
	for _, t := range d.Sentences[ts].Tokens {
		if contentToken(&t) {
			title[stem(t.Lemma)] = true
		}
	}
	if len(title) == 0 {
		return 0
	}
	n := 0
	for _, t := range d.Sentences[si].Tokens {
		l := stem(t.Lemma)
		if contentToken(&t) && title[l] {
			n++
			title[l] = false
		}
	}
	return float64(n) / float64(len(title))
}

// stem folds a lemma for comparing with a title, where names and plurals
// are often left as written ("Thunderstorms").
func stem(l string) string {
	l = strings.ToLower(l)
	if len(l) > 4 && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
		l = l[:len(l)-1]
	}
	return l
}

// topChain is the entity the text mentions most, -1 for none.
func (in *Input) topChain() int {
	best, n := -1, 0
	for ci, c := range in.Doc.Chains {
		if len(c.Mentions) > n {
			best, n = ci, len(c.Mentions)
		}
	}
	return best
}

// subjectChain is the chain of sentence si's main subject, -1 for none.
func (in *Input) subjectChain(si int) int {
	s := &in.Doc.Sentences[si]
	for i := range s.Tokens {
		if s.Tokens[i].Head >= 0 && s.Tokens[s.Tokens[i].Head].Head < 0 && strings.HasPrefix(s.Tokens[i].Rel, "nsubj") {
			if m := in.mentionAt(si, i); m >= 0 {
				return in.Doc.Mentions[m].Chain
			}
		}
	}
	return -1
}

func contentToken(t *nlp.Token) bool {
	switch t.UPOS {
	case "NOUN", "PROPN", "VERB", "ADJ":
		return t.Lemma != "be" && t.Lemma != "have" && len(t.Lemma) > 2
	}
	return false
}

// mainIdea builds the question for the whole text (para -1) or one
// paragraph.
func (in *Input) mainIdea(sal []float64, para int) *Candidate {
	d := in.Doc
	type choice struct {
		si    int
		text  string
		score float64
	}
	var all []choice
	prose, past, roots := 0, 0, 0
	top := 0.0
	for si := range d.Sentences {
		if sal[si] > top {
			top = sal[si]
		}
	}
	if top == 0 {
		return nil
	}
	topChain := in.topChain()
	// a sentence that states a reason is asked about by the why family:
	// as a choice here it would give that answer away
	reasons := map[int]bool{}
	for _, r := range in.reasons() {
		reasons[r.Effect.Sentence], reasons[r.CauseSentence] = true, true
	}
	title := in.titleSentence()
	firstChoice := -1
	for si := range d.Sentences {
		s := &d.Sentences[si]
		p := &d.Paragraphs[s.Paragraph]
		if p.Kind != nlp.Prose || si == title {
			continue
		}
		prose++
		for i, t := range s.Tokens {
			if t.Head >= 0 {
				continue
			}
			roots++
			isPast := t.XPOS == "VBD"
			for _, c := range children(s, i) {
				if (s.Tokens[c].Rel == "cop" || strings.HasPrefix(s.Tokens[c].Rel, "aux")) && s.Tokens[c].XPOS == "VBD" {
					isPast = true
				}
			}
			if isPast {
				past++
			}
		}
		if para >= 0 && s.Paragraph != para {
			continue
		}
		txt, ok := in.summaryChoice(si)
		if !ok || reasons[si] {
			continue
		}
		score := sal[si] / top
		if para < 0 {
			// a text's title and first sentence say what it is about
			score += 1.5 * in.titleOverlap(title, si)
			if firstChoice < 0 {
				firstChoice = si
				score += 0.6
			}
		} else {
			if si == p.FirstSentence {
				score += 0.4 // a paragraph's topic sentence comes first
			}
			// and its words come back in the paragraph's other sentences
			score += in.cohesion(si)
		}
		if topChain >= 0 && in.subjectChain(si) == topChain {
			score += 0.3
		}
		all = append(all, choice{si, txt, score})
	}
	if prose < 6 || len(all) < 4 {
		return nil
	}
	sort.SliceStable(all, func(a, b int) bool { return all[a].score > all[b].score })
	// the key: the best that can sum up, not one item of a list ("One
	// strategy is rehearsal") nor an example
	k := -1
	for i := range all {
		if !partOnly(&d.Sentences[all[i].si]) {
			k = i
			break
		}
	}
	if k < 0 {
		return nil
	}
	if k > 0 {
		all[0], all[k] = all[k], all[0]
	}
	key := all[0]
	if para < 0 && !in.introParagraph(key.si) {
		// a sentence that sums up a whole text comes in its opening
		// paragraph; one from further on sums up only its own part
		return nil
	}
	if para < 0 && float64(past) > 0.5*float64(roots) {
		// a story or a history told in order has no one sentence that
		// sums it up, unless it opens by saying what it is about in the
		// present ("Harriet Tubman is an American hero.")
		if key.si != firstChoice || !presentRoot(&d.Sentences[key.si]) {
			return nil
		}
	}
	var wrong []string
	keyWords := len(strings.Fields(key.text))
	seen := map[string]bool{quizzes.NormalizeAnswer(key.text): true}
	// details: the least salient sentences first, of a length near the
	// key's so that length does not give the key away
	for i := len(all) - 1; i > 0 && len(wrong) < wantChoices; i-- {
		c := all[i]
		if c.score > 0.6*key.score && c.score > key.score-0.5 || c.si == key.si+1 || c.si == key.si-1 {
			continue
		}
		w := len(strings.Fields(c.text))
		r := float64(w) / float64(keyWords)
		if r < 0.5 || r > 2 && w > 12 {
			continue
		}
		n := quizzes.NormalizeAnswer(c.text)
		if seen[n] {
			continue
		}
		seen[n] = true
		wrong = append(wrong, c.text)
	}
	if len(wrong) < wantChoices {
		return nil
	}
	what := "the text"
	template := "mainidea.text"
	if para >= 0 {
		what = "paragraph " + strconv.Itoa(paragraphNumber(d, para))
		template = "mainidea.paragraph"
	}
	c := &Candidate{
		Template: template, Prompt: "Which sentence best sums up " + what + "?", Key: key.text,
		KeyType: TStatement, Kind: quizzes.MultipleChoice, Distractors: wrong, Sentence: key.si,
	}
	prior := 0.85
	if para >= 0 {
		prior = 0.6
	}
	c.feature("family", prior)
	c.feature("beyond", 1)
	return c
}

// paragraphNumber counts paragraphs as a reader does: prose, lists and
// quotations, not headings.
func paragraphNumber(d *nlp.Document, para int) int {
	n := 0
	for i := 0; i <= para && i < len(d.Paragraphs); i++ {
		if d.Paragraphs[i].Kind != nlp.Heading {
			n++
		}
	}
	return n
}

// summaryChoice gives sentence si as a choice, as the text says it: a
// statement with its subject, not a question, a quotation or a sentence
// that leans on the one before ("It ...", "However, ..."). A long one is
// shortened to its main clause where a comma ends it, never inside a
// phrase.
func (in *Input) summaryChoice(si int) (string, bool) {
	s := &in.Doc.Sentences[si]
	root := -1
	for i := range s.Tokens {
		if s.Tokens[i].Head < 0 {
			root = i
		}
	}
	if root < 0 || !hasFiniteVerb(s) || !in.wholeSentence(si) {
		return "", false
	}
	subj := child(s, root, "nsubj", "nsubj:pass", "csubj", "expl")
	if subj < 0 || child(s, root, "mark") >= 0 {
		return "", false // an order, a fragment or a subordinate clause
	}
	if s.Tokens[subj].UPOS == "PRON" && s.Tokens[subj].Rel != "expl" && !strings.EqualFold(s.Tokens[subj].Form, "there") {
		return "", false // "she", "we": the sentence leans on another
	}
	first := &s.Tokens[0]
	if first.UPOS == "PRON" || first.UPOS == "CCONJ" || first.UPOS == "SCONJ" || first.Feats.PronType == "Dem" ||
		first.UPOS == "ADV" && connectiveWord(first.Form) || strings.EqualFold(first.Form, "other") || strings.EqualFold(first.Form, "others") {
		return "", false
	}
	last := s.Tokens[len(s.Tokens)-1].Form
	if last == "?" || last == "!" {
		return "", false
	}
	end := len(s.Tokens)
	words := func(b int) int {
		n := 0
		for _, t := range s.Tokens[:b] {
			if t.UPOS != "PUNCT" {
				n++
			}
		}
		return n
	}
	if words(end) > mainIdeaMaxWords {
		// the main clause, where a comma before a trailing clause ends it
		cut := -1
		for _, c := range children(s, root) {
			ct := &s.Tokens[c]
			if c > root && (ct.Rel == "conj" || ct.Rel == "parataxis" || ct.Rel == "advcl") {
				a := firstTokenOf(s, c)
				if a > 0 && (s.Tokens[a-1].Form == "," || s.Tokens[a].UPOS == "CCONJ" && s.Tokens[a-1].Form == ",") {
					if s.Tokens[a].UPOS == "CCONJ" {
						a--
					}
					if cut < 0 || a-1 < cut {
						cut = a - 1
					}
				}
			}
		}
		if cut < 0 {
			return "", false
		}
		end = cut
	}
	if n := words(end); n < mainIdeaMinWords || n > mainIdeaMaxWords {
		return "", false
	}
	a, b := s.Tokens[0].Start, s.Tokens[end-1].End
	txt := cleanSpaces(strings.ReplaceAll(in.Doc.Text[a:b], "\n", " "))
	if !balanced(txt) || strings.ContainsAny(txt, "\"“”:;[]") {
		return "", false
	}
	txt = strings.TrimRight(txt, " ,;")
	if !strings.HasSuffix(txt, ".") {
		txt += "."
	}
	return txt, true
}

// partOnly reports a sentence that names one item of several or an
// example ("One strategy is rehearsal", "Another ...", "For example,
// ..."): it cannot sum up the passage it belongs to.
func partOnly(s *nlp.Sentence) bool {
	if len(s.Tokens) < 2 {
		return true
	}
	w := strings.ToLower(s.Tokens[0].Form)
	switch w {
	case "one", "another", "first", "second", "third", "next", "finally", "also", "secondly", "lastly":
		return true
	case "for", "as":
		n := strings.ToLower(s.Tokens[1].Form)
		return n == "example" || n == "instance"
	}
	return false
}

// introParagraph reports whether sentence si stands in the text's
// opening paragraph: its first paragraph of whole sentences, after the
// title, a dateline or byline, and a list's lead-in ("By the end of this
// section, you will be able to:") with its items.
func (in *Input) introParagraph(si int) bool {
	d := in.Doc
	for pi := range d.Paragraphs {
		p := &d.Paragraphs[pi]
		if p.Kind != nlp.Prose || p.EndSentence-p.FirstSentence < 1 {
			continue
		}
		if p.EndSentence-p.FirstSentence == 1 && len(d.Sentences[p.FirstSentence].Tokens) < 15 {
			continue // a title, a dateline or a byline
		}
		if !in.wholeSentence(p.FirstSentence) || strings.HasSuffix(strings.TrimSpace(d.Text[p.Start:p.End]), ":") {
			continue // a list's lead-in or one of its items
		}
		return si >= p.FirstSentence && si < p.EndSentence
	}
	return false
}

// cohesion is the share of the content words of sentence si's paragraph,
// outside si, that si holds too: a topic sentence names what the rest of
// its paragraph speaks of.
func (in *Input) cohesion(si int) float64 {
	d := in.Doc
	p := &d.Paragraphs[d.Sentences[si].Paragraph]
	own := map[string]bool{}
	for _, t := range d.Sentences[si].Tokens {
		if contentToken(&t) {
			own[stem(t.Lemma)] = true
		}
	}
	rest := map[string]bool{}
	for sj := p.FirstSentence; sj < p.EndSentence; sj++ {
		if sj == si {
			continue
		}
		for _, t := range d.Sentences[sj].Tokens {
			if contentToken(&t) {
				rest[stem(t.Lemma)] = true
			}
		}
	}
	if len(rest) == 0 {
		return 0
	}
	n := 0
	for w := range own {
		if rest[w] {
			n++
		}
	}
	return float64(n) / math.Sqrt(float64(len(rest)))
}
