package legacy

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"quiztrainer/quizzes"
)

// Helpers that turn token spans into the words of a question.

var spaceFix = strings.NewReplacer(" ,", ",", " .", ".", " 's", "'s", " ' ", "' ", "( ", "(", " )", ")", " ;", ";", " :", ":", " ?", "?")

// tidy removes quote marks and doubled spaces and reattaches punctuation.
func tidy(s string) string {
	s = dropAsides(s)
	s = strings.ReplaceAll(s, `"`, "")
	s = strings.Join(strings.Fields(s), " ")
	s = spaceFix.Replace(s)
	s = strings.TrimRight(s, " ,;:-")
	return strings.TrimSpace(s)
}

// words is the tidied text of tokens [i,j) of sentence si.
func (d *document) words(si, i, j int) string {
	return tidy(spanText(d.norm.text, d.sents[si].Toks, i, j))
}

// wordsSkipping is like words but leaves out the spans in skip.
func (d *document) wordsSkipping(si, i, j int, skip ...[2]int) string {
	var parts []string
	k := i
	for k < j {
		jumped := false
		for _, sp := range skip {
			if k == sp[0] && sp[1] > sp[0] {
				k = sp[1]
				jumped = true
			}
		}
		if jumped {
			continue
		}
		e := k + 1
		for e < j && !startsSkip(e, skip) {
			e++
		}
		parts = append(parts, d.words(si, k, e))
		k = e
	}
	return tidy(strings.Join(parts, " "))
}

func startsSkip(k int, skip [][2]int) bool {
	for _, sp := range skip {
		if sp[0] == k && sp[1] > sp[0] {
			return true
		}
	}
	return false
}

// join puts words together with single spaces and a question mark.
func question(parts ...string) string {
	var ps []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	q := tidy(strings.Join(ps, " "))
	q = strings.TrimRight(q, ".,;:!? ")
	for {
		// a question does not end on "and", "in or", "the"
		i := strings.LastIndexByte(q, ' ')
		if i < 0 || !danglers[strings.ToLower(q[i+1:])] {
			break
		}
		q = strings.TrimRight(q[:i], ",;: ")
	}
	return upperFirst(q) + "?"
}

func upperFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func lowerFirst(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToLower(r)) + s[size:]
}

// inSentence is a span's text as it reads inside a question: the capital of
// a sentence's first word is dropped unless the word is a name.
func (d *document) inSentence(si, i, j int) string {
	w := d.words(si, i, j)
	t := d.sents[si].Toks[i]
	for _, m := range d.names[si] {
		if m.I == i {
			return w // "The Hill" keeps its capital
		}
	}
	if (i == 0 || d.sents[si].Toks[i-1].Tag == "," || d.sents[si].Toks[i-1].Tag == "``") && !isNameTag(t.Tag) && t.Text != "I" && !d.capMid[t.Text] && !demonym(t.Text) && !acronym(t.Text) {
		return lowerFirst(w)
	}
	if (i == 0 || d.sents[si].Toks[i-1].Tag == "``") && notNames[strings.ToLower(t.Text)] {
		return lowerFirst(w)
	}
	return w
}

// acronym reports whether a word is written with two capitals or more at
// its start, as "WASP-39" and "NASA" are: it keeps them anywhere.
func acronym(w string) bool {
	r := []rune(w)
	return len(r) >= 2 && unicode.IsUpper(r[0]) && unicode.IsUpper(r[1])
}

// demonym reports whether a capitalised adjective names a people, and so
// keeps its capital inside a question: "African", "Chinese", "Spanish".
func demonym(w string) bool {
	l := strings.ToLower(w)
	if !isCap(w) || len(l) < 5 || notDemonyms[l] {
		return false
	}
	return strings.HasSuffix(l, "an") || strings.HasSuffix(l, "ese") || strings.HasSuffix(l, "ish")
}

var notDemonyms = set("human urban suburban clean mean median lean partisan veteran vegan artisan " +
	"foolish selfish stylish childish feverish outlandish squeamish sluggish reddish bluish publish " +
	"establish abolish accomplish finish furnish banish diminish nourish punish vanish garnish")

var pronouns = set("he she it they we i you him her them us me his its their this that these those there one")

var vague = set("he she it they we i you him her them us me his its their this that these those there one " +
	"the man the woman the people the group the other the former the latter which who what some many most all both each others " +
	"such same way time part use")

// isVague reports whether an answer says nothing on its own.
func isVague(a string) bool {
	l := strings.ToLower(strings.TrimSpace(a))
	if l == "" || vague[l] {
		return true
	}
	for _, p := range []string{"the ", "a ", "an ", "this ", "that ", "these ", "those ", "its ", "their ", "his ", "her "} {
		if strings.HasPrefix(l, p) && vague[strings.TrimPrefix(l, p)] {
			return true
		}
	}
	return false
}

// contentWords are an answer's words that a prompt must not give away.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !stopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

var stopWords = set("the a an of and or in on at to for by with from as is are was were be its his her their this that these those")

// givesAway reports whether the prompt already holds most of the answer.
func givesAway(prompt, answer string) bool {
	cw := contentWords(answer)
	if len(cw) == 0 {
		return true
	}
	pw := map[string]bool{}
	for _, w := range contentWords(prompt) {
		pw[w] = true
	}
	hit := 0
	for _, w := range cw {
		if pw[w] {
			hit++
		}
	}
	if last := cw[len(cw)-1]; isCap(answer) && pw[last] && !orgWords[last] && !placeWords[last] {
		return true // "Motyl" gives away "Alexander J. Motyl"
	}
	return hit*2 > len(cw) || (len(cw) == 1 && hit == 1)
}

var danglers = set("and or but the a an of that which whose its their his her than")

// dropAsides removes bracketed asides ("New Sweden (Swedish: Nya Sverige)")
// that a question or key does not need; a blank inside one stays.
func dropAsides(s string) string {
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 && !strings.Contains(s[i:], quizzes.Blank) {
			return s[:i] // a bracket the cut left open
		}
		if j < 0 || strings.Contains(s[i:i+j], quizzes.Blank) || i == 0 && j == len(s)-1 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}
