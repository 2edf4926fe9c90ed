package handlers

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"quiztrainer/db"
	"quiztrainer/quizzes/generate"
)

// lockedBuffer is a log destination requests may write to at once.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestAccessLogFollowsTheLevel: at debug level every request is logged
// with its method, path and status; above it, none is.
func TestAccessLogFollowsTheLevel(t *testing.T) {
	store, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "quiztrainer.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	gen, err := generate.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		level slog.Level
		want  []string
	}{
		{slog.LevelDebug, []string{"msg=request method=GET path=/healthz status=200", "msg=request method=GET path=/no-such-page status=404"}},
		{slog.LevelInfo, nil},
	} {
		var out lockedBuffer
		app := New(store, slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: tc.level})), gen, Config{})
		for _, path := range []string{"/healthz", "/no-such-page"} {
			res, err := app.Test(httptest.NewRequest("GET", path, nil), -1)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
		}
		got := out.String()
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("at level %v the log is %q, want it to hold %q", tc.level, got, w)
			}
		}
		if tc.want == nil && strings.Contains(got, "msg=request") {
			t.Errorf("at level %v the log is %q, want no request logged", tc.level, got)
		}
	}
}
