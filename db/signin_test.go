package db

import (
	"context"
	"errors"
	"testing"

	"quiztrainer/quizzes"
)

// signinClass makes a class with Ana and Ben on its roster.
func signinClass(t *testing.T, s *Store) (quizzes.Class, quizzes.Student, quizzes.Student) {
	t.Helper()
	ctx := context.Background()
	teacher := addUser(t, s, "owner", quizzes.RoleTeacher)
	cl, err := s.CreateClass(ctx, "9B", teacher.ID)
	if err != nil {
		t.Fatal(err)
	}
	ana, _ := s.CreateStudent(ctx, "Ana Lopez", "tok-ana-laptop")
	ben, _ := s.CreateStudent(ctx, "Ben Okafor", "tok-ben")
	for _, st := range []int64{ana.ID, ben.ID} {
		if err := s.JoinClass(ctx, st, cl.ID); err != nil {
			t.Fatal(err)
		}
	}
	return cl, ana, ben
}

func cardCodes(t *testing.T, s *Store, classID int64) map[int64]string {
	t.Helper()
	cards, err := s.SigninCards(context.Background(), classID)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, c := range cards {
		out[c.StudentID] = c.Code
	}
	return out
}

// Turning sign-in on gives each student a code; signing in with it on a
// second device gives that device the same student, attempts and all.
func TestSignInGivesTheSameStudentOnAnotherDevice(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	cl, ana, ben := signinClass(t, s)
	if codes := cardCodes(t, s, cl.ID); codes[ana.ID] != "" || codes[ben.ID] != "" {
		t.Fatalf("codes before sign-in was turned on: %v", codes)
	}
	if _, err := s.SignIn(ctx, cl.ID, ana.ID, "x", "tok-ana-phone"); !errors.Is(err, ErrSigninOff) {
		t.Fatalf("sign-in with it off: got %v, want ErrSigninOff", err)
	}
	issued, err := s.SetClassSignin(ctx, cl.ID, true)
	if err != nil || issued != 2 {
		t.Fatalf("SetClassSignin(on) = %d, %v; want 2 codes given", issued, err)
	}
	if got, _ := s.Class(ctx, cl.ID); !got.Signin {
		t.Error("the class does not say that sign-in is on")
	}
	codes := cardCodes(t, s, cl.ID)
	if !quizzes.SigninCodeLooksRight(codes[ana.ID]) || codes[ana.ID] == codes[ben.ID] {
		t.Fatalf("codes %v: want one code each, different", codes)
	}
	q, _ := s.CreateQuiz(ctx, sampleQuiz(0))
	a, _ := s.OpenAttempt(ctx, q, ana.ID)

	if _, err := s.SignIn(ctx, cl.ID, ana.ID, codes[ben.ID], "tok-ana-phone"); !errors.Is(err, ErrWrongCode) {
		t.Fatalf("Ben's code for Ana: got %v, want ErrWrongCode", err)
	}
	if _, err := s.StudentByToken(ctx, "tok-ana-phone"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a wrong code still made the device someone: %v", err)
	}
	st, err := s.SignIn(ctx, cl.ID, ana.ID, " "+codes[ana.ID]+" ", "tok-ana-phone")
	if err != nil || st.ID != ana.ID {
		t.Fatalf("SignIn(Ana's code) = %+v, %v; want Ana", st, err)
	}
	for _, tok := range []string{"tok-ana-laptop", "tok-ana-phone"} {
		got, err := s.StudentByToken(ctx, tok)
		if err != nil || got.ID != ana.ID || got.ClassID != cl.ID {
			t.Errorf("StudentByToken(%s) = %+v, %v; want Ana in 9B", tok, got, err)
		}
	}
	attempts, _ := s.StudentAttempts(ctx, ana.ID)
	if len(attempts) != 1 || attempts[0].ID != a.ID {
		t.Errorf("Ana's attempts on the phone: %+v, want the laptop's attempt", attempts)
	}

	// Turning it off and on again keeps the codes printed.
	if _, err := s.SetClassSignin(ctx, cl.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, cl.ID, ana.ID, codes[ana.ID], "tok-ana-tablet"); !errors.Is(err, ErrSigninOff) {
		t.Errorf("sign-in after turning it off: got %v, want ErrSigninOff", err)
	}
	if _, err := s.StudentByToken(ctx, "tok-ana-phone"); err != nil {
		t.Errorf("turning sign-in off signed the phone out: %v", err)
	}
	if issued, err := s.SetClassSignin(ctx, cl.ID, true); err != nil || issued != 0 {
		t.Errorf("turning sign-in on again gave %d codes, %v; want none", issued, err)
	}
	if again := cardCodes(t, s, cl.ID); again[ana.ID] != codes[ana.ID] {
		t.Errorf("Ana's code changed from %q to %q", codes[ana.ID], again[ana.ID])
	}
}

// A new code stops the old one and signs out the devices that used it;
// the device the student joined on stays.
func TestNewSigninCodeEndsTheOldOne(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	cl, ana, ben := signinClass(t, s)
	s.SetClassSignin(ctx, cl.ID, true)
	old := cardCodes(t, s, cl.ID)[ana.ID]
	if _, err := s.SignIn(ctx, cl.ID, ana.ID, old, "tok-ana-phone"); err != nil {
		t.Fatal(err)
	}
	code, err := s.NewSigninCode(ctx, cl.ID, ana.ID)
	if err != nil || code == old || cardCodes(t, s, cl.ID)[ana.ID] != code {
		t.Fatalf("NewSigninCode = %q, %v; old %q", code, err, old)
	}
	if _, err := s.SignIn(ctx, cl.ID, ana.ID, old, "tok-ana-tablet"); !errors.Is(err, ErrWrongCode) {
		t.Errorf("the old code: got %v, want ErrWrongCode", err)
	}
	if _, err := s.StudentByToken(ctx, "tok-ana-phone"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the phone signed in with the old code is still Ana: %v", err)
	}
	if got, err := s.StudentByToken(ctx, "tok-ana-laptop"); err != nil || got.ID != ana.ID {
		t.Errorf("the laptop Ana joined on: %+v, %v; want Ana", got, err)
	}
	if _, err := s.SignIn(ctx, cl.ID, ana.ID, code, "tok-ana-tablet"); err != nil {
		t.Errorf("the new code: %v", err)
	}
	if _, err := s.NewSigninCode(ctx, cl.ID+1, ben.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a new code for a student of another class: got %v, want ErrNotFound", err)
	}
}

// A removed student cannot sign in, and their signed-in devices are no
// one until they are restored; a merged student's code is gone with them.
func TestSignInOnlyForTheRoster(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	cl, ana, ben := signinClass(t, s)
	s.SetClassSignin(ctx, cl.ID, true)
	codes := cardCodes(t, s, cl.ID)
	if _, err := s.SignIn(ctx, cl.ID, ben.ID, codes[ben.ID], "tok-ben-phone"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveStudent(ctx, cl.ID, ben.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, cl.ID, ben.ID, codes[ben.ID], "tok-ben-tablet"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a removed student signed in: got %v, want ErrNotFound", err)
	}
	if _, err := s.StudentByToken(ctx, "tok-ben-phone"); !errors.Is(err, ErrNotFound) {
		t.Errorf("a removed student's phone is still them: %v", err)
	}
	if err := s.RestoreStudent(ctx, cl.ID, ben.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.StudentByToken(ctx, "tok-ben-phone"); err != nil || got.ID != ben.ID {
		t.Errorf("the restored student's phone: %+v, %v", got, err)
	}

	// Ana joined twice: the teacher merges the second into the first. The
	// second's code no longer signs in; a device signed in as the second
	// is now the first.
	tablet, _ := s.CreateStudent(ctx, "Ana L", "tok-ana-tablet")
	if err := s.JoinClass(ctx, tablet.ID, cl.ID); err != nil {
		t.Fatal(err)
	}
	tabletCode := cardCodes(t, s, cl.ID)[tablet.ID]
	if tabletCode == "" {
		t.Fatal("a student who joined a class with sign-in got no code")
	}
	if _, err := s.SignIn(ctx, cl.ID, tablet.ID, tabletCode, "tok-ana-phone"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.MergeStudents(ctx, cl.ID, ana.ID, tablet.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.StudentByToken(ctx, "tok-ana-phone"); err != nil || got.ID != ana.ID {
		t.Errorf("the phone signed in as the merged student: %+v, %v; want Ana", got, err)
	}
	if _, err := s.SignIn(ctx, cl.ID, tablet.ID, tabletCode, "tok-x"); !errors.Is(err, ErrNotFound) {
		t.Errorf("the merged student's code: got %v, want ErrNotFound", err)
	}
	if _, err := s.SignIn(ctx, cl.ID, ana.ID, codes[ana.ID], "tok-y"); err != nil {
		t.Errorf("Ana's own code after the merge: %v", err)
	}
}

// Switching student ends only this device: a device signed in with a code
// forgets the sign-in, the joining device's token stops, the others stay.
func TestEndStudentToken(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	cl, ana, _ := signinClass(t, s)
	s.SetClassSignin(ctx, cl.ID, true)
	code := cardCodes(t, s, cl.ID)[ana.ID]
	for _, tok := range []string{"tok-ana-phone", "tok-ana-tablet"} {
		if _, err := s.SignIn(ctx, cl.ID, ana.ID, code, tok); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.EndStudentToken(ctx, "tok-ana-phone"); err != nil {
		t.Fatal(err)
	}
	if err := s.EndStudentToken(ctx, "tok-ana-laptop"); err != nil {
		t.Fatal(err)
	}
	for tok, want := range map[string]bool{"tok-ana-phone": false, "tok-ana-laptop": false, "tok-ana-tablet": true} {
		_, err := s.StudentByToken(ctx, tok)
		if got := err == nil; got != want {
			t.Errorf("after switching on the phone and laptop, %s names Ana: %v, want %v", tok, got, want)
		}
	}
	if err := s.EndStudentToken(ctx, "tok-nobody"); err != nil {
		t.Errorf("ending a token nobody has: %v", err)
	}
}

func TestGiveMissingCodes(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	cl, _, ben := signinClass(t, s)
	if _, err := s.GiveMissingCodes(ctx, cl.ID); !errors.Is(err, ErrSigninOff) {
		t.Errorf("codes in a class without sign-in: got %v, want ErrSigninOff", err)
	}
	s.RemoveStudent(ctx, cl.ID, ben.ID)
	s.SetClassSignin(ctx, cl.ID, true)
	s.RestoreStudent(ctx, cl.ID, ben.ID)
	if codes := cardCodes(t, s, cl.ID); codes[ben.ID] != "" {
		t.Fatalf("Ben, removed when sign-in was turned on, has code %q", codes[ben.ID])
	}
	if n, err := s.GiveMissingCodes(ctx, cl.ID); err != nil || n != 1 {
		t.Errorf("GiveMissingCodes = %d, %v; want 1", n, err)
	}
	if codes := cardCodes(t, s, cl.ID); codes[ben.ID] == "" {
		t.Error("Ben still has no code")
	}
	if _, err := s.SetClassSignin(ctx, cl.ID+99, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("sign-in of a class that does not exist: got %v, want ErrNotFound", err)
	}
}
