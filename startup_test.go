//go:build unix

package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"quiztrainer/db"
)

// otherUser runs cmd as a user who does not own the files root made; as
// an ordinary user, the test makes the files read-only instead.
func asAnotherUser(t *testing.T, cmd *exec.Cmd, files ...string) {
	t.Helper()
	if os.Getuid() == 0 {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		return
	}
	for _, f := range files {
		if err := os.Chmod(f, 0o444); err != nil {
			t.Fatal(err)
		}
	}
}

// The reproduction: the database belongs to the server's user, but a
// -wal or -shm file belongs to someone else (left by a command run as
// root). The server must not start and pretend to work.
func TestServeRefusesADatabaseItCannotWrite(t *testing.T) {
	bin := builtBinary(t)
	for _, suffix := range []string{"-wal", "-shm"} {
		t.Run("a "+suffix+" file of another user", func(t *testing.T) {
			dir := t.TempDir()
			os.Chmod(filepath.Dir(dir), 0o755) // t.TempDir makes its folders for the owner only
			os.Chmod(dir, 0o777)
			path := filepath.Join(dir, "quiztrainer.db")
			store, err := db.Open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			store.Close()
			if err := os.WriteFile(path+suffix, nil, 0o644); err != nil {
				t.Fatal(err)
			}
			if os.Getuid() == 0 {
				os.Chown(path, 65534, 65534)
			}
			cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", path)
			asAnotherUser(t, cmd, path+suffix)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err := <-done:
				if err == nil {
					t.Fatalf("the server exited 0; want a failure. Its log:\n%s", stderr.String())
				}
			case <-time.After(5 * time.Second):
				cmd.Process.Kill()
				<-done
				t.Fatalf("the server started on a database it cannot write. Its log:\n%s", stderr.String())
			}
			log := stderr.String()
			for _, want := range []string{path + suffix, "cannot write", "chown"} {
				if !strings.Contains(log, want) {
					t.Errorf("the log does not say %q:\n%s", want, log)
				}
			}
		})
	}
}
