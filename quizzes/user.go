package quizzes

import "time"

// Role is what a teacher's account may do.
type Role string

// Roles. An admin sees and changes every teacher's quizzes and manages the
// accounts.
const (
	RoleTeacher Role = "teacher"
	RoleAdmin   Role = "admin"
)

// User is a teacher's account.
type User struct {
	ID           int64
	Username     string
	PasswordHash string
	Role         Role
	CreatedAt    time.Time
	Disabled     bool      // turned off by an admin: cannot sign in
	LastSignIn   time.Time // zero until the first sign-in
}

// CanChange reports whether the user may see and change a quiz as its
// owner does (sharing aside: see Access).
func (u User) CanChange(q Quiz) bool {
	return u.Role == RoleAdmin || (u.ID != 0 && q.OwnerID == u.ID)
}

// Access is how far a teacher may go with a quiz. Each level includes the
// ones below it.
type Access int

// Access levels.
const (
	NoAccess Access = iota
	// ViewAccess reads the quiz's results.
	ViewAccess
	// EditAccess also edits, publishes and exports the quiz and marks essays.
	EditAccess
	// OwnerAccess also deletes the quiz and shares it.
	OwnerAccess
)

// Share is a quiz's grant to a teacher other than its owner.
type Share string

// Shares a quiz's owner gives.
const (
	ShareEditor Share = "editor"
	ShareViewer Share = "viewer"
)

// Valid reports whether s is a known share.
func (s Share) Valid() bool { return s == ShareEditor || s == ShareViewer }

// AccessTo is what the user may do with quiz q, given the share it holds
// ("" for none).
func (u User) AccessTo(q Quiz, share Share) Access {
	switch {
	case u.ID == 0 || u.Disabled:
		return NoAccess
	case u.CanChange(q):
		return OwnerAccess
	case share == ShareEditor:
		return EditAccess
	case share == ShareViewer:
		return ViewAccess
	}
	return NoAccess
}
