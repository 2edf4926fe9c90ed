package generate

import (
	"sort"
	"strings"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// The writer's main point: an opinion piece argues for something, and
// its title says what ("School should begin later in the day"). The main
// idea family asks "What is the writer's main point?" with the sentence
// that says what should be done, in the title's words, as the key, and
// true details of the piece (what someone found, what the writer does) as
// the wrong choices.

// pointModals mark a sentence that argues: what should or must be done.
var pointModals = map[string]bool{"should": true, "must": true, "ought": true}

// argues reports whether tokens [a, b) of sentence s hold a modal of
// pointModals outside quotation marks.
func argues(s *nlp.Sentence, a, b int) bool {
	for i := a; i < b && i < len(s.Tokens); i++ {
		if pointModals[strings.ToLower(s.Tokens[i].Form)] && s.Tokens[i].XPOS == "MD" && !inQuote(s, i) {
			return true
		}
	}
	return false
}

// pointText is the part of sentence si that states a point: the clause
// after a colon when one introduces it ("The solution is simple: school
// should be started later"), cut at ", and" or ", but" when long, as the
// text says it; "" when the sentence states none.
func (in *Input) pointText(si int) string {
	s := &in.Doc.Sentences[si]
	if !in.wholeSentence(si) || in.asks(si) {
		return ""
	}
	a := 0
	for i, t := range s.Tokens {
		if t.Form == ":" {
			a = i + 1
		}
	}
	if !argues(s, a, len(s.Tokens)) {
		return ""
	}
	b := len(s.Tokens)
	for i := a + 1; i+1 < len(s.Tokens); i++ {
		if s.Tokens[i].Form == "," && (strings.EqualFold(s.Tokens[i+1].Form, "and") || strings.EqualFold(s.Tokens[i+1].Form, "but")) && argues(s, a, i) {
			b = i
			break
		}
	}
	for b > a && s.Tokens[b-1].UPOS == "PUNCT" {
		b--
	}
	if b-a < 4 || b-a > mainIdeaMaxWords {
		return ""
	}
	// the point is not the writer's own plan ("I should ...") nor a
	// clause that leans on another ("It should ...")
	if t := &s.Tokens[a]; t.UPOS == "PRON" && !strings.EqualFold(t.Form, "we") || t.UPOS == "SCONJ" || t.UPOS == "CCONJ" {
		return ""
	}
	txt := cleanSpaces(strings.ReplaceAll(in.Doc.Text[s.Tokens[a].Start:s.Tokens[b-1].End], "\n", " "))
	if !balanced(txt) || strings.ContainsAny(txt, "\"“”;[]") {
		return ""
	}
	return upperFirst(txt) + "."
}

// writersPoint asks for the main point of a text that argues, when the
// sentence that argues is in the title's words; nil otherwise.
func (in *Input) writersPoint(sal []float64) *Candidate {
	d := in.Doc
	title := in.titleSentence()
	if title < 0 || in.narrates() {
		return nil
	}
	type choice struct {
		si    int
		text  string
		score float64
	}
	key := choice{si: -1}
	var details []choice
	for si := range d.Sentences {
		if si == title || d.Paragraphs[d.Sentences[si].Paragraph].Kind != nlp.Prose {
			continue
		}
		if txt := in.pointText(si); txt != "" {
			ov := in.titleOverlap(title, si)
			if ov >= 0.5 && (key.si < 0 || ov+0.1*sal[si] > key.score) {
				key = choice{si, txt, ov + 0.1*sal[si]}
			}
			continue
		}
		s := &d.Sentences[si]
		if argues(s, 0, len(s.Tokens)) || in.titleOverlap(title, si) >= 0.99 {
			continue // another point, or a sentence close to it
		}
		if txt, ok := in.detailText(si); ok && !partOnly(s) {
			details = append(details, choice{si, txt, sal[si]})
		}
	}
	if key.si < 0 || len(details) < wantChoices {
		return nil
	}
	// details from across the piece, the most salient first, of a length
	// near the key's
	sort.SliceStable(details, func(a, b int) bool { return details[a].score > details[b].score })
	keyWords := len(strings.Fields(key.text))
	var wrong []string
	paras := map[int]bool{d.Sentences[key.si].Paragraph: true}
	for pass := 0; pass < 2 && len(wrong) < wantChoices; pass++ {
		for _, c := range details {
			if len(wrong) == wantChoices {
				break
			}
			p := d.Sentences[c.si].Paragraph
			if pass == 0 && paras[p] {
				continue
			}
			w := len(strings.Fields(c.text))
			if r := float64(w) / float64(keyWords); r < 0.5 || r > 2.5 {
				continue
			}
			dup := false
			for _, x := range wrong {
				dup = dup || x == c.text
			}
			if dup {
				continue
			}
			paras[p] = true
			wrong = append(wrong, c.text)
		}
	}
	if len(wrong) < wantChoices {
		return nil
	}
	c := &Candidate{
		Template: "mainidea.point", Prompt: "What is the writer's main point?", Key: key.text,
		KeyType: TStatement, Kind: quizzes.MultipleChoice, Distractors: wrong, Sentence: key.si,
	}
	c.feature("family", 0.85)
	c.feature("beyond", 1)
	return c
}

// detailText gives sentence si as a wrong choice for the writer's point:
// a whole statement as the text says it, that neither asks nor quotes and
// does not lean on the sentence before ("It ...", "However, ...").
func (in *Input) detailText(si int) (string, bool) {
	s := &in.Doc.Sentences[si]
	if !in.wholeSentence(si) || in.asks(si) || !hasFiniteVerb(s) {
		return "", false
	}
	words := 0
	for _, t := range s.Tokens {
		if t.UPOS != "PUNCT" {
			words++
		}
	}
	if words < 6 || words > mainIdeaMaxWords {
		return "", false
	}
	first := &s.Tokens[0]
	if first.UPOS == "PRON" || first.UPOS == "CCONJ" || first.Feats.PronType == "Dem" || connectiveWord(first.Form) || concessionWord(first.Form) {
		return "", false
	}
	txt := cleanSpaces(strings.ReplaceAll(in.Doc.Text[s.Start:s.End], "\n", " "))
	if !balanced(txt) || strings.ContainsAny(txt, "\"“”;:[]") {
		return "", false
	}
	return txt, true
}
