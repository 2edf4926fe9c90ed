package nlp

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
)

// tagDict lists, for each word seen in training (lower-cased), the Penn
// tags it had: its ambiguity class ("NN|VB"). The tagger reads it for the
// word and its right-hand neighbours, whose tags are not chosen yet.
type tagDict map[string]string

func (d tagDict) class(lower string) string {
	if c, ok := d[lower]; ok {
		return c
	}
	return "?"
}

// tagDictMinCount is how often a word must occur in training to have an
// ambiguity class. Rarer words read as unseen ("?"), as they will in new
// text; otherwise the tagger learns to trust classes that are complete only
// because the word was in training.
var tagDictMinCount = 3

func buildTagDict(sents [][]Token) tagDict {
	tags := map[string]map[string]bool{}
	counts := map[string]int{}
	for _, toks := range sents {
		for _, t := range toks {
			w := strings.ToLower(t.Form)
			if tags[w] == nil {
				tags[w] = map[string]bool{}
			}
			tags[w][t.XPOS] = true
			counts[w]++
		}
	}
	d := tagDict{}
	for w, set := range tags {
		if counts[w] < tagDictMinCount {
			continue
		}
		var list []string
		for t := range set {
			list = append(list, t)
		}
		slices.Sort(list)
		d[w] = strings.Join(list, "|")
	}
	return d
}

func (d tagDict) writeTo(w io.Writer) error {
	words := make([]string, 0, len(d))
	for k := range d {
		words = append(words, k)
	}
	slices.Sort(words)
	bw := bufio.NewWriter(w)
	for _, k := range words {
		fmt.Fprintf(bw, "%s\t%s\n", k, d[k])
	}
	return bw.Flush()
}

func readTagDict(r io.Reader) (tagDict, error) {
	d := tagDict{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		w, c, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("tag dictionary line %d: no tab", n)
		}
		d[w] = c
	}
	return d, sc.Err()
}
