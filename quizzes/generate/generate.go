package generate

import (
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate/legacy"
)

// DraftQuestions is how many questions a teacher's draft holds unless the
// teacher asks for another number.
const DraftQuestions = legacy.DraftQuestions

// Generator writes questions for articles. It is safe for concurrent use.
type Generator struct {
	old *legacy.Generator
}

// New loads the models once.
func New() (*Generator, error) {
	g, err := legacy.New()
	if err != nil {
		return nil, err
	}
	return &Generator{old: g}, nil
}

// Generate returns every candidate question for text, best first. The same
// text always gives the same questions.
func (g *Generator) Generate(text string) []quizzes.Question {
	return g.old.Generate(text)
}

// Draft is what a teacher gets for an article: the best n questions that
// fit in one quiz, in the article's order.
func (g *Generator) Draft(text string, n int) []quizzes.Question {
	return g.old.Draft(text, n)
}

// ForQuiz picks the best n questions of qs for one quiz, leaving out those
// that would give each other away, in the article's order.
func ForQuiz(qs []quizzes.Question, n int) []quizzes.Question {
	return legacy.ForQuiz(qs, n)
}

// LooksEnglish reports whether text reads as English; texts too short to
// tell count as English.
func LooksEnglish(text string) bool { return legacy.LooksEnglish(text) }
