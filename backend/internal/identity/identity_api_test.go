package identity_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
)

func TestSessionRotationAndTimeouts(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser().SignIn(apptest.AmA)
	first := b.Cookies["wh_session"]
	b.SignIn(apptest.AmA)
	second := b.Cookies["wh_session"]
	if first == "" || first == second {
		t.Fatal("sign-in must issue a new session id")
	}
	old := f.Browser()
	old.Cookies["wh_session"] = first
	if resp, _ := old.Do("GET", "/api/v1/users", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("the session before sign-in must be dead after it: %d", resp.StatusCode)
	}

	// Idle timeout: 30 minutes without a request ends the session.
	if resp, _ := b.Do("GET", "/api/v1/users", ""); resp.StatusCode != 200 {
		t.Fatalf("fresh session: %d", resp.StatusCode)
	}
	f.Advance(31 * time.Minute)
	resp, body := b.Do("GET", "/api/v1/users", "")
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(string(body), "sessionExpired") {
		t.Fatalf("after 31 idle minutes: %d %s", resp.StatusCode, body)
	}

	// Absolute timeout: 12 hours, however active.
	b = f.Browser().SignIn(apptest.AmA)
	for elapsed := time.Duration(0); elapsed < 12*time.Hour-20*time.Minute; elapsed += 20 * time.Minute {
		f.Advance(20 * time.Minute)
		if resp, _ := b.Do("GET", "/api/v1/users", ""); resp.StatusCode != 200 {
			t.Fatalf("active session died after %s: %d", elapsed+20*time.Minute, resp.StatusCode)
		}
	}
	f.Advance(21 * time.Minute)
	if resp, _ := b.Do("GET", "/api/v1/users", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("session past 12 hours: %d", resp.StatusCode)
	}

	// Sign out everywhere ends every session of the user.
	one, two := f.Browser().SignIn(apptest.KmA), f.Browser().SignIn(apptest.KmA)
	if resp, _ := one.Do("DELETE", "/api/v1/sessions/current?everywhere=true", ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("sign out everywhere: %d", resp.StatusCode)
	}
	if resp, _ := two.Do("GET", "/api/v1/organisations", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("other session after sign-out everywhere: %d", resp.StatusCode)
	}
}

func TestCSRFIsRequired(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser().SignIn(apptest.AmA)
	before := f.Count(`SELECT count(*) FROM organisations`)
	body := `{"kind":"werkgever","name":"Zonder Token","kvkNummer":"87654321","postcode":"3511 AB"}`
	for _, token := range []string{"", "niet-het-goede-token", f.Browser().CSRF} {
		b2 := *b
		b2.CSRF = token
		resp, out := b2.Do("POST", "/api/v1/organisations", body)
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(out), `"csrf"`) {
			t.Errorf("token %q: %d %s", token, resp.StatusCode, out)
		}
	}
	anon := f.Browser()
	anon.CSRF = ""
	if resp, _ := anon.Do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, apptest.AmA, seed.DemoPassword)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("sign-in without CSRF token: %d", resp.StatusCode)
	}
	if after := f.Count(`SELECT count(*) FROM organisations`); after != before {
		t.Fatal("a refused request changed data")
	}
	if resp, _ := b.Do("POST", "/api/v1/organisations", body); resp.StatusCode != http.StatusCreated {
		t.Fatalf("with the right token: %d", resp.StatusCode)
	}
}

// signInBody is a sign-in request's body.
func signInBody(email, password string) string {
	return fmt.Sprintf(`{"email":%q,"password":%q}`, email, password)
}

func TestSignInThrottling(t *testing.T) {
	f := apptest.New(t)
	attacker := f.Browser()
	wrong := signInBody(apptest.AmA, "verkeerd-wachtwoord")
	var firstBody string
	for i := 0; i < identity.ThrottleLimit; i++ {
		resp, body := attacker.Do("POST", "/api/v1/sessions", wrong)
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d %s", i+1, resp.StatusCode, body)
		}
		firstBody = string(body)
	}
	// The answer for an unknown e-mail is the same as for a wrong password.
	_, unknown := f.Browser().Do("POST", "/api/v1/sessions", signInBody("bestaat-niet@example.org", "verkeerd-wachtwoord"))
	if stripVolatile(string(unknown)) != stripVolatile(firstBody) {
		t.Errorf("unknown e-mail answers differently:\n%s\n%s", unknown, firstBody)
	}
	// The account is closed for this IP, even with the right password.
	resp, body := attacker.Do("POST", "/api/v1/sessions", signInBody(apptest.AmA, seed.DemoPassword))
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(string(body), `"code":"tooManyAttempts"`) {
		t.Fatalf("6th attempt: %d %s", resp.StatusCode, body)
	}
	if ra := resp.Header.Get("Retry-After"); ra == "" || ra == "0" {
		t.Fatalf("429 without Retry-After")
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'session.sign_in' AND outcome = 'denied'`); n < 1 {
		t.Error("throttled attempts are audited")
	}

	// Another user behind the same IP (NAT, proxy) signs in.
	colleague := f.Browser()
	colleague.IP = attacker.IP
	if resp, body := colleague.Do("POST", "/api/v1/sessions", signInBody(apptest.KmA, seed.DemoPassword)); resp.StatusCode != http.StatusCreated {
		t.Errorf("another account from the attacker's IP: %d %s", resp.StatusCode, body)
	}
	// The account's owner elsewhere signs in: the attacker cannot lock them out.
	if resp, body := f.Browser().Do("POST", "/api/v1/sessions", signInBody(apptest.AmA, seed.DemoPassword)); resp.StatusCode != http.StatusCreated {
		t.Errorf("the owner from another IP: %d %s", resp.StatusCode, body)
	}
	// Another IP gets its own ThrottleLimit failures on the account.
	elsewhere := f.Browser()
	if resp, _ := elsewhere.Do("POST", "/api/v1/sessions", wrong); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a first failure from another IP: %d", resp.StatusCode)
	}

	f.Advance(16 * time.Minute)
	attacker.SignIn(apptest.AmA)
}

func TestSignInThrottlingPerIP(t *testing.T) {
	f := apptest.New(t)
	// Failures on many accounts from one IP close the IP at ThrottleIPLimit,
	// not before: the users behind it sign in until then.
	ip := f.Browser()
	for i := 0; i < identity.ThrottleIPLimit-1; i++ {
		if resp, body := ip.Do("POST", "/api/v1/sessions", signInBody(fmt.Sprintf("iemand%d@example.org", i), "verkeerd-wachtwoord")); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d %s", i+1, resp.StatusCode, body)
		}
	}
	user := f.Browser()
	user.IP = ip.IP
	if resp, body := user.Do("POST", "/api/v1/sessions", signInBody(apptest.KmA, seed.DemoPassword)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("below the IP's ceiling: %d %s", resp.StatusCode, body)
	}
	ip.Do("POST", "/api/v1/sessions", signInBody("nog-iemand@example.org", "verkeerd-wachtwoord"))
	user = f.Browser()
	user.IP = ip.IP
	resp, body := user.Do("POST", "/api/v1/sessions", signInBody(apptest.AmA, seed.DemoPassword))
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(string(body), `"code":"tooManyAttempts"`) || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("at the IP's ceiling: %d %s", resp.StatusCode, body)
	}
	// Another IP is not affected.
	f.Browser().SignIn(apptest.AmA)

	// An IPv6 client counts by its /64: other addresses in it share the count.
	v6 := f.Browser()
	v6.IP = "2001:db8:1:2::1"
	for i := 0; i < identity.ThrottleLimit; i++ {
		v6.Do("POST", "/api/v1/sessions", signInBody(apptest.ZorgA, "verkeerd-wachtwoord"))
	}
	same := f.Browser()
	same.IP = "2001:db8:1:2:ffff::9"
	if resp, body := same.Do("POST", "/api/v1/sessions", signInBody(apptest.ZorgA, seed.DemoPassword)); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("same /64: %d %s", resp.StatusCode, body)
	}
	other := f.Browser()
	other.IP = "2001:db8:1:3::1"
	if resp, body := other.Do("POST", "/api/v1/sessions", signInBody(apptest.ZorgA, seed.DemoPassword)); resp.StatusCode != http.StatusCreated {
		t.Errorf("another /64: %d %s", resp.StatusCode, body)
	}
}

// A locked-out owner can still reset the password by mail, from the same
// IP, and then sign in there at once.
func TestLockedOutOwnerResetsByMail(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser()
	for i := 0; i < identity.ThrottleLimit; i++ {
		b.Do("POST", "/api/v1/sessions", signInBody(apptest.KmA, "verkeerd-wachtwoord"))
	}
	if resp, _ := b.Do("POST", "/api/v1/sessions", signInBody(apptest.KmA, seed.DemoPassword)); resp.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("locked: %d", resp.StatusCode)
	}
	if resp, body := b.Do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, apptest.KmA)); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("reset request while locked: %d %s", resp.StatusCode, body)
	}
	token := f.MailedToken(apptest.KmA)
	if resp, body := b.Do("POST", "/api/v1/password-reset-confirmations", fmt.Sprintf(`{"token":%q,"password":"Nieuw-Wachtwoord-Kade-9"}`, token)); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("reset: %d %s", resp.StatusCode, body)
	}
	if resp, body := b.Do("POST", "/api/v1/sessions", signInBody(apptest.KmA, "Nieuw-Wachtwoord-Kade-9")); resp.StatusCode != http.StatusCreated {
		t.Fatalf("the reset clears the account's failures: %d %s", resp.StatusCode, body)
	}
}

func stripVolatile(s string) string {
	var m map[string]any
	_ = json.Unmarshal([]byte(s), &m)
	delete(m, "requestId")
	b, _ := json.Marshal(m)
	return string(b)
}

func TestTokensAreSingleUse(t *testing.T) {
	f := apptest.New(t)
	// Password reset.
	b := f.Browser()
	if resp, _ := b.Do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, apptest.KmA)); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("request reset: %d", resp.StatusCode)
	}
	token := f.MailedToken(apptest.KmA)
	// The worker wipes the sealed data right after the relay accepted the mail.
	deadline := time.Now().Add(5 * time.Second)
	for f.Count(`SELECT count(*) FROM mail_outbox WHERE sealed IS NOT NULL`) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("sent mail keeps its sealed token")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := f.Count(`SELECT count(*) FROM river_job WHERE args::text LIKE ?`, "%"+token+"%"); n != 0 {
		t.Error("a token leaked into job arguments")
	}
	reset := fmt.Sprintf(`{"token":%q,"password":"Nieuw-Wachtwoord-Kade-9"}`, token)
	if resp, body := b.Do("POST", "/api/v1/password-reset-confirmations", reset); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("reset: %d %s", resp.StatusCode, body)
	}
	if resp, _ := b.Do("POST", "/api/v1/password-reset-confirmations", reset); resp.StatusCode != http.StatusGone {
		t.Fatalf("reused reset token: %d", resp.StatusCode)
	}
	if resp, _ := f.Browser().Do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, apptest.KmA, seed.DemoPassword)); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("old password after reset: %d", resp.StatusCode)
	}
	if resp, _ := f.Browser().Do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":"Nieuw-Wachtwoord-Kade-9"}`, apptest.KmA)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("new password: %d", resp.StatusCode)
	}
	// An expired reset token.
	b.Do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, apptest.AmA))
	late := f.MailedToken(apptest.AmA)
	f.Advance(61 * time.Minute)
	if resp, _ := b.Do("POST", "/api/v1/password-reset-confirmations", fmt.Sprintf(`{"token":%q,"password":"Nieuw-Wachtwoord-Kade-9"}`, late)); resp.StatusCode != http.StatusGone {
		t.Fatalf("expired reset token: %d", resp.StatusCode)
	}
	// A common password is refused and leaves the token usable.
	b.Do("POST", "/api/v1/password-resets", fmt.Sprintf(`{"email":%q}`, apptest.AmA))
	tok := f.MailedToken(apptest.AmA)
	resp, body := b.Do("POST", "/api/v1/password-reset-confirmations", fmt.Sprintf(`{"token":%q,"password":"password1234"}`, tok))
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "commonPassword") {
		t.Fatalf("common password: %d %s", resp.StatusCode, body)
	}

	// Invitation by an admin, accepted once.
	admin := f.Browser().SignIn(apptest.AdminA)
	resp, body = admin.Do("POST", "/api/v1/users", `{"email":"Nieuwe.Collega@Example.org","displayName":"Nieuwe Collega","role":"klantmanager"}`)
	if resp.StatusCode != http.StatusCreated || !strings.Contains(string(body), `"invited"`) {
		t.Fatalf("invite: %d %s", resp.StatusCode, body)
	}
	inv := f.MailedToken("nieuwe.collega@example.org")
	accept := fmt.Sprintf(`{"token":%q,"password":"Collega-Wachtwoord-42"}`, inv)
	if resp, body := b.Do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("accept: %d %s", resp.StatusCode, body)
	}
	if resp, _ := b.Do("POST", "/api/v1/invitation-acceptances", accept); resp.StatusCode != http.StatusGone {
		t.Fatalf("reused invitation: %d", resp.StatusCode)
	}
	if resp, _ := f.Browser().Do("POST", "/api/v1/sessions", `{"email":"NIEUWE.COLLEGA@example.org","password":"Collega-Wachtwoord-42"}`); resp.StatusCode != http.StatusCreated {
		t.Fatalf("invited user signs in (e-mail case-insensitive): %d", resp.StatusCode)
	}

	// Magic link: once.
	k := f.Browser()
	k.Do("POST", "/api/v1/magic-links", fmt.Sprintf(`{"email":%q}`, apptest.KandidaatA))
	magic := f.MailedToken(apptest.KandidaatA)
	if resp, _ := k.Do("POST", "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, magic)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("magic link: %d", resp.StatusCode)
	}
	if resp, _ := f.Browser().Do("POST", "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, magic)); resp.StatusCode != http.StatusGone {
		t.Fatalf("reused magic link: %d", resp.StatusCode)
	}
	// A kandidaat has no staff access.
	if resp, _ := k.Do("GET", "/api/v1/organisations", ""); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("kandidaat lists organisations: %d", resp.StatusCode)
	}
}

func TestAuditLogIsAppendOnlyAndClean(t *testing.T) {
	f := apptest.New(t)
	f.Browser().SignIn(apptest.AmA)
	f.Browser().Do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":"geheim-wachtwoord-123"}`, apptest.AmA))
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'session.sign_in'`); n < 2 {
		t.Fatalf("sign-in and failed sign-in are audited: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE details::text ILIKE '%geheim%' OR details::text ILIKE '%Demo-Werkhaven%'`); n != 0 {
		t.Fatal("a password reached the audit log")
	}
	for _, stmt := range []string{`UPDATE audit_events SET action = 'x.y'`, `DELETE FROM audit_events`, `TRUNCATE audit_events`} {
		if err := f.DB.Gorm.Exec(stmt).Error; err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: want refusal, got %v", stmt, err)
		}
	}
	admin := f.Browser().SignIn(apptest.AdminA)
	resp, body := admin.Do("GET", "/api/v1/audit-events?action=session.sign_in&limit=1", "")
	var page struct {
		Items      []map[string]any `json:"items"`
		NextCursor string           `json:"nextCursor"`
	}
	apptest.Must(t, json.Unmarshal(body, &page))
	if resp.StatusCode != 200 || len(page.Items) != 1 || page.NextCursor == "" {
		t.Fatalf("first page: %d %s", resp.StatusCode, body)
	}
	_, body2 := admin.Do("GET", "/api/v1/audit-events?action=session.sign_in&limit=1&cursor="+page.NextCursor, "")
	if string(body2) == string(body) || !strings.Contains(string(body2), "session.sign_in") {
		t.Fatalf("second page: %s", body2)
	}
	if resp, _ := admin.Do("GET", "/api/v1/audit-events?limit=500", ""); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("limit over 200: %d", resp.StatusCode)
	}
}

func TestRoleEscalationIsRefused(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn(apptest.AmA)
	resp, _ := am.Do("POST", "/api/v1/users", `{"email":"stiekem@example.org","displayName":"Stiekem","role":"admin"}`)
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("accountmanager invites an admin: %d", resp.StatusCode)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'user.invite' AND outcome = 'denied'`); n != 1 {
		t.Errorf("escalation attempt audited: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM users WHERE email = 'stiekem@example.org'`); n != 0 {
		t.Fatal("escalation created a user")
	}
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	if resp, _ := wg.Do("PATCH", "/api/v1/users/"+f.User[apptest.WerkgeverA], `{"role":"admin"}`); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("werkgever sets own role: %d", resp.StatusCode)
	}
	admin := f.Browser().SignIn(apptest.AdminA)
	if resp, _ := admin.Do("PATCH", "/api/v1/users/"+f.User[apptest.AdminA], `{"role":"klantmanager"}`); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("admin changes own role: %d", resp.StatusCode)
	}
	if resp, body := admin.Do("PATCH", "/api/v1/users/"+f.User[apptest.WerkgeverA], `{"role":"accountmanager"}`); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("organisation user made staff: %d %s", resp.StatusCode, body)
	}
	// Disabling ends sessions and blocks sign-in, with the generic answer.
	if resp, body := admin.Do("PATCH", "/api/v1/users/"+f.User[apptest.WerkgeverA], `{"status":"disabled"}`); resp.StatusCode != 200 {
		t.Fatalf("disable: %d %s", resp.StatusCode, body)
	}
	if resp, _ := wg.Do("GET", "/api/v1/organisations", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("disabled user's session: %d", resp.StatusCode)
	}
	if resp, _ := f.Browser().Do("POST", "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, apptest.WerkgeverA, seed.DemoPassword)); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("disabled user signs in: %d", resp.StatusCode)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'user.status_changed'`); n != 1 {
		t.Errorf("status change audited: %d", n)
	}
}

func TestAdminBadInput(t *testing.T) {
	f := apptest.New(t)
	admin := f.Browser().SignIn(apptest.AdminA)
	cases := []struct{ path, body, field, code string }{
		{"/api/v1/users", `{"email":"geen-email","displayName":"X","role":"klantmanager"}`, "email", "format"},
		{"/api/v1/users", fmt.Sprintf(`{"email":%q,"displayName":"X","role":"klantmanager"}`, strings.ToUpper(apptest.KmA)), "email", "unique"},
		{"/api/v1/users", `{"email":"a@example.org","displayName":"X","role":"werkgever"}`, "organisationId", "required"},
		{"/api/v1/users", `{"email":"a@example.org","displayName":"X","role":"kandidaat"}`, "role", "enum"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"X BV","kvkNummer":"1234","postcode":"3511 AB"}`, "kvkNummer", "pattern"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"X BV","kvkNummer":"11112222","postcode":"0123 AB"}`, "postcode", "pattern"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"Dubbel","kvkNummer":"12345670","postcode":"3511 AB"}`, "kvkNummer", "unique"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"Nergens BV","kvkNummer":"11113333","postcode":"1009 AB"}`, "postcode", "unknown"},
		{"/api/v1/regions", `{"slug":"demo","name":"Dubbel"}`, "slug", "unique"},
		// Two characters for the schema, one for the table: was a 500 (contract fuzzing).
		{"/api/v1/regions", `{"slug":"kort","name":"b "}`, "name", "minLength"},
		{"/api/v1/organisations", `{"kind":"werkgever","name":"X ","kvkNummer":"11114444","postcode":"3511 AB"}`, "name", "minLength"},
		{"/api/v1/regions", `{"slug":"Geen Code","name":"Regio"}`, "slug", "pattern"},
		// A name of only (Unicode) spaces: was a 500 (contract fuzzing).
		{"/api/v1/users", `{"email":"spatie@example.org","displayName":"\u00a0 ","role":"klantmanager"}`, "displayName", "minLength"},
		{"/api/v1/regions/" + f.RegionB + "/admins", `{"email":"spatie@example.org","displayName":" "}`, "displayName", "minLength"},
	}
	// Regions are the platform administrator's to create.
	platform := f.Browser().SignIn(apptest.Platform)
	for _, c := range cases {
		b := admin
		if strings.HasPrefix(c.path, "/api/v1/regions") {
			b = platform
		}
		resp, body := b.Do("POST", c.path, c.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), fmt.Sprintf(`"name":%q`, c.field)) || !strings.Contains(string(body), fmt.Sprintf(`"code":%q`, c.code)) {
			t.Errorf("POST %s %s: %d %s", c.path, c.body, resp.StatusCode, body)
		}
	}
}
