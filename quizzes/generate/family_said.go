package generate

import (
	"strings"

	"quiztrainer/quizzes/nlp"
)

// familySaid asks who said (wrote, announced) what: "Who said that the
// holiday would be celebrated in June?" The key is the speaker, a person
// or organisation named in the text; other speakers are wrong choices.
type familySaid struct{}

func init() { register(familySaid{}) }

func (familySaid) Name() string { return "said" }

func (familySaid) Ask(in *Input) []*Candidate {
	var out []*Candidate
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Kind != Said || f.Subject == nil || f.Clause < 0 {
			continue
		}
		p := f.Subject
		if p.Type != TPerson && p.Type != TOrg || p.Unresolved || !p.Named && !p.Pronoun {
			continue
		}
		s := &in.Doc.Sentences[f.Sentence]
		mark := subtree(s, f.Clause, func(rel string) bool { return rel == "parataxis" })
		a, b := span(mark, f.Clause)
		for a < b && (s.Tokens[a].UPOS == "PUNCT" || s.Tokens[a].Rel == "mark" && strings.EqualFold(s.Tokens[a].Form, "that")) {
			a++
		}
		for b > a && s.Tokens[b-1].UPOS == "PUNCT" {
			b--
		}
		said, bad := in.render(f.Sentence, a, b, nil)
		if bad || len(strings.Fields(said)) < 4 || len(strings.Fields(said)) > 25 {
			continue
		}
		verb := strings.ToLower(s.Tokens[f.Pred].Form)
		if s.Tokens[f.Pred].XPOS == "VBP" || s.Tokens[f.Pred].XPOS == "VBZ" {
			verb = thirdPerson(strings.ToLower(s.Tokens[f.Pred].Lemma))
		}
		if child(s, f.Pred, "aux") >= 0 || s.Tokens[f.Pred].XPOS == "VB" || s.Tokens[f.Pred].XPOS == "VBG" {
			continue
		}
		said = lowerSaid(s, a, said)
		q := "Who " + verb + " that " + said + "?"
		c := &Candidate{Template: "said.speaker", Prompt: q, Key: p.Text, KeyType: p.Type, KeyPhrase: p, Sentence: f.Sentence, Fact: f}
		c.feature("family", 0.75)
		out = append(out, c)
	}
	return out
}

// lowerSaid lower-cases the first word of quoted speech unless it is a name.
func lowerSaid(s *nlp.Sentence, a int, said string) string {
	if a < len(s.Tokens) && s.Tokens[a].UPOS != "PROPN" && s.Tokens[a].Form != "I" {
		return lower(said)
	}
	return said
}
