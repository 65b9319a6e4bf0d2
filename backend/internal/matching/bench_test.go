package matching_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/riverqueue/river"
	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/matching"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// attackResult is one constant-rate run.
type attackResult struct {
	name             string
	p50, p95, p99    time.Duration
	requests, errors int
	cpuPerRequest    time.Duration
	matches          int
}

var poolBench struct {
	sync.Once
	results []attackResult
	total   int
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPool seeds 100,000 candidates, indexes them, and attacks at a
// constant rate (vegeta as a library) four handlers in one run: the pool
// (matching.Service.Get: the opening from Postgres, the Meilisearch query,
// cards with reasons, JSON) and the identical raw Meilisearch query it
// issues, each for a typical pool and for the broadest one (no text:
// anyOccupation, 200 km, every rung). It reports p50/p95/p99, errors and this process's CPU per
// request. The work runs once whatever -benchtime says.
func BenchmarkPool(b *testing.B) {
	poolBench.Do(func() { measurePool(b) })
	for _, r := range poolBench.results {
		b.Logf("%-14s %5d req, %d errors, p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  CPU %.2f ms/req  (%d matches)", r.name, r.requests, r.errors,
			ms(r.p50), ms(r.p95), ms(r.p99), ms(r.cpuPerRequest), r.matches)
	}
	if len(poolBench.results) == 4 {
		pool, raw, broad, broadRaw := poolBench.results[0], poolBench.results[1], poolBench.results[2], poolBench.results[3]
		b.ReportMetric(ms(pool.p99), "pool_p99_ms")
		b.ReportMetric(ms(raw.p99), "raw_p99_ms")
		b.ReportMetric(float64(pool.p99)/float64(raw.p99), "p99_ratio")
		b.ReportMetric(ms(broad.p99), "broad_p99_ms")
		b.ReportMetric(float64(broad.p99)/float64(broadRaw.p99), "broad_p99_ratio")
		b.Logf("p99 ratio pool/raw %.2f, broad %.2f; candidates %d", float64(pool.p99)/float64(raw.p99), float64(broad.p99)/float64(broadRaw.p99), poolBench.total)
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func measurePool(b *testing.B) {
	db := testkit.DB(b)
	sc := testkit.Search(b)
	ctx := testkit.Context(b)
	g := db.Gorm
	must := func(err error) {
		b.Helper()
		if err != nil {
			b.Fatal(err)
		}
	}
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("N")); err == nil && v > 0 {
		n = v // e.g. N=1000000 make bench
	}
	pop := testkit.SeedCandidates(b, db, n)
	poolBench.total = pop.Candidates
	skills, err := skill.Load()
	must(err)
	must(g.Exec(`DELETE FROM search_outbox`).Error)
	must(sc.Bootstrap(ctx, candidate.Index, opening.Index))
	_, err = sc.Reindex(ctx, candidate.Source{DB: g, Skills: skills})
	must(err)

	workers := river.NewWorkers()
	river.AddWorker(workers, &search.SyncWorker{})
	q, err := jobs.New(db, jobs.Options{Workers: workers, Logger: testkit.Logger()})
	must(err)
	var adminID, orgID, occ string
	must(g.Raw(`INSERT INTO users (region_id, email, display_name, role) VALUES (?, 'admin@bench.test', 'Admin', 'admin') RETURNING id::text`, pop.RegionID).Row().Scan(&adminID))
	must(g.Raw(`INSERT INTO organisations (region_id, kind, name, kvk_number, postcode) VALUES (?, 'werkgever', 'Bench BV', '12345678', '3511 AB') RETURNING id::text`, pop.RegionID).Row().Scan(&orgID))
	must(g.Raw(`SELECT id FROM occupations WHERE label = 'orderpicker'`).Row().Scan(&occ))
	p := authz.Principal{UserID: adminID, RegionID: pop.RegionID, Role: authz.Admin}
	pctx := authz.WithPrincipal(ctx, p)
	regions := &identity.Service{DB: g}
	openings := &opening.Service{DB: g, Jobs: q, Skills: skills, Organisations: regions, Occupations: &occupation.Service{DB: g}}
	o, err := openings.Create(pctx, p, orgID, opening.Fields{Kind: opening.Vacature, Title: "Orderpicker", OccupationID: occ,
		RequiredSkills: []string{"heftruckcertificaat", "vca-basis"}, Postcode: "3511 AB", MaxTravelKm: 25, HoursMin: 24, HoursMax: 32,
		ContractType: "tijdelijk", Places: 3}, "")
	must(err)
	_, err = openings.Transition(pctx, p, o.ID, opening.StateChange{To: opening.Open}, "")
	must(err)
	pools := &matching.Service{DB: g, Search: sc, Openings: openings, Skills: skills, Regions: regions, Organisations: regions,
		Relatedness: &occupation.Service{DB: g}}

	typical := matching.Filters{Page: 1}
	broad := matching.Filters{Page: 1, RadiusKm: 200, RungMin: 1, RungMax: 6, AnyOccupation: true}
	var mu sync.Mutex
	matches := map[string]int{}
	poolHandler := func(f matching.Filters, name string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			pool, err := pools.Get(authz.WithPrincipal(r.Context(), p), p, o.ID, f)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			mu.Lock()
			matches[name] = pool.Total
			mu.Unlock()
			_ = json.NewEncoder(w).Encode(pool.Cards)
		}
	}
	rawHandler := func(f matching.Filters) http.HandlerFunc {
		full, err := openings.Get(pctx, p, o.ID)
		must(err)
		query, err := pools.BuildQuery(ctx, full, f)
		must(err)
		return func(w http.ResponseWriter, r *http.Request) {
			req := *query.Request
			res, err := sc.Index(candidate.IndexName).SearchRawWithContext(r.Context(), "", &req)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			_, _ = w.Write(*res)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/pool", poolHandler(typical, "pool"))
	mux.Handle("/raw", rawHandler(typical))
	mux.Handle("/broad", poolHandler(broad, "broad"))
	mux.Handle("/broad-raw", rawHandler(broad))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	attack := func(name, path string) attackResult {
		freq := 50
		if v, err := strconv.Atoi(os.Getenv("RATE")); err == nil && v > 0 {
			freq = v // e.g. RATE=5 N=1000000: a rate a 2-core machine can serve at a million
		}
		rate := vegeta.Rate{Freq: freq, Per: time.Second}
		targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: srv.URL + path})
		attacker := vegeta.NewAttacker(vegeta.Timeout(5 * time.Second))
		var m vegeta.Metrics
		before := cpuTime()
		for res := range attacker.Attack(targeter, rate, 10*time.Second, name) {
			m.Add(res)
		}
		m.Close()
		cpu := cpuTime() - before
		errors := int(float64(m.Requests) * (1 - m.Success))
		mu.Lock()
		defer mu.Unlock()
		return attackResult{name: name, p50: m.Latencies.P50, p95: m.Latencies.P95, p99: m.Latencies.P99, requests: int(m.Requests), errors: errors,
			cpuPerRequest: cpu / time.Duration(max(m.Requests, 1)), matches: matches[name]}
	}
	// Warm up Meilisearch and the connection pools.
	for _, path := range []string{"/pool", "/raw", "/broad", "/broad-raw"} {
		resp, err := http.Get(srv.URL + path)
		must(err)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("%s: %d", path, resp.StatusCode)
		}
	}
	poolBench.results = []attackResult{attack("pool", "/pool"), attack("raw", "/raw"), attack("broad", "/broad"), attack("broad-raw", "/broad-raw")}
}
