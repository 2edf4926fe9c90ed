package nlp

import (
	"strings"
	"testing"
)

func forms(toks []Token) string {
	var f []string
	for _, t := range toks {
		f = append(f, t.Form)
	}
	return strings.Join(f, " ")
}

func TestTokenizeFollowsUDEnglish(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"I don't know.", "I do n't know ."},
		{"She can't, won't and cannot go.", "She ca n't , wo n't and can not go ."},
		{"John's dog's bone", "John 's dog 's bone"},
		{"I'm sure they've gone, we'll see, you'd think.", "I 'm sure they 've gone , we 'll see , you 'd think ."},
		{"It’s “quoted” — really…", "It 's \" quoted \" -- really ..."},
		{"Al-Zaman and a 15-year term; an e-mail, re-elected.", "Al - Zaman and a 15 - year term ; an e-mail , re-elected ."},
		{"Dr. Smith met Mr. J. Doe in the U.S. on 9/11.", "Dr. Smith met Mr. J. Doe in the U.S. on 9/11 ."},
		{"It cost $5.50 (about 5%).", "It cost $ 5.50 ( about 5 % ) ."},
		{"Mail <me@example.com>, or see http://example.com/a?b=1.", "Mail < me@example.com > , or see http://example.com/a?b=1 ."},
		{"We're gonna win!!!", "We 're gon na win !!!"},
		{"the students' books and/or pens", "the students ' books and / or pens"},
	} {
		d := Segment(c.in)
		var all []Token
		for _, s := range d.Sentences {
			all = append(all, s.Tokens...)
		}
		if got := forms(all); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestSegmentKeepsOffsets(t *testing.T) {
	text := "“Hello,” she said. It’s fine.\n\nA new para-\ngraph starts here."
	d := Segment(text)
	for _, s := range d.Sentences {
		if text[s.Start:s.End] == "" {
			t.Errorf("empty sentence at %d", s.Start)
		}
		for _, tok := range s.Tokens {
			if text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q at %d:%d reads %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
		}
	}
	last := d.Sentences[len(d.Sentences)-1].Tokens
	if last[2].Form != "paragraph" || last[2].Text != "para-\ngraph" {
		t.Errorf("hyphenated word: got form %q text %q, want paragraph / para-\\ngraph", last[2].Form, last[2].Text)
	}
}

func TestSegmentSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"He left. She stayed! Did they? Yes.", []string{"He left.", "She stayed!", "Did they?", "Yes."}},
		{"Dr. Smith arrived at 5 p.m. on Monday. Then he left.", []string{"Dr. Smith arrived at 5 p.m. on Monday.", "Then he left."}},
		{"“Why?” he asked. “Because.”", []string{"“Why?” he asked.", "“Because.”"}},
		{"It rose 3.5 percent in the U.S. economy. Prices fell.", []string{"It rose 3.5 percent in the U.S. economy.", "Prices fell."}},
	} {
		d := Segment(c.in)
		var got []string
		for _, s := range d.Sentences {
			got = append(got, c.in[s.Start:s.End])
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestSegmentParagraphs(t *testing.T) {
	kinds := func(d *Document) []string {
		var out []string
		for _, p := range d.Paragraphs {
			name := [...]string{"prose", "heading", "list", "quote"}[p.Kind]
			out = append(out, name+":"+d.Text[p.Start:p.End])
		}
		return out
	}
	for _, c := range []struct {
		name, in string
		want     []string
	}{
		{"hard-wrapped prose is one paragraph", "It was the best of times, it was the worst of times, it was\nthe age of wisdom, it was the age of foolishness.\n\nThere were a king with a large jaw and a queen with a plain\nface, on the throne of England.",
			[]string{"prose:It was the best of times, it was the worst of times, it was\nthe age of wisdom, it was the age of foolishness.", "prose:There were a king with a large jaw and a queen with a plain\nface, on the throne of England."}},
		{"a heading over a paragraph", "The Economy\nThe economy of the country grew by three percent last year, the ministry said on Tuesday.",
			[]string{"heading:The Economy", "prose:The economy of the country grew by three percent last year, the ministry said on Tuesday."}},
		{"markdown heading, list and quote", "# Results\n\n- first item\n- second item that wraps\n  onto a second line\n1. numbered\n\n> quoted text\n> goes on",
			[]string{"heading:Results", "list:first item", "list:second item that wraps\n  onto a second line", "list:numbered", "quote:quoted text\n> goes on"}},
		{"one line per paragraph", strings.Repeat("word ", 30) + "end.\n" + strings.Repeat("more ", 30) + "end.",
			[]string{"prose:" + strings.Repeat("word ", 30) + "end.", "prose:" + strings.Repeat("more ", 30) + "end."}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := kinds(Segment(c.in))
			if strings.Join(got, "\n|") != strings.Join(c.want, "\n|") {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestSegmentationOnTreebankText(t *testing.T) {
	// Figures measured on the test sets, less a margin (docs/BENCHMARKS.md).
	for _, c := range []struct {
		treebank        string
		sentences, toks float64
	}{{"ewt", 78.5, 97.0}, {"gum", 93.5, 99.3}} {
		gold, err := ReadTreebank("testdata", c.treebank, "test")
		if err != nil {
			t.Fatal(err)
		}
		s := EvaluateSegmentation(gold)
		if s.Sentences < c.sentences || s.Tokens < c.toks {
			t.Errorf("%s test: sentence F1 %.2f (want >= %.1f), token F1 %.2f (want >= %.1f)", c.treebank, s.Sentences, c.sentences, s.Tokens, c.toks)
		}
	}
}
