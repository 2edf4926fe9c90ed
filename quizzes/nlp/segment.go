package nlp

// Segment splits text into paragraphs, sentences and tokens, every one
// with byte offsets into text. It needs no model: paragraphs come from the
// layout (paragraphs.go), tokens from UD English's tokenization rules
// (tokenize.go) and sentences from end punctuation (sentences.go).
func Segment(text string) *Document {
	d := &Document{Text: text}
	for _, p := range findParagraphs(text) {
		toks := tokenizeLines(text, p.lines)
		if len(toks) == 0 {
			continue
		}
		pi := len(d.Paragraphs)
		para := Paragraph{Start: toks[0].Start, End: toks[len(toks)-1].End, Kind: p.kind, FirstSentence: len(d.Sentences)}
		for _, s := range splitSentences(toks, p.kind) {
			d.Sentences = append(d.Sentences, Sentence{Start: s[0].Start, End: s[len(s)-1].End, Paragraph: pi, Tokens: s})
		}
		para.EndSentence = len(d.Sentences)
		d.Paragraphs = append(d.Paragraphs, para)
	}
	return d
}
