package generate

import (
	"strings"
	"unicode/utf8"

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
	{"question", "the evidence is itself a question or an exclamation, not a statement",
		func(in *Input, c *Candidate) bool {
			s := in.Doc.Sentences[c.Sentence]
			e := strings.TrimSpace(in.Doc.Text[s.Start:s.End])
			return strings.HasSuffix(e, "?") || strings.HasSuffix(e, "!") || strings.HasSuffix(e, "?\"") || strings.HasSuffix(e, "?”")
		}},
	{"fragment", "the evidence is not a whole sentence: it has no finite verb",
		func(in *Input, c *Candidate) bool { return !hasFiniteVerb(&in.Doc.Sentences[c.Sentence]) }},
	{"title", "the evidence does not end like a sentence: it is a title or a caption",
		func(in *Input, c *Candidate) bool {
			s := in.Doc.Sentences[c.Sentence]
			e := strings.TrimRight(in.Doc.Text[s.Start:s.End], " \t\r\n")
			r, _ := utf8.DecodeLastRuneInString(e)
			return !strings.ContainsRune(".!?\"”’')]", r)
		}},
	{"pronoun", "the prompt says \"he\" or \"it\" and the quiz does not say who or what",
		func(in *Input, c *Candidate) bool { return leftoverPronoun(c.Prompt, in.asked[c.Prompt]) }},
	{"quotes", "the prompt's quotation marks or brackets do not match",
		func(in *Input, c *Candidate) bool { return !balanced(c.Prompt) || !balanced(c.Key) }},
	{"vague", "the prompt has too few words of its own to say what it asks",
		func(in *Input, c *Candidate) bool {
			// "What did Mather accept?" says too little; "Why do clouds
			// form?" asks enough with two
			if isComprehension(c.Template) {
				return contentWords(in, c.Prompt) < 2
			}
			return contentWords(in, c.Prompt) < 3
		}},
	{"cut-off", "the prompt stops in the middle of a phrase",
		func(in *Input, c *Candidate) bool {
			w := strings.Fields(strings.TrimSuffix(c.Prompt, "?"))
			if len(w) == 0 {
				return true
			}
			last := strings.ToLower(w[len(w)-1])
			if last == "from" && strings.HasPrefix(c.Template, "where.") || last == "as" && c.Template == "is.name" {
				return false
			}
			return in.lists.stopWords[last] || strings.HasSuffix(last, ",")
		}},
	{"too-long", "the prompt is too long to read as one question",
		func(in *Input, c *Candidate) bool { return len(strings.Fields(c.Prompt)) > 25 }},
	{"broken", "a capitalised \"And\" or \"The\" inside the prompt shows a sentence read wrongly",
		func(in *Input, c *Candidate) bool {
			w := strings.Fields(c.Prompt)
			for i := 1; i < len(w); i++ {
				if in.lists.stopWords[strings.ToLower(w[i])] && w[i] != strings.ToLower(w[i]) && w[i] != "I" {
					return true
				}
			}
			return false
		}},
	{"vague-key", "the answer is a word like \"others\" or \"scientists\" that names no one in particular",
		func(in *Input, c *Candidate) bool {
			k := strings.ToLower(strings.TrimSpace(c.Key))
			if in.lists.vagueKeys[k] {
				return true
			}
			p := c.KeyPhrase
			if p == nil {
				return false
			}
			t := in.Doc.Sentences[p.Sentence].Tokens[p.Head]
			if in.lists.vagueKeys[strings.ToLower(t.Lemma)] && !p.Named {
				return true
			}
			if p.End-p.Start != 1 {
				return false
			}
			return t.XPOS == "NNS" && (c.KeyType == TPerson || c.KeyType == TThing)
		}},
	{"key-in-prompt", "the prompt gives its own answer away",
		func(in *Input, c *Candidate) bool { return c.Kind != quizzes.TrueFalse && keyInPrompt(c) }},
	{"negated-key", "a key with \"not\" or \"no\" makes a trick question",
		func(in *Input, c *Candidate) bool {
			k := " " + strings.ToLower(c.Key) + " "
			return strings.Contains(k, " not ") || strings.Contains(k, " no ") || strings.Contains(k, "n't ")
		}},
	{"pronoun-key", "the answer is a pronoun, not a name",
		func(in *Input, c *Candidate) bool {
			return leftoverPronoun(c.Key, nil) || c.KeyPhrase != nil && c.KeyPhrase.Unresolved
		}},
	{"list-key", "the answer is one of a list, so the other members are right too",
		func(in *Input, c *Candidate) bool { return c.KeyPhrase != nil && c.KeyPhrase.Conj }},
	{"wrapped", "a hard line break left a cut word in the prompt or key",
		func(in *Input, c *Candidate) bool {
			return strings.ContainsAny(c.Prompt+c.Key, "\n\r") || strings.Contains(c.Prompt+c.Key, "- ")
		}},
}

// blankFilters are the filters that apply to the pool's blanks too.
var blankFilters = map[string]bool{"empty": true, "heading": true, "quotes": true, "title": true, "fragment": true}

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

// leftoverPronoun reports a pronoun in prompt other than those kept on
// purpose (Ask keeps "her" in "What did Curie discover with her husband?").
func leftoverPronoun(prompt string, kept []string) bool {
	allowed := map[string]int{}
	for _, k := range kept {
		allowed[k]++
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(prompt), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '\'')
	}) {
		if leftoverPronouns[w] {
			if allowed[w] > 0 {
				allowed[w]--
				continue
			}
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
			if strings.HasPrefix(c.Template, "blank.") && !blankFilters[f.Name] {
				continue
			}
			if f.Drop(in, c) {
				c.rejected = f.Name
				break
			}
		}
	}
}
