package nlp

// RawScores measure the analysis from raw text against gold annotation:
// F1 of sentence and token spans, and of tags and arcs over tokens whose
// span (and, for arcs, whose head's span) matches, as the CoNLL 2018 shared
// task scores systems that start from raw text.
type RawScores struct {
	Sentences, Tokens float64 // F1, percent
	UPOS, UAS, LAS    float64 // F1, percent
}

// EvaluateRaw rebuilds the gold sentences' text, reads it with Read and
// scores the result.
func (a *Analyzer) EvaluateRaw(gold []ConlluSentence) RawScores {
	g := DocumentFromConllu(gold)
	return scoreRaw(g, a.Read(g.Text))
}

// EvaluateSegmentation scores only the segmenter (no models needed).
func EvaluateSegmentation(gold []ConlluSentence) RawScores {
	g := DocumentFromConllu(gold)
	return scoreRaw(g, Segment(g.Text))
}

func scoreRaw(g, p *Document) RawScores {
	f1 := func(match, a, b int) float64 {
		if a+b == 0 {
			return 100
		}
		return 200 * float64(match) / float64(a+b)
	}
	type key struct{ s, e int }
	goldSent := map[key]bool{}
	for _, s := range g.Sentences {
		goldSent[key{s.Start, s.End}] = true
	}
	sm := 0
	for _, s := range p.Sentences {
		if goldSent[key{s.Start, s.End}] {
			sm++
		}
	}
	type goldTok struct {
		tok  *Token
		head key // span of the head, {-1,-1} for the root
	}
	headSpan := func(s *Sentence, t *Token) key {
		if t.Head < 0 || t.Head >= len(s.Tokens) {
			return key{-1, -1}
		}
		h := &s.Tokens[t.Head]
		return key{h.Start, h.End}
	}
	goldTok1 := map[key]goldTok{}
	ng, np := 0, 0
	for si := range g.Sentences {
		s := &g.Sentences[si]
		for ti := range s.Tokens {
			t := &s.Tokens[ti]
			if t.Start == t.End {
				continue
			}
			ng++
			goldTok1[key{t.Start, t.End}] = goldTok{t, headSpan(s, t)}
		}
	}
	tm, upos, uas, las := 0, 0, 0, 0
	for si := range p.Sentences {
		s := &p.Sentences[si]
		for ti := range s.Tokens {
			t := &s.Tokens[ti]
			np++
			gt, ok := goldTok1[key{t.Start, t.End}]
			if !ok {
				continue
			}
			tm++
			if t.UPOS == gt.tok.UPOS {
				upos++
			}
			if headSpan(s, t) == gt.head {
				uas++
				if baseRel(t.Rel) == baseRel(gt.tok.Rel) {
					las++
				}
			}
		}
	}
	return RawScores{
		Sentences: f1(sm, len(g.Sentences), len(p.Sentences)),
		Tokens:    f1(tm, ng, np),
		UPOS:      f1(upos, ng, np), UAS: f1(uas, ng, np), LAS: f1(las, ng, np),
	}
}
