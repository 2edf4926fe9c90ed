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
	app.Get("/quiz/:slug", h.quizIntro)
	app.Post("/quiz/:slug/start", h.startAttempt)
	app.Get("/attempt/:id", h.showAttempt)
	app.Post("/attempt/:id/answer", h.answer)
	app.Post("/attempt/:id/finish", h.finish)
	app.Get("/attempt/:id/result", h.result)

	app.Use(h.notFound)
}
