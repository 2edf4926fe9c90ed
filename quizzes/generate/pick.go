package generate

import "quiztrainer/quizzes"

// ForQuiz picks up to n questions for one quiz, best first, leaving out a
// question whose key an earlier pick already has: in one quiz, two
// questions with the same answer give each other away. The ranking itself
// keeps such pairs, because on their own both are fair questions.
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
	return out
}
