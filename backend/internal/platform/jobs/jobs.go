// Package jobs runs Werkhaven's background work on River, in the same
// PostgreSQL as the data. A change and the jobs that follow from it (index
// sync, mail, Stripe follow-ups) are inserted in one transaction: if the
// change commits, its jobs exist; if it rolls back, they never did.
package jobs

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// ErrNotInTransaction is returned when InsertTx gets a GORM handle that is
// not inside a transaction: inserting then would break "nothing lost".
var ErrNotInTransaction = errors.New("jobs: insert needs a transaction")

// Options configure the client.
type Options struct {
	// Workers are every worker of the process; inserts check job kinds
	// against them.
	Workers *river.Workers
	// Work makes Start work jobs; without it the client only inserts, which
	// is what a web-only replica or a CLI command needs.
	Work bool
	// MaxWorkers on the default queue.
	MaxWorkers   int
	PeriodicJobs []*river.PeriodicJob
	Logger       *slog.Logger
}

// Client inserts jobs inside GORM transactions and, when it has workers,
// works them.
type Client struct {
	db       *database.DB
	inserter *river.Client[*sql.Tx]
	worker   *river.Client[pgx.Tx] // inserts with pgx; works jobs when working
	working  bool
}

// New builds a client.
func New(db *database.DB, opts Options) (*Client, error) {
	sqlDB, err := db.Gorm.DB()
	if err != nil {
		return nil, fmt.Errorf("jobs: %w", err)
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	// The insert-only client speaks database/sql so it can join GORM's
	// transactions; it needs to know the workers to validate job kinds.
	inserter, err := river.NewClient(riverdatabasesql.New(sqlDB), &river.Config{Logger: log, Workers: opts.Workers})
	if err != nil {
		return nil, fmt.Errorf("jobs: insert client: %w", err)
	}
	c := &Client{db: db, inserter: inserter}
	rcfg := &river.Config{Logger: log, Workers: opts.Workers}
	if opts.Work && opts.Workers != nil {
		maxWorkers := opts.MaxWorkers
		if maxWorkers < 1 {
			maxWorkers = 10
		}
		rcfg.Queues = map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: maxWorkers}}
		rcfg.PeriodicJobs = opts.PeriodicJobs
		c.working = true
	}
	worker, err := river.NewClient(riverpgxv5.New(db.Pool), rcfg)
	if err != nil {
		return nil, fmt.Errorf("jobs: worker client: %w", err)
	}
	c.worker = worker
	return c, nil
}

// InsertTx inserts a job as part of the transaction tx (a GORM handle from
// db.Transaction). The job becomes visible only if tx commits.
func (c *Client) InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs, opts *river.InsertOpts) error {
	sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return ErrNotInTransaction
	}
	if _, err := c.inserter.InsertTx(ctx, sqlTx, args, opts); err != nil {
		return fmt.Errorf("insert job %s: %w", args.Kind(), err)
	}
	return nil
}

// InsertPgxTx is InsertTx for code that runs its transaction on pgx.
func (c *Client) InsertPgxTx(ctx context.Context, tx pgx.Tx, args river.JobArgs, opts *river.InsertOpts) error {
	if _, err := c.worker.InsertTx(ctx, tx, args, opts); err != nil {
		return fmt.Errorf("insert job %s: %w", args.Kind(), err)
	}
	return nil
}

// Insert inserts a job on its own, for work that follows no data change
// (an operator's `reindex`, a scheduled sweep).
func (c *Client) Insert(ctx context.Context, args river.JobArgs, opts *river.InsertOpts) error {
	if _, err := c.inserter.Insert(ctx, args, opts); err != nil {
		return fmt.Errorf("insert job %s: %w", args.Kind(), err)
	}
	return nil
}

// Start begins working jobs; it is a no-op without workers.
func (c *Client) Start(ctx context.Context) error {
	if !c.working {
		return nil
	}
	return c.worker.Start(ctx)
}

// Stop lets running jobs finish (until ctx ends), then cancels the rest; they
// are retried later, by this or another replica.
func (c *Client) Stop(ctx context.Context) error {
	if !c.working {
		return nil
	}
	err := c.worker.Stop(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		cancelCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return c.worker.StopAndCancel(cancelCtx)
	}
	return err
}

// Counts returns the number of jobs per state, for /metrics.
func (c *Client) Counts(ctx context.Context) (map[string]int64, error) {
	rows, err := c.db.Pool.Query(ctx, `SELECT state::text, count(*) FROM river_job GROUP BY state`)
	if err != nil {
		return nil, fmt.Errorf("count jobs: %w", err)
	}
	counts := map[string]int64{}
	for rows.Next() {
		var state string
		var n int64
		if err := rows.Scan(&state, &n); err != nil {
			return nil, err
		}
		counts[state] = n
	}
	return counts, rows.Err()
}

// Deferred inserts through a Client that is created after the workers that
// need it (a worker that queues follow-up jobs): set C once the client exists.
type Deferred struct{ C *Client }

// InsertTx inserts args in tx through the client set in C.
func (d *Deferred) InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs, opts *river.InsertOpts) error {
	if d.C == nil {
		return errors.New("jobs: deferred inserter used before its client was set")
	}
	return d.C.InsertTx(ctx, tx, args, opts)
}
