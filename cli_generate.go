package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"quiztrainer/quizzes"
	"quiztrainer/quizzes/formats"
	"quiztrainer/quizzes/generate"
)

// runGenerate prints what a teacher's draft holds for an article (the same
// picks as /teach/new), or with --all every candidate, best first; with
// --batch it answers JSON Lines {"id","text"} with {"id","questions"}, every
// candidate of each text, as the evaluation scripts read them.
func runGenerate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text, json or gift")
	max := fs.Int("max", 0, fmt.Sprintf("questions in the draft (0: a teacher's default, %d); with --all or --batch, at most this many (0: all)", generate.DraftQuestions))
	all := fs.Bool("all", false, "print every candidate, best first, instead of the draft")
	batch := fs.Bool("batch", false, `read JSON Lines {"id","text"} on stdin, write {"id","questions"} lines`)
	engine := fs.String("engine", "", "question writer: rules or tree alone (default: as for teachers' drafts, tree, and rules for a text tree asks nothing of)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: quiztrainer generate [--format text|json|gift] [--max N] [--all] [--engine rules|tree] FILE|-")
		fmt.Fprintln(stderr, "       quiztrainer generate --batch < in.jsonl > out.jsonl")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *engine != "" && !slices.Contains(generate.Engines, generate.Engine(*engine)) {
		fmt.Fprintf(stderr, "quiztrainer generate: --engine %q: choose rules or tree\n", *engine)
		return 2
	}
	load := generate.ForTeachers
	if *engine != "" {
		load = func() (*generate.Generator, error) { return generate.NewEngine(generate.Engine(*engine)) }
	}
	gen, err := load()
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer generate:", err)
		return 1
	}
	if *batch {
		if err := generateBatch(gen, stdin, stdout, *max); err != nil {
			fmt.Fprintln(stderr, "quiztrainer generate:", err)
			return 1
		}
		return 0
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	var data []byte
	name := fs.Arg(0)
	if name == "-" {
		data, err = io.ReadAll(stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer generate:", err)
		return 1
	}
	// read as an upload is: HTML and Markdown files give their text
	text, err := quizzes.ArticleText(name, data)
	if err != nil {
		fmt.Fprintf(stderr, "quiztrainer generate: %s: %v\n", name, err)
		return 1
	}
	var qs []quizzes.Question
	switch {
	case *all:
		qs = limit(gen.Generate(text), *max)
	case *max > 0:
		qs = gen.Draft(text, *max)
	default:
		qs = gen.Draft(text, generate.DraftQuestions)
	}
	switch *format {
	case "json":
		err = formats.WriteJSON(stdout, qs)
	case "gift":
		err = formats.WriteGIFT(stdout, qs)
	case "text":
		err = writeText(stdout, qs)
	default:
		fmt.Fprintf(stderr, "quiztrainer generate: unknown format %q (want text, json or gift)\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer generate:", err)
		return 1
	}
	return 0
}

func limit(qs []quizzes.Question, max int) []quizzes.Question {
	if max > 0 && len(qs) > max {
		return qs[:max]
	}
	return qs
}

func generateBatch(gen *generate.Generator, stdin io.Reader, stdout io.Writer, max int) error {
	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 0, 1<<20), 64<<20)
	out := bufio.NewWriter(stdout)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	line := 0
	for in.Scan() {
		line++
		if len(in.Bytes()) == 0 {
			continue
		}
		var item struct {
			ID   json.RawMessage `json:"id"`
			Text string          `json:"text"`
		}
		if err := json.Unmarshal(in.Bytes(), &item); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		qs := limit(gen.Generate(item.Text), max)
		if err := enc.Encode(struct {
			ID        json.RawMessage        `json:"id"`
			Questions []formats.JSONQuestion `json:"questions"`
		}{item.ID, formats.ToJSON(qs)}); err != nil {
			return err
		}
	}
	if err := in.Err(); err != nil {
		return err
	}
	return out.Flush()
}

func writeText(w io.Writer, qs []quizzes.Question) error {
	for i, q := range qs {
		fmt.Fprintf(w, "%d. [%s, %s, %.2f] %s\n", i+1, q.Kind, q.Template, q.Score, q.Prompt)
		for _, c := range q.Choices {
			mark := " "
			if c.Correct {
				mark = "*"
			}
			fmt.Fprintf(w, "   %s %s\n", mark, c.Text)
		}
		if _, err := fmt.Fprintf(w, "   evidence [%d:%d]: %s\n\n", q.Evidence.Start, q.Evidence.End, q.Evidence.Text); err != nil {
			return err
		}
	}
	return nil
}
