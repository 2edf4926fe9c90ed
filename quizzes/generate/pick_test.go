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

func TestGarbledQuestions(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		prompt string
		want   bool
	}{
		{"The continent became what of what could be termed?", true},
		{"Spain sent soldiers to who who created a series of missions?", true},
		{"What did but nowhere do attain the level of Europe?", true},
		{"The Sunday Times continued its reputation for innovation: when?", true},
		{"What consists of the clergy of the monastery who are led by an abbot?", false},
		{"When was the division formalized when the See broke away?", false},
		{"What does the church claim to have originated in in the 1st century?", false},
	} {
		if got := garbled(tc.prompt); got != tc.want {
			t.Errorf("garbled(%q) = %v, want %v", tc.prompt, got, tc.want)
		}
	}
}
