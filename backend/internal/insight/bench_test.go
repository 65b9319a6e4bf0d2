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
	took    []time.Duration
	invites int
	setup   time.Duration
}

// BenchmarkFigures generates a year of history with 100,000 invites (2,000
// openings × 50; N=… changes the invites) into a cloned database and
// times the figures of the last 12 months for the region's admin: the
// service call (every query) and the JSON encoding of the answer, one
// after another, CALLS times (200 unless set), once whatever -benchtime says. It
// reports p50 and p99 in ms.
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
		if err := db.Gorm.Exec(`ANALYZE`).Error; err != nil {
			b.Fatal(err)
		}
		figuresBench.setup = time.Since(start)
		figuresBench.invites = h.Invites
		var admin string
		if err := db.Gorm.Raw(`SELECT id::text FROM users WHERE region_id = ? AND role = 'admin' LIMIT 1`, res.RegionID).Scan(&admin).Error; err != nil {
			b.Fatal(err)
		}
		s := &Service{DB: db.Gorm}
		p := authz.Principal{UserID: admin, RegionID: res.RegionID, Role: authz.Admin}
		b.Logf("history: %+v in %s", h, figuresBench.setup.Round(time.Second))
		f := Filter{Period: s.DefaultPeriod()}
		if os.Getenv("EXPLAIN") != "" {
			sc, err := s.scopeFor(ctx, p, f)
			if err != nil {
				b.Fatal(err)
			}
			var all []string
			err = db.Gorm.Transaction(func(tx *gorm.DB) error {
				tx.Exec(`SET LOCAL jit = off`)
				tx.Exec(`SET LOCAL work_mem = '32MB'`)
				for _, q := range []string{figuresSQL(sc, "")} {
					var plan []string
					if err := tx.Raw("EXPLAIN (ANALYZE, BUFFERS) "+q, sc.args).Scan(&plan).Error; err != nil {
						return err
					}
					all = append(all, plan...)
				}
				return os.WriteFile(os.Getenv("EXPLAIN"), []byte(strings.Join(all, "\n")), 0o644)
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		calls := 200
		if v, err := strconv.Atoi(os.Getenv("CALLS")); err == nil && v > 0 {
			calls = v
		}
		for range calls {
			t0 := time.Now()
			figs, err := s.Figures(ctx, p, f)
			if err != nil {
				b.Fatal(err)
			}
			if err := json.NewEncoder(io.Discard).Encode(toResponse(figs)); err != nil {
				b.Fatal(err)
			}
			figuresBench.took = append(figuresBench.took, time.Since(t0))
		}
		slices.Sort(figuresBench.took)
	})
	took := figuresBench.took
	if len(took) == 0 {
		b.Fatal("no measurements")
	}
	at := func(q float64) float64 {
		return float64(took[min(len(took)-1, int(q*float64(len(took))))]) / float64(time.Millisecond)
	}
	b.ReportMetric(at(0.5), "p50_ms")
	b.ReportMetric(at(0.99), "p99_ms")
	b.Logf("%d invites: %d calls, p50 %.1f ms, p99 %.1f ms", figuresBench.invites, len(took), at(0.5), at(0.99))
}
