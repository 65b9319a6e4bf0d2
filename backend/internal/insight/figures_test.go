package insight

import (
	"math"
	"strings"
	"testing"
	"time"
)

// The Wilson interval against known values.
func TestWilson(t *testing.T) {
	for _, c := range []struct {
		k, n      int
		low, high float64
	}{
		{8, 10, 0.4902, 0.9433},
		{10, 10, 0.7225, 1},
		{1, 100, 0.0018, 0.0545},
		{0, 10, 0, 0.2775},
	} {
		low, high, ok := Wilson(c.k, c.n)
		if !ok || math.Abs(low-c.low) > 0.0005 || math.Abs(high-c.high) > 0.0005 {
			t.Errorf("Wilson(%d, %d) = %.4f–%.4f, want %.4f–%.4f", c.k, c.n, low, high, c.low, c.high)
		}
	}
	if _, _, ok := Wilson(0, 0); ok {
		t.Error("Wilson(0, 0) has an interval")
	}
	r := NewRate("a", "b", 0, 0)
	if r.Value != nil || r.Low != nil || r.High != nil || !r.Small {
		t.Errorf("0/0: %+v", r)
	}
	if r := NewRate("a", "b", 8, 10); r.Small || *r.Value != 0.8 {
		t.Errorf("8/10: %+v", r)
	}
	if r := NewRate("a", "b", 8, 9); !r.Small {
		t.Errorf("8/9 is not small: %+v", r)
	}
}

// A period runs forwards and at most three years.
func TestCheckPeriod(t *testing.T) {
	d := func(s string) time.Time { v, _ := time.Parse(time.DateOnly, s); return v }
	if err := CheckPeriod(Period{d("2026-01-01"), d("2028-12-31")}); err != nil {
		t.Errorf("3 years: %v", err)
	}
	if err := CheckPeriod(Period{d("2026-01-02"), d("2026-01-01")}); err == nil {
		t.Error("to before from accepted")
	}
	if err := CheckPeriod(Period{d("2026-01-01"), d("2029-01-02")}); err == nil {
		t.Error("over 3 years accepted")
	}
}

// The CSV opens in Dutch spreadsheets: BOM, ';', decimal comma, Dutch headers.
func TestCSV(t *testing.T) {
	f := Figures{Funnel: Funnel{InvitesSent: 10, InvitesAccepted: 8}}
	f.Rates = f.Funnel.Rates()
	out := string(CSV(f))
	if !strings.HasPrefix(out, "\uFEFFOnderdeel;Groep;Stap;") {
		t.Fatalf("header: %q", out[:40])
	}
	if !strings.Contains(out, "Uitnodigingen verstuurd;Uitnodigingen geaccepteerd;8;10;80,0;49,0;94,3;nee") {
		t.Errorf("rate row missing:\n%s", out)
	}
}
