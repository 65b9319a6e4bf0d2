package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// counter is a search source that knows how many documents it will emit.
type counter interface {
	Count(ctx context.Context) (int, error)
}

// newProgress reports a reindex's progress on w at most twice a second:
// documents indexed, rate, and (when the total is known) the time left.
func newProgress(ctx context.Context, w io.Writer, name string, src search.Source) (report func(done int), finish func()) {
	total := 0
	if c, ok := src.(counter); ok {
		total, _ = c.Count(ctx)
	}
	start := time.Now()
	var last time.Time
	printed := false
	report = func(done int) {
		now := time.Now()
		if now.Sub(last) < 500*time.Millisecond && done != total {
			return
		}
		last, printed = now, true
		elapsed := now.Sub(start)
		rate := float64(done) / max(elapsed.Seconds(), 0.001)
		line := fmt.Sprintf("%s: %d documents indexed, %.0f/s, %s elapsed", name, done, rate, elapsed.Round(time.Second))
		if total > 0 && rate > 0 {
			left := time.Duration(float64(max(total-done, 0)) / rate * float64(time.Second))
			line = fmt.Sprintf("%s: %d of %d documents (%d%%), %.0f/s, about %s left", name, done, total, done*100/total, rate, left.Round(time.Second))
		}
		fmt.Fprintf(w, "\r%-100s", line)
	}
	finish = func() {
		if printed {
			fmt.Fprintln(w)
		}
	}
	return report, finish
}
