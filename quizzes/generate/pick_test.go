package generate

import (
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
