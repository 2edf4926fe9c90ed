package generate

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

func benchmarkGenerate(b *testing.B, text string, draft bool) {
	g, err := NewEngine(Tree)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if draft {
			g.Draft(text, DraftQuestions)
		} else {
			g.Generate(text)
		}
	}
}

func BenchmarkGenerateSample(b *testing.B) { benchmarkGenerate(b, sampleArticle(b), false) }
func BenchmarkDraftSample(b *testing.B)    { benchmarkGenerate(b, sampleArticle(b), true) }
func BenchmarkGenerate256KB(b *testing.B)  { benchmarkGenerate(b, longArticle(b, 256<<10), false) }
func BenchmarkGenerate1MB(b *testing.B)    { benchmarkGenerate(b, longArticle(b, 1<<20), false) }

// BenchmarkNew is the one-off cost of loading the analysis's models and
// the word lists.
func BenchmarkNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := NewEngine(Tree); err != nil {
			b.Fatal(err)
		}
	}
}
