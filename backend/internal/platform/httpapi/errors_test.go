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
