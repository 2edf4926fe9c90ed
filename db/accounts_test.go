package db

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"quiztrainer/quizzes"
)

func hashOf(s string) []byte { h := sha256.Sum256([]byte(s)); return h[:] }

func addUser(t *testing.T, s *Store, name string, role quizzes.Role) quizzes.User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), quizzes.User{Username: name, PasswordHash: "x", Role: role})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestLinkIsUsedOnceUnderConcurrency presents one invitation and one reset
// token many times at once, through two stores on one file as two server
// processes would, and expects exactly one success each.
func TestLinkIsUsedOnceUnderConcurrency(t *testing.T) {
	s, path := openTest(t)
	s2, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	ctx := context.Background()
	admin := addUser(t, s, "root", quizzes.RoleAdmin)
	by := Actor{UserID: admin.ID, Username: admin.Username, Address: "10.0.0.1"}
	if _, err := s.CreateInvitation(ctx, Link{TokenHash: hashOf("invite-token"), Role: quizzes.RoleTeacher, ExpiresAt: time.Now().Add(time.Hour)}, by); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateResetLink(ctx, Link{TokenHash: hashOf("reset-token"), UserID: admin.ID, ExpiresAt: time.Now().Add(time.Hour)}, by); err != nil {
		t.Fatal(err)
	}
	const n = 16
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := map[string]int{}
	for i := 0; i < n; i++ {
		store := []*Store{s, s2}[i%2]
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err := store.AcceptInvitation(ctx, hashOf("invite-token"), quizzes.User{Username: fmt.Sprintf("teacher%d", i), PasswordHash: "h"}, "10.0.0.2")
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins["invite"]++
			case !errors.Is(err, ErrLinkUsed):
				t.Errorf("accept: %v, want ErrLinkUsed", err)
			}
		}()
		go func() {
			defer wg.Done()
			_, err := store.UseResetLink(ctx, hashOf("reset-token"), fmt.Sprintf("hash%d", i), "10.0.0.3")
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				wins["reset"]++
			case !errors.Is(err, ErrLinkUsed):
				t.Errorf("reset: %v, want ErrLinkUsed", err)
			}
		}()
	}
	wg.Wait()
	if wins["invite"] != 1 || wins["reset"] != 1 {
		t.Fatalf("successes = %v, want exactly one invitation and one reset", wins)
	}
	if n, _ := s.CountUsers(ctx); n != 2 {
		t.Errorf("accounts = %d, want 2 (the admin and one invited teacher)", n)
	}
}

func TestLinksExpireAndAreStoredHashed(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	admin := addUser(t, s, "root", quizzes.RoleAdmin)
	by := Actor{UserID: admin.ID, Username: "root"}
	if _, err := s.CreateInvitation(ctx, Link{TokenHash: hashOf("old"), Role: quizzes.RoleTeacher, ExpiresAt: time.Now().Add(-time.Second)}, by); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AcceptInvitation(ctx, hashOf("old"), quizzes.User{Username: "late", PasswordHash: "h"}, ""); !errors.Is(err, ErrLinkUsed) {
		t.Errorf("expired invitation: err = %v, want ErrLinkUsed", err)
	}
	if _, err := s.OpenLink(ctx, LinkInvite, hashOf("old")); !errors.Is(err, ErrLinkUsed) {
		t.Errorf("expired invitation opens: err = %v", err)
	}
	var raw int
	s.read.QueryRow("SELECT COUNT(*) FROM account_links WHERE token_hash = ? OR CAST(token_hash AS TEXT) = 'old'", []byte("old")).Scan(&raw)
	if raw != 0 {
		t.Error("a token is stored as given, not hashed")
	}
	// A taken username leaves the invitation usable.
	s.CreateInvitation(ctx, Link{TokenHash: hashOf("new"), Role: quizzes.RoleAdmin, ExpiresAt: time.Now().Add(time.Hour)}, by)
	if _, err := s.AcceptInvitation(ctx, hashOf("new"), quizzes.User{Username: "ROOT", PasswordHash: "h"}, ""); !errors.Is(err, ErrUsernameTaken) {
		t.Fatalf("taken name: err = %v, want ErrUsernameTaken", err)
	}
	u, err := s.AcceptInvitation(ctx, hashOf("new"), quizzes.User{Username: "second", PasswordHash: "h"}, "")
	if err != nil || u.Role != quizzes.RoleAdmin {
		t.Fatalf("accept after a taken name: %+v, %v; want an admin account", u, err)
	}
}

func TestAccountChangesKeepAnAdmin(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	a := addUser(t, s, "root", quizzes.RoleAdmin)
	b := addUser(t, s, "ms-lee", quizzes.RoleTeacher)
	by := Actor{UserID: a.ID, Username: "root", Address: "127.0.0.1"}
	if _, err := s.SetRole(ctx, a.ID, quizzes.RoleTeacher, by); !errors.Is(err, ErrLastAdmin) {
		t.Errorf("demote the only admin: err = %v, want ErrLastAdmin", err)
	}
	if _, err := s.SetDisabled(ctx, a.ID, true, by); !errors.Is(err, ErrLastAdmin) {
		t.Errorf("turn off the only admin: err = %v, want ErrLastAdmin", err)
	}
	if _, err := s.SetRole(ctx, b.ID, quizzes.RoleAdmin, by); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetRole(ctx, a.ID, quizzes.RoleTeacher, by); err != nil {
		t.Errorf("demote one of two admins: %v", err)
	}
	// Sessions end when the account is turned off.
	if err := s.StartSession(ctx, TeacherSession{IDHash: hashOf("s1"), UserID: a.ID, Address: "1.2.3.4"}, by); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, hashOf("s1")); err != nil {
		t.Fatalf("session after sign-in: %v", err)
	}
	if _, err := s.SetDisabled(ctx, a.ID, true, by); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, hashOf("s1")); !errors.Is(err, ErrNotFound) {
		t.Errorf("session of a turned-off account: err = %v, want ErrNotFound", err)
	}
	if err := s.StartSession(ctx, TeacherSession{IDHash: hashOf("s2"), UserID: a.ID}, by); !errors.Is(err, ErrAccountOff) {
		t.Errorf("sign-in of a turned-off account: err = %v, want ErrAccountOff", err)
	}
	log, err := s.AuditLog(ctx, 0, 50)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	want := []string{"account turned off", "signed in", "role set to teacher", "role set to admin"}
	if fmt.Sprint(actions) != fmt.Sprint(want) {
		t.Errorf("audit log = %q, want %q", actions, want)
	}
	if log[0].Actor != "root" || log[0].Address != "127.0.0.1" || log[0].Detail != "root" {
		t.Errorf("audit entry = %+v, want root from 127.0.0.1 on root", log[0])
	}
}

func TestChangePasswordEndsOtherSessions(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	u := addUser(t, s, "ms-lee", quizzes.RoleTeacher)
	for _, id := range []string{"a", "b", "c"} {
		if err := s.StartSession(ctx, TeacherSession{IDHash: hashOf(id), UserID: u.ID}, Actor{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ChangePassword(ctx, u.ID, "new", hashOf("b"), Actor{UserID: u.ID, Username: u.Username}); err != nil {
		t.Fatal(err)
	}
	left, _ := s.Sessions(ctx, u.ID)
	if len(left) != 1 || string(left[0].IDHash) != string(hashOf("b")) {
		t.Errorf("sessions left = %d, want only the one that changed the password", len(left))
	}
}

func TestSharedQuizzesAndClasses(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	owner := addUser(t, s, "owner", quizzes.RoleTeacher)
	ed := addUser(t, s, "editor", quizzes.RoleTeacher)
	addUser(t, s, "stranger", quizzes.RoleTeacher)
	q, err := s.CreateQuiz(ctx, quizzes.Quiz{Title: "Shared", OwnerID: owner.ID})
	if err != nil {
		t.Fatal(err)
	}
	by := Actor{UserID: owner.ID, Username: "owner"}
	for _, tc := range []struct {
		name string
		want error
	}{{"nobody", ErrNoSuchTeacher}, {"OWNER", ErrOwnerShare}, {"Editor", nil}} {
		if err := s.ShareQuiz(ctx, q.ID, tc.name, quizzes.ShareEditor, by); !errors.Is(err, tc.want) {
			t.Errorf("share with %q: err = %v, want %v", tc.name, err, tc.want)
		}
	}
	if sh, _ := s.QuizShare(ctx, q.ID, ed.ID); sh != quizzes.ShareEditor {
		t.Errorf("share = %q, want editor", sh)
	}
	rows, _ := s.TeacherQuizzes(ctx, ed)
	if len(rows) != 1 || rows[0].Share != quizzes.ShareEditor || rows[0].Owner != "owner" {
		t.Errorf("editor's quizzes = %+v, want the shared quiz as editor", rows)
	}
	if err := s.UnshareQuiz(ctx, q.ID, ed.ID, by); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.TeacherQuizzes(ctx, ed); len(rows) != 0 {
		t.Errorf("after unsharing the editor still lists %d quizzes", len(rows))
	}
	cl, err := s.CreateClass(ctx, "7B", owner.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddClassTeacher(ctx, cl.ID, "editor", by); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.IsClassTeacher(ctx, cl.ID, ed.ID); !ok {
		t.Error("the added teacher does not teach the class")
	}
	if cs, _ := s.TeacherClasses(ctx, ed); len(cs) != 1 {
		t.Errorf("co-teacher's classes = %d, want 1", len(cs))
	}
}

func TestStaleSessionsAreNotListedAndAreDropped(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	u := addUser(t, s, "ms-lee", quizzes.RoleTeacher)
	for _, id := range []string{"old", "new"} {
		if err := s.StartSession(ctx, TeacherSession{IDHash: hashOf(id), UserID: u.ID}, Actor{}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.write.Exec("UPDATE teacher_sessions SET seen_at = ? WHERE id_hash = ?", timeText(time.Now().Add(-SessionLife-time.Minute)), hashOf("old")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.SessionUser(ctx, hashOf("old")); !errors.Is(err, ErrNotFound) {
		t.Errorf("a session not seen for longer than SessionLife: err = %v, want ErrNotFound", err)
	}
	if list, _ := s.Sessions(ctx, u.ID); len(list) != 1 {
		t.Errorf("sessions listed = %d, want 1", len(list))
	}
	if err := s.StartSession(ctx, TeacherSession{IDHash: hashOf("third"), UserID: u.ID}, Actor{}); err != nil {
		t.Fatal(err)
	}
	var n int
	s.read.QueryRow("SELECT COUNT(*) FROM teacher_sessions WHERE id_hash = ?", hashOf("old")).Scan(&n)
	if n != 0 {
		t.Error("the stale session's row outlived the next sign-in")
	}
}
