package quizzes

import (
	"crypto/rand"
	"strings"
	"time"
)

// Class is a teacher's group of students. Students join it with its code.
type Class struct {
	ID        int64
	Name      string
	JoinCode  string // JoinCodeLength characters of JoinCodeAlphabet
	OwnerID   int64
	CreatedAt time.Time
	// Signin lets the roster's students become themselves on any device
	// with their name and a sign-in code.
	Signin bool
}

// Member is a student as their class's page lists them.
type Member struct {
	StudentID   int64
	DisplayName string
	JoinedAt    time.Time
}

// JoinCodeAlphabet is what join codes are made of: capital letters and
// digits without the look-alikes 0/O and 1/I/L, so that a code copied from
// a board cannot be misread.
const JoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// JoinCodeLength is the length of a join code. 31^6 is about 887 million
// codes, so that guessing one, at the rate the join form allows, is hopeless.
const JoinCodeLength = 6

// NewJoinCode returns a random join code from crypto/rand.
func NewJoinCode() (string, error) {
	// Bytes at or above 248 (8*31) are thrown away so that every letter
	// is equally likely.
	const limit = 256 - 256%len(JoinCodeAlphabet)
	code := make([]byte, 0, JoinCodeLength)
	buf := make([]byte, 16)
	for len(code) < JoinCodeLength {
		if _, err := rand.Read(buf); err != nil {
			return "", err
		}
		for _, b := range buf {
			if int(b) < limit && len(code) < JoinCodeLength {
				code = append(code, JoinCodeAlphabet[int(b)%len(JoinCodeAlphabet)])
			}
		}
	}
	return string(code), nil
}

// NormalizeJoinCode reads a code as a person types it: any case, with
// spaces and dashes anywhere.
func NormalizeJoinCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		switch r {
		case ' ', '-', '\t', '\u00a0', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ValidJoinCode reports whether a normalised code could be a join code at all.
func ValidJoinCode(code string) bool {
	if len(code) != JoinCodeLength {
		return false
	}
	for _, r := range code {
		if !strings.ContainsRune(JoinCodeAlphabet, r) {
			return false
		}
	}
	return true
}

// FormatJoinCode splits a code in two halves, "ABC-DEF", for reading aloud
// and writing on a board; NormalizeJoinCode reads it back.
func FormatJoinCode(code string) string {
	if len(code) != JoinCodeLength {
		return code
	}
	return code[:3] + "-" + code[3:]
}

// CanChangeClass reports whether the user may see and change a class.
func (u User) CanChangeClass(c Class) bool {
	return u.Role == RoleAdmin || (u.ID != 0 && c.OwnerID == u.ID)
}

// Record sums up one student's attempts at one quiz: a gradebook cell.
type Record struct {
	Attempts int // started, finished or not
	Finished int
	Best     int // best percent of a finished attempt; 0 when none is finished
}

// RecordKey names a gradebook cell: whose attempts at which quiz.
type RecordKey struct{ StudentID, QuizID int64 }

// Records sums attempts up per student and quiz.
func Records(attempts []Attempt) map[RecordKey]Record {
	out := map[RecordKey]Record{}
	for _, a := range attempts {
		k := RecordKey{a.StudentID, a.QuizID}
		g := out[k]
		g.Attempts++
		if a.Submitted() {
			if p := a.Percent(); g.Finished == 0 || p > g.Best {
				g.Best = p
			}
			g.Finished++
		}
		out[k] = g
	}
	return out
}
