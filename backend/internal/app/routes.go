package app

import (
	"encoding/json"
	"log/slog"
	"net/url"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/insight"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
	"github.com/werkhaven/werkhaven/backend/internal/matching"
	"github.com/werkhaven/werkhaven/backend/internal/message"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

// Routes installs the access guard and registers every API operation. The
// OpenAPI document is built from the same call, so it cannot drift from
// what serve answers.
func (a *App) Routes(srv *httpapi.Server) {
	guard := &authz.Guard{API: srv.API, Sessions: a.Identity, Secret: []byte(a.Config.SessionSecret), Secure: a.Config.IsProduction(), Log: a.logger()}
	guard.Install()
	var db = a.gorm()
	(&identity.ReadLimiter{DB: db, PerMinute: a.Config.ReadLimitPerMinute, Log: a.logger()}).Install(srv.API)
	(&identity.Handlers{Service: a.Identity, Guard: guard}).Register(srv.API)
	audit.Register(srv.API, db)
	occupation.Register(srv.API, a.Occupations)
	skill.Register(srv.API, a.Skills)
	opening.Register(srv.API, a.Openings)
	candidate.Register(srv.API, a.Candidates)
	matching.Register(srv.API, a.Pools)
	invite.Register(srv.API, a.Invites)
	notification.Register(srv.API, a.Notices)
	message.Register(srv.API, a.Messages)
	booking.Register(srv.API, a.Bookings)
	subsidy.Register(srv.API, a.Subsidies)
	subsidy.RegisterPlacement(srv.API, a.Subsidies)
	subsidy.RegisterApplications(srv.API, a.Subsidies)
	insight.Register(srv.API, a.Figures)
}

// Server is the HTTP server of a web replica: health checks, metrics, every
// operation and, outside production, the development pages (mail catcher
// and test checkout). Call Finish on it once the caller added its own routes.
func (a *App) Server() *httpapi.Server {
	srv := httpapi.New(httpapi.Deps{
		Config: a.Config,
		Logger: a.Log,
		Checks: []httpapi.Check{
			{Name: "postgres", Check: a.DB.Ping},
			{Name: "meilisearch", Check: a.Search.Health},
		},
		Metrics: httpapi.NewMetrics(a.DB.Pool, a.Jobs),
	})
	a.Routes(srv)
	if a.DevCheckout() {
		dc := booking.DevCheckout{Service: a.Bookings}
		srv.App.Get("/dev/betalen", dc.Page)
		srv.App.Post("/dev/betalen", dc.Complete)
	}
	return srv
}

// DevInbox starts the development mail catcher on SMTP_URL when that is a
// loopback address nothing listens on yet; never in production. The caller
// closes it.
func (a *App) DevInbox(srv *httpapi.Server) *mail.DevInbox {
	u, err := url.Parse(a.Config.SMTPURL)
	if a.Config.IsProduction() || err != nil || u.Scheme != "smtp" || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost") {
		return nil
	}
	inbox, err := mail.StartDevInbox(u.Host)
	if err != nil {
		a.Log.Info("development mail catcher not started: SMTP_URL already has a server", "smtp_url", u.Host)
		return nil
	}
	a.Log.Info("development mail catcher: sent mail is shown at /dev/mail", "smtp", u.Host)
	srv.App.Get("/dev/mail", inbox.Page)
	return inbox
}

func (a *App) logger() *slog.Logger {
	if a.Log == nil {
		return slog.Default()
	}
	return a.Log
}

func (a *App) gorm() *gorm.DB {
	if a.DB == nil {
		return nil
	}
	return a.DB.Gorm
}

// OpenAPI is the OpenAPI 3.1 document as indented JSON; `make generate`
// stores it in docs/api/openapi.json for the front end's typed client. It
// needs no database: the operations are registered on services that are
// never called.
func OpenAPI(cfg config.Config) ([]byte, error) {
	skills, err := skill.Load()
	if err != nil {
		return nil, err
	}
	srv := httpapi.New(httpapi.Deps{Config: cfg})
	(&App{Config: cfg, Skills: skills}).Routes(srv)
	return json.MarshalIndent(srv.API.OpenAPI(), "", "  ")
}
