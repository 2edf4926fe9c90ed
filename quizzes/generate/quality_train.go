package generate

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/formats"
)

// judgedRounds are the folders of testdata/judging in the order they were
// judged: a question judged again later keeps its later judgment. Each
// holds judgments.jsonl and the drafts they judged; drafts names the
// draft file of a judgment ("" the round's own NN-kind-slug.json).
var judgedRounds = []struct {
	dir, drafts string
}{
	{"baseline", ""},
	{"pipeline", ""},
	{"rebuild", "pipeline"}, // the pipeline's drafts judged again with the later rules
	{"round3", ""},
	{"round4", ""},
}

// judgedQuestion is one judged question with its features.
type judgedQuestion struct {
	text       string
	round      string
	drafts     []string // the drafts it was judged in (folder/file)
	prompt     string
	acceptable bool
	features   map[string]float64
	// oldScore is the score the generator gave it when it was drafted;
	// NaN for the rules engine's questions, whose scores are another scale.
	oldScore float64
	// current is the score of the same prompt among the current
	// generator's candidates, NaN when it no longer asks it.
	current float64
	model   float64 // the held-out model's chance, set by cross-validation
}

// RankTrainReport is what TrainRankModel measured.
type RankTrainReport struct {
	Judged, Used, Unjoined, Duplicates int
	Texts                              int
	TreeQuestions, Matched             int
	Text                               string // the cross-validation figures, for docs/BENCHMARKS.md
}

// rankEpochs are the passes of gradient descent.
const rankEpochs = 4000

// RankTrainOptions choose the model TrainRankModel fits.
type RankTrainOptions struct {
	Lambda float64 // the L2 penalty
	// Features keeps only these features ("fam:*" keeps every feature
	// whose name starts "fam:"); none keeps them all.
	Features []string
}

// TrainRankModel reads the judged drafts under dir (testdata/judging),
// measures the learned ranking by leave-one-text-out cross-validation
// against the generator's own score, and returns the model trained on
// every judged question, as data/rank-model.json holds it. The same data
// give the same bytes.
func TrainRankModel(dir string, opt RankTrainOptions) ([]byte, *RankTrainReport, error) {
	p, err := newPipeline()
	if err != nil {
		return nil, nil, err
	}
	qs, rep, err := p.loadJudged(dir, opt)
	if err != nil {
		return nil, nil, err
	}
	var b strings.Builder
	crossValidate(qs, opt.Lambda, &b)
	rep.Text = b.String()
	m := fitQuality(qs, opt.Lambda)
	m.Note = fmt.Sprintf("logistic regression, L2 %.1f, %d passes, on %d judged questions of %d texts (go run ./cmd/qgrank)", opt.Lambda, rankEpochs, rep.Used, rep.Texts)
	for k, w := range m.Weights {
		m.Weights[k] = math.Round(w*1e4) / 1e4
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	return append(out, '\n'), rep, nil
}

// loadJudged joins every judgment to the question it judged, reads the
// question's text with the current analysis and computes its features.
func (p *Pipeline) loadJudged(dir string, opt RankTrainOptions) ([]*judgedQuestion, *RankTrainReport, error) {
	rep := &RankTrainReport{}
	type judgment struct {
		Text       string `json:"text"`
		N          int    `json:"n"`
		Prompt     string `json:"prompt"`
		Acceptable bool   `json:"acceptable"`
		Engine     string `json:"engine"`
	}
	inputs := map[string]*Input{}
	current := map[string]map[string]float64{}
	drafts := map[string][]quizzes.Question{}
	byKey := map[string]int{}
	var out []*judgedQuestion
	for _, r := range judgedRounds {
		f, err := os.Open(filepath.Join(dir, r.dir, "judgments.jsonl"))
		if err != nil {
			return nil, nil, err
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 0, 1<<16), 1<<22)
		line := 0
		for sc.Scan() {
			line++
			var j judgment
			if err := json.Unmarshal(sc.Bytes(), &j); err != nil {
				f.Close()
				return nil, nil, fmt.Errorf("%s/judgments.jsonl:%d: %v", r.dir, line, err)
			}
			rep.Judged++
			ddir := r.drafts
			if ddir == "" {
				ddir = r.dir
			}
			name := j.Text + ".json"
			if j.Engine != "" {
				name = j.Text + "." + j.Engine + ".json"
			}
			path := filepath.Join(dir, ddir, name)
			qs, ok := drafts[path]
			if !ok {
				data, err := os.ReadFile(path)
				if err == nil {
					qs, err = formats.ParseJSON(data)
				}
				if err != nil && !os.IsNotExist(err) {
					f.Close()
					return nil, nil, fmt.Errorf("%s: %v", path, err)
				}
				drafts[path] = qs
			}
			if j.N < 1 || j.N > len(qs) || !samePrompt(qs[j.N-1].Prompt, j.Prompt) {
				rep.Unjoined++
				continue
			}
			q := qs[j.N-1]
			in := inputs[j.Text]
			if in == nil {
				data, err := os.ReadFile(filepath.Join(dir, "texts", j.Text+".txt"))
				if err != nil {
					f.Close()
					return nil, nil, err
				}
				text, err := quizzes.ArticleText(j.Text+".txt", data)
				if err != nil {
					f.Close()
					return nil, nil, err
				}
				var ranked []*Candidate
				in, ranked = p.candidates(text)
				inputs[j.Text] = in
				cur := map[string]float64{}
				for _, c := range ranked {
					if _, ok := cur[c.Prompt]; !ok {
						cur[c.Prompt] = c.score
					}
				}
				current[j.Text] = cur
			}
			c := candidateOf(in, q)
			jq := &judgedQuestion{
				text: j.Text, round: r.dir, drafts: []string{path}, prompt: q.Prompt, acceptable: j.Acceptable,
				features: p.qualityFeatures(in, c), oldScore: math.NaN(), current: math.NaN(),
			}
			if len(opt.Features) > 0 {
				keep := map[string]float64{}
				for fk, fv := range jq.features {
					for _, k := range opt.Features {
						if fk == k || strings.HasSuffix(k, "*") && strings.HasPrefix(fk, strings.TrimSuffix(k, "*")) {
							keep[fk] = fv
						}
					}
				}
				jq.features = keep
			}
			if c.Template != "legacy" {
				jq.oldScore = q.Score
				if s, ok := current[j.Text][q.Prompt]; ok {
					jq.current = s
				}
			}
			k := j.Text + "\x00" + q.Prompt + "\x00" + strings.Join(q.Keys(), "|")
			if i, ok := byKey[k]; ok {
				rep.Duplicates++
				if !slices.Contains(out[i].drafts, path) {
					jq.drafts = append(out[i].drafts, path)
				}
				out[i] = jq // the later judgment
				continue
			}
			byKey[k] = len(out)
			out = append(out, jq)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, nil, err
		}
	}
	texts := map[string]bool{}
	for _, q := range out {
		texts[q.text] = true
		if !math.IsNaN(q.oldScore) {
			rep.TreeQuestions++
			if !math.IsNaN(q.current) {
				rep.Matched++
			}
		}
	}
	rep.Used, rep.Texts = len(out), len(texts)
	return out, rep, nil
}

// samePrompt compares a draft's prompt with the one a judgment quotes.
func samePrompt(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

// candidateOf rebuilds the candidate a stored question came from, as far
// as the learned ranking reads it. A template no family of this package
// has is the rules engine's ("legacy").
func candidateOf(in *Input, q quizzes.Question) *Candidate {
	c := &Candidate{Template: q.Template, Kind: q.Kind, Prompt: q.Prompt, Sentence: -1}
	if !slices.Contains(Families(), c.family()) {
		c.Template = "legacy"
	}
	for _, ch := range q.Choices {
		switch {
		case q.Kind == quizzes.TrueFalse:
			if ch.Correct {
				c.Key = ch.Text
			}
		case ch.Correct && c.Key == "":
			c.Key = ch.Text
		case ch.Correct:
			c.Accepted = append(c.Accepted, ch.Text)
		default:
			c.Distractors = append(c.Distractors, ch.Text)
		}
	}
	for i, s := range in.Doc.Sentences {
		if s.Start <= q.Evidence.Start && q.Evidence.Start < s.End {
			c.Sentence = i
			break
		}
	}
	if c.Sentence < 0 && q.Evidence.Text != "" {
		if at := strings.Index(in.Text, q.Evidence.Text); at >= 0 {
			for i, s := range in.Doc.Sentences {
				if s.Start <= at && at < s.End {
					c.Sentence = i
					break
				}
			}
		}
	}
	return c
}

// fitQuality fits the logistic regression to the judged questions by
// full-batch gradient descent from zero weights: deterministic.
func fitQuality(qs []*judgedQuestion, lambda float64) *qualityModel {
	names := map[string]bool{"bias": true}
	for _, q := range qs {
		for k := range q.features {
			names[k] = true
		}
	}
	idx := map[string]int{}
	var order []string
	for k := range names {
		order = append(order, k)
	}
	sort.Strings(order)
	for i, k := range order {
		idx[k] = i
	}
	type row struct {
		at []int
		v  []float64
		y  float64
	}
	rows := make([]row, len(qs))
	for i, q := range qs {
		r := row{at: []int{idx["bias"]}, v: []float64{1}}
		if q.acceptable {
			r.y = 1
		}
		keys := make([]string, 0, len(q.features))
		for k := range q.features {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			r.at = append(r.at, idx[k])
			r.v = append(r.v, q.features[k])
		}
		rows[i] = r
	}
	w := make([]float64, len(order))
	g := make([]float64, len(order))
	n := float64(len(rows))
	const rate = 0.5
	for e := 0; e < rankEpochs; e++ {
		for i := range g {
			g[i] = 0
		}
		for _, r := range rows {
			z := 0.0
			for j, a := range r.at {
				z += w[a] * r.v[j]
			}
			d := 1/(1+math.Exp(-z)) - r.y
			for j, a := range r.at {
				g[a] += d * r.v[j]
			}
		}
		for i := range w {
			reg := lambda * w[i]
			if order[i] == "bias" {
				reg = 0
			}
			w[i] -= rate * (g[i] + reg) / n
		}
	}
	m := &qualityModel{Weights: map[string]float64{}}
	for i, k := range order {
		if w[i] != 0 {
			m.Weights[k] = w[i]
		}
	}
	return m
}

// crossValidate fits the model without each text in turn, scores that
// text's questions with it, and writes how the held-out scores rank the
// generator's judged questions against the generator's own score.
func crossValidate(qs []*judgedQuestion, lambda float64, w io.Writer) {
	byText := map[string][]*judgedQuestion{}
	var texts []string
	for _, q := range qs {
		if byText[q.text] == nil {
			texts = append(texts, q.text)
		}
		byText[q.text] = append(byText[q.text], q)
	}
	sort.Strings(texts)
	for _, t := range texts {
		var train []*judgedQuestion
		for _, q := range qs {
			if q.text != t {
				train = append(train, q)
			}
		}
		m := fitQuality(train, lambda)
		for _, q := range byText[t] {
			q.model = m.prob(q.features)
		}
	}
	// the tree pipeline's questions, which carry the generator's score
	var tree []*judgedQuestion
	treeBy := map[string][]*judgedQuestion{}
	for _, q := range qs {
		if !math.IsNaN(q.oldScore) {
			tree = append(tree, q)
			treeBy[q.text] = append(treeBy[q.text], q)
		}
	}
	old := func(q *judgedQuestion) float64 { return q.oldScore }
	model := func(q *judgedQuestion) float64 { return q.model }
	both := func(q *judgedQuestion) float64 { return q.oldScore + q.model }
	acc := 0
	for _, q := range tree {
		if q.acceptable {
			acc++
		}
	}
	fmt.Fprintf(w, "held out by text (leave one text out), %d texts, %d judged questions of the tree pipeline (%d acceptable)\n", len(treeBy), len(tree), acc)
	fmt.Fprintf(w, "%-40s %10s %10s %10s\n", "", "old score", "model", "sum")
	fmt.Fprintf(w, "%-40s %10.3f %10.3f %10.3f\n", "AUC, all questions pooled", auc(tree, old), auc(tree, model), auc(tree, both))
	fmt.Fprintf(w, "%-40s %10.3f %10.3f %10.3f\n", "AUC, mean over texts", meanTextAUC(treeBy, old), meanTextAUC(treeBy, model), meanTextAUC(treeBy, both))
	for _, k := range []int{3, 5, 10} {
		fmt.Fprintf(w, "%-40s %10.3f %10.3f %10.3f\n", fmt.Sprintf("acceptable share of top %d (%d texts)", k, textsOver(treeBy, k)), precisionAt(treeBy, old, k), precisionAt(treeBy, model, k), precisionAt(treeBy, both, k))
	}
	for _, part := range []string{"top", "bottom"} {
		fmt.Fprintf(w, "%-40s %10.3f %10.3f %10.3f\n", "acceptable share, "+part+" fifth", fifth(tree, old, part == "top"), fifth(tree, model, part == "top"), fifth(tree, both, part == "top"))
	}
	all := 0
	for _, q := range qs {
		if q.acceptable {
			all++
		}
	}
	better, worse := 0, 0
	for _, qs := range treeBy {
		a, b := auc(qs, old), auc(qs, model)
		switch {
		case math.IsNaN(a) || math.IsNaN(b) || a == b:
		case b > a:
			better++
		default:
			worse++
		}
	}
	fmt.Fprintf(w, "texts whose AUC the model raises %d, lowers %d (the others tie or have one label only)\n", better, worse)
	draftLength(tree, w)
	fmt.Fprintf(w, "every judged question (both engines, %d, %d acceptable): model AUC %.3f\n", len(qs), all, auc(qs, model))
}

// auc is the chance that an acceptable question scores above an
// unacceptable one (ties count half).
func auc(qs []*judgedQuestion, score func(*judgedQuestion) float64) float64 {
	var pos, neg []float64
	for _, q := range qs {
		if q.acceptable {
			pos = append(pos, score(q))
		} else {
			neg = append(neg, score(q))
		}
	}
	if len(pos) == 0 || len(neg) == 0 {
		return math.NaN()
	}
	s := 0.0
	for _, a := range pos {
		for _, b := range neg {
			switch {
			case a > b:
				s++
			case a == b:
				s += 0.5
			}
		}
	}
	return s / float64(len(pos)*len(neg))
}

func meanTextAUC(by map[string][]*judgedQuestion, score func(*judgedQuestion) float64) float64 {
	s, n := 0.0, 0
	for _, qs := range by {
		if a := auc(qs, score); !math.IsNaN(a) {
			s += a
			n++
		}
	}
	return s / float64(n)
}

// ranked sorts a copy of qs best first by score, ties in draft order.
func ranked(qs []*judgedQuestion, score func(*judgedQuestion) float64) []*judgedQuestion {
	out := slices.Clone(qs)
	sort.SliceStable(out, func(a, b int) bool { return score(out[a]) > score(out[b]) })
	return out
}

// precisionAt is the acceptable share of each text's top k (of its judged
// questions, fewer when it has fewer), averaged over texts with more than
// k questions (where the order decides what is in the top k).
func precisionAt(by map[string][]*judgedQuestion, score func(*judgedQuestion) float64, k int) float64 {
	s, n := 0.0, 0
	for _, qs := range by {
		if len(qs) <= k {
			continue
		}
		acc := 0
		for _, q := range ranked(qs, score)[:k] {
			if q.acceptable {
				acc++
			}
		}
		s += float64(acc) / float64(k)
		n++
	}
	return s / float64(n)
}

// textsOver counts the texts with more than k judged questions.
func textsOver(by map[string][]*judgedQuestion, k int) int {
	n := 0
	for _, qs := range by {
		if len(qs) > k {
			n++
		}
	}
	return n
}

// fifth is the acceptable share of the top or bottom fifth of qs by score.
func fifth(qs []*judgedQuestion, score func(*judgedQuestion) float64, top bool) float64 {
	r := ranked(qs, score)
	k := len(r) / 5
	part := r[:k]
	if !top {
		part = r[len(r)-k:]
	}
	acc := 0
	for _, q := range part {
		if q.acceptable {
			acc++
		}
	}
	return float64(acc) / float64(k)
}

// draftLength replays the tree pipeline's judged drafts cut by confidence:
// a draft keeps the questions whose score reaches a threshold, and at
// least its best five, and the rest go to the pool. It writes, for the
// generator's own score and the held-out model, how many questions the
// drafts keep, how many of them are acceptable and their share.
func draftLength(tree []*judgedQuestion, w io.Writer) {
	byDraft := map[string][]*judgedQuestion{}
	var names []string
	for _, q := range tree {
		for _, d := range q.drafts {
			if byDraft[d] == nil {
				names = append(names, d)
			}
			byDraft[d] = append(byDraft[d], q)
		}
	}
	sort.Strings(names)
	total, acc := 0, 0
	for _, d := range names {
		for _, q := range byDraft[d] {
			total++
			if q.acceptable {
				acc++
			}
		}
	}
	fmt.Fprintf(w, "drafts cut by confidence (at least 5 kept), %d judged drafts of the tree pipeline, %d questions, %d acceptable (%.3f; %.2f a draft)\n",
		len(names), total, acc, float64(acc)/float64(total), float64(acc)/float64(len(names)))
	for _, by := range []struct {
		name  string
		score func(*judgedQuestion) float64
		cuts  []float64
	}{
		{"old score", func(q *judgedQuestion) float64 { return q.oldScore }, []float64{0.2, 0.25, 0.3, 0.4}},
		{"model", func(q *judgedQuestion) float64 { return q.model }, []float64{0.15, 0.2, 0.25, 0.3}},
	} {
		for _, cut := range by.cuts {
			kept, good := 0, 0
			for _, d := range names {
				r := ranked(byDraft[d], by.score)
				n := 0
				for n < len(r) && (n < 5 || by.score(r[n]) >= cut) {
					n++
				}
				for _, q := range r[:n] {
					kept++
					if q.acceptable {
						good++
					}
				}
			}
			fmt.Fprintf(w, "  %-9s >= %.2f: kept %3d, acceptable %2d (%.3f; %.2f a draft)\n", by.name, cut, kept, good, float64(good)/float64(kept), float64(good)/float64(len(names)))
		}
	}
}
