package nlp

import (
	"bytes"
	"strings"
	"testing"
)

func loadAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// checkDocument asserts what every analysis must hold: offsets inside the
// text that read back as the tokens, sentences inside their paragraphs, and
// one tree per sentence with one root and no cycle.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	for pi, p := range d.Paragraphs {
		if p.Start < 0 || p.End > len(d.Text) || p.Start > p.End || p.FirstSentence > p.EndSentence || p.EndSentence > len(d.Sentences) {
			t.Fatalf("paragraph %d out of range: %+v", pi, p)
		}
	}
	for si, s := range d.Sentences {
		if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
			t.Fatalf("sentence %d: offsets %d:%d outside the text (%d bytes)", si, s.Start, s.End, len(d.Text))
		}
		roots := 0
		for ti, tok := range s.Tokens {
			if tok.Start < s.Start || tok.End > s.End || tok.Start > tok.End {
				t.Fatalf("sentence %d token %d: offsets %d:%d outside the sentence %d:%d", si, ti, tok.Start, tok.End, s.Start, s.End)
			}
			if d.Text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("sentence %d token %d: Text %q, text at its offsets %q", si, ti, tok.Text, d.Text[tok.Start:tok.End])
			}
			if tok.UPOS == "" || tok.XPOS == "" || tok.Rel == "" {
				t.Fatalf("sentence %d token %d (%q): missing tag or relation: %+v", si, ti, tok.Text, tok)
			}
			if tok.Head == -1 {
				roots++
				continue
			}
			if tok.Head < 0 || tok.Head >= len(s.Tokens) || tok.Head == ti {
				t.Fatalf("sentence %d token %d: head %d out of range", si, ti, tok.Head)
			}
			// Walking up from any token reaches the root within n steps.
			k, steps := ti, 0
			for k != -1 && steps <= len(s.Tokens) {
				k = s.Tokens[k].Head
				steps++
			}
			if k != -1 {
				t.Fatalf("sentence %d token %d: its heads make a cycle", si, ti)
			}
		}
		if len(s.Tokens) > 0 && roots != 1 {
			t.Fatalf("sentence %d: %d roots, want 1", si, roots)
		}
	}
}

func TestReadParsesASentence(t *testing.T) {
	a := loadAnalyzer(t)
	d := a.Read("The committee approved the new budget on Tuesday.")
	checkDocument(t, d)
	if len(d.Sentences) != 1 {
		t.Fatalf("got %d sentences, want 1", len(d.Sentences))
	}
	toks := d.Sentences[0].Tokens
	byForm := map[string]Token{}
	for _, tok := range toks {
		byForm[tok.Form] = tok
	}
	approved := byForm["approved"]
	if approved.UPOS != "VERB" || approved.XPOS != "VBD" || approved.Lemma != "approve" || approved.Rel != "root" {
		t.Errorf("approved: got %s/%s lemma %q rel %q, want VERB/VBD approve root", approved.UPOS, approved.XPOS, approved.Lemma, approved.Rel)
	}
	if approved.Feats.Tense != "Past" || approved.Feats.VerbForm != "Fin" {
		t.Errorf("approved: got features %+v, want Tense=Past VerbForm=Fin", approved.Feats)
	}
	committee, budget := byForm["committee"], byForm["budget"]
	if committee.Rel != "nsubj" || toks[committee.Head].Form != "approved" {
		t.Errorf("committee: got %s of %q, want nsubj of approved", committee.Rel, toks[committee.Head].Form)
	}
	if budget.Rel != "obj" || toks[budget.Head].Form != "approved" {
		t.Errorf("budget: got %s of %q, want obj of approved", budget.Rel, toks[budget.Head].Form)
	}
	if budget.Feats.Number != "Sing" {
		t.Errorf("budget: got Number=%q, want Sing", budget.Feats.Number)
	}
}

// Accuracy on fixed slices of the test sets, with gold tokens. The floors
// sit a little under the measured figures (docs/BENCHMARKS.md), so a
// regression fails here.
func TestAccuracyOnTestSlices(t *testing.T) {
	a := loadAnalyzer(t)
	for _, c := range []struct {
		treebank       string
		sentences      int
		upos, uas, las float64
	}{
		{"ewt", 600, 95.7, 84.4, 81.1}, // measured 96.27 / 84.95 / 81.68
		{"gum", 300, 95.2, 82.5, 79.3}, // measured 95.71 / 83.05 / 79.89
	} {
		gold, err := ReadTreebank("testdata", c.treebank, "test")
		if err != nil {
			t.Fatal(err)
		}
		s := a.EvaluateGoldTokens(gold[:c.sentences])
		t.Logf("%s test, first %d sentences (%d words): UPOS %.2f UAS %.2f LAS %.2f", c.treebank, c.sentences, s.Words, s.UPOS, s.UAS, s.LAS)
		if s.UPOS < c.upos || s.UAS < c.uas || s.LAS < c.las {
			t.Errorf("%s: UPOS %.2f UAS %.2f LAS %.2f, want at least %.1f / %.1f / %.1f", c.treebank, s.UPOS, s.UAS, s.LAS, c.upos, c.uas, c.las)
		}
	}
}

func TestAnnotateKeepsGivenTokens(t *testing.T) {
	a := loadAnalyzer(t)
	sents, err := ReadConllu(strings.NewReader(conlluSample))
	if err != nil {
		t.Fatal(err)
	}
	d := DocumentFromConllu(sents)
	a.Annotate(d)
	checkDocument(t, d)
	var buf bytes.Buffer
	if err := WriteConllu(&buf, d); err != nil {
		t.Fatal(err)
	}
	back, err := ReadConllu(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != 3 || len(back[0].Words) != 8 || back[0].Words[2].Form != "n't" {
		t.Errorf("tokens not kept: %d sentences, first has %d words", len(back), len(back[0].Words))
	}
}

func FuzzRead(f *testing.F) {
	a := loadAnalyzer(f)
	for _, s := range []string{
		"", " ", "\n\n\n", "Hello.", "“Quoted,” she said — and left…",
		"# Title\n\n- item one\n- item two\n\n> a quote\n",
		"A word hyphen-\nated across lines, and U.S. Dr. e.g. abbreviations.",
		"don't can't won't cannot gonna y'all 'tis '90s",
		"a\u00adb \u00a0 \t\r\n x", "....!!!???---___***", "http://x.y/z?a=1. me@x.org,",
		"日本語のテキスト。Ünïcödé wörds.", "((((((((((", strings.Repeat("word ", 500),
		"\xff\xfe invalid", "-\n-\n-", "1. 2. 3.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkDocument(t, a.Read(text))
	})
}

func TestBaseFormVerbsTakeTheirFormFromTheTree(t *testing.T) {
	a := loadAnalyzer(t)
	for _, c := range []struct {
		text, verb string
		want       Features
	}{
		{"He said the war would drag on.", "drag", Features{VerbForm: "Inf"}},
		{"She wanted to drag the boat ashore.", "drag", Features{VerbForm: "Inf"}},
		{"They did not drag the boat.", "drag", Features{VerbForm: "Inf"}},
		{"Drag the file into the folder.", "Drag", Features{Mood: "Imp", VerbForm: "Fin"}},
		{"Open the box and take out the cable.", "take", Features{Mood: "Imp", VerbForm: "Fin"}},
	} {
		d := a.Read(c.text)
		found := false
		for _, tok := range d.Sentences[0].Tokens {
			if tok.Form != c.verb {
				continue
			}
			found = true
			if tok.XPOS != "VB" {
				t.Errorf("%q: %s tagged %s, want VB", c.text, c.verb, tok.XPOS)
			} else if tok.Feats != c.want {
				t.Errorf("%q: %s has %+v, want %+v", c.text, c.verb, tok.Feats, c.want)
			}
		}
		if !found {
			t.Errorf("%q: no token %q", c.text, c.verb)
		}
	}
}
