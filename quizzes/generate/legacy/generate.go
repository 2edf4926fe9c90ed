// Package legacy is the first question generator, kept while its
// replacement in quizzes/generate grows. It turns an article into
// comprehension questions: it reads the text with prose's tagger and its
// own chunking, finds facts (who said what, who did what, when, where, how
// many), asks about them with templates, picks wrong choices from the
// article and ranks the result.
package legacy

import (
	"sort"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
	"quiztrainer/quizzes"
)

// Generator writes questions for articles. It is safe for concurrent use:
// the model is only read after New.
type Generator struct {
	model  *prose.Model // tokenises
	tagger *posTagger   // prose's tagging weights, scored in a fixed order
}

// New loads prose's models once; building them takes about 0.2 s, which
// prose.NewDocument would otherwise pay on every call.
func New() (*Generator, error) {
	m := prose.ModelFromData("quiztrainer")
	t, err := newPOSTagger(m)
	if err != nil {
		return nil, err
	}
	return &Generator{model: m, tagger: t}, nil
}

// Generate returns the questions for text, best first. The same text always
// gives the same questions.
func (g *Generator) Generate(text string) []quizzes.Question {
	d := g.read(text)
	cands := d.candidates()
	if !LooksEnglish(text) {
		cands = d.anyLanguage(cands)
	}
	ranked := d.rank(cands)
	var pool []phrase
	for _, c := range ranked {
		if f := phraseFamily(c); f != "" {
			pool = append(pool, phrase{text: c.answer, sent: c.sent, family: f, form: verbForm(c)})
		}
	}
	// the pool in text order, so that wrong choices do not follow the ranking
	sort.SliceStable(pool, func(a, b int) bool { return pool[a].sent < pool[b].sent })
	out := make([]quizzes.Question, 0, len(ranked))
	for _, c := range ranked {
		out = append(out, d.toQuestion(c, pool))
	}
	return out
}

// candidates overgenerates: every template on every sentence.
func (d *document) candidates() []candidate {
	var cands []candidate
	for i := range d.sents {
		s := &d.sents[i]
		// the main clause, then each clause joined to it by ", and" or ", but"
		for from, n := 0, 0; from < len(s.Toks) && n < 3; n++ {
			c := d.mainClause(i)
			if from > 0 {
				c = parseClause(s, from)
			}
			if c == nil {
				break
			}
			cands = append(cands, d.clauseQuestions(c)...)
			cands = append(cands, d.eventQuestions(c)...)
			cands = append(cands, d.instrumentQuestions(c)...)
			cands = append(cands, d.measureQuestions(c)...)
			if c.rest[1] <= from || c.rest[1] >= len(s.Toks) || s.Toks[c.rest[1]].Tag != "," {
				break
			}
			from = c.rest[1] + 1
		}
		cands = append(cands, d.attributions(s)...)
		cands = append(cands, d.phraseQuestions(s)...)
	}
	cands = append(cands, d.trueFalse()...)
	cands = append(cands, d.clozes(cands)...)
	refs := d.pronounReferents()
	for i := range cands {
		cands[i].prompt = resolvePronouns(refs[cands[i].sent], cands[i].prompt, cands[i].answer)
	}
	return cands
}

// toQuestion dresses a candidate as a quiz question: multiple choice when
// wrong choices of the key's kind exist, else short answer.
func (d *document) toQuestion(c candidate, pool []phrase) quizzes.Question {
	s := d.sents[c.sent]
	start, end := d.norm.origSpan(s.Start, s.End)
	q := quizzes.Question{
		Kind:        c.kind,
		Prompt:      c.prompt,
		Evidence:    quizzes.Evidence{Start: start, End: end, Text: d.norm.orig[start:end]},
		Template:    c.template,
		Score:       float64(int(c.score*1000+0.5)) / 1000,
		Explanation: c.explain,
	}
	if q.Kind == "" {
		wrong := d.wrongChoices(c.answer, c.atype, 3, c.prompt)
		if wrong == nil && c.atype == ePerson {
			// an article that names only three people still gives a fair
			// question of three choices
			wrong = d.wrongChoices(c.answer, c.atype, 2, c.prompt)
		}
		if wrong == nil && len(strings.Fields(c.answer)) >= longKey {
			// nobody types "heats water in oceans, lakes and rivers" word
			// for word: a long key is chosen among the article's phrases
			wrong = phraseChoices(c, pool, 3)
		}
		if wrong != nil {
			q.Kind = quizzes.MultipleChoice
		} else {
			q.Kind = quizzes.ShortAnswer
		}
		if q.Kind == quizzes.MultipleChoice {
			n := len(wrong) + 1
			k := spot(c.prompt, n)
			for i, j := 0, 0; i < n; i++ {
				if i == k {
					q.Choices = append(q.Choices, quizzes.Choice{Text: c.answer, Correct: true})
				} else {
					q.Choices = append(q.Choices, quizzes.Choice{Text: wrong[j]})
					j++
				}
			}
		}
	}
	if q.Kind == quizzes.TrueFalse {
		q.Choices = []quizzes.Choice{{Text: "True", Correct: c.answer == "True"}, {Text: "False", Correct: c.answer == "False"}}
	}
	if q.Kind == quizzes.ShortAnswer || q.Kind == quizzes.Cloze {
		seen := map[string]bool{}
		for _, a := range append([]string{c.answer}, c.alts...) {
			if a != "" && !seen[a] && (a == c.answer || !isVague(a)) {
				seen[a] = true
				q.Choices = append(q.Choices, quizzes.Choice{Text: a, Correct: true})
			}
		}
	}
	if q.Explanation == "" {
		q.Explanation = "The article says so in sentence " + strconv.Itoa(c.sent+1) + "."
	}
	return q
}

// longKey is the number of words from which a key is too long to type as
// it stands and becomes a choice among the article's phrases.
const longKey = 4
