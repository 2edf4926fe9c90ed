// Command quiztrainer is a self-hosted quiz and reading-comprehension trainer.
//
// With no arguments it serves the web app on :8080 with ./quiztrainer.db,
// creating the database and a sample quiz on first start.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// commands lists every subcommand with its arguments and one line of help,
// for --help and for each command's own usage.
var commands = []struct{ name, args, help string }{
	{"serve", "[--addr :8080] [--db FILE] [--base-url URL] [--trusted-proxy LIST]", "the web app (the default when no command is given)"},
	{"generate", "[--format text|json|gift] [--max N] [--all] [--batch] FILE|-", "print the questions a teacher's draft holds for an article"},
	{"analyze", "[--format conllu|json] [--tokenized] FILE|-", "print the English analysis of a text: sentences, tokens, tags, lemmas, dependency trees"},
	{"import", "[--format auto|gift|aiken|moodlexml|csv|json] [--dry-run] [--json] [--title T] [--owner NAME] FILE", "import a question set as a draft quiz"},
	{"export", "--quiz ID [--format gift|aiken|moodlexml|csv|json]", "print a quiz as a question set"},
	{"user", "add|list|disable|reset-link [flags]", "manage teacher accounts (the four commands below)"},
	{"backup", "FILE", "write an online, consistent copy of the database to FILE"},
	{"version", "", "print the version"},
}

// usage is what `quiztrainer --help` prints: every command, one line each.
func usage(w io.Writer) {
	fmt.Fprint(w, "quiztrainer: a self-hosted quiz and reading-comprehension trainer\n\nusage: quiztrainer [COMMAND] [flags]\n\ncommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-17s %s\n", c.name, c.help)
		if c.name == "user" {
			for _, u := range userCommands {
				fmt.Fprintf(w, "  %-17s %s\n", "user "+u.name, u.help)
			}
		}
	}
	fmt.Fprint(w, `
Run "quiztrainer COMMAND --help" for the flags of a command. Every flag can
also be set by an environment variable: --addr by QUIZTRAINER_ADDR, --db by
QUIZTRAINER_DB, and so on.
`)
}

// setUsage gives a command's flag set a usage text from commands.
func setUsage(fs *flag.FlagSet) {
	for _, c := range commands {
		if c.name == fs.Name() {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "usage: quiztrainer %s %s\n\n%s\n\nflags:\n", c.name, c.args, c.help)
				fs.PrintDefaults()
			}
		}
	}
}

// run dispatches to a subcommand and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && isHelp(args[0]) {
		usage(stdout)
		return 0
	}
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(args, stderr)
	case "generate":
		return runGenerate(args, stdin, stdout, stderr)
	case "analyze":
		return runAnalyze(args, stdin, stdout, stderr)
	case "import":
		return runImport(args, stdout, stderr)
	case "export":
		return runExport(args, stdout, stderr)
	case "user":
		return runUser(args, stdin, stdout, stderr)
	case "backup":
		return runBackup(args, stdout, stderr)
	case "version":
		fmt.Fprintln(stdout, "quiztrainer", version)
		return 0
	}
	fmt.Fprintf(stderr, "quiztrainer: unknown command %q\n\n", cmd)
	usage(stderr)
	return 2
}
