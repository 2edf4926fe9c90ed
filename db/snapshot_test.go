package db

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"quiztrainer/quizzes"
)

// TestEveryEditIsSeenInTheNextSnapshot makes each kind of change a teacher
// can make and checks that the very next snapshot shows it, from this
// store and from a second one on the same file (another server).
func TestEveryEditIsSeenInTheNextSnapshot(t *testing.T) {
	ctx := context.Background()
	s, other := openTwoServers(t)
	art, err := s.CreateArticle(ctx, quizzes.Article{Title: "Rivers", Body: "The Nile is long. The Seine flows through Paris."})
	if err != nil {
		t.Fatal(err)
	}
	quiz, err := s.CreateQuiz(ctx, sampleQuiz(art))
	if err != nil {
		t.Fatal(err)
	}
	both := func(t *testing.T, check func(*Snapshot) string) {
		t.Helper()
		for name, st := range map[string]*Store{"this server": s, "another server": other} {
			snap, err := st.QuizSnapshot(ctx, quiz.ID)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if problem := check(snap); problem != "" {
				t.Errorf("%s: %s", name, problem)
			}
			// a renamed quiz has the address of its new title
			bySlug, err := st.QuizSnapshotBySlug(ctx, snap.Quiz.Slug)
			if err != nil || bySlug != snap {
				t.Errorf("%s: by slug gave %p, %v; want the same snapshot %p", name, bySlug, err, snap)
			}
		}
	}
	// Read once on each, so that both hold a snapshot that the edits make old.
	both(t, func(snap *Snapshot) string {
		if len(snap.Quiz.Questions) != 2 || snap.Article == nil || snap.Article.Body == "" {
			return fmt.Sprintf("first snapshot has %d questions, article %v", len(snap.Quiz.Questions), snap.Article)
		}
		if got := snap.Quiz.Questions[0].Evidence.Text; got != "The Nile is lo" {
			return fmt.Sprintf("evidence %q, want %q", got, "The Nile is lo")
		}
		return ""
	})
	first := quiz.Questions[0]
	steps := []struct {
		name  string
		edit  func() error
		check func(*Snapshot) string
	}{
		{"a question reworded", func() error {
			q := first
			q.Prompt = "Which river is the longest of all?"
			_, err := s.UpdateQuestion(ctx, q)
			return err
		}, func(snap *Snapshot) string {
			if got := snap.Quiz.Questions[0].Prompt; got != "Which river is the longest of all?" {
				return fmt.Sprintf("prompt %q", got)
			}
			return ""
		}},
		{"the quiz renamed and its settings changed", func() error {
			q := quiz
			q.Title, q.Settings.Feedback = "Rivers of the world", quizzes.FeedbackNow
			return s.UpdateQuiz(ctx, q)
		}, func(snap *Snapshot) string {
			if snap.Quiz.Title != "Rivers of the world" || snap.Quiz.Settings.Feedback != quizzes.FeedbackNow {
				return fmt.Sprintf("title %q, feedback %q", snap.Quiz.Title, snap.Quiz.Settings.Feedback)
			}
			return ""
		}},
		{"a question added", func() error {
			_, err := s.AddQuestion(ctx, quiz.ID, quizzes.Question{Kind: quizzes.TrueFalse, Prompt: "Paris is on the Seine.",
				Choices: []quizzes.Choice{{Text: "True", Correct: true}, {Text: "False"}}})
			return err
		}, func(snap *Snapshot) string {
			if n := len(snap.Quiz.Questions); n != 3 {
				return fmt.Sprintf("%d questions, want 3", n)
			}
			return ""
		}},
		{"a typed answer accepted (a choice added)", func() error {
			_, err := s.AcceptAnswer(ctx, quiz.ID, quiz.Questions[1].ID, "the Seine river")
			return err
		}, func(snap *Snapshot) string {
			if n := len(snap.Quiz.Questions[1].Choices); n != 2 {
				return fmt.Sprintf("%d accepted answers, want 2", n)
			}
			return ""
		}},
		{"a question moved", func() error {
			return s.MoveQuestion(ctx, quiz.ID, first.ID, +1)
		}, func(snap *Snapshot) string {
			if snap.Quiz.Questions[1].ID != first.ID {
				return "the moved question is not second"
			}
			return ""
		}},
		{"a question deleted", func() error {
			_, err := s.DeleteQuestion(ctx, quiz.ID, first.ID)
			return err
		}, func(snap *Snapshot) string {
			for _, q := range snap.Quiz.Questions {
				if q.ID == first.ID {
					return "the deleted question is still there"
				}
			}
			return ""
		}},
		{"the quiz unpublished", func() error {
			return s.SetQuizStatus(ctx, quiz.ID, quizzes.Draft)
		}, func(snap *Snapshot) string {
			if snap.Quiz.Status != quizzes.Draft {
				return fmt.Sprintf("status %q, want draft", snap.Quiz.Status)
			}
			return ""
		}},
	}
	for _, step := range steps {
		t.Run(step.name, func(t *testing.T) {
			if err := step.edit(); err != nil {
				t.Fatal(err)
			}
			both(t, step.check)
		})
	}
	t.Run("the quiz deleted, and a new one made with its id", func(t *testing.T) {
		if err := s.DeleteQuiz(ctx, quiz.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := other.QuizSnapshot(ctx, quiz.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("snapshot of a deleted quiz: %v, want not found", err)
		}
		again, err := s.CreateQuiz(ctx, quizzes.Quiz{Title: "Mountains", Status: quizzes.Published,
			Questions: []quizzes.Question{{Kind: quizzes.ShortAnswer, Prompt: "Highest?", Choices: []quizzes.Choice{{Text: "Everest", Correct: true}}}}})
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != quiz.ID {
			t.Logf("the new quiz took id %d, not %d", again.ID, quiz.ID)
		}
		snap, err := s.QuizSnapshot(ctx, again.ID)
		if err != nil || snap.Quiz.Title != "Mountains" || len(snap.Quiz.Questions) != 1 {
			t.Fatalf("snapshot of the new quiz: %+v, %v", snap, err)
		}
	})
}

// TestNoStaleSnapshotAfterAnEdit edits a question over and over while
// readers take snapshots: a snapshot asked for after an edit committed
// never shows the text from before it.
func TestNoStaleSnapshotAfterAnEdit(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	quiz, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	const edits, readers = 60, 4
	var committed atomic.Int64 // the last edit whose transaction returned
	var stale atomic.Int64
	var reads atomic.Int64
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-done:
					return
				default:
				}
				before := committed.Load()
				snap, err := s.QuizSnapshot(ctx, quiz.ID)
				if err != nil {
					t.Error(err)
					return
				}
				reads.Add(1)
				n := int64(0)
				if v, ok := strings.CutPrefix(snap.Quiz.Questions[1].Prompt, "Edit "); ok {
					n, _ = strconv.ParseInt(v, 10, 64)
				}
				if n < before {
					stale.Add(1)
				}
			}
		}()
	}
	q := quiz.Questions[1]
	for i := int64(1); i <= edits; i++ {
		q.Prompt = fmt.Sprintf("Edit %d", i)
		if _, err := s.UpdateQuestion(ctx, q); err != nil {
			t.Fatal(err)
		}
		committed.Store(i)
	}
	close(done)
	wg.Wait()
	if stale.Load() > 0 {
		t.Errorf("%d of %d snapshots showed a question from before an edit that had committed", stale.Load(), reads.Load())
	}
	snap, err := s.QuizSnapshot(ctx, quiz.ID)
	if err != nil || snap.Quiz.Questions[1].Prompt != fmt.Sprintf("Edit %d", edits) {
		t.Fatalf("after the edits: %q, %v", snap.Quiz.Questions[1].Prompt, err)
	}
	if reads.Load() < edits {
		t.Logf("only %d reads during %d edits", reads.Load(), edits)
	}
}

// TestSnapshotIsReadOncePerVersion checks that an unchanged quiz is served
// from memory: the same snapshot comes back until an edit.
func TestSnapshotIsReadOncePerVersion(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	quiz, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.QuizSnapshot(ctx, quiz.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.QuizSnapshot(ctx, quiz.ID)
	if err != nil || a != b {
		t.Fatalf("second read: %p, %v; want the first snapshot %p", b, err, a)
	}
	if err := s.SetQuizStatus(ctx, quiz.ID, quizzes.Published); err != nil {
		t.Fatal(err)
	}
	c, err := s.QuizSnapshot(ctx, quiz.ID)
	if err != nil || c == a || c.Version <= a.Version {
		t.Fatalf("after an update: %p version %d, %v; want a new snapshot after version %d", c, c.Version, err, a.Version)
	}
}
