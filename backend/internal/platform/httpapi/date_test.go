package httpapi_test

import (
	"errors"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

func TestParseDate(t *testing.T) {
	if d, err := httpapi.ParseDate("startDate", ""); d != nil || err != nil {
		t.Errorf(`"" is no date: %v, %v`, d, err)
	}
	d, err := httpapi.ParseDate("startDate", "2026-12-01")
	if err != nil || d == nil || !d.Equal(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a date: %v, %v", d, err)
	}
	for _, s := range []string{"1-12-2026", "2026-13-01", "2026-12-01T00:00:00Z", "morgen"} {
		_, err := httpapi.ParseDate("from", s)
		var inv *apperr.InvalidError
		if !errors.As(err, &inv) || len(inv.Fields) != 1 || inv.Fields[0].Name != "from" || inv.Fields[0].Code != "format" {
			t.Errorf("%q: %v", s, err)
		}
	}
}
