package search_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// memSource is a fixed set of documents: the pure part of a Source.
type memSource struct {
	docs []map[string]any
	fail error
}

var testIndex = search.Index{
	Name:       "things",
	PrimaryKey: "id",
	Settings: &meilisearch.Settings{
		SearchableAttributes: []string{"label"},
		FilterableAttributes: []string{"kind"},
	},
}

func (m memSource) Index() search.Index { return testIndex }

func (m memSource) Documents(_ context.Context, batch int, emit func([]any) error) error {
	for i := 0; i < len(m.docs); i += batch {
		end := min(i+batch, len(m.docs))
		out := make([]any, 0, end-i)
		for _, d := range m.docs[i:end] {
			out = append(out, d)
		}
		if err := emit(out); err != nil {
			return err
		}
	}
	return m.fail
}

func docs(n int, label string) []map[string]any {
	out := make([]map[string]any, n)
	for i := range out {
		out[i] = map[string]any{"id": fmt.Sprintf("d%d", i), "label": fmt.Sprintf("%s %d", label, i), "kind": "a"}
	}
	return out
}

func TestBootstrapIsIdempotentAndAppliesSettings(t *testing.T) {
	c := testkit.Search(t)
	ctx := testkit.Context(t)
	for i := 0; i < 2; i++ {
		if err := c.Bootstrap(ctx, testIndex); err != nil {
			t.Fatalf("bootstrap %d: %v", i, err)
		}
	}
	got, err := testkit.Meili(t).Index(c.UID("things")).GetFilterableAttributesWithContext(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || len(*got) != 1 || fmt.Sprint((*got)[0]) != "kind" {
		t.Fatalf("filterable attributes: %v", got)
	}
	if err := c.Health(ctx); err != nil {
		t.Fatalf("health: %v", err)
	}
}

// The app key reaches its own indexes only, and cannot manage keys.
func TestAppKeyIsScopedToPrefix(t *testing.T) {
	c := testkit.Search(t)
	ctx := testkit.Context(t)
	if err := c.Bootstrap(ctx, testIndex); err != nil {
		t.Fatal(err)
	}
	sm := c.Service()
	_, err := sm.CreateIndexWithContext(ctx, &meilisearch.IndexConfig{Uid: "not_ours_" + strings.TrimSuffix(c.Prefix(), "_")})
	if !isStatus(err, http.StatusForbidden) {
		t.Fatalf("creating an index outside the prefix: want 403, got %v", err)
	}
	_, err = sm.GetKeysWithContext(ctx, nil)
	if !isStatus(err, http.StatusForbidden) {
		t.Fatalf("listing keys with the app key: want 403, got %v", err)
	}
}

func TestReindexSwapsInAFreshIndex(t *testing.T) {
	c := testkit.Search(t)
	ctx := testkit.Context(t)
	n, err := c.Reindex(ctx, memSource{docs: docs(12000, "oud")})
	if err != nil || n != 12000 {
		t.Fatalf("first reindex: n=%d err=%v", n, err)
	}
	n, err = c.Reindex(ctx, memSource{docs: docs(3, "nieuw")})
	if err != nil || n != 3 {
		t.Fatalf("second reindex: n=%d err=%v", n, err)
	}
	stats, err := testkit.Meili(t).Index(c.UID("things")).GetStatsWithContext(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if stats.NumberOfDocuments != 3 {
		t.Fatalf("after swap the index holds %d documents, want 3", stats.NumberOfDocuments)
	}
	res, err := c.Index("things").SearchWithContext(ctx, "nieuw", &meilisearch.SearchRequest{Filter: "kind = a"})
	if err != nil || len(res.Hits) != 3 {
		t.Fatalf("settings survive the swap: hits=%v err=%v", res, err)
	}
	assertNoRebuildLeftovers(t, c)
}

func TestFailedReindexLeavesLiveIndexAlone(t *testing.T) {
	c := testkit.Search(t)
	ctx := testkit.Context(t)
	if _, err := c.Reindex(ctx, memSource{docs: docs(5, "goed")}); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("postgres went away")
	if _, err := c.Reindex(ctx, memSource{docs: docs(2, "half"), fail: boom}); !errors.Is(err, boom) {
		t.Fatalf("want the source's error, got %v", err)
	}
	stats, err := testkit.Meili(t).Index(c.UID("things")).GetStatsWithContext(ctx, nil)
	if err != nil || stats.NumberOfDocuments != 5 {
		t.Fatalf("live index changed by a failed rebuild: %+v %v", stats, err)
	}
	assertNoRebuildLeftovers(t, c)
}

func TestHealthFailsWhenUnreachable(t *testing.T) {
	c := search.New(search.Options{URL: "http://127.0.0.1:1", MasterKey: "x", Prefix: "p_"})
	if err := c.Health(testkit.Context(t)); err == nil {
		t.Fatal("health of an unreachable Meilisearch must fail")
	}
}

func assertNoRebuildLeftovers(t *testing.T, c *search.Client) {
	t.Helper()
	list, err := c.Service().ListIndexesWithContext(testkit.Context(t), &meilisearch.IndexesQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, ix := range list.Results {
		if strings.HasPrefix(ix.UID, c.Prefix()) && strings.Contains(ix.UID, "__rebuild") {
			t.Fatalf("rebuild index left behind: %s", ix.UID)
		}
	}
}

func isStatus(err error, status int) bool {
	var me *meilisearch.Error
	return errors.As(err, &me) && me.StatusCode == status
}

// Key management needs the master key, and refuses an MEILI_API_KEY that is
// not the key of this master key and prefix (it would be refused later, at
// every request).
func TestEnsureKeyChecksItsKeys(t *testing.T) {
	ctx := testkit.Context(t)
	noMaster := search.New(search.Options{URL: "http://127.0.0.1:1", APIKey: "k", Prefix: "p_"})
	if err := noMaster.EnsureKey(ctx); err == nil || !strings.Contains(err.Error(), "MEILI_MASTER_KEY") {
		t.Fatalf("EnsureKey without the master key: want an error naming MEILI_MASTER_KEY, got %v", err)
	}
	foreign := search.New(search.Options{URL: "http://127.0.0.1:1", MasterKey: "m", APIKey: search.AppKey("m", "other_"), Prefix: "p_"})
	if err := foreign.EnsureKey(ctx); err == nil || !strings.Contains(err.Error(), "MEILI_API_KEY") {
		t.Fatalf("EnsureKey with another prefix's key: want an error naming MEILI_API_KEY, got %v", err)
	}
	if search.AppKey("m", "p_") == search.AppKey("m", "other_") || search.AppKey("m", "p_") == search.AppKey("n", "p_") {
		t.Fatal("the app key must differ per prefix and per master key")
	}
}
