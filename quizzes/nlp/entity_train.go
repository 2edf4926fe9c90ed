package nlp

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
)

// EntityTraining says what the entity model is trained on and how long.
type EntityTraining struct {
	Train, Dev string // GUM CoNLL-U files (gzipped or not)
	Iterations int    // passes over the training documents
	Seed       uint64 // shuffles the document order of each pass
	Log        io.Writer
}

// TrainEntityModel trains the entity tagger, gazetteer and head lexicon on
// GUM's training documents and returns the model file. The same data and
// seed give the same bytes.
func TrainEntityModel(cfg EntityTraining) ([]byte, error) {
	train, err := readGUMFile(cfg.Train)
	if err != nil {
		return nil, err
	}
	var dev []gumDoc
	if cfg.Dev != "" {
		if dev, err = readGUMFile(cfg.Dev); err != nil {
			return nil, err
		}
	}
	m := trainEntityModel(train, dev, cfg.Iterations, cfg.Seed, cfg.Log)
	return m.marshal()
}

// hideNameWords is the share of training names the typer sees without
// their own words (chosen on GUM dev).
const hideNameWords = 0.3

// entityRuns is how many training runs the shipped weights average.
const entityRuns = 3

// taggedMention: a mention the tagger is taught to find: a name (proper
// noun head), or a date or amount written with a number.
func taggedMention(d *Document, g gumMention) bool {
	if typeIndex(g.Type) < 0 {
		return false
	}
	s := &d.Sentences[g.Sentence]
	h := spanHead(s, g.Start, g.End)
	if s.Tokens[h].UPOS == "PROPN" {
		return true
	}
	if g.Type == Time || g.Type == Quantity {
		for i := g.Start; i < g.End; i++ {
			if s.Tokens[i].UPOS == "NUM" {
				return true
			}
		}
	}
	return false
}

// goldLabels gives each sentence's BIO labels: the outermost tagged
// mentions, earlier and longer first.
func goldLabels(gd gumDoc) [][]int {
	out := make([][]int, len(gd.Doc.Sentences))
	for s := range out {
		out[s] = make([]int, len(gd.Doc.Sentences[s].Tokens))
	}
	for _, g := range outermostTagged(gd) {
		out[g.Sentence][g.Start] = labelB
		for i := g.Start + 1; i < g.End; i++ {
			out[g.Sentence][i] = labelI
		}
	}
	return out
}

// outermostTagged are the tagged mentions, trimmed to their names, that
// lie inside no other.
func outermostTagged(gd gumDoc) []gumMention {
	return outermost(gd, func(g gumMention) bool { return taggedMention(gd.Doc, g) })
}

// outermost trims the mentions that keep says to their names (see
// nameSpan) and returns those inside no other, in text order.
func outermost(gd gumDoc, keep func(gumMention) bool) []gumMention {
	var kept []gumMention
	for _, g := range gd.Gold {
		if !keep(g) {
			continue
		}
		s := &gd.Doc.Sentences[g.Sentence]
		g.Start, g.End = nameSpan(s, g.Start, g.End)
		kept = append(kept, g)
	}
	sort.SliceStable(kept, func(i, j int) bool {
		a, b := kept[i], kept[j]
		if a.Sentence != b.Sentence {
			return a.Sentence < b.Sentence
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.End > b.End
	})
	var out []gumMention
	lastSent, lastEnd := -1, 0
	for _, g := range kept {
		if g.Sentence == lastSent && g.Start < lastEnd {
			continue
		}
		out = append(out, g)
		lastSent, lastEnd = g.Sentence, g.End
	}
	return out
}

// nameSpan trims a GUM mention to the name it holds: GUM's spans carry a
// name's relative clauses, appositions, conjuncts and parentheses
// ("Joshua Abraham Norton (c. 1818 - January 8, 1880), known as Emperor
// Norton"); the name is the head and what hangs on it otherwise.
func nameSpan(s *Sentence, start, end int) (int, int) {
	head := spanHead(s, start, end)
	a, b := nominalSpan(s, head)
	return max(a, start), min(b, end)
}

func gazetteerKey(s *Sentence, start, end int) string {
	var b strings.Builder
	for i := start; i < end; i++ {
		if i > start {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(tokenForm(&s.Tokens[i])))
	}
	return b.String()
}

type typeCounts [11]int

func argmaxType(c typeCounts) (int, int) {
	best := 0
	for t := range c {
		if c[t] > c[best] {
			best = t
		}
	}
	return best, c[best]
}

func trainEntityModel(train, dev []gumDoc, iterations int, seed uint64, log io.Writer) *EntityModel {
	// Gazetteer: names of the training documents, counted per document so
	// that a document is tagged in training without its own names (as new
	// text will be).
	gazAll := map[string]*typeCounts{}
	gazDoc := make([]map[string]*typeCounts, len(train))
	lex := map[string]*typeCounts{}
	var nounTypes typeCounts
	for di, gd := range train {
		gazDoc[di] = map[string]*typeCounts{}
		for _, g := range gd.Gold {
			t := typeIndex(g.Type)
			if t < 0 {
				continue
			}
			s := &gd.Doc.Sentences[g.Sentence]
			h := spanHead(s, g.Start, g.End)
			switch s.Tokens[h].UPOS {
			case "PROPN":
				if g.End-g.Start > maxGazetteerWords {
					continue
				}
				// the name without a leading article: "the United States"
				start := g.Start
				if strings.EqualFold(s.Tokens[start].Lemma, "the") && g.End-start > 1 {
					start++
				}
				keys := []string{gazetteerKey(s, start, g.End)}
				for i := start; i < g.End; i++ {
					if s.Tokens[i].UPOS != "PUNCT" {
						keys = append(keys, wordKey(strings.ToLower(tokenForm(&s.Tokens[i]))))
					}
				}
				for _, k := range keys {
					for _, mp := range []map[string]*typeCounts{gazAll, gazDoc[di]} {
						if mp[k] == nil {
							mp[k] = &typeCounts{}
						}
						mp[k][t]++
					}
				}
			case "NOUN":
				k := strings.ToLower(s.Tokens[h].Lemma)
				if lex[k] == nil {
					lex[k] = &typeCounts{}
				}
				lex[k][t]++
				nounTypes[t]++
			}
		}
	}
	m := &EntityModel{gazetteer: map[string]int8{}, lexicon: map[string]EntityType{}}
	for k, c := range gazAll {
		t, _ := argmaxType(*c)
		m.gazetteer[k] = int8(t + 1)
	}
	for k, c := range lex {
		if t, n := argmaxType(*c); n >= 2 {
			m.lexicon[k] = entityTypes[t]
		}
	}
	dt, _ := argmaxType(nounTypes)
	m.nounDefault = entityTypes[dt]

	// Contexts and gold labels, computed once.
	type sentEx struct {
		s     *Sentence
		c     *sentenceContext
		gold  []int
		spans []gumMention
	}
	docs := make([][]sentEx, len(train))
	for di, gd := range train {
		own := gazDoc[di]
		lookup := func(k string) int8 {
			c := gazAll[k]
			if c == nil {
				return 0
			}
			rest := *c
			if o := own[k]; o != nil {
				for t := range rest {
					rest[t] -= o[t]
				}
			}
			t, n := argmaxType(rest)
			if n <= 0 {
				return 0
			}
			return int8(t + 1)
		}
		gold := goldLabels(gd)
		spans := make([][]gumMention, len(gd.Doc.Sentences))
		// the typer learns from every name, nested ones too ("Chicago" in
		// "the University of Chicago")
		for _, g := range gd.Gold {
			if !taggedMention(gd.Doc, g) {
				continue
			}
			g.Start, g.End = nameSpan(&gd.Doc.Sentences[g.Sentence], g.Start, g.End)
			spans[g.Sentence] = append(spans[g.Sentence], g)
		}
		for si := range gd.Doc.Sentences {
			s := &gd.Doc.Sentences[si]
			docs[di] = append(docs[di], sentEx{s, newSentenceContext(s, lookup), gold[si], spans[si]})
		}
	}
	// The passes are run entityRuns times over different document orders
	// and the weights averaged: a hundred documents leave a single run's
	// figures a few points to the mercy of its order.
	var taggers, typers []*linearModel
	for run := 0; run < entityRuns; run++ {
		p := newPerceptron(labelCount)
		ty := newPerceptron(len(entityTypes))
		tscores := make([]float64, ty.classes)
		rng := rand.New(rand.NewPCG(seed+uint64(run), 0x5eed))
		order := make([]int, len(docs))
		for i := range order {
			order[i] = i
		}
		scores := make([]float64, p.classes)
		var buf []fhash
		for it := 0; it < iterations; it++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			wrong, total := 0, 0
			for _, di := range order {
				for _, ex := range docs[di] {
					p1, p2, spanStart := 0, 0, -1
					for i := range ex.s.Tokens {
						buf = taggerFeatures(ex.s, ex.c, i, p1, p2, spanStart, buf)
						p.scores(buf, scores)
						guess := bestLabel(scores, p1)
						gold := ex.gold[i]
						if gold == labelI && p1 == labelO {
							gold = labelB // history went wrong: restart the name here
						}
						p.tick()
						if guess != gold {
							p.update(buf, gold, 1)
							p.update(buf, guess, -1)
							wrong++
						}
						total++
						// follow the model's own history, so training sees the
						// mistakes reading will make
						p2, p1 = p1, guess
						switch guess {
						case labelO:
							spanStart = -1
						case labelB:
							spanStart = i
						}
					}
					for _, g := range ex.spans {
						buf = typerFeatures(m.lexicon, ex.s, ex.c, g.Start, g.End, spanHead(ex.s, g.Start, g.End), rng.Float64() >= hideNameWords, rng.Float64() >= hidePlaceNames, buf)
						ty.scores(buf, tscores)
						guess := 0
						for k := range tscores {
							if tscores[k] > tscores[guess] {
								guess = k
							}
						}
						gold := typeIndex(g.Type)
						ty.tick()
						if guess != gold {
							ty.update(buf, gold, 1)
							ty.update(buf, guess, -1)
						}
					}
				}
			}
			if log != nil && run == 0 {
				fmt.Fprintf(log, "entities: pass %d: %.2f%% of tokens mislabelled\n", it+1, 100*float64(wrong)/float64(max(total, 1)))
				if len(dev) > 0 {
					m.tagger, m.typer = p.average(1), ty.average(1)
					r := evaluateNamed(m, dev)
					fmt.Fprintf(log, "entities: pass %d: dev named person/place/organization P %.3f R %.3f F1 %.3f\n", it+1, r.P(), r.R(), r.F1())
				}
			}
		}
		taggers = append(taggers, p.average(2))
		typers = append(typers, ty.average(2))
	}
	m.tagger, m.typer = averageModels(taggers), averageModels(typers)
	return m
}

// marshal writes the model: gazetteer and lexicon in sorted order, then the
// tagger's weights.
func (m *EntityModel) marshal() ([]byte, error) {
	var w modelWriter
	w.str("quiztrainer-entities-1")
	w.u32(uint32(len(entityTypes)))
	for _, t := range entityTypes {
		w.str(string(t))
	}
	w.str(string(m.nounDefault))
	keys := make([]string, 0, len(m.gazetteer))
	for k := range m.gazetteer {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.u32(uint32(len(keys)))
	for _, k := range keys {
		w.str(k)
		w.u32(uint32(m.gazetteer[k]))
	}
	keys = keys[:0]
	for k := range m.lexicon {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.u32(uint32(len(keys)))
	for _, k := range keys {
		w.str(k)
		w.u32(uint32(typeIndex(m.lexicon[k])))
	}
	w.model(m.tagger)
	w.model(m.typer)
	return w.bytes()
}

// LoadEntityModel reads a model file written by TrainEntityModel.
func LoadEntityModel(data []byte) (*EntityModel, error) {
	r, err := newModelReader(data)
	if err != nil {
		return nil, fmt.Errorf("nlp: entity model: %w", err)
	}
	if v := r.str(); v != "quiztrainer-entities-1" && r.err == nil {
		return nil, fmt.Errorf("nlp: entity model: unknown version %q", v)
	}
	n := int(r.u32())
	for i := 0; i < n && r.err == nil; i++ {
		if t := r.str(); i >= len(entityTypes) || EntityType(t) != entityTypes[i] {
			return nil, fmt.Errorf("nlp: entity model: type %d is %q, this reader knows other types", i, t)
		}
	}
	m := &EntityModel{nounDefault: EntityType(r.str()), gazetteer: map[string]int8{}, lexicon: map[string]EntityType{}}
	n = int(r.u32())
	for i := 0; i < n && r.err == nil; i++ {
		k := r.str()
		m.gazetteer[k] = int8(r.u32())
	}
	n = int(r.u32())
	for i := 0; i < n && r.err == nil; i++ {
		k := r.str()
		t := int(r.u32())
		if t < len(entityTypes) {
			m.lexicon[k] = entityTypes[t]
		}
	}
	m.tagger = r.model()
	m.typer = r.model()
	if r.err != nil {
		return nil, fmt.Errorf("nlp: entity model: %w", r.err)
	}
	if m.tagger.classes != labelCount || m.typer.classes != len(entityTypes) {
		return nil, fmt.Errorf("nlp: entity model: %d labels and %d types, want %d and %d", m.tagger.classes, m.typer.classes, labelCount, len(entityTypes))
	}
	return m, nil
}

// prf counts matches for precision, recall and F1.
type prf struct{ Found, Gold, Right int }

func (r prf) P() float64  { return ratio(r.Right, r.Found) }
func (r prf) R() float64  { return ratio(r.Right, r.Gold) }
func (r prf) F1() float64 { return ratio(2*r.Right, r.Found+r.Gold) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// namedTarget: the types the named-mention figure is about.
func namedTarget(t EntityType) bool { return t == Person || t == Place || t == Organization }

// evaluateNamed runs the entity stage on each document (with its own tags
// and trees) and scores the named person, place and organization mentions:
// a found mention is right when its span and type are GUM's. Gold names are
// the outermost names (a name inside another name, "Chicago" in
// "University of Chicago", is not counted: the tagger marks names flat).
func evaluateNamed(m *EntityModel, docs []gumDoc) prf {
	return evaluateNamedWith(m, nil, docs)
}

// evaluateNamedWith scores the names after the reference stage too (when
// rm is not nil), which gives a short name its full name's type.
func evaluateNamedWith(m *EntityModel, rm *ReferenceModel, docs []gumDoc) prf {
	var r prf
	type key struct {
		s, a, b int
		t       EntityType
	}
	for _, gd := range docs {
		gold := map[key]bool{}
		for _, g := range outermostNamed(gd) {
			if namedTarget(g.Type) {
				gold[key{g.Sentence, g.Start, g.End, g.Type}] = true
			}
		}
		r.Gold += len(gold)
		doc := *gd.input()
		m.Entities(&doc)
		if rm != nil {
			rm.References(&doc)
		}
		for _, x := range doc.Mentions {
			if x.Named && namedTarget(x.Type) {
				r.Found++
				if gold[key{x.Sentence, x.Start, x.End, x.Type}] {
					r.Right++
				}
			}
		}
	}
	return r
}

// outermostNamed are GUM's mentions with a proper-noun head that lie in no
// other such mention.
func outermostNamed(gd gumDoc) []gumMention {
	return outermost(gd, func(g gumMention) bool {
		s := &gd.Doc.Sentences[g.Sentence]
		return s.Tokens[spanHead(s, g.Start, g.End)].UPOS == "PROPN"
	})
}
