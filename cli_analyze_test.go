package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"quiztrainer/quizzes/nlp"
)

func TestAnalyzePrintsConllu(t *testing.T) {
	code, out, errOut := cli(t, "Marie Curie won the prize. She was\nborn in Warsaw.", "analyze", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sents, err := nlp.ReadConllu(strings.NewReader(out))
	if err != nil {
		t.Fatalf("output is not CoNLL-U: %v\n%s", err, out)
	}
	if len(sents) != 2 {
		t.Fatalf("got %d sentences, want 2 (a single line break is not a paragraph):\n%s", len(sents), out)
	}
	if text, _ := sents[1].Comment("text"); text != "She was born in Warsaw." {
		t.Errorf("second sentence text: got %q", text)
	}
	roots := 0
	for _, w := range sents[0].Words {
		if w.UPOS == "_" || w.XPOS == "_" || w.Lemma == "_" || w.Deprel == "_" {
			t.Errorf("word %q has an empty column: %+v", w.Form, w)
		}
		if w.Head == 0 {
			roots++
		}
	}
	if roots != 1 {
		t.Errorf("first sentence has %d roots", roots)
	}
}

func TestAnalyzeJSONKeepsOffsets(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "in.txt")
	text := "“Hello,” said the teacher."
	os.WriteFile(path, []byte(text), 0o644)
	code, out, errOut := cli(t, "", "analyze", "--format", "json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		Sentences []struct {
			Tokens []struct {
				Text  string `json:"text"`
				Start int    `json:"start"`
				End   int    `json:"end"`
				Form  string `json:"form"`
				UPOS  string `json:"upos"`
			} `json:"tokens"`
		} `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(doc.Sentences) != 1 {
		t.Fatalf("got %d sentences, want 1", len(doc.Sentences))
	}
	toks := doc.Sentences[0].Tokens
	for _, tok := range toks {
		if text[tok.Start:tok.End] != tok.Text {
			t.Errorf("token %q at %d:%d reads %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
		}
	}
	if toks[0].Text != "“" || toks[0].Form != "\"" {
		t.Errorf("first token: got text %q form %q, want “ and \"", toks[0].Text, toks[0].Form)
	}
}

func TestAnalyzeTokenizedKeepsTokens(t *testing.T) {
	in := "# text = I can't go\n1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tgo\t_\t_\t_\t_\t_\t_\t_\t_\n\n"
	code, out, errOut := cli(t, in, "analyze", "--tokenized", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	sents, err := nlp.ReadConllu(strings.NewReader(out))
	if err != nil || len(sents) != 1 || len(sents[0].Words) != 4 {
		t.Fatalf("tokens not kept (%v):\n%s", err, out)
	}
	if w := sents[0].Words[2]; w.Form != "n't" || w.UPOS != "PART" {
		t.Errorf("n't: got %s/%s", w.Form, w.UPOS)
	}
}

func TestAnalyzeRejectsBadInput(t *testing.T) {
	for _, c := range []struct {
		name  string
		stdin string
		args  []string
		code  int
		want  string
	}{
		{"unknown format", "x", []string{"analyze", "--format", "xml", "-"}, 2, `unknown format "xml"`},
		{"no file", "", []string{"analyze"}, 2, "usage"},
		{"missing file", "", []string{"analyze", "/nonexistent/file.txt"}, 1, "no such file"},
		{"bad CoNLL-U", "1\tI\n", []string{"analyze", "--tokenized", "-"}, 1, "line 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := cli(t, c.stdin, c.args...)
			if code != c.code || !strings.Contains(errOut, c.want) || out != "" {
				t.Errorf("got exit %d, stderr %q, stdout %q; want exit %d and %q", code, errOut, out, c.code, c.want)
			}
		})
	}
}
