package nlp

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// DocumentFromConllu builds the Document a CoNLL-U file describes: the text
// is rebuilt from the word forms and SpaceAfter (sentences joined by a space,
// a paragraph break "\n\n" before each "# newpar"), and every token keeps
// the file's tags, lemma, features, head and relation. This is how
// `analyze --tokenized` keeps a given tokenization, and how the treebanks
// are read for training and measuring.
func DocumentFromConllu(sents []ConlluSentence) *Document {
	d := &Document{}
	var b strings.Builder
	para := -1
	for si := range sents {
		s := &sents[si]
		_, newpar := s.Comment("newpar")
		if _, ok := s.Comment("newpar id"); ok {
			newpar = true
		}
		if para < 0 || newpar {
			if para >= 0 {
				d.Paragraphs[para].End = d.Sentences[len(d.Sentences)-1].End
				d.Paragraphs[para].EndSentence = len(d.Sentences)
				b.WriteString("\n\n")
			}
			d.Paragraphs = append(d.Paragraphs, Paragraph{Start: b.Len(), Kind: Prose, FirstSentence: len(d.Sentences)})
			para++
		} else if b.Len() > 0 {
			b.WriteByte(' ')
		}
		sent := Sentence{Start: b.Len(), Paragraph: para, Tokens: make([]Token, len(s.Words))}
		writeConlluTokens(&b, s, sent.Tokens)
		sent.End = b.Len()
		d.Sentences = append(d.Sentences, sent)
	}
	if para >= 0 {
		d.Paragraphs[para].End = b.Len()
		d.Paragraphs[para].EndSentence = len(d.Sentences)
	}
	d.Text = b.String()
	for si := range d.Sentences {
		for ti := range d.Sentences[si].Tokens {
			t := &d.Sentences[si].Tokens[ti]
			t.Text = d.Text[t.Start:t.End]
		}
	}
	return d
}

// writeConlluTokens appends a sentence's surface text to b and fills toks
// with the words, their offsets and the file's annotation.
func writeConlluTokens(b *strings.Builder, s *ConlluSentence, toks []Token) {
	mw := map[int]ConlluMultiword{}
	for _, m := range s.Multiwords {
		mw[m.First] = m
	}
	for i := 0; i < len(s.Words); {
		w := s.Words[i]
		if m, ok := mw[w.ID]; ok && m.Last <= len(s.Words) {
			// One surface token split into words: give each word its own
			// bytes when the forms spell the surface ("do"+"n't"), else the
			// first word takes the whole token and the rest sit empty at
			// its end.
			start := b.Len()
			b.WriteString(m.Form)
			var concat strings.Builder
			for j := m.First; j <= m.Last; j++ {
				concat.WriteString(s.Words[j-1].Form)
			}
			off := start
			for j := m.First; j <= m.Last; j++ {
				t := &toks[j-1]
				conlluAnnotation(t, &s.Words[j-1])
				if concat.String() == m.Form {
					t.Start, t.End = off, off+len(s.Words[j-1].Form)
					off = t.End
				} else if j == m.First {
					t.Start, t.End = start, b.Len()
				} else {
					t.Start, t.End = b.Len(), b.Len()
				}
				t.SpaceAfter = false
			}
			last := &toks[m.Last-1]
			last.SpaceAfter = MiscValue(m.Misc, "SpaceAfter") != "No" && m.Last < len(s.Words)
			if last.SpaceAfter {
				b.WriteByte(' ')
			}
			i = m.Last
			continue
		}
		t := &toks[i]
		conlluAnnotation(t, &w)
		t.Start = b.Len()
		b.WriteString(w.Form)
		t.End = b.Len()
		t.SpaceAfter = MiscValue(w.Misc, "SpaceAfter") != "No" && i+1 < len(s.Words)
		if t.SpaceAfter {
			b.WriteByte(' ')
		}
		i++
	}
}

func conlluAnnotation(t *Token, w *ConlluWord) {
	t.Form = plainForm(w.Form)
	t.UPOS, t.XPOS, t.Lemma = blank(w.UPOS), blank(w.XPOS), blank(w.Lemma)
	t.Feats = ParseFeatures(w.Feats)
	t.Head = w.Head - 1
	t.Rel = blank(w.Deprel)
}

func blank(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

// ParseFeatures reads the features the Document keeps from a FEATS column
// ("Mood=Ind|Number=Sing|..."); the others are dropped.
func ParseFeatures(feats string) Features {
	var f Features
	for _, item := range strings.Split(feats, "|") {
		k, v, _ := strings.Cut(item, "=")
		if p := f.field(k); p != nil {
			*p = v
		}
	}
	return f
}

func (f *Features) field(name string) *string {
	switch name {
	case "Degree":
		return &f.Degree
	case "Gender":
		return &f.Gender
	case "Mood":
		return &f.Mood
	case "Number":
		return &f.Number
	case "Person":
		return &f.Person
	case "Polarity":
		return &f.Polarity
	case "PronType":
		return &f.PronType
	case "Tense":
		return &f.Tense
	case "VerbForm":
		return &f.VerbForm
	}
	return nil
}

// featureNames are the Features fields in CoNLL-U's order (alphabetical).
var featureNames = []string{"Degree", "Gender", "Mood", "Number", "Person", "Polarity", "PronType", "Tense", "VerbForm"}

// String writes the features as a FEATS column, "_" when none is marked.
func (f Features) String() string {
	var parts []string
	for _, name := range featureNames {
		if v := *f.field(name); v != "" {
			parts = append(parts, name+"="+v)
		}
	}
	if len(parts) == 0 {
		return "_"
	}
	return strings.Join(parts, "|")
}

// WriteConllu prints the Document as CoNLL-U: a "# newpar" before each
// paragraph, "# sent_id" and "# text" before each sentence, columns 1-8
// filled from the analysis, column 9 empty and column 10 holding the entity
// brackets (see entityMisc) and SpaceAfter=No.
func WriteConllu(w io.Writer, d *Document) error {
	ents := entityMisc(d)
	bw := &errWriter{w: w}
	for si := range d.Sentences {
		s := &d.Sentences[si]
		if p := s.Paragraph; p >= 0 && p < len(d.Paragraphs) && d.Paragraphs[p].FirstSentence == si {
			bw.printf("# newpar\n")
		}
		bw.printf("# sent_id = %d\n# text = %s\n", si+1, oneLine(d.Text[s.Start:s.End]))
		for ti := range s.Tokens {
			t := &s.Tokens[ti]
			var misc []string
			if si < len(ents) && ti < len(ents[si]) && ents[si][ti] != "" {
				misc = append(misc, ents[si][ti])
			}
			if !t.SpaceAfter && ti+1 < len(s.Tokens) {
				misc = append(misc, "SpaceAfter=No")
			}
			bw.printf("%d\t%s\t%s\t%s\t%s\t%s\t%d\t%s\t_\t%s\n",
				ti+1, column(conlluForm(t)), column(t.Lemma), column(t.UPOS), column(t.XPOS),
				t.Feats.String(), t.Head+1, column(t.Rel), column(strings.Join(misc, "|")))
		}
		bw.printf("\n")
	}
	return bw.err
}

// conlluForm is the FORM column: the token as written, unless it holds
// white space (a word hyphenated across a line break), then its Form.
func conlluForm(t *Token) string {
	if strings.ContainsAny(t.Text, " \t\r\n") || t.Text == "" {
		return t.Form
	}
	return t.Text
}

// column makes a value safe for one CoNLL-U column: "_" for empty, no tabs
// or line breaks.
func column(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// oneLine folds runs of white space (line breaks included) into one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

// itoa is strconv.Itoa, named for brevity in feature templates.
var itoa = strconv.Itoa
