package generate

import (
	"strings"
	"sync"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// Story order: a text that narrates (most of its sentences in the past
// tense, like a story or a history told without dates) tells its events
// in the order they happened. The sequence family asks which of four
// events, spread over the text, came first or came last; the choices are
// the events as the text tells them, each with a named subject.

var (
	innerOnce  sync.Once
	innerVerbs map[string]bool
)

// innerVerb reports a verb of thinking or feeling (data/inner-verbs.txt).
func innerVerb(lemma string) bool {
	innerOnce.Do(func() { innerVerbs = readList("inner-verbs") })
	return innerVerbs[strings.ToLower(lemma)]
}

// storyEvent is an event a narrative tells, in text order.
type storyEvent struct {
	text     string
	sentence int
	score    float64
}

// narrates reports a text most of whose prose sentences tell what
// happened in the past.
func (in *Input) narrates() bool {
	prose := in.proseSentences()
	past := 0
	for _, si := range prose {
		if pastRoot(&in.Doc.Sentences[si]) {
			past++
		}
	}
	return len(prose) >= 8 && 10*past >= 6*len(prose)
}

// proseSentences lists the sentences of prose paragraphs (no headings,
// lists or quoted blocks), in text order.
func (in *Input) proseSentences() []int {
	var out []int
	for si := range in.Doc.Sentences {
		if in.Doc.Paragraphs[in.Doc.Sentences[si].Paragraph].Kind == nlp.Prose {
			out = append(out, si)
		}
	}
	return out
}

// isStory reports a narrative: a text whose prose tells, mostly in the
// simple past, what characters did, with "he", "she", "I" or an animal
// the subject of at least a quarter of its sentences, and no year
// anywhere. A history, a biography or a textbook section is told in the
// past tense too, but what it tells in order is dated or is a state of
// things ("Trade was important to the Romans"); asking which of its
// sentences came first asks nothing its text orders. Of the judged texts,
// the stories 11, 12, 18 and the fable 26 are narratives; the histories,
// biographies and textbook sections are not.
func (in *Input) isStory() bool {
	animal := map[[2]int]bool{}
	for _, m := range in.Doc.Mentions {
		if m.Type == nlp.Animal {
			animal[[2]int{m.Sentence, m.Head}] = true
		}
	}
	ps := in.proseSentences()
	past, characters := 0, 0
	for _, si := range ps {
		s := &in.Doc.Sentences[si]
		if pastRoot(s) {
			past++
		}
		found := false
		for i, t := range s.Tokens {
			if hasYearWord(t.Form) {
				return false
			}
			if !strings.HasPrefix(t.Rel, "nsubj") {
				continue
			}
			switch strings.ToLower(t.Form) {
			case "he", "she", "i":
				found = true
			}
			if animal[[2]int{si, i}] {
				found = true
			}
		}
		if found {
			characters++
		}
	}
	prose := len(ps)
	return prose >= 5 && 2*past >= prose && 4*characters >= prose
}

// pastRoot reports a sentence whose main verb is in the simple past.
func pastRoot(s *nlp.Sentence) bool {
	for i, t := range s.Tokens {
		if t.Head >= 0 {
			continue
		}
		if t.XPOS == "VBD" {
			return true
		}
		for _, c := range children(s, i) {
			if (s.Tokens[c].Rel == "cop" || strings.HasPrefix(s.Tokens[c].Rel, "aux")) && s.Tokens[c].XPOS == "VBD" {
				return true
			}
		}
	}
	return false
}

// storyEvents are the narrative's main clauses that tell an action in the
// simple past ("The wolf jumped up into a tree"), outside quotations,
// each with a named or described subject.
func (in *Input) storyEvents() []storyEvent {
	var out []storyEvent
	used := map[int]bool{}
	for fi := range in.Facts {
		f := &in.Facts[fi]
		if f.Kind != Event || f.Subject == nil || f.Negated || used[f.Sentence] || !in.wholeSentence(f.Sentence) || in.asks(f.Sentence) {
			continue
		}
		s := &in.Doc.Sentences[f.Sentence]
		if in.Doc.Paragraphs[s.Paragraph].Kind != nlp.Prose || inQuote(s, f.Pred) {
			continue
		}
		pt := &s.Tokens[f.Pred]
		// an action in the simple past: no "had gone" (told out of
		// order), no "would go" or "could go" (not told as done)
		if pt.Head >= 0 || pt.UPOS != "VERB" || pt.XPOS != "VBD" || child(s, f.Pred, "aux", "aux:pass", "cop") >= 0 {
			continue
		}
		if l := strings.ToLower(pt.Lemma); l == "make" && child(s, f.Pred, "obj") < 0 || l == "have" || l == "be" || l == "do" || innerVerb(l) || in.lists.sayVerbs[strings.ToLower(pt.Lemma)] || f.Subject.Unresolved {
			continue
		}
		txt, ok := in.eventText(f)
		if !ok || strings.ContainsAny(txt, "‘’'`") || strings.HasPrefix(strings.ToLower(txt), strings.ToLower(pt.Form)+" ") {
			continue // speech, or a clause whose subject was lost
		}
		n := len(strings.Fields(txt))
		if n < 4 || n > 16 || hasYearWord(txt) {
			continue
		}
		// the events of the text's main characters, told briefly, first
		score := 0.0
		if c := f.Subject.Chain; c >= 0 {
			m := len(in.Doc.Chains[c].Mentions)
			score += float64(min(m, 8)) / 8
		}
		if n <= 11 {
			score += 0.5
		}
		used[f.Sentence] = true
		out = append(out, storyEvent{text: upperFirst(txt), sentence: f.Sentence, score: score})
	}
	return out
}

// inQuote reports whether token i of a sentence stands inside quotation
// marks: speech, whose events the speaker may tell out of order or only
// imagine. A closing mark with no opening one before it shows a sentence
// that starts inside a quotation.
func inQuote(s *nlp.Sentence, i int) bool {
	depth, straight := 0, false
	for j := range s.Tokens {
		f := s.Tokens[j].Form
		switch f {
		case "“", "‘", "``":
			depth++
		case "”", "’", "''":
			if depth == 0 {
				if j > i {
					return true // the sentence began inside a quotation
				}
				continue
			}
			depth--
		case "\"":
			straight = !straight
		}
		if j == i && (depth > 0 || straight) {
			return true
		}
	}
	return false
}

// storyOrder asks which of four events of a narrative came first, and,
// when the text tells eight or more, which of four others came last. The
// events are spread evenly over those the text tells, one a sentence, so
// that their order is the story's, not a detail of one passage.
func (in *Input) storyOrder() []*Candidate {
	if !in.narrates() || !in.isStory() {
		return nil
	}
	var evs []storyEvent
	for _, e := range in.storyEvents() {
		if len(evs) > 0 && e.sentence == evs[len(evs)-1].sentence {
			if e.score > evs[len(evs)-1].score {
				evs[len(evs)-1] = e
			}
			continue
		}
		evs = append(evs, e)
	}
	var sets [][]storyEvent
	switch {
	case len(evs) >= 8:
		var a, b []storyEvent
		for i, e := range evs {
			if i%2 == 0 {
				a = append(a, e)
			} else {
				b = append(b, e)
			}
		}
		sets = [][]storyEvent{spread(a), spread(b)}
	case len(evs) >= 4:
		sets = [][]storyEvent{spread(evs)}
	}
	var cands []*Candidate
	for i, set := range sets {
		form := "first"
		key, rest := set[0], set[1:]
		if i == 1 {
			form = "last"
			key, rest = set[3], set[:3]
		}
		c := &Candidate{
			Template: "sequence.story" + form, Prompt: "Which of the following happened " + form + "?",
			Key: key.text, KeyType: TStatement, Kind: quizzes.MultipleChoice,
			Sentence: set[0].sentence, LastSentence: set[3].sentence,
		}
		for _, e := range rest {
			c.Distractors = append(c.Distractors, e.text)
		}
		c.feature("family", 0.75)
		c.feature("beyond", 1)
		cands = append(cands, c)
	}
	return cands
}

// spread picks four events evenly spaced over evs (at least four), in
// text order.
func spread(evs []storyEvent) []storyEvent {
	m := len(evs)
	out := make([]storyEvent, 0, 4)
	for k := 0; k < 4; k++ {
		out = append(out, evs[k*(m-1)/3])
	}
	return out
}

// eventRels are the dependents of a story event's verb that its choice
// keeps: what was done, to whom, and the first phrase of where or how.
var eventRels = map[string]bool{
	"obj": true, "iobj": true, "compound:prt": true, "xcomp": true, "obl": true, "advmod": true,
}

// eventText tells a story event briefly: its subject (never a pronoun),
// its verb, and what follows the verb up to the first dependent that is
// not what was done, to whom or where ("The wolf ran with the child a
// little way, and ..." -> "The wolf ran with the child a little way"), as
// the text says it: "The Crow shook his head".
func (in *Input) eventText(f *Fact) (string, bool) {
	si, v := f.Sentence, f.Pred
	s := &in.Doc.Sentences[si]
	subj := f.Subject
	if subj.Start > v || subj.End > v || subj.Text == "" || subj.Conj || subj.End-subj.Start > 6 {
		return "", false
	}
	// a story's "he" and "she" are often read as the wrong character,
	// and an event told of the wrong one is false: the subject must be
	// named or described
	if subj.Pronoun || subj.Unresolved {
		return "", false
	}
	name := subj.Text
	// the verb's dependents after it, while they are what was done
	b := v + 1
	for _, c := range children(s, v) {
		if c < v {
			continue
		}
		ct := &s.Tokens[c]
		if !eventRels[ct.Rel] && !strings.HasPrefix(ct.Rel, "obl") {
			break
		}
		sub := subtree(s, c, func(rel string) bool {
			return rel == "acl:relcl" || rel == "advcl" || rel == "conj" || rel == "parataxis"
		})
		_, e := span(sub, c)
		// a dependent cut by a comma ends the event
		cut := false
		for i := b; i < e; i++ {
			if s.Tokens[i].UPOS == "PUNCT" {
				cut = true
				break
			}
		}
		if cut {
			break
		}
		b = e
		if strings.HasPrefix(ct.Rel, "obl") {
			break // one phrase of where, when or how is enough
		}
	}
	if b-v > 10 {
		return "", false
	}
	for _, c := range children(s, v) {
		switch s.Tokens[c].Rel {
		case "obj", "iobj", "xcomp", "ccomp":
			if c >= b {
				return "", false // what was done is cut: "The blow caused Tubman"
			}
		}
	}
	// what follows the verb reads as the text says it: a pronoun there
	// is left for the reader, as the story leaves it
	rest := cleanSpaces(strings.ReplaceAll(in.Doc.Text[s.Tokens[v].Start:s.Tokens[b-1].End], "\n", " "))
	if rest == "" {
		return "", false
	}
	first := s.Tokens[subj.Start]
	if subj.Start == 0 && first.UPOS != "PROPN" && !subj.Pronoun {
		name = lower(name)
	}
	return cleanSpaces(name + " " + rest), true
}
