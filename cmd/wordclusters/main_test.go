package main

import (
	"math"
	"slices"
	"testing"
)

// Two groups of vectors pointing two ways are split apart at the first
// bit, each group's members share their path's first bit, and the split
// is the same every time.
func TestSplitSeparatesGroupsDeterministically(t *testing.T) {
	var vecs [][]float64
	for i := range 40 {
		v := make([]float64, 8)
		base := 0
		if i%2 == 1 {
			base = 4
		}
		for d := range 4 {
			v[base+d] = 1 + 0.1*math.Sin(float64(i*7+d))
		}
		normalize(v)
		vecs = append(vecs, v)
	}
	run := func() [][]byte {
		paths := make([][]byte, len(vecs))
		all := make([]int, len(vecs))
		for i := range all {
			all[i] = i
		}
		split(vecs, all, paths, 3, 4)
		return paths
	}
	first := run()
	for i, p := range first {
		if len(p) == 0 {
			t.Fatalf("vector %d has no path", i)
		}
		if p[0] != first[i%2][0] {
			t.Errorf("vector %d: first bit %c, its group's %c", i, p[0], first[i%2][0])
		}
	}
	if first[0][0] == first[1][0] {
		t.Errorf("the two groups share their first bit %c", first[0][0])
	}
	if first[0][0] != '0' {
		t.Errorf("the group of the first (most frequent) vector has bit %c, want 0", first[0][0])
	}
	second := run()
	for i := range first {
		if !slices.Equal(first[i], second[i]) {
			t.Errorf("vector %d: paths %s and %s differ between runs", i, first[i], second[i])
		}
	}
}

func TestWordLike(t *testing.T) {
	for w, want := range map[string]bool{"the": true, "1867": true, "n't": true, ",": false, "--": false, "a b": false, "é": true} {
		if got := wordLike(w); got != want {
			t.Errorf("wordLike(%q) = %v, want %v", w, got, want)
		}
	}
}
