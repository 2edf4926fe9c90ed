package handlers

import (
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"quiztrainer/assets"
)

// routes lists every route of the app.
func (h *Handler) routes(app *fiber.App) {
	app.Get("/healthz", h.health)
	app.Use("/static", filesystem.New(filesystem.Config{
		Root:   http.FS(assets.Static),
		MaxAge: int((24 * time.Hour).Seconds()),
	}))

	// Students.
	app.Get("/", h.home)
	app.Get("/me", h.history)
	app.Get("/practice", h.practice)
	app.Post("/practice", h.practice)
	app.Get("/quiz/:slug", h.quizIntro)
	app.Post("/quiz/:slug/start", h.startAttempt)
	app.Get("/attempt/:id", h.showAttempt)
	app.Post("/attempt/:id/answer", h.answer)
	app.Post("/attempt/:id/finish", h.finish)
	app.Get("/attempt/:id/review", h.review)
	app.Post("/attempt/:id/hand-in", h.handIn)
	app.Get("/attempt/:id/result", h.result)
	app.Post("/student/switch", h.switchStudent)
	app.Get("/signin", h.signinForm)
	app.Post("/signin", h.signin)

	// Teachers.
	app.Get("/login", h.loginForm)
	app.Post("/login", h.login)
	app.Post("/logout", h.logout)
	app.Get("/setup", h.setupForm)
	app.Post("/setup", h.setup)
	teach := app.Group("/teach", h.requireTeacher)
	teach.Get("/", h.dashboard)
	teach.Get("/import", h.importForm)
	teach.Post("/import", h.importUpload)
	teach.Get("/quiz/:id", h.teacherQuiz)
	teach.Post("/quiz/:id/status", h.setStatus)
	teach.Post("/quiz/:id/delete", h.deleteQuiz)
	teach.Get("/quiz/:id/export", h.exportQuiz)
	teach.Get("/quiz/:id/sharing", h.sharing)
	teach.Post("/quiz/:id/sharing", h.shareQuiz)
	teach.Post("/quiz/:id/sharing/:uid/remove", h.unshareQuiz)
	teach.Post("/deleted/quiz/:id/restore", h.restoreQuiz)
	teach.Post("/deleted/class/:id/restore", h.restoreClass)

	// Authoring.
	teach.Get("/new", h.newQuizForm)
	teach.Post("/new", h.newQuiz)
	teach.Post("/quiz/:id/settings", h.saveSettings)
	teach.Get("/quiz/:id/question/new", h.newQuestionForm)
	teach.Post("/quiz/:id/question/new", h.addQuestion)
	teach.Get("/quiz/:id/question/:qid", h.questionForm)
	teach.Post("/quiz/:id/question/:qid", h.saveQuestion)
	teach.Post("/quiz/:id/question/:qid/move", h.moveQuestion)
	teach.Get("/quiz/:id/question/:qid/delete", h.deleteQuestionForm)
	teach.Post("/quiz/:id/question/:qid/delete", h.deleteQuestion)
	teach.Post("/quiz/:id/deleted/:did/restore", h.restoreQuestion)
	teach.Post("/quiz/:id/question/:qid/accept", h.acceptAnswer)
	teach.Post("/quiz/:id/question/:qid/swap", h.swapQuestion)
	teach.Post("/quiz/:id/pool/add", h.addFromPool)

	// Classes.
	teach.Get("/classes", h.classList)
	teach.Post("/classes", h.createClass)
	teach.Get("/class/:id", h.classPage)
	teach.Post("/class/:id/rename", h.renameClass)
	teach.Post("/class/:id/code", h.newClassCode)
	teach.Post("/class/:id/quizzes", h.setClassQuizzes)
	teach.Post("/class/:id/delete", h.deleteClass)
	teach.Post("/class/:id/teachers", h.addClassTeacher)
	teach.Post("/class/:id/teachers/:uid/remove", h.removeClassTeacher)
	teach.Get("/class/:id/student/:student", h.studentPage)
	teach.Post("/class/:id/student/:student/rename", h.renameStudent)
	teach.Post("/class/:id/student/:student/merge", h.mergeStudent)
	teach.Post("/class/:id/student/:student/remove", h.removeStudent)
	teach.Post("/class/:id/student/:student/restore", h.restoreStudent)
	teach.Post("/class/:id/signin", h.setClassSignin)
	teach.Post("/class/:id/signin/codes", h.giveMissingCodes)
	teach.Get("/class/:id/signin/cards", h.signinCards)
	teach.Post("/class/:id/student/:student/code", h.newSigninCode)
	// Students join a class by its code; these are not under /teach.
	app.Get("/join", h.joinForm)
	app.Post("/join", h.joinClass)

	// Results.
	teach.Get("/quiz/:id/results", h.results)
	teach.Get("/quiz/:id/results/attempts.csv", h.attemptsCSV)
	teach.Get("/quiz/:id/results/responses.csv", h.responsesCSV)
	teach.Get("/quiz/:id/results/attempt/:aid", h.teacherAttempt)
	teach.Post("/quiz/:id/results/attempt/:aid/mark", h.markAnswer)

	// Accounts: one-time links, one's own account, and the admin's pages.
	app.Get("/invite", h.invitationForm)
	app.Post("/invite", h.acceptInvitation)
	app.Get("/reset", h.resetForm)
	app.Post("/reset", h.resetPassword)
	teach.Get("/account", h.account)
	teach.Post("/account/password", h.changePassword)
	teach.Post("/account/sessions/:sid/end", h.endSession)
	teach.Get("/teachers", h.requireAdmin, h.teachers)
	teach.Post("/teachers/invite", h.requireAdmin, h.invite)
	teach.Post("/teachers/invite/:id/withdraw", h.requireAdmin, h.withdrawInvitation)
	teach.Post("/teachers/:id/off", h.requireAdmin, h.turnOff)
	teach.Post("/teachers/:id/on", h.requireAdmin, h.turnOn)
	teach.Post("/teachers/:id/role", h.requireAdmin, h.setRole)
	teach.Post("/teachers/:id/reset-link", h.requireAdmin, h.resetLink)
	teach.Get("/audit", h.requireAdmin, h.auditLog)

	app.Use(h.notFound)
}
