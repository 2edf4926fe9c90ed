package legacy

import (
	"strings"
	"testing"
)

// longArticle repeats the sample article, a paragraph at a time, to about n bytes.
func longArticle(b *testing.B, n int) string {
	s := sampleArticle(b)
	var sb strings.Builder
	for sb.Len() < n {
		sb.WriteString(s)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func benchmarkGenerate(b *testing.B, text string) {
	g := generator(b)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.Generate(text)
	}
}

func BenchmarkGenerateSample(b *testing.B) { benchmarkGenerate(b, sampleArticle(b)) }
func BenchmarkGenerate256KB(b *testing.B)  { benchmarkGenerate(b, longArticle(b, 256<<10)) }
func BenchmarkGenerate1MB(b *testing.B)    { benchmarkGenerate(b, longArticle(b, 1<<20)) }

// BenchmarkNew is the one-off cost of loading prose's models.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}
