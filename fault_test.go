//go:build unix

package main

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

var (
	csrfInput   = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)
	servingLine = regexp.MustCompile(`msg="quiztrainer is serving" url=(http://\S+)`)
)

// startServer runs the program on path and returns its address once it
// serves.
func startServer(t *testing.T, bin, path string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", path)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			if m := servingLine.FindStringSubmatch(sc.Text()); m != nil && !sent {
				found <- m[1]
				sent = true
			}
		}
	}()
	select {
	case addr := <-found:
		return cmd, addr
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the server did not start within 30 s")
	}
	return nil, ""
}

// student is one browser answering the quiz.
type student struct {
	http  *http.Client
	base  string
	token string
}

func newStudent(base string) *student {
	jar, _ := cookiejar.New(nil)
	return &student{base: base, http: &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (s *student) get(path string) (string, error) {
	resp, err := s.http.Get(s.base + path)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if m := csrfInput.FindStringSubmatch(string(body)); m != nil {
		s.token = m[1]
	}
	return string(body), err
}

// post sends a form and returns the status and where it redirects.
func (s *student) post(path string, form url.Values) (int, string, error) {
	form.Set("_csrf", s.token)
	resp, err := s.http.PostForm(s.base+path, form)
	if err != nil {
		return 0, "", err
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), nil
}

type ackedAnswer struct {
	attempt, question int64
	value             string
}

// TestKilledServerKeepsEveryAcknowledgedAnswer starts the real program,
// has students save answers, kills it with SIGKILL mid-stream, and checks
// that every answer the server acknowledged is in the database and that
// the database is sound; five times over on one database file.
func TestKilledServerKeepsEveryAcknowledgedAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the program ten times; skipped with -short")
	}
	bin := builtBinary(t)
	path := filepath.Join(t.TempDir(), "quiztrainer.db")
	store, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	var qs []quizzes.Question
	for i := range 40 {
		qs = append(qs, quizzes.Question{Kind: quizzes.ShortAnswer, Prompt: fmt.Sprintf("Question %d?", i+1),
			Choices: []quizzes.Choice{{Text: "yes", Correct: true}}})
	}
	quiz, err := store.CreateQuiz(context.Background(), quizzes.Quiz{Title: "Load", Status: quizzes.Published, Questions: qs})
	if err != nil {
		t.Fatal(err)
	}
	store.Close()

	const cycles, workers = 5, 6
	var acked []ackedAnswer
	total := 0
	for cycle := range cycles {
		cmd, base := startServer(t, bin, path)
		var mu sync.Mutex
		stop := make(chan struct{})
		var wg sync.WaitGroup
		for w := range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				// One student after another, so that answers are being
				// saved right up to the kill.
				for n := 0; ; n++ {
					select {
					case <-stop:
						return
					default:
					}
					s := newStudent(base)
					if _, err := s.get("/quiz/" + quiz.Slug); err != nil {
						return
					}
					status, loc, err := s.post("/quiz/"+quiz.Slug+"/start", url.Values{"display_name": {fmt.Sprintf("c%dw%dn%d", cycle, w, n)}})
					if err != nil || status != 303 || !strings.HasPrefix(loc, "/attempt/") {
						return
					}
					attempt, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/attempt/"), 10, 64)
					if _, err := s.get(loc); err != nil {
						return
					}
					for i, q := range quiz.Questions {
						value := fmt.Sprintf("c%d-w%d-n%d-q%d", cycle, w, n, i)
						status, _, err := s.post(loc+"/answer", url.Values{"save": {strconv.FormatInt(q.ID, 10)}, views.AnswerField(q.ID): {value}})
						if err != nil {
							return // the server was killed mid-request: not acknowledged
						}
						if status == 303 || status == 200 {
							mu.Lock()
							acked = append(acked, ackedAnswer{attempt, q.ID, value})
							mu.Unlock()
						}
					}
				}
			}()
		}
		// Kill once answers are flowing: after the cycle's first 20
		// acknowledgements (however slow the machine is), and a moment more
		// so that the kill lands in the middle of saves.
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			mu.Lock()
			flowing := len(acked)-total >= 20
			mu.Unlock()
			if flowing {
				break
			}
		}
		time.Sleep(time.Duration(100+100*cycle) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		close(stop)
		wg.Wait()
		mu.Lock()
		n := len(acked) - total
		total = len(acked)
		mu.Unlock()
		if n == 0 {
			t.Fatalf("cycle %d: no answer was acknowledged before the kill", cycle+1)
		}
		t.Logf("cycle %d: %d answers acknowledged before SIGKILL", cycle+1, n)
	}

	conn, err := sql.Open("sqlite", db.DSN(path, false))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var check string
	if err := conn.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v; want ok", check, err)
	}
	missing := 0
	for _, a := range acked {
		var given string
		err := conn.QueryRow("SELECT given FROM responses WHERE attempt_id = ? AND question_id = ?", a.attempt, a.question).Scan(&given)
		if err != nil || !strings.Contains(given, a.value) {
			missing++
			if missing <= 5 {
				t.Errorf("acknowledged answer %q to question %d of attempt %d: stored %q, %v", a.value, a.question, a.attempt, given, err)
			}
		}
	}
	t.Logf("%d acknowledged answers over %d SIGKILLs; %d missing", len(acked), cycles, missing)
}
