package jobs_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

type pingArgs struct {
	Note string `json:"note"`
}

func (pingArgs) Kind() string { return "test_ping" }

type pingWorker struct {
	river.WorkerDefaults[pingArgs]
	done chan string
}

func (w *pingWorker) Work(_ context.Context, job *river.Job[pingArgs]) error {
	w.done <- job.Args.Note
	return nil
}

func countJobs(t *testing.T, db *gorm.DB, note string) int64 {
	t.Helper()
	var n int64
	if err := db.Raw(`SELECT count(*) FROM river_job WHERE kind = 'test_ping' AND args->>'note' = ?`, note).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// A job inserted in a transaction exists only if the transaction commits,
// and a working client then runs it.
func TestInsertTxCommitsWithTheChange(t *testing.T) {
	db := testkit.DB(t)
	ctx := testkit.Context(t)
	w := &pingWorker{done: make(chan string, 4)}
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	q, err := jobs.New(db, jobs.Options{Workers: workers, Work: true, Logger: testkit.Logger()})
	if err != nil {
		t.Fatal(err)
	}

	errRollback := errors.New("rollback")
	err = db.Gorm.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO regions (slug, name) VALUES ('rolled-back', 'Teruggedraaid')`).Error; err != nil {
			return err
		}
		if err := q.InsertTx(ctx, tx, pingArgs{Note: "rolled-back"}, nil); err != nil {
			return err
		}
		return errRollback
	})
	if !errors.Is(err, errRollback) {
		t.Fatalf("expected rollback, got %v", err)
	}
	if n := countJobs(t, db.Gorm, "rolled-back"); n != 0 {
		t.Fatalf("a rolled-back transaction left %d jobs", n)
	}

	err = db.Gorm.Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`INSERT INTO regions (slug, name) VALUES ('committed', 'Vastgelegd')`).Error; err != nil {
			return err
		}
		return q.InsertTx(ctx, tx, pingArgs{Note: "committed"}, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := countJobs(t, db.Gorm, "committed"); n != 1 {
		t.Fatalf("want 1 committed job, got %d", n)
	}

	if err := q.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = q.Stop(context.Background()) })
	select {
	case note := <-w.done:
		if note != "committed" {
			t.Fatalf("worked %q, want committed", note)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("the committed job was not worked within 15 s")
	}
	counts, err := q.Counts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if counts["completed"]+counts["running"] < 1 {
		t.Fatalf("job counts do not show the job: %v", counts)
	}
}

func TestInsertTxRefusesOutsideTransaction(t *testing.T) {
	db := testkit.DB(t)
	q, err := jobs.New(db, jobs.Options{Logger: testkit.Logger()})
	if err != nil {
		t.Fatal(err)
	}
	err = q.InsertTx(testkit.Context(t), db.Gorm, pingArgs{Note: "x"}, nil)
	if !errors.Is(err, jobs.ErrNotInTransaction) {
		t.Fatalf("want ErrNotInTransaction, got %v", err)
	}
}
