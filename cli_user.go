package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"quiztrainer/db"
	"quiztrainer/handlers"
	"quiztrainer/quizzes"
)

// userCommands are the `user` subcommands, each with its one line of help.
var userCommands = []struct{ name, args, help string }{
	{"add", "--username NAME --password-stdin [--admin]", "add a teacher account, the password read from standard input"},
	{"list", "", "list the accounts: role, on or off, last sign-in, quizzes"},
	{"disable", "--username NAME [--enable]", "turn an account off, ending its sessions (--enable turns it on)"},
	{"reset-link", "--username NAME [--base-url URL]", "print a one-time password-reset link, valid for a day"},
}

// shellActor is who the audit log names for changes made from the shell.
var shellActor = db.Actor{Username: "(command line)"}

// runUser manages teacher accounts from the shell, for automation.
func runUser(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || isHelp(args[0]) {
		out := stderr
		if len(args) > 0 {
			out = stdout
		}
		fmt.Fprintln(out, "usage: quiztrainer user COMMAND [flags]")
		fmt.Fprintln(out)
		for _, c := range userCommands {
			fmt.Fprintf(out, "  user %-11s %s\n", c.name, c.help)
		}
		fmt.Fprintln(out, "\nRun \"quiztrainer user COMMAND --help\" for its flags.")
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	switch args[0] {
	case "add":
		return runUserAdd(args[1:], stdin, stdout, stderr)
	case "list":
		return runUserList(args[1:], stdout, stderr)
	case "disable":
		return runUserDisable(args[1:], stdout, stderr)
	case "reset-link":
		return runUserResetLink(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "quiztrainer user: unknown command %q; run \"quiztrainer user --help\"\n", args[0])
	return 2
}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help" || arg == "help"
}

// userFlags is the flag set of a `user` subcommand, its usage line taken
// from userCommands.
func userFlags(name string, cfg *Config, stderr io.Writer) *flag.FlagSet {
	fs := newFlagSet("user "+name, cfg, stderr)
	for _, c := range userCommands {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(fs.Output(), "usage: quiztrainer user %s %s [--db FILE]\n\n%s\n\nflags:\n", name, c.args, c.help)
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parseFlags parses a subcommand's flags: 0 to go on, else the exit code
// (0 after --help).
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return 0, false
	case err != nil:
		return 2, false
	case fs.NArg() > 0:
		fmt.Fprintf(fs.Output(), "quiztrainer %s: unexpected argument %q\n", fs.Name(), fs.Arg(0))
		return 2, false
	}
	return 0, true
}

func openStore(cfg Config, name string, stderr io.Writer) (*db.Store, bool) {
	store, err := db.Open(context.Background(), cfg.DB)
	if err != nil {
		fmt.Fprintf(stderr, "quiztrainer %s: %v\n", name, err)
		return nil, false
	}
	return store, true
}

func runUserAdd(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cfg Config
	fs := userFlags("add", &cfg, stderr)
	username := fs.String("username", "", "the new teacher's username")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	admin := fs.Bool("admin", false, "make an admin, who sees and changes every quiz and manages the accounts")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if problem := handlers.CheckUsername(*username); problem != "" {
		fmt.Fprintln(stderr, "quiztrainer user add: --username:", problem)
		return 2
	}
	if !*fromStdin {
		fmt.Fprintln(stderr, "quiztrainer user add: give the password on standard input with --password-stdin (a password on the command line would show in the process list)")
		return 2
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		fmt.Fprintln(stderr, "quiztrainer user add: read password:", err)
		return 1
	}
	password := strings.TrimRight(line, "\r\n")
	if problem := handlers.CheckPasswordPolicy(password, *username); problem != "" {
		fmt.Fprintln(stderr, "quiztrainer user add:", problem)
		return 2
	}
	hash, err := handlers.HashPassword(password)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer user add:", err)
		return 1
	}
	store, ok := openStore(cfg, "user add", stderr)
	if !ok {
		return 1
	}
	defer store.Close()
	role := quizzes.RoleTeacher
	if *admin {
		role = quizzes.RoleAdmin
	}
	u, err := store.AddUser(context.Background(), quizzes.User{Username: *username, PasswordHash: hash, Role: role}, shellActor)
	if errors.Is(err, db.ErrUsernameTaken) {
		fmt.Fprintf(stderr, "quiztrainer user add: the username %q is taken\n", *username)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer user add:", err)
		return 1
	}
	fmt.Fprintf(stdout, "added %s %q (id %d)\n", role, u.Username, u.ID)
	return 0
}

func runUserList(args []string, stdout, stderr io.Writer) int {
	var cfg Config
	fs := userFlags("list", &cfg, stderr)
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	store, ok := openStore(cfg, "user list", stderr)
	if !ok {
		return 1
	}
	defer store.Close()
	rows, err := store.Teachers(context.Background())
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer user list:", err)
		return 1
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tUSERNAME\tROLE\tSTATE\tLAST SIGN-IN\tQUIZZES")
	for _, r := range rows {
		state, last := "on", "never"
		if r.Disabled {
			state = "off"
		}
		if !r.LastSignIn.IsZero() {
			last = r.LastSignIn.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%d\n", r.ID, r.Username, r.Role, state, last, r.Quizzes)
	}
	tw.Flush()
	return 0
}

// accountNamed finds the account a --username names, reporting why not.
func accountNamed(store *db.Store, name, cmd string, stderr io.Writer) (quizzes.User, bool) {
	if name == "" {
		fmt.Fprintf(stderr, "quiztrainer %s: give the account with --username NAME\n", cmd)
		return quizzes.User{}, false
	}
	u, err := store.UserByUsername(context.Background(), name)
	if errors.Is(err, db.ErrNotFound) {
		fmt.Fprintf(stderr, "quiztrainer %s: no account has the username %q\n", cmd, name)
		return u, false
	}
	if err != nil {
		fmt.Fprintf(stderr, "quiztrainer %s: %v\n", cmd, err)
		return u, false
	}
	return u, true
}

func runUserDisable(args []string, stdout, stderr io.Writer) int {
	var cfg Config
	fs := userFlags("disable", &cfg, stderr)
	username := fs.String("username", "", "the account to turn off")
	enable := fs.Bool("enable", false, "turn the account on again instead")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	store, ok := openStore(cfg, "user disable", stderr)
	if !ok {
		return 1
	}
	defer store.Close()
	u, ok := accountNamed(store, *username, "user disable", stderr)
	if !ok {
		return 1
	}
	u, err := store.SetDisabled(context.Background(), u.ID, !*enable, shellActor)
	if errors.Is(err, db.ErrLastAdmin) {
		fmt.Fprintf(stderr, "quiztrainer user disable: %q is the only admin who can sign in; make another account an admin first\n", u.Username)
		return 1
	}
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer user disable:", err)
		return 1
	}
	if *enable {
		fmt.Fprintf(stdout, "turned on %q\n", u.Username)
	} else {
		fmt.Fprintf(stdout, "turned off %q and ended its sessions\n", u.Username)
	}
	return 0
}

func runUserResetLink(args []string, stdout, stderr io.Writer) int {
	var cfg Config
	fs := userFlags("reset-link", &cfg, stderr)
	username := fs.String("username", "", "the account whose password is to be reset")
	fs.StringVar(&cfg.BaseURL, "base-url", env("base-url", ""), "public URL of the site, which the link starts with (QUIZTRAINER_BASE_URL)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	store, ok := openStore(cfg, "user reset-link", stderr)
	if !ok {
		return 1
	}
	defer store.Close()
	u, ok := accountNamed(store, *username, "user reset-link", stderr)
	if !ok {
		return 1
	}
	tok, l, err := handlers.IssueResetLink(context.Background(), store, u.ID, shellActor, time.Now())
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer user reset-link:", err)
		return 1
	}
	if cfg.BaseURL == "" {
		fmt.Fprintln(stderr, "quiztrainer user reset-link: no --base-url given; put the site's address in front of this path")
	}
	fmt.Fprintln(stdout, strings.TrimSuffix(cfg.BaseURL, "/")+handlers.ResetPath(tok))
	fmt.Fprintf(stderr, "the link works once, until %s\n", l.ExpiresAt.UTC().Format(time.RFC3339))
	return 0
}
