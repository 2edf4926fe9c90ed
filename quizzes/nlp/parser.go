package nlp

// trainBeam is the beam the move model is trained with by default
// (TrainConfig.ParserBeam; 1 is the greedy parser trained with the dynamic
// oracle), and parseBeam the beam the analysis parses with. A smaller
// reading beam is faster and loses some of the beam's gain (docs/NLP.md,
// docs/BENCHMARKS.md "What a beam costs in reading").
const (
	trainBeam = 4
	parseBeam = 4
)

// parser builds a labelled dependency tree over tagged tokens: at each
// configuration the move model scores the allowed moves, and when a move
// makes an arc the label model names it. With a beam (parser_beam.go) the
// best few move sequences are kept; without, the best move is taken.
type parser struct {
	moves  *classifier
	labels *classifier
	root   int // index of "root" among the labels
	beam   int // sequences kept while parsing (1 or less: greedy)
}

func newParser(moves, labels *classifier) *parser {
	p := &parser{moves: moves, labels: labels, root: -1}
	for i, l := range labels.classes {
		if l == "root" {
			p.root = i
		}
	}
	return p
}

// parse fills Head and Rel of toks.
func (p *parser) parse(toks []Token) {
	if len(toks) == 0 {
		return
	}
	if p.beam > 1 {
		p.parseBeam(toks, p.beam)
		return
	}
	c := newParseContext(toks, p.labels.classes)
	s := newParseState(len(toks))
	fs := make(featureSet, 0, 200)
	macc := make([]int32, numMoves)
	lacc := make([]int32, len(p.labels.classes))
	var ok [numMoves]bool
	for !s.done() {
		fs = fs[:0]
		moveFeatures(&fs, c, s)
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
			label = p.label(c, s, best, &fs, lacc)
		}
		s.apply(best, label)
	}
	p.writeTree(toks, s)
}

// writeTree copies the finished state's heads and labels into the tokens.
func (p *parser) writeTree(toks []Token, s *parseState) {
	for i := range toks {
		h := s.head[i]
		if h == s.n {
			toks[i].Head, toks[i].Rel = -1, "root"
			continue
		}
		toks[i].Head, toks[i].Rel = h, p.labels.classes[s.rel[i]]
	}
}

// label names the arc a LEFT or RIGHT move would make: "root" onto the
// root, otherwise the best label that is not "root".
func (p *parser) label(c *parseContext, s *parseState, move int, fs *featureSet, acc []int32) int {
	h, d := s.arcOf(move)
	if h == s.n && p.root >= 0 {
		return p.root
	}
	*fs = (*fs)[:0]
	labelFeatures(fs, c, s, h, d)
	clear(acc)
	p.labels.accumulate(*fs, acc)
	return p.bestLabel(acc)
}

// bestLabel is the label of highest score in acc that is not "root".
func (p *parser) bestLabel(acc []int32) int {
	best := -1
	for k, v := range acc {
		if k != p.root && (best < 0 || v > acc[best]) {
			best = k
		}
	}
	return best
}
