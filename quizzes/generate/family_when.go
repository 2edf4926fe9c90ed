package generate

// familyWhen asks when something happened, from a time phrase under the
// verb: "When was Tubman born?" ("in 1822"), "In what year ...?"
type familyWhen struct{}

func init() { register(familyWhen{}) }

func (familyWhen) Name() string { return "when" }

// whenCases are the prepositions after which a time phrase answers "When";
// "by", "before", "until" and "since" change what the answer means.
var whenCases = map[string]bool{"": true, "in": true, "on": true, "at": true, "during": true}

func (familyWhen) Ask(in *Input) []*Candidate {
	var out []*Candidate
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Kind != Event && f.Kind != Is || f.Subject == nil {
			continue
		}
		for j := range f.Args {
			a := &f.Args[j]
			p := &a.Phrase
			if !whenCases[a.Case] || p.Type != TYear && p.Type != TDate {
				continue
			}
			wh := "When"
			if p.Type == TYear && a.Case == "in" && len(p.Text) == 4 {
				wh = "In what year"
			}
			q, ok := in.Ask(f, p.Head, wh, "")
			if !ok {
				continue
			}
			c := &Candidate{Template: "when.time", Prompt: q, Key: p.Text, KeyType: p.Type, KeyPhrase: p, Sentence: f.Sentence, Fact: f}
			c.feature("family", 0.75)
			out = append(out, c)
		}
	}
	return out
}
