package db

import (
	"context"
	"fmt"
	"testing"

	"quiztrainer/quizzes"
)

// BenchmarkStudentByToken looks the student of a cookie up in the
// database, as a request does when no student is kept in memory for it
// (or the roster changed), in a school of 2,000 students in 40 classes
// with sign-in, each signed in on a second device: by the token a student
// was made with, and by a signed-in device's.
func BenchmarkStudentByToken(b *testing.B) {
	s, err := Open(context.Background(), b.TempDir()+"/bench.db")
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	u, _ := s.CreateUser(ctx, quizzes.User{Username: "t", PasswordHash: "x", Role: quizzes.RoleTeacher})
	var classes []quizzes.Class
	for i := range 40 {
		c, err := s.CreateClass(ctx, fmt.Sprint("Class ", i), u.ID)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.SetClassSignin(ctx, c.ID, true); err != nil {
			b.Fatal(err)
		}
		classes = append(classes, c)
	}
	for i := range 2000 {
		c := classes[i%len(classes)]
		st, err := s.CreateStudent(ctx, fmt.Sprint("Student ", i), fmt.Sprint("tok-", i))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.JoinClass(ctx, st.ID, c.ID); err != nil {
			b.Fatal(err)
		}
		var code string
		if err := s.read.QueryRowContext(ctx, "SELECT signin_code FROM students WHERE id = ?", st.ID).Scan(&code); err != nil {
			b.Fatal(err)
		}
		if _, err := s.SignIn(ctx, c.ID, st.ID, code, fmt.Sprint("dev-", i)); err != nil {
			b.Fatal(err)
		}
	}
	for _, prefix := range []string{"tok-", "dev-"} {
		b.Run(map[string]string{"tok-": "joining token", "dev-": "signed-in device"}[prefix], func(b *testing.B) {
			i := 0
			for b.Loop() {
				st, err := s.readStudent(ctx, fmt.Sprint(prefix, i%2000))
				if err != nil || st.ClassID == 0 {
					b.Fatalf("student %d: %+v, %v", i, st, err)
				}
				i++
			}
		})
	}
}
