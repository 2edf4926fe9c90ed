package quizzes

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"fmt"
	"math/big"
	"strings"
)

// A sign-in code lets a student of a class with sign-in become their roster
// entry on any device: the student picks their name and types the code the
// teacher printed. It reads as "brave-otter-47": an adjective, a noun and
// two digits from 2 to 9, chosen at random. Lower-case words and digits
// without 0 and 1 leave nothing to misread between O and 0 or l and 1.
// 159 adjectives, 220 nouns and 64 numbers make about 2.2 million codes per
// student; the sign-in form allows 10 wrong codes per student in 15
// minutes (960 a day), so someone guessing one student's code, from any
// number of addresses, needs about 3 years on average.

//go:embed data/signin_adjectives.txt
var signinAdjectivesFile string

//go:embed data/signin_nouns.txt
var signinNounsFile string

var signinAdjectives, signinNouns = wordList(signinAdjectivesFile), wordList(signinNounsFile)

const signinDigits = "23456789"

// wordList reads one word a line, skipping blank lines and # comments.
func wordList(file string) []string {
	var out []string
	for _, line := range strings.Split(file, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// SigninCodeCount is how many different sign-in codes there are.
func SigninCodeCount() int {
	return len(signinAdjectives) * len(signinNouns) * len(signinDigits) * len(signinDigits)
}

// NewSigninCode returns a random sign-in code from crypto/rand, such as
// "brave-otter-47".
func NewSigninCode() (string, error) {
	pick := func(n int) (int, error) {
		v, err := rand.Int(rand.Reader, big.NewInt(int64(n)))
		if err != nil {
			return 0, err
		}
		return int(v.Int64()), nil
	}
	var idx [4]int
	for i, n := range []int{len(signinAdjectives), len(signinNouns), len(signinDigits), len(signinDigits)} {
		v, err := pick(n)
		if err != nil {
			return "", fmt.Errorf("quizzes: new sign-in code: %w", err)
		}
		idx[i] = v
	}
	return signinAdjectives[idx[0]] + "-" + signinNouns[idx[1]] + "-" +
		string(signinDigits[idx[2]]) + string(signinDigits[idx[3]]), nil
}

// NormalizeSigninCode reads a sign-in code as a person types it: any case,
// with spaces, dashes or nothing between the parts ("Brave Otter 47",
// "braveotter47"). Only letters and digits count.
func NormalizeSigninCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SigninCodeLooksRight reports whether what a person typed could be a
// sign-in code at all: some letters followed by two digits. Anything else
// is a slip (a name in the code box, a missing number) to point out, not
// a wrong guess to count.
func SigninCodeLooksRight(typed string) bool {
	n := NormalizeSigninCode(typed)
	if len(n) < 6 || len(n) > 40 {
		return false
	}
	for i, r := range n {
		digit := r >= '0' && r <= '9'
		if digit != (i >= len(n)-2) {
			return false
		}
	}
	return true
}

// SigninCodeMatches reports whether what a person typed is the code, in
// time that does not depend on where they differ.
func SigninCodeMatches(code, typed string) bool {
	a, b := NormalizeSigninCode(code), NormalizeSigninCode(typed)
	return a != "" && constantTimeEqual(a, b)
}

func constantTimeEqual(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}
