package generate

import (
	"bufio"
	"embed"
	"strings"
	"sync"
)

//go:embed data/*.txt
var dataFiles embed.FS

// lists are the word lists of data/, one word or phrase a line, lower case;
// lines starting with # are comments.
type lists struct {
	months, timeWords, personNouns, sayVerbs, stopWords map[string]bool
	vagueKeys, notDefinitions, orgWords, generalHeads   map[string]bool
	pointingNouns, quantifierWords, cutWords, kindWords map[string]bool
	// placeKinds: the last word of a place's name -> its kind
	placeKinds map[string]string
}

var (
	commonOnce sync.Once
	common     map[string]bool
)

// commonEnglish is data/english-common.txt as a set.
func commonEnglish() map[string]bool {
	commonOnce.Do(func() { common = readList("english-common") })
	return common
}

func readList(name string) map[string]bool {
	b, err := dataFiles.ReadFile("data/" + name + ".txt")
	if err != nil {
		panic("generate: missing embedded list " + name)
	}
	return parseList(b)
}

// parseList reads a list file: one word or phrase a line, lower-cased;
// blank lines and lines starting with # are skipped.
func parseList(b []byte) map[string]bool {
	set := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w == "" || strings.HasPrefix(w, "#") {
			continue
		}
		set[strings.ToLower(w)] = true
	}
	return set
}

func loadLists() (*lists, error) {
	l := &lists{}
	for _, f := range []struct {
		name string
		set  *map[string]bool
	}{
		{"months", &l.months},
		{"time-words", &l.timeWords},
		{"person-nouns", &l.personNouns},
		{"say-verbs", &l.sayVerbs},
		{"stop-words", &l.stopWords},
		{"pointing-nouns", &l.pointingNouns},
		{"vague-keys", &l.vagueKeys},
		{"not-definitions", &l.notDefinitions},
		{"org-words", &l.orgWords},
		{"general-heads", &l.generalHeads},
		{"quantifier-words", &l.quantifierWords},
		{"cut-words", &l.cutWords},
		{"kind-words", &l.kindWords},
	} {
		b, err := dataFiles.ReadFile("data/" + f.name + ".txt")
		if err != nil {
			return nil, err
		}
		*f.set = parseList(b)
	}
	b, err := dataFiles.ReadFile("data/place-kinds.txt")
	if err != nil {
		return nil, err
	}
	l.placeKinds = map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) == 2 && !strings.HasPrefix(f[0], "#") {
			l.placeKinds[strings.ToLower(f[0])] = f[1]
		}
	}
	return l, nil
}
