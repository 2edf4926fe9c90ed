package nlp

import (
	"encoding/json"
	"io"
)

// The JSON form of a Document, as `quiztrainer analyze --format json`
// prints it: the same content with lower-case names, a token's head as an
// index in its sentence (-1 for the root) and a paragraph's kind by name.
type jsonDocument struct {
	Paragraphs []jsonParagraph `json:"paragraphs"`
	Sentences  []jsonSentence  `json:"sentences"`
	Mentions   []jsonMention   `json:"mentions"`
	Chains     []jsonChain     `json:"chains"`
}

type jsonParagraph struct {
	Start         int    `json:"start"`
	End           int    `json:"end"`
	Kind          string `json:"kind"`
	FirstSentence int    `json:"first_sentence"`
	EndSentence   int    `json:"end_sentence"`
}

type jsonSentence struct {
	Start     int         `json:"start"`
	End       int         `json:"end"`
	Paragraph int         `json:"paragraph"`
	Text      string      `json:"text"`
	Tokens    []jsonToken `json:"tokens"`
}

type jsonToken struct {
	Text       string            `json:"text"`
	Start      int               `json:"start"`
	End        int               `json:"end"`
	Form       string            `json:"form"`
	UPOS       string            `json:"upos"`
	XPOS       string            `json:"xpos"`
	Lemma      string            `json:"lemma"`
	Feats      map[string]string `json:"feats,omitempty"`
	Head       int               `json:"head"`
	Rel        string            `json:"rel"`
	SpaceAfter bool              `json:"space_after"`
}

type jsonMention struct {
	Sentence int        `json:"sentence"`
	Start    int        `json:"start"`
	End      int        `json:"end"`
	Head     int        `json:"head"`
	Type     EntityType `json:"type"`
	Named    bool       `json:"named"`
	Pronoun  bool       `json:"pronoun"`
	Chain    int        `json:"chain"`
}

type jsonChain struct {
	Type     EntityType `json:"type"`
	Mentions []int      `json:"mentions"`
	Name     string     `json:"name,omitempty"`
}

var paragraphKindNames = [...]string{Prose: "prose", Heading: "heading", ListItem: "list_item", Quote: "quote"}

func (k ParagraphKind) String() string {
	if int(k) < len(paragraphKindNames) {
		return paragraphKindNames[k]
	}
	return "prose"
}

// WriteJSON prints the Document as indented JSON.
func WriteJSON(w io.Writer, d *Document) error {
	out := jsonDocument{Paragraphs: []jsonParagraph{}, Sentences: []jsonSentence{}, Mentions: []jsonMention{}, Chains: []jsonChain{}}
	for _, p := range d.Paragraphs {
		out.Paragraphs = append(out.Paragraphs, jsonParagraph{p.Start, p.End, p.Kind.String(), p.FirstSentence, p.EndSentence})
	}
	for _, s := range d.Sentences {
		js := jsonSentence{Start: s.Start, End: s.End, Paragraph: s.Paragraph, Text: d.Text[s.Start:s.End], Tokens: []jsonToken{}}
		for _, t := range s.Tokens {
			var feats map[string]string
			for _, name := range featureNames {
				if v := *t.Feats.field(name); v != "" {
					if feats == nil {
						feats = map[string]string{}
					}
					feats[name] = v
				}
			}
			js.Tokens = append(js.Tokens, jsonToken{t.Text, t.Start, t.End, t.Form, t.UPOS, t.XPOS, t.Lemma, feats, t.Head, t.Rel, t.SpaceAfter})
		}
		out.Sentences = append(out.Sentences, js)
	}
	for _, m := range d.Mentions {
		out.Mentions = append(out.Mentions, jsonMention(m))
	}
	for _, c := range d.Chains {
		out.Chains = append(out.Chains, jsonChain{c.Type, c.Mentions, c.Name})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
