package identity_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// mailLink asks for a link at path for email, from a browser of its own,
// and returns the token it mails.
func mailLink(f *apptest.Fixture, path, email string) string {
	f.T.Helper()
	if resp, body := f.Browser().Do("POST", path, fmt.Sprintf(`{"email":%q}`, email)); resp.StatusCode != http.StatusAccepted {
		f.T.Fatalf("POST %s: %d %s", path, resp.StatusCode, body)
	}
	return f.MailedToken(email)
}

// isGoneToken reports whether an answer is the refusal of an invalid,
// used or expired link.
func isGoneToken(resp *http.Response, body []byte) bool {
	return resp.StatusCode == http.StatusGone && strings.Contains(string(body), `"code":"tokenInvalid"`)
}

func TestSettingAPasswordRevokesOtherResetLinks(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser()
	reset := func(token, password string) (*http.Response, []byte) {
		return b.Do("POST", "/api/v1/password-reset-confirmations", fmt.Sprintf(`{"token":%q,"password":%q}`, token, password))
	}
	// The newest link is used: the older, unused one is dead.
	older := mailLink(f, "/api/v1/password-resets", apptest.KmA)
	newer := mailLink(f, "/api/v1/password-resets", apptest.KmA)
	if resp, body := reset(newer, "Nieuw-Wachtwoord-Kade-9"); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("reset with the newest link: %d %s", resp.StatusCode, body)
	}
	if resp, body := reset(older, "Ander-Wachtwoord-Gracht-4"); !isGoneToken(resp, body) {
		t.Fatalf("older link after the newest was used: %d %s", resp.StatusCode, body)
	}
	if resp, body := f.Browser().Do("POST", "/api/v1/sessions", signInBody(apptest.KmA, "Nieuw-Wachtwoord-Kade-9")); resp.StatusCode != http.StatusCreated {
		t.Fatalf("the password the newest link set: %d %s", resp.StatusCode, body)
	}
	// The other way round: an older link used revokes a newer one.
	older = mailLink(f, "/api/v1/password-resets", apptest.AmA)
	newer = mailLink(f, "/api/v1/password-resets", apptest.AmA)
	if resp, body := reset(older, "Nieuw-Wachtwoord-Kade-9"); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("reset with the older link: %d %s", resp.StatusCode, body)
	}
	if resp, body := reset(newer, "Ander-Wachtwoord-Gracht-4"); !isGoneToken(resp, body) {
		t.Fatalf("newer link after the older was used: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM auth_tokens WHERE purpose = 'password_reset' AND used_at IS NULL`); n != 0 {
		t.Errorf("%d reset links still open after the passwords were set", n)
	}
}

func TestUsingASignInLinkRevokesTheOthers(t *testing.T) {
	f := apptest.New(t)
	older := mailLink(f, "/api/v1/magic-links", apptest.KandidaatA)
	newer := mailLink(f, "/api/v1/magic-links", apptest.KandidaatA)
	if resp, body := f.Browser().Do("POST", "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, newer)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("the newest sign-in link: %d %s", resp.StatusCode, body)
	}
	if resp, body := f.Browser().Do("POST", "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, older)); !isGoneToken(resp, body) {
		t.Fatalf("older sign-in link after the newest was used: %d %s", resp.StatusCode, body)
	}
	// The kandidaat asks again later and gets a link that works.
	f.Advance(time.Minute)
	fresh := mailLink(f, "/api/v1/magic-links", apptest.KandidaatA)
	if resp, body := f.Browser().Do("POST", "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, fresh)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("a link asked for after the sign-in: %d %s", resp.StatusCode, body)
	}
}
