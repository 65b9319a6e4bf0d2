package candidate_test

import (
	"crypto/rand"
	"fmt"
	mrand "math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/meilisearch/meilisearch-go"
	"github.com/riverqueue/river"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

const benchCandidates = 100_000

func uuid() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// code is a unique public code for i (base 34 without I and O).
func code(i int) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := []byte("K-00000")
	for p := 6; p >= 2; p-- {
		b[p] = alphabet[i%34]
		i /= 34
	}
	return string(b)
}

// benchResult caches the one measurement: `-benchtime 200x` calls a
// benchmark twice (N=1, then N=200), and seeding 100,000 candidates once is enough.
var benchResult struct {
	sync.Once
	seed, reindex, raw time.Duration
	indexed            int
}

// BenchmarkCandidates100k seeds 100,000 candidates (with identities and
// outbox rows) into PostgreSQL, rebuilds the candidates index from them
// (SyncWorker.Rebuild: read Postgres, build documents, fresh index, swap),
// and, for comparison, imports the same documents straight into a second
// index. The work runs once, whatever b.N; the rates are reported as metrics.
func BenchmarkCandidates100k(b *testing.B) {
	benchResult.Do(func() { measureCandidates(b) })
	r := &benchResult
	rate := func(count int, d time.Duration) float64 { return float64(count) / d.Seconds() }
	b.ReportMetric(rate(benchCandidates, r.seed), "seed_docs/s")
	b.ReportMetric(rate(r.indexed, r.reindex), "reindex_docs/s")
	b.ReportMetric(rate(r.indexed, r.raw), "raw_import_docs/s")
	b.Logf("seed: %d candidates (+identities, outbox rows) in %s = %.0f/s", benchCandidates, r.seed.Round(time.Millisecond), rate(benchCandidates, r.seed))
	b.Logf("reindex (rebuild + swap + catch-up): %d consenting candidates in %s = %.0f docs/s", r.indexed, r.reindex.Round(time.Millisecond), rate(r.indexed, r.reindex))
	b.Logf("raw import of the same documents: %s = %.0f docs/s", r.raw.Round(time.Millisecond), rate(r.indexed, r.raw))
}

func measureCandidates(b *testing.B) {
	db := testkit.DB(b)
	sc := testkit.Search(b)
	ctx := testkit.Context(b)
	g := db.Gorm
	skills, err := skill.Load()
	if err != nil {
		b.Fatal(err)
	}
	workers := river.NewWorkers()
	river.AddWorker(workers, &search.ReindexWorker{Client: sc})
	q, err := jobs.New(db, jobs.Options{Workers: workers, Logger: testkit.Logger()})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := occupation.Load(ctx, g, q); err != nil {
		b.Fatal(err)
	}
	must := func(err error) {
		b.Helper()
		if err != nil {
			b.Fatal(err)
		}
	}
	must(g.Exec(`DELETE FROM river_job`).Error)
	var regionID, kmID string
	must(g.Raw(`INSERT INTO regions (slug, name) VALUES ('bench', 'Bench') RETURNING id::text`).Row().Scan(&regionID))
	must(g.Raw(`INSERT INTO users (region_id, email, display_name, role) VALUES (?, 'km@bench.test', 'KM', 'klantmanager') RETURNING id::text`, regionID).Row().Scan(&kmID))
	var occIDs []string
	must(g.Raw(`SELECT id FROM occupations ORDER BY id`).Scan(&occIDs).Error)
	var places []geo.Place
	for _, pc4 := range geo.Within(52.09, 5.12, 60) {
		if p, err := geo.Lookup(pc4); err == nil {
			places = append(places, p)
		}
	}
	skillIDs := make([]string, len(skills.All))
	for i, s := range skills.All {
		skillIDs[i] = s.ID
	}
	rnd := mrand.New(mrand.NewPCG(1, 2))
	pick := func(from []string, min, max int) []string {
		n := min + rnd.IntN(max-min+1)
		out := make([]string, 0, n)
		seen := map[string]bool{}
		for len(out) < n {
			v := from[rnd.IntN(len(from))]
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
		return out
	}
	now := time.Now().UTC()
	ids := make([]string, benchCandidates)
	rows := make([][]any, benchCandidates)
	idents := make([][]any, benchCandidates)
	outbox := make([][]any, benchCandidates)
	for i := range rows {
		id := uuid()
		ids[i] = id
		p := places[rnd.IntN(len(places))]
		hmin := 8 + rnd.IntN(25)
		rows[i] = []any{id, regionID, code(i), kmID, pick(occIDs, 1, 3), pick(skillIDs, 3, 8), candidate.Education[rnd.IntN(len(candidate.Education))],
			`[{"code":"nl","level":"` + candidate.CEFR[rnd.IntN(len(candidate.CEFR))] + `"}]`, rnd.IntN(2) == 0, p.PC4, p.Lat, p.Lon,
			5 + rnd.IntN(30), hmin, hmin + rnd.IntN(12), 1 + rnd.IntN(6), pick(opening.Support, 0, 2), pick(opening.Days, 2, 5),
			rnd.IntN(10) > 0, now, now.AddDate(0, 0, -rnd.IntN(200)), "available", now, now}
		idents[i] = []any{id, fmt.Sprintf("Kandidaat %d", i), fmt.Sprintf("k%d@bench.test", i), "06 12345678"}
		outbox[i] = []any{"candidates", id}
	}

	b.ResetTimer()
	start := time.Now()
	err = pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"candidates"}, []string{"id", "region_id", "public_code", "klantmanager_id", "occupations", "skills",
			"education", "languages", "driving_licence", "pc4", "lat", "lon", "max_travel_km", "hours_min", "hours_max", "rung", "support_needs", "days",
			"consent", "consent_at", "confirmed_at", "status", "created_at", "updated_at"}, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("copy candidates: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"candidate_identities"}, []string{"candidate_id", "name", "email", "phone"}, pgx.CopyFromRows(idents)); err != nil {
			return fmt.Errorf("copy identities: %w", err)
		}
		_, err := tx.CopyFrom(ctx, pgx.Identifier{"search_outbox"}, []string{"index_name", "doc_id"}, pgx.CopyFromRows(outbox))
		return err
	})
	seed := time.Since(start)
	must(err)

	// Rebuild the index from Postgres (the outbox is for live changes: empty it first).
	b.StopTimer()
	must(g.Exec(`DELETE FROM search_outbox`).Error)
	src := candidate.Source{DB: g, Skills: skills}
	indexed, err := src.Count(ctx)
	must(err)
	must(sc.Bootstrap(ctx, candidate.Index))
	syncer := &search.SyncWorker{DB: g, Client: sc, Sources: map[string]search.Syncer{candidate.IndexName: src}}
	b.StartTimer()
	start = time.Now()
	n, err := syncer.Rebuild(ctx, src, nil)
	reindex := time.Since(start)
	must(err)
	b.StopTimer()
	if n != indexed {
		b.Fatalf("rebuild indexed %d documents, want %d", n, indexed)
	}

	// The same documents straight into Meilisearch: all batches queued, then waited for.
	var docs [][]any
	must(src.Documents(ctx, 5000, func(batch []any) error { docs = append(docs, batch); return nil }))
	raw := search.Index{Name: "candidates_raw", PrimaryKey: "id", Settings: candidate.Index.Settings}
	must(sc.Bootstrap(ctx, raw))
	b.StartTimer()
	start = time.Now()
	pk := "id"
	var tasks []int64
	for _, batch := range docs {
		info, err := sc.Index(raw.Name).AddDocumentsWithContext(ctx, batch, &meilisearch.DocumentOptions{PrimaryKey: &pk})
		must(err)
		tasks = append(tasks, info.TaskUID)
	}
	for _, uid := range tasks {
		task, err := sc.Service().WaitForTaskWithContext(ctx, uid, 50*time.Millisecond)
		must(err)
		if task.Status != meilisearch.TaskStatusSucceeded {
			b.Fatalf("raw import task %d: %s", uid, task.Status)
		}
	}
	rawTime := time.Since(start)
	b.StopTimer()

	benchResult.seed, benchResult.reindex, benchResult.raw, benchResult.indexed = seed, reindex, rawTime, n
}
