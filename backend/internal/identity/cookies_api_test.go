package identity_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
)

// Every cookie is its own Set-Cookie header: with a stale session cookie in
// the browser, signing in clears the old one and sets the new one in two
// headers, so a browser keeps the new session (a browser takes one
// Set-Cookie header as one cookie, whatever commas it holds).
func TestEachCookieItsOwnHeader(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser()
	b.Cookies["wh_session"] = "verlopen-sessie-die-niet-meer-bestaat"
	resp, body := b.Do(http.MethodGet, "/api/v1/sessions/current", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("current session with a stale cookie: %d %s", resp.StatusCode, body)
	}
	checkOnePerHeader(t, "GET /sessions/current", resp.Header.Values("Set-Cookie"))
	b.RefreshCSRF()
	b.Cookies["wh_session"] = "verlopen-sessie-die-niet-meer-bestaat"
	resp, body = b.Do(http.MethodPost, "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, apptest.AmA, seed.DemoPassword))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("sign-in with a stale cookie: %d %s", resp.StatusCode, body)
	}
	headers := resp.Header.Values("Set-Cookie")
	checkOnePerHeader(t, "POST /sessions", headers)
	last := ""
	for _, h := range headers {
		if strings.HasPrefix(h, "wh_session=") {
			last = h
		}
	}
	if strings.HasPrefix(last, "wh_session=;") || last == "" {
		t.Errorf("the last wh_session header clears the cookie: %q", headers)
	}
	if resp, _ := b.Do(http.MethodGet, "/api/v1/users", ""); resp.StatusCode != http.StatusOK {
		t.Errorf("signed in after a stale cookie: %d", resp.StatusCode)
	}
}

func checkOnePerHeader(t *testing.T, what string, headers []string) {
	t.Helper()
	for _, h := range headers {
		if n := strings.Count(h, "wh_session=") + strings.Count(h, "wh_anon="); n != 1 {
			t.Errorf("%s: one Set-Cookie header holds %d cookies: %q", what, n, h)
		}
	}
}
