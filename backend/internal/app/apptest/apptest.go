// Package apptest is the test rig of Werkhaven's API tests: a whole
// application from app.New (the composition root production uses, with every
// worker) on real PostgreSQL, Meilisearch, stripe-mock and SMTP, and a
// Browser that keeps cookies and the CSRF token as the front end does.
// Each domain's API tests (internal/<domain>/*_api_test.go) build one with
// New; the helpers here are those more than one domain's tests need.
package apptest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/werkhaven/werkhaven/backend/internal/app"
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
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// Fixture is a whole Werkhaven built by app.New — the services, every
// River worker production registers and the HTTP API — on a database cloned
// from the template, a search prefix of its own, stripe-mock and a real SMTP
// server, with the demo region, a second region and a movable clock.
type Fixture struct {
	T *testing.T
	// App is the application under test; the service fields below are its
	// services, named here for brevity.
	App        *app.App
	HTTP       *fiber.App
	DB         *database.DB
	Search     *search.Client
	Skills     *skill.Vocabulary
	Sync       *search.SyncWorker
	Identity   *identity.Service
	Openings   *opening.Service
	Candidates *candidate.Service
	Pools      *matching.Service
	Invites    *invite.Service
	Notices    *notification.Service
	Bookings   *booking.Service
	Inbox      *testkit.Inbox
	// OpenAPI is the document the API serves.
	OpenAPI []byte
	// MyCandidate is the candidate of the demo kandidaat's account.
	MyCandidate string

	RegionA, RegionB string
	Org              map[string]string // name → id
	User             map[string]string // email → id

	// bootstrapOnce guards BootstrapCandidates.
	bootstrapOnce sync.Once
	mu            sync.Mutex
	now           time.Time
}

// The demo region's users (region A, made by seed.Demo) and region B's.
const (
	AdminA     = "beheer@demo.werkhaven.nl"
	AmA        = "am.jansen@demo.werkhaven.nl"
	KmA        = "km.devries@demo.werkhaven.nl"
	WerkgeverA = "hr@korenschoof.demo.werkhaven.nl"
	Werkgever2 = "hr@lcn.demo.werkhaven.nl"
	ZorgA      = "info@dewerkplaats.demo.werkhaven.nl"
	KandidaatA = "kandidaat@demo.werkhaven.nl"
	AdminB     = "beheer@andere-regio.test"
	WerkgeverB = "hr@bedrijf-b.test"
)

// New builds a Fixture for t; everything it starts stops when t ends. The
// periodic schedule is left out (app.Options.NoSchedule): tests move the
// clock and run the sweeps themselves.
func New(t *testing.T) *Fixture {
	t.Helper()
	return NewWith(t, Options{})
}

// Options replace the shared stack's services for a Fixture: fault tests
// bring a private PostgreSQL database and Meilisearch (testkit.StartPostgres,
// testkit.StartMeili) that they restart or freeze.
type Options struct {
	DB     *database.DB   // default testkit.DB
	Search *search.Client // default testkit.Search
	// Env are settings (NAME=value) over the fixture's own. API tests read
	// pools and candidates far faster than people do, so the per-account
	// read limit (READ_LIMIT_PER_MINUTE) is off unless a test sets it.
	Env []string
}

// NewWith is New on the services o names.
func NewWith(t *testing.T, o Options) *Fixture {
	t.Helper()
	ctx := testkit.Context(t)
	if o.DB == nil {
		o.DB = testkit.DB(t)
	}
	f := &Fixture{T: t, DB: o.DB, Inbox: testkit.SMTP(t), now: time.Now().UTC(), Org: map[string]string{}, User: map[string]string{}}
	cfg, err := config.LoadFrom(append([]string{"SMTP_URL=" + f.Inbox.URL, "BASE_URL=https://werkhaven.test", "PROXY_HEADER=X-Forwarded-For",
		"READ_LIMIT_PER_MINUTE=0"}, o.Env...))
	if err != nil {
		t.Fatal(err)
	}
	res, err := seed.Demo(ctx, f.DB.Gorm)
	if err != nil {
		t.Fatal(err)
	}
	f.RegionA = res.RegionID
	// The national subsidy parameters `werkhaven migrate` stores (the
	// template has the schema only); the demo region's own came with the seed.
	_, err = subsidy.LoadDefaults(ctx, f.DB.Gorm)
	Must(t, err)
	hash, _ := identity.HashPassword(seed.DemoPassword)
	g := f.DB.Gorm
	Must(t, g.Raw(`INSERT INTO regions (slug, name) VALUES ('andere-regio', 'Andere Regio') RETURNING id::text`).Row().Scan(&f.RegionB))
	var orgB string
	Must(t, g.Raw(`INSERT INTO organisations (region_id, kind, name, kvk_number, postcode) VALUES (?, 'werkgever', 'Bedrijf B', '99999999', '9711 AA') RETURNING id::text`, f.RegionB).Row().Scan(&orgB))
	Must(t, g.Exec(`INSERT INTO users (region_id, email, display_name, role, password_hash) VALUES (?, ?, 'Admin B', 'admin', ?)`, f.RegionB, AdminB, hash).Error)
	Must(t, g.Exec(`INSERT INTO users (region_id, organisation_id, email, display_name, role, password_hash) VALUES (?, ?, ?, 'Werkgever B', 'werkgever', ?)`, f.RegionB, orgB, WerkgeverB, hash).Error)
	var orgs []struct{ ID, Name string }
	Must(t, g.Raw(`SELECT id::text, name FROM organisations`).Scan(&orgs).Error)
	for _, o := range orgs {
		f.Org[o.Name] = o.ID
	}
	var users []struct{ ID, Email string }
	Must(t, g.Raw(`SELECT id::text, email FROM users`).Scan(&users).Error)
	for _, u := range users {
		f.User[u.Email] = u.ID
	}

	f.Search = o.Search
	if f.Search == nil {
		f.Search = testkit.Search(t)
	}
	a, err := app.New(ctx, cfg, app.Options{DB: f.DB, Search: f.Search, Stripe: testkit.Stripe(t), Now: f.Clock,
		Logger: testkit.Logger(), Work: true, NoSchedule: true, ViewsInterval: 50 * time.Millisecond})
	Must(t, err)
	f.App = a
	// The occupations openings refer to; their index rebuild is not needed here.
	_, err = occupation.Load(ctx, g, a.Jobs)
	Must(t, err)
	Must(t, g.Exec(`DELETE FROM river_job WHERE kind = 'search_reindex'`).Error)
	Must(t, a.Jobs.Start(ctx))
	t.Cleanup(func() {
		// Index syncs still waiting on a busy Meilisearch are cancelled: the
		// test is over and its indexes are deleted.
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = a.Jobs.Stop(ctx)
	})
	f.Skills, f.Sync = a.Skills, a.Sync
	f.Identity, f.Openings, f.Candidates, f.Pools, f.Notices, f.Invites, f.Bookings = a.Identity, a.Openings, a.Candidates, a.Pools, a.Notices, a.Invites, a.Bookings
	srv := a.Server()
	f.HTTP = srv.Finish()
	// The demo kandidaat's own profile, in klantmanager De Vries's caseload.
	f.MyCandidate = f.NewCandidate("Sanne de Boer", "")
	Must(t, g.Exec(`UPDATE candidates SET user_id = ? WHERE id = ?`, f.User[KandidaatA], f.MyCandidate).Error)
	f.OpenAPI, err = json.Marshal(srv.API.OpenAPI())
	Must(t, err)
	return f
}

// Clock is every service's clock: it stands still until Advance moves it.
func (f *Fixture) Clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// Advance moves the clock on by d.
func (f *Fixture) Advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

// Browser keeps cookies and the CSRF token like the front end does.
type Browser struct {
	F       *Fixture
	IP      string
	Cookies map[string]string
	CSRF    string
}

var ipCounter struct {
	sync.Mutex
	n int
}

// Browser is a new browser with a CSRF token and an address of its own (so
// per-address limits of one test do not hit another).
func (f *Fixture) Browser() *Browser {
	ipCounter.Lock()
	ipCounter.n++
	ip := fmt.Sprintf("192.0.2.%d", ipCounter.n%250+1)
	ipCounter.Unlock()
	b := &Browser{F: f, IP: ip, Cookies: map[string]string{}}
	b.RefreshCSRF()
	return b
}

// RefreshCSRF takes the CSRF token of the browser's current session.
func (b *Browser) RefreshCSRF() {
	resp, body := b.Do(http.MethodGet, "/api/v1/sessions/current", "")
	if resp.StatusCode != http.StatusOK {
		b.F.T.Fatalf("GET /sessions/current: %d %s", resp.StatusCode, body)
	}
	var s struct {
		CSRFToken string `json:"csrfToken"`
	}
	_ = json.Unmarshal(body, &s)
	b.CSRF = s.CSRFToken
}

// Do sends a request as the browser and keeps the cookies it is sent.
func (b *Browser) Do(method, path, body string) (*http.Response, []byte) {
	b.F.T.Helper()
	return b.DoWith(method, path, body, nil)
}

// DoWith is Do with extra request headers (e.g. Accept: text/csv).
func (b *Browser) DoWith(method, path, body string, header map[string]string) (*http.Response, []byte) {
	b.F.T.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", b.IP)
	req.RemoteAddr = b.IP + ":40000"
	if b.CSRF != "" && method != http.MethodGet {
		req.Header.Set("X-CSRF-Token", b.CSRF)
	}
	for k, v := range b.Cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := b.F.HTTP.Test(req, -1)
	if err != nil {
		b.F.T.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.Cookies, c.Name)
		} else {
			b.Cookies[c.Name] = c.Value
		}
	}
	return resp, out
}

// SignIn signs in with the demo password and takes the session's CSRF token.
func (b *Browser) SignIn(email string) *Browser {
	b.F.T.Helper()
	resp, body := b.Do(http.MethodPost, "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, email, seed.DemoPassword))
	if resp.StatusCode != http.StatusCreated {
		b.F.T.Fatalf("sign in %s: %d %s", email, resp.StatusCode, body)
	}
	var s struct {
		CSRFToken string `json:"csrfToken"`
	}
	_ = json.Unmarshal(body, &s)
	b.CSRF = s.CSRFToken
	return b
}

var TokenInMail = regexp.MustCompile(`#token=([A-Za-z0-9_-]+)`)

// MailedToken waits for the next mail to rcpt and returns the token in it.
func (f *Fixture) MailedToken(rcpt string) string {
	f.T.Helper()
	m := f.Inbox.Next(f.T, rcpt, 20*time.Second)
	match := TokenInMail.FindStringSubmatch(strings.ReplaceAll(m.Data, "=\r\n", ""))
	if match == nil {
		f.T.Fatalf("no token in mail: %s", m.Data)
	}
	return match[1]
}

// Kandidaat signs in the demo kandidaat through the mailed magic link.
func (f *Fixture) Kandidaat() *Browser {
	b := f.Browser()
	if resp, body := b.Do(http.MethodPost, "/api/v1/magic-links", fmt.Sprintf(`{"email":%q}`, KandidaatA)); resp.StatusCode != http.StatusAccepted {
		f.T.Fatalf("magic link: %d %s", resp.StatusCode, body)
	}
	token := f.MailedToken(KandidaatA)
	resp, body := b.Do(http.MethodPost, "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, token))
	if resp.StatusCode != http.StatusCreated {
		f.T.Fatalf("magic link sign-in: %d %s", resp.StatusCode, body)
	}
	var s struct {
		CSRFToken string `json:"csrfToken"`
	}
	_ = json.Unmarshal(body, &s)
	b.CSRF = s.CSRFToken
	return b
}

// Count runs a counting query.
func (f *Fixture) Count(sql string, args ...any) int64 {
	var n int64
	Must(f.T, f.DB.Gorm.Raw(sql, args...).Scan(&n).Error)
	return n
}

// Must fails t at once on an error.
func Must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// OccupationID returns the id of the occupation with this Dutch label.
func (f *Fixture) OccupationID(label string) string {
	var id string
	Must(f.T, f.DB.Gorm.Raw(`SELECT id FROM occupations WHERE label = ?`, label).Row().Scan(&id))
	return id
}

// OpeningJSON is a valid new vacature for org (empty: the caller's own).
func (f *Fixture) OpeningJSON(org, title string) string {
	orgField := ""
	if org != "" {
		orgField = fmt.Sprintf(`"organisationId":%q,`, f.Org[org])
	}
	return fmt.Sprintf(`{%s"kind":"vacature","title":%q,"description":"Je bakt brood en banket in een klein team.",
		"occupationId":%q,"requiredSkills":["haccp"],"niceSkills":["klantgericht"],"postcode":"3511 AB",
		"maxTravelKm":15,"hoursMin":24,"hoursMax":32,"days":["ma","di","wo"],"dayParts":["ochtend"],"contractType":"tijdelijk",
		"wageMinCents":240000,"wageMaxCents":280000,"places":2,"support":["jobcoach","vaste-structuur"],"banenafspraak":true}`,
		orgField, title, f.OccupationID("bakker"))
}

// NewOpening stores an opening of org through the service, as the region's
// admin, and moves it to state (draft or open).
func (f *Fixture) NewOpening(org string, state opening.State) string {
	f.T.Helper()
	p := authz.Principal{UserID: f.User[AdminA], RegionID: f.RegionA, Role: authz.Admin}
	ctx := authz.WithPrincipal(testkit.Context(f.T), p)
	o, err := f.Openings.Create(ctx, p, f.Org[org], opening.Fields{Kind: opening.Vacature, Title: "Bakker (ochtend)",
		OccupationID: f.OccupationID("bakker"), Postcode: "3511 AB", MaxTravelKm: 10, HoursMin: 20, HoursMax: 30,
		ContractType: "tijdelijk", Places: 1, Days: []string{"ma", "di"}, DayParts: []string{"ochtend"}}, "")
	Must(f.T, err)
	if state == opening.Open {
		_, err = f.Openings.Transition(ctx, p, o.ID, opening.StateChange{To: opening.Open}, "")
		Must(f.T, err)
	}
	return o.ID
}

// CandidateJSON is a valid new candidate (profile and identity).
func (f *Fixture) CandidateJSON(name, email string) string {
	return fmt.Sprintf(`{"profile":{"occupations":[%q],"skills":["haccp","klantgericht","nederlands-b1"],"experience":"Twee jaar gewerkt in een bakkerij.",
		"education":"mbo2","languages":[{"code":"nl","level":"B1"}],"drivingLicence":false,"ownTransport":true,"pc4":"","maxTravelKm":15,
		"hoursMin":20,"hoursMax":32,"days":["ma","di"],"dayParts":["ochtend"],"rung":4,"supportNeeds":["jobcoach"],"doelgroepregister":true,
		"praktijkroute":false,"lksIndicatie":false},
		"identity":{"name":%q,"email":%q,"phone":"06 12345678","street":"Oudegracht 1","postcode":"3511 AB"}}`, f.OccupationID("bakker"), name, email)
}

// NewCandidate registers a candidate in klantmanager De Vries's caseload
// through the service and returns its id.
func (f *Fixture) NewCandidate(name, email string) string {
	f.T.Helper()
	p := authz.Principal{UserID: f.User[KmA], RegionID: f.RegionA, Role: authz.Klantmanager}
	ctx := authz.WithPrincipal(testkit.Context(f.T), p)
	rung, hmin, hmax, km := 4, 20, 32, 15
	c, err := f.Candidates.Create(ctx, p, candidate.Profile{Occupations: []string{f.OccupationID("bakker")}, Skills: []string{"haccp"},
		Rung: &rung, HoursMin: &hmin, HoursMax: &hmax, MaxTravelKm: &km}, candidate.Identity{Name: name, Email: email, Postcode: "3511 AB"}, "")
	Must(f.T, err)
	return c.ID
}

// BootstrapCandidates puts the candidates and openings indexes and their settings in place (once).
func (f *Fixture) BootstrapCandidates() {
	f.bootstrapOnce.Do(func() {
		// A Meilisearch starved of CPU (2 cores shared with the whole test
		// run) has been seen to leave a request unanswered for 30 s: try again.
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			if err = f.Search.Bootstrap(testkit.Context(f.T), candidate.Index, opening.Index); err == nil {
				return
			}
			f.T.Logf("bootstrap attempt %d: %v", attempt+1, err)
		}
		Must(f.T, err)
	})
}

// ConsentTo records consent for a candidate directly (test setup).
func (f *Fixture) ConsentTo(id string) {
	Must(f.T, f.DB.Gorm.Exec(`UPDATE candidates SET consent = true WHERE id = ?`, id).Error)
}

var unique atomic.Int64

// Uniq is a number unique in the test process (for e-mail addresses).
func Uniq() int64 { return unique.Add(1) }
