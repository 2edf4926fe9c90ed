package legacy

import (
	"sort"
	"strings"

	"quiztrainer/quizzes"
)

// DraftQuestions is how many questions a teacher's draft holds unless the
// teacher asks for another number.
const DraftQuestions = 10

// Draft is what a teacher gets for an article: the best n candidates that
// fit in one quiz (ForQuiz), in the article's order. The web app's drafts,
// the bundled sample quiz and `quiztrainer generate` all come from here.
func (g *Generator) Draft(text string, n int) []quizzes.Question {
	return ForQuiz(g.Generate(text), n)
}

// ForQuiz picks the best n questions for one quiz, leaving out a question
// that shares its key with an earlier pick, or whose key or prompt holds
// the other's answer: in one quiz, such questions give each other away. The ranking itself keeps such
// pairs, because on their own both are fair questions. The picks come in
// the article's order, so that students answer as they read.
func ForQuiz(qs []quizzes.Question, n int) []quizzes.Question {
	var out []quizzes.Question
	var keys, prompts []string // of the picks, normalised and padded
	for _, q := range qs {
		if len(out) == n {
			break
		}
		prompt := " " + quizzes.NormalizeAnswer(q.Prompt) + " "
		key := ""
		if k := q.Keys(); q.Kind != quizzes.TrueFalse && len(k) > 0 {
			key = " " + quizzes.NormalizeAnswer(k[0]) + " "
		}
		if givenAway(key, prompt, keys, prompts) {
			continue
		}
		keys, prompts = append(keys, key), append(prompts, prompt)
		out = append(out, q)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Evidence.Start < out[b].Evidence.Start })
	return out
}

// givenAway reports whether a question with this key and prompt would give
// away a pick, or be given away by one: the same key, its key in a pick's
// prompt ("Reports indicating that North Korea is sending troops to assist
// _____" tells the answer to "... that _____ is sending troops"), or a
// pick's key in its prompt.
func givenAway(key, prompt string, keys, prompts []string) bool {
	for i := range keys {
		if key != "  " && key != "" && (key == keys[i] || strings.Contains(prompts[i], key)) {
			return true
		}
		if keys[i] != "" && keys[i] != "  " && strings.Contains(prompt, keys[i]) {
			return true
		}
	}
	return false
}
