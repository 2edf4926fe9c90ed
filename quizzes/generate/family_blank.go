package generate

import (
	"strings"

	"quiztrainer/quizzes"
)

// familyBlank blanks out a phrase of a sentence: a name, date, number or
// argument of the verb. Blanks are the pool's breadth: every candidate of
// `quiztrainer generate --all` and --batch, and the alternatives a teacher
// may swap in, but never part of the draft itself (pickDraft leaves
// "blank." templates out), since a teacher rarely hands out a sentence
// with a hole when a question can be asked.
type familyBlank struct{}

func init() { register(familyBlank{}) }

func (familyBlank) Name() string { return "blank" }

// blankRels are the dependents whose phrases are blanked, most telling
// first.
var blankRels = map[string]int{
	"nsubj": 2, "nsubj:pass": 2, "obj": 2, "obl": 1, "obl:tmod": 1, "obl:npmod": 1, "iobj": 1,
	"appos": 1, "nmod": 0, "conj": 0, "nummod": 1, "root": 0, "xcomp": 0, "compound": -1, "nmod:poss": 0,
}

func (familyBlank) Ask(in *Input) []*Candidate {
	var out []*Candidate
	for si := range in.Doc.Sentences {
		s := &in.Doc.Sentences[si]
		if len(s.Tokens) < 5 || len(s.Tokens) > 60 {
			continue
		}
		seen := map[string]bool{}
		for h := range s.Tokens {
			t := &s.Tokens[h]
			rank, ok := blankRels[t.Rel]
			if !ok || rank < 0 && t.UPOS != "PROPN" {
				continue
			}
			if t.UPOS != "NOUN" && t.UPOS != "PROPN" && t.UPOS != "NUM" {
				continue
			}
			p := in.NounPhrase(si, h)
			if t.UPOS == "NUM" && t.Rel == "nummod" {
				p.Start, p.End = h, h+1
				p.Text = t.Form
			}
			k := quizzes.NormalizeAnswer(p.Text)
			if k == "" || seen[k] || keyWords(p.Text) > 5 || p.Pronoun {
				continue
			}
			seen[k] = true
			before, _ := in.render(si, 0, p.Start, nil)
			after, _ := in.render(si, p.End, len(s.Tokens), nil)
			prompt := cleanSpaces(before + " " + quizzes.Blank + " " + after)
			prompt = strings.ReplaceAll(prompt, " ,", ",")
			// a sentence that began with a pronoun or "This" reads "the
			// result was ..." once rendered: its first letter goes up
			prompt = upperFirst(strings.ReplaceAll(prompt, " .", "."))
			// "in _____ 's arms", "the _____ ' Human Development Index"
			prompt = strings.ReplaceAll(prompt, quizzes.Blank+" 's ", quizzes.Blank+"'s ")
			prompt = strings.ReplaceAll(prompt, quizzes.Blank+" ' ", quizzes.Blank+"' ")
			c := &Candidate{Template: "blank.phrase", Prompt: prompt, Key: p.Text, KeyType: p.Type, KeyPhrase: &p,
				Sentence: si, Kind: quizzes.Cloze}
			prior := 0.05 + 0.02*float64(rank)
			switch {
			case p.Type == TYear || p.Type == TDate || t.UPOS == "NUM":
				prior += 0.12
			case p.Named:
				prior += 0.1
			}
			c.feature("family", prior)
			out = append(out, c)
		}
		out = append(out, in.clauseBlanks(si, seen)...)
	}
	return out
}

// clauseBlanks blank out what completes a verb: a reason ("because ..."),
// a purpose or a reported clause, for the pool only and after the phrases.
func (in *Input) clauseBlanks(si int, seen map[string]bool) []*Candidate {
	s := &in.Doc.Sentences[si]
	var out []*Candidate
	for h := range s.Tokens {
		t := &s.Tokens[h]
		if t.Rel != "xcomp" && t.Rel != "ccomp" && t.Rel != "advcl" {
			continue
		}
		mark := subtree(s, h, func(rel string) bool { return rel == "punct" && false })
		a, b := span(mark, h)
		for a < b && s.Tokens[a].UPOS == "PUNCT" {
			a++
		}
		for b > a && s.Tokens[b-1].UPOS == "PUNCT" {
			b--
		}
		key, _ := in.render(si, a, b, nil)
		n := len(strings.Fields(key))
		k := quizzes.NormalizeAnswer(key)
		if n < 2 || n > 14 || seen[k] {
			continue
		}
		seen[k] = true
		before, _ := in.render(si, 0, a, nil)
		after, _ := in.render(si, b, len(s.Tokens), nil)
		prompt := upperFirst(strings.ReplaceAll(cleanSpaces(before+" "+quizzes.Blank+" "+after), " .", "."))
		c := &Candidate{Template: "blank.clause", Prompt: prompt, Key: key, KeyType: TStatement, Sentence: si, Kind: quizzes.Cloze}
		c.feature("family", 0.01)
		out = append(out, c)
	}
	return out
}
