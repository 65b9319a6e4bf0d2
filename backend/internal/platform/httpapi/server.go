// Package httpapi is Werkhaven's HTTP layer: Fiber for the server, huma for
// typed operations and the OpenAPI 3.1 document, and one problem+json shape
// for every error. Domain packages register their operations on the
// huma.API that New returns.
package httpapi

import (
	"log/slog"
	"strings"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humafiber"
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
)

// Deps is what the HTTP layer needs from the rest of the process.
type Deps struct {
	Config  config.Config
	Logger  *slog.Logger
	Checks  []Check
	Metrics *Metrics
}

// Server is the Fiber app with the huma API mounted under /api/v1.
type Server struct {
	App *fiber.App
	API huma.API
	web *webFiles
}

// New builds the server. Register API operations on Server.API, then call
// Finish to add the front end's catch-all route last.
func New(d Deps) *Server {
	installProblems()
	log := d.Logger
	if log == nil {
		log = slog.Default()
	}
	logErr := func(c *fiber.Ctx, err error) {
		log.ErrorContext(c.UserContext(), "request failed", "request_id", requestIDOf(c), "path", c.Path(), "error", err)
	}
	app := fiber.New(fiber.Config{
		AppName:               "werkhaven",
		DisableStartupMessage: true,
		StrictRouting:         true, // "/x/" is not "/x": no trailing slashes (API Design Rules)
		CaseSensitive:         true,
		BodyLimit:             d.Config.BodyLimitBytes,
		ReadTimeout:           d.Config.ReadTimeout,
		WriteTimeout:          d.Config.WriteTimeout,
		IdleTimeout:           d.Config.IdleTimeout,
		ErrorHandler:          errorHandler(logErr),
		ProxyHeader:           d.Config.ProxyHeader,
	})
	app.Use(requestID())
	app.Use(observe(log, d.Metrics))
	app.Use(recover.New(recover.Config{
		EnableStackTrace: true,
		StackTraceHandler: func(c *fiber.Ctx, e any) {
			log.ErrorContext(c.UserContext(), "panic", "request_id", requestIDOf(c), "panic", e)
		},
	}))
	app.Use(securityHeaders())
	app.Use(compress.New(compress.Config{Level: compress.LevelDefault}))

	app.Get("/healthz", healthz)
	app.Get("/readyz", readyz(log, d.Checks))
	if d.Metrics != nil {
		metrics := adaptor.HTTPHandler(promhttp.HandlerFor(d.Metrics.Registry, promhttp.HandlerOpts{}))
		app.Get("/metrics", func(c *fiber.Ctx) error {
			if tok := d.Config.MetricsToken; tok != "" && c.Get(fiber.HeaderAuthorization) != "Bearer "+tok {
				return fiber.ErrNotFound
			}
			return metrics(c)
		})
	}
	app.Get("/api/docs", apiDocs)

	api := humafiber.NewWithGroup(app, app.Group("/api/v1"), apiConfig(d.Config))
	api.UseMiddleware(separateCookies, checkBody(api))
	return &Server{App: app, API: api, web: newWebFiles(d.Config.WebDir, log)}
}

// Finish mounts the front end and the catch-all 404; call it after every
// API operation is registered.
func (s *Server) Finish() *fiber.App {
	s.web.mount(s.App)
	s.App.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return s.App
}

func apiConfig(cfg config.Config) huma.Config {
	hc := huma.DefaultConfig("Werkhaven API", APIVersion)
	hc.CreateHooks = nil // no $schema links in responses
	hc.DocsPath = ""     // served at /api/docs from our own assets
	hc.RejectUnknownQueryParameters = true
	hc.Transformers = append(hc.Transformers, fillProblem)
	hc.OnAddOperation = append(hc.OnAddOperation, documentOperation)
	hc.Components.Headers = map[string]*huma.Header{headerAPIVersion: apiVersionHeader()}
	hc.Components.SecuritySchemes = map[string]*huma.SecurityScheme{
		"sessionCookie": {Type: "apiKey", In: "cookie", Name: SessionCookie, Description: "Session cookie set by sign-in; state-changing calls also need the X-CSRF-Token header from GET /session."},
	}
	hc.Servers = []*huma.Server{{URL: strings.TrimRight(cfg.BaseURL, "/") + "/api/v1", Description: "Werkhaven"}}
	hc.Info.Description = "Werkhaven: anonieme kandidatenpools per vacature, uitnodigingen en een dienstenloket voor de werkgeversdienstverlening van gemeenten. " +
		"Errors are RFC 9457 problem details (application/problem+json) with invalidParams for invalid input."
	hc.Info.Contact = &huma.Contact{Name: "Werkhaven", Email: "api@werkhaven.nl", URL: "https://werkhaven.nl"}
	hc.Info.License = &huma.License{Name: "EUPL-1.2", Identifier: "EUPL-1.2"}
	return hc
}
