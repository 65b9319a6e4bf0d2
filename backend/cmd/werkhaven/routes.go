package main

import (
	"encoding/json"
	"fmt"
	"io"

	"log/slog"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
	"github.com/werkhaven/werkhaven/backend/internal/matching"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// services are the domain services the HTTP operations call.
type services struct {
	occupations *occupation.Service
	identity    *identity.Service
	skills      *skill.Vocabulary
	openings    *opening.Service
	candidates  *candidate.Service
	pools       *matching.Service
	invites     *invite.Service
	notices     *notification.Service
	bookings    *booking.Service
	db          *gorm.DB
	cfg         config.Config
}

// routes installs the access guard and registers every API operation. The
// OpenAPI document is built from the same call, so it cannot drift from
// what serve answers.
func routes(srv *httpapi.Server, s services) {
	guard := &authz.Guard{API: srv.API, Sessions: s.identity, Secret: []byte(s.cfg.SessionSecret), Secure: s.cfg.IsProduction(), Log: slog.Default()}
	guard.Install()
	(&identity.Handlers{Service: s.identity, Guard: guard}).Register(srv.API)
	audit.Register(srv.API, s.db)
	occupation.Register(srv.API, s.occupations)
	skill.Register(srv.API, s.skills)
	opening.Register(srv.API, s.openings)
	candidate.Register(srv.API, s.candidates)
	matching.Register(srv.API, s.pools)
	invite.Register(srv.API, s.invites)
	notification.Register(srv.API, s.notices)
	booking.Register(srv.API, s.bookings)
}

// openAPIDocument writes the OpenAPI 3.1 document as JSON; `make generate`
// stores it in docs/api/openapi.json for the front end's typed client.
func openAPIDocument(stdout io.Writer) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	srv := httpapi.New(httpapi.Deps{Config: cfg})
	skills, err := skill.Load()
	if err != nil {
		return err
	}
	routes(srv, services{cfg: cfg, skills: skills})
	b, err := json.MarshalIndent(srv.API.OpenAPI(), "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s\n", b)
	return err
}
