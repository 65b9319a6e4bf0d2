package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// services are the domain services the HTTP operations call.
type services struct {
	occupations *occupation.Service
}

// routes registers every API operation. The OpenAPI document is built from
// the same call, so it cannot drift from what serve answers.
func routes(srv *httpapi.Server, s services) {
	occupation.Register(srv.API, s.occupations)
}

// openAPIDocument writes the OpenAPI 3.1 document as JSON; `make generate`
// stores it in docs/api/openapi.json for the front end's typed client.
func openAPIDocument(stdout io.Writer) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	srv := httpapi.New(httpapi.Deps{Config: cfg})
	routes(srv, services{})
	b, err := json.MarshalIndent(srv.API.OpenAPI(), "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s\n", b)
	return err
}
