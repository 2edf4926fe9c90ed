package generate

import (
	"strings"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// Filter drops candidates a teacher would not hand out. Reason is what the
// teacher would say.
type Filter struct {
	Name   string
	Reason string
	Drop   func(in *Input, c *Candidate) bool
}

// filters is applied in order; a candidate's first failing filter is the
// reason it is dropped.
var filters = []Filter{
	{"empty", "there is no question or no answer",
		func(in *Input, c *Candidate) bool {
			return strings.TrimSpace(c.Prompt) == "" || strings.TrimSpace(c.Key) == "" && c.Kind != quizzes.Matching
		}},
	{"heading", "a heading, caption or list item is not a statement to ask about",
		func(in *Input, c *Candidate) bool {
			p := in.Doc.Paragraphs[in.Doc.Sentences[c.Sentence].Paragraph]
			return p.Kind == nlp.Heading || p.Kind == nlp.ListItem && !strings.HasPrefix(c.Template, "sequence.")
		}},
	{"fragment", "the evidence is not a whole sentence: it has no finite verb",
		func(in *Input, c *Candidate) bool { return !hasFiniteVerb(&in.Doc.Sentences[c.Sentence]) }},
	{"pronoun", "the prompt says \"he\" or \"it\" and the quiz does not say who or what",
		func(in *Input, c *Candidate) bool { return !in.asked[c.Prompt] && leftoverPronoun(c.Prompt) }},
	{"quotes", "the prompt's quotation marks or brackets do not match",
		func(in *Input, c *Candidate) bool { return !balanced(c.Prompt) || !balanced(c.Key) }},
	{"vague", "the prompt has too few words of its own to say what it asks",
		func(in *Input, c *Candidate) bool { return contentWords(in, c.Prompt) < 2 }},
	{"too-long", "the prompt is too long to read as one question",
		func(in *Input, c *Candidate) bool { return len(strings.Fields(c.Prompt)) > 30 }},
	{"key-in-prompt", "the prompt gives its own answer away",
		func(in *Input, c *Candidate) bool { return keyInPrompt(c) }},
	{"negated-key", "a key with \"not\" or \"no\" makes a trick question",
		func(in *Input, c *Candidate) bool {
			k := " " + strings.ToLower(c.Key) + " "
			return strings.Contains(k, " not ") || strings.Contains(k, " no ") || strings.Contains(k, "n't ")
		}},
	{"pronoun-key", "the answer is a pronoun, not a name",
		func(in *Input, c *Candidate) bool {
			return c.KeyPhrase != nil && (c.KeyPhrase.Pronoun || c.KeyPhrase.Unresolved)
		}},
	{"list-key", "the answer is one of a list, so the other members are right too",
		func(in *Input, c *Candidate) bool { return c.KeyPhrase != nil && c.KeyPhrase.Conj }},
	{"wrapped", "a hard line break left a cut word in the prompt or key",
		func(in *Input, c *Candidate) bool {
			return strings.ContainsAny(c.Prompt+c.Key, "\n\r") || strings.Contains(c.Prompt+c.Key, "- ")
		}},
}

func hasFiniteVerb(s *nlp.Sentence) bool {
	for _, t := range s.Tokens {
		if (t.UPOS == "VERB" || t.UPOS == "AUX") && (t.Feats.VerbForm == "Fin" || t.XPOS == "VBD" || t.XPOS == "VBZ" || t.XPOS == "VBP" || t.XPOS == "MD") {
			return true
		}
	}
	return false
}

var leftoverPronouns = map[string]bool{
	"he": true, "she": true, "it": true, "they": true, "him": true, "her": true, "them": true,
	"his": true, "its": true, "their": true, "this": true, "these": true, "those": true,
	"we": true, "us": true, "our": true, "you": true, "your": true,
}

func leftoverPronoun(prompt string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'')
	}) {
		if leftoverPronouns[w] {
			return true
		}
	}
	return false
}

func balanced(s string) bool {
	if strings.Count(s, "\"")%2 != 0 || strings.Count(s, "“") != strings.Count(s, "”") {
		return false
	}
	return strings.Count(s, "(") == strings.Count(s, ")")
}

func contentWords(in *Input, prompt string) int {
	n := 0
	for _, w := range strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if !in.lists.stopWords[w] {
			n++
		}
	}
	return n
}

func keyInPrompt(c *Candidate) bool {
	k := quizzes.NormalizeAnswer(c.Key)
	if k == "" {
		return false
	}
	p := " " + quizzes.NormalizeAnswer(c.Prompt) + " "
	return strings.Contains(p, " "+k+" ")
}

// applyFilters marks the candidates a filter drops.
func (in *Input) applyFilters(cands []*Candidate) {
	for _, c := range cands {
		if c.rejected != "" {
			continue
		}
		for _, f := range filters {
			if f.Drop(in, c) {
				c.rejected = f.Name
				break
			}
		}
	}
}
