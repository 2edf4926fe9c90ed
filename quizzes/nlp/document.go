// Package nlp reads English text: paragraphs, sentences and tokens with byte
// offsets, part-of-speech tags, lemmas and features, a labelled dependency
// tree per sentence, typed entity mentions and the references between them.
// Its models are trained by the project on the treebanks it ships (see
// cmd/nlptrain) and embedded, so reading needs no files and no network.
//
// The stages run in order, each in its own file, each passing the same
// Document on: segment (paragraphs, sentences, tokens) -> tag (UPOS, Penn,
// lemma, features) -> parse (heads and relations) -> entities (typed
// mentions) -> references (chains). A stage only fills in what it owns.
package nlp

// Document is a text read by the analysis. Every offset is a byte offset
// into Text, so a span of the analysis is always a span of what was given.
type Document struct {
	Text       string
	Paragraphs []Paragraph
	Sentences  []Sentence
	// Mentions are the entity mentions of the whole text, in text order
	// (by first token, longer spans first when two start together).
	Mentions []Mention
	// Chains group the mentions that stand for one entity; a mention's
	// Chain indexes this slice, -1 when it stands alone.
	Chains []Chain
}

// Paragraph is a block of text: a heading, a list item, a quotation or a
// run of prose. A single line break inside prose does not end it.
type Paragraph struct {
	Start, End int // byte offsets in Document.Text
	Kind       ParagraphKind
	// Sentences are the indexes into Document.Sentences that the
	// paragraph holds: [First, Last+1).
	FirstSentence, EndSentence int
}

// ParagraphKind says what a block of text is.
type ParagraphKind uint8

const (
	Prose ParagraphKind = iota
	Heading
	ListItem
	Quote
)

// Sentence is one sentence: its tokens and their dependency tree.
type Sentence struct {
	Start, End int // byte offsets in Document.Text
	Paragraph  int // index into Document.Paragraphs
	Tokens     []Token
}

// Token is a word or punctuation mark of a sentence. Head and Rel form the
// dependency tree: Head is the index in Sentence.Tokens of the token this
// one depends on, -1 for the root (exactly one per sentence).
type Token struct {
	Text       string // as it stands in the text (Document.Text[Start:End])
	Start, End int
	// Form is the token as the models read it: curly quotes and dashes made
	// plain, a line break inside a word joined. Usually equal to Text.
	Form  string
	UPOS  string // Universal POS: NOUN, PROPN, VERB, AUX, ...
	XPOS  string // Penn Treebank tag: NN, NNP, VBD, ...
	Lemma string
	Feats Features
	Head  int
	Rel   string // Universal Dependencies relation: nsubj, obj, acl:relcl, ...
	// SpaceAfter is false when the next token follows with no space.
	SpaceAfter bool
}

// Features are the morphological features the generator uses, in UD's
// names and values; an empty string is "not marked".
type Features struct {
	Number   string // Sing, Plur
	Tense    string // Past, Pres
	Person   string // 1, 2, 3
	VerbForm string // Fin, Inf, Part, Ger
	Mood     string // Ind, Imp
	Degree   string // Pos, Cmp, Sup
	PronType string // Prs, Dem, Rel, Int, Art
	Gender   string // Masc, Fem, Neut (pronouns)
	Polarity string // Neg
}

// Mention is a span of a sentence's tokens that names or refers to an
// entity: "Alexander J. Motyl", "the spy agency", "he".
type Mention struct {
	Sentence   int // index into Document.Sentences
	Start, End int // token indexes in that sentence: [Start, End)
	Head       int // token index of the mention's syntactic head
	Type       EntityType
	Named      bool // a proper name (PROPN head), not a description or pronoun
	Pronoun    bool
	Chain      int // index into Document.Chains, -1 for none
}

// EntityType is the kind of thing a mention stands for, in GUM's types.
type EntityType string

const (
	Person       EntityType = "person"
	Place        EntityType = "place"
	Organization EntityType = "organization"
	Time         EntityType = "time"
	Quantity     EntityType = "quantity"
	Event        EntityType = "event"
	Object       EntityType = "object"
	Substance    EntityType = "substance"
	Animal       EntityType = "animal"
	Plant        EntityType = "plant"
	Abstract     EntityType = "abstract"
)

// Chain is one entity and every mention of it, in text order.
type Chain struct {
	Type     EntityType
	Mentions []int // indexes into Document.Mentions
	// Name is the chain's fullest named mention ("Alexander J. Motyl"),
	// empty when the entity is never named.
	Name string
}
