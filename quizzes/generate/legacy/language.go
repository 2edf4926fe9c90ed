package legacy

import (
	"strings"
	"unicode"
)

// englishWords are the most frequent words of English prose: about one word
// in four of an English article is one of them (never fewer than one in
// eight over the 773 paragraphs of the evaluation file), and very few of
// another language's.
var englishWords = set("the of and to a in is was that for it as with be by on not he this are or his from at " +
	"which but have an they were her she there been their has its we can had who would will one all also")

// LooksEnglish reports whether text reads as English. The templates ask
// English questions of English sentences; of another language the
// generator only blanks out names and numbers, which works in any.
// Texts too short to tell count as English.
func LooksEnglish(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < 20 {
		return true
	}
	n := 0
	for _, w := range words {
		if englishWords[w] {
			n++
		}
	}
	return n*100 >= 6*len(words)
}

// anyLanguage keeps the questions that read right in any language: blanks
// for names and numbers, and true/false with a name swapped. A capitalised
// first word of a sentence is no name unless the article capitalises it
// elsewhere too ("Le roi", "Elle").
func (d *document) anyLanguage(cands []candidate) []candidate {
	var out []candidate
	for _, c := range cands {
		switch {
		case strings.HasPrefix(c.template, "tf."):
		case c.template == "cloze.phrase":
			if !allNumbers(c.answer) {
				continue
			}
		case strings.HasPrefix(c.template, "cloze."):
			toks := d.sents[c.sent].Toks
			if len(toks) > 0 && strings.HasPrefix(c.answer, toks[0].Text) && !d.capMid[toks[0].Text] {
				continue
			}
		default:
			continue
		}
		out = append(out, c)
	}
	return out
}

// allNumbers reports whether every word of s holds a digit: "1789", "9,500".
func allNumbers(s string) bool {
	f := strings.Fields(s)
	for _, w := range f {
		if strings.IndexFunc(w, unicode.IsDigit) < 0 {
			return false
		}
	}
	return len(f) > 0 && len(f) <= 3
}
