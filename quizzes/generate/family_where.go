package generate

// familyWhere asks where something happened, from a place phrase under
// the verb: "Where was Tubman born?" ("in Dorchester County").
type familyWhere struct{}

func init() { register(familyWhere{}) }

func (familyWhere) Name() string { return "where" }

// whereCases are the prepositions after which a place answers "Where";
// "from" keeps its preposition at the end ("Where did she come from?").
var whereCases = map[string]string{"in": "", "at": "", "on": "", "near": "", "to": "", "into": "", "from": "from", "inside": ""}

func (familyWhere) Ask(in *Input) []*Candidate {
	var out []*Candidate
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Kind != Event || f.Subject == nil {
			continue
		}
		for j := range f.Args {
			a := &f.Args[j]
			p := &a.Phrase
			trail, ok := whereCases[a.Case]
			if !ok || p.Type != TPlace || !p.Named {
				continue
			}
			q, ok := in.Ask(f, p.Head, "Where", trail)
			if !ok {
				continue
			}
			c := &Candidate{Template: "where.place", Prompt: q, Key: p.Text, KeyType: TPlace, KeyPhrase: p, Sentence: f.Sentence, Fact: f}
			c.feature("family", 0.7)
			out = append(out, c)
		}
	}
	return out
}
