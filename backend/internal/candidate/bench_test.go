package candidate_test

import (
	"sync"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

const benchCandidates = 100_000

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
	must := func(err error) {
		b.Helper()
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	pop := testkit.SeedCandidates(b, db, benchCandidates)
	seed := pop.Seed

	// Rebuild the index from Postgres (the outbox is for live changes: empty it first).
	b.StopTimer()
	must(g.Exec(`DELETE FROM search_outbox`).Error)
	src := candidate.Source{DB: g, Skills: skills}
	indexed, err := src.Count(ctx)
	must(err)
	must(sc.Bootstrap(ctx, candidate.Index))
	syncer := &search.SyncWorker{DB: g, Client: sc, Sources: map[string]search.Syncer{candidate.IndexName: src}}
	b.StartTimer()
	start := time.Now()
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
