package quizzes

import (
	"strings"
	"testing"
	"time"
)

func TestNewJoinCodeUsesOnlyTheAlphabet(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	counts := map[rune]int{}
	for range 2000 {
		code, err := NewJoinCode()
		if err != nil {
			t.Fatal(err)
		}
		if !ValidJoinCode(code) {
			t.Fatalf("NewJoinCode() = %q, not a valid code", code)
		}
		if strings.ContainsAny(code, "0O1IL") {
			t.Fatalf("code %q has a look-alike", code)
		}
		seen[code] = true
		for _, r := range code {
			counts[r]++
		}
	}
	if len(seen) < 1999 {
		t.Errorf("%d distinct codes of 2000; want them all but by rare chance", len(seen))
	}
	if len(counts) != len(JoinCodeAlphabet) {
		t.Errorf("%d letters used of %d", len(counts), len(JoinCodeAlphabet))
	}
}

func TestNormalizeJoinCode(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want string }{
		{"abc-def", "ABCDEF"},
		{" AbC dEf ", "ABCDEF"},
		{"ab–cd ef", "ABCDEF"},
		{"", ""},
	} {
		if got := NormalizeJoinCode(tc.in); got != tc.want {
			t.Errorf("NormalizeJoinCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		code string
		ok   bool
	}{{"ABCDEF", true}, {"ABCDE", false}, {"ABCDEFG", false}, {"ABCDE0", false}, {"ABCDEI", false}, {"ABCDÉF", false}} {
		if got := ValidJoinCode(tc.code); got != tc.ok {
			t.Errorf("ValidJoinCode(%q) = %v, want %v", tc.code, got, tc.ok)
		}
	}
	if got := FormatJoinCode("ABCDEF"); got != "ABC-DEF" || NormalizeJoinCode(got) != "ABCDEF" {
		t.Errorf("FormatJoinCode = %q, want ABC-DEF that reads back", got)
	}
}

func TestCanChangeClass(t *testing.T) {
	t.Parallel()
	c := Class{OwnerID: 7}
	for _, tc := range []struct {
		name string
		u    User
		want bool
	}{
		{"the owner may", User{ID: 7, Role: RoleTeacher}, true},
		{"another teacher may not", User{ID: 8, Role: RoleTeacher}, false},
		{"an admin may", User{ID: 9, Role: RoleAdmin}, true},
	} {
		if got := tc.u.CanChangeClass(c); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRecordsKeepTheBestFinishedAttempt(t *testing.T) {
	t.Parallel()
	done := time.Now()
	g := Records([]Attempt{
		{StudentID: 1, QuizID: 2, Score: 3, MaxScore: 10, SubmittedAt: done},
		{StudentID: 1, QuizID: 2, Score: 8, MaxScore: 10, SubmittedAt: done},
		{StudentID: 1, QuizID: 2, Score: 10, MaxScore: 10}, // open: not counted as a score
		{StudentID: 2, QuizID: 2, Score: 0, MaxScore: 10, SubmittedAt: done},
		{StudentID: 3, QuizID: 2},
	})
	for _, tc := range []struct {
		key  RecordKey
		want Record
	}{
		{RecordKey{1, 2}, Record{Attempts: 3, Finished: 2, Best: 80}},
		{RecordKey{2, 2}, Record{Attempts: 1, Finished: 1, Best: 0}},
		{RecordKey{3, 2}, Record{Attempts: 1}},
		{RecordKey{4, 2}, Record{}},
	} {
		if got := g[tc.key]; got != tc.want {
			t.Errorf("Records[%v] = %+v, want %+v", tc.key, got, tc.want)
		}
	}
}
