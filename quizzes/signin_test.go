package quizzes

import (
	"strings"
	"testing"
)

func TestSigninWordListsAreEasyToRead(t *testing.T) {
	t.Parallel()
	for name, list := range map[string][]string{"adjectives": signinAdjectives, "nouns": signinNouns} {
		seen := map[string]bool{}
		for _, w := range list {
			if strings.Trim(w, "abcdefghijklmnopqrstuvwxyz") != "" || len(w) < 3 {
				t.Errorf("%s: %q is not a lower-case word of three or more letters", name, w)
			}
			if len(w) > 10 {
				t.Errorf("%s: %q is longer than 10 letters, hard to copy", name, w)
			}
			if seen[w] {
				t.Errorf("%s: %q twice", name, w)
			}
			seen[w] = true
		}
		if len(list) < 150 {
			t.Errorf("%s: %d words; the code count in signin.go's comment needs at least 150", name, len(list))
		}
	}
	if n := SigninCodeCount(); n < 2_000_000 {
		t.Errorf("SigninCodeCount() = %d, want at least 2 million (see signin.go)", n)
	}
}

func TestNewSigninCode(t *testing.T) {
	t.Parallel()
	seen := map[string]bool{}
	for range 500 {
		code, err := NewSigninCode()
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.Split(code, "-")
		if len(parts) != 3 || len(parts[2]) != 2 || strings.ContainsAny(parts[2], "01") {
			t.Fatalf("NewSigninCode() = %q, want adjective-noun-NN with digits 2 to 9", code)
		}
		if !SigninCodeLooksRight(code) || !SigninCodeMatches(code, code) {
			t.Fatalf("code %q does not read back as itself", code)
		}
		seen[code] = true
	}
	if len(seen) < 495 {
		t.Errorf("%d distinct codes of 500", len(seen))
	}
}

func TestSigninCodeMatches(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typed string
		want  bool
	}{
		{"brave-otter-47", true},
		{"Brave Otter 47", true},
		{"  BRAVEOTTER47 ", true},
		{"brave otter-47\n", true},
		{"brave-otter-48", false},
		{"brave-otter", false},
		{"calm-otter-47", false},
		{"", false},
	} {
		if got := SigninCodeMatches("brave-otter-47", tc.typed); got != tc.want {
			t.Errorf("SigninCodeMatches(brave-otter-47, %q) = %v, want %v", tc.typed, got, tc.want)
		}
	}
	if SigninCodeMatches("", "") {
		t.Error("an empty code matched nothing typed; a student without a code must not sign in")
	}
}

func TestSigninCodeLooksRight(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		typed string
		want  bool
	}{
		{"brave-otter-47", true},
		{"Brave Otter 47", true},
		{"Ana Lopez", false},     // a name in the code box
		{"brave-otter", false},   // the number left out
		{"47", false},            // only the number
		{"brave-otter-4", false}, // one digit
		{"brave-0tter-47", false},
		{strings.Repeat("a", 50) + "47", false},
	} {
		if got := SigninCodeLooksRight(tc.typed); got != tc.want {
			t.Errorf("SigninCodeLooksRight(%q) = %v, want %v", tc.typed, got, tc.want)
		}
	}
}

func FuzzSigninCode(f *testing.F) {
	for _, s := range []string{"brave-otter-47", "Brave Otter 47", "", "ü-ß-99", "a\x00b-47", "----", "0123456789"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, typed string) {
		n := NormalizeSigninCode(typed)
		if NormalizeSigninCode(n) != n {
			t.Fatalf("NormalizeSigninCode is not idempotent on %q", typed)
		}
		if strings.Trim(n, "abcdefghijklmnopqrstuvwxyz0123456789") != "" {
			t.Fatalf("NormalizeSigninCode(%q) = %q keeps other characters", typed, n)
		}
		if SigninCodeMatches("brave-otter-47", typed) && !SigninCodeLooksRight(typed) {
			t.Fatalf("%q matches the code but does not look like one", typed)
		}
	})
}
