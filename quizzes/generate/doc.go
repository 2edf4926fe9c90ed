// Package generate turns an article into quiz questions for a teacher's
// draft. It reads like a list of stages, each in its own file, with typed
// data between them:
//
//	text
//	  -> nlp.Document      quizzes/nlp: sentences, tokens, dependency tree,
//	                       entity mentions, reference chains
//	  -> []Fact            facts.go: who did what to whom, when, where, how
//	                       many; who said what; what X is; cause; sequence
//	  -> []*Candidate      family_*.go: each registered Family asks its own
//	                       kind of question about the facts
//	  -> choices           choices.go: wrong choices of the key's fine type,
//	                       from the text first; too few makes a typed answer
//	  -> kept candidates   filters.go: a named table of filters, each with
//	                       the reason a teacher would give
//	  -> ranked            rank.go: features to one score, best first
//	  -> the draft         draft.go: n questions, no two on one fact, a mix
//	                       of kinds, room for comprehension families
//
// Word lists (say-verbs, months, units, ...) are text files in data/,
// embedded with go:embed (lists.go).
//
// # The learned ranking, measured and not used
//
// quality.go holds a logistic regression that reads a candidate as the
// teacher sees it: its family and kind; the key's length, whether it is a
// number, a name, part of a name or a common phrase, whether it points
// back ("it", "this"), is in the title or recurs; the prompt's length,
// wh-word, pointing words, quotes, brackets, how much of it is copied
// from the evidence, whether it reads back as a well-formed question; the
// evidence sentence's place and length and whether it is on the text's
// topic; and how alike the wrong choices are to the key. It reads nothing a stored question lacks, so every judged question
// of testdata/judging (558 judgments, 407 questions after a question judged
// twice keeps its later judgment) gets the features its candidate had.
// `go run ./cmd/qgrank` fits it by gradient descent (deterministic) and
// measures it held out by text. It has not ranked the judged questions
// better than the score of rank.go, and cutting drafts short by either
// score loses acceptable questions without raising their share
// (docs/BENCHMARKS.md, "The learned ranking"), so rank.go's score still
// orders the candidates and drafts keep their length.
//
// # Adding a question family
//
// A family is one file, family_<name>.go, with its table tests in
// family_<name>_test.go. It implements Family:
//
//	type familyWhen struct{}
//
//	func init() { register(familyWhen{}) }
//
//	func (familyWhen) Name() string { return "when" }
//
//	func (familyWhen) Ask(in *Input) []*Candidate {
//		var out []*Candidate
//		for _, f := range in.Facts { ... out = append(out, &Candidate{...}) }
//		return out
//	}
//
// A candidate carries its template name ("when.time"; the part before the
// dot is the family), prompt, key, the answers a student may type, its
// evidence sentence and, when the family knows better than the text's
// phrases, its own wrong choices. The later stages choose the kind
// (multiple choice or typed answer), filter, rank and pick the draft; a
// family only has to ask good questions. Input gives the analysed
// document, the facts and helpers to render a phrase with its pronouns
// resolved (Input.Render) and to form a question from a clause
// (Input.Ask).
package generate
