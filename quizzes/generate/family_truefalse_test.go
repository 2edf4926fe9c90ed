package generate

import (
	"strings"
	"testing"
)

// A false statement swaps a person, a year or a date the text clearly
// contradicts; never a place or an organisation, never a name beside
// another name of the same person in brackets, and never a person who
// does the same thing elsewhere in the text.
func TestTrueFalseSwapsAreClearlyFalse(t *testing.T) {
	texts := []string{
		`Kenya's past. Mwai Kibaki won a second term in office in 2007. Uhuru Kenyatta won a second term in office in 2017. ` +
			`Daniel Moi stepped down in December 2002. Raila Odinga accused the government of vote rigging. ` +
			`The British established the East Africa Protectorate in 1895. The Portuguese arrived in the 1490s.`,
		`Araminta Ross (Harriet Tubman) was born in 1822 in Dorchester County. Edward Brodess owned the family. ` +
			`Harriet Tubman escaped to Philadelphia in 1849. William Still helped Tubman in Philadelphia.`,
	}
	p := testPipeline(t)
	for _, text := range texts {
		_, ranked := p.candidates(text)
		for _, c := range ranked {
			if c.Template != "truefalse.swapped" {
				continue
			}
			if strings.Contains(c.Prompt, "established the Portuguese") || strings.Contains(c.Prompt, "Kenya arrived") ||
				strings.Contains(c.Prompt, "(Harriet Tubman)") && !strings.Contains(c.Prompt, "Araminta Ross") {
				t.Errorf("%q swaps what the text does not clearly contradict", c.Prompt)
			}
		}
	}
}

func TestNotAlsoTrue(t *testing.T) {
	p := testPipeline(t)
	in, _ := p.candidates(`Mwai Kibaki won a second term in 2007. Uhuru Kenyatta won a second term in 2017. Daniel Moi stepped down in 2002.`)
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Subject == nil || f.Subject.Text != "Uhuru Kenyatta" {
			continue
		}
		got := in.notAlsoTrue(f, f.Subject, []string{"Mwai Kibaki", "Daniel Moi"})
		if len(got) != 1 || got[0] != "Daniel Moi" {
			t.Errorf("notAlsoTrue = %q, want only Daniel Moi: Kibaki won a second term too", got)
		}
		return
	}
	t.Fatal("no fact about Uhuru Kenyatta")
}
