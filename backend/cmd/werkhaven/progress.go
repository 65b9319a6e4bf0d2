package main

import (
	"fmt"
	"io"
	"time"
)

// newProgress reports a reindex's progress on w: documents, rate and
// elapsed time, at most every half second.
func newProgress(w io.Writer, name string) func(done int) {
	start := time.Now()
	var last time.Time
	return func(done int) {
		now := time.Now()
		if now.Sub(last) < 500*time.Millisecond {
			return
		}
		last = now
		secs := now.Sub(start).Seconds()
		rate := float64(done) / max(secs, 0.001)
		fmt.Fprintf(w, "\r%s: %d documents indexed, %.0f/s, %s elapsed", name, done, rate, now.Sub(start).Round(time.Second))
	}
}
