package generate

import (
	"hash/fnv"

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
	in := &Input{Doc: p.nlp.Read(text), lists: p.lists, keepChain: -1}
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
	in, ranked := p.candidates(text)
	out := make([]quizzes.Question, 0, len(ranked))
	for _, c := range ranked {
		out = append(out, in.question(c))
	}
	return out
}

// Draft is the teacher's draft: n questions chosen by pickDraft.
func (p *Pipeline) Draft(text string, n int) []quizzes.Question {
	in, ranked := p.candidates(text)
	var out []quizzes.Question
	for _, c := range pickDraft(ranked, n) {
		out = append(out, in.question(c))
	}
	return out
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
		Evidence: quizzes.Evidence{Start: first.Start, End: last.End, Text: in.Doc.Text[first.Start:last.End]},
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
