package main

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
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/riverqueue/river"

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
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// fixture is a whole Werkhaven (real Postgres, real SMTP server, River
// workers) with the demo region and a second region, and a movable clock.
type fixture struct {
	t          *testing.T
	db         *database.DB
	app        *fiber.App
	svc        *identity.Service
	search     *search.Client
	skills     *skill.Vocabulary
	openings   *opening.Service
	candidates *candidate.Service
	pools      *matching.Service
	invites    *invite.Service
	notices    *notification.Service
	bookings   *booking.Service
	// matrixServiceID and matrixSlots serve the authorization matrix.
	matrixServiceID string
	matrixSlots     int
	// bootstrapOnce guards bootstrapCandidates.
	bootstrapOnce sync.Once
	// myCandidate is the candidate of the demo kandidaat's account.
	myCandidate string
	sync        *search.SyncWorker
	inbox       *testkit.Inbox
	openAPI     []byte

	mu  sync.Mutex
	now time.Time

	regionA, regionB string
	org              map[string]string // name → id
	user             map[string]string // email → id
}

const (
	adminA     = "beheer@demo.werkhaven.nl"
	amA        = "am.jansen@demo.werkhaven.nl"
	kmA        = "km.devries@demo.werkhaven.nl"
	werkgeverA = "hr@korenschoof.demo.werkhaven.nl"
	werkgever2 = "hr@lcn.demo.werkhaven.nl"
	zorgA      = "info@dewerkplaats.demo.werkhaven.nl"
	kandidaatA = "kandidaat@demo.werkhaven.nl"
	adminB     = "beheer@andere-regio.test"
	werkgeverB = "hr@bedrijf-b.test"
)

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := testkit.Context(t)
	f := &fixture{t: t, db: testkit.DB(t), inbox: testkit.SMTP(t), now: time.Now().UTC(), org: map[string]string{}, user: map[string]string{}}
	cfg, err := config.LoadFrom([]string{"SMTP_URL=" + f.inbox.URL, "BASE_URL=https://werkhaven.test", "PROXY_HEADER=X-Forwarded-For"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := seed.Demo(ctx, f.db.Gorm)
	if err != nil {
		t.Fatal(err)
	}
	f.regionA = res.RegionID
	hash, _ := identity.HashPassword(seed.DemoPassword)
	g := f.db.Gorm
	must(t, g.Raw(`INSERT INTO regions (slug, name) VALUES ('andere-regio', 'Andere Regio') RETURNING id::text`).Row().Scan(&f.regionB))
	var orgB string
	must(t, g.Raw(`INSERT INTO organisations (region_id, kind, name, kvk_number, postcode) VALUES (?, 'werkgever', 'Bedrijf B', '99999999', '9711 AA') RETURNING id::text`, f.regionB).Row().Scan(&orgB))
	must(t, g.Exec(`INSERT INTO users (region_id, email, display_name, role, password_hash) VALUES (?, ?, 'Admin B', 'admin', ?)`, f.regionB, adminB, hash).Error)
	must(t, g.Exec(`INSERT INTO users (region_id, organisation_id, email, display_name, role, password_hash) VALUES (?, ?, ?, 'Werkgever B', 'werkgever', ?)`, f.regionB, orgB, werkgeverB, hash).Error)
	var orgs []struct{ ID, Name string }
	must(t, g.Raw(`SELECT id::text, name FROM organisations`).Scan(&orgs).Error)
	for _, o := range orgs {
		f.org[o.Name] = o.ID
	}
	var users []struct{ ID, Email string }
	must(t, g.Raw(`SELECT id::text, email FROM users`).Scan(&users).Error)
	for _, u := range users {
		f.user[u.Email] = u.ID
	}

	sender, err := mail.NewSender(cfg.SMTPURL, cfg.MailFrom)
	must(t, err)
	f.search = testkit.Search(t)
	f.skills, err = skill.Load()
	must(t, err)
	workers := river.NewWorkers()
	river.AddWorker(workers, &mail.SendWorker{DB: g, Outbox: mail.NewOutbox(nil, cfg.SessionSecret), Sender: sender,
		Recipients: &identity.Service{DB: g}, Templates: mailTemplates(cfg.BaseURL)})
	f.sync = &search.SyncWorker{DB: g, Client: f.search, Sources: map[string]search.Syncer{
		opening.IndexName: opening.Source{DB: g, Skills: f.skills}, candidate.IndexName: candidate.Source{DB: g, Skills: f.skills}}}
	river.AddWorker(workers, f.sync)
	river.AddWorker(workers, &search.SweepWorker{Sync: f.sync})
	river.AddWorker(workers, &search.ReindexWorker{Client: f.search, Sync: f.sync, Sources: map[string]search.Source{
		occupation.IndexName: occupation.Source{DB: g}, opening.IndexName: opening.Source{DB: g, Skills: f.skills}}})
	deferred := &jobs.Deferred{}
	f.bookings = &booking.Service{DB: g, Jobs: deferred, Notify: &notification.Service{DB: g, Outbox: mail.NewOutbox(deferred, cfg.SessionSecret), Now: f.clock},
		Stripe: testkit.Stripe(t), WebhookSecret: cfg.StripeWebhookSecret, BaseURL: cfg.BaseURL, Now: f.clock}
	river.AddWorker(workers, &booking.EventWorker{Service: f.bookings})
	river.AddWorker(workers, &booking.RefundWorker{Service: f.bookings})
	q, err := jobs.New(f.db, jobs.Options{Workers: workers, Work: true, Logger: testkit.Logger()})
	must(t, err)
	deferred.C = q
	// The occupations openings refer to; their index rebuild is not needed here.
	_, err = occupation.Load(ctx, g, q)
	must(t, err)
	must(t, g.Exec(`DELETE FROM river_job WHERE kind = 'search_reindex'`).Error)
	must(t, q.Start(ctx))
	t.Cleanup(func() {
		// Index syncs still waiting on a busy Meilisearch are cancelled: the
		// test is over and its indexes are deleted.
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = q.Stop(ctx)
	})

	f.svc = &identity.Service{DB: g, Outbox: mail.NewOutbox(q, cfg.SessionSecret), BaseURL: cfg.BaseURL, Now: f.clock}
	srv := httpapi.New(httpapi.Deps{Config: cfg, Logger: testkit.Logger()})
	f.openings = &opening.Service{DB: g, Jobs: q, Skills: f.skills, Now: f.clock}
	f.candidates = &candidate.Service{DB: g, Jobs: q, Skills: f.skills, Outbox: mail.NewOutbox(q, cfg.SessionSecret), Now: f.clock}
	f.pools = &matching.Service{DB: g, Search: f.search, Openings: f.openings, Skills: f.skills, Now: f.clock,
		Views: matching.NewRecorder(ctx, g, testkit.Logger(), 50*time.Millisecond), Candidates: f.candidates}
	f.notices = &notification.Service{DB: g, Outbox: mail.NewOutbox(q, cfg.SessionSecret), BaseURL: cfg.BaseURL, Now: f.clock}
	f.invites = newInvites(g, q, cfg.SessionSecret, f.openings, f.candidates, f.notices, f.clock)
	routes(srv, services{cfg: cfg, db: g, identity: f.svc, skills: f.skills, openings: f.openings, candidates: f.candidates, pools: f.pools,
		invites: f.invites, notices: f.notices, bookings: f.bookings,
		occupations: &occupation.Service{Search: search.New(search.Options{URL: "http://127.0.0.1:1", MasterKey: "x", Prefix: "t_"})}})
	f.app = srv.Finish()
	// The demo kandidaat's own profile, in klantmanager De Vries's caseload.
	f.myCandidate = f.newCandidate("Sanne de Boer", "")
	must(t, g.Exec(`UPDATE candidates SET user_id = ? WHERE id = ?`, f.user[kandidaatA], f.myCandidate).Error)
	f.openAPI, err = json.Marshal(srv.API.OpenAPI())
	must(t, err)
	return f
}

func (f *fixture) clock() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fixture) advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

// browser keeps cookies and the CSRF token like the front end does.
type browser struct {
	f       *fixture
	ip      string
	cookies map[string]string
	csrf    string
}

var ipCounter struct {
	sync.Mutex
	n int
}

func (f *fixture) browser() *browser {
	ipCounter.Lock()
	ipCounter.n++
	ip := fmt.Sprintf("192.0.2.%d", ipCounter.n%250+1)
	ipCounter.Unlock()
	b := &browser{f: f, ip: ip, cookies: map[string]string{}}
	b.refreshCSRF()
	return b
}

func (b *browser) refreshCSRF() {
	resp, body := b.do(http.MethodGet, "/api/v1/sessions/current", "")
	if resp.StatusCode != http.StatusOK {
		b.f.t.Fatalf("GET /sessions/current: %d %s", resp.StatusCode, body)
	}
	var s struct {
		CSRFToken string `json:"csrfToken"`
	}
	_ = json.Unmarshal(body, &s)
	b.csrf = s.CSRFToken
}

func (b *browser) do(method, path, body string) (*http.Response, []byte) {
	b.f.t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, r)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Forwarded-For", b.ip)
	req.RemoteAddr = b.ip + ":40000"
	if b.csrf != "" && method != http.MethodGet {
		req.Header.Set("X-CSRF-Token", b.csrf)
	}
	for k, v := range b.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := b.f.app.Test(req, -1)
	if err != nil {
		b.f.t.Fatal(err)
	}
	out, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, c := range resp.Cookies() {
		if c.MaxAge < 0 || c.Value == "" {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
	return resp, out
}

// signIn signs in with the demo password and takes the session's CSRF token.
func (b *browser) signIn(email string) *browser {
	b.f.t.Helper()
	resp, body := b.do(http.MethodPost, "/api/v1/sessions", fmt.Sprintf(`{"email":%q,"password":%q}`, email, seed.DemoPassword))
	if resp.StatusCode != http.StatusCreated {
		b.f.t.Fatalf("sign in %s: %d %s", email, resp.StatusCode, body)
	}
	var s struct {
		CSRFToken string `json:"csrfToken"`
	}
	_ = json.Unmarshal(body, &s)
	b.csrf = s.CSRFToken
	return b
}

var tokenInMail = regexp.MustCompile(`#token=([A-Za-z0-9_-]+)`)

// mailedToken waits for the next mail to rcpt and returns the token in it.
func (f *fixture) mailedToken(rcpt string) string {
	f.t.Helper()
	m := f.inbox.Next(f.t, rcpt, 20*time.Second)
	match := tokenInMail.FindStringSubmatch(strings.ReplaceAll(m.Data, "=\r\n", ""))
	if match == nil {
		f.t.Fatalf("no token in mail: %s", m.Data)
	}
	return match[1]
}

// kandidaat signs in the demo kandidaat through the mailed magic link.
func (f *fixture) kandidaat() *browser {
	b := f.browser()
	if resp, body := b.do(http.MethodPost, "/api/v1/magic-links", fmt.Sprintf(`{"email":%q}`, kandidaatA)); resp.StatusCode != http.StatusAccepted {
		f.t.Fatalf("magic link: %d %s", resp.StatusCode, body)
	}
	token := f.mailedToken(kandidaatA)
	resp, body := b.do(http.MethodPost, "/api/v1/magic-link-sessions", fmt.Sprintf(`{"token":%q}`, token))
	if resp.StatusCode != http.StatusCreated {
		f.t.Fatalf("magic link sign-in: %d %s", resp.StatusCode, body)
	}
	var s struct {
		CSRFToken string `json:"csrfToken"`
	}
	_ = json.Unmarshal(body, &s)
	b.csrf = s.CSRFToken
	return b
}

func (f *fixture) count(sql string, args ...any) int64 {
	var n int64
	must(f.t, f.db.Gorm.Raw(sql, args...).Scan(&n).Error)
	return n
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// occupationID returns the id of the occupation with this Dutch label.
func (f *fixture) occupationID(label string) string {
	var id string
	must(f.t, f.db.Gorm.Raw(`SELECT id FROM occupations WHERE label = ?`, label).Row().Scan(&id))
	return id
}

// openingJSON is a valid new vacature for org (empty: the caller's own).
func (f *fixture) openingJSON(org, title string) string {
	orgField := ""
	if org != "" {
		orgField = fmt.Sprintf(`"organisationId":%q,`, f.org[org])
	}
	return fmt.Sprintf(`{%s"kind":"vacature","title":%q,"description":"Je bakt brood en banket in een klein team.",
		"occupationId":%q,"requiredSkills":["haccp"],"niceSkills":["klantgericht"],"postcode":"3511 AB",
		"maxTravelKm":15,"hoursMin":24,"hoursMax":32,"days":["ma","di","wo"],"dayParts":["ochtend"],"contractType":"tijdelijk",
		"wageMinCents":240000,"wageMaxCents":280000,"places":2,"support":["jobcoach","vaste-structuur"],"banenafspraak":true}`,
		orgField, title, f.occupationID("bakker"))
}

// newOpening stores an opening of org through the service, as the region's
// admin, and moves it to state (draft or open).
func (f *fixture) newOpening(org string, state opening.State) string {
	f.t.Helper()
	p := authz.Principal{UserID: f.user[adminA], RegionID: f.regionA, Role: authz.Admin}
	ctx := authz.WithPrincipal(testkit.Context(f.t), p)
	o, err := f.openings.Create(ctx, p, f.org[org], opening.Fields{Kind: opening.Vacature, Title: "Bakker (ochtend)",
		OccupationID: f.occupationID("bakker"), Postcode: "3511 AB", MaxTravelKm: 10, HoursMin: 20, HoursMax: 30,
		ContractType: "tijdelijk", Places: 1}, "")
	must(f.t, err)
	if state == opening.Open {
		_, err = f.openings.Transition(ctx, p, o.ID, opening.StateChange{To: opening.Open}, "")
		must(f.t, err)
	}
	return o.ID
}

// candidateJSON is a valid new candidate (profile and identity).
func (f *fixture) candidateJSON(name, email string) string {
	return fmt.Sprintf(`{"profile":{"occupations":[%q],"skills":["haccp","klantgericht","nederlands-b1"],"experience":"Twee jaar gewerkt in een bakkerij.",
		"education":"mbo2","languages":[{"code":"nl","level":"B1"}],"drivingLicence":false,"ownTransport":true,"pc4":"","maxTravelKm":15,
		"hoursMin":20,"hoursMax":32,"days":["ma","di"],"dayParts":["ochtend"],"rung":4,"supportNeeds":["jobcoach"],"doelgroepregister":true,
		"praktijkroute":false,"lksIndicatie":false},
		"identity":{"name":%q,"email":%q,"phone":"06 12345678","street":"Oudegracht 1","postcode":"3511 AB"}}`, f.occupationID("bakker"), name, email)
}

// newCandidate registers a candidate in klantmanager De Vries's caseload
// through the service and returns its id.
func (f *fixture) newCandidate(name, email string) string {
	f.t.Helper()
	p := authz.Principal{UserID: f.user[kmA], RegionID: f.regionA, Role: authz.Klantmanager}
	ctx := authz.WithPrincipal(testkit.Context(f.t), p)
	rung, hmin, hmax, km := 4, 20, 32, 15
	c, err := f.candidates.Create(ctx, p, candidate.Profile{Occupations: []string{f.occupationID("bakker")}, Skills: []string{"haccp"},
		Rung: &rung, HoursMin: &hmin, HoursMax: &hmax, MaxTravelKm: &km}, candidate.Identity{Name: name, Email: email, Postcode: "3511 AB"}, "")
	must(f.t, err)
	return c.ID
}

// bootstrapCandidates puts the candidates and openings indexes and their settings in place (once).
func (f *fixture) bootstrapCandidates() {
	f.bootstrapOnce.Do(func() {
		// A Meilisearch starved of CPU (2 cores shared with the whole test
		// run) has been seen to leave a request unanswered for 30 s: try again.
		var err error
		for attempt := 0; attempt < 3; attempt++ {
			if err = f.search.Bootstrap(testkit.Context(f.t), candidate.Index, opening.Index); err == nil {
				return
			}
			f.t.Logf("bootstrap attempt %d: %v", attempt+1, err)
		}
		must(f.t, err)
	})
}

// consentTo records consent for a candidate directly (test setup).
func (f *fixture) consentTo(id string) {
	must(f.t, f.db.Gorm.Exec(`UPDATE candidates SET consent = true WHERE id = ?`, id).Error)
}
