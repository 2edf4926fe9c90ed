package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/formats"
)

// runImport reads a question set and stores it as a draft quiz; with
// --dry-run it only checks it (and with --json prints what it read).
func runImport(args []string, stdout, stderr io.Writer) int {
	var cfg Config
	fs := newFlagSet("import", &cfg, stderr)
	format := fs.String("format", "auto", "file format: auto, gift, aiken, moodlexml, csv or json")
	dryRun := fs.Bool("dry-run", false, "check the file and change nothing")
	asJSON := fs.Bool("json", false, "print the questions read, in the JSON contract of generate")
	title := fs.String("title", "", "title of the new quiz (default: the file name)")
	owner := fs.String("owner", "", "username of the teacher who owns the new quiz (default: none; admins see it)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: quiztrainer import [--db FILE] [--format auto|gift|aiken|moodlexml|csv|json] [--dry-run] [--json] FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	name := fs.Arg(0)
	data, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer import:", err)
		return 1
	}
	f := formats.Detect(name, data)
	if *format != "auto" {
		if f, err = formats.FormatByName(*format); err != nil {
			fmt.Fprintln(stderr, "quiztrainer import:", err)
			return 2
		}
	}
	if f == formats.Unknown {
		fmt.Fprintf(stderr, "quiztrainer import: %s: the format could not be recognised; give it with --format\n", name)
		return 1
	}
	qs, err := formats.Parse(f, data)
	if err != nil {
		var pe *formats.ParseError
		if errors.As(err, &pe) {
			for _, le := range pe.Errors {
				fmt.Fprintf(stderr, "%s:%s\n", name, strings.TrimPrefix(le.Error(), "line "))
			}
			fmt.Fprintf(stderr, "quiztrainer import: %s refused (%s): nothing imported\n", name, f.Label())
		} else {
			fmt.Fprintln(stderr, "quiztrainer import:", err)
		}
		return 1
	}
	if *asJSON {
		if err := formats.WriteJSON(stdout, qs); err != nil {
			fmt.Fprintln(stderr, "quiztrainer import:", err)
			return 1
		}
	}
	if *dryRun {
		fmt.Fprintf(stderr, "%s: %d questions read as %s; nothing imported (--dry-run)\n", name, len(qs), f.Label())
		return 0
	}
	ctx := context.Background()
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer import:", err)
		return 1
	}
	defer store.Close()
	quiz := quizzes.Quiz{Title: *title, Status: quizzes.Draft, Questions: qs}
	if quiz.Title == "" {
		quiz.Title = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	if *owner != "" {
		u, err := store.UserByUsername(ctx, *owner)
		if err != nil {
			fmt.Fprintf(stderr, "quiztrainer import: --owner %q: no such teacher\n", *owner)
			return 1
		}
		quiz.OwnerID = u.ID
	}
	quiz, err = store.CreateQuiz(ctx, quiz)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer import:", err)
		return 1
	}
	fmt.Fprintf(stdout, "imported %d questions from %s as draft quiz %d %q\n", len(qs), name, quiz.ID, quiz.Title)
	return 0
}

// runExport prints a quiz's questions in a question-set format.
func runExport(args []string, stdout, stderr io.Writer) int {
	var cfg Config
	fs := newFlagSet("export", &cfg, stderr)
	id := fs.Int64("quiz", 0, "id of the quiz to export")
	format := fs.String("format", "gift", "gift, aiken, moodlexml, csv or json")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	f, err := formats.FormatByName(*format)
	if err != nil || *id == 0 {
		fmt.Fprintln(stderr, "usage: quiztrainer export --quiz ID --format gift|aiken|moodlexml|csv|json [--db FILE]")
		return 2
	}
	ctx := context.Background()
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer export:", err)
		return 1
	}
	defer store.Close()
	q, err := store.Quiz(ctx, *id)
	if err != nil {
		fmt.Fprintf(stderr, "quiztrainer export: quiz %d: %v\n", *id, err)
		return 1
	}
	skipped, err := formats.Write(f, stdout, q.Questions)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer export:", err)
		return 1
	}
	for _, s := range skipped {
		fmt.Fprintf(stderr, "left out of %s: %s\n", f.Label(), s)
	}
	return 0
}

// runBackup writes an online copy of the database.
func runBackup(args []string, stdout, stderr io.Writer) int {
	var cfg Config
	fs := newFlagSet("backup", &cfg, stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: quiztrainer backup [--db FILE] FILE")
		return 2
	}
	ctx := context.Background()
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer backup:", err)
		return 1
	}
	defer store.Close()
	if err := store.Backup(ctx, fs.Arg(0)); err != nil {
		fmt.Fprintln(stderr, "quiztrainer backup:", err)
		return 1
	}
	fmt.Fprintf(stdout, "backed up %s to %s\n", cfg.DB, fs.Arg(0))
	return 0
}
