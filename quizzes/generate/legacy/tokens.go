package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
)

// token is a word or punctuation mark of a sentence with its part of speech
// (Penn tags), prose's entity label (PERSON, GPE, ...; empty when none) and
// its byte span in the normalised text.
type token struct {
	Text, Tag, NE string
	Start, End    int
}

// sentence is one sentence of the article.
type sentence struct {
	Index      int
	Start, End int // byte span in the normalised text
	Toks       []token
}

// tagSentence tokenises and tags one sentence with the shared model and finds
// each token's offsets: prose returns token texts only, so we look them up in
// order. A token that cannot be found (prose rewrites a few sequences) takes
// the empty span at the cursor.
func (g *Generator) tagSentence(text string, start, end int) []token {
	sub := text[start:end]
	// prose tokenises; tagging is ours (see posTagger), and prose's entity
	// labels, which depend on its tags, are left out for the same reason
	doc, err := prose.NewDocument(sub, prose.UsingModel(g.model), prose.WithSegmentation(false),
		prose.WithTagging(false), prose.WithExtraction(false))
	if err != nil {
		return nil
	}
	ptoks := doc.Tokens()
	words := make([]string, len(ptoks))
	for i, pt := range ptoks {
		words[i] = pt.Text
	}
	for i, tag := range g.tagger.tag(words) {
		ptoks[i].Tag = tag
	}
	out := make([]token, 0, len(ptoks))
	cur := 0
	for _, pt := range ptoks {
		s := cur
		if k := strings.Index(sub[cur:], pt.Text); k >= 0 && strings.TrimSpace(sub[cur:cur+k]) == "" {
			s = cur + k
			cur = s + len(pt.Text)
		}
		ne := pt.Label
		if i := strings.IndexByte(ne, '-'); i >= 0 {
			ne = ne[i+1:]
		}
		if ne == "O" {
			ne = ""
		}
		t := token{Text: pt.Text, Tag: fixTag(pt.Text, pt.Tag), NE: ne, Start: start + s, End: start + cur}
		if t.End < t.Start {
			t.End = t.Start
		}
		out = append(out, t)
	}
	// an initial and its period are one word of a name: "Alexander J. Motyl"
	merged := out[:0]
	for k := 0; k < len(out); k++ {
		t := out[k]
		if len(t.Text) == 1 && isCap(t.Text) && k+2 < len(out) && out[k+1].Text == "." && isCap(out[k+2].Text) && k > 0 && isCap(out[k-1].Text) {
			t.Text, t.Tag, t.End = t.Text+".", "NNP", out[k+1].End
			k++
		}
		merged = append(merged, t)
	}
	out = merged
	if n := len(out); n > 0 {
		// prose keeps the final period on words that look like abbreviations ("See.")
		last := out[n-1]
		if len(last.Text) > 1 && strings.HasSuffix(last.Text, ".") && strings.Count(last.Text, ".") == 1 {
			out[n-1].Text = last.Text[:len(last.Text)-1]
			out[n-1].End--
			out = append(out, token{Text: ".", Tag: ".", Start: last.End - 1, End: last.End})
		}
	}
	return out
}

// fixTag corrects the tagger where it is reliably wrong: quotes and dashes
// (which it tags as words), years and possessive markers.
func fixTag(w, tag string) string {
	switch w {
	case `"`, "''", "``":
		return "``"
	case "-", "--":
		return ":"
	case "'s", "'":
		if tag != "POS" && w == "'s" {
			return "POS"
		}
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsDigit(r) && isNumberWord(w) {
		return "CD"
	}
	if unicode.IsPunct(r) && len(w) == 1 && tag != "." && tag != "," && tag != ":" && tag != "(" && tag != ")" && tag != "$" {
		return ":"
	}
	return tag
}

func isNumberWord(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == ',' || r == '.' || r == '%' || r == 's' || r == '-':
		default:
			return false
		}
	}
	return digits > 0
}
