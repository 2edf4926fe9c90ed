package generate

import (
	"strings"

	"quiztrainer/quizzes"
)

// wantChoices is how many wrong choices a multiple-choice question shows.
const wantChoices = 3

// longKey is how many words a key may have and still be typed: a longer
// one nobody reproduces word for word, so it needs choices or is dropped.
const longKey = 4

// chooseKind gives each candidate its wrong choices and its kind: multiple
// choice when there are three plausible wrong choices of the key's fine
// type, a typed answer otherwise (with the forms a student would write),
// nothing when the key is too long to type and has no choices.
func (in *Input) chooseKind(c *Candidate) {
	if c.Kind == quizzes.Matching || c.Kind == quizzes.TrueFalse || c.Kind == quizzes.Essay || c.Kind == quizzes.Cloze {
		return
	}
	if len(c.Distractors) == 0 {
		c.Distractors = in.wrongChoices(c)
	}
	if len(c.Distractors) >= wantChoices {
		c.Distractors = c.Distractors[:wantChoices]
		c.Kind = quizzes.MultipleChoice
		return
	}
	c.Distractors = nil
	if c.Alternative != nil {
		alt := c.Alternative
		*c = *alt
		in.chooseKind(c)
		return
	}
	if keyWords(c.Key) >= longKey {
		c.rejected = "long-key"
		return
	}
	c.Kind = quizzes.ShortAnswer
	c.Accepted = append(c.Accepted, acceptedForms(c)...)
}

// keyWords counts a key's words without a leading article, which grading
// ignores.
func keyWords(k string) int {
	w := strings.Fields(k)
	if len(w) > 0 {
		switch strings.ToLower(w[0]) {
		case "a", "an", "the":
			return len(w) - 1
		}
	}
	return len(w)
}

// wrongChoices picks wrong choices from the text: phrases of the key's
// fine type that are not the key, its other mentions or part of it.
func (in *Input) wrongChoices(c *Candidate) []string {
	switch c.KeyType {
	case TPerson, TPlace, TOrg, TYear, TDate:
	default:
		return nil
	}
	if (c.KeyType == TPlace || c.KeyType == TOrg) && c.KeyPhrase != nil && !c.KeyPhrase.Named {
		return nil // "the Russian central bank" is no name to set beside names
	}
	key := quizzes.NormalizeAnswer(c.Key)
	seen := map[string]bool{key: true}
	chosen := &keySet{}
	var out []string
	for i := range in.Phrases {
		p := &in.Phrases[i]
		if p.Type != c.KeyType || p.Pronoun || p.Unresolved || p.Conj {
			continue
		}
		if rel := in.Doc.Sentences[p.Sentence].Tokens[p.Head].Rel; rel == "compound" || rel == "flat" {
			continue // "North" of "North Korean artillery"
		}
		if c.KeyType == TPerson || c.KeyType == TPlace || c.KeyType == TOrg {
			if !p.Named {
				continue
			}
			if c.KeyPhrase != nil && c.KeyPhrase.Chain >= 0 && p.Chain == c.KeyPhrase.Chain {
				continue
			}
		}
		n := quizzes.NormalizeAnswer(p.Text)
		if n == "" || seen[n] || strings.Contains(" "+key+" ", " "+n+" ") || strings.Contains(" "+n+" ", " "+key+" ") {
			continue
		}
		if in.alias(n, key) {
			continue // "Araminta Ross (Harriet Tubman)": one person
		}
		if c.KeyType == TPerson && sharesWord(n, key) {
			continue // "Ben Ross" for "Araminta Ross" may be the same family, or person
		}
		if c.KeyType == TYear && !nearYear(p.Text, c.Key) {
			continue
		}
		if strings.Contains(" "+quizzes.NormalizeAnswer(c.Prompt)+" ", " "+n+" ") {
			continue // a wrong choice the prompt names is no choice
		}
		if chosen.overlaps(n) || (&keySet{keys: [][]string{keyWordsOf(key)}}).overlaps(n) {
			continue // "Motyl" beside "Alexander J. Motyl"
		}
		chosen.add(n)
		seen[n] = true
		out = append(out, p.Text)
	}
	return out
}

// alias reports two names the text gives one entity, side by side:
// "Araminta Ross (Harriet Tubman)", "Maramataka, the Māori lunar calendar".
func (in *Input) alias(a, b string) bool {
	if in.aliases == nil {
		in.aliases = map[[2]string]bool{}
		for _, f := range in.Facts {
			if f.Kind == Is && f.Marker == "appos" && f.Subject != nil && f.Object != nil {
				x, y := quizzes.NormalizeAnswer(f.Subject.Text), quizzes.NormalizeAnswer(f.Object.Text)
				in.aliases[[2]string{x, y}] = true
				in.aliases[[2]string{y, x}] = true
			}
		}
	}
	for k := range in.aliases {
		if (sameName(k[0], a) || k[0] == a) && (sameName(k[1], b) || k[1] == b) {
			return true
		}
	}
	return false
}

func sharesWord(a, b string) bool {
	for _, w := range strings.Fields(a) {
		for _, x := range strings.Fields(b) {
			if w == x && len(w) > 2 {
				return true
			}
		}
	}
	return false
}

// nearYear keeps wrong years within the text's period: at most 150 years
// from the key.
func nearYear(a, b string) bool {
	ya, yb := firstYear(a), firstYear(b)
	if ya == 0 || yb == 0 {
		return false
	}
	d := ya - yb
	return d < 150 && d > -150
}

func firstYear(s string) int {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r < '0' || r > '9' }) {
		if isYear(w) {
			n := 0
			for _, r := range w {
				n = n*10 + int(r-'0')
			}
			return n
		}
	}
	return 0
}

// acceptedForms are the other answers a student may type for a key: a
// person's surname, the phrase without its leading words, a number in
// digits or words.
func acceptedForms(c *Candidate) []string {
	var out []string
	words := strings.Fields(c.Key)
	switch c.KeyType {
	case TPerson:
		if c.KeyPhrase != nil && c.KeyPhrase.Named && len(words) >= 2 {
			out = append(out, words[len(words)-1])
		}
	case TQuantity:
		for i, w := range words {
			if d, ok := numberWords[strings.ToLower(w)]; ok {
				alt := append(append(append([]string{}, words[:i]...), d), words[i+1:]...)
				out = append(out, strings.Join(alt, " "))
			}
		}
	}
	return out
}

var numberWords = map[string]string{
	"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
	"eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "twenty": "20",
	"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
}
