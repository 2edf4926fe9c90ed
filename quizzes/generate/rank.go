package generate

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"quiztrainer/quizzes"
)

// rankWeights weigh the features a candidate carries; the score is their
// weighted sum, squashed into 0..1. The names are the features families
// and the pipeline set:
//
//	family       the family's own prior (0..1), set by the family
//	named        the key is a name or a date
//	salient      the fact is about an entity the text keeps returning to
//	early        the evidence sentence comes early in the text
//	choices      the question has plausible wrong choices
//	short-prompt the prompt is short enough to read at a glance
//	beyond       the question asks beyond one phrase (why, how, main idea)
//	topic        the evidence sentence speaks of what the text is about
//	             (its title's words or the entity it keeps returning to)
//	             without that being the answer: a main point, not an aside
var rankWeights = map[string]float64{
	"topic":        0.3,
	"family":       1.0,
	"named":        0.35,
	"salient":      0.5,
	"early":        0.25,
	"choices":      0.2,
	"short-prompt": 0.2,
	"beyond":       0.3,
}

// rankFeatures are rankWeights' names in the order the score adds them.
var rankFeatures = slices.Sorted(maps.Keys(rankWeights))

// features sets the features the pipeline knows about a candidate.
func (in *Input) features(c *Candidate) {
	if _, ok := c.Features["family"]; !ok {
		c.feature("family", 0.5)
	}
	switch c.KeyType {
	case TPerson, TPlace, TOrg, TYear, TDate:
		if c.KeyPhrase == nil || c.KeyPhrase.Named || c.KeyType == TYear || c.KeyType == TDate {
			c.feature("named", 1)
		}
	}
	c.feature("early", 1-float64(c.Sentence)/float64(len(in.Doc.Sentences)+1))
	if c.Kind == quizzes.MultipleChoice {
		c.feature("choices", 1)
	}
	n := len(strings.Fields(c.Prompt))
	if n <= 14 {
		c.feature("short-prompt", 1)
	} else if n <= 22 {
		c.feature("short-prompt", 0.5)
	}
	if in.aboutTopic(c.Sentence) && !keyIsTopic(in, c) {
		c.feature("topic", 1)
	}
	if f := c.Fact; f != nil && f.Subject != nil && f.Subject.Chain >= 0 {
		m := len(in.Doc.Chains[f.Subject.Chain].Mentions)
		if m > 6 {
			m = 6
		}
		c.feature("salient", float64(m)/6)
	}
}

// rank scores the kept candidates and sorts them best first; ties keep
// the text's order, so the same text always ranks the same way.
func (in *Input) rank(cands []*Candidate) []*Candidate {
	var out []*Candidate
	for _, c := range cands {
		if c.rejected != "" {
			continue
		}
		in.features(c)
		sum, total := 0.0, 0.0
		// in a fixed order: a sum in map order differs in its last digits
		// from run to run, and that reorders ties
		for _, name := range rankFeatures {
			w := rankWeights[name]
			sum += w * c.Features[name]
			total += w
		}
		c.score = sum / total
		out = append(out, c)
	}
	sort.SliceStable(out, func(a, b int) bool {
		// the pool's blanks come after every question
		if ba, bb := strings.HasPrefix(out[a].Template, "blank."), strings.HasPrefix(out[b].Template, "blank."); ba != bb {
			return bb
		}
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return out[a].Sentence < out[b].Sentence
	})
	return out
}

// aboutTopic reports a sentence that mentions the entity the text is
// about or a content word of its title.
func (in *Input) aboutTopic(si int) bool {
	tc := in.topicChain()
	title := map[string]bool{}
	for _, w := range strings.Fields(in.title()) {
		if !in.lists.stopWords[w] {
			title[w] = true
		}
	}
	if tc < 0 && len(title) == 0 {
		return false
	}
	if si < 0 || si >= len(in.Doc.Sentences) {
		return false
	}
	s := &in.Doc.Sentences[si]
	for _, t := range s.Tokens {
		if title[strings.ToLower(t.Form)] || title[strings.ToLower(t.Lemma)] {
			return true
		}
	}
	if tc >= 0 {
		for _, mi := range in.Doc.Chains[tc].Mentions {
			if in.Doc.Mentions[mi].Sentence == si {
				return true
			}
		}
	}
	return false
}
