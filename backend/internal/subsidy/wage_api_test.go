package subsidy_test

import (
	"context"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// The hourly minimum of a placement's wage rule comes from the stored
// periods: the period a day falls in, the last after the last, the first
// before the first.
func TestHourlyMinimum(t *testing.T) {
	f := apptest.New(t)
	for _, c := range []struct {
		day   string
		cents int64
		from  string
	}{
		{"2025-06-30", 1406, "2025-01-01"},
		{"2025-07-01", 1440, "2025-07-01"},
		{"2026-01-01", 1471, "2026-01-01"},
		{"2031-05-01", 1471, "2026-01-01"},
		{"2020-01-01", 1327, "2024-01-01"},
	} {
		d, _ := time.Parse(time.DateOnly, c.day)
		cents, from, err := f.App.Subsidies.HourlyMinimum(context.Background(), nil, d)
		if err != nil || cents != c.cents || from.Format(time.DateOnly) != c.from {
			t.Errorf("%s: %d from %s (%v), want %d from %s", c.day, cents, from.Format(time.DateOnly), err, c.cents, c.from)
		}
	}
}
