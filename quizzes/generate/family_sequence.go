package generate

import (
	"sort"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// familySequence asks which of the events a text dates came first: "Which
// of these happened first?" The choices are the events as the text tells
// them, without their dates (which would give the order away), so the
// student has to place them on the text's time line.
type familySequence struct{}

func init() { register(familySequence{}) }

func (familySequence) Name() string { return "sequence" }

// datedEvent is an event of the text with the year it happened.
type datedEvent struct {
	year     int
	text     string
	sentence int
}

func (familySequence) Ask(in *Input) []*Candidate {
	evs := in.datedEvents()
	if len(evs) < 4 {
		return in.storyOrder()
	}
	// four events with years far enough apart to be told apart: the
	// earliest is the key, the others the wrong choices; so that not only
	// the first sentence is the answer, the events are spread over the
	// text
	sort.SliceStable(evs, func(a, b int) bool { return evs[a].year < evs[b].year })
	picked := []datedEvent{evs[0]}
	for _, e := range evs[1:] {
		if len(picked) == 4 {
			break
		}
		if e.year == picked[len(picked)-1].year {
			continue
		}
		picked = append(picked, e)
	}
	if len(picked) < 4 {
		return nil
	}
	c := &Candidate{
		Template: "sequence.first", Prompt: "Which of the following happened first, according to the text?",
		Key: picked[0].text, KeyType: TStatement, Kind: quizzes.MultipleChoice,
	}
	first, last := picked[0].sentence, picked[0].sentence
	for _, e := range picked[1:] {
		c.Distractors = append(c.Distractors, e.text)
		first, last = min(first, e.sentence), max(last, e.sentence)
	}
	c.Sentence, c.LastSentence = first, last
	c.feature("family", 0.75)
	c.feature("beyond", 1)
	return []*Candidate{c}
}

// datedEvents are the text's main clauses that carry a year ("In 1872,
// Congress made Yellowstone the first national park"), told without it.
func (in *Input) datedEvents() []datedEvent {
	var out []datedEvent
	used := map[int]bool{}
	for fi := range in.Facts {
		f := &in.Facts[fi]
		if f.Kind != Event || f.Subject == nil || used[f.Sentence] || !in.wholeSentence(f.Sentence) {
			continue
		}
		s := &in.Doc.Sentences[f.Sentence]
		pt := &s.Tokens[f.Pred]
		if pt.Head >= 0 && !(pt.Rel == "conj" && s.Tokens[pt.Head].Head < 0) || f.Negated {
			continue // the sentence's main clauses only
		}
		year, date := 0, -1
		for _, a := range f.Args {
			if a.Phrase.Type == TYear || a.Phrase.Type == TDate {
				if y := firstYear(a.Phrase.Text); y > 0 {
					year, date = y, a.Phrase.Head
					break
				}
			}
		}
		if year == 0 {
			continue
		}
		txt, ok := in.statementWithout(f.Sentence, f.Pred, date)
		if !ok || firstYear(txt) > 0 || strings.ContainsAny(txt, "0123456789") && hasYearWord(txt) {
			continue // another date left in the event gives the order away
		}
		used[f.Sentence] = true
		out = append(out, datedEvent{year: year, text: upperFirst(txt), sentence: f.Sentence})
	}
	return out
}

func hasYearWord(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",.;:()")
		if n, err := strconv.Atoi(strings.TrimSuffix(w, "s")); err == nil && n >= 1000 && n < 2200 {
			return true
		}
	}
	return false
}

// statementWithout renders a main clause as statement does, leaving out
// the dependent at token drop (the date) with its preposition.
func (in *Input) statementWithout(si, pred, drop int) (string, bool) {
	s := &in.Doc.Sentences[si]
	if drop < 0 {
		return in.statement(si, pred)
	}
	// render the clause with the date's subtree skipped
	skip := subtree(s, drop, nil)
	saved := make([]nlpTokenHead, 0)
	for i, m := range skip {
		if m {
			saved = append(saved, nlpTokenHead{i, s.Tokens[i].Head})
			s.Tokens[i].Head = -2 // out of every subtree while rendering
		}
	}
	defer func() {
		for _, t := range saved {
			s.Tokens[t.i].Head = t.head
		}
	}()
	txt, ok := in.statement(si, pred)
	if !ok {
		return "", false
	}
	txt = strings.TrimSpace(strings.Trim(cleanSpaces(strings.ReplaceAll(txt, " ,", ",")), ", "))
	return txt, txt != ""
}

type nlpTokenHead struct{ i, head int }
