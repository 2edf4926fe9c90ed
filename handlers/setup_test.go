package handlers

import (
	"context"
	"net/url"
	"sync"
	"testing"

	"quiztrainer/db"
	"quiztrainer/quizzes"
)

func TestSetupMakesOneAdminUnderConcurrentPosts(t *testing.T) {
	ta := newTestApp(t)
	tok, err := NewSetupToken(context.Background(), ta.store)
	if err != nil || tok == "" {
		t.Fatalf("NewSetupToken = %q, %v", tok, err)
	}
	ta.app = New(ta.store, nopLog(), nil, Config{SetupToken: tok})
	const n = 8
	clients := make([]*client, n)
	for i := range clients {
		clients[i] = ta.client()
		if r := clients[i].get("/setup?token=" + tok); r.status != 200 {
			t.Fatalf("setup form: %d", r.status)
		}
	}
	statuses := make([]int, n)
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = c.post("/setup", url.Values{"token": {tok}, "username": {"head" + itoa(i)}, "password": {"a long enough password"}}).status
		}()
	}
	wg.Wait()
	made := 0
	for _, s := range statuses {
		if s == 303 {
			made++
		} else if s != 404 {
			t.Errorf("a losing setup post answered %d, want 404", s)
		}
	}
	users, err := ta.store.CountUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if made != 1 || users != 1 {
		t.Errorf("%d parallel setups: %d succeeded and %d accounts exist (statuses %v); want exactly one", n, made, users, statuses)
	}
	late := ta.client()
	if r := late.get("/setup?token=" + tok); r.status != 404 {
		t.Errorf("the token after use: %d, want 404", r.status)
	}
}

func TestFirstAdminIsMadeOnlyOnAnEmptyStore(t *testing.T) {
	ta := newTestApp(t)
	ctx := context.Background()
	if _, err := ta.store.CreateFirstAdmin(ctx, quizzes.User{Username: "first", PasswordHash: "x"}, db.Actor{}); err != nil {
		t.Fatalf("first admin: %v", err)
	}
	if _, err := ta.store.CreateFirstAdmin(ctx, quizzes.User{Username: "second", PasswordHash: "x"}, db.Actor{}); err == nil {
		t.Error("a second first admin was made")
	}
	u, err := ta.store.UserByUsername(ctx, "first")
	if err != nil || u.Role != quizzes.RoleAdmin {
		t.Errorf("first = %+v, %v; want an admin", u, err)
	}
}
