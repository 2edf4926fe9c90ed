package handlers

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"quiztrainer/db"
)

func TestHealthFailsWhenWritesFail(t *testing.T) {
	ta := newTestApp(t)
	c := ta.client()
	if r := c.get("/healthz"); r.status != 200 {
		t.Fatalf("/healthz on a healthy database: %d", r.status)
	}
	// Another connection makes every write of the server's fail, as a
	// read-only file or a full disk would.
	other, err := sql.Open("sqlite", db.DSN(ta.path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, stmt := range []string{
		`CREATE TRIGGER no_insert BEFORE INSERT ON kv BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
		`CREATE TRIGGER no_update BEFORE UPDATE ON kv BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
	} {
		if _, err := other.ExecContext(context.Background(), stmt); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(healthProbeEvery + 100*time.Millisecond)
	r := c.get("/healthz")
	if r.status != 503 {
		t.Errorf("/healthz while writes fail: %d, want 503", r.status)
	}
}
