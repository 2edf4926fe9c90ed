package nlp

import (
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"strings"
)

// ReferenceTraining says what the pronoun ranker is trained on.
type ReferenceTraining struct {
	Train, Dev string // GUM CoNLL-U files
	Entities   []byte // the entity model file whose mentions are linked
	Iterations int
	Seed       uint64
	Log        io.Writer
}

// TrainReferenceModel trains the pronoun ranker and the gender lexicon on
// GUM's training documents, over the mentions the entity model finds in
// them, and returns the model file. The same data and seed give the same
// bytes.
func TrainReferenceModel(cfg ReferenceTraining) ([]byte, error) {
	em, err := LoadEntityModel(cfg.Entities)
	if err != nil {
		return nil, err
	}
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
	m := trainReferenceModel(em, train, dev, cfg.Iterations, cfg.Seed, cfg.Log)
	return m.marshal()
}

// goldGroups gives each found mention the GUM group of the gold mention
// with the same head token ("" when GUM marks none there). Where several
// gold mentions share a head, the longest (outermost) wins.
func goldGroups(gd gumDoc, doc *Document) []string {
	type at struct{ s, h int }
	byHead := map[at]string{}
	for _, g := range gd.Gold {
		s := &gd.Doc.Sentences[g.Sentence]
		k := at{g.Sentence, spanHead(s, g.Start, g.End)}
		if _, ok := byHead[k]; !ok {
			byHead[k] = g.Group
		}
	}
	out := make([]string, len(doc.Mentions))
	for i, x := range doc.Mentions {
		out[i] = byHead[at{x.Sentence, x.Head}]
	}
	return out
}

// learnGenders counts, for each GUM entity referred to by he or she, the
// first words of its person names and the lemmas of its nouns.
func learnGenders(train []gumDoc) map[string]byte {
	counts := map[string]*[2]int{}
	for _, gd := range train {
		g := map[string]int{} // group -> +1 per he, -1 per she
		for _, x := range gd.Gold {
			if x.End != x.Start+1 {
				continue
			}
			switch thirdPerson[strings.ToLower(gd.Doc.Sentences[x.Sentence].Tokens[x.Start].Text)] {
			case "he":
				g[x.Group]++
			case "she":
				g[x.Group]--
			}
		}
		for _, x := range gd.Gold {
			v := g[x.Group]
			if v == 0 {
				continue
			}
			s := &gd.Doc.Sentences[x.Sentence]
			h := &s.Tokens[spanHead(s, x.Start, x.End)]
			var key string
			switch h.UPOS {
			case "PROPN":
				if x.Type != Person {
					continue
				}
				key = strings.ToLower(tokenForm(&s.Tokens[x.Start]))
			case "NOUN":
				key = strings.ToLower(h.Lemma)
			default:
				continue
			}
			if counts[key] == nil {
				counts[key] = &[2]int{}
			}
			if v > 0 {
				counts[key][0]++
			} else {
				counts[key][1]++
			}
		}
	}
	out := map[string]byte{}
	for k, c := range counts {
		switch {
		case c[0] >= 2 && c[1] == 0, c[0] >= 4*c[1] && c[0] >= 4:
			out[k] = 'm'
		case c[1] >= 2 && c[0] == 0, c[1] >= 4*c[0] && c[1] >= 4:
			out[k] = 'f'
		}
	}
	return out
}

type refExample struct {
	doc   *Document
	group []string
	named map[string]bool // GUM groups that hold a name
}

func referenceExamples(em *EntityModel, docs []gumDoc) []refExample {
	out := make([]refExample, len(docs))
	for i, gd := range docs {
		d := *gd.input()
		em.Entities(&d)
		named := map[string]bool{}
		for _, g := range gd.Gold {
			s := &gd.Doc.Sentences[g.Sentence]
			if s.Tokens[spanHead(s, g.Start, g.End)].UPOS == "PROPN" {
				named[g.Group] = true
			}
		}
		out[i] = refExample{&d, goldGroups(gd, &d), named}
	}
	return out
}

func trainReferenceModel(em *EntityModel, train, dev []gumDoc, iterations int, seed uint64, log io.Writer) *ReferenceModel {
	m := &ReferenceModel{genders: learnGenders(train)}
	exs := referenceExamples(em, train)
	var devEx []refExample
	if log != nil && len(dev) > 0 {
		devEx = referenceExamples(em, dev)
	}
	p := newPerceptron(1)
	rng := rand.New(rand.NewPCG(seed, 0x7e75))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	score := make([]float64, 1)
	var buf, bestBuf, goldBuf []fhash
	var cands []int
	for it := 0; it < iterations; it++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, di := range order {
			ex := exs[di]
			doc := ex.doc
			info := m.describe(doc)
			r := newResolution(doc)
			pronoun := func(i int) int {
				cands = unbound(doc, info, r, i, pronounCandidates(doc, i, cands))
				mine := ex.group[i]
				best, gold := -1, -1
				buf = nullFeatures(doc, info, i, buf)
				p.scores(buf, score)
				bestScore, goldScore := score[0], score[0]
				bestBuf = append(bestBuf[:0], buf...)
				goldBuf = append(goldBuf[:0], buf...)
				hasGold := false
				for _, c := range cands {
					buf = pairFeatures(doc, info, r, i, c, buf)
					p.scores(buf, score)
					if score[0] > bestScore {
						best, bestScore = c, score[0]
						bestBuf = append(bestBuf[:0], buf...)
					}
					if mine != "" && ex.group[c] == mine && (!hasGold || score[0] > goldScore) {
						hasGold, gold, goldScore = true, c, score[0]
						goldBuf = append(goldBuf[:0], buf...)
					}
				}
				if !hasGold { // no antecedent among the candidates: null is right
					gold = -1
					buf = nullFeatures(doc, info, i, buf)
					goldBuf = append(goldBuf[:0], buf...)
				}
				p.tick()
				total++
				if best != gold && (best < 0 || gold < 0 || ex.group[best] != mine) {
					p.update(goldBuf, 0, 1)
					p.update(bestBuf, 0, -1)
				} else {
					right++
				}
				return best
			}
			resolve(doc, info, r, pronoun)
		}
		if log != nil {
			fmt.Fprintf(log, "references: pass %d: %.1f%% of pronouns resolved right in training\n", it+1, 100*ratio(right, total))
			if len(devEx) > 0 {
				m.ranker = p.average(1)
				s := evaluateReferences(m, devEx)
				fmt.Fprintf(log, "references: pass %d: dev %s\n", it+1, s)
			}
		}
	}
	m.ranker = p.average(1)
	return m
}

func (m *ReferenceModel) marshal() ([]byte, error) {
	var w modelWriter
	w.str("quiztrainer-references-1")
	keys := sortedKeys(m.genders)
	w.u32(uint32(len(keys)))
	for _, k := range keys {
		w.str(k)
		w.u32(uint32(m.genders[k]))
	}
	w.model(m.ranker)
	return w.bytes()
}

// LoadReferenceModel reads a model file written by TrainReferenceModel.
func LoadReferenceModel(data []byte) (*ReferenceModel, error) {
	r, err := newModelReader(data)
	if err != nil {
		return nil, fmt.Errorf("nlp: reference model: %w", err)
	}
	if v := r.str(); v != "quiztrainer-references-1" && r.err == nil {
		return nil, fmt.Errorf("nlp: reference model: unknown version %q", v)
	}
	m := &ReferenceModel{genders: map[string]byte{}}
	n := int(r.u32())
	for i := 0; i < n && r.err == nil; i++ {
		k := r.str()
		m.genders[k] = byte(r.u32())
	}
	m.ranker = r.model()
	if r.err != nil {
		return nil, fmt.Errorf("nlp: reference model: %w", r.err)
	}
	if m.ranker.classes != 1 {
		return nil, fmt.Errorf("nlp: reference model: %d classes, want 1", m.ranker.classes)
	}
	return m, nil
}

// referenceScore holds the reference figures on a set of documents.
type referenceScore struct {
	// Pronouns: third-person pronouns whose GUM chain holds a name;
	// PronounsRight: those whose nearest earlier mention in their found
	// chain is in their GUM chain.
	Pronouns, PronounsRight int
	// Unnamed, UnnamedRight: the same for third-person pronouns whose GUM
	// chain holds no name ("the wolf ... he") but an earlier mention the
	// entity stage found.
	Unnamed, UnnamedRight int
	MUC, B3               prf3
}

// prf3 sums precision and recall numerators and denominators.
type prf3 struct{ PNum, PDen, RNum, RDen float64 }

func (x prf3) P() float64 { return x.PNum / max(x.PDen, 1e-9) }
func (x prf3) R() float64 { return x.RNum / max(x.RDen, 1e-9) }
func (x prf3) F1() float64 {
	p, r := x.P(), x.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s referenceScore) Accuracy() float64 { return ratio(s.PronounsRight, s.Pronouns) }

func (s referenceScore) String() string {
	return fmt.Sprintf("pronouns %.3f (%d/%d), in unnamed chains %.3f (%d/%d), MUC P %.3f R %.3f F1 %.3f, B3 P %.3f R %.3f F1 %.3f",
		s.Accuracy(), s.PronounsRight, s.Pronouns, ratio(s.UnnamedRight, s.Unnamed), s.UnnamedRight, s.Unnamed, s.MUC.P(), s.MUC.R(), s.MUC.F1(), s.B3.P(), s.B3.R(), s.B3.F1())
}

// evaluateReferences runs the reference stage on documents whose mentions
// are already found, and scores it against GUM's groups. Mentions are
// matched by sentence and head token; a gold mention that was not found
// counts as a singleton on the found side and the other way round.
func evaluateReferences(m *ReferenceModel, exs []refExample) referenceScore {
	var s referenceScore
	for _, ex := range exs {
		doc := *ex.doc
		doc.Mentions = append([]Mention(nil), ex.doc.Mentions...)
		doc.Chains = nil
		m.References(&doc)
		s.add(&doc, ex.group, ex.named)
	}
	return s
}

func (s *referenceScore) add(doc *Document, group []string, namedGroup map[string]bool) {
	for i := range doc.Mentions {
		x := &doc.Mentions[i]
		if !x.Pronoun || group[i] == "" {
			continue
		}
		if thirdPerson[strings.ToLower(tokenForm(&doc.Sentences[x.Sentence].Tokens[x.Head]))] == "" {
			continue
		}
		right := false
		if x.Chain >= 0 {
			ante := -1
			for _, k := range doc.Chains[x.Chain].Mentions {
				if k < i {
					ante = k
				}
			}
			right = ante >= 0 && group[ante] == group[i]
		}
		if namedGroup[group[i]] {
			s.Pronouns++
			if right {
				s.PronounsRight++
			}
			continue
		}
		if slices.Contains(group[:i], group[i]) {
			s.Unnamed++
			if right {
				s.UnnamedRight++
			}
		}
	}
	// MUC and B3 over the found mentions that GUM also marks.
	key := map[string][]int{}
	resp := map[int][]int{}
	var both []int
	for i, g := range group {
		if g == "" {
			continue
		}
		both = append(both, i)
		key[g] = append(key[g], i)
		if c := doc.Mentions[i].Chain; c >= 0 {
			resp[c] = append(resp[c], i)
		}
	}
	respOf := func(i int) int {
		if c := doc.Mentions[i].Chain; c >= 0 {
			return c
		}
		return -1 - i
	}
	// MUC recall: for each key chain, |K| - partitions of K by response.
	for _, g := range sortedKeys(key) {
		k := key[g]
		parts := map[int]bool{}
		for _, i := range k {
			parts[respOf(i)] = true
		}
		s.MUC.RNum += float64(len(k) - len(parts))
		s.MUC.RDen += float64(len(k) - 1)
	}
	for _, r := range resp {
		parts := map[string]bool{}
		for _, i := range r {
			parts[group[i]] = true
		}
		s.MUC.PNum += float64(len(r) - len(parts))
		s.MUC.PDen += float64(len(r) - 1)
	}
	// B3: per mention, overlap of its key and response sets.
	for _, i := range both {
		k := key[group[i]]
		var r []int
		if c := doc.Mentions[i].Chain; c >= 0 {
			r = resp[c]
		} else {
			r = []int{i}
		}
		overlap := 0
		for _, a := range r {
			if group[a] == group[i] {
				overlap++
			}
		}
		s.B3.RNum += float64(overlap) / float64(len(k))
		s.B3.RDen++
		s.B3.PNum += float64(overlap) / float64(len(r))
		s.B3.PDen++
	}
}
