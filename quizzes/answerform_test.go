package quizzes

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeAnswerForms(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"  The  Nile. ", "nile"},
		{"an apple", "apple"},
		{"the", "the"},
		{"A", "a"},
		{"Vitamin A", "vitamin a"},
		{"O’Brien", "obrien"},
		{"O'Brien", "obrien"},
		{"Russia’s army", "russias army"},
		{"“Reykjavík”", "reykjavik"},
		{"São Paulo", "sao paulo"},
		{"70,000", "70000"},
		{"70000", "70000"},
		{"seventy thousand", "70000"},
		{"seventy-thousand people", "70000 people"},
		{"70 thousand", "70000"},
		{"two hundred and five", "205"},
		{"a hundred", "100"},
		{"one hundred thousand", "100000"},
		{"twenty-one", "21"},
		{"3.5 million", "3500000"},
		{"3,5", "3.5"},
		{"3.50", "3.5"},
		{"1,500", "1500"},
		{"1.500", "1.5"},
		{"1.000.000", "1000000"},
		{"1,234.5", "1234.5"},
		{"1.234,5", "1234.5"},
		{"-5 degrees", "-5 degrees"},
		{"1914-1918", "1914-1918"},
		{"1914–1918", "1914-1918"},
		{"1867-11-7", "1867-11-07"},
		{"1867-13-07", "1867-13-07"},
		{"COVID-19", "covid 19"},
		{"50%", "50 percent"},
		{"50 per cent", "50 percent"},
		{"Russia & North Korea", "russia and north korea"},
		{"Russia and North Korea", "russia and north korea"},
		{"7 November 1867", "1867-11-07"},
		{"November 7, 1867", "1867-11-07"},
		{"Nov. 7, 1867", "1867-11-07"},
		{"1867-11-07", "1867-11-07"},
		{"the 7th of November, 1867", "1867-11-07"},
		{"7th November 1867", "1867-11-07"},
		{"Sept. 1, 1939", "1939-09-01"},
		{"7 November", "11-07"},
		{"November the 7th", "november the 7th"},
		{"November 1867", "1867-11"},
		{"1867-11", "1867-11"},
		{"Nov 1867", "1867-11"},
		{"May", "may"},
		{"you may 5 times", "you may 5 times"},
		{"May 5", "05-05"},
		{"the fifth of May", "05-05"},
		{"the seventh president", "7th president"},
		{"7th president", "7th president"},
		{"the first", "1st"},
		{"22nd", "22nd"},
		{"1867", "1867"},
		{"007", "007"},
		{"Mot*", "mot*"},
		{"", ""},
		{"...", ""},
	} {
		if got := NormalizeAnswer(tc.in); got != tc.want {
			t.Errorf("NormalizeAnswer(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// What a student would write for a key is accepted; what means something
// else is refused.
func TestTypedAnswersInOtherForms(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		keys  []string // accepted answers
		wrong []string // listed wrong answers (weight 0)
		given string
		right bool
	}{
		// articles, case, punctuation, quotes
		{[]string{"the Nile"}, nil, "Nile", true},
		{[]string{"Nile"}, nil, "the nile.", true},
		{[]string{"Nile"}, nil, "a Nile", true},
		{[]string{"O’Brien"}, nil, "O'Brien", true},
		{[]string{"O'Brien"}, nil, "obrien", true},
		{[]string{"Reykjavík"}, nil, "Reykjavik", true},
		{[]string{"Russia and North Korea"}, nil, "Russia & North Korea", true},
		// numbers
		{[]string{"70,000"}, nil, "70000", true},
		{[]string{"70,000"}, nil, "seventy thousand", true},
		{[]string{"70000 people"}, nil, "seventy thousand people", true},
		{[]string{"70,000"}, nil, "70 thousand", true},
		{[]string{"3.5"}, nil, "3,5", true},
		{[]string{"3.5 million"}, nil, "3,500,000", true},
		{[]string{"70,000"}, nil, "7000", false},
		{[]string{"70,000"}, nil, "70", false},
		{[]string{"1500"}, nil, "1,500", true},
		{[]string{"1.5"}, nil, "1,500", false},
		{[]string{"1867"}, nil, "1876", false},
		{[]string{"1867"}, nil, "1868", false},
		{[]string{"5"}, nil, "-5", false},
		{[]string{"the seventh"}, nil, "7th", true},
		{[]string{"twenty"}, nil, "twelve", false},
		// dates
		{[]string{"7 November 1867"}, nil, "November 7, 1867", true},
		{[]string{"7 November 1867"}, nil, "1867-11-07", true},
		{[]string{"7 November 1867"}, nil, "Nov. 7, 1867", true},
		{[]string{"7 November 1867"}, nil, "the 7th of November 1867", true},
		{[]string{"November 7, 1867"}, nil, "7 Nov 1867", true},
		{[]string{"7 November 1867"}, nil, "7 November 1876", false},
		{[]string{"7 November 1867"}, nil, "8 November 1867", false},
		{[]string{"7 November 1867"}, nil, "1867", false},
		{[]string{"7 November 1867"}, nil, "1867-07-11", false},
		{[]string{"November 1867"}, nil, "Nov. 1867", true},
		{[]string{"7 November"}, nil, "November 7th", true},
		// spelling slips in long words
		{[]string{"photosynthesis"}, nil, "photosynthesys", true},
		{[]string{"photosynthesis"}, nil, "photosyntehsis", true},
		{[]string{"photosynthesis"}, nil, "photosynthesiss", true},
		{[]string{"photosynthesis"}, nil, "photosynthsis", true},
		{[]string{"photosynthesis"}, nil, "fotosynthesis", false},
		{[]string{"photosynthesis"}, nil, "photosynthesys reactions", false},
		{[]string{"photosynthesis"}, nil, "photosinthesys", false},
		{[]string{"chlorophyll"}, nil, "chlorophyl", true},
		{[]string{"the Mississippi"}, nil, "Missisippi", true},
		{[]string{"Mississippi River"}, nil, "Mississippi Rvier", false},
		{[]string{"Philippines"}, nil, "Phillippines", true},
		{[]string{"Philippines"}, nil, "Philipines", true},
		{[]string{"Shakespeare"}, nil, "Shakespaere", true},
		{[]string{"Shakespeare"}, nil, "Shakespear", false},
		{[]string{"Ireland"}, nil, "Iceland", false},
		{[]string{"Ireland"}, nil, "iceland", false},
		{[]string{"ireland"}, nil, "Iceland", false},
		{[]string{"Johnson"}, nil, "Johnston", false},
		{[]string{"Prussia"}, nil, "Russia", false},
		{[]string{"Australia"}, nil, "Austria", false},
		{[]string{"Austria"}, nil, "Australia", false},
		{[]string{"Austria"}, nil, "Autsria", true},
		{[]string{"Nile"}, nil, "Nlie", false},
		{[]string{"river"}, nil, "rvier", false},
		{[]string{"Lincoln"}, nil, "Lincon", false},
		{[]string{"Lincoln"}, nil, "Licnoln", true},
		{[]string{"1867"}, nil, "18677", false},
		{[]string{"covid19"}, nil, "covid18", false},
		// a slip never turns an answer into another listed one
		{[]string{"Ireland"}, []string{"Iceland"}, "Iceland", false},
		{[]string{"absorption"}, []string{"adsorption"}, "adsorption", false},
		{[]string{"absorption"}, []string{"adsorption"}, "absorbtion", true},
		{[]string{"reflection"}, []string{"refraction"}, "reflaction", false}, // one slip from either
		{[]string{"reflection"}, []string{"refraction"}, "reflecton", true},
		{[]string{"conservation"}, []string{"conversation"}, "consevration", true},
		{[]string{"conversation"}, []string{"conversations"}, "conversatios", false},
		// wildcards are matched as written, without slips
		{[]string{"Mot*"}, nil, "Motylx", true},
		{[]string{"Mot*"}, nil, "Mto", false},
	} {
		var q Question
		q.Kind = ShortAnswer
		q.Prompt = "p"
		for _, k := range tc.keys {
			q.Choices = append(q.Choices, Choice{Text: k, Correct: true})
		}
		for _, w := range tc.wrong {
			q.Choices = append(q.Choices, Choice{Text: w, Weight: 0})
		}
		if got := Grade(q, Typed(tc.given)).Correct; got != tc.right {
			t.Errorf("key %q (wrong %q), given %q: correct %v, want %v", tc.keys, tc.wrong, tc.given, got, tc.right)
		}
		q.Kind = Cloze
		q.Prompt = "The answer is " + Blank + "."
		if got := Grade(q, Typed(tc.given)).Correct; got != tc.right {
			t.Errorf("cloze: key %q (wrong %q), given %q: correct %v, want %v", tc.keys, tc.wrong, tc.given, got, tc.right)
		}
	}
}

func TestNumericalReadsThousandsSeparators(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		key, tol float64
		given    string
		right    bool
	}{
		{70000, 0, "70,000", true},
		{70000, 0, "70000", true},
		{70000, 0, "70", false},
		{3.14, 0.01, "3,141", true},
		{3.5, 0, "3,5", true},
		{1234567, 0, "1,234,567", true},
		{1.5, 0, "1,500,000", false},
	} {
		q := Question{Kind: Numerical, Prompt: "p", Choices: []Choice{{Text: formatNumber(tc.key), Correct: true, Tolerance: tc.tol}}}
		if got := Grade(q, Typed(tc.given)).Correct; got != tc.right {
			t.Errorf("key %v±%v, given %q: correct %v, want %v", tc.key, tc.tol, tc.given, got, tc.right)
		}
	}
}

func FuzzNormalizeAnswer(f *testing.F) {
	for _, s := range []string{
		"7 November 1867", "Nov. 7, 1867", "1867-11-07", "70,000", "seventy thousand",
		"3,5", "1.234,5", "O’Brien", "Reykjavík", "the the a", "-5", "two hundred and five",
		"a hundred", "50 per cent", "Mot*", "1.2.3,4,5", "9999-99-99", "May 31 2020",
		"\xff\xfe", "1 Nov 001", "two hundred and4 five Nov. 7, 1867", "photosynthesys", "1e400", "nineteen eighty-four",
	} {
		f.Add(s, "photosynthesis")
	}
	f.Fuzz(func(t *testing.T, s, key string) {
		n := NormalizeAnswer(s)
		if !utf8.ValidString(n) {
			t.Fatalf("NormalizeAnswer(%q) = %q: not UTF-8", s, n)
		}
		if n != strings.TrimSpace(n) || strings.Contains(n, "  ") {
			t.Fatalf("NormalizeAnswer(%q) = %q: stray spaces", s, n)
		}
		if again := NormalizeAnswer(n); again != n {
			t.Fatalf("NormalizeAnswer is not stable: %q -> %q -> %q", s, n, again)
		}
		// an answer is always right for itself, and grading never panics
		q := Question{Kind: ShortAnswer, Prompt: "p", Choices: []Choice{{Text: s, Correct: true}, {Text: key}}}
		o := Grade(q, Typed(s))
		if n != "" && !strings.Contains(s, "*") && !o.Correct {
			t.Fatalf("%q is not accepted for itself (normalised %q)", s, n)
		}
		if n == "" && o.Credit != 0 {
			t.Fatalf("an answer with no words, %q, earned %v", s, o.Credit)
		}
		Grade(q, Typed(key))
	})
}
