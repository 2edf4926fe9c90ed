package db

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

// TestEveryRosterChangeIsSeenByTheNextLookUp keeps a student in memory on
// two stores of one file (two servers), makes each change that alters
// whom a cookie's token names or what that student is, and checks that the
// very next look-up on both shows it: through StudentByToken, and through
// StudentAt with the version a page's own query reads.
func TestEveryRosterChangeIsSeenByTheNextLookUp(t *testing.T) {
	ctx := context.Background()
	s, other := openTwoServers(t)
	teacher, err := s.CreateUser(ctx, quizzes.User{Username: "teach", PasswordHash: "x", Role: quizzes.RoleTeacher})
	if err != nil {
		t.Fatal(err)
	}
	cl, err := s.CreateClass(ctx, "9B", teacher.ID)
	if err != nil {
		t.Fatal(err)
	}
	ana, err := s.CreateStudent(ctx, "Ana", "tok-ana")
	if err != nil {
		t.Fatal(err)
	}
	tablet, err := s.CreateStudent(ctx, "Ana tablet", "tok-tablet")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{ana.ID, tablet.ID} {
		if err := s.JoinClass(ctx, id, cl.ID); err != nil {
			t.Fatal(err)
		}
	}
	// want is what the token should name now: "" for nobody.
	check := func(t *testing.T, token string, wantID int64, wantName string, wantClass int64) {
		t.Helper()
		for name, st := range map[string]*Store{"this server": s, "another server": other} {
			for how, look := range map[string]func() (quizzes.Student, error){
				"StudentByToken": func() (quizzes.Student, error) { return st.StudentByToken(ctx, token) },
				"StudentAt": func() (quizzes.Student, error) {
					v, err := st.RosterVersion(ctx)
					if err != nil {
						return quizzes.Student{}, err
					}
					return st.StudentAt(ctx, token, v)
				},
			} {
				got, err := look()
				switch {
				case wantID == 0 && !errors.Is(err, ErrNotFound):
					t.Errorf("%s, %s: %s names %d %q (err %v), want nobody", name, how, token, got.ID, got.DisplayName, err)
				case wantID != 0 && err != nil:
					t.Errorf("%s, %s: %s: %v", name, how, token, err)
				case wantID != 0 && (got.ID != wantID || got.DisplayName != wantName || got.ClassID != wantClass):
					t.Errorf("%s, %s: %s names %d %q of class %d, want %d %q of class %d", name, how, token,
						got.ID, got.DisplayName, got.ClassID, wantID, wantName, wantClass)
				}
			}
		}
	}
	// Both servers keep both students.
	check(t, "tok-ana", ana.ID, "Ana", cl.ID)
	check(t, "tok-tablet", tablet.ID, "Ana tablet", cl.ID)
	if _, _, ok := other.KeptStudent("tok-ana"); !ok {
		t.Fatal("the other server keeps no student for tok-ana after looking it up")
	}
	steps := []struct {
		name   string
		change func() error
		check  func(t *testing.T)
	}{
		{"renamed on the roster", func() error { return s.RenameClassStudent(ctx, cl.ID, ana.ID, "Ana Lopez") },
			func(t *testing.T) { check(t, "tok-ana", ana.ID, "Ana Lopez", cl.ID) }},
		{"renamed by the student", func() error { return other.RenameStudent(ctx, ana.ID, "Ana L.") },
			func(t *testing.T) { check(t, "tok-ana", ana.ID, "Ana L.", cl.ID) }},
		{"the class deleted", func() error { return s.DeleteClass(ctx, cl.ID) },
			func(t *testing.T) { check(t, "tok-ana", ana.ID, "Ana L.", 0) }},
		{"the class restored", func() error { return s.RestoreClass(ctx, cl.ID) },
			func(t *testing.T) { check(t, "tok-ana", ana.ID, "Ana L.", cl.ID) }},
		{"the tablet merged into Ana", func() error {
			_, err := s.MergeStudents(ctx, cl.ID, ana.ID, tablet.ID)
			return err
		}, func(t *testing.T) { check(t, "tok-tablet", ana.ID, "Ana L.", cl.ID) }},
		{"removed", func() error { return s.RemoveStudent(ctx, cl.ID, ana.ID) },
			func(t *testing.T) {
				check(t, "tok-ana", 0, "", 0)
				check(t, "tok-tablet", 0, "", 0)
			}},
		{"restored", func() error { return s.RestoreStudent(ctx, cl.ID, ana.ID) },
			func(t *testing.T) {
				check(t, "tok-ana", ana.ID, "Ana L.", cl.ID)
				check(t, "tok-tablet", ana.ID, "Ana L.", cl.ID)
			}},
		{"signed in on a phone with a sign-in code", func() error { return signInWithCode(ctx, s, cl.ID, ana.ID, "tok-phone") },
			func(t *testing.T) { check(t, "tok-phone", ana.ID, "Ana L.", cl.ID) }},
		{"a new sign-in code signs the phone out", func() error {
			_, err := other.NewSigninCode(ctx, cl.ID, ana.ID)
			return err
		}, func(t *testing.T) {
			check(t, "tok-phone", 0, "", 0)
			check(t, "tok-ana", ana.ID, "Ana L.", cl.ID)
		}},
		{"signed in again, then switch student on the phone", func() error {
			if err := signInWithCode(ctx, s, cl.ID, ana.ID, "tok-phone-2"); err != nil {
				return err
			}
			if _, err := s.StudentByToken(ctx, "tok-phone-2"); err != nil {
				return err
			}
			if _, err := other.StudentByToken(ctx, "tok-phone-2"); err != nil {
				return err
			}
			return s.EndStudentToken(ctx, "tok-phone-2")
		}, func(t *testing.T) {
			check(t, "tok-phone-2", 0, "", 0)
			check(t, "tok-ana", ana.ID, "Ana L.", cl.ID)
		}},
		{"signed out (switch student)", func() error { return other.EndStudentToken(ctx, "tok-ana") },
			func(t *testing.T) { check(t, "tok-ana", 0, "", 0) }},
	}
	for _, step := range steps {
		if err := step.change(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		t.Run(step.name, step.check)
	}
}

// TestTablesOfTheTokenLookUpMoveTheRosterVersion checks that every table
// the token look-up reads has triggers that move roster_edits when a row
// changes or goes: without them a server would keep showing a student
// that another server changed.
func TestTablesOfTheTokenLookUpMoveTheRosterVersion(t *testing.T) {
	s, _ := openTest(t)
	tables := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+(\w+)`).FindAllStringSubmatch(selectStudentByToken, -1) {
		tables[m[1]] = true
	}
	if len(tables) == 0 {
		t.Fatal("found no table in the look-up")
	}
	for table := range tables {
		for _, event := range []string{"UPDATE", "DELETE"} {
			var n int
			err := s.read.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?
				AND sql LIKE '%AFTER ' || ? || '%' AND sql LIKE '%roster_edits%'`, table, event).Scan(&n)
			if err != nil {
				t.Fatal(err)
			}
			if n == 0 {
				t.Errorf("no trigger moves roster_edits after %s on %s", event, table)
			}
		}
	}
}

// TestNewStudentDoesNotMoveTheRosterVersion: students arriving (a whole
// school at once) must not make every server read every student again.
func TestNewStudentDoesNotMoveTheRosterVersion(t *testing.T) {
	ctx := context.Background()
	s, _ := openTest(t)
	before, err := s.RosterVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateStudent(ctx, "Ana", "tok-ana"); err != nil {
		t.Fatal(err)
	}
	if after, _ := s.RosterVersion(ctx); after != before {
		t.Errorf("the roster's version moved from %d to %d for a new student", before, after)
	}
}

// signInWithCode turns the class's sign-in on and signs the device holding
// token in as the student, with the student's code.
func signInWithCode(ctx context.Context, s *Store, classID, studentID int64, token string) error {
	if _, err := s.SetClassSignin(ctx, classID, true); err != nil {
		return err
	}
	cards, err := s.SigninCards(ctx, classID)
	if err != nil {
		return err
	}
	for _, c := range cards {
		if c.StudentID == studentID {
			_, err := s.SignIn(ctx, classID, studentID, c.Code, token)
			return err
		}
	}
	return ErrNotFound
}

// BenchmarkAttemptState reads the attempt pages' one query for eight
// attempts in turn, as a busy server does: a statement that SQLite
// prepares again when its bound id changes shows here. "answered" reads
// attempts whose answers are kept; "changed" saves an answer before each
// read, so that every read is the first after a change (not timed).
func BenchmarkAttemptState(b *testing.B) {
	for _, name := range []string{"empty", "answered", "changed"} {
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			s, err := Open(ctx, b.TempDir()+"/bench.db")
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			art, err := s.CreateArticle(ctx, quizzes.Article{Title: "Rivers", Body: "The Nile is long. The Seine flows through Paris."})
			if err != nil {
				b.Fatal(err)
			}
			q, err := s.CreateQuiz(ctx, sampleQuiz(art))
			if err != nil {
				b.Fatal(err)
			}
			var ids []int64
			for i := range 8 {
				st, err := s.CreateStudent(ctx, "Student", "bench-token-"+string(rune('a'+i)))
				if err != nil {
					b.Fatal(err)
				}
				a, err := s.OpenAttempt(ctx, q, st.ID)
				if err != nil {
					b.Fatal(err)
				}
				ids = append(ids, a.ID)
			}
			save := func(id int64, text string) {
				answers := map[int64]quizzes.Answer{q.Questions[0].ID: quizzes.Picked(q.Questions[0].Choices[0].ID), q.Questions[1].ID: {Text: text}}
				if _, err := s.SaveAnswers(ctx, q, id, answers, time.Now()); err != nil {
					b.Fatal(err)
				}
			}
			if name != "empty" {
				for _, id := range ids {
					save(id, "Seine")
				}
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				id := ids[i%len(ids)]
				if name == "changed" {
					b.StopTimer()
					save(id, []string{"Seine", "Thames"}[i/len(ids)%2])
					b.StartTimer()
				}
				st, err := s.AttemptState(ctx, id, true)
				if err != nil {
					b.Fatal(err)
				}
				want := 2
				if name == "empty" {
					want = 0
				}
				if len(st.Responses) != want {
					b.Fatalf("%d answers read, want %d", len(st.Responses), want)
				}
				i++
			}
		})
	}
}
