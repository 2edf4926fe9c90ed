package nlp

import (
	"strings"
	"testing"
)

// benchText is raw text of the requested size, cut from the GUM test set's
// rebuilt text (repeated when needed) at a paragraph break.
func benchText(b *testing.B, size int) string {
	b.Helper()
	gold, err := ReadTreebank("testdata", "gum", "test")
	if err != nil {
		b.Fatal(err)
	}
	src := DocumentFromConllu(gold).Text
	var sb strings.Builder
	for sb.Len() < size {
		sb.WriteString(src)
		sb.WriteString("\n\n")
	}
	text := sb.String()[:size]
	if i := strings.LastIndex(text, "\n\n"); i > size/2 {
		text = text[:i]
	}
	return text
}

func benchmarkRead(b *testing.B, size int) {
	a := loadAnalyzer(b)
	text := benchText(b, size)
	tokens := 0
	for _, s := range a.Read(text).Sentences {
		tokens += len(s.Tokens)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		a.Read(text)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkRead4KB(b *testing.B)   { benchmarkRead(b, 4<<10) }
func BenchmarkRead256KB(b *testing.B) { benchmarkRead(b, 256<<10) }
func BenchmarkRead1MB(b *testing.B)   { benchmarkRead(b, 1<<20) }

func BenchmarkSegment256KB(b *testing.B) {
	text := benchText(b, 256<<10)
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		Segment(text)
	}
}

// BenchmarkLoad is the cost of reading the embedded models (what Load
// does once per process).
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := newAnalyzer(func(name string) ([]byte, error) { return modelFiles.ReadFile("models/" + name) }); err != nil {
			b.Fatal(err)
		}
	}
}
