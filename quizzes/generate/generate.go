package generate

import (
	"fmt"
	"sync"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate/legacy"
)

// DraftQuestions is how many questions a teacher's draft holds unless the
// teacher asks for another number.
const DraftQuestions = 10

// Engine names the question writer a Generator uses.
type Engine string

const (
	// Rules is the first generator: a tagger, phrase chunking and question
	// templates (quizzes/generate/legacy). It writes the bundled sample
	// quiz, whose article it was tuned on, and teachers' drafts of the
	// texts Tree finds nothing fit to ask in.
	Rules Engine = "rules"
	// Tree is the pipeline of this package on the English analysis's
	// dependency trees: facts, families, choices, filters, ranking, draft.
	// It drafts teachers' quizzes (ForTeachers): judged blind on texts no
	// one tuned for, more of its questions go to a class unedited.
	Tree Engine = "tree"
)

// Engines lists the engines a Generator can use.
var Engines = []Engine{Rules, Tree}

// Generator writes questions for articles. It is safe for concurrent use:
// after New it only reads its models and word lists.
type Generator struct {
	old *legacy.Generator
	p   *Pipeline
	// fallback, when set, writes for the texts this one asks nothing of.
	fallback func() *Generator
}

// New loads the rules engine, which writes the bundled sample quiz.
func New() (*Generator, error) { return NewEngine(Rules) }

// ForTeachers loads the generator of teachers' drafts: the tree pipeline,
// and for a text in which it finds nothing fit to ask, the rules engine
// (loaded the first time it is needed), so that no article gives an empty
// draft.
func ForTeachers() (*Generator, error) {
	g, err := NewEngine(Tree)
	if err != nil {
		return nil, err
	}
	var once sync.Once
	var rules *Generator
	g.fallback = func() *Generator {
		once.Do(func() { rules, _ = NewEngine(Rules) })
		return rules
	}
	return g, nil
}

// other returns the generator for a text this one asks nothing of, or nil.
func (g *Generator) other() *Generator {
	if g.fallback == nil {
		return nil
	}
	return g.fallback()
}

// NewEngine loads the models and word lists of one engine once.
func NewEngine(e Engine) (*Generator, error) {
	switch e {
	case Rules:
		g, err := legacy.New()
		if err != nil {
			return nil, err
		}
		return &Generator{old: g}, nil
	case Tree:
		p, err := newPipeline()
		if err != nil {
			return nil, err
		}
		return &Generator{p: p}, nil
	}
	return nil, fmt.Errorf("generate: unknown engine %q (known: rules, tree)", e)
}

// Generate returns every candidate question for text, best first. The same
// text always gives the same questions.
func (g *Generator) Generate(text string) []quizzes.Question {
	if g.old != nil {
		return g.old.Generate(text)
	}
	if g.fallback != nil {
		_, all := g.DraftAndPool(text, DraftQuestions)
		return all
	}
	return g.p.Generate(text)
}

// Draft is what a teacher gets for an article: n questions that fit in
// one quiz, in the article's order. The web app's drafts, the bundled
// sample quiz and `quiztrainer generate` all come from here.
func (g *Generator) Draft(text string, n int) []quizzes.Question {
	if g.old != nil {
		return g.old.Draft(text, n)
	}
	draft := g.p.Draft(text, n)
	if o := g.other(); o != nil && len(draft) == 0 {
		return o.Draft(text, n)
	}
	return draft
}

// DraftAndPool returns the teacher's draft of n questions and every
// candidate, best first (what Draft and Generate return), reading the text
// once.
func (g *Generator) DraftAndPool(text string, n int) (draft, all []quizzes.Question) {
	if g.old != nil {
		all = g.old.Generate(text)
		return legacy.ForQuiz(all, n), all
	}
	draft, all = g.p.DraftAndPool(text, n)
	if o := g.other(); o != nil && len(draft) == 0 {
		return o.DraftAndPool(text, n)
	}
	return draft, all
}
