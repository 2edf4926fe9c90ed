package nlp

import (
	"bytes"
	"crypto/sha256"
	"strings"
	"testing"
)

// analyzedGUM reads GUM documents with their own tags and trees and runs
// the shipped entity stage on them.
func analyzedGUM(t testing.TB, split string, n int) []refExample {
	t.Helper()
	em, err := DefaultEntityModel()
	if err != nil {
		t.Fatal(err)
	}
	docs := readGUMSplit(t, split)
	if n > 0 && n < len(docs) {
		docs = docs[:n]
	}
	return referenceExamples(em, docs)
}

// On the first eight GUM test documents (gold tags and trees, found
// mentions), third-person pronouns whose entity is named are linked into
// the right chain. Measured figures: see docs/BENCHMARKS.md.
func TestReferencesLinkPronounsOfGUMTest(t *testing.T) {
	m, err := DefaultReferenceModel()
	if err != nil {
		t.Fatal(err)
	}
	s := evaluateReferences(m, analyzedGUM(t, "test", 8))
	t.Logf("GUM test[:8]: %s", s)
	if s.Pronouns < 100 {
		t.Fatalf("only %d pronouns to score, the slice is not what it was", s.Pronouns)
	}
	if s.Accuracy() < pronounAccuracyFloor {
		t.Errorf("pronoun accuracy %.3f, want at least %.3f", s.Accuracy(), pronounAccuracyFloor)
	}
	if s.MUC.F1() < mucF1Floor {
		t.Errorf("MUC F1 %.3f, want at least %.3f", s.MUC.F1(), mucF1Floor)
	}
}

// A hand-made document: names, a surname, an acronym, a description and
// pronouns each land in their entity's chain.
func TestReferencesFollowNamesAcronymsAndPronouns(t *testing.T) {
	t.Parallel()
	m, err := DefaultReferenceModel()
	if err != nil {
		t.Fatal(err)
	}
	const text = `1	Alexander	Alexander	PROPN	NNP	_	3	nsubj	_	_
2	Motyl	Motyl	PROPN	NNP	_	1	flat	_	_
3	studied	study	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	7	det	_	_
5	National	National	PROPN	NNP	_	7	compound	_	_
6	Security	Security	PROPN	NNP	_	7	compound	_	_
7	Agency	Agency	PROPN	NNP	_	3	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	3	punct	_	_

1	Motyl	Motyl	PROPN	NNP	_	2	nsubj	_	_
2	said	say	VERB	VBD	_	0	root	_	_
3	he	he	PRON	PRP	Gender=Masc|Number=Sing|Person=3|PronType=Prs	4	nsubj	_	_
4	doubted	doubt	VERB	VBD	_	2	ccomp	_	_
5	the	the	DET	DT	_	7	det	_	_
6	NSA	NSA	PROPN	NNP	_	7	compound	_	_
7	report	report	NOUN	NN	_	4	obj	_	SpaceAfter=No
8	.	.	PUNCT	.	_	2	punct	_	_

1	The	the	DET	DT	_	2	det	_	_
2	report	report	NOUN	NN	_	3	nsubj	_	_
3	angered	anger	VERB	VBD	_	0	root	_	_
4	him	he	PRON	PRP	Gender=Masc|Number=Sing|Person=3|PronType=Prs	3	obj	_	SpaceAfter=No
5	.	.	PUNCT	.	_	3	punct	_	_
`
	sents, err := ReadConllu(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	doc := DocumentFromConllu(sents)
	mention := func(s, a, b int, typ EntityType, named, pron bool) Mention {
		return Mention{Sentence: s, Start: a, End: b, Head: spanHead(&doc.Sentences[s], a, b), Type: typ, Named: named, Pronoun: pron, Chain: -1}
	}
	doc.Mentions = []Mention{
		mention(0, 0, 2, Person, true, false),       // 0 Alexander Motyl
		mention(0, 3, 7, Organization, true, false), // 1 the National Security Agency
		mention(1, 0, 1, Person, true, false),       // 2 Motyl
		mention(1, 2, 3, Person, false, true),       // 3 he
		mention(1, 4, 7, Object, false, false),      // 4 the NSA report
		mention(1, 5, 6, Organization, true, false), // 5 NSA
		mention(2, 0, 2, Object, false, false),      // 6 The report
		mention(2, 3, 4, Person, false, true),       // 7 him
	}
	m.References(doc)
	same := func(a, b int) bool {
		return doc.Mentions[a].Chain >= 0 && doc.Mentions[a].Chain == doc.Mentions[b].Chain
	}
	for _, tc := range []struct {
		what string
		a, b int
		want bool
	}{
		{"Motyl is Alexander Motyl", 0, 2, true},
		{"he is Motyl", 2, 3, true},
		{"him is Motyl", 3, 7, true},
		{"NSA is the National Security Agency", 1, 5, true},
		{"the report is the NSA report", 4, 6, true},
		{"Motyl is not the agency", 0, 1, false},
		{"him is not the report", 6, 7, false},
	} {
		if got := same(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: same chain %v, want %v (chains %+v)", tc.what, got, tc.want, doc.Chains)
		}
	}
	if c := doc.Mentions[0].Chain; c < 0 || doc.Chains[c].Name != "Alexander Motyl" || doc.Chains[c].Type != Person {
		t.Errorf("Motyl's chain is %+v, want the person Alexander Motyl", doc.Chains)
	}
	for i, x := range doc.Mentions {
		if x.Chain >= 0 && !containsInt(doc.Chains[x.Chain].Mentions, i) {
			t.Errorf("mention %d says chain %d, which does not list it", i, x.Chain)
		}
	}
}

func containsInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

// The shipped model is what the documented training makes, byte for byte.
func TestReferenceModelIsRebuiltIdentically(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the reference model")
	}
	data, err := TrainReferenceModel(DefaultReferenceTraining("testdata", entityModelFile))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := sha256.Sum256(data), sha256.Sum256(referenceModelFile); got != want {
		t.Errorf("trained model %x (%d bytes) differs from %s %x (%d bytes): run go run ./cmd/nlptrain", got[:6], len(data), ReferenceModelFile, want[:6], len(referenceModelFile))
	}
}

func TestReferenceTrainingIsDeterministic(t *testing.T) {
	t.Parallel()
	em, err := DefaultEntityModel()
	if err != nil {
		t.Fatal(err)
	}
	train := readGUMSplit(t, "dev")[:6]
	a, err := trainReferenceModel(em, train, nil, 2, 3, nil).marshal()
	if err != nil {
		t.Fatal(err)
	}
	b, err := trainReferenceModel(em, train, nil, 2, 3, nil).marshal()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("two trainings differ: %d and %d bytes", len(a), len(b))
	}
	if _, err := LoadReferenceModel(a); err != nil {
		t.Errorf("the trained model does not load: %v", err)
	}
}

func TestLoadReferenceModelRejectsDamagedFiles(t *testing.T) {
	t.Parallel()
	for _, data := range [][]byte{nil, []byte("x"), referenceModelFile[:len(referenceModelFile)/2]} {
		if _, err := LoadReferenceModel(data); err == nil || !strings.HasPrefix(err.Error(), "nlp: reference model") {
			t.Errorf("%d bytes: got %v, want an error that names the reference model", len(data), err)
		}
	}
}

// The figures of docs/BENCHMARKS.md: both stages on all of GUM's dev and
// test documents, with the treebank's own tags and trees.
func TestEntityAndReferenceFiguresOnGUM(t *testing.T) {
	em, err := DefaultEntityModel()
	if err != nil {
		t.Fatal(err)
	}
	rm, err := DefaultReferenceModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"dev", "test"} {
		docs := readGUMSplit(t, split)
		n := evaluateNamed(em, docs)
		r := evaluateReferences(rm, referenceExamples(em, docs))
		t.Logf("GUM %s, gold tags and trees: named person/place/organization P %.3f R %.3f F1 %.3f (%d found, %d in GUM, %d right); references: %s",
			split, n.P(), n.R(), n.F1(), n.Found, n.Gold, n.Right, r)
		if split == "test" && (n.F1() < 0.72 || r.Accuracy() < 0.78) {
			t.Errorf("GUM test: named F1 %.3f (want >= 0.72), pronoun accuracy %.3f (want >= 0.78)", n.F1(), r.Accuracy())
		}
	}
}

// The same figures on the analysis's own tags, lemmas and trees over the
// treebank's tokens (`quiztrainer analyze --tokenized`), as new text is
// read.
func TestEntityAndReferenceFiguresOnPredictedGUM(t *testing.T) {
	a, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	em, err := DefaultEntityModel()
	if err != nil {
		t.Fatal(err)
	}
	rm, err := DefaultReferenceModel()
	if err != nil {
		t.Fatal(err)
	}
	for _, split := range []string{"dev", "test"} {
		docs := readGUMSplit(t, split)
		for i := range docs {
			docs[i].Read = reannotated(docs[i].Doc, a)
		}
		n := evaluateNamed(em, docs)
		r := evaluateReferences(rm, referenceExamples(em, docs))
		t.Logf("GUM %s, predicted tags and trees: named person/place/organization P %.3f R %.3f F1 %.3f (%d found, %d in GUM, %d right); references: %s",
			split, n.P(), n.R(), n.F1(), n.Found, n.Gold, n.Right, r)
		if split == "test" && (n.F1() < predictedNamedFloor || r.Accuracy() < predictedPronounFloor) {
			t.Errorf("GUM test: named F1 %.3f (want >= %.2f), pronoun accuracy %.3f (want >= %.2f)", n.F1(), predictedNamedFloor, r.Accuracy(), predictedPronounFloor)
		}
	}
}

// reannotated copies a Document's tokens without their annotation and lets
// the analysis fill it in.
func reannotated(src *Document, a *Analyzer) *Document {
	d := *src
	d.Mentions, d.Chains = nil, nil
	d.Sentences = make([]Sentence, len(src.Sentences))
	for si, s := range src.Sentences {
		s.Tokens = append([]Token(nil), s.Tokens...)
		for k := range s.Tokens {
			t := &s.Tokens[k]
			t.UPOS, t.XPOS, t.Lemma, t.Feats, t.Head, t.Rel = "", "", "", Features{}, -1, ""
		}
		d.Sentences[si] = s
	}
	a.Annotate(&d)
	return &d
}

// An entity called "she" is a person even when the typer read its name as
// a place (the shipped typer reads "Marie Curie ... born in Warsaw" as a
// place), and so is its name.
func TestAnEntityCalledSheIsAPerson(t *testing.T) {
	t.Parallel()
	a := loadAnalyzer(t)
	d := a.Read("Marie Curie was born in Warsaw in 1867. She studied physics in Paris, where she met Pierre Curie.")
	var she *Mention
	for i := range d.Mentions {
		if x := &d.Mentions[i]; x.Pronoun && x.Sentence == 1 && x.Start == 0 {
			she = x
		}
	}
	if she == nil || she.Chain < 0 {
		t.Fatalf("'She' is not in a chain: %+v", d.Mentions)
	}
	ch := d.Chains[she.Chain]
	if ch.Name != "Marie Curie" || ch.Type != Person {
		t.Fatalf("'She' is in the chain of %q, a %s; want Marie Curie, a person", ch.Name, ch.Type)
	}
	for _, i := range ch.Mentions {
		if x := d.Mentions[i]; x.Type != Person {
			t.Errorf("mention %+v of Marie Curie's chain is a %s", x, x.Type)
		}
	}
}
