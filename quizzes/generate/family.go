package generate

import (
	"sort"
	"strings"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/nlp"
)

// Family asks one kind of question. Each family lives in its own file,
// family_<name>.go, and registers itself from init.
type Family interface {
	// Name is the family's name, the first part of its templates' names.
	Name() string
	// Ask returns the family's candidate questions about the text.
	Ask(in *Input) []*Candidate
}

var registry []Family

// register adds a family to the registry; a second family of the same name
// is a programming error.
func register(f Family) {
	for _, g := range registry {
		if g.Name() == f.Name() {
			panic("generate: two families named " + f.Name())
		}
	}
	registry = append(registry, f)
	sort.Slice(registry, func(a, b int) bool { return registry[a].Name() < registry[b].Name() })
}

// Families lists the registered families' names.
func Families() []string {
	var out []string
	for _, f := range registry {
		out = append(out, f.Name())
	}
	return out
}

// Input is what every family reads: the analysed text and its facts.
type Input struct {
	// Text is the text as given; Doc.Text is the same length, with hard
	// line breaks inside sentences made spaces.
	Text  string
	Doc   *nlp.Document
	Facts []Fact
	// Phrases are the noun phrases of the text that may serve as keys or
	// wrong choices, in text order.
	Phrases []Phrase
	lists   *lists
	// While Ask forms a question, pronouns of keepChain in keepSentence
	// stay pronouns: the question names their entity.
	keepChain, keepSentence int
	keepName                string
	// asked holds the prompts Ask formed; their pronouns are checked.
	asked   map[string][]string
	kept    []string           // pronouns the current Ask kept
	aliases map[[2]string]bool // pairs of names of one entity
	abbrevs map[string]string  // long forms and their abbreviations
	people  []string           // names of the text's people, lower case
	// phraseNorm are the Phrases' texts as grading folds them
	phraseNorm []string
	normCache  map[string]string
	byType     map[FineType][]int // Phrases by fine type
	// aliasByWord and aliasOf index aliases (see aliasTable)
	aliasByWord map[string][][2]string
	aliasOf     map[string][]string
	things      map[string]bool // names the text says are things
	// apposed: a phrase's folded text -> the phrases beside it
	apposed map[string][]*Phrase
	// byLastWord: the last word of a Phrase's folded text -> its indexes
	byLastWord map[string][]int
	// propnAt: a proper noun's form -> where it stands, [sentence, token]
	propnAt map[string][][2]int
	// chainKind caches chainPerson: 0 not yet, else 1 | 2 person | 4 thing
	chainKind []int8
	// shortNames: a chain's one-word names that are its person's surname
	shortNames map[int][]string
	capsWords  map[string]bool // the text's words in capitals ("EEA")
	// bySentence indexes Doc.Mentions by sentence.
	bySentence [][]int
	// topic is topicChain()+1, 0 before it is worked out.
	topic int
	// actors: the folded names ("#chain" too) of subjects of active
	// clauses (see actsInText)
	actors map[string]bool
}

// Candidate is one question a family proposes, before the later stages
// choose its kind, filter and rank it.
type Candidate struct {
	Template string // family.form, e.g. "when.time", "why.cause"
	Prompt   string // a whole question, ending in "?" (or a statement for true/false)
	Key      string // the answer, as the text says it
	// Accepted are further answers a student may type (the head phrase, a
	// surname, a number in digits); the key is always accepted.
	Accepted []string
	// KeyType is the fine type of the key; wrong choices share it.
	KeyType FineType
	// KeyPhrase is the key's phrase in the text when it is one, so that
	// wrong choices are not the key itself or its other mentions.
	KeyPhrase *Phrase
	// Distractors are wrong choices the family chose itself (main idea,
	// sequence); when empty, the choices stage picks them from the text.
	Distractors []string
	// Kind forces a question kind; empty lets the choices stage decide.
	Kind quizzes.Kind
	// Matching pairs for a matching question (Kind Matching).
	Pairs [][2]string
	// Sentence is the evidence sentence (index into Doc.Sentences); the
	// evidence spans sentences Sentence..LastSentence when LastSentence is
	// set (greater than Sentence).
	Sentence, LastSentence int
	// Fact is the fact asked about, when the question asks about one.
	Fact *Fact
	// Features describe the candidate for ranking (feature name -> value,
	// 0..1); see rank.go for the names the ranking knows.
	Features map[string]float64
	// Alternative is the question to ask instead when this one ends up
	// without the wrong choices it needs (a definition too long to type
	// asks for the term instead).
	Alternative *Candidate

	score    float64 // the weighted sum of rankWeights (rank.go)
	rejected string  // the filter that dropped it
}

// family is the part of the template name before the dot.
func (c *Candidate) family() string {
	if i := strings.IndexByte(c.Template, '.'); i >= 0 {
		return c.Template[:i]
	}
	return c.Template
}

// feature sets a ranking feature.
func (c *Candidate) feature(name string, v float64) {
	if c.Features == nil {
		c.Features = map[string]float64{}
	}
	c.Features[name] = v
}
