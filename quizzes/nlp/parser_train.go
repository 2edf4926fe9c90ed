package nlp

import (
	"math/rand/v2"
	"slices"
	"sync"
)

// Training follows Goldberg and Nivre's dynamic oracle for arc-hybrid: at
// every configuration, the moves that lose no more gold arcs than the best
// are correct; the model is updated when its choice is not, and after the
// first epoch the parser mostly follows its own (possibly wrong) choice, so
// it learns to recover from its mistakes. Non-projective gold trees are
// first made projective by lifting arcs, which the oracle needs.

// moveCosts counts, for each move, the gold arcs it makes unreachable.
func moveCosts(s *parseState, gold []int, out *[numMoves]int) {
	var ok [numMoves]bool
	s.valid(&ok)
	for m := range out {
		out[m] = -1
	}
	inBuffer := func(k int) bool { return k >= s.b && k <= s.n }
	if ok[moveShift] {
		// b0 can no longer take a head or dependents from the stack below s0.
		b0, c := s.b, 0
		for i, k := range s.stack {
			if gold[k] == b0 {
				c++
			}
			if gold[b0] == k && i < len(s.stack)-1 {
				c++
			}
		}
		out[moveShift] = c
	}
	if len(s.stack) == 0 {
		return
	}
	s0 := s.stack[len(s.stack)-1]
	deps := 0 // s0's gold dependents still in the buffer
	for k := s.b; k < s.n; k++ {
		if gold[k] == s0 {
			deps++
		}
	}
	if ok[moveLeft] {
		c := deps
		if h := gold[s0]; h != s.b && (inBuffer(h) || (len(s.stack) > 1 && h == s.stack[len(s.stack)-2])) {
			c++
		}
		out[moveLeft] = c
	}
	if ok[moveRight] {
		c := deps
		if inBuffer(gold[s0]) {
			c++
		}
		out[moveRight] = c
	}
}

// projectivize lifts non-projective arcs (to the head's head, shortest arc
// first) until the tree is projective. heads use n for the root.
func projectivize(heads []int) []int {
	h := slices.Clone(heads)
	n := len(h)
	dominates := func(a, k int) bool { // a is an ancestor of k
		for steps := 0; k != n && steps <= n; steps++ {
			k = h[k]
			if k == a {
				return true
			}
		}
		return a == n
	}
	for {
		worst, span := -1, 0
		for d := 0; d < n; d++ {
			hd := h[d]
			lo, hi := min(hd, d), max(hd, d)
			for k := lo + 1; k < hi; k++ {
				if !dominates(hd, k) {
					if worst < 0 || hi-lo < span {
						worst, span = d, hi-lo
					}
					break
				}
			}
		}
		if worst < 0 {
			return h
		}
		h[worst] = h[h[worst]]
	}
}

// trainParser learns the move and label models from sentences with gold
// trees and (predicted) tags, averaging the weights of runs training runs
// that walk the sentences in different orders (seeds seed, seed+1, ...).
// The runs are independent, so they train side by side, one pass at a
// time; their mean is one model, as large and as fast as one run's.
//
// after, when not nil, is given the averaged models at the end of each pass
// (the same models a run of that many passes returns), so that a long run
// can be scored on dev as it goes.
func trainParser(sents [][]Token, labels []string, epochs, runs, beam int, seed uint64, logf func(string, ...any), after func(epoch int, moves, labelModel *classifier)) (moves, labelModel *classifier) {
	runs = max(runs, 1)
	trainers := make([]*parserTrainer, runs)
	for r := range trainers {
		trainers[r] = newParserTrainer(sents, labels, seed+uint64(r))
	}
	models := func() (*classifier, *classifier) {
		ms := make([]*classifier, runs)
		ls := make([]*classifier, runs)
		for r, t := range trainers {
			ms[r], ls[r] = t.mp.model(moveNames), t.lp.model(labels)
		}
		return meanClassifier(ms...), meanClassifier(ls...)
	}
	for epoch := 0; epoch < epochs; epoch++ {
		var wg sync.WaitGroup
		for _, t := range trainers {
			wg.Go(func() {
				if beam > 1 {
					t.beamPass(epoch, beam)
				} else {
					t.pass(epoch)
				}
			})
		}
		wg.Wait()
		if logf != nil {
			for r, t := range trainers {
				unit := "moves"
				if beam > 1 {
					unit = "sentences"
				}
				logf("parser run %d epoch %d: %.2f%% of %s wrong, %d move rows, %d label rows", r+1, epoch+1, 100*float64(t.wrong)/float64(max(t.total, 1)), unit, t.mp.index.len(), t.lp.index.len())
			}
		}
		if after != nil && epoch < epochs-1 {
			m, l := models()
			after(epoch+1, m, l)
		}
	}
	return models()
}

var moveNames = []string{"shift", "left", "right"}

// parserTrainer is one training run of the parser: its perceptrons, the
// gold trees and its own order of the sentences.
type parserTrainer struct {
	sents        [][]Token
	labels       []string
	golds, rels  [][]int
	order        []int
	rng          *rand.Rand
	mp, lp       *averagedPerceptron
	wrong, total int // moves (sentences, with a beam) of the last pass
}

func newParserTrainer(sents [][]Token, labels []string, seed uint64) *parserTrainer {
	labelIndex := map[string]int{}
	for i, l := range labels {
		labelIndex[l] = i
	}
	t := &parserTrainer{sents: sents, labels: labels, golds: make([][]int, len(sents)), rels: make([][]int, len(sents)), order: make([]int, len(sents))}
	t.mp = newAveragedPerceptron(numMoves)
	t.lp = newAveragedPerceptron(len(labels))
	for i, toks := range sents {
		n := len(toks)
		g := make([]int, n)
		r := make([]int, n)
		for j, tok := range toks {
			g[j] = tok.Head
			if g[j] < 0 {
				g[j] = n
			}
			r[j] = labelIndex[tok.Rel]
		}
		t.golds[i], t.rels[i] = projectivize(g), r
	}
	for i := range t.order {
		t.order[i] = i
	}
	t.rng = rand.New(rand.NewPCG(seed, 0x9a75e))
	return t
}

// pass is one training pass over the sentences (epoch counts from 0).
func (t *parserTrainer) pass(epoch int) {
	mp, lp, rng, order := t.mp, t.lp, t.rng, t.order
	fs := make(featureSet, 0, 200)
	scores := make([]float32, len(t.labels))
	var mscores [numMoves]float32
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	wrong, total := 0, 0
	for _, si := range order {
		toks, gold, grel := t.sents[si], t.golds[si], t.rels[si]
		if len(toks) == 0 {
			continue
		}
		c := newParseContext(toks, t.labels)
		s := newParseState(len(toks))
		var ok [numMoves]bool
		var cost [numMoves]int
		for !s.done() {
			fs = fs[:0]
			moveFeatures(&fs, c, s)
			mp.scores(fs, mscores[:])
			s.valid(&ok)
			moveCosts(s, gold, &cost)
			pred, best := -1, -1
			minCost := -1
			for m := 0; m < numMoves; m++ {
				if ok[m] && (minCost < 0 || cost[m] < minCost) {
					minCost = cost[m]
				}
			}
			for m := 0; m < numMoves; m++ {
				if !ok[m] {
					continue
				}
				if pred < 0 || mscores[m] > mscores[pred] {
					pred = m
				}
				if cost[m] == minCost && (best < 0 || mscores[m] > mscores[best]) {
					best = m
				}
			}
			mp.tick()
			total++
			if cost[pred] != minCost {
				wrong++
				mp.update(fs, best, pred)
			}
			move := best
			if epoch > 0 && rng.Float64() < 0.9 {
				move = pred
			}
			label := -1
			if move != moveShift {
				h, d := s.arcOf(move)
				fs = fs[:0]
				labelFeatures(&fs, c, s, h, d)
				lp.scores(fs, scores)
				guess := bestClass(scores, nil)
				lp.tick()
				if gold[d] == h {
					lp.update(fs, grel[d], guess)
					label = grel[d]
					if epoch > 0 {
						label = guess
					}
				} else {
					label = guess
				}
			}
			s.apply(move, label)
		}
	}
	t.wrong, t.total = wrong, total
}
