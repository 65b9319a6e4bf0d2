package search

import (
	"context"
	"fmt"
	"time"

	"github.com/meilisearch/meilisearch-go"
)

// Index describes one Meilisearch index Werkhaven keeps.
type Index struct {
	// Name without the prefix, e.g. "occupations".
	Name       string
	PrimaryKey string
	Settings   *meilisearch.Settings
	// Filterable, when set, are the filterable attributes in Meilisearch's
	// granular form (instead of Settings.FilterableAttributes): each
	// compared by range or only by equality, none searchable by facet.
	Filterable []Filterable
	// FiltersOnly makes nothing searchable by words and turns prefix and
	// facet search off: an index read by filters and sorts alone indexes
	// no word it will never be asked for.
	FiltersOnly bool
}

// Filterable are attributes filtered alike.
type Filterable struct {
	Attributes []string
	// Ranges allows <, <=, >, >= and TO besides equality (numbers).
	Ranges bool
}

// tune puts the settings meilisearch.Settings cannot say (an empty list
// and false are left out of its JSON) and the granular filterable
// attributes, one task each, waiting for each.
func (c *Client) tune(ctx context.Context, uid string, ix Index) error {
	idx := c.app.Index(uid)
	var steps []func() (*meilisearch.TaskInfo, error)
	if ix.Filterable != nil {
		rules := make([]interface{}, len(ix.Filterable))
		for i, f := range ix.Filterable {
			rules[i] = map[string]any{"attributePatterns": f.Attributes,
				"features": map[string]any{"facetSearch": false, "filter": map[string]bool{"equality": true, "comparison": f.Ranges}}}
		}
		steps = append(steps, func() (*meilisearch.TaskInfo, error) { return idx.UpdateFilterableAttributesWithContext(ctx, &rules) })
	}
	if ix.FiltersOnly {
		steps = append(steps,
			func() (*meilisearch.TaskInfo, error) {
				return idx.UpdateSearchableAttributesWithContext(ctx, &[]string{})
			},
			func() (*meilisearch.TaskInfo, error) { return idx.UpdatePrefixSearchWithContext(ctx, "disabled") },
			func() (*meilisearch.TaskInfo, error) { return idx.UpdateFacetSearchWithContext(ctx, false) })
	}
	for _, step := range steps {
		info, err := step()
		if err := c.wait(ctx, info, err); err != nil {
			return fmt.Errorf("settings of index %s: %w", uid, err)
		}
	}
	return nil
}

// Source produces every document of an index from Postgres, for Reindex.
type Source interface {
	Index() Index
	// Documents calls emit with successive batches of at most batch documents.
	Documents(ctx context.Context, batch int, emit func(docs []any) error) error
}

// Provision is what `werkhaven migrate` does with the master key: it creates
// the app's scoped key (EnsureKey), deletes Meilisearch's default keys
// (RemoveDefaultKeys, whose names it returns) and then, with the app key,
// puts every index in place (Bootstrap). Re-running it changes nothing.
func (c *Client) Provision(ctx context.Context, indexes ...Index) (removed []string, err error) {
	if err := c.EnsureKey(ctx); err != nil {
		return nil, err
	}
	if removed, err = c.RemoveDefaultKeys(ctx); err != nil {
		return removed, err
	}
	return removed, c.Bootstrap(ctx, indexes...)
}

// Bootstrap makes sure every index exists with its settings, waiting for
// Meilisearch to finish, with the app key (serve runs it at start). The key
// must exist (Provision). Re-running it changes nothing.
func (c *Client) Bootstrap(ctx context.Context, indexes ...Index) error {
	for _, ix := range indexes {
		if err := c.ensureIndex(ctx, c.UID(ix.Name), ix); err != nil {
			return err
		}
	}
	return nil
}

func (c *Client) ensureIndex(ctx context.Context, uid string, ix Index) error {
	if _, err := c.app.GetIndexWithContext(ctx, uid); err != nil {
		if !isNotFound(err) {
			return fmt.Errorf("read index %s: %w", uid, err)
		}
		info, err := c.app.CreateIndexWithContext(ctx, &meilisearch.IndexConfig{Uid: uid, PrimaryKey: ix.PrimaryKey})
		if err := c.wait(ctx, info, err); err != nil {
			return fmt.Errorf("create index %s: %w", uid, err)
		}
	}
	if ix.Settings != nil {
		info, err := c.app.Index(uid).UpdateSettingsWithContext(ctx, ix.Settings)
		if err := c.wait(ctx, info, err); err != nil {
			return fmt.Errorf("settings of index %s: %w", uid, err)
		}
	}
	return c.tune(ctx, uid, ix)
}

// Reindex rebuilds the source's index from Postgres into a fresh index and
// swaps it in atomically: searches see the old index until the new one is
// complete. It returns the number of documents indexed.
func (c *Client) Reindex(ctx context.Context, src Source) (int, error) {
	return c.ReindexWithProgress(ctx, src, nil)
}

// ReindexWithProgress is Reindex calling progress with the number of
// documents Meilisearch has indexed so far, after each batch.
func (c *Client) ReindexWithProgress(ctx context.Context, src Source, progress func(done int)) (int, error) {
	ix := src.Index()
	live := c.UID(ix.Name)
	fresh := fmt.Sprintf("%s__rebuild_%d", live, time.Now().UnixNano())
	if err := c.ensureIndex(ctx, fresh, ix); err != nil {
		return 0, err
	}
	cleanup := func() {
		// Best effort: a leftover rebuild index holds no data Postgres lacks.
		delCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer cancel()
		info, err := c.app.DeleteIndexWithContext(delCtx, fresh)
		_ = c.wait(delCtx, info, err)
	}
	total := 0
	var pending []*meilisearch.TaskInfo
	var sizes []int
	err := src.Documents(ctx, 5000, func(docs []any) error {
		if len(docs) == 0 {
			return nil
		}
		pk := ix.PrimaryKey
		info, err := c.app.Index(fresh).AddDocumentsWithContext(ctx, docs, &meilisearch.DocumentOptions{PrimaryKey: &pk})
		if err != nil {
			return fmt.Errorf("add documents to %s: %w", fresh, err)
		}
		pending = append(pending, info)
		sizes = append(sizes, len(docs))
		total += len(docs)
		return nil
	})
	if err == nil {
		done := 0
		for i, info := range pending {
			if err = c.wait(ctx, info, nil); err != nil {
				break
			}
			done += sizes[i]
			if progress != nil {
				progress(done)
			}
		}
	}
	if err != nil {
		cleanup()
		return 0, fmt.Errorf("reindex %s: %w", live, err)
	}
	if err := c.ensureIndex(ctx, live, Index{Name: ix.Name, PrimaryKey: ix.PrimaryKey}); err != nil {
		cleanup()
		return 0, err
	}
	if err := c.swap(ctx, live, fresh); err != nil {
		cleanup()
		return 0, fmt.Errorf("swap %s: %w", live, err)
	}
	return total, nil
}

// swap swaps fresh into live and deletes fresh (now the old index), with the
// app key alone. Meilisearch hides swap tasks from a key scoped to some
// indexes, so the swap's own task cannot be waited for. Instead: Meilisearch
// runs tasks in the order they were enqueued and never batches a swap with
// another task, so once the deletion of fresh (enqueued after the swap) is
// done, so is the swap; and an index keeps its creation time across a swap,
// so live carries fresh's creation time if, and only if, the swap succeeded.
func (c *Client) swap(ctx context.Context, live, fresh string) error {
	rebuilt, err := c.app.GetIndexWithContext(ctx, fresh)
	if err != nil {
		return fmt.Errorf("read index %s: %w", fresh, err)
	}
	if _, err := c.app.SwapIndexesWithContext(ctx, []*meilisearch.SwapIndexesParams{{Indexes: []string{live, fresh}}}); err != nil {
		return err
	}
	info, err := c.app.DeleteIndexWithContext(ctx, fresh)
	if err := c.wait(ctx, info, err); err != nil {
		return fmt.Errorf("delete the old index after the swap: %w", err)
	}
	now, err := c.app.GetIndexWithContext(ctx, live)
	if err != nil {
		return fmt.Errorf("read index %s: %w", live, err)
	}
	if !now.CreatedAt.Equal(rebuilt.CreatedAt) {
		return fmt.Errorf("the swap did not take effect: %s is not the rebuilt index", live)
	}
	return nil
}
