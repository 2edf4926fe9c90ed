package quizzes

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// Limits every quiz and question keeps, whether written in the editor,
// drafted from an article or imported from a file. They bound what one
// page shows and what one upload can store.
const (
	// MaxQuestions is the most questions one quiz (or one imported set)
	// holds: larger sets are split into several quizzes.
	MaxQuestions = 1000
	// MaxTitleRunes bounds a quiz's title and a question's title.
	MaxTitleRunes = 200
	// MaxPromptRunes bounds a question's text and its explanation.
	MaxPromptRunes = 100_000
	// MaxChoiceRunes bounds each choice, match and feedback.
	MaxChoiceRunes = 10_000
	// MaxChoices bounds the choices (or pairs, or accepted answers) of one
	// question.
	MaxChoices = 100
	// MaxPoints is the most points one question is worth.
	MaxPoints = 100
)

// CheckPoints says what is wrong with a question's points: they must be a
// finite number from 0 to MaxPoints.
func CheckPoints(v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 || v > MaxPoints {
		return fmt.Errorf("the points must be a number from 0 to %d", MaxPoints)
	}
	return nil
}

// CheckTitle says what is wrong with a quiz's title.
func CheckTitle(title string) error {
	if n := utf8.RuneCountInString(title); n == 0 || n > MaxTitleRunes {
		return fmt.Errorf("the title must have 1 to %d characters", MaxTitleRunes)
	}
	return nil
}

// CheckLimits says which of the limits above a question passes over, if
// any: the editor and every importer ask it.
func (q Question) CheckLimits() error {
	if err := CheckPoints(q.Points); err != nil {
		return err
	}
	long := func(s string, max int) bool { return len(s) > max && utf8.RuneCountInString(s) > max }
	switch {
	case long(q.Title, MaxTitleRunes):
		return fmt.Errorf("the question's title is longer than %d characters", MaxTitleRunes)
	case long(q.Prompt, MaxPromptRunes):
		return fmt.Errorf("the question text is longer than %d characters", MaxPromptRunes)
	case long(q.Explanation, MaxPromptRunes):
		return fmt.Errorf("the explanation is longer than %d characters", MaxPromptRunes)
	case long(q.Category, MaxChoiceRunes):
		return fmt.Errorf("the category is longer than %d characters", MaxChoiceRunes)
	case len(q.Choices) > MaxChoices:
		return fmt.Errorf("the question has %d choices or answers; a question has at most %d", len(q.Choices), MaxChoices)
	}
	for i, c := range q.Choices {
		if long(c.Text, MaxChoiceRunes) || long(c.Match, MaxChoiceRunes) || long(c.Feedback, MaxChoiceRunes) {
			return fmt.Errorf("choice %d is longer than %d characters", i+1, MaxChoiceRunes)
		}
		if math.IsNaN(c.Tolerance) || math.IsInf(c.Tolerance, 0) || math.IsNaN(c.Weight) || math.IsInf(c.Weight, 0) {
			return fmt.Errorf("choice %d: its numbers must be finite", i+1)
		}
	}
	return nil
}
