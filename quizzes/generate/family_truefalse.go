package generate

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"quiztrainer/quizzes"
)

// familyTrueFalse states a sentence of the text, as it is (true) or with
// one name, place, year or number swapped for another of the same kind
// from the text (false): "Araminta Ross was born in 1822 in Dorchester
// County." The statement is the text's own sentence, with its pronouns
// resolved, so it reads well; the swap makes a student check the detail.
type familyTrueFalse struct{}

func init() { register(familyTrueFalse{}) }

func (familyTrueFalse) Name() string { return "truefalse" }

// tfTypes are the keys a false statement may swap.
var tfTypes = map[FineType]bool{TPerson: true, TPlace: true, TOrg: true, TYear: true, TDate: true}

func (familyTrueFalse) Ask(in *Input) []*Candidate {
	var out []*Candidate
	done := map[int]bool{}
	for i := range in.Facts {
		f := &in.Facts[i]
		if f.Kind != Event || done[f.Sentence] || f.Subject == nil {
			continue
		}
		s := &in.Doc.Sentences[f.Sentence]
		if n := len(s.Tokens); n < 6 || n > 28 {
			continue
		}
		// the detail to check: a named argument of the clause
		var key *Phrase
		for _, p := range f.phrases() {
			if tfTypes[p.Type] && (p.Named || p.Type == TYear || p.Type == TDate) && !p.Pronoun && !p.Conj && !p.Unresolved {
				key = p
				break
			}
		}
		if key == nil {
			continue
		}
		text, bad := in.render(f.Sentence, 0, len(s.Tokens), nil)
		if bad || !strings.Contains(text, key.Text) || strings.Count(text, key.Text) > 1 {
			continue
		}
		done[f.Sentence] = true
		c := &Candidate{Template: "truefalse.statement", Key: key.Text, KeyType: key.Type, KeyPhrase: key, Sentence: f.Sentence, Fact: f, Kind: quizzes.TrueFalse}
		wrong := in.wrongChoices(c)
		h := fnv.New32a()
		h.Write([]byte(text))
		statement := text
		c.Key = "True"
		wrong = swappable(wrong, text, key.Text)
		if !in.clearlySwappable(f, key) {
			wrong = nil
		}
		wrong = in.notAlsoTrue(f, key, wrong)
		if len(wrong) > 0 && h.Sum32()%2 == 0 {
			w := wrong[int(h.Sum32()/2)%len(wrong)]
			if key.Type == TOrg && !strings.HasPrefix(strings.ToLower(w), "the ") {
				w = "the " + w // "the National Party made ...", not "National Party made ..."
			}
			statement = strings.Replace(text, key.Text, w, 1)
			c.Key = "False"
			c.Template = "truefalse.swapped"
		}
		c.Prompt = "True or false: " + upperFirst(statement)
		c.feature("family", 0.45)
		out = append(out, c)
	}
	return out
}

// phrases are the fact's subject, object and arguments.
func (f *Fact) phrases() []*Phrase {
	var out []*Phrase
	if f.Subject != nil {
		out = append(out, f.Subject)
	}
	if f.Object != nil {
		out = append(out, f.Object)
	}
	for i := range f.Args {
		out = append(out, &f.Args[i].Phrase)
	}
	return out
}

// swappable keeps the wrong choices that make a false statement: a name
// that starts with a capital or a digit, none of whose words the rest of
// the statement already has ("Only Tubman (Harriet Tubman) was born
// enslaved in 1822" is true, not false).
func swappable(wrong []string, statement, key string) []string {
	rest := strings.ToLower(strings.Replace(statement, key, " ", 1))
	restWords := map[string]bool{}
	for _, w := range strings.FieldsFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		restWords[w] = true
	}
	var out []string
	for _, w := range wrong {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			continue
		}
		shared := false
		for _, x := range strings.FieldsFunc(strings.ToLower(w), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(x) > 3 && restWords[x] {
				shared = true
			}
		}
		if !shared {
			out = append(out, w)
		}
	}
	return out
}

// clearlySwappable reports a detail whose swap the text clearly
// contradicts: a person's name, a year or a date. A place or an
// organisation swapped in often makes a statement of another kind, not a
// false one ("the British established the Portuguese"), and a name beside
// brackets holds another name of the same person ("Araminta Ross (Harriet
// Tubman)"), which the swap would contradict within the statement.
func (in *Input) clearlySwappable(f *Fact, key *Phrase) bool {
	switch key.Type {
	case TPerson, TYear, TDate:
	default:
		return false
	}
	s := &in.Doc.Sentences[f.Sentence]
	if key.Start > 0 && (s.Tokens[key.Start-1].Form == "(" || s.Tokens[key.Start-1].Form == ")") {
		return false
	}
	if key.End < len(s.Tokens) && (s.Tokens[key.End].Form == "(" || s.Tokens[key.End].Form == ")") {
		return false
	}
	return true
}

// notAlsoTrue leaves out the swaps the text makes true elsewhere: a
// person who does the same thing in another sentence ("Kibaki won a
// second term" is as true as "Kenyatta won a second term").
func (in *Input) notAlsoTrue(f *Fact, key *Phrase, wrong []string) []string {
	lemma := strings.ToLower(in.Doc.Sentences[f.Sentence].Tokens[f.Pred].Lemma)
	also := map[string]bool{}
	for i := range in.Facts {
		g := &in.Facts[i]
		if g == f || g.Kind != f.Kind || strings.ToLower(in.Doc.Sentences[g.Sentence].Tokens[g.Pred].Lemma) != lemma {
			continue
		}
		for _, p := range g.phrases() {
			if p.Type == key.Type {
				also[quizzes.NormalizeAnswer(p.Text)] = true
			}
		}
	}
	var out []string
	for _, w := range wrong {
		n := quizzes.NormalizeAnswer(w)
		clash := false
		for a := range also {
			if a == n || strings.Contains(" "+a+" ", " "+n+" ") || strings.Contains(" "+n+" ", " "+a+" ") {
				clash = true
			}
		}
		if !clash {
			out = append(out, w)
		}
	}
	return out
}
