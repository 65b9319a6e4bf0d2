package httpapi_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// A dependency that does not answer is a 503 whose code names it: a user
// whose payment fails is not told that search is down.
func TestUnavailableNamesTheDependency(t *testing.T) {
	// A real connection failure: nothing listens on port 1.
	pool, err := pgxpool.New(context.Background(), "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	dbErr := pool.Ping(context.Background())
	if dbErr == nil {
		t.Fatal("a database on port 1 answered")
	}
	cases := []struct {
		err  error
		code string
		text string
	}{
		{apperr.Unavailable(apperr.Search, errors.New("meilisearch: connection refused")), "searchUnavailable", "Zoeken is tijdelijk niet beschikbaar"},
		{apperr.Unavailable(apperr.Payments, errors.New("stripe: 500")), "paymentsUnavailable", "Betalen is tijdelijk niet mogelijk"},
		{fmt.Errorf("load opening: %w", dbErr), "databaseUnavailable", "Werkhaven is tijdelijk niet bereikbaar"},
		{fmt.Errorf("something: %w", apperr.ErrUnavailable), "serviceUnavailable", "tijdelijk niet bereikbaar"},
	}
	for _, c := range cases {
		var p *httpapi.Problem
		if !errors.As(httpapi.FromError(c.err), &p) {
			t.Fatalf("%v: not a problem", c.err)
		}
		if p.Status != http.StatusServiceUnavailable || p.Code != c.code || !strings.Contains(p.Detail, c.text) {
			t.Errorf("%v: %d %s %q, want 503 %s", c.err, p.Status, p.Code, p.Detail, c.code)
		}
		if !errors.Is(c.err, apperr.ErrUnavailable) && c.code != "databaseUnavailable" {
			t.Errorf("%v: errors.Is(ErrUnavailable) must hold", c.err)
		}
	}
	// A query that fails on a working database is not an outage.
	if _, ok := httpapi.FromError(errors.New("ERROR: syntax error")).(*httpapi.Problem); ok {
		t.Error("an unknown error must stay an error (500, logged)")
	}
}

// Titles, details and reasons come from the catalogue in the caller's
// language: Dutch by default, English when Accept-Language prefers it.
func TestProblemsSpeakTheCallersLanguage(t *testing.T) {
	s := newServer(t, nil, "")
	body := `{"name":"` + strings.Repeat("x", 21) + `","kvkNummer":"12345678","hours":32,"kind":"werkgever"}`
	cases := []struct {
		header, title, detail, reason string
	}{
		{"", "Ongeldige invoer", "Een of meer velden zijn ongeldig.", "De waarde is te lang (maximaal 20 tekens)."},
		{"en-GB,en;q=0.9,nl;q=0.8", "Bad Request", "One or more fields are invalid.", "The value is too long (at most 20 characters)."},
		{"nl-NL", "Ongeldige invoer", "Een of meer velden zijn ongeldig.", "De waarde is te lang (maximaal 20 tekens)."},
	}
	for _, c := range cases {
		resp, b := s.do(t, http.MethodPost, "/api/v1/echoes", body, "Accept-Language", c.header)
		p := problemOf(t, resp, b, http.StatusBadRequest)
		if p.Title != c.title || p.Detail != c.detail || len(p.InvalidParams) != 1 || !strings.HasPrefix(p.InvalidParams[0].Reason, c.reason) {
			t.Errorf("Accept-Language %q: %q / %q / %+v", c.header, p.Title, p.Detail, p.InvalidParams)
		}
		if strings.Contains(p.Detail, " / ") {
			t.Errorf("detail joins two languages: %q", p.Detail)
		}
	}
	// Errors Fiber raises (an unknown route) follow the same rule.
	resp, b := s.do(t, http.MethodGet, "/api/v1/nergens", "", "Accept-Language", "en")
	if p := problemOf(t, resp, b, http.StatusNotFound); p.Detail != "This resource does not exist." || p.Title != "Not Found" {
		t.Errorf("unknown route in English: %+v", p)
	}
}
