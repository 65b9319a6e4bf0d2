package search

import (
	"context"
	"fmt"
	"time"

	"github.com/riverqueue/river"
)

// ReindexArgs asks a worker to rebuild one index from Postgres. It carries
// only the index name: never document contents, which may be personal data.
type ReindexArgs struct {
	Index string `json:"index"`
}

// Kind is River's name for the job.
func (ReindexArgs) Kind() string { return "search_reindex" }

// ReindexWorker runs ReindexArgs. While Meilisearch is down the job fails and
// River retries it with backoff, so the rebuild happens once it is back.
type ReindexWorker struct {
	river.WorkerDefaults[ReindexArgs]
	Client  *Client
	Sources map[string]Source
	// Sync, when set, rebuilds Syncer sources with Rebuild (no change lost
	// across the swap).
	Sync *SyncWorker
}

// Timeout allows a full rebuild of a large index.
func (w *ReindexWorker) Timeout(*river.Job[ReindexArgs]) time.Duration { return 30 * time.Minute }

// Work rebuilds the index.
func (w *ReindexWorker) Work(ctx context.Context, job *river.Job[ReindexArgs]) error {
	src, ok := w.Sources[job.Args.Index]
	if !ok {
		return river.JobCancel(fmt.Errorf("unknown index %q", job.Args.Index))
	}
	if syncer, ok := src.(Syncer); ok && w.Sync != nil {
		_, err := w.Sync.Rebuild(ctx, syncer, nil)
		return err
	}
	_, err := w.Client.Reindex(ctx, src)
	return err
}
