package nlp

import "testing"

// lookupStreams are the feature sets the tagger, the parser's move model
// and its label model look up while reading text (greedy parser): the
// decisions of a reading, replayed from its tags and trees.
func lookupStreams(a *Analyzer, text string) (tags, moves, labels [][]uint64) {
	d := a.Read(text)
	t, p := a.tagger, a.parser
	for _, sent := range d.Sentences {
		toks := sent.Tokens
		c := newTagContext(toks, t.dict)
		prev, prev2 := "", ""
		for i := range toks {
			var fs featureSet
			tagFeatures(&fs, c, i, prev, prev2)
			tags = append(tags, fs)
			best := 0
			for k := range t.model.classes {
				if t.upos[k] == toks[i].UPOS && t.xpos[k] == toks[i].XPOS {
					best = k
				}
			}
			prev2, prev = prev, t.model.classes[best]
		}
		pc := newParseContext(toks, p.labels.classes)
		s := newParseState(len(toks))
		macc := make([]int32, numMoves)
		lacc := make([]int32, len(p.labels.classes))
		var ok [numMoves]bool
		for !s.done() {
			var fs featureSet
			moveFeatures(&fs, pc, s)
			moves = append(moves, fs)
			clear(macc)
			p.moves.accumulate(fs, macc)
			s.valid(&ok)
			best := -1
			for m := 0; m < numMoves; m++ {
				if ok[m] && (best < 0 || macc[m] > macc[best]) {
					best = m
				}
			}
			label := -1
			if best != moveShift {
				if h, dep := s.arcOf(best); h != s.n || p.root < 0 {
					var lf featureSet
					labelFeatures(&lf, pc, s, h, dep)
					labels = append(labels, lf)
				}
				label = p.label(pc, s, best, &fs, lacc)
			}
			s.apply(best, label)
		}
	}
	return tags, moves, labels
}

// BenchmarkLookups is the cost of a feature lookup (ns per feature) in
// each of the three linear models, over the feature sets of reading 256 KB
// of the GUM test text: what the models' lookup table costs apart from the
// rest of the analysis.
func BenchmarkLookups(b *testing.B) {
	a := loadAnalyzer(b)
	tags, moves, labels := lookupStreams(a, benchText(b, 256<<10))
	for _, c := range []struct {
		name  string
		m     *classifier
		feats [][]uint64
	}{{"tagger", a.tagger.model, tags}, {"moves", a.parser.moves, moves}, {"labels", a.parser.labels, labels}} {
		b.Run(c.name, func(b *testing.B) {
			n := 0
			for _, fs := range c.feats {
				n += len(fs)
			}
			acc := make([]int32, len(c.m.classes))
			b.ResetTimer()
			cpu := cpuSeconds()
			for i := 0; i < b.N; i++ {
				for _, fs := range c.feats {
					clear(acc)
					c.m.accumulate(fs, acc)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n*b.N), "ns/feature")
			b.ReportMetric((cpuSeconds()-cpu)*1e9/float64(n*b.N), "cpu-ns/feature")
		})
	}
}
