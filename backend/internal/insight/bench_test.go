package insight

import (
	"encoding/json"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

var figuresBench struct {
	sync.Once
	took    map[string][]time.Duration
	invites int
	setup   time.Duration
}

// benchScopes are the principals the benchmark asks for, in order.
var benchScopes = []string{"region", "organisation", "klantmanager"}

// BenchmarkFigures generates a year of history with 100,000 invites (2,000
// openings × 50; N=… changes the invites) into a cloned database, then
// VACUUM ANALYZE (as autovacuum would leave a year's rows), and times the
// figures of the last 12 months for three scopes: the region's admin, the
// organisation with the most openings (its werkgever) and the klantmanager
// with the largest caseload. Each call is the service call (every query)
// and the JSON encoding of the answer; the scopes take turns, one call
// after another, CALLS rounds (200 unless set), once whatever -benchtime
// says. It reports p50 and p99 in ms per scope.
func BenchmarkFigures(b *testing.B) {
	figuresBench.Do(func() {
		db := testkit.DB(b)
		ctx := testkit.Context(b)
		// The ESCO occupations (the template database has none).
		workers := river.NewWorkers()
		river.AddWorker(workers, &search.ReindexWorker{})
		q, err := jobs.New(db, jobs.Options{Workers: workers, Logger: testkit.Logger()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := occupation.Load(ctx, db.Gorm, q); err != nil {
			b.Fatal(err)
		}
		res, err := seed.Demo(ctx, db.Gorm)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := seed.DemoServices(ctx, db.Gorm, res.RegionID); err != nil {
			b.Fatal(err)
		}
		invites := 100_000
		if v, err := strconv.Atoi(os.Getenv("N")); err == nil && v > 0 {
			invites = v
		}
		start := time.Now()
		h, err := seed.History(ctx, db.Gorm, res.RegionID, seed.HistoryOptions{Openings: invites / 50, InvitesPerOpening: 50, Seed: 1, Until: time.Now()})
		if err != nil {
			b.Fatal(err)
		}
		if err := db.Gorm.Exec(`VACUUM ANALYZE`).Error; err != nil {
			b.Fatal(err)
		}
		figuresBench.setup = time.Since(start)
		figuresBench.invites = h.Invites
		var admin, km, org, orgUser string
		for _, q := range []struct {
			sql  string
			into *string
		}{
			{`SELECT id::text FROM users WHERE region_id = ? AND role = 'admin' LIMIT 1`, &admin},
			{`SELECT klantmanager_id::text FROM candidates WHERE region_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, &km},
			{`SELECT organisation_id::text FROM openings WHERE region_id = ? GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, &org},
		} {
			if err := db.Gorm.Raw(q.sql, res.RegionID).Scan(q.into).Error; err != nil || *q.into == "" {
				b.Fatalf("%s: %v", q.sql, err)
			}
		}
		if err := db.Gorm.Raw(`SELECT id::text FROM users WHERE organisation_id = ? LIMIT 1`, org).Scan(&orgUser).Error; err != nil || orgUser == "" {
			b.Fatalf("a user of organisation %s: %v", org, err)
		}
		s := &Service{DB: db.Gorm}
		principals := map[string]authz.Principal{
			"region":       {UserID: admin, RegionID: res.RegionID, Role: authz.Admin},
			"organisation": {UserID: orgUser, RegionID: res.RegionID, Role: authz.Werkgever, OrganisationID: org},
			"klantmanager": {UserID: km, RegionID: res.RegionID, Role: authz.Klantmanager},
		}
		b.Logf("history: %+v in %s", h, figuresBench.setup.Round(time.Second))
		f := Filter{Period: s.DefaultPeriod()}
		if path := os.Getenv("EXPLAIN"); path != "" {
			var all []string
			for _, name := range benchScopes {
				p := principals[name]
				sc, err := s.scopeFor(ctx, p, f)
				if err != nil {
					b.Fatal(err)
				}
				err = db.Gorm.Transaction(func(tx *gorm.DB) error {
					for _, set := range []string{`SET LOCAL jit = off`, `SET LOCAL work_mem = '32MB'`} {
						if err := tx.Exec(set).Error; err != nil {
							return err
						}
					}
					var plan []string
					if err := tx.Raw("EXPLAIN (ANALYZE, BUFFERS) "+figuresSQL(sc, ""), sc.args).Scan(&plan).Error; err != nil {
						return err
					}
					all = append(append(all, "-- "+name), plan...)
					return nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
			if err := os.WriteFile(path, []byte(strings.Join(all, "\n")), 0o644); err != nil {
				b.Fatal(err)
			}
		}
		calls := 200
		if v, err := strconv.Atoi(os.Getenv("CALLS")); err == nil && v > 0 {
			calls = v
		}
		figuresBench.took = map[string][]time.Duration{}
		for range calls {
			for _, name := range benchScopes {
				t0 := time.Now()
				figs, err := s.Figures(ctx, principals[name], f)
				if err != nil {
					b.Fatal(err)
				}
				if err := json.NewEncoder(io.Discard).Encode(toResponse(figs)); err != nil {
					b.Fatal(err)
				}
				figuresBench.took[name] = append(figuresBench.took[name], time.Since(t0))
			}
		}
	})
	for _, name := range benchScopes {
		took := slices.Sorted(slices.Values(figuresBench.took[name]))
		if len(took) == 0 {
			b.Fatal("no measurements")
		}
		at := func(q float64) float64 {
			return float64(took[min(len(took)-1, int(q*float64(len(took))))]) / float64(time.Millisecond)
		}
		b.ReportMetric(at(0.5), name+"_p50_ms")
		b.ReportMetric(at(0.99), name+"_p99_ms")
		b.Logf("%d invites, %s: %d calls, p50 %.1f ms, p99 %.1f ms, max %.1f ms", figuresBench.invites, name, len(took), at(0.5), at(0.99),
			float64(took[len(took)-1])/float64(time.Millisecond))
	}
}
