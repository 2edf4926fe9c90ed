package legacy

import (
	"testing"
	"unicode/utf8"
)

func FuzzGenerate(f *testing.F) {
	f.Add("")
	f.Add("Hello.")
	f.Add("“Quoted,” he said. ‘Single’ — dash… end")
	f.Add("A. B. C. D.\n\n\n?!")
	f.Add("In 1848, gold was discovered in California by James W. Marshall, a carpenter.")
	f.Add("According to the U.S. Census Bureau, the city had 8,336,817 residents in 2019; it grew.")
	f.Add("\xff\xfe invalid bytes \x80 here.")
	f.Add(`"""` + "\u00a0\u00ad\u200b\ufeff")
	f.Add("Professor Jane Doe, an economist at Leeds University, predicted a sharp fall in prices, Doe said.")
	b := sampleArticle(f)
	f.Add(b[:len(b)/3])
	g := generator(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			// the generator accepts any bytes; invalid ones are read as spaces
			text = string([]rune(text))
		}
		for _, q := range g.Generate(text) {
			checkQuestion(t, text, q)
		}
	})
}
