package faults_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app"
	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// client is a browser talking to one server process or another over HTTP,
// keeping its cookies and CSRF token as the front end does.
type client struct {
	t       *testing.T
	ip      string
	cookies map[string]string
	csrf    string
}

// do sends a request to the process at base and keeps the cookies it is sent.
func (c *client) do(base, method, path, body string) (int, []byte) {
	c.t.Helper()
	req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", c.ip)
	if c.csrf != "" && method != http.MethodGet {
		req.Header.Set("X-CSRF-Token", c.csrf)
	}
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	for _, ck := range resp.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	return resp.StatusCode, raw
}

// signIn signs in at base with password and keeps the session's CSRF token.
func (c *client) signIn(base, email, password string) (int, []byte) {
	c.t.Helper()
	if c.csrf == "" {
		_, raw := c.do(base, http.MethodGet, "/api/v1/sessions/current", "")
		c.csrf = field(raw, "csrfToken")
	}
	status, raw := c.do(base, http.MethodPost, "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, email, password))
	if status == http.StatusCreated {
		c.csrf = field(raw, "csrfToken")
	}
	return status, raw
}

// coachingJSON is a service that needs the accountmanager's approval: a
// booking of it writes two events, a notification and a mail, and touches
// no slot, so any number of bookings can be made at once.
const coachingJSON = `{"kind":"jobcoaching","titleNl":"Jobcoaching","titleEn":"Job coaching","descriptionNl":"Een jobcoach helpt.",
	"priceCents":8500,"priceUnit":"per_hour","requiresApproval":true,"eligibility":[],"cancelFreeHours":48,"cancelFeePercent":50,
	"schedulable":false,"active":true,"hours":[]}`

func field(raw []byte, name string) string {
	var m map[string]any
	_ = json.Unmarshal(raw, &m)
	s, _ := m[name].(string)
	return s
}

// Two processes as one: `serve -mode all` (the fixture's app, working jobs)
// and `serve -mode web` (a second app.New on the same database, inserting
// jobs only). A session and its CSRF token made on one hold on the other,
// and a sign-out on one ends it on both; failed sign-ins counted on one
// throttle the other; a job queued by the web process runs once, on the
// other; a region setting changed between two pool reads applies on both
// at once, whatever either cached.
func TestTwoProcessesAsOne(t *testing.T) {
	f := apptest.New(t)
	web, err := app.New(testkit.Context(t), f.App.Config, app.Options{DB: f.DB, Search: f.Search, Stripe: testkit.Stripe(t), Now: f.Clock, Logger: testkit.Logger()})
	apptest.Must(t, err)
	all, other := listen(t, f), serveOn(t, web.Server().Finish())
	newClient := func() *client {
		return &client{t: t, ip: fmt.Sprintf("198.51.100.%d", apptest.Uniq()%250+1), cookies: map[string]string{}}
	}

	// A session and its CSRF token from the web process, used on the other.
	wg := newClient()
	if status, raw := wg.signIn(other, apptest.WerkgeverA, seed.DemoPassword); status != http.StatusCreated {
		t.Fatalf("sign in on the web process: %d %s", status, raw)
	}
	if status, raw := wg.do(all, http.MethodGet, "/api/v1/sessions/current", ""); status != http.StatusOK || !strings.Contains(string(raw), `"userId":"`+f.User[apptest.WerkgeverA]+`"`) {
		t.Fatalf("the session on the other process: %d %s", status, raw)
	}
	coaching := f.Service(coachingJSON)
	status, raw := wg.do(all, http.MethodPost, "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":4}`, coaching))
	if status != http.StatusCreated {
		t.Fatalf("a booking with the web process's CSRF token on the other: %d %s", status, raw)
	}
	// Its mail job, queued by the worker process here; now one queued by
	// the web process, which works no jobs: each runs once, on the worker.
	status, raw = wg.do(other, http.MethodPost, "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":2}`, coaching))
	if status != http.StatusCreated {
		t.Fatalf("a booking on the web process: %d %s", status, raw)
	}
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM river_job WHERE kind = 'mail_send' AND state = 'completed'`) == 2
	}, "both mail jobs to run")
	time.Sleep(500 * time.Millisecond) // a second run would mail again by now
	if n := f.Inbox.Count(apptest.AmA); n != 2 {
		t.Errorf("the accountmanager got %d mails for 2 bookings", n)
	}
	if n := f.Count(`SELECT count(*) FROM river_job WHERE kind = 'mail_send' AND (state <> 'completed' OR attempt <> 1)`); n != 0 {
		t.Errorf("%d mail jobs not completed in one attempt", n)
	}
	// Signed out on one process, the session is gone on the other.
	kept := map[string]string{}
	for k, v := range wg.cookies {
		kept[k] = v
	}
	if status, raw := wg.do(all, http.MethodDelete, "/api/v1/sessions/current", ""); status != http.StatusNoContent {
		t.Fatalf("sign out: %d %s", status, raw)
	}
	wg.cookies = kept
	if status, raw := wg.do(other, http.MethodGet, "/api/v1/bookings", ""); status != http.StatusUnauthorized {
		t.Errorf("the signed-out session on the other process: %d %s", status, raw)
	}

	// The sign-in throttle: failures on one process close the account from
	// that address on the other, the right password included.
	thief := newClient()
	for i := range 5 {
		if status, raw := thief.signIn([]string{all, other}[i%2], apptest.AmA, "niet-het-wachtwoord-123"); status != http.StatusUnauthorized {
			t.Fatalf("failed sign-in %d: %d %s", i+1, status, raw)
		}
	}
	if status, raw := thief.signIn(other, apptest.AmA, seed.DemoPassword); status != http.StatusTooManyRequests {
		t.Errorf("sign-in after 5 failures over both processes: %d %s", status, raw)
	}

	// A region setting changed between two pool reads: both processes read
	// the pool, the region narrows its pools' rungs, both read again.
	f.BootstrapCandidates()
	for i := range 3 {
		f.Inviteable(fmt.Sprintf("Kandidaat Twee %d", i)) // rung 4
	}
	openingID := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	f.WaitFor(func() bool { return f.Count(`SELECT count(*) FROM search_outbox`) == 0 }, "the index to take the candidates")
	wg = newClient()
	wg.signIn(all, apptest.WerkgeverA, seed.DemoPassword)
	total := func(base string) int {
		status, raw := wg.do(base, http.MethodGet, "/api/v1/openings/"+openingID+"/pool", "")
		if status != http.StatusOK {
			t.Fatalf("pool: %d %s", status, raw)
		}
		var p apptest.Pool
		_ = json.Unmarshal(raw, &p)
		return p.Total
	}
	if a, b := total(all), total(other); a == 0 || a != b {
		t.Fatalf("pool before the change: %d on one process, %d on the other", a, b)
	}
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE regions SET settings = settings || '{"poolRungs": {"default": [5, 6]}}' WHERE id = ?`, f.RegionA).Error)
	if a, b := total(other), total(all); a != 0 || b != 0 {
		t.Errorf("pool after the region admitted only rungs 5–6: %d on the web process, %d on the other; want 0 (the candidates are on rung 4)", a, b)
	}
}
