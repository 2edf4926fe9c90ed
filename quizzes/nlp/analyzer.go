package nlp

import (
	"bytes"
	"compress/gzip"
	"embed"
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
	tagger  *tagger
	lexicon *lexicon
	parser  *parser
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
	read := func(name string) (io.Reader, error) {
		b, err := open(name)
		if err != nil {
			return nil, fmt.Errorf("nlp: model %s: %w (rebuild with go run ./cmd/nlptrain)", name, err)
		}
		gz, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("nlp: model %s: %w", name, err)
		}
		raw, err := io.ReadAll(gz)
		if err != nil {
			return nil, fmt.Errorf("nlp: model %s: %w", name, err)
		}
		return bytes.NewReader(raw), nil
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
	tm, err := linear(taggerFile)
	if err != nil {
		return nil, err
	}
	mm, err := linear(parserMovesFile)
	if err != nil {
		return nil, err
	}
	lm, err := linear(parserLabelsFile)
	if err != nil {
		return nil, err
	}
	r, err := read(tagDictFile)
	if err != nil {
		return nil, err
	}
	dict, err := readTagDict(r)
	if err != nil {
		return nil, fmt.Errorf("nlp: model %s: %w", tagDictFile, err)
	}
	r, err = read(lexiconFile)
	if err != nil {
		return nil, err
	}
	lex, err := readLexicon(r)
	if err != nil {
		return nil, fmt.Errorf("nlp: model %s: %w", lexiconFile, err)
	}
	return &Analyzer{tagger: newTagger(tm, dict), lexicon: lex, parser: newParser(mm, lm)}, nil
}

// Read analyses raw text: segment -> tag -> lemmas and features -> parse
// -> entities -> references.
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
		a.lexicon.annotate(toks)
		a.parser.parse(toks)
	}
	a.findEntities(d)
	a.resolveReferences(d)
}
