package nlp

import (
	"math"
	"slices"
)

// averagedPerceptron is an averaged multiclass perceptron (Collins 2002) over hashed
// features, used while training. Its rows are created only for features that
// take part in an update, and only from the second time they do, which drops
// most one-off features and keeps the table small. Averaging uses the lazy
// timestamp trick, so an update costs as much as the features it touches.
type averagedPerceptron struct {
	nclass  int
	index   *rowTable // feature -> its row
	seen    *rowTable // features that took part in one update and have no row yet
	w       []float32
	total   []float64
	stamp   []int32
	step    int32
	scratch []float32
}

func newAveragedPerceptron(nclass int) *averagedPerceptron {
	return &averagedPerceptron{nclass: nclass, index: newRowTable(), seen: newRowTable(), scratch: make([]float32, nclass)}
}

// scores adds the weights of feats into out (len nclass), zeroed first.
func (p *averagedPerceptron) scores(feats []uint64, out []float32) {
	clear(out)
	for _, f := range feats {
		r, ok := p.index.get(f)
		if !ok {
			continue
		}
		row := p.w[int(r)*p.nclass : int(r+1)*p.nclass]
		for c, v := range row {
			out[c] += v
		}
	}
}

// predict is the best class among those allowed (all when allowed is nil).
func (p *averagedPerceptron) predict(feats []uint64, allowed []bool) int {
	p.scores(feats, p.scratch)
	return bestClass(p.scratch, allowed)
}

func bestClass(scores []float32, allowed []bool) int {
	best := -1
	for c, s := range scores {
		if allowed != nil && !allowed[c] {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best
}

// tick counts one training example (for averaging).
func (p *averagedPerceptron) tick() { p.step++ }

// update moves the weights of feats toward truth and away from guess.
func (p *averagedPerceptron) update(feats []uint64, truth, guess int) {
	if truth == guess {
		return
	}
	for _, f := range feats {
		r, ok := p.row(f)
		if !ok {
			continue
		}
		p.bump(int(r)*p.nclass+truth, 1)
		p.bump(int(r)*p.nclass+guess, -1)
	}
}

// add adds d to the weight of feature f for class c; like update, it
// gives f a row only the second time f takes part in an update.
func (p *averagedPerceptron) add(f uint64, c int, d float32) {
	if r, ok := p.row(f); ok {
		p.bump(int(r)*p.nclass+c, d)
	}
}

// row is feature f's weight row. A feature gets a row the second time it
// takes part in an update; the first time, row only notes it and reports
// false.
func (p *averagedPerceptron) row(f uint64) (int32, bool) {
	if r, ok := p.index.get(f); ok {
		return r, true
	}
	if _, twice := p.seen.get(f); !twice {
		p.seen.put(f, 0)
		return 0, false
	}
	r := int32(p.index.len())
	p.index.put(f, r)
	p.w = append(p.w, make([]float32, p.nclass)...)
	p.total = append(p.total, make([]float64, p.nclass)...)
	p.stamp = append(p.stamp, make([]int32, p.nclass)...)
	return r, true
}

func (p *averagedPerceptron) bump(i int, d float32) {
	p.total[i] += float64(p.step-p.stamp[i]) * float64(p.w[i])
	p.stamp[i] = p.step
	p.w[i] += d
}

// model averages the weights and packs them into a classifier, quantized
// to 16 bits (the largest weight is 32767). Features are laid out in hash
// order, so the same training gives the same bytes.
func (p *averagedPerceptron) model(classes []string) *classifier {
	keys := make([]uint64, 0, p.index.len())
	p.index.each(func(k uint64, _ int32) { keys = append(keys, k) })
	slices.Sort(keys)
	avg := make([]float64, len(p.w))
	maxAbs := 0.0
	for i := range p.w {
		t := p.total[i] + float64(p.step-p.stamp[i])*float64(p.w[i])
		avg[i] = t / math.Max(1, float64(p.step))
		maxAbs = math.Max(maxAbs, math.Abs(avg[i]))
	}
	return quantizedClassifier(classes, keys, func(i int) []float64 {
		r0, _ := p.index.get(keys[i])
		r := int(r0)
		return avg[r*p.nclass : (r+1)*p.nclass]
	}, maxAbs)
}
