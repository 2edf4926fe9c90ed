package handlers

import (
	"context"
	"fmt"

	"quiztrainer/assets"
	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/quizzes/generate"
)

// sampleQuestions is how many of the generator's best questions the
// bundled quiz keeps: enough for a lesson, few enough to finish in one.
const sampleQuestions = generate.DraftQuestions

// SeedSample publishes a quiz on the bundled article when the database has
// no quiz at all, so that a new installation opens on a working quiz; an
// admin finds the generator's other questions offered beside its own. It
// reports whether it made one.
func SeedSample(ctx context.Context, store *db.Store, gen Generator) (bool, error) {
	n, err := store.CountQuizzes(ctx)
	if err != nil || n > 0 {
		return false, err
	}
	qs, cands := draft(gen, assets.SampleArticle, sampleQuestions)
	if len(qs) == 0 {
		return false, fmt.Errorf("seed: the generator wrote no questions for the sample article")
	}
	_, err = store.CreateDraftOnArticle(ctx, quizzes.Article{Title: assets.SampleTitle, Source: assets.SampleSource, Body: assets.SampleArticle}, quizzes.Quiz{
		Title:     assets.SampleTitle,
		Status:    quizzes.Published,
		Settings:  quizzes.Settings{Feedback: quizzes.FeedbackAtEnd},
		Questions: qs,
	}, cands)
	return err == nil, err
}
