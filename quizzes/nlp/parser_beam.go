package nlp

import (
	"cmp"
	"slices"
	"sync"
)

// Beam search: the parser keeps the k best move sequences at each step
// rather than one, each scored by the sum of its moves' scores, so an early
// move that looked best can be overtaken by one whose continuations score
// better (Zhang and Clark 2008; Zhang and Nivre 2011). Every sequence over
// n words has 2n moves, so the sequences in the beam are always the same
// length. The label of an arc is chosen when the arc is made, as in the
// greedy parser, and does not enter the score.

// copyFrom makes s a copy of o (same n), reusing s's slices.
func (s *parseState) copyFrom(o *parseState) {
	s.n, s.b = o.n, o.b
	s.stack = append(s.stack[:0], o.stack...)
	copy(s.head, o.head)
	copy(s.rel, o.rel)
	copy(s.l1, o.l1)
	copy(s.l2, o.l2)
	copy(s.r1, o.r1)
	copy(s.r2, o.r2)
	copy(s.nl, o.nl)
	copy(s.nr, o.nr)
	copy(s.lset, o.lset)
	copy(s.rset, o.rset)
}

// beamCandidate is one way to extend a sequence in the beam: its parent's
// place, the move and the score of the sequence with it.
type beamCandidate struct {
	parent, move int
	score        int64
}

// topCandidates sorts cands best first (ties by the order they were made
// in, so the result does not depend on the sort) and keeps at most k.
func topCandidates(cands []beamCandidate, k int) []beamCandidate {
	return bestFirst(cands, k, func(c beamCandidate) int64 { return c.score })
}

// bestFirst sorts items by score, highest first (ties keep their order),
// and keeps at most k.
func bestFirst[T any, S cmp.Ordered](items []T, k int, score func(T) S) []T {
	slices.SortStableFunc(items, func(a, b T) int {
		return cmp.Compare(score(b), score(a))
	})
	return items[:min(k, len(items))]
}

// parseBeam fills Head and Rel of toks with the best sequence a beam of k
// finds.
func (p *parser) parseBeam(toks []Token, k int) {
	n := len(toks)
	c := newParseContext(toks, p.labels.classes)
	beam := []*parseState{newParseState(n)}
	scores := []int64{0}
	spare := make([]*parseState, 0, k)
	fs := make(featureSet, 0, 200)
	macc := make([]int32, numMoves)
	lacc := make([]int32, len(p.labels.classes))
	cands := make([]beamCandidate, 0, k*numMoves)
	var ok [numMoves]bool
	fc := featureCaches.Get().(*featureCache)
	defer featureCaches.Put(fc)
	fc.reset()
	for !beam[0].done() {
		cands = cands[:0]
		for i, s := range beam {
			fs = fs[:0]
			moveFeatures(&fs, c, s)
			clear(macc)
			p.moves.accumulate(fs, macc)
			s.valid(&ok)
			for m := 0; m < numMoves; m++ {
				if ok[m] {
					cands = append(cands, beamCandidate{i, m, scores[i] + int64(macc[m])})
				}
			}
		}
		cands = topCandidates(cands, k)
		next := make([]*parseState, len(cands))
		nextScores := make([]int64, len(cands))
		for j, cd := range cands {
			var s *parseState
			if len(spare) > 0 {
				s, spare = spare[len(spare)-1], spare[:len(spare)-1]
			} else {
				s = newParseState(n)
			}
			s.copyFrom(beam[cd.parent])
			label := -1
			if cd.move != moveShift {
				label = p.labelCached(c, s, cd.move, &fs, lacc, fc)
			}
			s.apply(cd.move, label)
			next[j], nextScores[j] = s, cd.score
		}
		spare = append(spare, beam...)
		beam, scores = next, nextScores
	}
	p.writeTree(toks, beam[0])
}

// staticMove is the gold move of a configuration from which the gold tree
// can still be reached: an arc as soon as it costs nothing, else SHIFT.
func staticMove(s *parseState, gold []int) int {
	var cost [numMoves]int
	moveCosts(s, gold, &cost)
	best := -1
	for _, m := range []int{moveLeft, moveRight, moveShift} {
		if cost[m] == 0 {
			return m
		}
		if cost[m] > 0 && (best < 0 || cost[m] < cost[best]) {
			best = m
		}
	}
	return best
}

// beamNode is one sequence of a training beam: its last move, the
// features that scored it and its parent, so that the sequence's features
// can be read back for an update.
type beamNode struct {
	parent *beamNode
	move   int
	feats  []uint64
	state  *parseState
	score  float32
	gold   bool // every move so far is the gold one
}

// beamPass is one training pass with a beam of k and max-violation
// updates (Huang, Fayong and Guo 2012): each sentence is decoded with the
// beam alongside the gold sequence, and the model is updated once, at the
// step where the best sequence in the beam outscores the gold prefix by
// the most: toward the gold prefix's moves and away from the best
// sequence's. The label model learns along the gold sequence, from the
// labels the parser itself gave the dependents' children.
func (t *parserTrainer) beamPass(epoch, k int) {
	mp, lp, rng, order := t.mp, t.lp, t.rng, t.order
	rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
	lscores := make([]float32, len(t.labels))
	var mscores [numMoves]float32
	var ok [numMoves]bool
	type labelExample struct {
		feats       []uint64
		truth, gues int
	}
	var lexamples []labelExample
	wrong, total := 0, 0
	labelOf := func(c *parseContext, s *parseState, move int) int {
		h, d := s.arcOf(move)
		fs := make(featureSet, 0, 40)
		labelFeatures(&fs, c, s, h, d)
		lp.scores(fs, lscores)
		return bestClass(lscores, nil)
	}
	for _, si := range order {
		toks, gold, grel := t.sents[si], t.golds[si], t.rels[si]
		n := len(toks)
		if n == 0 {
			continue
		}
		c := newParseContext(toks, t.labels)
		lexamples = lexamples[:0]
		// The gold sequence and its running score.
		gs := newParseState(n)
		var goldPath []*beamNode
		goldScore := float32(0)
		beam := []*beamNode{{move: -1, state: newParseState(n), gold: true}}
		var worst float32 // the largest violation so far
		worstStep := -1
		var worstNode *beamNode
		for step := 0; !gs.done(); step++ {
			// The gold move and its features.
			gf := make(featureSet, 0, 200)
			moveFeatures(&gf, c, gs)
			mp.scores(gf, mscores[:])
			gm := staticMove(gs, gold)
			goldScore += mscores[gm]
			glabel := -1
			if gm != moveShift {
				h, d := gs.arcOf(gm)
				lf := make(featureSet, 0, 40)
				labelFeatures(&lf, c, gs, h, d)
				lp.scores(lf, lscores)
				guess := bestClass(lscores, nil)
				lexamples = append(lexamples, labelExample{lf, grel[d], guess})
				glabel = guess
				if epoch == 0 {
					glabel = grel[d]
				}
			}
			goldPath = append(goldPath, &beamNode{move: gm, feats: gf, score: goldScore})
			// The beam's candidates.
			type cand struct {
				parent *beamNode
				feats  []uint64
				move   int
				score  float32
			}
			var cands []cand
			for _, b := range beam {
				fs := make(featureSet, 0, 200)
				moveFeatures(&fs, c, b.state)
				mp.scores(fs, mscores[:])
				b.state.valid(&ok)
				for m := 0; m < numMoves; m++ {
					if ok[m] {
						cands = append(cands, cand{b, fs, m, b.score + mscores[m]})
					}
				}
			}
			cands = bestFirst(cands, k, func(c cand) float32 { return c.score })
			next := make([]*beamNode, len(cands))
			for j, cd := range cands {
				s := newParseState(n)
				s.copyFrom(cd.parent.state)
				isGold := cd.parent.gold && cd.move == gm
				label := -1
				if cd.move != moveShift {
					if isGold {
						label = glabel
					} else {
						label = labelOf(c, s, cd.move)
					}
				}
				s.apply(cd.move, label)
				next[j] = &beamNode{parent: cd.parent, move: cd.move, feats: cd.feats, state: s, score: cd.score, gold: isGold}
			}
			gs.apply(gm, glabel)
			// Free the states of the last beam (their nodes stay, for
			// reading the sequences back).
			for _, b := range beam {
				if b.parent != nil {
					b.state = nil
				}
			}
			beam = next
			if v := next[0].score - goldScore; !next[0].gold && v >= 0 && (worstStep < 0 || v > worst) {
				worst, worstStep, worstNode = v, step, next[0]
			}
		}
		mp.tick()
		total++
		if worstStep >= 0 {
			wrong++
			deltas := map[[2]uint64]int{}
			for i, b := worstStep, worstNode; i >= 0; i, b = i-1, b.parent {
				g := goldPath[i]
				for _, f := range g.feats {
					deltas[[2]uint64{f, uint64(g.move)}]++
				}
				for _, f := range b.feats {
					deltas[[2]uint64{f, uint64(b.move)}]--
				}
			}
			keys := make([][2]uint64, 0, len(deltas))
			for key, d := range deltas {
				if d != 0 {
					keys = append(keys, key)
				}
			}
			slices.SortFunc(keys, func(a, b [2]uint64) int {
				if a[0] != b[0] {
					if a[0] < b[0] {
						return -1
					}
					return 1
				}
				return int(a[1]) - int(b[1])
			})
			for _, key := range keys {
				mp.add(key[0], int(key[1]), float32(deltas[key]))
			}
		}
		for _, ex := range lexamples {
			lp.tick()
			lp.update(ex.feats, ex.truth, ex.gues)
		}
	}
	t.wrong, t.total = wrong, total
}

// featureCache remembers, for one sentence, the label given to each set of
// label features: the sequences in a beam make many of the same arcs over
// the same subtrees. A generation number empties it between sentences
// without clearing it. (The move model is asked directly: its table holds
// a feature's weights in one cache line, and the sequences' look-ups of
// the same features find that line in the processor's cache.)
type featureCache struct {
	gen    uint32
	labels [1 << 10]labelEntry
}

type labelEntry struct {
	key   uint64 // the label features, hashed together
	gen   uint32
	label int32
}

// labelCached is parser.label through the cache's labels.
func (p *parser) labelCached(c *parseContext, s *parseState, move int, fs *featureSet, acc []int32, fc *featureCache) int {
	h, d := s.arcOf(move)
	if h == s.n && p.root >= 0 {
		return p.root
	}
	*fs = (*fs)[:0]
	labelFeatures(fs, c, s, h, d)
	key := uint64(hashOffset)
	for _, f := range *fs {
		key = (key ^ f) * hashPrime
	}
	e := &fc.labels[(key^key>>29)*0x9e3779b97f4a7c15>>54]
	if e.gen == fc.gen && e.key == key {
		return int(e.label)
	}
	clear(acc)
	p.labels.accumulate(*fs, acc)
	best := p.bestLabel(acc)
	*e = labelEntry{key: key, gen: fc.gen, label: int32(best)}
	return best
}

// featureCaches lends each parse its own cache (an Analyzer may read
// several texts at once).
var featureCaches = sync.Pool{New: func() any { return new(featureCache) }}

func (fc *featureCache) reset() {
	fc.gen++
	if fc.gen == 0 { // wrapped: old entries could look current
		clear(fc.labels[:])
		fc.gen = 1
	}
}
