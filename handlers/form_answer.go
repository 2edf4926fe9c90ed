package handlers

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// maxAnswerBytes bounds a typed answer; essays get more room.
const (
	maxAnswerBytes = 2000
	maxEssayBytes  = 50000
)

// answerFromForm reads the answer to q from a posted form, under the field
// names views.AnswerField and views.MatchField give it. A question left
// blank gives the empty answer and no problem; a bad value gives a problem
// in words the student reads, and the answer as typed (so the page can
// show it again).
func answerFromForm(c *fiber.Ctx, q quizzes.Question) (quizzes.Answer, string) {
	args := c.Request().PostArgs()
	field := views.AnswerField(q.ID)
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		var a quizzes.Answer
		for _, raw := range args.PeekMulti(field) {
			id, err := strconv.ParseInt(string(raw), 10, 64)
			if err != nil || !hasChoice(q, id) {
				return quizzes.Answer{}, "That choice is not one of this question's answers."
			}
			a.Choices = append(a.Choices, id)
		}
		if q.Kind != quizzes.MultipleResponse && len(a.Choices) > 1 {
			return quizzes.Answer{}, "Choose only one answer."
		}
		return a, ""
	case quizzes.Matching:
		var a quizzes.Answer
		for _, raw := range args.PeekMulti(views.MatchField(q.ID)) {
			a.Pairs = append(a.Pairs, string(raw))
		}
		return a, ""
	case quizzes.Description:
		return quizzes.Answer{}, ""
	}
	text := strings.TrimSpace(string(args.Peek(field)))
	a := quizzes.Typed(text)
	limit := maxAnswerBytes
	if q.Kind == quizzes.Essay {
		limit = maxEssayBytes
	}
	switch {
	case text == "":
		return quizzes.Answer{}, ""
	case !utf8.ValidString(text):
		return quizzes.Answer{}, "The answer has characters that cannot be read."
	case len(text) > limit:
		return a, "The answer is too long: keep it under " + itoa(limit) + " characters."
	}
	if q.Kind == quizzes.Numerical {
		if _, ok := quizzes.ParseNumber(text); !ok {
			return a, "Write a number, such as 42 or 3.5."
		}
	}
	return a, ""
}

// blankProblem says what to do when the student saved a question without
// answering it.
func blankProblem(q quizzes.Question) string {
	switch q.Kind {
	case quizzes.MultipleChoice, quizzes.TrueFalse, quizzes.MultipleResponse:
		return "Choose an answer before saving."
	case quizzes.Matching:
		return "Match at least one item before saving."
	case quizzes.Description:
		return "This part has nothing to answer."
	}
	return "Write an answer before saving."
}

func hasChoice(q quizzes.Question, id int64) bool {
	for _, c := range q.Choices {
		if c.ID == id {
			return true
		}
	}
	return false
}
