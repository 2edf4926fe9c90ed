package nlp

import (
	_ "embed"
	"strings"
	"sync"
)

// Given names ("Marie", "Alexander") and the words that end or hold the
// names of organizations ("University", "Ministry", "Inc."), which the
// entity tagger and typer read as features: GUM's training documents hold
// a few hundred people's names, and a name they never saw, or a proper noun
// the tagger read as a common noun, was found or typed from its context
// alone (gazetteer/README.md says where the lists come from).
//
//go:embed gazetteer/givennames.txt
var givenNameFile string

//go:embed gazetteer/orgwords.txt
var orgWordFile string

func wordSet(file string) map[string]bool {
	m := make(map[string]bool, strings.Count(file, "\n"))
	for line := range strings.Lines(file) {
		if w := strings.TrimSpace(line); w != "" {
			m[w] = true
		}
	}
	return m
}

var givenNames = sync.OnceValue(func() map[string]bool { return wordSet(givenNameFile) })

var orgWords = sync.OnceValue(func() map[string]bool { return wordSet(orgWordFile) })

func capitalized(shape string) bool { return shape != "" && shape[0] == 'X' }

// nameListFeatures: what the lists of given names and organization words
// know of the span [start, end): its first word is a given name ("Marie
// Curie", "Norton" alone), its last word or another word is an
// organization's ("Rutgers University", "the Ministry of Health").
func nameListFeatures(c *sentenceContext, start, end int, names bool, buf []fhash) []fhash {
	first := start
	if end-start > 1 && c.lower[first] == "the" {
		first++
	}
	if names && capitalized(c.shape[first]) && givenNames()[c.lower[first]] {
		buf = append(buf, fstart(140).num(min(end-first, 3)))
	}
	orgs := orgWords()
	if orgs[c.lower[end-1]] {
		buf = append(buf, fstart(141))
	}
	for i := start; i < end-1; i++ {
		if orgs[c.lower[i]] && capitalized(c.shape[i]) {
			buf = append(buf, fstart(142))
			break
		}
	}
	return buf
}

// nameListTaggerFeatures: token i is a capitalized given name, follows
// one, or is a capitalized organization word.
func nameListTaggerFeatures(c *sentenceContext, i, p1 int, buf []fhash) []fhash {
	if !capitalized(c.shape[i]) {
		return buf
	}
	names := givenNames()
	if names[c.lower[i]] {
		buf = append(buf, fstart(37).num(p1))
	}
	if i > 0 && capitalized(c.shape[i-1]) && names[c.lower[i-1]] {
		buf = append(buf, fstart(38).num(p1))
	}
	if orgWords()[c.lower[i]] {
		buf = append(buf, fstart(39).num(p1))
	}
	return buf
}
