package search_test

import (
	"context"
	"testing"

	"github.com/meilisearch/meilisearch-go"
	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// noJobs stands in for the job client: the test drains the outbox itself.
type noJobs struct{}

func (noJobs) InsertTx(context.Context, *gorm.DB, river.JobArgs, *river.InsertOpts) error { return nil }

// serve and its River jobs hold only the app's scoped key (MEILI_API_KEY),
// never the master key: the index bootstrap, a change synced through the
// outbox, a search and a rebuild swapped in must all work with it alone.
func TestServePathWorksWithTheScopedKeyAlone(t *testing.T) {
	ctx := testkit.Context(t)
	url, master, prefix := testkit.MeiliURL(t), testkit.MeiliMasterKey(t), testkit.SearchPrefix(t)
	// What `werkhaven migrate` does with the master key.
	if err := search.New(search.Options{URL: url, MasterKey: master, Prefix: prefix}).EnsureKey(ctx); err != nil {
		t.Fatal(err)
	}
	scoped := search.New(search.Options{URL: url, APIKey: search.AppKey(master, prefix), Prefix: prefix})

	db := testkit.DB(t)
	g := db.Gorm
	if err := g.Exec(`CREATE TABLE things (id text PRIMARY KEY, val int NOT NULL, updated_at timestamptz NOT NULL DEFAULT clock_timestamp())`).Error; err != nil {
		t.Fatal(err)
	}
	if err := scoped.Bootstrap(ctx, thingsIndex); err != nil {
		t.Fatalf("bootstrap with the scoped key: %v", err)
	}
	src := things{db: g}
	worker := &search.SyncWorker{DB: g, Client: scoped, Sources: map[string]search.Syncer{"things": src}}
	put := func(id string, val int) {
		t.Helper()
		err := g.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(`INSERT INTO things (id, val) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET val = EXCLUDED.val, updated_at = clock_timestamp()`, id, val).Error; err != nil {
				return err
			}
			return search.Enqueue(ctx, tx, noJobs{}, "things", id)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	count := func(filter string) int64 {
		t.Helper()
		res, err := scoped.Index("things").SearchWithContext(ctx, "", &meilisearch.SearchRequest{Filter: filter})
		if err != nil {
			t.Fatalf("search with the scoped key: %v", err)
		}
		return res.EstimatedTotalHits
	}

	put("a", 2)
	if n, err := worker.Drain(ctx, src); err != nil || n != 1 {
		t.Fatalf("drain with the scoped key: n=%d err=%v", n, err)
	}
	if got := count("val = 2"); got != 1 {
		t.Fatalf("the synced document is not found: %d hits", got)
	}

	// A rebuild swaps a fresh index in; a change made meanwhile survives.
	put("b", 4)
	if err := g.Exec(`INSERT INTO things (id, val) VALUES ('c', 6)`).Error; err != nil {
		t.Fatal(err)
	}
	n, err := worker.Rebuild(ctx, src, nil)
	if err != nil || n != 3 {
		t.Fatalf("rebuild with the scoped key: n=%d err=%v", n, err)
	}
	if got := count("val >= 2"); got != 3 {
		t.Fatalf("after the swap the index holds %d documents, want 3", got)
	}
	assertNoRebuildLeftovers(t, scoped)
}
