package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"
	"github.com/gofiber/fiber/v2"

	"quiztrainer/db"
	"quiztrainer/views"
)

// render writes a component as the HTML response with the given status.
func render(c *fiber.Ctx, status int, comp templ.Component) error {
	c.Status(status)
	c.Type("html", "utf-8")
	return comp.Render(c.UserContext(), c.Response().BodyWriter())
}

// renderAttempt writes the attempt page as the HTML response with the
// given status, appended straight into the response's body buffer: one
// buffer from fasthttp's pool holds the whole page, which goes out in one
// write.
func renderAttempt(c *fiber.Ctx, status int, p *views.AttemptPage) error {
	c.Status(status)
	c.Type("html", "utf-8")
	resp := c.Response()
	b, err := views.AppendAttempt(c.UserContext(), resp.SwapBody(nil), p)
	resp.SwapBody(b)
	return err
}

// page fills what every page shares.
func page(c *fiber.Ctx, title string) views.Page {
	return views.Page{Title: title, CSRF: token(c), Student: currentStudent(c), Teacher: currentTeacher(c)}
}

// statusOf maps an error to the HTTP status it deserves.
func statusOf(err error) int {
	var fe *fiber.Error
	switch {
	case errors.As(err, &fe):
		return fe.Code
	case errors.Is(err, db.ErrNotFound):
		return fiber.StatusNotFound
	}
	return fiber.StatusInternalServerError
}

// errorHandler renders every error as a friendly page (JSON under /api).
// Only messages of errors made for the client (fiber.Error below 500) are
// shown; anything else is logged and replaced by a general sentence.
func (h *Handler) errorHandler(c *fiber.Ctx, err error) error {
	var moved movedError
	if errors.As(err, &moved) {
		status := fiber.StatusMovedPermanently
		if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
			status = fiber.StatusPermanentRedirect
		}
		return c.Redirect(moved.to, status)
	}
	status := statusOf(err)
	title, msg := http.StatusText(status), ""
	var fe *fiber.Error
	if errors.As(err, &fe) && status < 500 && !strings.HasPrefix(fe.Message, "Cannot ") && fe.Message != http.StatusText(status) {
		msg = fe.Message
	}
	switch {
	case msg != "":
	case status == fiber.StatusNotFound:
		title, msg = "Page not found", "There is nothing at this address. The quiz or result may have been removed, or the link is mistyped."
	case status == fiber.StatusRequestEntityTooLarge:
		msg = "The upload is too large."
	case status >= 500:
		title, msg = "Something went wrong", "The server could not finish this request. Your saved answers are safe; try again in a moment."
	default:
		msg = "The request could not be handled."
	}
	if status >= 500 {
		h.log.Error("request failed", "method", c.Method(), "path", c.Path(), "status", status, "err", err)
	}
	if strings.HasPrefix(c.Path(), "/api/") {
		return c.Status(status).JSON(fiber.Map{"error": msg})
	}
	c.Response().Header.Del(fiber.HeaderContentDisposition)
	c.Response().ResetBody()
	return render(c, status, views.Error(views.ErrorPage{Page: page(c, title), Status: status, Message: msg}))
}

func (h *Handler) notFound(c *fiber.Ctx) error {
	return fiber.ErrNotFound
}

// healthProbeEvery is how often /healthz commits a small write to see that
// the database takes writes; between probes it repeats the last answer, so
// that a flood of health checks cannot become a flood of writes.
const healthProbeEvery = time.Second

func (h *Handler) health(c *fiber.Ctx) error {
	err := h.store.Ping(ctx(c))
	if err == nil {
		err = h.probeWrite(c)
	}
	if err != nil {
		h.log.Error("health check failed", "err", err)
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unavailable\n")
	}
	return c.SendString("ok\n")
}

func (h *Handler) probeWrite(c *fiber.Ctx) error {
	h.healthMu.Lock()
	defer h.healthMu.Unlock()
	if now := time.Now(); now.Sub(h.healthAt) >= healthProbeEvery {
		h.healthErr, h.healthAt = h.store.ProbeWrite(ctx(c)), now
	}
	return h.healthErr
}

func itoa(n int) string { return strconv.Itoa(n) }

// plural is "1 question" or "3 questions".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}
