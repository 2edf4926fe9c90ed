package generate

import (
	"bufio"
	"embed"
	"strings"
)

//go:embed data/*.txt
var dataFiles embed.FS

// lists are the word lists of data/, one word or phrase a line, lower case;
// lines starting with # are comments.
type lists struct {
	months, timeWords, personNouns, sayVerbs, stopWords map[string]bool
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
	} {
		b, err := dataFiles.ReadFile("data/" + f.name + ".txt")
		if err != nil {
			return nil, err
		}
		*f.set = map[string]bool{}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			w := strings.TrimSpace(sc.Text())
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			(*f.set)[strings.ToLower(w)] = true
		}
	}
	return l, nil
}
