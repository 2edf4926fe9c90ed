package generate

import (
	"strings"

	"quiztrainer/quizzes/nlp"
)

// familyHowMany asks for a number of something: "How many children did
// Harriet Tubman's parents have?" ("nine"), from a number that counts a
// noun under the verb.
type familyHowMany struct{}

func init() { register(familyHowMany{}) }

func (familyHowMany) Name() string { return "howmany" }

func (familyHowMany) Ask(in *Input) []*Candidate {
	var out []*Candidate
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Kind != Event || f.Subject == nil {
			continue
		}
		slots := []*Phrase{f.Object}
		if f.Subject.Type == TQuantity {
			slots = append(slots, f.Subject)
		}
		for _, p := range slots {
			if p == nil || p.Type != TQuantity || p.Unit == "" {
				continue
			}
			s := &in.Doc.Sentences[f.Sentence]
			num := child(s, p.Head, "nummod")
			if num < 0 {
				continue
			}
			// the number with its own modifiers ("about 200", "two million")
			mark := subtree(s, num, nil)
			a, b := span(mark, num)
			if otherNumber(s, p, a, b) {
				continue // "Three of the twenty seats": which number is asked?
			}
			key, bad := in.render(f.Sentence, a, b, nil)
			if bad || strings.EqualFold(key, "one") {
				continue
			}
			// "How many" with the counted noun and what precedes it
			// between the number and the noun ("older sisters")
			unit, _ := in.render(f.Sentence, b, p.Head+1, nil)
			much := "How many "
			if s.Tokens[p.Head].Feats.Number != "Plur" {
				much = "How much " // "two pound weight" reads badly as "how many"
				continue
			}
			q, ok := in.askCount(f, p, much+unit)
			if !ok {
				continue
			}
			c := &Candidate{Template: "howmany.count", Prompt: q, Key: key, KeyType: TQuantity, Sentence: f.Sentence, Fact: f}
			if d, ok := numberWords[strings.ToLower(key)]; ok {
				c.Accepted = append(c.Accepted, d)
			}
			c.feature("family", 0.6)
			out = append(out, c)
		}
	}
	return out
}

// askCount asks about the counted phrase p: its words after the noun
// ("of her older sisters") stay in the question.
func (in *Input) askCount(f *Fact, p *Phrase, wh string) (string, bool) {
	return in.Ask(f, p.Head, wh, "")
}

// otherNumber reports a number in phrase p outside the key's span [a, b),
// or a part of it counted before it ("Three of the twenty seats", "most
// of the 800 voters").
func otherNumber(s *nlp.Sentence, p *Phrase, a, b int) bool {
	if j := p.Start - 1; j >= 1 && strings.EqualFold(s.Tokens[j].Form, "of") {
		switch w := strings.ToLower(s.Tokens[j-1].Form); {
		case s.Tokens[j-1].UPOS == "NUM", w == "most", w == "half", w == "some", w == "many", w == "all", w == "few", w == "none", w == "each", w == "several":
			return true
		}
	}
	for i := p.Start; i < p.End; i++ {
		if (i < a || i >= b) && s.Tokens[i].UPOS == "NUM" {
			return true
		}
	}
	return false
}
