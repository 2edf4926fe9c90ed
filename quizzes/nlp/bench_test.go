package nlp

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
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
	text := benchText(b, size)
	b.SetBytes(int64(len(text)))
	readText(b, loadAnalyzer(b), text)
}

// readText reads text b.N times with a, reporting tokens per second of
// wall time and of CPU time.
func readText(b *testing.B, a *Analyzer, text string) {
	tokens := 0
	for _, s := range a.Read(text).Sentences {
		tokens += len(s.Tokens)
	}
	b.ResetTimer()
	cpu := cpuSeconds()
	for i := 0; i < b.N; i++ {
		a.Read(text)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens)*float64(b.N)/(cpuSeconds()-cpu), "tokens/cpu-s")
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
// does once per process), in wall time and in CPU time (the classifiers
// are read side by side), and the heap the loaded models hold (heap-MB).
func BenchmarkLoad(b *testing.B) {
	var a *Analyzer
	heap := func() float64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	before := heap()
	cpu := cpuSeconds()
	for i := 0; i < b.N; i++ {
		a = nil
		var err error
		if a, err = newAnalyzer(func(name string) ([]byte, error) { return modelFiles.ReadFile("models/" + name) }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
	b.StopTimer()
	b.ReportMetric(heap()-before, "heap-MB")
	runtime.KeepAlive(a)
}

// trainBenchSentences are the sentences the training benchmarks learn
// from: the first 2,000 training sentences of EWT and of GUM, or with
// NLP_TRAIN_BENCH_LIMIT=N the first N of each (0: all of them).
func trainBenchSentences(b *testing.B) [][]Token {
	b.Helper()
	cfg := DefaultTrainConfig()
	cfg.Dir, cfg.Limit = "testdata", 2000
	if v := os.Getenv("NLP_TRAIN_BENCH_LIMIT"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			b.Fatalf("NLP_TRAIN_BENCH_LIMIT=%q: want a number of sentences, 0 for all", v)
		}
		cfg.Limit = n
	}
	train, err := trainingSentences(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return train
}

// cpuSeconds is the user and system CPU time of the process so far.
func cpuSeconds() float64 {
	var r syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &r) != nil {
		return 0
	}
	return float64(r.Utime.Nano()+r.Stime.Nano()) / 1e9
}

// BenchmarkTrainParserPass is one training pass of the parser (gold
// tags): what a model retrain costs per pass, for comparing changes to
// training. On a shared machine the CPU seconds (cpu-s/op) are the fairer
// figure.
func BenchmarkTrainParserPass(b *testing.B) {
	train := trainBenchSentences(b)
	labels := relationLabels(train)
	b.ResetTimer()
	cpu := cpuSeconds()
	for i := 0; i < b.N; i++ {
		trainParser(train, labels, 1, 1, 1, 1, nil, nil)
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(train))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkTrainTaggerPass is one training pass of the tagger over the
// same sentences.
func BenchmarkTrainTaggerPass(b *testing.B) {
	train := trainBenchSentences(b)
	b.ResetTimer()
	cpu := cpuSeconds()
	for i := 0; i < b.N; i++ {
		trainTagger(train, 1, 1, nil)
	}
	b.ReportMetric((cpuSeconds()-cpu)/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(train))*float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkReadBeam is BenchmarkRead256KB with the parser keeping 1 to 4
// move sequences (parser_beam.go), whatever beam the committed model was
// trained with: what a beam costs the whole pipeline. tokens/cpu-s is
// the fairer figure on a shared machine.
func BenchmarkReadBeam(b *testing.B) {
	for _, k := range []int{1, 2, 3, 4} {
		b.Run(fmt.Sprintf("beam%d", k), func(b *testing.B) {
			a := loadAnalyzer(b)
			a.SetParserBeam(k)
			readText(b, a, benchText(b, 256<<10))
		})
	}
}
