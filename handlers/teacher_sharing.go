package handlers

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// errReadOnly answers a teacher who may read a quiz's results but not
// change the quiz.
var errReadOnly = fiber.NewError(fiber.StatusForbidden, "You may read this quiz's results; only its owner and co-editors change it.")

// quizFor loads the quiz in the URL if the teacher has the access need to
// it. For a teacher with no access it does not exist; one with less than
// need is told so.
func (h *Handler) quizFor(c *fiber.Ctx, need quizzes.Access) (quizzes.Quiz, error) {
	q, a, err := h.quizAccess(c)
	if err != nil {
		return q, err
	}
	if a < need {
		if need == quizzes.OwnerAccess && a == quizzes.EditAccess {
			return q, fiber.NewError(fiber.StatusForbidden, "Only the quiz's owner does this.")
		}
		return q, errReadOnly
	}
	return q, nil
}

const (
	quizKey       = "quiz"
	quizAccessKey = "quizAccess"
)

// quizAccess loads the quiz in the URL and what the teacher may do with it.
// The access is kept in the locals so that it is looked up once a request.
func (h *Handler) quizAccess(c *fiber.Ctx) (quizzes.Quiz, quizzes.Access, error) {
	if q, ok := c.Locals(quizKey).(quizzes.Quiz); ok {
		return q, c.Locals(quizAccessKey).(quizzes.Access), nil
	}
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return quizzes.Quiz{}, 0, fiber.ErrNotFound
	}
	q, err := h.store.Quiz(ctx(c), id)
	if err != nil {
		return q, 0, err
	}
	u := currentTeacher(c)
	var share quizzes.Share
	if !u.CanChange(q) {
		if share, err = h.store.QuizShare(ctx(c), q.ID, u.ID); err != nil {
			return q, 0, err
		}
	}
	a := u.AccessTo(q, share)
	if a == quizzes.NoAccess {
		return q, a, fiber.ErrNotFound
	}
	c.Locals(quizKey, q)
	c.Locals(quizAccessKey, a)
	return q, a, nil
}

// SharingURL is a quiz's page of teachers it is shared with.
func SharingURL(id int64) string { return views.TeacherQuizURL(id) + "/sharing" }

func (h *Handler) sharingPage(c *fiber.Ctx, q quizzes.Quiz) (views.SharingPage, error) {
	p := views.SharingPage{Page: page(c, "Sharing: "+q.Title), Quiz: q, Access: string(quizzes.ShareEditor)}
	rows, err := h.store.QuizShares(ctx(c), q.ID)
	if err != nil {
		return p, err
	}
	for _, r := range rows {
		p.Shares = append(p.Shares, views.ShareRow{UserID: r.UserID, Username: r.Username, Share: r.Share})
	}
	return p, nil
}

// sharing lists the teachers a quiz is shared with, for its owner.
func (h *Handler) sharing(c *fiber.Ctx) error {
	q, err := h.quizFor(c, quizzes.OwnerAccess)
	if err != nil {
		return err
	}
	p, err := h.sharingPage(c, q)
	if err != nil {
		return err
	}
	p.Notice = h.takeFlash(c)
	return render(c, fiber.StatusOK, views.Sharing(p))
}

// shareQuiz lets another teacher co-edit the quiz or read its results.
func (h *Handler) shareQuiz(c *fiber.Ctx) error {
	q, err := h.quizFor(c, quizzes.OwnerAccess)
	if err != nil {
		return err
	}
	username := strings.TrimSpace(c.FormValue("username"))
	share := quizzes.Share(c.FormValue("access"))
	problem := ""
	if !share.Valid() {
		problem = "Choose co-editor or viewer."
	} else if username == "" {
		problem = "Type the username of the teacher to share with."
	} else {
		switch err := h.store.ShareQuiz(ctx(c), q.ID, username, share, actor(c)); {
		case errors.Is(err, db.ErrNoSuchTeacher):
			problem = "No teacher who can sign in has the username " + username + "."
		case errors.Is(err, db.ErrOwnerShare):
			problem = username + " owns this quiz already."
		case err != nil:
			return err
		}
	}
	if problem != "" {
		p, err := h.sharingPage(c, q)
		if err != nil {
			return err
		}
		p.Username, p.Access, p.Error = username, string(share), problem
		return render(c, fiber.StatusUnprocessableEntity, views.Sharing(p))
	}
	if err := h.setFlash(c, "Shared with "+username+" as "+shareName(share)+"."); err != nil {
		return err
	}
	return c.Redirect(SharingURL(q.ID), fiber.StatusSeeOther)
}

func shareName(s quizzes.Share) string {
	if s == quizzes.ShareEditor {
		return "co-editor"
	}
	return "viewer"
}

func (h *Handler) unshareQuiz(c *fiber.Ctx) error {
	q, err := h.quizFor(c, quizzes.OwnerAccess)
	if err != nil {
		return err
	}
	uid, err := strconv.ParseInt(c.Params("uid"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	if err := h.store.UnshareQuiz(ctx(c), q.ID, uid, actor(c)); err != nil {
		return err
	}
	if err := h.setFlash(c, "No longer shared with that teacher."); err != nil {
		return err
	}
	return c.Redirect(SharingURL(q.ID), fiber.StatusSeeOther)
}

// classFor loads the class in the URL if the teacher owns it (or is an
// admin), or, when coTeacher, also teaches it; for anyone else it does not
// exist.
func (h *Handler) classFor(c *fiber.Ctx, coTeacher bool) (quizzes.Class, error) {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil {
		return quizzes.Class{}, fiber.ErrNotFound
	}
	cl, err := h.store.Class(ctx(c), id)
	if err != nil {
		return cl, err
	}
	u := currentTeacher(c)
	if u.CanChangeClass(cl) {
		return cl, nil
	}
	teaches, err := h.store.IsClassTeacher(ctx(c), cl.ID, u.ID)
	if err != nil {
		return cl, err
	}
	if !teaches {
		return cl, fiber.ErrNotFound
	}
	if !coTeacher {
		return cl, fiber.NewError(fiber.StatusForbidden, "Only the class's owner does this.")
	}
	return cl, nil
}

// addClassTeacher lets another teacher teach the class.
func (h *Handler) addClassTeacher(c *fiber.Ctx) error {
	cl, err := h.classFor(c, false)
	if err != nil {
		return err
	}
	username := strings.TrimSpace(c.FormValue("username"))
	problem := ""
	switch err := h.store.AddClassTeacher(ctx(c), cl.ID, username, actor(c)); {
	case username == "":
		problem = "Type the username of the teacher to add."
	case errors.Is(err, db.ErrNoSuchTeacher):
		problem = "No teacher who can sign in has the username " + username + "."
	case errors.Is(err, db.ErrOwnerShare):
		problem = username + " owns this class already."
	case err != nil:
		return err
	}
	if problem != "" {
		p, err := h.classView(c, cl)
		if err != nil {
			return err
		}
		p.TeacherName, p.TeacherError = username, problem
		return render(c, fiber.StatusUnprocessableEntity, views.Class(p))
	}
	return h.redirectWith(c, views.ClassURL(cl.ID), username+" teaches this class too.")
}

func (h *Handler) removeClassTeacher(c *fiber.Ctx) error {
	cl, err := h.classFor(c, false)
	if err != nil {
		return err
	}
	uid, err := strconv.ParseInt(c.Params("uid"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	if err := h.store.RemoveClassTeacher(ctx(c), cl.ID, uid, actor(c)); err != nil {
		return err
	}
	return h.redirectWith(c, views.ClassURL(cl.ID), "That teacher no longer teaches this class.")
}

// classTeachers lists the class's teachers besides its owner.
func (h *Handler) classTeachers(c *fiber.Ctx, cl quizzes.Class) ([]views.ShareRow, error) {
	rows, err := h.store.ClassTeachers(ctx(c), cl.ID)
	var out []views.ShareRow
	for _, r := range rows {
		out = append(out, views.ShareRow{UserID: r.UserID, Username: r.Username})
	}
	return out, err
}
