package invite

import (
	"testing"
	"time"
)

// Retention counts a placement only once its point has passed: yes is
// still at work, no (or an end before the point, or a cancelled
// follow-up) is ended, the rest unanswered.
func TestRetention(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	yes, no := true, false
	ended := day("2026-02-01")
	today := day("2026-06-01")
	var r Retention
	r.add(today, day("2026-05-01"), 13, nil, false, nil, false)    // point 2026-07-31: not yet
	r.add(today, day("2026-01-05"), 13, nil, true, &yes, false)    // yes
	r.add(today, day("2026-01-05"), 13, nil, true, &no, false)     // no
	r.add(today, day("2026-01-05"), 13, &ended, false, nil, true)  // ended before, follow-up cancelled
	r.add(today, day("2026-01-05"), 13, nil, false, nil, false)    // not answered
	r.add(today, day("2026-03-02"), 13, nil, false, nil, false)    // point 2026-06-01 is today: due
	r.add(today, day("2026-01-05"), 13, &today, false, nil, false) // ends after the point: unanswered
	want := Retention{Due: 6, StillEmployed: 1, Ended: 2, Unanswered: 3}
	if r != want {
		t.Errorf("retention %+v, want %+v", r, want)
	}
}
