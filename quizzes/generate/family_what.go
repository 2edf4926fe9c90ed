package generate

import "strings"

// familyWhat asks for the thing that did something or that something was
// done to: "What did Curie discover in 1898?" The key is a short noun
// phrase, never a clause.
type familyWhat struct{}

func init() { register(familyWhat{}) }

func (familyWhat) Name() string { return "what" }

func (familyWhat) Ask(in *Input) []*Candidate {
	var out []*Candidate
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Kind != Event {
			continue
		}
		for _, slot := range []struct {
			p        *Phrase
			template string
		}{{f.Subject, "what.subject"}, {f.Object, "what.object"}} {
			p := slot.p
			if p == nil || p.Type != TThing && p.Type != TOrg && p.Type != TPlace || p.Pronoun {
				continue
			}
			if slot.template == "what.object" && f.Subject == nil {
				continue
			}
			if n := len(strings.Fields(p.Text)); n > 5 || n == 0 {
				continue
			}
			wh := "What"
			if p.Type == TOrg && p.Named && !structureWords[strings.ToLower(lastWord(p.Text))] {
				wh = "Who" // "Who announced the holiday?" - the government
			}
			if in.peopleWord(p) {
				wh = "Who" // "the Spanish"
			}
			q, ok := in.Ask(f, p.Head, wh, "")
			if !ok {
				continue
			}
			c := &Candidate{Template: slot.template, Prompt: q, Key: p.Text, KeyType: p.Type, KeyPhrase: p, Sentence: f.Sentence, Fact: f}
			prior := 0.35
			if p.Named {
				prior = 0.6
			}
			c.feature("family", prior)
			out = append(out, c)
		}
	}
	return out
}

// peopleWord reports a phrase that names a people or a group of persons:
// "the Spanish", "the British".
func (in *Input) peopleWord(p *Phrase) bool {
	s := &in.Doc.Sentences[p.Sentence]
	t := &s.Tokens[p.Head]
	if p.End-p.Start == 2 && strings.EqualFold(s.Tokens[p.Start].Form, "the") && startsUpper(t.Form) && demonym(t.Form) {
		return true
	}
	return false
}

// structureWords end names of things built, which nobody asks "Who" of:
// "the Panama Canal", "the Panama Railroad".
var structureWords = map[string]bool{
	"canal": true, "railroad": true, "railway": true, "tower": true, "bridge": true, "road": true,
	"street": true, "station": true, "airport": true, "dam": true, "tunnel": true, "building": true,
}
