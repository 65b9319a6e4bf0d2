package httpapi_test

import (
	"net/http"
	"testing"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// Every API response carries API-Version, problems included: the API Design
// Rules ask for it, and the OpenAPI document declares it on every response.
func TestEveryAPIResponseCarriesAPIVersion(t *testing.T) {
	s := newServer(t, nil, "")
	cases := []struct {
		name, method, path, body string
		status                   int
	}{
		{"ok", http.MethodPost, "/api/v1/echoes", validEcho, http.StatusOK},
		{"invalid input", http.MethodPost, "/api/v1/echoes", `{"name":"x"}`, http.StatusBadRequest},
		{"unknown query parameter", http.MethodPost, "/api/v1/echoes?sort=name", validEcho, http.StatusBadRequest},
		{"malformed json", http.MethodPost, "/api/v1/echoes", `{"name":`, http.StatusBadRequest},
		{"unknown route", http.MethodGet, "/api/v1/onbekend", "", http.StatusNotFound},
		{"trailing slash", http.MethodPost, "/api/v1/echoes/", validEcho, http.StatusNotFound},
		{"panic", http.MethodGet, "/api/v1/explosions", "", http.StatusInternalServerError},
		{"error", http.MethodGet, "/api/v1/failures", "", http.StatusInternalServerError},
		{"openapi document", http.MethodGet, "/api/v1/openapi.json", "", http.StatusOK},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := s.do(t, tc.method, tc.path, tc.body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if got := resp.Header.Get("API-Version"); got != httpapi.APIVersion {
				t.Errorf("API-Version %q, want %q", got, httpapi.APIVersion)
			}
		})
	}
	// (An oversized body, refused before routing: TestOversizedBodyIs413.)

	// Outside the API there is no API version.
	resp, _ := s.do(t, http.MethodGet, "/healthz", "")
	if got := resp.Header.Get("API-Version"); got != "" {
		t.Errorf("/healthz: API-Version %q, want none", got)
	}
}

// The document says what the server does, for every operation however it is
// registered: each response declares the API-Version header; every operation
// declares 400 (an unknown query parameter is one for any operation) and
// none declares 422, which Werkhaven never answers.
func TestDocumentDeclaresWhatEveryOperationAnswers(t *testing.T) {
	s := newServer(t, nil, "")
	// Unknown query parameters are refused even where there is no input.
	resp, body := s.do(t, http.MethodGet, "/api/v1/explosions?x=1", "")
	p := problemOf(t, resp, body, http.StatusBadRequest)
	if !hasParam(p, "x", "unknownParam") {
		t.Fatalf("want x unknownParam, got %+v", p.InvalidParams)
	}

	doc := s.openAPI
	ops := 0
	for path, item := range doc.Paths {
		for method, op := range map[string]*huma.Operation{"get": item.Get, "post": item.Post, "put": item.Put, "patch": item.Patch, "delete": item.Delete} {
			if op == nil {
				continue
			}
			ops++
			where := method + " " + path
			if _, ok := op.Responses["422"]; ok {
				t.Errorf("%s declares 422; invalid input is 400", where)
			}
			bad := op.Responses["400"]
			if bad == nil || bad.Content[httpapi.ProblemContentType] == nil {
				t.Errorf("%s does not declare a 400 problem", where)
			}
			for status, r := range op.Responses {
				h := r.Headers["API-Version"]
				if h == nil {
					t.Errorf("%s %s: no API-Version header", where, status)
					continue
				}
				if h.Ref == "" && (h.Schema == nil || h.Schema.Type != "string") {
					t.Errorf("%s %s: API-Version header without a string schema", where, status)
				}
			}
		}
	}
	if ops < 3 {
		t.Fatalf("only %d operations in the document", ops)
	}
	if h := doc.Components.Headers["API-Version"]; h == nil || !h.Required || h.Schema == nil || h.Schema.Type != "string" {
		t.Fatalf("components.headers.API-Version: %+v", h)
	}
}
