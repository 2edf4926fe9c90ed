package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"quiztrainer/db"
	"quiztrainer/handlers"
	"quiztrainer/quizzes"
)

// runUser manages teacher accounts from the shell: `user add`.
func runUser(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(stderr, "usage: quiztrainer user add --username NAME --password-stdin [--admin] [--db FILE]")
		return 2
	}
	var cfg Config
	fs := newFlagSet("user add", &cfg, stderr)
	username := fs.String("username", "", "the new teacher's username")
	fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input")
	admin := fs.Bool("admin", false, "make an admin, who sees and changes every quiz")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
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
	if problem := handlers.CheckPasswordPolicy(password); problem != "" {
		fmt.Fprintln(stderr, "quiztrainer user add:", problem)
		return 2
	}
	hash, err := handlers.HashPassword(password)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer user add:", err)
		return 1
	}
	ctx := context.Background()
	store, err := db.Open(ctx, cfg.DB)
	if err != nil {
		fmt.Fprintln(stderr, "quiztrainer user add:", err)
		return 1
	}
	defer store.Close()
	role := quizzes.RoleTeacher
	if *admin {
		role = quizzes.RoleAdmin
	}
	u, err := store.CreateUser(ctx, quizzes.User{Username: *username, PasswordHash: hash, Role: role})
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
