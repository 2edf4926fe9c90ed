package nlp

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

//go:embed models/*.gz
var modelFiles embed.FS

// Model file names under models/.
const (
	taggerFile       = "tagger.qlm.gz"
	tagDictFile      = "tagdict.tsv.gz"
	lexiconFile      = "lexicon.tsv.gz"
	parserMovesFile  = "parser-moves.qlm.gz"
	parserLabelsFile = "parser-labels.qlm.gz"
)

// Analyzer reads English text with the trained models. It is safe for
// concurrent use.
type Analyzer struct {
	tagger     *tagger
	lexicon    *lexicon
	parser     *parser
	entities   *EntityModel
	references *ReferenceModel
}

var (
	loadOnce sync.Once
	loaded   *Analyzer
	loadErr  error
)

// Load returns the Analyzer of the embedded models, reading them the first
// time it is called.
func Load() (*Analyzer, error) {
	loadOnce.Do(func() {
		loaded, loadErr = newAnalyzer(func(name string) ([]byte, error) {
			return modelFiles.ReadFile("models/" + name)
		})
	})
	return loaded, loadErr
}

// newAnalyzer builds an Analyzer from model files (gzipped) read by open.
func newAnalyzer(open func(name string) ([]byte, error)) (*Analyzer, error) {
	read := func(name string) ([]byte, error) {
		b, err := open(name)
		if err != nil {
			return nil, fmt.Errorf("nlp: model %s: %w (rebuild with go run ./cmd/nlptrain)", name, err)
		}
		raw, err := gunzip(b)
		if err != nil {
			return nil, fmt.Errorf("nlp: model %s: %w", name, err)
		}
		return raw, nil
	}
	linear := func(name string) (*classifier, error) {
		r, err := read(name)
		if err != nil {
			return nil, err
		}
		m, err := readClassifier(r)
		if err != nil {
			return nil, fmt.Errorf("nlp: model %s: %w", name, err)
		}
		return m, nil
	}
	// The three classifiers are read side by side: unpacking the parser's
	// move model is most of the load time.
	names := []string{taggerFile, parserMovesFile, parserLabelsFile}
	models := make([]*classifier, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { models[i], errs[i] = linear(name) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	tm, mm, lm := models[0], models[1], models[2]
	r, err := read(tagDictFile)
	if err != nil {
		return nil, err
	}
	dict, err := readTagDict(bytes.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("nlp: model %s: %w", tagDictFile, err)
	}
	r, err = read(lexiconFile)
	if err != nil {
		return nil, err
	}
	lex, err := readLexicon(bytes.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("nlp: model %s: %w", lexiconFile, err)
	}
	a := &Analyzer{tagger: newTagger(tm, dict), lexicon: lex, parser: newParser(mm, lm)}
	a.parser.beam = parseBeam
	if err := a.loadEntityStages(open); err != nil {
		return nil, err
	}
	return a, nil
}

// Read analyses raw text: segment -> tag -> lemmas and features -> parse
// (and the verb forms the tree decides) -> entities -> references.
func (a *Analyzer) Read(text string) *Document {
	d := Segment(text)
	a.Annotate(d)
	return d
}

// Annotate runs every stage after segmentation on a Document whose
// paragraphs, sentences and tokens are already set (as `analyze
// --tokenized` gives them), replacing what the stages own.
func (a *Analyzer) Annotate(d *Document) {
	for i := range d.Sentences {
		toks := d.Sentences[i].Tokens
		a.tagger.tag(toks)
		groupPlurals(toks)
		a.lexicon.annotate(toks)
		a.parser.parse(toks)
		verbForms(toks)
	}
	a.findEntities(d)
	a.resolveReferences(d)
}

// gunzip decompresses a model file into a buffer of the size its gzip
// trailer gives, so a large model is not copied while it grows.
func gunzip(b []byte) ([]byte, error) {
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	size := 0
	if len(b) >= 4 {
		size = int(binary.LittleEndian.Uint32(b[len(b)-4:]))
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(size, 1<<30)+1))
	if _, err := io.Copy(buf, gz); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
