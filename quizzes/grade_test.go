package quizzes

import "testing"

func TestGrade(t *testing.T) {
	t.Parallel()
	mc := Question{Kind: MultipleChoice, Prompt: "p", Choices: []Choice{{ID: 10, Text: "a"}, {ID: 11, Text: "b", Correct: true}}}
	mr := Question{Kind: MultipleResponse, Prompt: "p", Points: 2, Choices: []Choice{
		{ID: 20, Text: "a", Correct: true}, {ID: 21, Text: "b", Correct: true}, {ID: 22, Text: "c", Weight: -0.5}}}
	sa := Question{Kind: ShortAnswer, Prompt: "p", Choices: []Choice{
		{Text: "Alexander J. Motyl", Correct: true}, {Text: "Motyl", Correct: true}, {Text: "Mot*", Correct: true, Weight: 0.5}}}
	num := Question{Kind: Numerical, Prompt: "p", Choices: []Choice{{Text: "3.14", Correct: true, Tolerance: 0.01}}}
	match := Question{Kind: Matching, Prompt: "p", Choices: []Choice{
		{Text: "cat", Match: "meow", Correct: true}, {Text: "dog", Match: "woof", Correct: true}, {Match: "moo"}}}
	for _, tc := range []struct {
		name   string
		q      Question
		given  Answer
		points float64
		right  bool
	}{
		{"the key of a multiple-choice question earns the point", mc, Picked(11), 1, true},
		{"a wrong choice earns nothing", mc, Picked(10), 0, false},
		{"a choice of another question earns nothing", mc, Picked(20), 0, false},
		{"two choices for a one-choice question earn nothing", mc, Picked(11, 10), 0, false},
		{"both right responses earn all points", mr, Picked(20, 21), 2, true},
		{"one right response earns half", mr, Picked(20), 1, false},
		{"a penalised choice takes points away", mr, Picked(20, 22), 0, false},
		{"a repeated choice counts once", mr, Picked(20, 20), 1, false},
		{"short answers ignore case and punctuation", sa, Typed("  alexander j motyl "), 1, true},
		{"a surname is an accepted variant", sa, Typed("MOTYL."), 1, true},
		{"a wildcard answer gives its weight", sa, Typed("Motylx"), 0.5, false},
		{"an empty short answer earns nothing", sa, Typed("   "), 0, false},
		{"a number within tolerance is right", num, Typed("3,141"), 1, true},
		{"a number outside tolerance is wrong", num, Typed("3.2"), 0, false},
		{"text for a number is wrong", num, Typed("pi"), 0, false},
		{"every pair matched is right", match, Paired("meow", "woof"), 1, true},
		{"half the pairs give half the points", match, Paired("meow", "moo"), 0.5, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := Grade(tc.q, tc.given)
			if o.Points != tc.points || o.Correct != tc.right {
				t.Errorf("Grade(%+v) = %v points, correct %v; want %v, %v", tc.given, o.Points, o.Correct, tc.points, tc.right)
			}
		})
	}
}

func TestValidateNamesTheProblem(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		q    Question
		want string
	}{
		{Question{Kind: "poll", Prompt: "p"}, `unknown question kind "poll"`},
		{Question{Kind: MultipleChoice}, "the question has no text"},
		{Question{Kind: MultipleChoice, Prompt: "p", Choices: []Choice{{Text: "a", Correct: true}, {Text: "b", Correct: true}}}, "a multiple-choice question needs exactly one correct choice, it has 2"},
		{Question{Kind: ShortAnswer, Prompt: "p"}, "a short answer question needs at least one accepted answer"},
	} {
		err := tc.q.Validate()
		if err == nil || err.Error() != tc.want {
			t.Errorf("Validate() = %v, want %q", err, tc.want)
		}
	}
}

func TestDescribeAndOrder(t *testing.T) {
	t.Parallel()
	mc := Question{Kind: MultipleResponse, Choices: []Choice{{ID: 1, Text: "a", Correct: true}, {ID: 2, Text: "b"}, {ID: 3, Text: "c", Correct: true}}}
	if got := DescribeAnswer(mc, Picked(3, 1, 9)); got != "c; a" {
		t.Errorf("DescribeAnswer = %q, want %q", got, "c; a")
	}
	if got := DescribeKey(mc); got != "a; c" {
		t.Errorf("DescribeKey = %q, want %q", got, "a; c")
	}
	a, b := Order(10, true, 42), Order(10, true, 42)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("Order is not stable for one seed: %v vs %v", a, b)
		}
	}
	if got := Order(3, false, 42); got[0] != 0 || got[2] != 2 {
		t.Errorf("Order without shuffle = %v, want [0 1 2]", got)
	}
	if got := Slugify("North Korean troops & Russia’s economy!"); got != "north-korean-troops-russia-s-economy" {
		t.Errorf("Slugify = %q", got)
	}
}
