package matching

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"gorm.io/gorm"
)

// View is one candidate seen in one pool page.
type View struct {
	RegionID, OpeningID, OrganisationID, CandidateID, ViewerRole string
	ViewedAt                                                     time.Time
}

func (View) TableName() string { return "pool_views" }

// Recorder writes pool views in batches in the background, so recording
// never slows a pool response: Record only appends to a buffer.
type Recorder struct {
	DB  *gorm.DB
	Log *slog.Logger

	mu      sync.Mutex
	pending []View
	wake    chan struct{}
	done    chan struct{}
}

// NewRecorder starts a recorder that flushes every interval (or sooner when
// 500 views are waiting) until ctx ends; Close flushes what is left.
func NewRecorder(ctx context.Context, db *gorm.DB, log *slog.Logger, interval time.Duration) *Recorder {
	r := &Recorder{DB: db, Log: log, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go r.loop(ctx, interval)
	return r
}

// Record queues views; it never blocks on the database.
func (r *Recorder) Record(views ...View) {
	if r == nil || len(views) == 0 {
		return
	}
	r.mu.Lock()
	r.pending = append(r.pending, views...)
	full := len(r.pending) >= 500
	r.mu.Unlock()
	if full {
		select {
		case r.wake <- struct{}{}:
		default:
		}
	}
}

func (r *Recorder) loop(ctx context.Context, interval time.Duration) {
	defer close(r.done)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			r.Flush(context.WithoutCancel(ctx))
			return
		case <-t.C:
		case <-r.wake:
		}
		r.Flush(ctx)
	}
}

// Flush writes the waiting views now. A failed write keeps them for the next
// flush (bounded: beyond 100,000 waiting views the oldest are dropped and logged).
func (r *Recorder) Flush(ctx context.Context) {
	r.mu.Lock()
	batch := r.pending
	r.pending = nil
	r.mu.Unlock()
	if len(batch) == 0 {
		return
	}
	if err := r.DB.WithContext(ctx).CreateInBatches(&batch, 1000).Error; err != nil {
		r.mu.Lock()
		r.pending = append(batch, r.pending...)
		if over := len(r.pending) - 100_000; over > 0 {
			r.pending = r.pending[over:]
			if r.Log != nil {
				r.Log.Error("pool views dropped: the database refused them too long", "dropped", over)
			}
		}
		r.mu.Unlock()
		if r.Log != nil {
			r.Log.Warn("pool views not written yet; retrying", "error", err)
		}
	}
}

// Wait blocks until the recorder has stopped (after its context ended).
func (r *Recorder) Wait() { <-r.done }
