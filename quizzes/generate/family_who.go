package generate

import "strings"

// familyWho asks for the person who did something, or to whom it was
// done: "Who founded the park?", "Who did the overseer hit?"
type familyWho struct{}

func init() { register(familyWho{}) }

func (familyWho) Name() string { return "who" }

func (familyWho) Ask(in *Input) []*Candidate {
	var out []*Candidate
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Kind != Event && f.Kind != Said {
			continue
		}
		if p := f.Subject; p != nil && p.Type == TPerson && f.Kind == Event && !strings.HasPrefix(p.Text, "the writer") {
			if q, ok := in.Ask(f, p.Head, "Who", ""); ok {
				out = append(out, personCandidate(f, p, q, "who.subject"))
			}
		}
		if p := f.Object; p != nil && p.Type == TPerson && f.Subject != nil {
			if q, ok := in.Ask(f, p.Head, "Who", ""); ok {
				out = append(out, personCandidate(f, p, q, "who.object"))
			}
		}
	}
	return out
}

func personCandidate(f *Fact, p *Phrase, prompt, template string) *Candidate {
	c := &Candidate{
		Template: template, Prompt: prompt, Key: p.Text, KeyType: TPerson, KeyPhrase: p,
		Sentence: f.Sentence, Fact: f,
	}
	prior := 0.5
	if p.Named || p.Pronoun {
		prior = 0.8
	}
	c.feature("family", prior)
	return c
}
