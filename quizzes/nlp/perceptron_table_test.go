package nlp

import (
	"math/rand/v2"
	"testing"
)

// The training table answers as a map would, through growth, for the
// hash 0 and for keys that share their low bits.
func TestRowTableAnswersAsAMap(t *testing.T) {
	t.Parallel()
	tab := newRowTable()
	want := map[uint64]int32{}
	rng := rand.New(rand.NewPCG(3, 4))
	keys := []uint64{0, 1, 1 << 40, 2 << 40, 3 << 40}
	for i := 0; i < 20000; i++ {
		keys = append(keys, rng.Uint64())
	}
	for i, k := range keys {
		tab.put(k, int32(i))
		want[k] = int32(i)
		if i%3 == 0 { // a second put of a key replaces its row
			tab.put(k, int32(-i))
			want[k] = int32(-i)
		}
	}
	if tab.len() != len(want) {
		t.Fatalf("len %d, want %d", tab.len(), len(want))
	}
	for k, v := range want {
		if got, ok := tab.get(k); !ok || got != v {
			t.Fatalf("get(%#x) = %d, %v; want %d, true", k, got, ok, v)
		}
	}
	for i := 0; i < 1000; i++ {
		k := rng.Uint64()
		if _, in := want[k]; in {
			continue
		}
		if _, ok := tab.get(k); ok {
			t.Fatalf("get(%#x) found a key never put", k)
		}
	}
	seen := map[uint64]int32{}
	tab.each(func(k uint64, row int32) {
		if _, twice := seen[k]; twice {
			t.Fatalf("each gave %#x twice", k)
		}
		seen[k] = row
	})
	if len(seen) != len(want) {
		t.Fatalf("each gave %d keys, want %d", len(seen), len(want))
	}
	for k, v := range want {
		if seen[k] != v {
			t.Fatalf("each gave row %d for %#x, want %d", seen[k], k, v)
		}
	}
}
