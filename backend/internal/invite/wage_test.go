package invite

import (
	"testing"
	"time"
)

func TestMinimumWageOn(t *testing.T) {
	for _, c := range []struct {
		day   string
		cents int64
		from  string
	}{
		{"2025-06-30", 1406, "2025-01-01"},
		{"2025-07-01", 1440, "2025-07-01"},
		{"2026-01-01", 1471, "2026-01-01"},
		{"2031-05-01", 1471, "2026-01-01"}, // after the last period: the last one
		{"2020-01-01", 1327, "2024-01-01"}, // before the first: the first one
	} {
		d, _ := time.Parse(time.DateOnly, c.day)
		cents, from := MinimumWageOn(d)
		if cents != c.cents || from.Format(time.DateOnly) != c.from {
			t.Errorf("%s: %d from %s, want %d from %s", c.day, cents, from.Format(time.DateOnly), c.cents, c.from)
		}
	}
}
