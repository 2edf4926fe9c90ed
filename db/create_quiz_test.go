package db

import (
	"context"
	"testing"

	"quiztrainer/quizzes"
)

// An article and its quiz are stored together: when storing the quiz
// fails, the article is not left behind.
func TestCreateQuizOnArticleLeavesNothingWhenTheQuizFails(t *testing.T) {
	s, _ := openTest(t)
	ctx := context.Background()
	count := func() (arts, qs int) {
		s.read.QueryRowContext(ctx, "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM quizzes)").Scan(&arts, &qs)
		return
	}
	// a failure induced inside the database, after the article's insert
	if _, err := s.write.ExecContext(ctx, `CREATE TRIGGER fail_quiz BEFORE INSERT ON questions
		BEGIN SELECT RAISE(ABORT, 'induced failure'); END`); err != nil {
		t.Fatal(err)
	}
	art := quizzes.Article{Title: "Rivers", Body: "The Nile is the longest river. Paris lies on the Seine."}
	if _, err := s.CreateDraftOnArticle(ctx, art, sampleQuiz(0), nil); err == nil {
		t.Fatal("the quiz was stored despite the failure")
	}
	if a, q := count(); a != 0 || q != 0 {
		t.Errorf("after the failure %d articles and %d quizzes remain, want none", a, q)
	}
	if _, err := s.write.ExecContext(ctx, "DROP TRIGGER fail_quiz"); err != nil {
		t.Fatal(err)
	}
	q, err := s.CreateDraftOnArticle(ctx, art, sampleQuiz(0), nil)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := s.Article(ctx, q.ArticleID)
	if err != nil || stored.Body != art.Body || len(q.Questions) != 2 {
		t.Errorf("stored article %+v (%v) with %d questions, want the article and 2 questions", stored, err, len(q.Questions))
	}
	if a, n := count(); a != 1 || n != 1 {
		t.Errorf("%d articles and %d quizzes, want 1 and 1", a, n)
	}
}
