package quizzes

import "time"

// Role is what a teacher's account may do.
type Role string

// Roles. An admin sees and changes every teacher's quizzes.
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
}

// CanChange reports whether the user may see and change a quiz.
func (u User) CanChange(q Quiz) bool {
	return u.Role == RoleAdmin || (u.ID != 0 && q.OwnerID == u.ID)
}
