package quizzes

import (
	"encoding/json"
	"testing"
)

// FuzzEncodeAnswerIsJSON holds EncodeAnswer to json.Marshal byte for byte
// (stored answers are compared as text: an unchanged answer is left as it
// was) and to DecodeAnswer reading it back.
func FuzzEncodeAnswerIsJSON(f *testing.F) {
	f.Add(int64(12), int64(15), "", "", "", 2)
	f.Add(int64(0), int64(0), "Nile", "", "", 0)
	f.Add(int64(0), int64(0), "", "meow", "", 2)
	f.Add(int64(-3), int64(9007199254740993), "a \"quoted\" <b> & \\ text", "é", "\u2028\x00", 3)
	f.Add(int64(7), int64(0), "3.14", "", "x\x7f", 1)
	f.Add(int64(0), int64(0), "\xff bad utf-8", "tab\there", "", 1)
	f.Fuzz(func(t *testing.T, c1, c2 int64, text, p1, p2 string, shape int) {
		var a Answer
		if shape&1 != 0 {
			a.Choices = []int64{c1, c2}
		}
		a.Text = text
		if shape&2 != 0 {
			a.Pairs = []string{p1, p2}
		}
		want, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		got := EncodeAnswer(a)
		if got != string(want) {
			t.Fatalf("EncodeAnswer(%#v) = %q, json.Marshal gives %q", a, got, want)
		}
		back, err := DecodeAnswer(got)
		if err != nil {
			t.Fatalf("DecodeAnswer(%q): %v", got, err)
		}
		var viaJSON Answer
		if err := json.Unmarshal(want, &viaJSON); err != nil {
			t.Fatal(err)
		}
		if !back.Equal(viaJSON) {
			t.Errorf("read back %#v, want %#v", back, viaJSON)
		}
	})
}

func BenchmarkEncodeAnswer(b *testing.B) {
	for _, c := range []struct {
		name string
		a    Answer
	}{
		{"choices", Picked(1201, 1204)},
		{"text", Typed("the Nile")},
		{"pairs", Paired("meow", "woof", "")},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				EncodeAnswer(c.a)
			}
		})
	}
}
