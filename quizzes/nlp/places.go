package nlp

import (
	_ "embed"
	"strings"
	"sync"
)

// Place names from openly licensed lists (countries, their capitals and
// first-level divisions, cities of 100,000 people or more, continents;
// gazetteer/README.md says where from), which the entity typer reads as
// features: GUM's training documents hold a few hundred place names, and
// the names they never saw ("Austria", "Oakland") were typed from a
// context that fits a person as well. The list says what a name can be;
// the typer learns from GUM how far to trust it ("Washington", "Jordan"
// and "Victoria" are people too).
//
//go:embed gazetteer/places.tsv
var placeFile string

// Animal nouns ("wolf", "crow", "grasshopper"), for the nouns GUM's head
// lexicon has never seen: in stories and fables the characters are
// animals, and a pronoun's ranker looks for a person or an animal.
//
//go:embed gazetteer/animals.txt
var animalFile string

var animalNouns = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for line := range strings.Lines(animalFile) {
		if w := strings.TrimSpace(line); w != "" {
			m[w] = true
		}
	}
	return m
})

// Place kinds, one bit each.
const (
	placeCountry = 1 << iota
	placeRegion
	placeCity
	placeContinent
)

var placeKindBits = map[string]uint8{"country": placeCountry, "region": placeRegion, "city": placeCity, "continent": placeContinent}

// placeNames maps a name's key (its tokens' forms, lowercased, joined by
// spaces: gazetteerKey) to its kinds.
var placeNames = sync.OnceValue(func() map[string]uint8 {
	m := make(map[string]uint8, strings.Count(placeFile, "\n"))
	for line := range strings.Lines(placeFile) {
		name, kinds, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok {
			continue
		}
		var bits uint8
		for k := range strings.SplitSeq(kinds, ",") {
			bits |= placeKindBits[k]
		}
		m[name] = bits
	}
	return m
})

// hidePlaceNames is the share of training names the typer sees without
// the place list, so that a name's context keeps its weight for the
// places the list does not hold. Without it the typer learned that a name
// missing from the list is no place ("Coron", a town of the Philippines,
// became a person), and dev F1 fell (docs/NLP.md).
const hidePlaceNames = 0.5

// placeFeatures: what the place list knows of the span [start, end): the
// kinds of the whole name (without a leading "the"), of its first and
// last words, and of the name after a comma that follows it ("Oakland,
// California").
func placeFeatures(s *Sentence, c *sentenceContext, start, end int, buf []fhash) []fhash {
	places := placeNames()
	if k := places[nameKeyOf(s, start, end)]; k != 0 {
		buf = append(buf, fstart(130).num(int(k)))
	}
	if end-start > 1 {
		if k := places[c.lower[start]]; k != 0 {
			buf = append(buf, fstart(131).num(int(k)))
		}
		if k := places[c.lower[end-1]]; k != 0 {
			buf = append(buf, fstart(133).num(int(k)))
		}
	}
	if end+1 < len(c.lower) && c.lower[end] == "," {
		if k := places[c.lower[end+1]]; k != 0 {
			buf = append(buf, fstart(132).num(int(k)))
		}
	}
	return buf
}
