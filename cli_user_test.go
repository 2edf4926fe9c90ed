package main

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"quiztrainer/db"
)

func TestUserListDisableResetLink(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "q.db")
	cli(t, "a long password\n", "user", "add", "--db", dbPath, "--username", "root", "--password-stdin", "--admin")
	cli(t, "another long password\n", "user", "add", "--db", dbPath, "--username", "ms-lee", "--password-stdin")
	code, out, _ := cli(t, "", "user", "list", "--db", dbPath)
	if code != 0 || !strings.Contains(out, "ms-lee    teacher  on     never") || !strings.Contains(out, "root      admin    on") {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	if code, _, errOut := cli(t, "", "user", "disable", "--db", dbPath, "--username", "root"); code != 1 || !strings.Contains(errOut, "only admin") {
		t.Errorf("turning off the only admin: exit %d %q, want 1 with the reason", code, errOut)
	}
	if code, _, errOut := cli(t, "", "user", "disable", "--db", dbPath, "--username", "nobody"); code != 1 || !strings.Contains(errOut, `no account has the username "nobody"`) {
		t.Errorf("unknown account: exit %d %q", code, errOut)
	}
	if code, out, _ := cli(t, "", "user", "disable", "--db", dbPath, "--username", "ms-lee"); code != 0 || !strings.Contains(out, `turned off "ms-lee"`) {
		t.Errorf("disable: exit %d %q", code, out)
	}
	if _, out, _ := cli(t, "", "user", "list", "--db", dbPath); !strings.Contains(out, "ms-lee    teacher  off") {
		t.Errorf("list after disable:\n%s", out)
	}
	if code, _, _ := cli(t, "", "user", "disable", "--db", dbPath, "--username", "ms-lee", "--enable"); code != 0 {
		t.Errorf("enable: exit %d", code)
	}
	code, out, errOut := cli(t, "", "user", "reset-link", "--db", dbPath, "--username", "ms-lee", "--base-url", "https://quiz.example.org/")
	link, err := url.Parse(strings.TrimSpace(out))
	if code != 0 || err != nil || link.Host != "quiz.example.org" || link.Path != "/reset" || len(link.Query().Get("token")) < 40 || !strings.Contains(errOut, "works once") {
		t.Fatalf("reset-link: exit %d, %q %q", code, out, errOut)
	}
	store, err := db.Open(context.Background(), dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	u, err := store.UseResetLink(context.Background(), db.HashToken(link.Query().Get("token")), "new-hash", "")
	if err != nil || u.Username != "ms-lee" {
		t.Errorf("the printed link does not reset ms-lee's password: %v", err)
	}
	log, _ := store.AuditLog(context.Background(), 0, 10)
	if len(log) == 0 || log[len(log)-1].Actor != "(command line)" {
		t.Errorf("the shell's changes are not in the audit log: %+v", log)
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := cli(t, "", "--help")
	if code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(out, "\n  "+c.name+" ") {
			t.Errorf("--help does not list %q", c.name)
		}
	}
	for _, u := range userCommands {
		if !strings.Contains(out, "\n  user "+u.name+" ") {
			t.Errorf("--help does not list user %s", u.name)
		}
	}
	for _, tc := range []struct {
		args []string
		flag string
	}{
		{[]string{"serve", "--help"}, "-addr"},
		{[]string{"import", "--help"}, "-dry-run"},
		{[]string{"export", "--help"}, "-quiz"},
		{[]string{"generate", "--help"}, "-batch"},
		{[]string{"backup", "--help"}, "-db"},
		{[]string{"user", "add", "--help"}, "-password-stdin"},
		{[]string{"user", "list", "--help"}, "-db"},
		{[]string{"user", "disable", "--help"}, "-enable"},
		{[]string{"user", "reset-link", "--help"}, "-base-url"},
	} {
		_, out, errOut := cli(t, "", tc.args...)
		if help := out + errOut; !strings.Contains(help, "usage: quiztrainer "+tc.args[0]) || !strings.Contains(help, tc.flag) {
			t.Errorf("%s: help lacks its usage line or %s:\n%s", strings.Join(tc.args, " "), tc.flag, help)
		}
	}
}
