package db

import (
	"context"
	"errors"
	"testing"

	"quiztrainer/quizzes"
)

// classFixture is a teacher with a class, a published and a draft quiz.
func classFixture(t *testing.T) (*Store, quizzes.User, quizzes.Class, quizzes.Quiz, quizzes.Quiz) {
	t.Helper()
	s, _ := openTest(t)
	ctx := context.Background()
	u, err := s.CreateUser(ctx, quizzes.User{Username: "teach", PasswordHash: "x", Role: quizzes.RoleTeacher})
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateClass(ctx, "Year 9 English", u.ID)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := s.CreateQuiz(ctx, sampleQuiz(0))
	if err != nil {
		t.Fatal(err)
	}
	draft := sampleQuiz(0)
	draft.Status = quizzes.Draft
	if draft, err = s.CreateQuiz(ctx, draft); err != nil {
		t.Fatal(err)
	}
	return s, u, c, pub, draft
}

func TestCreateClassGivesAValidCodeFoundInAnyCase(t *testing.T) {
	t.Parallel()
	s, u, c, _, _ := classFixture(t)
	ctx := context.Background()
	if !quizzes.ValidJoinCode(c.JoinCode) || c.ID == 0 || c.OwnerID != u.ID || c.CreatedAt.IsZero() {
		t.Fatalf("CreateClass = %+v; want an id, owner, time and a valid code", c)
	}
	typed := " " + c.JoinCode[:3] + " - " + c.JoinCode[3:] + " "
	for _, code := range []string{c.JoinCode, typed, quizzes.FormatJoinCode(c.JoinCode), string(append([]byte(nil), c.JoinCode...))} {
		got, err := s.ClassByCode(ctx, code)
		if err != nil || got.ID != c.ID || got.Name != "Year 9 English" {
			t.Errorf("ClassByCode(%q) = %+v, %v; want the class", code, got, err)
		}
	}
	if _, err := s.ClassByCode(ctx, "ZZZZZZ"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ClassByCode of a wrong code: %v, want ErrNotFound", err)
	}
}

// TestJoinCodeCollisionsAreRetried forces the first codes drawn to be
// taken; it replaces the package's code source, so it is not parallel.
func TestJoinCodeCollisionsAreRetried(t *testing.T) {
	s, u, c, _, _ := classFixture(t)
	ctx := context.Background()
	defer func(old func() (string, error)) { newJoinCode = old }(newJoinCode)
	draws := []string{c.JoinCode, c.JoinCode, "NEWONE"}
	n := 0
	newJoinCode = func() (string, error) {
		code := draws[min(n, len(draws)-1)]
		n++
		return code, nil
	}
	c2, err := s.CreateClass(ctx, "Second", u.ID)
	if err != nil || c2.JoinCode != "NEWONE" || n != 3 {
		t.Fatalf("CreateClass = %q, %v after %d draws; want NEWONE after 3", c2.JoinCode, err, n)
	}
	newJoinCode = func() (string, error) { return c.JoinCode, nil }
	if _, err := s.CreateClass(ctx, "Third", u.ID); !errors.Is(err, ErrNoFreeCode) {
		t.Errorf("every code taken: %v, want ErrNoFreeCode", err)
	}
	if _, err := s.NewClassCode(ctx, c2.ID); !errors.Is(err, ErrNoFreeCode) {
		t.Errorf("new code with every code taken: %v, want ErrNoFreeCode", err)
	}
	if got, _ := s.Class(ctx, c2.ID); got.JoinCode != "NEWONE" {
		t.Errorf("a failed new code changed the class's code to %q", got.JoinCode)
	}
}

func TestRenameNewCodeAndDeleteClass(t *testing.T) {
	t.Parallel()
	s, _, c, pub, _ := classFixture(t)
	ctx := context.Background()
	if err := s.RenameClass(ctx, c.ID, "9B English"); err != nil {
		t.Fatal(err)
	}
	code, err := s.NewClassCode(ctx, c.ID)
	if err != nil || code == c.JoinCode || !quizzes.ValidJoinCode(code) {
		t.Fatalf("NewClassCode = %q, %v; want a new valid code", code, err)
	}
	if _, err := s.ClassByCode(ctx, c.JoinCode); !errors.Is(err, ErrNotFound) {
		t.Errorf("the old code still finds the class: %v", err)
	}
	got, err := s.ClassByCode(ctx, code)
	if err != nil || got.Name != "9B English" {
		t.Errorf("ClassByCode(new) = %+v, %v; want the renamed class", got, err)
	}
	if err := s.RenameClass(ctx, 9999, "x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("renaming a missing class: %v, want ErrNotFound", err)
	}
	if _, err := s.NewClassCode(ctx, 9999); !errors.Is(err, ErrNotFound) {
		t.Errorf("new code of a missing class: %v, want ErrNotFound", err)
	}

	st, _ := s.CreateStudent(ctx, "Ada", "tok-ada")
	if err := s.JoinClass(ctx, st.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	a, _ := s.OpenAttempt(ctx, pub, st.ID)
	s.SetClassQuizzes(ctx, c.ID, []int64{pub.ID})
	if err := s.DeleteClass(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Class(ctx, c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the class is still there: %v", err)
	}
	if st2, err := s.StudentByToken(ctx, "tok-ada"); err != nil || st2.ClassID != 0 {
		t.Errorf("student after the class went: %+v, %v; want them kept, in no class", st2, err)
	}
	if _, err := s.Attempt(ctx, a.ID); err != nil {
		t.Errorf("the student's attempt went with the class: %v", err)
	}
	if list, _ := s.PublicQuizzes(ctx); len(list) != 1 {
		t.Errorf("after the class went its quiz is not public again: %d public quizzes", len(list))
	}
}

func TestAssignedQuizzesLeaveThePublicList(t *testing.T) {
	t.Parallel()
	s, u, c, pub, draft := classFixture(t)
	ctx := context.Background()
	other, _ := s.CreateQuiz(ctx, sampleQuiz(0))
	if err := s.SetClassQuizzes(ctx, c.ID, []int64{pub.ID, draft.ID, pub.ID}); err != nil {
		t.Fatal(err)
	}
	assigned, err := s.ClassQuizzes(ctx, c.ID)
	if err != nil || len(assigned) != 2 {
		t.Fatalf("ClassQuizzes = %d, %v; want the published quiz and the draft", len(assigned), err)
	}
	public, err := s.PublicQuizzes(ctx)
	if err != nil || len(public) != 1 || public[0].ID != other.ID {
		t.Errorf("PublicQuizzes = %+v, %v; want only the unassigned published quiz", public, err)
	}
	rows, err := s.TeacherClasses(ctx, u)
	if err != nil || len(rows) != 1 || rows[0].Quizzes != 2 || rows[0].Owner != "teach" {
		t.Errorf("TeacherClasses = %+v, %v; want one class with 2 quizzes", rows, err)
	}
	if err := s.SetClassQuizzes(ctx, c.ID, nil); err != nil {
		t.Fatal(err)
	}
	if assigned, _ := s.ClassQuizzes(ctx, c.ID); len(assigned) != 0 {
		t.Errorf("after unassigning all, %d quizzes remain", len(assigned))
	}
	if err := s.SetClassQuizzes(ctx, c.ID, []int64{pub.ID, 9999}); err == nil {
		t.Error("assigning a missing quiz succeeded")
	}
	if assigned, _ := s.ClassQuizzes(ctx, c.ID); len(assigned) != 0 {
		t.Errorf("a failed assignment left %d quizzes assigned; want none", len(assigned))
	}
}

func TestTeacherClassesAreTheirOwnOrAllForAnAdmin(t *testing.T) {
	t.Parallel()
	s, u, _, _, _ := classFixture(t)
	ctx := context.Background()
	other, _ := s.CreateUser(ctx, quizzes.User{Username: "other", PasswordHash: "x", Role: quizzes.RoleTeacher})
	s.CreateClass(ctx, "Other's class", other.ID)
	for _, tc := range []struct {
		u    quizzes.User
		want int
	}{{u, 1}, {other, 1}, {quizzes.User{ID: 99, Role: quizzes.RoleAdmin}, 2}} {
		rows, err := s.TeacherClasses(ctx, tc.u)
		if err != nil || len(rows) != tc.want {
			t.Errorf("TeacherClasses(%s) = %d rows, %v; want %d", tc.u.Username, len(rows), err, tc.want)
		}
	}
}

func TestMembersMoveBetweenClassesAndFillTheGradebook(t *testing.T) {
	t.Parallel()
	s, u, c, pub, draft := classFixture(t)
	ctx := context.Background()
	c2, _ := s.CreateClass(ctx, "Other class", u.ID)
	ada, _ := s.CreateStudent(ctx, "ada", "tok-ada")
	bob, _ := s.CreateStudent(ctx, "Bob", "tok-bob")
	for _, st := range []quizzes.Student{ada, bob} {
		if err := s.JoinClass(ctx, st.ID, c.ID); err != nil {
			t.Fatal(err)
		}
	}
	s.SetClassQuizzes(ctx, c.ID, []int64{pub.ID})
	a1, _ := s.OpenAttempt(ctx, pub, ada.ID)
	saveCells(t, s, pub, a1.ID, map[int64]string{pub.Questions[0].ID: "0"})
	s.SubmitAttempt(ctx, a1.ID)
	s.OpenAttempt(ctx, pub, ada.ID)   // a second, open attempt
	s.OpenAttempt(ctx, draft, bob.ID) // at a quiz not assigned: not in the gradebook

	members, err := s.ClassMembers(ctx, c.ID)
	if err != nil || len(members) != 2 || members[0].DisplayName != "ada" || members[1].DisplayName != "Bob" || members[0].JoinedAt.IsZero() {
		t.Fatalf("ClassMembers = %+v, %v; want ada and Bob by name with join times", members, err)
	}
	attempts, err := s.ClassAttempts(ctx, c.ID)
	if err != nil || len(attempts) != 2 {
		t.Fatalf("ClassAttempts = %d, %v; want ada's two attempts", len(attempts), err)
	}
	rec := quizzes.Records(attempts)[quizzes.RecordKey{StudentID: ada.ID, QuizID: pub.ID}]
	if rec != (quizzes.Record{Attempts: 2, Finished: 1, Best: 50}) {
		t.Errorf("ada's record = %+v, want 2 attempts, best 50%%", rec)
	}

	if err := s.JoinClass(ctx, ada.ID, c2.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.StudentByToken(ctx, "tok-ada"); st.ClassID != c2.ID {
		t.Errorf("after joining another class ada is in %d, want %d", st.ClassID, c2.ID)
	}
	if members, _ := s.ClassMembers(ctx, c.ID); len(members) != 1 {
		t.Errorf("the first class still lists %d students, want 1", len(members))
	}
	if attempts, _ := s.ClassAttempts(ctx, c.ID); len(attempts) != 0 {
		t.Errorf("the first class's gradebook keeps %d attempts of a student who left", len(attempts))
	}
	if err := s.JoinClass(ctx, 9999, c.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("joining a missing student: %v, want ErrNotFound", err)
	}
}

// BenchmarkClassGradebook reads what a class page shows for a class of 30
// students with 10 quizzes and 3 finished attempts at each.
func BenchmarkClassGradebook(b *testing.B) {
	s, err := Open(context.Background(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	u, _ := s.CreateUser(ctx, quizzes.User{Username: "t", PasswordHash: "x", Role: quizzes.RoleTeacher})
	c, _ := s.CreateClass(ctx, "Bench", u.ID)
	var ids []int64
	var qs []quizzes.Quiz
	for range 10 {
		q, err := s.CreateQuiz(ctx, sampleQuiz(0))
		if err != nil {
			b.Fatal(err)
		}
		qs, ids = append(qs, q), append(ids, q.ID)
	}
	s.SetClassQuizzes(ctx, c.ID, ids)
	for i := range 30 {
		st, _ := s.CreateStudent(ctx, "S", "tok-"+string(rune('A'+i)))
		s.JoinClass(ctx, st.ID, c.ID)
		for _, q := range qs {
			for range 3 {
				a, _ := s.OpenAttempt(ctx, q, st.ID)
				s.SubmitAttempt(ctx, a.ID)
			}
		}
	}
	b.ResetTimer()
	for b.Loop() {
		members, err := s.ClassMembers(ctx, c.ID)
		if err != nil || len(members) != 30 {
			b.Fatalf("%d members, %v", len(members), err)
		}
		attempts, err := s.ClassAttempts(ctx, c.ID)
		if err != nil || len(attempts) != 900 {
			b.Fatalf("%d attempts, %v", len(attempts), err)
		}
		quizzes.Records(attempts)
	}
}
