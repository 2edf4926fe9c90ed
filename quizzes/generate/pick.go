package generate

import (
	"sort"

	"quiztrainer/quizzes"
)

// ForQuiz picks the best n questions for one quiz, leaving out a question
// whose key an earlier pick already has: in one quiz, two questions with
// the same answer give each other away. The ranking itself keeps such
// pairs, because on their own both are fair questions. The picks come in
// the article's order, so that students answer as they read.
func ForQuiz(qs []quizzes.Question, n int) []quizzes.Question {
	var out []quizzes.Question
	seen := map[string]bool{}
	for _, q := range qs {
		if len(out) == n {
			break
		}
		keys := q.Keys()
		if q.Kind == quizzes.TrueFalse || len(keys) == 0 {
			out = append(out, q)
			continue
		}
		k := quizzes.NormalizeAnswer(keys[0])
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, q)
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Evidence.Start < out[b].Evidence.Start })
	return out
}
