package identity_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
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

func TestLinkRequestsAreLimitedPerAddress(t *testing.T) {
	f := apptest.New(t)
	for _, c := range []struct{ path, email, template string }{
		{"/api/v1/password-resets", apptest.KmA, "password_reset"},
		{"/api/v1/magic-links", apptest.KandidaatA, "magic_link"},
	} {
		mails := func() int64 {
			return f.Count(`SELECT count(*) FROM mail_outbox WHERE user_id = ? AND template = ?`, f.User[c.email], c.template)
		}
		ask := func(email string) (int, string) {
			// Each from an IP of its own: the limit is the address's.
			resp, body := f.Browser().Do("POST", c.path, fmt.Sprintf(`{"email":%q}`, email))
			return resp.StatusCode, string(body)
		}
		wantStatus, wantBody := ask("niemand-bekend@example.org")
		if wantStatus != http.StatusAccepted {
			t.Fatalf("%s for an unknown address: %d %s", c.path, wantStatus, wantBody)
		}
		for i := 1; i <= identity.MailRequestLimit+1; i++ {
			if status, body := ask(c.email); status != wantStatus || body != wantBody {
				t.Fatalf("%s request %d answers differently: %d %s", c.path, i, status, body)
			}
		}
		if n := mails(); n != identity.MailRequestLimit {
			t.Fatalf("%s: %d mails after %d requests to one address, want %d", c.path, n, identity.MailRequestLimit+1, identity.MailRequestLimit)
		}
		for range identity.MailRequestLimit {
			f.MailedToken(c.email)
		}
		// After the window the address gets mail again.
		f.Advance(identity.MailRequestWindow + time.Minute)
		if status, body := ask(c.email); status != wantStatus || body != wantBody {
			t.Fatalf("%s after the window: %d %s", c.path, status, body)
		}
		if n := mails(); n != identity.MailRequestLimit+1 {
			t.Fatalf("%s: no mail after the window (%d)", c.path, n)
		}
		f.MailedToken(c.email)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action IN ('password.reset_requested', 'session.magic_link_requested') AND outcome = 'denied'`); n != 2 {
		t.Errorf("requests over the limit are audited: %d, want 2", n)
	}
}

func TestLinkRequestsAreLimitedPerIP(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser()
	for i := 0; i < identity.MailRequestIPLimit; i++ {
		path := []string{"/api/v1/password-resets", "/api/v1/magic-links"}[i%2]
		if resp, body := b.Do("POST", path, fmt.Sprintf(`{"email":"adres%d@example.org"}`, i)); resp.StatusCode != http.StatusAccepted {
			t.Fatalf("request %d: %d %s", i+1, resp.StatusCode, body)
		}
	}
	resp, body := b.Do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, apptest.KmA))
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(string(body), `"code":"tooManyAttempts"`) || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("over the IP's ceiling: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM mail_outbox WHERE user_id = ?`, f.User[apptest.KmA]); n != 0 {
		t.Errorf("a refused request sent mail")
	}
	// Another IP asks as usual.
	if resp, body := f.Browser().Do("POST", "/api/v1/magic-links", fmt.Sprintf(`{"email":%q}`, apptest.KandidaatA)); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("another IP: %d %s", resp.StatusCode, body)
	}
	f.MailedToken(apptest.KandidaatA)
}

// Requests for one address at the same moment (two replicas, a script)
// still send at most MailRequestLimit mails.
func TestLinkRequestsAtOnceStayWithinTheLimit(t *testing.T) {
	f := apptest.New(t)
	const n = 12
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- f.Identity.RequestPasswordReset(context.Background(), apptest.AmA, fmt.Sprintf("198.51.100.%d", i+1))
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if got := f.Count(`SELECT count(*) FROM mail_outbox WHERE user_id = ?`, f.User[apptest.AmA]); got != identity.MailRequestLimit {
		t.Fatalf("%d requests at once sent %d mails, want %d", n, got, identity.MailRequestLimit)
	}
}
