package generate

import (
	"strings"
	"testing"

	"quiztrainer/quizzes"
)

func TestForQuizLeavesOutRepeatedKeys(t *testing.T) {
	t.Parallel()
	mc := func(prompt, key string) quizzes.Question {
		return quizzes.Question{Kind: quizzes.MultipleChoice, Prompt: prompt,
			Choices: []quizzes.Choice{{Text: key, Correct: true}, {Text: "other"}}}
	}
	tf := quizzes.Question{Kind: quizzes.TrueFalse, Prompt: "t", Choices: []quizzes.Choice{{Text: "True", Correct: true}, {Text: "False"}}}
	qs := []quizzes.Question{
		mc("Who confirmed it?", "South Korea's intelligence service"),
		mc("Who stated it?", "south korea’s intelligence service."),
		tf, tf,
		mc("Which professor?", "Alexander J. Motyl"),
		mc("Where?", "Uppsala University"),
	}
	got := ForQuiz(qs, 4)
	var prompts []string
	for _, q := range got {
		prompts = append(prompts, q.Prompt)
	}
	want := []string{"Who confirmed it?", "t", "t", "Which professor?"}
	if len(prompts) != len(want) {
		t.Fatalf("got %q, want %q", prompts, want)
	}
	for i := range want {
		if prompts[i] != want[i] {
			t.Fatalf("got %q, want %q", prompts, want)
		}
	}
}

func TestForQuizFollowsTheArticle(t *testing.T) {
	t.Parallel()
	q := func(prompt string, start int) quizzes.Question {
		return quizzes.Question{Kind: quizzes.ShortAnswer, Prompt: prompt, Evidence: quizzes.Evidence{Start: start},
			Choices: []quizzes.Choice{{Text: prompt, Correct: true}}}
	}
	got := ForQuiz([]quizzes.Question{q("best", 300), q("second", 10), q("third", 300), q("fourth", 50), q("fifth", 0)}, 4)
	var prompts []string
	for _, q := range got {
		prompts = append(prompts, q.Prompt)
	}
	if want := "second fourth best third"; strings.Join(prompts, " ") != want {
		t.Errorf("got %q, want the best four in the article's order: %s", prompts, want)
	}
}
