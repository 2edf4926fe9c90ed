package handlers

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
)

// commonPasswordList is the 49,233 most common passwords of breach corpora,
// lower-cased, one a line: the "passwords" list of @zxcvbn-ts/language-common
// 4.1.3 (MIT; see NOTICE). NIST SP 800-63B asks that new passwords be
// checked against such a list.
//
//go:embed common-passwords.txt
var commonPasswordList string

var commonPasswords = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, 50000)
	for _, p := range strings.Split(commonPasswordList, "\n") {
		if p != "" {
			set[p] = true
		}
	}
	return set
})

// CheckPasswordPolicy says what is wrong with a new password, if anything:
// too short or too long, on the list of common passwords (also with digits
// or signs added before or after), made of too few different characters,
// or holding a word of the context, such as the username or the site's
// name. The rules are NIST SP 800-63B's: length and a blocklist, no rules
// of composition.
func CheckPasswordPolicy(password string, context ...string) string {
	switch {
	case len([]rune(password)) < 10:
		return "Choose a password of at least 10 characters."
	case len(password) > 200:
		return "Choose a password of at most 200 characters."
	}
	lower := strings.ToLower(password)
	const common = "This password is on a list of common passwords that attackers try first. Choose another: a few unrelated words make a long password that is easy to remember."
	if commonPasswords()[lower] || commonPasswords()[strings.Join(strings.Fields(lower), "")] {
		return common
	}
	core := strings.TrimFunc(lower, func(r rune) bool { return !unicode.IsLetter(r) })
	if len([]rune(core)) >= 4 && core != lower && commonPasswords()[core] {
		return "This password is a common password with digits or signs added, which attackers try first. Choose another: a few unrelated words make a long password that is easy to remember."
	}
	distinct := map[rune]bool{}
	for _, r := range lower {
		distinct[r] = true
	}
	if len(distinct) < 5 {
		return "This password repeats too few characters. Choose one with more variety: a few unrelated words make a long password that is easy to remember."
	}
	for _, word := range append([]string{"quiztrainer"}, context...) {
		if w := strings.ToLower(strings.TrimSpace(word)); len(w) >= 3 && strings.Contains(lower, w) {
			return "The password must not contain your username or the site's name. Choose another."
		}
	}
	return ""
}
