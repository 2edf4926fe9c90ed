package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// classList lists the teacher's classes (every class for an admin).
func (h *Handler) classList(c *fiber.Ctx) error {
	return h.renderClasses(c, fiber.StatusOK, "", "")
}

func (h *Handler) renderClasses(c *fiber.Ctx, status int, name, problem string) error {
	u := currentTeacher(c)
	rows, err := h.store.TeacherClasses(ctx(c), *u)
	if err != nil {
		return err
	}
	p := views.ClassesPage{Page: page(c, "Classes"), IsAdmin: u.Role == quizzes.RoleAdmin, Name: name, Error: problem}
	p.Notice = h.takeFlash(c)
	for _, r := range rows {
		p.Rows = append(p.Rows, views.ClassRow{Class: r.Class, Owner: r.Owner, Students: r.Students, Quizzes: r.Quizzes})
	}
	if p.Deleted, err = h.deletedList(c, h.store.DeletedClasses); err != nil {
		return err
	}
	return render(c, status, views.Classes(p))
}

// checkClassName tidies a class name and says what is wrong with it.
func checkClassName(s string) (string, string) {
	return checkName(s, 80, "Give the class a name, such as “9B English”.", "Please keep the class name under 80 characters.")
}

func (h *Handler) createClass(c *fiber.Ctx) error {
	name, problem := checkClassName(c.FormValue("name"))
	if problem != "" {
		return h.renderClasses(c, fiber.StatusUnprocessableEntity, name, problem)
	}
	cl, err := h.store.CreateClass(ctx(c), name, currentTeacher(c).ID)
	if err != nil {
		return err
	}
	h.log.Info("class created", "class", cl.ID, "user", currentTeacher(c).Username)
	notice := "Class created. Write the code on the board: students type it on the home page."
	return h.redirectWith(c, views.ClassURL(cl.ID), notice)
}

// ownClass loads the class in the URL if the teacher teaches it (see
// classFor); for anyone else it does not exist.
func (h *Handler) ownClass(c *fiber.Ctx) (quizzes.Class, error) {
	return h.classFor(c, true)
}

func (h *Handler) classPage(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	p, err := h.classView(c, cl)
	if err != nil {
		return err
	}
	p.Notice = h.takeFlash(c)
	return render(c, fiber.StatusOK, views.Class(p))
}

// classView gathers the class page: the quizzes the teacher may give,
// the students and the gradebook.
func (h *Handler) classView(c *fiber.Ctx, cl quizzes.Class) (views.ClassPage, error) {
	u := currentTeacher(c)
	p := views.ClassPage{Page: page(c, cl.Name), Class: cl, Name: cl.Name}
	if cl.OwnerID != u.ID {
		owner, err := h.store.User(ctx(c), cl.OwnerID)
		if err != nil {
			return p, err
		}
		p.Owner = owner.Username
	}
	var err error
	if p.Options, err = h.quizOptions(c, cl); err != nil {
		return p, err
	}
	if p.Teachers, err = h.classTeachers(c, cl); err != nil {
		return p, err
	}
	p.CanManage = u.CanChangeClass(cl)
	if p.Assigned, err = h.store.ClassQuizzes(ctx(c), cl.ID); err != nil {
		return p, err
	}
	if p.Members, err = h.store.ClassMembers(ctx(c), cl.ID); err != nil {
		return p, err
	}
	if p.Removed, err = h.store.RemovedStudents(ctx(c), cl.ID); err != nil {
		return p, err
	}
	if err := h.signinSection(c, &p); err != nil {
		return p, err
	}
	for _, q := range p.Assigned {
		if _, err := h.store.HandInOverdue(ctx(c), q.ID, h.cfg.Clock()); err != nil {
			return p, err
		}
	}
	attempts, err := h.store.ClassAttempts(ctx(c), cl.ID)
	if err != nil {
		return p, err
	}
	records := quizzes.Records(attempts)
	for _, m := range p.Members {
		row := views.GradebookRow{Member: m}
		for _, q := range p.Assigned {
			row.Records = append(row.Records, records[quizzes.RecordKey{StudentID: m.StudentID, QuizID: q.ID}])
		}
		p.Gradebook = append(p.Gradebook, row)
	}
	return p, nil
}

// quizOptions are the quizzes the teacher may tick for the class: their
// own (every quiz for an admin), and whatever the class has already, so
// that a quiz an admin gave can still be taken away.
func (h *Handler) quizOptions(c *fiber.Ctx, cl quizzes.Class) ([]views.ClassQuizOption, error) {
	mine, err := h.store.TeacherQuizzes(ctx(c), *currentTeacher(c))
	if err != nil {
		return nil, err
	}
	assigned, err := h.store.ClassQuizzes(ctx(c), cl.ID)
	if err != nil {
		return nil, err
	}
	has := map[int64]bool{}
	for _, q := range assigned {
		has[q.ID] = true
	}
	var out []views.ClassQuizOption
	for _, r := range mine {
		if r.Share == quizzes.ShareViewer {
			continue // a viewer reads results; the owner decides who takes it
		}
		out = append(out, views.ClassQuizOption{Quiz: r.Quiz, Assigned: has[r.Quiz.ID]})
		delete(has, r.Quiz.ID)
	}
	for _, q := range assigned {
		if has[q.ID] {
			out = append(out, views.ClassQuizOption{Quiz: q, Assigned: true})
		}
	}
	return out, nil
}

func (h *Handler) renameClass(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	name, problem := checkClassName(c.FormValue("name"))
	if problem != "" {
		p, err := h.classView(c, cl)
		if err != nil {
			return err
		}
		p.Name, p.RenameError = name, problem
		return render(c, fiber.StatusUnprocessableEntity, views.Class(p))
	}
	if err := h.store.RenameClass(ctx(c), cl.ID, name); err != nil {
		return err
	}
	return h.redirectWith(c, views.ClassURL(cl.ID), "Renamed.")
}

func (h *Handler) newClassCode(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	code, err := h.store.NewClassCode(ctx(c), cl.ID)
	if err != nil {
		return err
	}
	notice := "New code " + quizzes.FormatJoinCode(code) + ". The old code " + quizzes.FormatJoinCode(cl.JoinCode) + " no longer works."
	return h.redirectWith(c, views.ClassURL(cl.ID), notice)
}

// setClassQuizzes makes the ticked quizzes the class's quizzes. A quiz
// that is not among the teacher's options changes nothing.
func (h *Handler) setClassQuizzes(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	options, err := h.quizOptions(c, cl)
	if err != nil {
		return err
	}
	allowed := map[int64]bool{}
	for _, o := range options {
		allowed[o.Quiz.ID] = true
	}
	var ids []int64
	for _, raw := range c.Context().PostArgs().PeekMulti("quiz") {
		id, err := strconv.ParseInt(string(raw), 10, 64)
		if err != nil || !allowed[id] {
			return fiber.NewError(fiber.StatusUnprocessableEntity, "One of the ticked quizzes is not one you can give to this class. Reload the class page and try again.")
		}
		ids = append(ids, id)
	}
	if err := h.store.SetClassQuizzes(ctx(c), cl.ID, ids); err != nil {
		return err
	}
	notice := "Saved: the class has " + strconv.Itoa(len(ids)) + " quizzes."
	if len(ids) == 1 {
		notice = "Saved: the class has 1 quiz."
	}
	return h.redirectWith(c, views.ClassURL(cl.ID), notice)
}

func (h *Handler) deleteClass(c *fiber.Ctx) error {
	cl, err := h.classFor(c, false)
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		return fiber.NewError(fiber.StatusUnprocessableEntity, "Tick the box to confirm that the class should be deleted.")
	}
	if err := h.store.DeleteClass(ctx(c), cl.ID); err != nil {
		return err
	}
	h.log.Info("class deleted", "class", cl.ID, "user", currentTeacher(c).Username)
	h.audit(c, "class deleted", classDetail(cl))
	return h.redirectWith(c, "/teach/classes#deleted", "Deleted the class “"+cl.Name+"”: restore it with its students under “Recently deleted”.")
}
