package nlp

import "strings"

// plainPunct maps the typographic marks of published text to the plain
// ones the treebanks mostly use, so the models see one spelling.
var plainPunct = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'",
	"\u201c", "\"", "\u201d", "\"", "\u201e", "\"", "\u201f", "\"", "\u2033", "\"",
	"\u00ab", "\"", "\u00bb", "\"",
	"\u2013", "-", "\u2012", "-", "\u2010", "-", "\u2011", "-", "\u2212", "-",
	"\u2014", "--", "\u2015", "--",
	"\u2026", "...",
	"\u00ad", "", // soft hyphen
	"\u00a0", " ",
)

// plainForm is a token's Form: its text with curly quotes, dashes and
// ellipses made plain.
func plainForm(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return plainPunct.Replace(s)
		}
	}
	return s
}
