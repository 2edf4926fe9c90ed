package generate

import (
	"fmt"

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
	// templates (quizzes/generate/legacy). It serves teachers' drafts until
	// Tree drafts better quizzes on texts it was not tuned on.
	Rules Engine = "rules"
	// Tree is the pipeline of this package on the English analysis's
	// dependency trees: facts, families, choices, filters, ranking, draft.
	Tree Engine = "tree"
)

// Engines lists the engines a Generator can use; the first serves drafts.
var Engines = []Engine{Rules, Tree}

// Generator writes questions for articles. It is safe for concurrent use:
// after New it only reads its models and word lists.
type Generator struct {
	old *legacy.Generator
	p   *Pipeline
}

// New loads the generator that serves teachers' drafts.
func New() (*Generator, error) { return NewEngine(Engines[0]) }

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
	return g.p.Generate(text)
}

// Draft is what a teacher gets for an article: n questions that fit in
// one quiz, in the article's order. The web app's drafts, the bundled
// sample quiz and `quiztrainer generate` all come from here.
func (g *Generator) Draft(text string, n int) []quizzes.Question {
	if g.old != nil {
		return g.old.Draft(text, n)
	}
	return g.p.Draft(text, n)
}

// DraftAndPool returns the teacher's draft of n questions and every
// candidate, best first (what Draft and Generate return), reading the text
// once.
func (g *Generator) DraftAndPool(text string, n int) (draft, all []quizzes.Question) {
	if g.old != nil {
		all = g.old.Generate(text)
		return legacy.ForQuiz(all, n), all
	}
	return g.p.DraftAndPool(text, n)
}
