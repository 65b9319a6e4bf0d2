package search

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lib/pq"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Syncer is a Source that can also load the current documents of some ids,
// for the outbox, keyed by id: ids it returns no document for are removed
// from the index (deleted, withdrawn, not published).
type Syncer interface {
	Source
	Load(ctx context.Context, db *gorm.DB, ids []string) (map[string]any, error)
	// ChangedSince lists ids whose documents may have changed since t; after
	// a rebuild is swapped in, they are synced again, so a change made while
	// the rebuild read Postgres is not lost.
	ChangedSince(ctx context.Context, db *gorm.DB, t time.Time) ([]string, error)
}

// Inserter inserts a job in the caller's transaction (jobs.Client).
type Inserter interface {
	InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs, opts *river.InsertOpts) error
}

// outboxRow marks one document as changed; a burst of changes to the same
// document is one row (coalesced), synced once.
type outboxRow struct {
	IndexName string    `gorm:"primaryKey"`
	DocID     string    `gorm:"primaryKey"`
	ChangedAt time.Time `gorm:"default:clock_timestamp()"`
	Version   int64     `gorm:"default:nextval('search_outbox_version')"`
}

func (outboxRow) TableName() string { return "search_outbox" }

// SyncArgs asks a worker to drain the outbox of one index. It carries the
// index name only; the outbox holds ids, never document contents.
type SyncArgs struct {
	Index string `json:"index"`
}

// Kind is River's name for the job.
func (SyncArgs) Kind() string { return "search_sync" }

// Sync jobs are not unique: River's unique jobs count a running job as a
// duplicate, so a change committed after a running drain read the outbox
// would wait for the next sweep. Instead every change queues a job; the
// outbox coalesces the documents, the advisory lock serialises drains, and
// a job that finds the outbox empty costs one query.

// Enqueue marks documents of index as changed, in the caller's transaction,
// and queues the index's sync job. Commit the change and the sync happens
// (now, or when Meilisearch is back); roll it back and nothing was queued.
func Enqueue(ctx context.Context, tx *gorm.DB, q Inserter, index string, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	rows := make([]outboxRow, len(ids))
	for i, id := range ids {
		rows[i] = outboxRow{IndexName: index, DocID: id}
	}
	err := tx.WithContext(ctx).Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "index_name"}, {Name: "doc_id"}},
		DoUpdates: clause.Assignments(map[string]any{"changed_at": gorm.Expr("clock_timestamp()"), "version": gorm.Expr("nextval('search_outbox_version')")}),
	}).Omit("changed_at", "version").CreateInBatches(&rows, 1000).Error
	if err != nil {
		return fmt.Errorf("search outbox: %w", err)
	}
	return q.InsertTx(ctx, tx, SyncArgs{Index: index}, nil)
}

// SyncWorker drains an index's outbox: it reads the current documents of a
// batch of ids from Postgres, puts or removes them in Meilisearch, waits for
// the tasks, and deletes the outbox rows that did not change meanwhile (a
// row changed during the sync stays and is synced again). When Meilisearch
// is down the job fails and River retries; the outbox keeps every change.
type SyncWorker struct {
	river.WorkerDefaults[SyncArgs]
	DB      *gorm.DB
	Client  *Client
	Sources map[string]Syncer
	// Batch is the number of documents per Meilisearch call (default 1000).
	Batch int
}

// Timeout bounds one drain.
func (w *SyncWorker) Timeout(*river.Job[SyncArgs]) time.Duration { return 10 * time.Minute }

// Work drains the outbox of the job's index. When another drain of the
// index holds the lock, the job is done: that drain looks at the outbox
// again after it lets go of the lock (Drain), so it syncs this job's
// change too, without the job waiting.
func (w *SyncWorker) Work(ctx context.Context, job *river.Job[SyncArgs]) error {
	src, ok := w.Sources[job.Args.Index]
	if !ok {
		return river.JobCancel(fmt.Errorf("unknown index %q", job.Args.Index))
	}
	if _, err := w.Drain(ctx, src); err != nil && !errors.Is(err, ErrBusy) {
		return err
	}
	return nil
}

// ErrBusy: another drain of the index holds the lock.
var ErrBusy = errors.New("another drain of this index is running")

// Drain syncs every pending document of src's index and returns how many.
// One drain per index runs at a time (a transaction-scoped advisory lock,
// taken without waiting: ErrBusy), so an older read never overwrites a
// newer one in Meilisearch. After letting go of the lock it looks at the
// outbox once more and drains again if a row is there: a change whose
// job found the lock taken (and ended, see Work) committed before that
// look, so it is never left waiting for the sweep. Another drain holding
// the lock by then does the same when it lets go.
func (w *SyncWorker) Drain(ctx context.Context, src Syncer) (int, error) {
	total := 0
	for {
		err := w.DB.WithContext(ctx).Transaction(func(lock *gorm.DB) error {
			var got bool
			if err := lock.Raw(`SELECT pg_try_advisory_xact_lock(hashtextextended('search_sync:' || ?, 0))`, src.Index().Name).Scan(&got).Error; err != nil {
				return err
			}
			if !got {
				return ErrBusy
			}
			n, err := w.drain(ctx, src)
			total += n
			return err
		})
		if err != nil {
			if errors.Is(err, ErrBusy) && total > 0 {
				return total, nil // the holder looks again when it lets go
			}
			return total, err
		}
		var pending bool
		if err := w.DB.WithContext(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM search_outbox WHERE index_name = ?)`, src.Index().Name).Scan(&pending).Error; err != nil {
			return total, err
		}
		if !pending {
			return total, nil
		}
	}
}

func (w *SyncWorker) drain(ctx context.Context, src Syncer) (int, error) {
	batch := w.Batch
	if batch <= 0 {
		batch = 1000
	}
	ix := src.Index()
	total := 0
	for {
		var rows []outboxRow
		if err := w.DB.WithContext(ctx).Where("index_name = ?", ix.Name).Order("changed_at").Limit(batch).Find(&rows).Error; err != nil {
			return total, err
		}
		if len(rows) == 0 {
			return total, nil
		}
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = r.DocID
		}
		byID, err := src.Load(ctx, w.DB.WithContext(ctx), ids)
		if err != nil {
			return total, err
		}
		docs := make([]any, 0, len(byID))
		var remove []string
		for _, id := range ids {
			if d, ok := byID[id]; ok {
				docs = append(docs, d)
			} else {
				remove = append(remove, id)
			}
		}
		if err := w.Client.Put(ctx, ix, docs...); err != nil {
			return total, err
		}
		if err := w.Client.Remove(ctx, ix, remove...); err != nil {
			return total, err
		}
		// While a rebuild runs, these documents went into the old index:
		// note them so the rebuild syncs them again after its swap. (The
		// drain lock, held here, keeps the rebuild from finishing meanwhile.)
		if err := w.DB.WithContext(ctx).Exec(`INSERT INTO search_rebuild_touched (index_name, doc_id)
			SELECT ?, unnest(?::text[]) WHERE EXISTS (SELECT 1 FROM search_rebuilds WHERE index_name = ?)
			ON CONFLICT DO NOTHING`, ix.Name, pq.Array(ids), ix.Name).Error; err != nil {
			return total, err
		}
		versions := make([]int64, len(rows))
		for i, r := range rows {
			versions[i] = r.Version
		}
		// A row whose version moved on changed during this sync: it stays.
		// (doc_id = ANY finds the rows by primary key whatever the planner
		// knows of the table; the pairs then check the versions.)
		if err := w.DB.WithContext(ctx).Exec(`DELETE FROM search_outbox WHERE index_name = ? AND doc_id = ANY(?::text[])
			AND (doc_id, version) IN (SELECT * FROM unnest(?::text[], ?::bigint[]))`, ix.Name, pq.Array(ids), pq.Array(ids), pq.Array(versions)).Error; err != nil {
			return total, err
		}
		total += len(rows)
	}
}

// Rebuild rebuilds src's index from Postgres into a fresh index and swaps it
// in (Reindex) without losing an update made meanwhile: while it runs, drains
// note the documents they put into the old index (search_rebuild_touched);
// after the swap, holding the drain lock so no drain is half-way, the
// rebuild queues those and every document changed since it began
// (Syncer.ChangedSince) for syncing again, then drains.
func (w *SyncWorker) Rebuild(ctx context.Context, src Syncer, progress func(done int)) (int, error) {
	name := src.Index().Name
	// A rebuild left behind by a crash (over an hour old) is taken over.
	var start time.Time
	err := w.DB.WithContext(ctx).Raw(`INSERT INTO search_rebuilds (index_name) VALUES (?)
		ON CONFLICT (index_name) DO UPDATE SET started_at = clock_timestamp()
		WHERE search_rebuilds.started_at < clock_timestamp() - interval '1 hour' RETURNING started_at`, name).Scan(&start).Error
	if err != nil {
		return 0, fmt.Errorf("start rebuild of %s: %w", name, err)
	}
	if start.IsZero() {
		return 0, fmt.Errorf("a rebuild of %s is already running", name)
	}
	n, err := w.Client.ReindexWithProgress(ctx, src, progress)
	if err != nil {
		// The touched documents stay in the old index, which is still live.
		db := w.DB.WithContext(context.WithoutCancel(ctx))
		db.Exec(`DELETE FROM search_rebuild_touched WHERE index_name = ?`, name)
		db.Exec(`DELETE FROM search_rebuilds WHERE index_name = ?`, name)
		return 0, err
	}
	for {
		err = w.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var got bool
			if err := tx.Raw(`SELECT pg_try_advisory_xact_lock(hashtextextended('search_sync:' || ?, 0))`, name).Scan(&got).Error; err != nil {
				return err
			}
			if !got {
				return ErrBusy
			}
			ids, err := src.ChangedSince(ctx, tx, start.Add(-time.Minute))
			if err != nil {
				return err
			}
			var touched []string
			if err := tx.Raw(`DELETE FROM search_rebuild_touched WHERE index_name = ? RETURNING doc_id`, name).Scan(&touched).Error; err != nil {
				return err
			}
			if err := tx.Exec(`DELETE FROM search_rebuilds WHERE index_name = ?`, name).Error; err != nil {
				return err
			}
			ids = append(ids, touched...)
			if len(ids) == 0 {
				return nil
			}
			rows := make([]outboxRow, len(ids))
			for i, id := range ids {
				rows[i] = outboxRow{IndexName: name, DocID: id}
			}
			return tx.Clauses(clause.OnConflict{DoNothing: true}).Omit("changed_at", "version").CreateInBatches(&rows, 1000).Error
		})
		if !errors.Is(err, ErrBusy) {
			break
		}
		select {
		case <-ctx.Done():
			return n, ctx.Err()
		case <-time.After(100 * time.Millisecond):
		}
	}
	if err != nil {
		return n, err
	}
	for {
		if _, err = w.Drain(ctx, src); !errors.Is(err, ErrBusy) {
			return n, err
		}
		select {
		case <-ctx.Done():
			return n, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// SweepArgs drains every index with pending documents: a safety net for a
// change whose own job was coalesced into a sync that had already read the
// outbox, and for changes queued by Rebuild.
type SweepArgs struct{}

// Kind is River's name for the job.
func (SweepArgs) Kind() string { return "search_sweep" }

// SweepWorker runs SweepArgs with the SyncWorker's sources.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Sync *SyncWorker
}

// Work drains each index that has outbox rows.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	var names []string
	if err := w.Sync.DB.WithContext(ctx).Model(&outboxRow{}).Distinct("index_name").Pluck("index_name", &names).Error; err != nil {
		return err
	}
	for _, n := range names {
		if src, ok := w.Sync.Sources[n]; ok {
			// A busy index is being drained right now: nothing to do.
			if _, err := w.Sync.Drain(ctx, src); err != nil && !errors.Is(err, ErrBusy) {
				return err
			}
		}
	}
	return nil
}

// PeriodicJobs sweeps the outbox every 30 seconds.
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(30*time.Second), func() (river.JobArgs, *river.InsertOpts) {
		return SweepArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
			rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning, rivertype.JobStateScheduled, rivertype.JobStateRetryable}}}
	}, &river.PeriodicJobOpts{RunOnStart: true})}
}
