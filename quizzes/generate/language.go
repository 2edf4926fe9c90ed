package generate

import (
	"strings"
	"unicode"
)

// LooksEnglish reports whether text reads as English: about one word in
// four of an English article is one of the most frequent English words
// (data/english-common.txt), and very few of another language's. The
// families ask English questions of English sentences; of another language
// the draft only blanks out names and numbers, which works in any. Texts
// too short to tell count as English.
func LooksEnglish(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < 20 {
		return true
	}
	common := commonEnglish()
	n := 0
	for _, w := range words {
		if common[w] {
			n++
		}
	}
	return n*100 >= 6*len(words)
}
