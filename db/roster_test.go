package db

import (
	"context"
	"errors"
	"testing"

	"quiztrainer/quizzes"
)

// Two devices of one pupil are merged: every attempt moves, both attempts
// at a quiz they both took are kept and named, the second device's cookie
// then leads to the kept student, and the roster lists one.
func TestMergeStudentsKeepsEveryAttempt(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	teacher := addUser(t, s, "owner", quizzes.RoleTeacher)
	cl, err := s.CreateClass(ctx, "9B", teacher.ID)
	if err != nil {
		t.Fatal(err)
	}
	rivers, _ := s.CreateQuiz(ctx, sampleQuiz(0))
	other := sampleQuiz(0)
	other.Title = "Lakes"
	lakes, _ := s.CreateQuiz(ctx, other)
	laptop, _ := s.CreateStudent(ctx, "Ana Lopez", "tok-laptop")
	phone, _ := s.CreateStudent(ctx, "Ana L", "tok-phone")
	for _, st := range []int64{laptop.ID, phone.ID} {
		if err := s.JoinClass(ctx, st, cl.ID); err != nil {
			t.Fatal(err)
		}
	}
	a1, _ := s.OpenAttempt(ctx, rivers, laptop.ID)
	saveCells(t, s, rivers, a1.ID, map[int64]string{rivers.Questions[0].ID: "0"})
	s.SubmitAttempt(ctx, a1.ID)
	b1, _ := s.OpenAttempt(ctx, rivers, phone.ID)
	saveCells(t, s, rivers, b1.ID, map[int64]string{rivers.Questions[1].ID: "Seine"})
	s.SubmitAttempt(ctx, b1.ID)
	b2, _ := s.OpenAttempt(ctx, lakes, phone.ID)

	m, err := s.MergeStudents(ctx, cl.ID, laptop.ID, phone.ID)
	if err != nil {
		t.Fatal(err)
	}
	if m.Moved != 2 || len(m.Both) != 1 || m.Both[0] != "Rivers" {
		t.Errorf("merge moved %d attempts, both at %q; want 2 moved and both at Rivers", m.Moved, m.Both)
	}
	attempts, _ := s.StudentAttempts(ctx, laptop.ID)
	numbers := map[int64]int{}
	for _, a := range attempts {
		numbers[a.ID] = a.Number
	}
	if len(attempts) != 3 || numbers[a1.ID] != 1 || numbers[b1.ID] != 2 || numbers[b2.ID] != 1 {
		t.Errorf("after the merge Ana has attempts %v, want a1 as 1 and b1 as 2 at Rivers, b2 as 1 at Lakes", numbers)
	}
	rs, _ := s.Responses(ctx, b1.ID)
	if rs[rivers.Questions[1].ID].Given.Text != "Seine" {
		t.Errorf("the phone's answer was lost: %+v", rs)
	}
	st, err := s.StudentByToken(ctx, "tok-phone")
	if err != nil || st.ID != laptop.ID {
		t.Errorf("the phone's cookie names student %d (%v), want %d", st.ID, err, laptop.ID)
	}
	members, _ := s.ClassMembers(ctx, cl.ID)
	if len(members) != 1 || members[0].StudentID != laptop.ID {
		t.Errorf("the roster lists %+v, want Ana once", members)
	}
	if _, err := s.MergeStudents(ctx, cl.ID, laptop.ID, phone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("merging a merged student again: %v, want not found", err)
	}
	// a third device merged into the phone's student would follow to Ana;
	// merging Ana into a new one carries the phone along
	tablet, _ := s.CreateStudent(ctx, "Ana", "tok-tablet")
	s.JoinClass(ctx, tablet.ID, cl.ID)
	if _, err := s.MergeStudents(ctx, cl.ID, tablet.ID, laptop.ID); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.StudentByToken(ctx, "tok-phone"); st.ID != tablet.ID {
		t.Errorf("after a second merge the phone names student %d, want %d", st.ID, tablet.ID)
	}
}

// A removed student leaves the roster, the gradebook and the results, and
// comes back with every attempt when restored.
func TestRemoveAndRestoreStudent(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	teacher := addUser(t, s, "owner", quizzes.RoleTeacher)
	cl, _ := s.CreateClass(ctx, "9B", teacher.ID)
	q, _ := s.CreateQuiz(ctx, sampleQuiz(0))
	if err := s.SetClassQuizzes(ctx, cl.ID, []int64{q.ID}); err != nil {
		t.Fatal(err)
	}
	ben, _ := s.CreateStudent(ctx, "Ben", "tok-ben")
	s.JoinClass(ctx, ben.ID, cl.ID)
	a, _ := s.OpenAttempt(ctx, q, ben.ID)
	s.SubmitAttempt(ctx, a.ID)
	if _, err := s.OpenAttempt(ctx, q, ben.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.OpenAttemptCount(ctx, q.ID); err != nil || n != 1 {
		t.Fatalf("before removing: %d open attempts, %v; want Ben's 1", n, err)
	}
	if err := s.RemoveStudent(ctx, cl.ID, ben.ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.OpenAttemptCount(ctx, q.ID); err != nil || n != 0 {
		t.Errorf("after removing: %d open attempts, %v; want 0, as the results leave Ben out", n, err)
	}
	members, _ := s.ClassMembers(ctx, cl.ID)
	attempts, _ := s.ClassAttempts(ctx, cl.ID)
	results, _ := s.QuizResults(ctx, q.ID)
	removed, _ := s.RemovedStudents(ctx, cl.ID)
	if len(members) != 0 || len(attempts) != 0 || len(results) != 0 || len(removed) != 1 {
		t.Errorf("after removing: %d members, %d attempts, %d results, %d removed; want 0, 0, 0, 1", len(members), len(attempts), len(results), len(removed))
	}
	if _, err := s.StudentByToken(ctx, "tok-ben"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a removed student's cookie: %v, want not found", err)
	}
	if err := s.RestoreStudent(ctx, cl.ID, ben.ID); err != nil {
		t.Fatal(err)
	}
	members, _ = s.ClassMembers(ctx, cl.ID)
	results, _ = s.QuizResults(ctx, q.ID)
	if n, _ := s.OpenAttemptCount(ctx, q.ID); n != 1 {
		t.Errorf("after restoring: %d open attempts, want Ben's 1 again", n)
	}
	if len(members) != 1 || len(results) != 1 {
		t.Errorf("after restoring: %d members and %d results, want 1 and 1", len(members), len(results))
	}
	if err := s.RestoreStudent(ctx, cl.ID, ben.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("restoring twice: %v, want not found", err)
	}
}
