package matching_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"
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
	rate             int
	p50, p95, p99    time.Duration
	requests, errors int
	throughput       float64 // successful responses per second
	cpuPerRequest    time.Duration
	matches          int
}

// poolSettings are BenchmarkPool's knobs, from the environment:
// N candidates (100,000), RATE requests/s (50) for DURATION each (10s),
// HIGH a second, higher rate for the pool and its raw query (none), COST
// requests per row of the cost table (none: no table).
type poolSettings struct {
	n, rate, high, cost int
	duration            time.Duration
}

func settingsFromEnv() poolSettings {
	s := poolSettings{n: 100_000, rate: 50, duration: 10 * time.Second}
	for name, v := range map[string]*int{"N": &s.n, "RATE": &s.rate, "HIGH": &s.high, "COST": &s.cost} {
		if x, err := strconv.Atoi(os.Getenv(name)); err == nil && x > 0 {
			*v = x
		}
	}
	if d, err := time.ParseDuration(os.Getenv("DURATION")); err == nil && d > 0 {
		s.duration = d
	}
	return s
}

var poolBench struct {
	sync.Once
	settings poolSettings
	results  []attackResult
	cost     []costRow
	total    int
	rebuild  time.Duration
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPool seeds N candidates, indexes them, optionally measures the
// cost table (COST), and attacks at a constant rate (vegeta as a library)
// four handlers in one run: the pool (matching.Service.Get: the opening
// from Postgres, the Meilisearch requests, cards with reasons, JSON) and
// "raw", the very Meilisearch requests that pool sent (traced), replayed
// one after another; each for a typical pool and for the broadest one
// (anyOccupation, 200 km, every rung). With HIGH it attacks the pool and
// its raw requests again at that rate. It reports p50/p95/p99, errors,
// throughput and this process's CPU per request, and the targets of
// docs/benchmarks.md beside the figures. The work runs once whatever
// -benchtime says.
func BenchmarkPool(b *testing.B) {
	poolBench.Do(func() { poolBench.settings = settingsFromEnv(); measurePool(b) })
	st := poolBench.settings
	b.Logf("%d candidates indexed in %s (%.0f documents/s)", poolBench.total, poolBench.rebuild.Round(time.Second),
		float64(poolBench.total)/poolBench.rebuild.Seconds())
	logCost(b, poolBench.cost)
	by := map[string]attackResult{}
	for _, r := range poolBench.results {
		by[r.name] = r
		b.Logf("%-10s %3d req/s %5d req, %d errors, p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  %5.1f ok/s  CPU %.2f ms/req  (%d matches)",
			r.name, r.rate, r.requests, r.errors, ms(r.p50), ms(r.p95), ms(r.p99), r.throughput, ms(r.cpuPerRequest), r.matches)
	}
	pool, raw, broad := by["pool"], by["raw"], by["broad"]
	b.ReportMetric(ms(pool.p99), "pool_p99_ms")
	b.ReportMetric(ms(raw.p99), "raw_p99_ms")
	b.ReportMetric(ms(broad.p99), "broad_p99_ms")
	ratio := float64(pool.p99) / float64(raw.p99)
	// The targets (docs/benchmarks.md): at a million candidates on 2 cores,
	// and at 100,000 under 50 requests/s.
	check := func(what string, got float64, op string, limit float64, unit string) {
		met := got <= limit
		if op == "≥" {
			met = got >= limit
		}
		verdict := "met"
		if !met {
			verdict = "NOT met"
		}
		b.Logf("target  %-44s %8.2f %-4s (target %s %g %s): %s", what, got, unit, op, limit, unit, verdict)
	}
	switch {
	case st.n >= 1_000_000:
		check(fmt.Sprintf("pool p99 at %d req/s", st.rate), ms(pool.p99), "≤", 30, "ms")
		check("pool p99 / raw p99", ratio, "≤", 1.2, "×")
		check(fmt.Sprintf("broad pool p99 at %d req/s", st.rate), ms(broad.p99), "≤", 60, "ms")
		if hi, ok := by["pool-high"]; ok {
			// Vegeta's throughput counts the last responses' wait: 2,400 of
			// 2,400 answered in 60 s reads 39.99/s. Judge the rate offered,
			// answered without error.
			answered := float64(st.high) * float64(hi.requests-hi.errors) / float64(max(hi.requests, 1))
			check(fmt.Sprintf("pool requests/s answered (%d offered, %d errors)", st.high, hi.errors), answered, "≥", 40, "/s")
			check(fmt.Sprintf("pool p99 at %d req/s", st.high), ms(hi.p99), "≤", 100, "ms")
		}
	case st.n >= 100_000:
		check(fmt.Sprintf("pool p99 at %d req/s", st.rate), ms(pool.p99), "≤", 15, "ms")
	}
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func measurePool(b *testing.B) {
	st := poolBench.settings
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
	pop := testkit.SeedCandidates(b, db, st.n)
	poolBench.total = pop.Candidates
	skills, err := skill.Load()
	must(err)
	must(g.Exec(`DELETE FROM search_outbox`).Error)
	// The tables as autovacuum leaves them (as insight's benchmark does): else autovacuum works
	// through a million new rows and the outbox's million dead ones during the attack, on the
	// same 2 cores, and the pool's Postgres reads pay for it.
	must(g.Exec(`VACUUM ANALYZE`).Error)
	must(sc.Bootstrap(ctx, candidate.Index, opening.Index))
	start := time.Now()
	_, err = sc.Reindex(ctx, candidate.Source{DB: g})
	must(err)
	poolBench.rebuild = time.Since(start)

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
	// The Meilisearch requests each pool sends, traced from one call.
	traced := func(f matching.Filters) [][]*meilisearch.SearchRequest {
		var out [][]*meilisearch.SearchRequest
		pools.TraceSearches(func(q []*meilisearch.SearchRequest) { out = append(out, q) })
		defer pools.TraceSearches(nil)
		_, err := pools.Get(pctx, p, o.ID, f)
		must(err)
		return out
	}
	typicalRequests, broadRequests := traced(typical), traced(broad)
	if st.cost > 0 {
		poolBench.cost = measureCost(b, sc, typicalRequests, broadRequests, st.cost)
	}

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
	rawHandler := func(requests [][]*meilisearch.SearchRequest) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			answered := 0
			for _, qs := range requests {
				if err := replay(r.Context(), sc, qs); err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				answered += len(qs)
			}
			_ = json.NewEncoder(w).Encode(answered)
		}
	}
	mux := http.NewServeMux()
	mux.Handle("/pool", poolHandler(typical, "pool"))
	mux.Handle("/raw", rawHandler(typicalRequests))
	mux.Handle("/broad", poolHandler(broad, "broad"))
	mux.Handle("/broad-raw", rawHandler(broadRequests))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	attack := func(name, path string, freq int) attackResult {
		rate := vegeta.Rate{Freq: freq, Per: time.Second}
		targeter := vegeta.NewStaticTargeter(vegeta.Target{Method: http.MethodGet, URL: srv.URL + path})
		attacker := vegeta.NewAttacker(vegeta.Timeout(5 * time.Second))
		var m vegeta.Metrics
		if path := os.Getenv("CPUPROFILE"); path != "" && name == "pool" {
			// Where the pool's own CPU goes (go tool pprof).
			f, err := os.Create(path)
			must(err)
			must(pprof.StartCPUProfile(f))
			defer func() { pprof.StopCPUProfile(); f.Close() }()
		}
		before := cpuTime()
		for res := range attacker.Attack(targeter, rate, st.duration, name) {
			m.Add(res)
		}
		m.Close()
		cpu := cpuTime() - before
		errors := int(float64(m.Requests) * (1 - m.Success))
		mu.Lock()
		defer mu.Unlock()
		return attackResult{name: name, rate: freq, p50: m.Latencies.P50, p95: m.Latencies.P95, p99: m.Latencies.P99, requests: int(m.Requests), errors: errors,
			throughput: m.Throughput, cpuPerRequest: cpu / time.Duration(max(m.Requests, 1)), matches: matches[strings.TrimSuffix(name, "-high")]}
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
	if hold, err := time.ParseDuration(os.Getenv("HOLD")); err == nil && hold > 0 {
		// Keep the index for looking into by hand (master key) a while.
		b.Logf("holding index %s for %s", sc.UID(candidate.IndexName), hold)
		fmt.Fprintf(os.Stderr, "holding index %s for %s; typical filter:\n%s\n", sc.UID(candidate.IndexName), hold, typicalRequests[0][0].Filter)
		time.Sleep(hold)
	}
	poolBench.results = []attackResult{attack("pool", "/pool", st.rate), attack("raw", "/raw", st.rate),
		attack("broad", "/broad", st.rate), attack("broad-raw", "/broad-raw", st.rate)}
	if st.high > 0 {
		poolBench.results = append(poolBench.results, attack("pool-high", "/pool", st.high), attack("raw-high", "/raw", st.high))
	}
}

// replay sends traced requests as the pool did: each its own request to
// the candidates index, side by side (shallow copies: the client may fill
// in defaults, and handlers replay them concurrently).
func replay(ctx context.Context, sc *search.Client, qs []*meilisearch.SearchRequest) error {
	errs := make([]error, len(qs))
	var wg sync.WaitGroup
	for i, q := range qs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := *q
			_, errs[i] = sc.SearchIndex(candidate.IndexName).SearchRawWithContext(ctx, "", &c)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}
