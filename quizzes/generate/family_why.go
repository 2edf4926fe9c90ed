package generate

import (
	"regexp"
	"strings"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// familyWhy asks why something happened, from a cause, purpose or result
// the text states: "Why did the government create the holiday?" with the
// reason as the key. A reason is a clause, which nobody types word for
// word, so the question is multiple choice; its wrong choices are other
// true statements of the text, written the same way ("Because ..."), that
// are not the reason: the student has to find which of the true things is
// the cause.
type familyWhy struct{}

func init() { register(familyWhy{}) }

func (familyWhy) Name() string { return "why" }

// A reason is one stated cause, purpose or result, read from the tree:
//
//	cause    "X because/since/as Y" (an adverbial clause), "X because of /
//	         due to / thanks to / owing to Y" (a phrase)
//	purpose  "X to Y", "X in order to Y", "X so that Y"
//	result   "Y, so X", "Y; therefore X", "Y. As a result, X"
//
// Effect is the fact the question asks about; Key the reason as a choice.
type reason struct {
	Kind   string // "cause", "purpose", "result"
	Marker string
	Effect *Fact
	// Gap is the cause phrase's head inside the effect clause (left out
	// of the question), -1 when the cause is a clause of its own.
	Gap int
	Key string
	// CauseSentence is where the reason is stated (the sentence before,
	// for "As a result, ..."); Sentence the effect's.
	CauseSentence int
	// CauseStart, CauseEnd are the reason's byte offsets in the text.
	CauseStart, CauseEnd int
	// Prompt is the question when the family forms it itself ("X caused
	// Y to happen" asks "Why did Y happen?"), empty when Input.Ask does.
	Prompt string
}

// spanOf is the byte span of tokens [a, b) of sentence si.
func (in *Input) spanOf(si, a, b int) (int, int) {
	s := &in.Doc.Sentences[si]
	if a >= b || b > len(s.Tokens) {
		return s.Start, s.End
	}
	return s.Tokens[a].Start, s.Tokens[b-1].End
}

func (familyWhy) Ask(in *Input) []*Candidate {
	rs := in.reasons()
	var out []*Candidate
	for i := range rs {
		r := &rs[i]
		if r.Prompt != "" {
			c := &Candidate{
				Template: "why." + r.Kind, Prompt: r.Prompt, Key: r.Key, KeyType: TStatement,
				Sentence: r.Effect.Sentence, Fact: r.Effect, Kind: quizzes.MultipleChoice,
			}
			c.Distractors = in.reasonDistractors(r, rs)
			if len(c.Distractors) < wantChoices || !in.wholeSentence(r.Effect.Sentence) || in.asks(r.Effect.Sentence) {
				continue
			}
			c.feature("family", 0.75)
			c.feature("beyond", 1)
			out = append(out, c)
			continue
		}
		if !in.wholeSentence(r.Effect.Sentence) || !in.wholeSentence(r.CauseSentence) || in.asks(r.Effect.Sentence) {
			continue // a sentence cut by a line break, or one that asks
		}
		if p := r.Effect.Subject; p != nil && hasDemonstrative(&in.Doc.Sentences[p.Sentence], p.Start, p.End) {
			continue // "this name" becomes "the name": which name, the question does not say
		}
		prompt, ok := in.Ask(r.Effect, r.Gap, "Why", "")
		if !ok {
			continue
		}
		prompt = trimWhy(prompt)
		c := &Candidate{
			Template: "why." + r.Kind, Prompt: prompt, Key: r.Key, KeyType: TStatement,
			Sentence: r.Effect.Sentence, Fact: r.Effect, Kind: quizzes.MultipleChoice,
		}
		if r.CauseSentence < c.Sentence {
			c.Sentence, c.LastSentence = r.CauseSentence, r.Effect.Sentence
		}
		c.Distractors = in.reasonDistractors(r, rs)
		if len(c.Distractors) < wantChoices {
			continue // a reason is never a typed answer
		}
		c.feature("family", 0.8)
		c.feature("beyond", 1)
		out = append(out, c)
	}
	return out
}

// connectives are words that join the effect to its cause and have no
// place in the question ("Why did they therefore stay?").
var connectives = regexp.MustCompile(`(?i)(,?\s+(therefore|thus|hence|consequently|so|as a result)\b,?)`)

// concessions start a clause a why question leaves out: "Why is the name
// discouraged though a tsunami at high tide may cause more damage?"
var concessions = regexp.MustCompile(`(?i),?\s+\b(though|although|while|whereas|even if|but)\b.*\?$`)

// relativeTimes are a relative clause's time copied into a question:
// "... change the constitution after which time?"
var relativeTimes = regexp.MustCompile(`(?i),?\s+\b(after|before|during|since|until|by|from) which( time| point| date)?\?$`)

// trimWhy drops connectives, trailing concessions and a relative
// clause's left-over time from a why question.
func trimWhy(q string) string {
	q = relativeTimes.ReplaceAllString(q, "?")
	q = connectives.ReplaceAllString(q, "")
	q = concessions.ReplaceAllString(q, "?")
	return cleanSpaces(q)
}

// wholeSentence reports whether sentence si ends as a sentence does (a
// line break in a PDF copy can cut one) and holds no open parenthesis.
func (in *Input) wholeSentence(si int) bool {
	s := &in.Doc.Sentences[si]
	n := len(s.Tokens)
	if n < 3 {
		return false
	}
	last := s.Tokens[n-1].Form
	if last == "\"" || last == "'" || last == "”" || last == "’" || last == ")" {
		if n < 4 {
			return false
		}
		last = s.Tokens[n-2].Form
	}
	if last != "." && last != "!" && last != "?" {
		return false
	}
	depth := 0
	for _, t := range s.Tokens {
		switch t.Form {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		}
	}
	return depth == 0
}

// asks reports whether sentence si is a question: what it says is not
// stated as true.
func (in *Input) asks(si int) bool {
	s := &in.Doc.Sentences[si]
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		if f := s.Tokens[i].Form; f != "\"" && f != "”" && f != "'" && f != "’" && f != ")" {
			return f == "?"
		}
	}
	return false
}

// hasDemonstrative reports a "this", "that", "these" or "those" among
// tokens [a, b).
func hasDemonstrative(s *nlp.Sentence, a, b int) bool {
	for i := a; i < b && i < len(s.Tokens); i++ {
		switch strings.ToLower(s.Tokens[i].Form) {
		case "this", "that", "these", "those":
			return true
		}
	}
	return false
}

// inParens reports whether token i of sentence si stands inside brackets.
func inParens(s *nlp.Sentence, i int) bool {
	depth := 0
	for j := 0; j < i; j++ {
		switch s.Tokens[j].Form {
		case "(", "[":
			depth++
		case ")", "]":
			depth--
		}
	}
	return depth > 0
}

// reasons finds every stated cause, purpose and result of the text.
func (in *Input) reasons() []reason {
	var out []reason
	for fi := range in.Facts {
		f := &in.Facts[fi]
		if f.Kind != Event && f.Kind != Is {
			continue
		}
		if f.Subject == nil || f.Negated {
			continue
		}
		s := &in.Doc.Sentences[f.Sentence]
		if inParens(s, f.Pred) {
			continue
		}
		for _, c := range children(s, f.Pred) {
			ct := &s.Tokens[c]
			switch {
			case ct.Rel == "advcl":
				if r, ok := in.clauseReason(f, c); ok {
					out = append(out, r)
				}
			case strings.HasPrefix(ct.Rel, "obl"):
				switch caseOf(s, c) {
				case "because of", "due to", "thanks to", "owing to", "as a result of", "on account of":
					p := in.NounPhrase(f.Sentence, c)
					a := p.Start
					for a < c && (s.Tokens[a].Rel == "case" || s.Tokens[a].Rel == "fixed" || s.Tokens[a].UPOS == "ADP") {
						a++
					}
					txt, un := in.keyText(f.Sentence, a, p.End)
					if un || txt == "" {
						continue
					}
					r := reason{Kind: "cause", Marker: caseOf(s, c), Effect: f, Gap: c,
						Key: "Because of " + lowerSentenceStart(s, a, txt), CauseSentence: f.Sentence}
					r.CauseStart, r.CauseEnd = in.spanOf(f.Sentence, p.Start, p.End)
					out = append(out, r)
				}
			}
		}
		// "Y, so X": the result X is a clause joined to Y
		if r, ok := in.resultReason(f); ok {
			out = append(out, r)
		}
		// "X caused Y to happen": why did Y happen? because of X
		if r, ok := in.causeVerbReason(f); ok {
			out = append(out, r)
		}
	}
	return out
}

// clauseReason reads an adverbial clause c of f's predicate that gives a
// cause ("because ...") or a purpose ("to ...", "so that ...").
func (in *Input) clauseReason(f *Fact, c int) (reason, bool) {
	s := &in.Doc.Sentences[f.Sentence]
	var marks []string
	first := -1
	for _, m := range children(s, c) {
		if s.Tokens[m].Rel == "mark" {
			marks = append(marks, strings.ToLower(s.Tokens[m].Form))
			if first < 0 {
				first = m
			}
			for _, x := range children(s, m) {
				if s.Tokens[x].Rel == "fixed" {
					marks = append(marks, strings.ToLower(s.Tokens[x].Form))
				}
			}
		}
	}
	mk := strings.Join(marks, " ")
	kind := ""
	switch mk {
	case "because":
		kind = "cause"
	case "since", "as":
		// after the verb, "since" and "as" are as often time or manner
		if first > f.Pred || hasChild(s, f.Pred, "aux", "have") {
			return reason{}, false
		}
		kind = "cause"
	case "to", "in order to", "in to", "so that", "so":
		if mk == "so" && !(first+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[first+1].Form, "that")) {
			return reason{}, false
		}
		if mk == "to" {
			// "built a dam to control floods": an action done for a goal;
			// not "is easy to read", "was too late to help", "seemed to
			// know", nor an order ("To make bread, ...")
			pt := &s.Tokens[f.Pred]
			if s.Tokens[c].UPOS != "VERB" || c < f.Pred || pt.UPOS != "VERB" || child(s, f.Pred, "cop") >= 0 ||
				child(s, c, "obj", "obl", "xcomp", "ccomp") < 0 || child(s, f.Pred, "obj", "nsubj:pass", "compound:prt") < 0 ||
				notPurposeVerbs[strings.ToLower(pt.Lemma)] || hasDegree(s, f.Pred, c) {
				return reason{}, false
			}
		}
		if (mk == "in order to" || mk == "in to") && s.Tokens[c].UPOS != "VERB" {
			return reason{}, false
		}
		kind = "purpose"
	default:
		return reason{}, false
	}
	mark := subtree(s, c, func(rel string) bool { return rel == "parataxis" })
	a, b := span(mark, c)
	// the effect must not go on after the cause: the question would
	// stitch its parts around it
	rest := subtree(s, f.Pred, nil)
	for i := b; i < len(s.Tokens) && a > f.Pred; i++ {
		if concessionWord(s.Tokens[i].Form) || s.Tokens[i].Form == "—" || s.Tokens[i].Form == "--" {
			break // "..., though ...": an aside the question leaves out
		}
		if rest[i] && !mark[i] && s.Tokens[i].UPOS != "PUNCT" {
			return reason{}, false
		}
	}
	for i := a; i < b; i++ {
		if i > a+1 && s.Tokens[i-1].Form == "," && concessionWord(s.Tokens[i].Form) {
			b = i - 1 // "because X, though Y": the reason is X
			break
		}
	}
	for a < b && (s.Tokens[a].Rel == "mark" && mk != "to" && mk != "in order to" || s.Tokens[a].UPOS == "PUNCT" || strings.EqualFold(s.Tokens[a].Form, "that") && a == first+1) {
		a++
	}
	if mk == "in order to" || mk == "in to" {
		for a < b && !strings.EqualFold(s.Tokens[a].Form, "to") {
			a++
		}
	}
	for b > a && s.Tokens[b-1].UPOS == "PUNCT" {
		b--
	}
	if b-a < 2 {
		return reason{}, false
	}
	txt, un := in.keyText(f.Sentence, a, b)
	if un || txt == "" || !balanced(txt) {
		return reason{}, false
	}
	var key string
	switch {
	case kind == "cause":
		key = "Because " + lowerSentenceStart(s, a, txt)
	case mk == "so" || mk == "so that":
		key = "So that " + lowerSentenceStart(s, a, txt)
	default:
		key = upperFirst(txt)
	}
	r := reason{Kind: kind, Marker: mk, Effect: f, Gap: -1, Key: key, CauseSentence: f.Sentence}
	r.CauseStart, r.CauseEnd = in.spanOf(f.Sentence, a, b)
	return r, true
}

// causeVerbReason reads "The blow caused Tubman to have sleeping spells"
// and asks "Why did Tubman have sleeping spells?", keyed "Because of the
// blow".
func (in *Input) causeVerbReason(f *Fact) (reason, bool) {
	s := &in.Doc.Sentences[f.Sentence]
	v := &s.Tokens[f.Pred]
	if !strings.EqualFold(v.Lemma, "cause") {
		return reason{}, false // "made", "led", "allowed" are as often no cause the text explains
	}
	obj, x := child(s, f.Pred, "obj"), child(s, f.Pred, "xcomp")
	if obj < 0 && x < 0 {
		// "causes clouds to form" read as a clause with its own subject
		if x = child(s, f.Pred, "ccomp"); x >= 0 {
			obj = child(s, x, "nsubj")
		}
	}
	if obj < 0 || x < 0 || x < obj || s.Tokens[x].UPOS != "VERB" || f.Subject == nil || f.Passive {
		return reason{}, false
	}
	op := in.NounPhrase(f.Sentence, obj)
	if op.Pronoun || op.Unresolved || op.Text == "" {
		return reason{}, false
	}
	// the caused event: the xcomp without its "to"
	mark := subtree(s, x, func(rel string) bool {
		return rel == "punct" || rel == "parataxis" || rel == "conj" || rel == "cc" || rel == "nsubj" || rel == "reparandum"
	})
	a, b := span(mark, x)
	for a < b && (s.Tokens[a].Rel == "mark" || s.Tokens[a].UPOS == "PART") {
		a++
	}
	for b > a && s.Tokens[b-1].UPOS == "PUNCT" {
		b--
	}
	event, un := in.render(f.Sentence, a, b, nil)
	if un || event == "" || !balanced(event) {
		return reason{}, false
	}
	var do string
	modal := child(s, f.Pred, "aux")
	switch {
	case modal >= 0 && s.Tokens[modal].XPOS == "MD":
		do = strings.ToLower(s.Tokens[modal].Form)
	case v.XPOS == "VBD" || v.Feats.Tense == "Past":
		do = "did"
	case s.Tokens[obj].Feats.Number == "Plur" || s.Tokens[obj].XPOS == "NNS" || s.Tokens[obj].XPOS == "NNPS":
		do = "do"
	default:
		do = "does"
	}
	cause := f.Subject
	if cause.Pronoun || cause.Unresolved || cause.Type == TPerson {
		return reason{}, false // "she caused ..." asks who, not why
	}
	prompt := "Why " + do + " " + lowerPhrase(s, &op, op.Text) + " " + event + "?"
	r := reason{Kind: "cause", Marker: strings.ToLower(v.Lemma), Effect: f, Gap: -1, CauseSentence: f.Sentence,
		Key: "Because of " + lowerPhrase(s, cause, cause.Text), Prompt: cleanSpaces(prompt)}
	r.CauseStart, r.CauseEnd = in.spanOf(f.Sentence, cause.Start, cause.End)
	return r, true
}

// notPurposeVerbs take a "to" clause that is no goal: "seemed to know",
// "used to live", "happened to be".
var notPurposeVerbs = map[string]bool{
	"be": true, "seem": true, "appear": true, "use": true, "happen": true, "have": true, "tend": true,
	"want": true, "need": true, "try": true, "begin": true, "start": true, "continue": true,
	"decide": true, "hope": true, "plan": true, "like": true, "love": true, "fail": true,
	"manage": true, "refuse": true, "agree": true, "promise": true, "choose": true, "learn": true,
	"allow": true, "ask": true, "tell": true, "expect": true, "help": true, "get": true, "go": true,
}

// hasDegree reports "too ... to", "enough ... to", "so ... as to" between
// a predicate and its "to" clause.
func hasDegree(s *nlp.Sentence, pred, c int) bool {
	for i := pred; i < c && i < len(s.Tokens); i++ {
		switch strings.ToLower(s.Tokens[i].Form) {
		case "too", "enough", "able", "unable", "first", "last", "only":
			return true
		}
	}
	return false
}

// resultReason reads "Y, so X" and "Y. Therefore, X" with f as X: the
// question asks why X, the key is Y.
func (in *Input) resultReason(f *Fact) (reason, bool) {
	s := &in.Doc.Sentences[f.Sentence]
	for _, k := range children(s, f.Pred) {
		kt := &s.Tokens[k]
		w := strings.ToLower(kt.Form)
		if kt.Rel != "advmod" && kt.Rel != "cc" && kt.Rel != "mark" {
			continue
		}
		switch w {
		case "so", "therefore", "thus", "hence", "consequently":
		default:
			continue
		}
		if firstTokenOf(s, f.Pred) != k && !(k > 0 && firstTokenOf(s, f.Pred) == k-1 && s.Tokens[k-1].UPOS == "PUNCT") {
			continue // the connective starts the result clause
		}
		pt := &s.Tokens[f.Pred]
		if (pt.Rel == "conj" || pt.Rel == "parataxis") && pt.Head >= 0 {
			// "It was cold, so we stayed inside": the cause is the
			// clause the result hangs on
			h := pt.Head
			mark := subtree(s, h, func(rel string) bool { return rel == "punct" || rel == "advcl" || rel == "discourse" })
			for i, m := range subtree(s, f.Pred, nil) {
				if m {
					mark[i] = false
				}
			}
			a, b := span(mark, h)
			for a < b && (s.Tokens[a].UPOS == "PUNCT" || s.Tokens[a].UPOS == "CCONJ") {
				a++
			}
			txt, un := in.keyText(f.Sentence, a, b)
			if un || len(strings.Fields(txt)) < 3 {
				return reason{}, false
			}
			r := reason{Kind: "result", Marker: w, Effect: f, Gap: -1, Key: "Because " + lowerSentenceStart(s, a, txt), CauseSentence: f.Sentence}
			r.CauseStart, r.CauseEnd = in.spanOf(f.Sentence, a, b)
			return r, true
		}
		if pt.Rel == "root" && f.Sentence > 0 && w != "so" {
			prev := f.Sentence - 1
			if in.Doc.Sentences[prev].Paragraph != s.Paragraph {
				return reason{}, false
			}
			txt, ok := in.statement(prev, -1)
			if !ok {
				return reason{}, false
			}
			r := reason{Kind: "result", Marker: w, Effect: f, Gap: -1, Key: "Because " + txt, CauseSentence: prev}
			r.CauseStart, r.CauseEnd = in.Doc.Sentences[prev].Start, in.Doc.Sentences[prev].End
			return r, true
		}
	}
	return reason{}, false
}

// statement renders the main clause of sentence si as a statement that
// can follow "Because": no leading connective, no final stop, pronouns
// resolved, the first word lower case unless it is a name. pred, when
// not -1, is the clause's predicate; otherwise the sentence's root.
func (in *Input) statement(si, pred int) (string, bool) {
	s := &in.Doc.Sentences[si]
	if pred < 0 {
		for i := range s.Tokens {
			if s.Tokens[i].Head < 0 {
				pred = i
				break
			}
		}
	}
	if pred < 0 {
		return "", false
	}
	pt := &s.Tokens[pred]
	if pt.UPOS != "VERB" && child(s, pred, "cop") < 0 && pt.UPOS != "AUX" {
		return "", false
	}
	if child(s, pred, "nsubj", "nsubj:pass") < 0 || child(s, pred, "mark") >= 0 || !in.wholeSentence(si) {
		return "", false
	}
	mark := subtree(s, pred, func(rel string) bool {
		return rel == "parataxis" || rel == "discourse" || rel == "vocative" || rel == "dep"
	})
	for _, c := range children(s, pred) {
		ct := &s.Tokens[c]
		lead := c < pred && (ct.Rel == "cc" || ct.Rel == "mark" || ct.Rel == "advmod" && connectiveWord(ct.Form) || ct.Rel == "advcl" || ct.Rel == "punct")
		if lead || ct.Rel == "conj" && c > pred || ct.Rel == "advcl" {
			for i, m := range subtree(s, c, nil) {
				if m {
					mark[i] = false
				}
			}
		}
	}
	a, b := span(mark, pred)
	for a < b && (s.Tokens[a].UPOS == "PUNCT" || s.Tokens[a].UPOS == "CCONJ") {
		a++
	}
	for b > a && s.Tokens[b-1].UPOS == "PUNCT" {
		b--
	}
	n := b - a
	if n < 4 || n > 25 {
		return "", false
	}
	txt, un := in.render(si, a, b, nil)
	if un || txt == "" || !balanced(txt) || strings.ContainsAny(txt, "\"“”:;?!\n") {
		return "", false
	}
	return lowerSentenceStart(s, a, txt), true
}

// keyText renders tokens [a, b) of sentence si for a why question's key.
// The question names the effect's entities, so a pronoun after the start
// of the sentence stays a pronoun ("Because it amplifies ..."); a pronoun
// at the start is resolved, as render does.
func (in *Input) keyText(si, a, b int) (string, bool) {
	s := &in.Doc.Sentences[si]
	if a == 0 {
		return in.render(si, a, b, nil)
	}
	var sb strings.Builder
	space := false
	for i := a; i < b; i++ {
		t := &s.Tokens[i]
		w := t.Form
		if t.UPOS == "DET" && t.Feats.PronType == "Dem" && t.Rel == "det" {
			w = "the"
			if strings.EqualFold(t.Form, "these") || strings.EqualFold(t.Form, "those") {
				w = "the"
			}
		}
		if space && !strings.HasPrefix(w, "'s") && w != "n't" {
			sb.WriteByte(' ')
		}
		sb.WriteString(w)
		space = t.SpaceAfter || i+1 < b && s.Tokens[i+1].Start > t.End
	}
	txt := cleanSpaces(sb.String())
	return txt, strings.ContainsAny(txt, "\n")
}

func concessionWord(w string) bool {
	switch strings.ToLower(w) {
	case "though", "although", "while", "whereas", "but", "yet":
		return true
	}
	return false
}

func connectiveWord(w string) bool {
	switch strings.ToLower(w) {
	case "however", "also", "then", "still", "therefore", "thus", "so", "instead", "meanwhile",
		"moreover", "furthermore", "consequently", "hence", "indeed", "yet", "besides", "finally", "now":
		return true
	}
	return false
}

// lowerSentenceStart lower-cases a clause's first word when it is capital
// only because it starts the sentence.
func lowerSentenceStart(s *nlp.Sentence, a int, txt string) string {
	if a == 0 && s.Tokens[0].UPOS != "PROPN" && s.Tokens[0].Form != "I" && !strings.HasPrefix(txt, "the writer") {
		return lower(txt)
	}
	return txt
}

func lowerPhraseText(s *nlp.Sentence, p *Phrase) string {
	return lowerPhrase(s, p, p.Text)
}

func hasChild(s *nlp.Sentence, h int, rel, lemma string) bool {
	for _, c := range children(s, h) {
		if s.Tokens[c].Rel == rel && strings.EqualFold(s.Tokens[c].Lemma, lemma) {
			return true
		}
	}
	return false
}

// reasonDistractors are wrong choices for a why question: other true
// statements of the text, written as the key is ("Because ...", "To
// ..."), none of them a reason the text gives for the same effect. Those
// about the effect's entities and close to the key's length come first.
// reasonWindow is how many sentences before and after a reason's effect
// its wrong choices come from.
const reasonWindow = 60

func (in *Input) reasonDistractors(r *reason, all []reason) []string {
	effect := r.Effect.Sentence
	near := func(si int) bool {
		return si >= r.CauseSentence-1 && si <= effect+1
	}
	// wrong reasons come from the key's part of the text: they fit its
	// time and place, and a long text is not read once per question
	far := func(si int) bool {
		return si < effect-reasonWindow || si > effect+reasonWindow
	}
	keyWords := len(strings.Fields(r.Key))
	// the effect's doer's names: a wrong reason that acts on the doer
	// itself is absurd ("the party changed the constitution ... to
	// dislodge the party from power")
	doer := in.chainNames(r.Effect.Subject)
	type cand struct {
		text  string
		score float64
	}
	var cands []cand
	seen := map[string]bool{quizzes.NormalizeAnswer(r.Key): true}
	add := func(text string, si int, topical float64) {
		n := quizzes.NormalizeAnswer(text)
		if seen[n] || n == "" {
			return
		}
		words := len(strings.Fields(text))
		ratio := float64(words) / float64(keyWords)
		if ratio < 0.5 || ratio > 2 {
			return
		}
		if overlap(n, quizzes.NormalizeAnswer(r.Key)) > 0.5 {
			return // nearly the key: it would read as right too
		}
		for _, d := range doer {
			if strings.Contains(" "+n+" ", " "+d+" ") {
				return
			}
		}
		seen[n] = true
		score := topical
		if ratio > 0.75 && ratio < 1.35 {
			score += 0.5
		}
		cands = append(cands, cand{text, score + 0.001*float64(len(in.Doc.Sentences)-si)})
	}
	chains := in.sentenceChains(effect)
	for i := range all {
		o := &all[i]
		if far(o.CauseSentence) || o.Effect == r.Effect || o.Effect.Sentence == effect || near(o.CauseSentence) || o.Kind == "result" && near(o.Effect.Sentence) {
			continue
		}
		if sameForm(o.Key, r.Key) {
			add(o.Key, o.CauseSentence, 1+in.topical(chains, o.CauseSentence))
		}
	}
	for fi := range in.Facts {
		f := &in.Facts[fi]
		if far(f.Sentence) || near(f.Sentence) || f.Kind != Event && f.Kind != Is {
			continue
		}
		s := &in.Doc.Sentences[f.Sentence]
		if s.Tokens[f.Pred].Head >= 0 {
			continue // the sentence's main clause only
		}
		if in.Doc.Paragraphs[s.Paragraph].Kind != nlp.Prose {
			continue
		}
		switch {
		case strings.HasPrefix(r.Key, "Because of "):
			continue // a phrase's wrong choices are phrases: below
		case strings.HasPrefix(r.Key, "Because "):
			if txt, ok := in.statement(f.Sentence, f.Pred); ok {
				add("Because "+txt, f.Sentence, in.topical(chains, f.Sentence))
			}
		case strings.HasPrefix(r.Key, "To "):
			for _, c := range children(s, f.Pred) {
				if txt, ok := in.toPhrase(f.Sentence, c); ok {
					add(upperFirst(txt), f.Sentence, in.topical(chains, f.Sentence))
				}
			}
			if txt, ok := in.verbPhrase(f.Sentence, f.Pred); ok {
				add("To "+txt, f.Sentence, in.topical(chains, f.Sentence)-0.25)
			}
		}
	}
	if strings.HasPrefix(r.Key, "Because of ") {
		// what does things in the text: the subjects of its events, the
		// other causes first
		for fi := range in.Facts {
			f := &in.Facts[fi]
			if far(f.Sentence) {
				continue
			}
			p := f.Subject
			if f.Kind == Cause && f.CausePhrase != nil {
				p = f.CausePhrase
			}
			if p == nil || near(p.Sentence) || p.Pronoun || p.Unresolved || p.Conj || !(p.Type == TThing || p.Type == TPlace && !p.Named) || p.End-p.Start < 2 || p.End-p.Start > 8 {
				continue
			}
			bonus := 0.0
			if f.Kind == Cause {
				bonus = 1
			}
			add("Because of "+lowerPhraseText(&in.Doc.Sentences[p.Sentence], p), p.Sentence, bonus+in.topical(chains, p.Sentence))
		}
	}
	// best first, a stable order
	for i := 1; i < len(cands); i++ {
		for j := i; j > 0 && cands[j].score > cands[j-1].score; j-- {
			cands[j], cands[j-1] = cands[j-1], cands[j]
		}
	}
	var out []string
	for _, c := range cands {
		if len(out) == wantChoices {
			break
		}
		out = append(out, c.text)
	}
	return out
}

// toPhrase renders an infinitive clause c ("to control floods") of a
// verb, when it is one.
func (in *Input) toPhrase(si, c int) (string, bool) {
	s := &in.Doc.Sentences[si]
	ct := &s.Tokens[c]
	if ct.Rel != "xcomp" && ct.Rel != "advcl" || ct.UPOS != "VERB" {
		return "", false
	}
	to := child(s, c, "mark")
	if to < 0 || !strings.EqualFold(s.Tokens[to].Form, "to") {
		return "", false
	}
	mark := subtree(s, c, func(rel string) bool { return rel == "parataxis" || rel == "advcl" || rel == "conj" || rel == "cc" })
	a, b := span(mark, c)
	for a < to {
		a++
	}
	for b > a && s.Tokens[b-1].UPOS == "PUNCT" {
		b--
	}
	if b-a < 3 || b-a > 14 {
		return "", false
	}
	txt, un := in.render(si, a, b, nil)
	if un || !balanced(txt) || strings.ContainsAny(txt, "\"“”:;") {
		return "", false
	}
	return txt, true
}

// verbPhrase renders an active verb with what follows it as a goal would
// read: "won the election in 2020" -> "win the election in 2020".
func (in *Input) verbPhrase(si, v int) (string, bool) {
	s := &in.Doc.Sentences[si]
	t := &s.Tokens[v]
	if t.UPOS != "VERB" || child(s, v, "obj") < 0 || child(s, v, "aux:pass", "cop") >= 0 || child(s, v, "nsubj:pass") >= 0 {
		return "", false
	}
	if notPurposeVerbs[strings.ToLower(t.Lemma)] || isNeg(&s.Tokens[v]) {
		return "", false
	}
	for _, c := range children(s, v) {
		if isNeg(&s.Tokens[c]) {
			return "", false
		}
	}
	mark := subtree(s, v, func(rel string) bool { return clauseLeaves[rel] && rel != "punct" || rel == "advcl" })
	b := v + 1
	for b < len(s.Tokens) && mark[b] {
		b++
	}
	for b > v+1 && s.Tokens[b-1].UPOS == "PUNCT" {
		b--
	}
	if b-v < 2 || b-v > 12 {
		return "", false
	}
	txt, un := in.render(si, v+1, b, nil)
	if un || !balanced(txt) || strings.ContainsAny(txt, "\"“”:;,") {
		return "", false
	}
	return strings.ToLower(t.Lemma) + " " + txt, true
}

func sameForm(a, b string) bool {
	for _, p := range []string{"Because of ", "Because ", "So that ", "To "} {
		if strings.HasPrefix(a, p) || strings.HasPrefix(b, p) {
			return strings.HasPrefix(a, p) && strings.HasPrefix(b, p)
		}
	}
	return false
}

// sentenceChains are the reference chains mentioned in sentence si.
func (in *Input) sentenceChains(si int) map[int]bool {
	out := map[int]bool{}
	for _, mi := range in.mentionsOf(si) {
		if m := &in.Doc.Mentions[mi]; m.Chain >= 0 {
			out[m.Chain] = true
		}
	}
	return out
}

// topical is 1 when sentence si mentions one of chains, else 0.
func (in *Input) topical(chains map[int]bool, si int) float64 {
	for _, mi := range in.mentionsOf(si) {
		if m := &in.Doc.Mentions[mi]; m.Chain >= 0 && chains[m.Chain] {
			return 1
		}
	}
	return 0
}

// overlap is the share of a's words that b also has.
func overlap(a, b string) float64 {
	wa := strings.Fields(a)
	if len(wa) == 0 {
		return 0
	}
	in := map[string]bool{}
	for _, w := range strings.Fields(b) {
		in[w] = true
	}
	n := 0
	for _, w := range wa {
		if in[w] && len(w) > 3 {
			n++
		}
	}
	return float64(n) / float64(len(wa))
}

// chainNames are the folded names (proper-noun mentions of two or more
// letters) of phrase p's entity, nil when it has none.
func (in *Input) chainNames(p *Phrase) []string {
	if p == nil {
		return nil
	}
	var out []string
	seen := map[string]bool{}
	// the phrase's own name and its other names in the text ("the
	// ruling Kenya African National Union (KANU)")
	if p.Named && !p.Pronoun {
		for _, a := range append([]string{p.Text}, in.namedAliases(p.Text, p.Type)...) {
			if n := quizzes.NormalizeAnswer(a); len(n) >= 2 && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	if p.Chain < 0 || p.Chain >= len(in.Doc.Chains) {
		return out
	}
	for _, mi := range in.Doc.Chains[p.Chain].Mentions {
		m := &in.Doc.Mentions[mi]
		if !m.Named {
			continue
		}
		s := &in.Doc.Sentences[m.Sentence]
		n := quizzes.NormalizeAnswer(in.Doc.Text[s.Tokens[m.Start].Start:s.Tokens[m.End-1].End])
		if len(n) >= 2 && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
		// the name's own head word too: "KANU" of "the ruling Kenya
		// African National Union (KANU)"
		if h := quizzes.NormalizeAnswer(s.Tokens[m.Head].Form); len(h) >= 3 && s.Tokens[m.Head].UPOS == "PROPN" && !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}
