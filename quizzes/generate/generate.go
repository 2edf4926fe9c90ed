// Package generate turns an article into comprehension questions.
package generate

import "quiztrainer/quizzes"

// Generator writes questions for articles. It is safe for concurrent use.
type Generator struct{}

// New builds a generator.
func New() (*Generator, error) { return &Generator{}, nil }

// Generate returns the questions for text, best first.
func (g *Generator) Generate(text string) []quizzes.Question { return nil }
