package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"quiztrainer/quizzes/nlp"
)

// runAnalyze prints the English analysis of a text: paragraphs,
// sentences, tokens, tags, lemmas, features and dependency trees, as
// CoNLL-U or JSON. With --tokenized the input is CoNLL-U whose sentences
// and tokens are kept.
func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "conllu", "output format: conllu or json")
	tokenized := fs.Bool("tokenized", false, "the input is CoNLL-U: keep its sentences and tokens, fill in the rest")
	setUsage(fs)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if *format != "conllu" && *format != "json" {
		fmt.Fprintf(stderr, "quiztrainer analyze: unknown format %q (want conllu or json)\n", *format)
		return 2
	}
	var in []byte
	var err error
	if name := fs.Arg(0); name == "-" {
		in, err = io.ReadAll(stdin)
	} else {
		in, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer analyze:", err)
		return 1
	}
	a, err := nlp.Load()
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer analyze:", err)
		return 1
	}
	var doc *nlp.Document
	if *tokenized {
		sents, err := nlp.ReadConllu(bytes.NewReader(in))
		if err != nil {
			fmt.Fprintf(stderr, "quiztrainer analyze: %s: %v\n", fs.Arg(0), err)
			return 1
		}
		doc = nlp.DocumentFromConllu(sents)
		a.Annotate(doc)
	} else {
		doc = a.Read(string(in))
	}
	if *format == "json" {
		err = nlp.WriteJSON(stdout, doc)
	} else {
		err = nlp.WriteConllu(stdout, doc)
	}
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer analyze:", err)
		return 1
	}
	return 0
}
