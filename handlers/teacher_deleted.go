package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// deleteQuestionForm asks before a question is deleted, saying how many
// answers students gave to it.
func (h *Handler) deleteQuestionForm(c *fiber.Ctx) error {
	quiz, q, err := h.ownQuestion(c)
	if err != nil {
		return err
	}
	n, err := h.store.QuestionAnswers(ctx(c), q.ID)
	if err != nil {
		return err
	}
	p := views.DeleteQuestionPage{Page: page(c, "Delete a question of "+quiz.Title), Quiz: quiz, Question: q, Number: q.Position, Answers: n}
	return render(c, fiber.StatusOK, views.DeleteQuestion(p))
}

// deletedNotice tells the teacher what a deletion kept and how to undo it.
func deletedNotice(d db.DeletedQuestion) string {
	kept := ""
	if d.Answers > 0 {
		kept = " Its " + plural(d.Answers, "answer") + " are kept with it."
		if d.Answers == 1 {
			kept = " Its 1 answer is kept with it."
		}
	}
	return "Question " + itoa(d.Position) + " deleted." + kept + " Restore it under “Recently deleted” below."
}

// deletedQuestions are the quiz's deleted questions, for the quiz's page.
func (h *Handler) deletedQuestions(c *fiber.Ctx, q quizzes.Quiz) ([]views.DeletedQuestion, error) {
	list, err := h.store.DeletedQuestions(ctx(c), q.ID)
	var out []views.DeletedQuestion
	for _, d := range list {
		out = append(out, views.DeletedQuestion{ID: d.ID, Position: d.Position, Prompt: d.Prompt, Format: d.Format, Answers: d.Answers, DeletedAt: d.DeletedAt})
	}
	return out, err
}

// restoreQuestion brings a deleted question back in its place with the
// answers kept with it.
func (h *Handler) restoreQuestion(c *fiber.Ctx) error {
	quiz, err := h.ownQuiz(c)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.Params("did"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	newID, err := h.store.RestoreQuestion(ctx(c), quiz.ID, id)
	if errors.Is(err, db.ErrNotFound) {
		return h.redirectWith(c, views.TeacherQuizURL(quiz.ID), "That question is already back; nothing changed.")
	}
	if err != nil {
		return err
	}
	back, err := h.store.Quiz(ctx(c), quiz.ID)
	if err != nil {
		return err
	}
	for _, q := range back.Questions {
		if q.ID == newID {
			return h.redirectWith(c, views.TeacherQuizURL(quiz.ID)+"#q"+itoa(q.Position), "Question "+itoa(q.Position)+" restored with its answers.")
		}
	}
	return h.redirectWith(c, views.TeacherQuizURL(quiz.ID), "Question restored with its answers.")
}

// deletedList shapes the deleted quizzes or classes the teacher may restore.
func (h *Handler) deletedList(c *fiber.Ctx, list func(context.Context, quizzes.User) ([]db.Deleted, error)) ([]views.Deleted, error) {
	rows, err := list(ctx(c), *currentTeacher(c))
	var out []views.Deleted
	for _, d := range rows {
		out = append(out, views.Deleted{ID: d.ID, Name: d.Name, DeletedAt: d.DeletedAt})
	}
	return out, err
}

// restorable finds the deleted quiz or class in the URL among those the
// teacher may restore; for anyone else it does not exist.
func (h *Handler) restorable(c *fiber.Ctx, list func(context.Context, quizzes.User) ([]db.Deleted, error)) (db.Deleted, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return db.Deleted{}, fiber.ErrNotFound
	}
	rows, err := list(ctx(c), *currentTeacher(c))
	if err != nil {
		return db.Deleted{}, err
	}
	for _, d := range rows {
		if d.ID == id {
			return d, nil
		}
	}
	return db.Deleted{}, fiber.ErrNotFound
}

// restoreQuiz brings a deleted quiz back with its questions and answers.
func (h *Handler) restoreQuiz(c *fiber.Ctx) error {
	d, err := h.restorable(c, h.store.DeletedQuizzes)
	if err != nil {
		return err
	}
	if err := h.store.RestoreQuiz(ctx(c), d.ID); err != nil {
		return err
	}
	h.audit(c, "quiz restored", fmt.Sprintf("quiz %d “%s”", d.ID, d.Name))
	return h.redirectWith(c, views.TeacherQuizURL(d.ID), "Restored “"+d.Name+"” with every answer.")
}

// restoreClass brings a deleted class back with its students and quizzes.
func (h *Handler) restoreClass(c *fiber.Ctx) error {
	d, err := h.restorable(c, h.store.DeletedClasses)
	if err != nil {
		return err
	}
	if err := h.store.RestoreClass(ctx(c), d.ID); err != nil {
		return err
	}
	h.audit(c, "class restored", fmt.Sprintf("class %d “%s”", d.ID, d.Name))
	return h.redirectWith(c, views.ClassURL(d.ID), "Restored the class “"+d.Name+"” with its students.")
}
