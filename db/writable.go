package db

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// CheckWritable says what stops the program writing the database at path,
// if anything. SQLite needs to write the file, its -wal and -shm files and
// the folder that holds them (it makes and removes the -wal and -shm files
// there); when one of them belongs to another user, SQLite opens the
// database read-only and every write fails later, one request at a time.
func CheckWritable(path string) error {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil
	}
	dir := filepath.Dir(path)
	probe, err := os.CreateTemp(dir, ".quiztrainer-write-check-*")
	if err != nil {
		return fmt.Errorf("cannot write in the folder %s, where the database and its -wal and -shm files live (%w). %s",
			dir, errors.Unwrap(err), ownerHint(dir))
	}
	probe.Close()
	os.Remove(probe.Name())
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		f, err := os.OpenFile(p, os.O_RDWR, 0)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return fmt.Errorf("cannot write %s (%w). %s", p, errors.Unwrap(err), ownerHint(p))
		}
		f.Close()
	}
	return nil
}

// ownerHint says how to give the files back to the user the server runs as.
func ownerHint(p string) string {
	fi, err := os.Stat(p)
	if err != nil {
		return "Check that the server's user may write it."
	}
	owner, me, ok := fileOwner(fi)
	if !ok {
		return "Give the server's user write access to it."
	}
	if owner != me {
		base := strings.TrimSuffix(strings.TrimSuffix(p, "-wal"), "-shm")
		return fmt.Sprintf("It belongs to user %d and the server runs as user %d: run the server as the user who owns the database, "+
			"or give the server's user all of it, for example: chown %d %s %s-wal %s-shm (a command run as root, such as a backup, may have left it so).",
			owner, me, me, base, base, base)
	}
	return fmt.Sprintf("It belongs to the server's user but is not writable (mode %s): chmod u+w %s.", fi.Mode().Perm(), p)
}

// ProbeWrite commits a small write, to tell whether the database takes
// writes now (a read-only file or a full disk fails it). The row it writes
// is removed in the same transaction: the pages still go through the WAL.
func (s *Store) ProbeWrite(ctx context.Context) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO kv (key, value, expires_at) VALUES ('health:probe', ?, 0)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, []byte(time.Now().UTC().Format(time.RFC3339Nano))); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, "DELETE FROM kv WHERE key = 'health:probe'")
		return err
	})
	if err != nil {
		return fmt.Errorf("db: write check: %w", err)
	}
	return nil
}
