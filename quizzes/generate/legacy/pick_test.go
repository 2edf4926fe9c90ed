package legacy

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

func TestForQuizLeavesOutQuestionsThatGiveEachOtherAway(t *testing.T) {
	t.Parallel()
	sa := func(prompt, key string) quizzes.Question {
		return quizzes.Question{Kind: quizzes.ShortAnswer, Prompt: prompt, Choices: []quizzes.Choice{{Text: key, Correct: true}}}
	}
	got := ForQuiz([]quizzes.Question{
		sa("Who confirmed that North Korean officers were in Ukraine?", "South Korea's intelligence service"),
		sa("Where were the officers?", "Ukraine"),                                             // its key is in the first prompt
		sa("Reports indicating that _____ is sending troops to assist Moscow", "North Korea"), // "North Korean" is another word
		sa("Reports indicating that North Korea is sending troops to assist _____", "Moscow"), // holds the last pick's key
		sa("What did the spy agency use?", "facial recognition AI technology"),
	}, 5)
	var prompts []string
	for _, q := range got {
		prompts = append(prompts, q.Prompt)
	}
	want := []string{"Who confirmed that North Korean officers were in Ukraine?", "Reports indicating that _____ is sending troops to assist Moscow", "What did the spy agency use?"}
	if strings.Join(prompts, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", prompts, want)
	}
}
