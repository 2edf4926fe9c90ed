package generate

import (
	"quiztrainer/quizzes"
)

// DraftQuestions is how many questions a teacher's draft holds unless the
// teacher asks for another number.
const DraftQuestions = 10

// Generator writes questions for articles. It is safe for concurrent use:
// after New it only reads its models and word lists.
type Generator struct {
	p *Pipeline
}

// New loads the English analysis's models and the word lists once.
func New() (*Generator, error) {
	p, err := newPipeline()
	if err != nil {
		return nil, err
	}
	return &Generator{p: p}, nil
}

// Generate returns every candidate question for text, best first: the
// questions, then the pool's blanks. The same text always gives the same
// questions.
func (g *Generator) Generate(text string) []quizzes.Question {
	return g.p.Generate(text)
}

// Draft is what a teacher gets for an article: n questions that fit in
// one quiz, in the article's order. The web app's drafts, the bundled
// sample quiz and `quiztrainer generate` all come from here.
func (g *Generator) Draft(text string, n int) []quizzes.Question {
	return g.p.Draft(text, n)
}
