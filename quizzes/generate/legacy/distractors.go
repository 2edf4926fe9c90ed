package legacy

import (
	"hash/fnv"
	"sort"
	"strconv"
	"strings"

	"quiztrainer/quizzes"
)

// wrongChoices returns up to n wrong choices of the key's type: names of the
// same kind from the article first, then the built-in lists. It returns nil
// when it cannot find n, so that the caller asks a short-answer question
// instead of padding with silly choices.
func (d *document) wrongChoices(key string, t etype, n int, avoid ...string) []string {
	var pool []string
	if strings.Contains(key, " and ") || strings.Contains(key, ",") {
		return nil // a list of names has no wrong choices of its own shape
	}
	if i := strings.Index(key, "'s "); i > 0 && t == eOrg {
		// "South Korea's intelligence service": the same body of another
		// country of the article keeps the key's form
		owner, body := key[:i], key[i:]
		for _, p := range append(append([]string{}, d.typed[ePlace]...), rotated(sortedKeys(countries), key)...) {
			if p != owner && (countries[p] || cities[p] && !countries[owner]) {
				pool = append(pool, p+body)
			}
		}
	}
	switch t {
	case ePerson:
		// only people of the article: a stranger's name among them is
		// spotted at once, and no list suits every subject
		pool = append(pool, d.typed[ePerson]...)
	case ePlace:
		pool = append(pool, d.typed[ePlace]...)
		if countries[key] {
			pool = append(pool, rotated(sortedKeys(countries), key)...)
		} else {
			pool = append(pool, rotated(sortedKeys(cities), key)...)
		}
	case eOrg:
		switch {
		case strings.Contains(key, "University") || strings.Contains(key, "College"):
			for _, o := range d.typed[eOrg] {
				if strings.Contains(o, "University") || strings.Contains(o, "College") {
					pool = append(pool, o)
				}
			}
			pool = append(pool, universities...)
		case outlets[key]:
			pool = append(pool, sortedKeys(outlets)...)
		default:
			pool = append(pool, d.typed[eOrg]...)
		}
	case eDate:
		pool = append(pool, d.typed[eDate]...)
		pool = append(pool, nearbyYears(key)...)
	case eNumber:
		pool = append(pool, nearbyNumbers(key)...)
	default:
		return nil
	}
	var out []string
	seen := map[string]bool{strings.ToLower(key): true}
	for _, p := range pool {
		l := strings.ToLower(p)
		if seen[l] || overlaps(l, strings.ToLower(key)) || !sameForm(key, p, t) || mentioned(p, avoid) {
			continue
		}
		seen[l] = true
		out = append(out, p)
		if len(out) == n {
			return out
		}
	}
	return nil
}

// mentioned reports whether a choice stands in one of the texts, such as
// the question's own prompt: "Peru" is no wrong answer to "What flows
// through Peru, Colombia and Brazil?".
func mentioned(choice string, texts []string) bool {
	c := " " + strings.ToLower(choice) + " "
	for _, t := range texts {
		if strings.Contains(" "+strings.ToLower(strings.Map(func(r rune) rune {
			if r == ',' || r == '?' || r == '.' || r == ';' || r == ':' {
				return ' '
			}
			return r
		}, t))+" ", c) {
			return true
		}
	}
	return false
}

// overlaps: "Motyl" is no wrong choice for "Alexander J. Motyl".
func overlaps(a, b string) bool {
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// sameForm keeps the choices alike: a four-digit year with years, a phrase
// starting with "the" with others that do.
func sameForm(key, p string, t etype) bool {
	if t == eDate && isYear(key) != isYear(p) {
		return false
	}
	if t == ePlace && countries[key] && !countries[p] || t == ePlace && cities[key] && countries[p] {
		return false // a country among countries, a city among cities
	}
	if kw := strings.Fields(strings.ToLower(key)); t == ePlace && placeWords[kw[len(kw)-1]] {
		// "the Amazon River" wants other rivers, not countries
		pw := strings.Fields(strings.ToLower(p))
		return pw[len(pw)-1] == kw[len(kw)-1]
	}
	if t == ePerson && (len(strings.Fields(key)) > 1) != (len(strings.Fields(p)) > 1) {
		return false
	}
	return true
}

func nearbyYears(key string) []string {
	f := strings.Fields(key)
	for i, w := range f {
		if isYear(w) {
			y, _ := strconv.Atoi(strings.TrimSuffix(w, "s"))
			suffix := ""
			if strings.HasSuffix(w, "s") {
				suffix = "s"
			}
			var out []string
			for _, delta := range []int{-10, 5, 20, -3} {
				g := append([]string{}, f...)
				g[i] = strconv.Itoa(y+delta) + suffix
				out = append(out, strings.Join(g, " "))
			}
			return out
		}
	}
	return nil
}

var numberWords = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"}

func nearbyNumbers(key string) []string {
	l := strings.ToLower(key)
	for i, w := range numberWords {
		if l == w {
			var out []string
			for _, k := range []int{i + 1, i - 1, i + 2, i - 2, i + 3} {
				if k >= 0 && k < len(numberWords) {
					out = append(out, numberWords[k])
				}
			}
			return out
		}
	}
	clean := strings.ReplaceAll(key, ",", "")
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || v <= 0 || v > 1e15 {
		return nil
	}
	var out []string
	for _, m := range []float64{2, 0.5, 1.5, 3} {
		out = append(out, formatLike(key, v*m))
	}
	return out
}

// formatLike writes v with the key's thousands separators.
func formatLike(key string, v float64) string {
	s := strconv.FormatInt(int64(v+0.5), 10)
	if !strings.Contains(key, ",") {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// spot picks the key's position among the choices from the prompt, so that
// the same question always looks the same and keys are not always first.
func spot(prompt string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(prompt))
	return int(h.Sum32() % uint32(n))
}

// rotated starts a built-in list at a place chosen by the key, so that
// different questions draw different wrong choices.
func rotated(l []string, key string) []string {
	if len(l) == 0 {
		return l
	}
	k := spot(key, len(l))
	return append(append([]string{}, l[k:]...), l[:k]...)
}

// phrase is the key of a question about a longer phrase, kept as a wrong
// choice for the article's other questions of its family.
type phrase struct {
	text   string
	sent   int
	family string // "pred" for what someone did, "np" for things
	form   string // a predicate's verb form, from its question
}

// phraseFamily says which questions' keys can stand in for each other: a
// predicate ("falls back into the oceans") for a predicate, a noun phrase
// for a noun phrase. "" keeps a key out of the pool.
func phraseFamily(c candidate) string {
	if c.atype != eThing || c.kind == quizzes.TrueFalse || len(strings.Fields(c.answer)) < 2 {
		return ""
	}
	switch {
	case c.template == "event.what_do" || c.template == "event.what_happened_to":
		return "pred"
	case strings.HasPrefix(c.template, "event.") || strings.HasPrefix(c.template, "cause."):
		return ""
	case strings.HasPrefix(c.template, "instrument.") || strings.HasPrefix(c.template, "count.") || strings.HasPrefix(c.template, "measure."):
		return "" // "What technology ...?" wants technologies, which the article may not have
	case strings.HasPrefix(c.template, "apposition.") || strings.HasPrefix(c.template, "role."):
		return "" // "a professor of Russian studies" describes a person, no thing
	}
	return "np"
}

// phraseChoices picks n wrong choices for a long key from the keys of the
// article's other questions of the same family, from other sentences and
// of a like length and form, or nil when there are not n. A student who
// read the article knows which of the article's own phrases answers.
func phraseChoices(c candidate, pool []phrase, n int) []string {
	fam := phraseFamily(c)
	if fam == "" {
		return nil
	}
	kw := len(strings.Fields(c.answer))
	low := strings.ToLower(c.answer)
	start := spot(c.answer, max(1, len(pool)))
	var out []string
	seen := map[string]bool{low: true}
	for i := range pool {
		p := pool[(start+i)%len(pool)]
		pl := strings.ToLower(p.text)
		pw := len(strings.Fields(p.text))
		if p.family != fam || p.sent == c.sent || seen[pl] || overlaps(pl, low) || 3*pw < kw || pw > 2*kw {
			continue
		}
		if fam == "pred" && p.form != verbForm(c) {
			continue // "heats water" beside "fell back": the tense gives it away
		}
		if fam == "np" && startsWithArticle(pl) != startsWithArticle(low) {
			continue
		}
		seen[pl] = true
		out = append(out, p.text)
		if len(out) == n {
			return out
		}
	}
	return nil
}

// verbForm is the form of the verb a predicate key starts with, read off
// its question: "What does the sun do?" wants "heats ...", "What did ...
// do?" a past tense, "What would ... do?" a bare verb; "What happened to
// X?" keys start with their own auxiliary ("was dissolved", "is used").
func verbForm(c candidate) string {
	f := strings.Fields(strings.ToLower(c.prompt))
	if c.template == "event.what_do" && len(f) > 1 {
		switch w := f[1]; {
		case w == "does":
			return "s"
		case w == "did":
			return "past"
		case w == "do":
			return "plain"
		case haveForms[w]:
			return "done"
		default:
			return "bare" // will, would, can, may, must ...
		}
	}
	if k := strings.Fields(strings.ToLower(c.answer)); len(k) > 0 {
		return k[0]
	}
	return ""
}

func startsWithArticle(s string) bool {
	return strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "a ") || strings.HasPrefix(s, "an ")
}
