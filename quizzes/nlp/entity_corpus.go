package nlp

import "fmt"

// gumDoc is one GUM document: its tokens, tags and tree as a Document, and
// the entity mentions its annotators marked.
type gumDoc struct {
	ID   string
	Doc  *Document
	Gold []gumMention
	// Read is the analysis's own reading of the same tokens (its tags,
	// lemmas and trees), nil to run the stages on the treebank's. The gold
	// side of a measure always reads Doc.
	Read *Document
}

// input is a copy of the Document the stages run on, without mentions.
func (gd gumDoc) input() *Document {
	src := gd.Doc
	if gd.Read != nil {
		src = gd.Read
	}
	d := *src
	d.Mentions, d.Chains = nil, nil
	return &d
}

// readGUMFile reads a (gzipped) GUM CoNLL-U file and splits it into its
// documents (each starts at "# newdoc id = ...").
func readGUMFile(path string) ([]gumDoc, error) {
	sents, err := ReadConlluFile(path)
	if err != nil {
		return nil, err
	}
	var docs []gumDoc
	start := 0
	flush := func(end int) error {
		if end <= start {
			return nil
		}
		part := sents[start:end]
		id, _ := part[0].Comment("newdoc id")
		misc := make([][]string, len(part))
		for i := range part {
			for _, w := range part[i].Words {
				misc[i] = append(misc[i], w.Misc)
			}
		}
		gold, err := parseGUMEntities(misc)
		if err != nil {
			return fmt.Errorf("nlp: %s: document %s: %w", path, id, err)
		}
		docs = append(docs, gumDoc{ID: id, Doc: DocumentFromConllu(part), Gold: gold})
		start = end
		return nil
	}
	for i := range sents {
		if _, ok := sents[i].Comment("newdoc id"); ok {
			if err := flush(i); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(len(sents)); err != nil {
		return nil, err
	}
	return docs, nil
}
