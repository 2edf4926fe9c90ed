package handlers

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/quizzes"
	"quiztrainer/views"
)

// classStudent loads the class in the URL (for a teacher who teaches it)
// and the student of its roster the URL names.
func (h *Handler) classStudent(c *fiber.Ctx) (quizzes.Class, quizzes.Member, error) {
	cl, err := h.ownClass(c)
	if err != nil {
		return cl, quizzes.Member{}, err
	}
	id, err := strconv.ParseInt(c.Params("student"), 10, 64)
	if err != nil {
		return cl, quizzes.Member{}, fiber.ErrNotFound
	}
	m, err := h.store.ClassStudent(ctx(c), cl.ID, id)
	return cl, m, err
}

// studentPage shows one student of the roster with what the teacher can
// do: rename, merge with another student of the class, remove.
func (h *Handler) studentPage(c *fiber.Ctx) error {
	cl, m, err := h.classStudent(c)
	if err != nil {
		return err
	}
	p, err := h.rosterStudentView(c, cl, m)
	if err != nil {
		return err
	}
	p.Notice = h.takeFlash(c)
	return render(c, fiber.StatusOK, views.RosterStudent(p))
}

func (h *Handler) rosterStudentView(c *fiber.Ctx, cl quizzes.Class, m quizzes.Member) (views.RosterStudentPage, error) {
	p := views.RosterStudentPage{Page: page(c, m.DisplayName+": "+cl.Name), Class: cl, Student: m, Name: m.DisplayName}
	members, err := h.store.ClassMembers(ctx(c), cl.ID)
	if err != nil {
		return p, err
	}
	for _, o := range members {
		if o.StudentID != m.StudentID {
			p.Others = append(p.Others, o)
		}
	}
	if p.SigninCode, err = h.signinCodeOf(c, cl, m.StudentID); err != nil {
		return p, err
	}
	attempts, err := h.store.StudentAttempts(ctx(c), m.StudentID)
	p.Attempts = len(attempts)
	return p, err
}

func (h *Handler) renameStudent(c *fiber.Ctx) error {
	cl, m, err := h.classStudent(c)
	if err != nil {
		return err
	}
	name, problem := checkName(c.FormValue("name"), 60, "Give the student a name.", "Keep the name under 60 characters.")
	if problem != "" {
		p, err := h.rosterStudentView(c, cl, m)
		if err != nil {
			return err
		}
		p.Name, p.RenameError = name, problem
		return render(c, fiber.StatusUnprocessableEntity, views.RosterStudent(p))
	}
	if err := h.store.RenameClassStudent(ctx(c), cl.ID, m.StudentID, name); err != nil {
		return err
	}
	h.audit(c, "student renamed", fmt.Sprintf("%s: %s to %s", classDetail(cl), studentDetail(m), name))
	return h.redirectWith(c, views.ClassURL(cl.ID), m.DisplayName+" is now "+name+".")
}

// mergeStudent makes the student in the URL the same as the one chosen
// (two devices of one pupil): the chosen one is kept, with every attempt
// of both.
func (h *Handler) mergeStudent(c *fiber.Ctx) error {
	cl, m, err := h.classStudent(c)
	if err != nil {
		return err
	}
	keepID, _ := strconv.ParseInt(c.FormValue("into"), 10, 64)
	keep, err := h.store.ClassStudent(ctx(c), cl.ID, keepID)
	if errors.Is(err, db.ErrNotFound) || keepID == m.StudentID {
		p, err := h.rosterStudentView(c, cl, m)
		if err != nil {
			return err
		}
		p.MergeError = "Choose another student of this class to merge with."
		return render(c, fiber.StatusUnprocessableEntity, views.RosterStudent(p))
	}
	if err != nil {
		return err
	}
	merged, err := h.store.MergeStudents(ctx(c), cl.ID, keep.StudentID, m.StudentID)
	if err != nil {
		return err
	}
	h.audit(c, "students merged", fmt.Sprintf("%s: %s into %s", classDetail(cl), studentDetail(m), studentDetail(keep)))
	notice := "Merged " + m.DisplayName + " into " + keep.DisplayName + ": " + plural(merged.Moved, "attempt") + " moved, nothing lost."
	if len(merged.Both) > 0 {
		notice += " Both had attempts at " + strings.Join(merged.Both, ", ") + "; each attempt is kept, numbered one after the other."
	}
	return h.redirectWith(c, views.ClassURL(cl.ID), notice)
}

// removeStudent takes the student off the roster, the gradebook and the
// results; the class page lists them under "Recently removed" with a
// button that brings them back with every answer.
func (h *Handler) removeStudent(c *fiber.Ctx) error {
	cl, m, err := h.classStudent(c)
	if err != nil {
		return err
	}
	if c.FormValue("confirm") != "yes" {
		p, err := h.rosterStudentView(c, cl, m)
		if err != nil {
			return err
		}
		p.RemoveError = "Tick the box to confirm that " + m.DisplayName + " should be removed."
		return render(c, fiber.StatusUnprocessableEntity, views.RosterStudent(p))
	}
	if err := h.store.RemoveStudent(ctx(c), cl.ID, m.StudentID); err != nil {
		return err
	}
	h.audit(c, "student removed", classDetail(cl)+": "+studentDetail(m))
	return h.redirectWith(c, views.ClassURL(cl.ID)+"#removed", "Removed "+m.DisplayName+". Their answers are kept: restore them under “Recently removed”.")
}

func (h *Handler) restoreStudent(c *fiber.Ctx) error {
	cl, err := h.ownClass(c)
	if err != nil {
		return err
	}
	id, err := strconv.ParseInt(c.Params("student"), 10, 64)
	if err != nil {
		return fiber.ErrNotFound
	}
	err = h.store.RestoreStudent(ctx(c), cl.ID, id)
	if errors.Is(err, db.ErrNotFound) {
		return h.redirectWith(c, views.ClassURL(cl.ID), "That student is not removed; nothing changed.")
	}
	if err != nil {
		return err
	}
	st, err := h.store.Student(ctx(c), id)
	if err != nil {
		return err
	}
	h.audit(c, "student restored", classDetail(cl)+": "+studentDetail(quizzes.Member{StudentID: st.ID, DisplayName: st.DisplayName}))
	return h.redirectWith(c, views.ClassURL(cl.ID), "Restored "+st.DisplayName+" with every answer.")
}

// classDetail names a class in the audit log.
func classDetail(cl quizzes.Class) string {
	return fmt.Sprintf("class %d “%s”", cl.ID, cl.Name)
}

// studentDetail names a student in the audit log.
func studentDetail(m quizzes.Member) string {
	return fmt.Sprintf("student %d “%s”", m.StudentID, m.DisplayName)
}
