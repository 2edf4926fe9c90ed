package nlp

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"
)

// Word classes learned from unlabelled text: each of the 100,000 most
// frequent words of a large English corpus has a path of 0s and 1s
// (cmd/wordclusters splits the words' GloVe vectors in two again and
// again), and words with a long shared prefix were used alike. The
// treebanks hold about 20,000 word forms; a word they never had ("Motyl",
// "Kodungalloor", "manhandling") still has a class, which the tagger,
// parser and entity stage read as features at three granularities.
// clusters/README.md says where the vectors come from.
//
//go:embed clusters/clusters.tsv.gz
var clusterFile []byte

// clusterPrefixes are the path lengths the features read: 16 coarse
// classes, 256 middle ones and the whole path (up to 4,096).
var clusterPrefixes = [3]int{4, 8, 12}

// wordClass is a word's class at each of the three granularities, "-"
// where the word has none.
type wordClass [3]string

var noClass = wordClass{"-", "-", "-"}

var wordClasses = sync.OnceValue(func() map[string]wordClass {
	raw, err := gunzip(clusterFile)
	if err != nil {
		panic("nlp: embedded clusters/clusters.tsv.gz: " + err.Error())
	}
	m := make(map[string]wordClass, bytes.Count(raw, []byte("\n")))
	for line := range strings.Lines(string(raw)) {
		word, path, ok := strings.Cut(strings.TrimSuffix(line, "\n"), "\t")
		if !ok || path == "-" {
			continue
		}
		var c wordClass
		for k, n := range clusterPrefixes {
			c[k] = path[:min(n, len(path))]
		}
		m[word] = c
	}
	return m
})

// classOf gives the class of a lower-cased word.
func classOf(lower string) wordClass {
	if c, ok := wordClasses()[lower]; ok {
		return c
	}
	return noClass
}
