package legacy

import (
	"strings"
	"testing"
	"unicode/utf8"

	"quiztrainer/quizzes"
)

func TestNormaliseMapsBackToOriginalBytes(t *testing.T) {
	t.Parallel()
	orig := "He said \u201chello\u201d \u2014 twice.\u00a0Then\xffleft."
	n := normalise(orig)
	if want := `He said "hello" - twice. Then left.`; !strings.HasPrefix(n.text, `He said "hello"`) || strings.Contains(n.text, "\u201c") {
		t.Fatalf("got %q, want curly quotes made straight like %q", n.text, want)
	}
	i := strings.Index(n.text, `"hello"`)
	s, e := n.origSpan(i, i+len(`"hello"`))
	if got, want := orig[s:e], "\u201chello\u201d"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	s, e = n.origSpan(0, len(n.text))
	if got := orig[s:e]; got != orig {
		t.Errorf("got %q, want the whole input %q", got, orig)
	}
}

func TestSplitSentences(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"Alexander J. Motyl wrote it. Dr. Smith agreed.", []string{"Alexander J. Motyl wrote it.", "Dr. Smith agreed."}},
		{"One line\nAnother line", []string{"One line", "Another line"}},
		{`"It is over." He left.`, []string{`"It is over."`, "He left."}},
		{"It rose in the U.S. in 1990. Then it fell.", []string{"It rose in the U.S. in 1990.", "Then it fell."}},
		{"Prices rose; wages fell.", []string{"Prices rose;", "wages fell."}},
		{"He served Babken I. The council met.", []string{"He served Babken I.", "The council met."}},
		{"It came from the U.S. However, prices rose.", []string{"It came from the U.S.", "However, prices rose."}},
		{"no final stop", []string{"no final stop"}},
	}
	for _, tt := range tests {
		var got []string
		for _, sp := range splitSentences(tt.text) {
			got = append(got, tt.text[sp[0]:sp[1]])
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

func TestLemma(t *testing.T) {
	t.Parallel()
	tests := []struct{ word, tag, want string }{
		{"founded", "VBD", "found"}, {"created", "VBD", "create"}, {"stopped", "VBD", "stop"},
		{"called", "VBD", "call"}, {"denied", "VBD", "deny"}, {"wrote", "VBD", "write"},
		{"forecasted", "VBD", "forecast"}, {"moved", "VBD", "move"}, {"penned", "VBD", "pen"},
		{"added", "VBD", "add"}, {"died", "VBD", "die"}, {"changed", "VBD", "change"},
		{"examined", "VBD", "examine"}, {"proposed", "VBD", "propose"}, {"consumed", "VBD", "consume"},
		{"invoked", "VBD", "invoke"}, {"escaped", "VBD", "escape"}, {"remained", "VBD", "remain"},
		{"joined", "VBD", "join"}, {"looked", "VBD", "look"}, {"developed", "VBD", "develop"},
		{"visited", "VBD", "visit"}, {"makes", "VBZ", "make"}, {"watches", "VBZ", "watch"},
		{"tries", "VBZ", "try"}, {"has", "VBZ", "have"}, {"was", "VBD", "be"}, {"led", "VBD", "lead"},
	}
	for _, tt := range tests {
		if got := lemma(tt.word, tt.tag); got != tt.want {
			t.Errorf("lemma(%q): got %q, want %q", tt.word, got, tt.want)
		}
	}
	if got := pastTense("written"); got != "wrote" {
		t.Errorf("pastTense(written): got %q, want %q", got, "wrote")
	}
}

func TestNamesJoinInitialsAndTypeThem(t *testing.T) {
	t.Parallel()
	d := generator(t).read("In a piece for The Hill, Rutgers University-Newark political science professor Alexander J. Motyl wrote it.")
	want := map[string]etype{"The Hill": eOrg, "Rutgers University-Newark": eOrg, "Alexander J. Motyl": ePerson}
	got := map[string]etype{}
	for _, m := range d.names[0] {
		got[m.Text] = m.Type
	}
	for name, typ := range want {
		if got[name] != typ {
			t.Errorf("%s: got %v, want %v (names %v)", name, got[name], typ, got)
		}
	}
}

func TestReferencesResolve(t *testing.T) {
	t.Parallel()
	d := generator(t).read("South Korea's intelligence service issued a report. The spy agency stated that it was true. Later, Alexander J. Motyl wrote a piece. Motyl said so.")
	if got := d.resolveRef(1, 0, "agency"); got != "South Korea's intelligence service" {
		t.Errorf("the spy agency: got %q, want %q", got, "South Korea's intelligence service")
	}
	if got := d.names[3][0].name(); got != "Alexander J. Motyl" {
		t.Errorf("Motyl: got %q, want %q", got, "Alexander J. Motyl")
	}
}

func TestWrongChoices(t *testing.T) {
	t.Parallel()
	d := generator(t).read("Stefan Hedlund met Vladimir Putin in Moscow. Alexander J. Motyl stayed in Warsaw in 1990.")
	tests := []struct {
		key  string
		t    etype
		n    int
		want []string // must be among the choices
	}{
		// people come from the article only: two others, and no third
		{"Alexander J. Motyl", ePerson, 2, []string{"Stefan Hedlund", "Vladimir Putin"}},
		{"Moscow", ePlace, 3, []string{"Warsaw"}},
		{"1990", eDate, 3, nil},
		{"three", eNumber, 3, nil},
	}
	if got := d.wrongChoices("Alexander J. Motyl", ePerson, 3); got != nil {
		t.Errorf("Alexander J. Motyl: got %q, want no three wrong choices from an article that names two other people", got)
	}
	for _, tt := range tests {
		got := d.wrongChoices(tt.key, tt.t, tt.n)
		if len(got) != tt.n {
			t.Fatalf("%s: got %q, want %d wrong choices", tt.key, got, tt.n)
		}
		seen := map[string]bool{tt.key: true}
		for _, c := range got {
			if seen[c] {
				t.Errorf("%s: got %q, want distinct choices other than the key", tt.key, got)
			}
			seen[c] = true
		}
		for _, w := range tt.want {
			if !seen[w] {
				t.Errorf("%s: got %q, want %q among them", tt.key, got, w)
			}
		}
	}
	d2 := generator(t).read("South Korea's intelligence service spoke. Russia and Ukraine did not.")
	got := d2.wrongChoices("South Korea's intelligence service", eOrg, 3)
	if len(got) != 3 || got[0] != "Russia's intelligence service" || got[1] != "Ukraine's intelligence service" {
		t.Errorf("possessive organisation: got %q, want other countries' intelligence services, the article's first", got)
	}
	if got := d.wrongChoices("Moscow and Pyongyang", ePlace, 3); got != nil {
		t.Errorf("a list of names: got %q, want no wrong choices", got)
	}
}

func TestGivesAwayAndVague(t *testing.T) {
	t.Parallel()
	if !givesAway("Who did Motyl meet?", "Alexander J. Motyl") {
		t.Errorf("got false, want a prompt naming the key to give it away")
	}
	if givesAway("Which professor predicted a meltdown?", "Alexander J. Motyl") {
		t.Errorf("got true, want false")
	}
	for _, a := range []string{"they", "The man", "it", "these"} {
		if !isVague(a) {
			t.Errorf("isVague(%q): got false, want true", a)
		}
	}
}

func TestRunOnSentencesAreReadInPieces(t *testing.T) {
	t.Parallel()
	text := strings.Repeat("naïve café ", 400) + strings.Repeat("é", 2000)
	prev := 0
	for _, sp := range splitSentences(text) {
		if sp[1]-sp[0] > maxSentence {
			t.Errorf("got a sentence of %d bytes, want at most %d", sp[1]-sp[0], maxSentence)
		}
		if !utf8.ValidString(text[sp[0]:sp[1]]) {
			t.Errorf("got a sentence cut inside a character at %d", sp[1])
		}
		if sp[0] < prev {
			t.Errorf("got overlapping sentences at %d", sp[0])
		}
		prev = sp[1]
	}
}

func TestTaggingIsDeterministic(t *testing.T) {
	t.Parallel()
	g := generator(t)
	text := sampleArticle(t)
	tags := func() string {
		var b strings.Builder
		for _, s := range g.read(text).sents {
			for _, tk := range s.Toks {
				b.WriteString(tk.Tag + " ")
			}
		}
		return b.String()
	}
	want := tags()
	for i := 0; i < 20; i++ {
		if got := tags(); got != want {
			t.Fatalf("run %d tagged the article differently", i+2)
		}
	}
}

// A long sentence's cloze keeps a window around the blank that starts and
// ends where phrases do.
func TestClozeWindowEndsWithAPhrase(t *testing.T) {
	t.Parallel()
	g := generator(t)
	tests := []struct{ text, blank, want string }{
		{"Reports indicating that North Korea is sending troops to assist Moscow's invasion of Ukraine underscore the significant manpower constraints that are impacting the Russian economy and military.",
			"North Korea", "Reports indicating that _____ is sending troops to assist Moscow's invasion of Ukraine ..."},
		{"After a long and bitter winter in the mountains, the farmers of the northern valley finally moved their herds to the river, where the grass was rich.",
			"their herds", "... the farmers of the northern valley finally moved _____ to the river, where the grass was rich."},
	}
	for _, tt := range tests {
		d := g.read(tt.text)
		s := &d.sents[0]
		i, j := -1, -1
		words := strings.Fields(tt.blank)
		for k := range s.Toks {
			if s.Toks[k].Text == words[0] && k+len(words) <= len(s.Toks) && s.Toks[k+len(words)-1].Text == words[len(words)-1] {
				i, j = k, k+len(words)
				break
			}
		}
		if i < 0 {
			t.Fatalf("%q not found in %q", tt.blank, tt.text)
		}
		if got := d.blanked(s, i, j); got != tt.want {
			t.Errorf("got %q, want %q", got, tt.want)
		}
	}
}

// Titles and headings state nothing to ask about, and list bullets and
// Markdown marks are no part of a sentence.
func TestHeadingsAndListMarkers(t *testing.T) {
	t.Parallel()
	text := "# The Water Cycle\n\nThe sun heats the oceans.\n\n## Clouds\n\n- Water vapour forms clouds.\n2. Rain falls from the clouds.\n> Most rain falls into the sea."
	d := generator(t).read(text)
	var got []string
	for _, s := range d.sents {
		got = append(got, d.norm.text[s.Start:s.End])
	}
	want := []string{"The sun heats the oceans.", "Water vapour forms clouds.", "Rain falls from the clouds.", "Most rain falls into the sea."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got sentences %q, want %q", got, want)
	}
	for _, q := range generator(t).Generate(text) {
		checkQuestion(t, text, q)
		if strings.ContainsAny(q.Prompt, "#>") || strings.Contains(q.Prompt, "Water Cycle") || strings.HasPrefix(q.Evidence.Text, "- ") {
			t.Errorf("question %q (evidence %q) comes from a heading or keeps a list mark", q.Prompt, q.Evidence.Text)
		}
	}
}

// A long key is chosen among the article's other phrases of its kind: what
// else its subjects did, in the same tense, from other sentences.
func TestLongKeysAreChosenAmongTheArticlesPhrases(t *testing.T) {
	t.Parallel()
	text := "The sun heats water in oceans, lakes and rivers. Water vapour rises into the cold upper air. " +
		"Most precipitation falls back into the oceans. The rest collects in rivers and lakes. " +
		"The wind carries clouds across the mountains."
	for _, q := range generator(t).Generate(text) {
		if q.Prompt != "What does the sun do?" {
			continue
		}
		if q.Kind != quizzes.MultipleChoice || len(q.Choices) != 4 {
			t.Fatalf("got %s with %d choices, want multiple choice with 4", q.Kind, len(q.Choices))
		}
		for _, c := range q.Choices {
			if c.Correct != (c.Text == "heats water in oceans, lakes and rivers") {
				t.Errorf("choice %q marked %v", c.Text, c.Correct)
			}
			if !c.Correct && (!strings.Contains(text, c.Text) || !strings.HasSuffix(strings.Fields(c.Text)[0], "s")) {
				t.Errorf("wrong choice %q is not another present-tense predicate of the article", c.Text)
			}
		}
		return
	}
	t.Fatal(`no question "What does the sun do?"`)
}

// A phrase that only ends in a name is a thing; a name, with or without
// its article, is what it names.
func TestPhraseTypes(t *testing.T) {
	t.Parallel()
	d := generator(t).read("The direct collaboration between Russia and North Korea was confirmed by the Hill in Moscow.")
	toks := d.sents[0].Toks
	span := func(first, last string) (int, int) {
		i, j := -1, -1
		for k, tk := range toks {
			if tk.Text == first && i < 0 {
				i = k
			}
			if tk.Text == last {
				j = k + 1
			}
		}
		return i, j
	}
	for _, tc := range []struct {
		first, last string
		want        etype
	}{
		{"The", "Korea", eThing},
		{"Russia", "Korea", ePlace},
		{"Moscow", "Moscow", ePlace},
	} {
		i, j := span(tc.first, tc.last)
		if got := d.npType(0, i, j); got != tc.want {
			t.Errorf("npType(%q..%q) = %v, want %v", tc.first, tc.last, got, tc.want)
		}
	}
}

// A wrong choice is of the key's own kind and never stands in the prompt.
func TestWrongChoicesAvoidThePrompt(t *testing.T) {
	t.Parallel()
	d := generator(t).read("The Amazon River flows through Peru, Colombia and Brazil. The Nile flows through Egypt and Sudan.")
	if got := d.wrongChoices("The Amazon River", ePlace, 3, "What flows through Peru, Colombia and Brazil?"); got != nil {
		t.Errorf("got %q, want no wrong choices: the article names no other river with 'River'", got)
	}
	for _, c := range d.wrongChoices("Peru", ePlace, 3, "Which country does the Amazon River flow through with Colombia and Brazil?") {
		if c == "Colombia" || c == "Brazil" {
			t.Errorf("wrong choice %q stands in the prompt", c)
		}
	}
}
