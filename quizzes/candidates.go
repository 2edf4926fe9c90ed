package quizzes

import (
	"sort"
	"strings"
)

// Candidate is a generated question that is not in its quiz. A drafted
// quiz keeps the generator's other questions on the article, so that the
// teacher can swap one in for a drafted question or add it, on a page that
// stays the same however the generator changes later.
type Candidate struct {
	ID       int64
	QuizID   int64
	Rank     int // the generator's order: 1 is its best question
	Question Question
}

// Offer is what the draft page shows beside a quiz's questions.
type Offer struct {
	// Alternatives holds, by question id, up to AlternativesPerQuestion
	// candidates on the same passage: the same sentence first, then the
	// same paragraph, each best first.
	Alternatives map[int64][]Candidate
	// Pool is every other candidate, best first, without those that would
	// ask again what a question of the quiz asks.
	Pool []Candidate
}

// AlternativesPerQuestion is how many alternatives a drafted question
// offers: two keep the choice quick to read.
const AlternativesPerQuestion = 2

// OfferCandidates sorts a quiz's candidates into alternatives for its
// generated questions and a pool. A candidate is an alternative to a
// question when its evidence lies in the same sentence or paragraph of the
// article body; it is left out where it would repeat another question of the
// quiz (the same key, or the same prompt on the same evidence).
func OfferCandidates(body string, questions []Question, cands []Candidate) Offer {
	cands = append([]Candidate(nil), cands...)
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].Rank < cands[b].Rank })
	passages := NewPassages(body)
	// each prompt and key normalised once: a page compares every candidate
	// with every question
	quiz := make([]asked, len(questions))
	for i, q := range questions {
		quiz[i] = askedOf(q)
	}
	offered := make([]asked, len(cands))
	for i, c := range cands {
		offered[i] = askedOf(c.Question)
	}
	offer := Offer{Alternatives: map[int64][]Candidate{}}
	used := make([]bool, len(cands))
	for qi, q := range questions {
		if q.Template == "" || q.Evidence.End <= q.Evidence.Start {
			continue // written by hand or imported: no passage to offer from
		}
		var sentence, paragraph []int
		for ci, c := range offered {
			if used[ci] || c.sameQuestion(quiz[qi]) || c.repeats(quiz, qi) {
				continue
			}
			switch {
			case overlaps(c.evidence, q.Evidence):
				sentence = append(sentence, ci)
			case passages.Same(c.evidence, q.Evidence):
				paragraph = append(paragraph, ci)
			}
		}
		alts := append(sentence, paragraph...)
		for _, ci := range alts[:min(len(alts), AlternativesPerQuestion)] {
			used[ci] = true
			offer.Alternatives[q.ID] = append(offer.Alternatives[q.ID], cands[ci])
		}
	}
	for ci, c := range cands {
		if !used[ci] && !offered[ci].repeats(quiz, -1) {
			offer.Pool = append(offer.Pool, c)
		}
	}
	return offer
}

// asked is what a question asks, for telling repeats: its evidence, and
// its prompt and key normalised.
type asked struct {
	evidence    Evidence
	prompt, key string
}

func askedOf(q Question) asked {
	return asked{q.Evidence, NormalizeAnswer(q.Prompt), mainKey(q)}
}

// repeats reports whether a asks again what a question of the quiz, other
// than the one at index except, asks: the same key, or the same prompt on
// the same evidence.
func (a asked) repeats(quiz []asked, except int) bool {
	for i, q := range quiz {
		if i != except && (a.key != "" && a.key == q.key || a.sameQuestion(q)) {
			return true
		}
	}
	return false
}

// sameQuestion reports whether two questions ask the same words about the
// same evidence.
func (a asked) sameQuestion(b asked) bool {
	return overlaps(a.evidence, b.evidence) && a.prompt == b.prompt
}

// mainKey is a question's first key, normalised; none for true or false
// (two such statements can test different facts), essays and descriptions.
func mainKey(q Question) string {
	if q.Kind == TrueFalse || q.Kind == Essay || q.Kind == Description {
		return ""
	}
	if k := q.Keys(); len(k) > 0 {
		return NormalizeAnswer(k[0])
	}
	return ""
}

// Passages tells which paragraph of an article a span lies in.
type Passages struct{ starts []int }

// NewPassages reads the paragraphs of an article body.
func NewPassages(body string) Passages { return Passages{paragraphStarts(body)} }

// Same reports whether two evidence spans share a sentence or begin in the
// same paragraph.
func (p Passages) Same(a, b Evidence) bool {
	return overlaps(a, b) || paragraphOf(p.starts, a.Start) == paragraphOf(p.starts, b.Start)
}

// overlaps reports whether two evidence spans share a byte of the article.
func overlaps(a, b Evidence) bool {
	return a.Start < b.End && b.Start < a.End
}

// paragraphStarts returns the byte offset of each paragraph of an article
// body, in order. Paragraphs are parted by blank lines; in a text without a
// blank line between its lines, each line is a paragraph.
func paragraphStarts(body string) []int {
	type line struct {
		start int
		blank bool
	}
	var lines []line
	for start := 0; start < len(body); {
		end := strings.IndexByte(body[start:], '\n')
		if end < 0 {
			end = len(body) - start
		}
		lines = append(lines, line{start, strings.TrimSpace(body[start:start+end]) == ""})
		start += end + 1
	}
	// a blank line between two lines of text parts paragraphs
	byBlank, text := false, false
	for i, l := range lines {
		if l.blank && text && i+1 < len(lines) && !lines[i+1].blank {
			byBlank = true
		}
		text = text || !l.blank
	}
	starts := []int{0}
	prevBlank := true
	for _, l := range lines {
		if !l.blank && (prevBlank || !byBlank) && l.start > 0 {
			starts = append(starts, l.start)
		}
		prevBlank = l.blank
	}
	return starts
}

// paragraphOf returns the index of the paragraph holding byte offset at.
func paragraphOf(starts []int, at int) int {
	return sort.Search(len(starts), func(i int) bool { return starts[i] > at }) - 1
}
