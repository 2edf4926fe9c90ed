package nlp

import (
	"bytes"
	"strings"
	"testing"
)

const conlluSample = `# newdoc id = d1
# newpar
# sent_id = d1-1
# text = I don't know, she said.
1	I	I	PRON	PRP	Case=Nom|Number=Sing|Person=1|PronType=Prs	4	nsubj	4:nsubj	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	Mood=Ind|Number=Sing|Person=1|Tense=Pres|VerbForm=Fin	4	aux	4:aux	_
3	n't	not	PART	RB	Polarity=Neg	4	advmod	4:advmod	_
4	know	know	VERB	VB	VerbForm=Inf	7	ccomp	7:ccomp	SpaceAfter=No
5	,	,	PUNCT	,	_	7	punct	7:punct	_
6	she	she	PRON	PRP	Case=Nom|Gender=Fem|Number=Sing|Person=3|PronType=Prs	7	nsubj	7:nsubj	Entity=(1-person)
7	said	say	VERB	VBD	Mood=Ind|Number=Sing|Person=3|Tense=Past|VerbForm=Fin	0	root	0:root	SpaceAfter=No
7.1	said	say	VERB	VBD	_	_	_	7:conj	_
8	.	.	PUNCT	.	_	7	punct	7:punct	_

# sent_id = d1-2
# text = “Yes.”
1	“	"	PUNCT	` + "``" + `	_	2	punct	2:punct	SpaceAfter=No
2	Yes	yes	INTJ	UH	_	0	root	0:root	SpaceAfter=No
3	.	.	PUNCT	.	_	2	punct	2:punct	SpaceAfter=No
4	”	"	PUNCT	''	_	2	punct	2:punct	_

# newpar
# sent_id = d1-3
# text = Go!
1	Go	go	VERB	VB	Mood=Imp|VerbForm=Fin	0	root	0:root	SpaceAfter=No
2	!	!	PUNCT	.	_	1	punct	1:punct	_
`

func TestReadConlluKeepsWordsCommentsAndMisc(t *testing.T) {
	sents, err := ReadConllu(strings.NewReader(conlluSample))
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	s := sents[0]
	if len(s.Words) != 8 {
		t.Fatalf("got %d words, want 8 (multiword line and empty node skipped)", len(s.Words))
	}
	if got, _ := s.Comment("text"); got != "I don't know, she said." {
		t.Errorf("text comment: got %q", got)
	}
	if _, ok := s.Comment("newpar"); !ok {
		t.Error("newpar comment not found")
	}
	if len(s.Multiwords) != 1 || s.Multiwords[0].Form != "don't" || s.Multiwords[0].First != 2 || s.Multiwords[0].Last != 3 {
		t.Errorf("multiwords: got %+v", s.Multiwords)
	}
	if got := s.Words[5].Misc; got != "Entity=(1-person)" {
		t.Errorf("misc kept raw: got %q", got)
	}
	if got := MiscValue(s.Words[3].Misc, "SpaceAfter"); got != "No" {
		t.Errorf("SpaceAfter: got %q", got)
	}
	if s.Words[0].Head != 4 || s.Words[6].Head != 0 {
		t.Errorf("heads: got %d and %d, want 4 and 0", s.Words[0].Head, s.Words[6].Head)
	}
}

func TestReadConlluNamesTheBadLine(t *testing.T) {
	for name, in := range map[string]string{
		"too few columns":   "1\tI\tI\tPRON\n",
		"IDs out of order":  "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\t_\n3\tgo\tgo\tVERB\tVB\t_\t1\txcomp\t_\t_\n",
		"head past the end": "1\tI\tI\tPRON\tPRP\t_\t5\troot\t_\t_\n",
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ReadConllu(strings.NewReader(in))
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), "line") && !strings.Contains(err.Error(), "sentence") {
				t.Errorf("error does not say where: %v", err)
			}
		})
	}
}

func TestDocumentFromConlluRebuildsTextAndOffsets(t *testing.T) {
	sents, err := ReadConllu(strings.NewReader(conlluSample))
	if err != nil {
		t.Fatal(err)
	}
	d := DocumentFromConllu(sents)
	want := "I don't know, she said. “Yes.”\n\nGo!"
	if d.Text != want {
		t.Fatalf("text: got %q, want %q", d.Text, want)
	}
	if len(d.Paragraphs) != 2 || d.Paragraphs[0].EndSentence != 2 || d.Paragraphs[1].FirstSentence != 2 {
		t.Errorf("paragraphs: got %+v", d.Paragraphs)
	}
	for _, s := range d.Sentences {
		for _, tok := range s.Tokens {
			if d.Text[tok.Start:tok.End] != tok.Text {
				t.Errorf("token %q at %d:%d reads %q", tok.Text, tok.Start, tok.End, d.Text[tok.Start:tok.End])
			}
		}
	}
	toks := d.Sentences[0].Tokens
	if toks[1].Text != "do" || toks[2].Text != "n't" || toks[1].SpaceAfter {
		t.Errorf("don't: got %q %q (space after do: %v)", toks[1].Text, toks[2].Text, toks[1].SpaceAfter)
	}
	if toks[0].Head != 3 || toks[6].Head != -1 || toks[6].Rel != "root" {
		t.Errorf("tree: got heads %d, %d rel %q", toks[0].Head, toks[6].Head, toks[6].Rel)
	}
	if toks[5].Feats.Gender != "Fem" || toks[2].Feats.Polarity != "Neg" {
		t.Errorf("features: got %+v / %+v", toks[5].Feats, toks[2].Feats)
	}
	if q := d.Sentences[1].Tokens[0]; q.Form != "\"" || q.Text != "“" {
		t.Errorf("curly quote: got text %q form %q", q.Text, q.Form)
	}
}

func TestWriteConlluRoundTrips(t *testing.T) {
	sents, err := ReadConllu(strings.NewReader(conlluSample))
	if err != nil {
		t.Fatal(err)
	}
	d := DocumentFromConllu(sents)
	var buf bytes.Buffer
	if err := WriteConllu(&buf, d); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	again, err := ReadConllu(&buf)
	if err != nil {
		t.Fatalf("output does not read back: %v\n%s", err, buf.String())
	}
	d2 := DocumentFromConllu(again)
	if len(d2.Sentences) != len(d.Sentences) || len(d2.Paragraphs) != len(d.Paragraphs) {
		t.Fatalf("got %d sentences / %d paragraphs, want %d / %d", len(d2.Sentences), len(d2.Paragraphs), len(d.Sentences), len(d.Paragraphs))
	}
	for si := range d.Sentences {
		a, b := d.Sentences[si].Tokens, d2.Sentences[si].Tokens
		if len(a) != len(b) {
			t.Fatalf("sentence %d: %d tokens, want %d", si, len(b), len(a))
		}
		for i := range a {
			if a[i].Text != b[i].Text || a[i].UPOS != b[i].UPOS || a[i].XPOS != b[i].XPOS || a[i].Lemma != b[i].Lemma ||
				a[i].Head != b[i].Head || a[i].Rel != b[i].Rel || a[i].Feats != b[i].Feats || a[i].SpaceAfter != b[i].SpaceAfter {
				t.Errorf("sentence %d token %d: got %+v, want %+v", si, i, b[i], a[i])
			}
		}
	}
	if !strings.Contains(out, "3\tn't\tnot\tPART\tRB\tPolarity=Neg\t4\tadvmod\t_\t_\n") {
		t.Errorf("n't line not as expected:\n%s", out)
	}
}

func TestReadTreebanksInTestdata(t *testing.T) {
	for _, tb := range []struct {
		name  string
		sents int
	}{{"ewt", 2077}, {"gum", 775}} {
		sents, err := ReadTreebank("testdata", tb.name, "test")
		if err != nil {
			t.Fatal(err)
		}
		if len(sents) != tb.sents {
			t.Errorf("%s test: got %d sentences, want %d", tb.name, len(sents), tb.sents)
		}
		d := DocumentFromConllu(sents)
		for si, s := range d.Sentences {
			roots := 0
			for _, tok := range s.Tokens {
				if tok.Head == -1 {
					roots++
				}
				if d.Text[tok.Start:tok.End] != tok.Text {
					t.Fatalf("%s sentence %d: token %q does not match its offsets", tb.name, si, tok.Text)
				}
			}
			if roots != 1 {
				t.Fatalf("%s sentence %d: %d roots", tb.name, si, roots)
			}
		}
	}
}
