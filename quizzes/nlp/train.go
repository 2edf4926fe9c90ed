package nlp

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
)

// TrainConfig says what the models learn from and how long.
type TrainConfig struct {
	Dir       string   // the treebank folder (TreebankDir from the repository root)
	Treebanks []string // which treebanks' train splits to learn from
	// Limit keeps only the first Limit training sentences of each treebank
	// (0: all), for quick experiments and the determinism test.
	Limit        int
	TaggerEpochs int
	// JackknifeEpochs are the passes of the fold taggers that tag the
	// parser's training sentences (0: TaggerEpochs).
	JackknifeEpochs int
	ParserEpochs    int
	// ParserRuns is the number of parser training runs, over the
	// sentences in different orders, whose weights are averaged into the
	// parser (0 or 1: one run).
	ParserRuns int
	// ParserBeam is the beam the parser trains with (0 or 1: greedy, with
	// the dynamic oracle); the analysis reads with parseBeam (ReadBeam).
	ParserBeam int
	// Folds is the number of jackknife folds used to give the parser's
	// training sentences predicted tags, as it will see them; 0 or 1 trains
	// it on gold tags.
	Folds int
	Seed  uint64
	// PruneTagger and PruneParser drop the weights smaller than this (in
	// the stored 16-bit units, where the largest weight is 32767) and the
	// features left with none: on EWT dev, 400 halves the parser's move
	// model for 0.2 UAS (docs/NLP.md).
	PruneTagger, PruneParser int16
	// Entities also trains the entity and reference models (on GUM).
	Entities bool
	// OnlyEntities trains the entity and reference models alone: they
	// read GUM's own tags and trees, so they come out the same as in a
	// full run.
	OnlyEntities bool
	Logf         func(format string, args ...any) // progress, may be nil
	// AfterParserEpoch, when not nil, is given the model files after each
	// parser pass but the last (tagger, lexicon and that pass's parser,
	// pruned as committed), so that a run can be scored on dev as it goes.
	// A pass's files are those a run of that many passes writes.
	AfterParserEpoch func(epoch int, files []ModelFile)
}

// DefaultTrainConfig is the configuration the committed models are built
// with.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{Dir: TreebankDir, Treebanks: []string{"ewt", "gum"}, TaggerEpochs: 8, JackknifeEpochs: 6, ParserEpochs: 12, ParserBeam: trainBeam, Folds: 4, Seed: 1, PruneTagger: 100, PruneParser: 400, Entities: true}
}

// ModelFile is one trained model file, as committed under models/.
type ModelFile struct {
	Name string
	Data []byte
}

// Train builds every model file from the training treebanks, the same
// bytes for the same data and configuration. Each model has its own
// function, run in this order: tagger, lexicon, parser, entities,
// references.
func Train(cfg TrainConfig) ([]ModelFile, error) {
	train, err := trainingSentences(cfg)
	if err != nil {
		return nil, err
	}
	steps := []func(TrainConfig, [][]Token, []ModelFile) ([]ModelFile, error){
		trainTaggerFiles,
		trainLexiconFiles,
		trainParserFiles,
	}
	if cfg.Entities {
		steps = append(steps, trainEntityFiles, trainReferenceFiles)
	}
	if cfg.OnlyEntities {
		steps = steps[:0]
		steps = append(steps, trainEntityFiles, trainReferenceFiles)
	}
	var files []ModelFile
	for _, step := range steps {
		out, err := step(cfg, train, files)
		if err != nil {
			return nil, err
		}
		files = append(files, out...)
	}
	return files, nil
}

// trainingSentences reads the train splits, gold tokens and annotation.
func trainingSentences(cfg TrainConfig) ([][]Token, error) {
	var out [][]Token
	for _, tb := range cfg.Treebanks {
		sents, err := ReadTreebank(cfg.Dir, tb, "train")
		if err != nil {
			return nil, err
		}
		if cfg.Limit > 0 && len(sents) > cfg.Limit {
			sents = sents[:cfg.Limit]
		}
		for _, s := range DocumentFromConllu(sents).Sentences {
			out = append(out, s.Tokens)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("nlp: no training sentences in %s", cfg.Dir)
	}
	return out, nil
}

func trainTaggerFiles(cfg TrainConfig, train [][]Token, _ []ModelFile) ([]ModelFile, error) {
	m, dict := trainTagger(train, cfg.TaggerEpochs, cfg.Seed, cfg.Logf)
	m = m.pruned(cfg.PruneTagger)
	data, err := gzipModel(m.writeTo)
	if err != nil {
		return nil, err
	}
	dd, err := gzipModel(dict.writeTo)
	return []ModelFile{{taggerFile, data}, {tagDictFile, dd}}, err
}

func trainLexiconFiles(cfg TrainConfig, train [][]Token, _ []ModelFile) ([]ModelFile, error) {
	data, err := gzipModel(trainLexicon(train).writeTo)
	return []ModelFile{{lexiconFile, data}}, err
}

// trainParserFiles trains the parser on predicted tags: with k folds, each
// fold is tagged by a tagger trained on the others (jackknifing), so the
// parser learns from the tagger's kind of mistakes.
func trainParserFiles(cfg TrainConfig, train [][]Token, done []ModelFile) ([]ModelFile, error) {
	tagged := make([][]Token, len(train))
	for i, toks := range train {
		tagged[i] = slices.Clone(toks)
	}
	if cfg.Folds > 1 {
		for f := 0; f < cfg.Folds; f++ {
			var rest [][]Token
			for i, toks := range train {
				if i%cfg.Folds != f {
					rest = append(rest, toks)
				}
			}
			if cfg.Logf != nil {
				cfg.Logf("jackknife fold %d/%d", f+1, cfg.Folds)
			}
			epochs := cfg.JackknifeEpochs
			if epochs == 0 {
				epochs = cfg.TaggerEpochs
			}
			t := newTagger(trainTagger(rest, epochs, cfg.Seed+uint64(f)+1, nil))
			lex := trainLexicon(rest)
			for i := range tagged {
				if i%cfg.Folds == f {
					t.tag(tagged[i])
					lex.annotate(tagged[i])
				}
			}
		}
	}
	labels := relationLabels(train)
	var after func(int, *classifier, *classifier)
	if cfg.AfterParserEpoch != nil {
		after = func(epoch int, moves, rels *classifier) {
			files, err := parserFiles(cfg, moves, rels)
			if err == nil {
				cfg.AfterParserEpoch(epoch, append(slices.Clone(done), files...))
			}
		}
	}
	moves, rels := trainParser(tagged, labels, cfg.ParserEpochs, cfg.ParserRuns, cfg.ParserBeam, cfg.Seed, cfg.Logf, after)
	return parserFiles(cfg, moves, rels)
}

// parserFiles prunes and writes the move and label models.
func parserFiles(cfg TrainConfig, moves, rels *classifier) ([]ModelFile, error) {
	moves, rels = moves.pruned(cfg.PruneParser), rels.pruned(cfg.PruneParser)
	md, err := gzipModel(moves.writeTo)
	if err != nil {
		return nil, err
	}
	ld, err := gzipModel(rels.writeTo)
	return []ModelFile{{parserMovesFile, md}, {parserLabelsFile, ld}}, err
}

// trainEntityFiles trains the entity model on GUM (DefaultEntityTraining).
func trainEntityFiles(cfg TrainConfig, _ [][]Token, _ []ModelFile) ([]ModelFile, error) {
	if cfg.Logf != nil {
		cfg.Logf("entity model")
	}
	data, err := TrainEntityModel(DefaultEntityTraining(cfg.Dir))
	return []ModelFile{{entityFile, data}}, err
}

// trainReferenceFiles trains the reference model over the mentions of the
// entity model just trained (DefaultReferenceTraining).
func trainReferenceFiles(cfg TrainConfig, _ [][]Token, done []ModelFile) ([]ModelFile, error) {
	var entities []byte
	for _, f := range done {
		if f.Name == entityFile {
			entities = f.Data
		}
	}
	if entities == nil {
		return nil, fmt.Errorf("nlp: the reference model needs the entity model trained first")
	}
	if cfg.Logf != nil {
		cfg.Logf("reference model")
	}
	data, err := TrainReferenceModel(DefaultReferenceTraining(cfg.Dir, entities))
	return []ModelFile{{referenceFile, data}}, err
}

// relationLabels are the relations of the training trees, sorted.
func relationLabels(sents [][]Token) []string {
	seen := map[string]bool{"root": true}
	out := []string{"root"}
	for _, toks := range sents {
		for _, t := range toks {
			if !seen[t.Rel] {
				seen[t.Rel] = true
				out = append(out, t.Rel)
			}
		}
	}
	slices.Sort(out)
	return out
}

func gzipModel(write func(w io.Writer) error) ([]byte, error) {
	var raw bytes.Buffer
	if err := write(&raw); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	gz, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
	if _, err := gz.Write(raw.Bytes()); err != nil {
		return nil, err
	}
	if err := gz.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// ReadBeam is the beam a parser trained with c is read with: the
// analysis's own (parseBeam) for the default training beam, otherwise the
// beam it was trained with.
func (c TrainConfig) ReadBeam() int {
	if c.ParserBeam == trainBeam {
		return parseBeam
	}
	return max(c.ParserBeam, 1)
}

// SetParserBeam makes a's parser keep k move sequences (1: greedy): a
// parser trained with a beam (TrainConfig.ParserBeam) is scored with it.
func (a *Analyzer) SetParserBeam(k int) {
	p := *a.parser
	p.beam = k
	a.parser = &p
}

// AnalyzerFrom builds an Analyzer from freshly trained model files, so a
// training run can be measured before it is committed.
func AnalyzerFrom(files []ModelFile) (*Analyzer, error) {
	return newAnalyzer(func(name string) ([]byte, error) {
		for _, f := range files {
			if f.Name == name {
				return f.Data, nil
			}
		}
		return nil, fmt.Errorf("not trained")
	})
}
