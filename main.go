// Command quiztrainer is a self-hosted quiz and reading-comprehension trainer.
//
// With no arguments it serves the web app on :8080 with ./quiztrainer.db,
// creating the database and a sample quiz on first start.
package main

import (
	"fmt"
	"io"
	"os"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `quiztrainer: a self-hosted quiz and reading-comprehension trainer

usage:
  quiztrainer [serve] [--addr :8080] [--db ./quiztrainer.db]   the web app (default)
  quiztrainer generate [--format text|json|gift] [--max N] FILE|-  questions for an article
  quiztrainer generate --batch                                  JSON Lines {"id","text"} in, {"id","questions"} out
  quiztrainer import [--format auto|gift|aiken|moodlexml|csv|json] [--dry-run] [--json] FILE
  quiztrainer export --quiz ID --format gift|aiken|moodlexml|csv|json
  quiztrainer user add --username NAME --password-stdin [--admin]
  quiztrainer backup FILE                                       online copy of the database
  quiztrainer --version

Run "quiztrainer COMMAND --help" for the flags of a command. Every flag can
also be set by an environment variable: --addr by QUIZTRAINER_ADDR, --db by
QUIZTRAINER_DB, and so on.
`

// run dispatches to a subcommand and returns the process exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cmd := "serve"
	if len(args) > 0 && len(args[0]) > 0 && args[0][0] != '-' {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "serve":
		return runServe(args, stderr)
	case "generate":
		return runGenerate(args, stdin, stdout, stderr)
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
	case "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "quiztrainer: unknown command %q\n\n%s", cmd, usage)
	return 2
}
