package subsidy

import (
	"testing"
	"time"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// params resolves the national defaults (defaults.go) on day d.
func params(t *testing.T, d string) Params {
	t.Helper()
	p, ok := Resolve(Defaults(), "", day(d))
	if !ok {
		t.Fatalf("no parameters on %s", d)
	}
	return p
}

// The vectors of the subsidies issue, to the cent.
func TestLKSVectors(t *testing.T) {
	cases := []struct {
		name                string
		on                  string
		hours, fullTime, lw float64
		flat                bool
		want                int64
	}{
		{"2026-01 36h lw60", "2026-01-15", 36, 36, 60, false, 122411},
		{"2026-01 32h lw60", "2026-01-15", 32, 36, 60, false, 108810},
		{"2026-01 36h lw20 capped", "2026-01-15", 36, 36, 20, false, 214219},
		{"2026-01 flat 36h", "2026-01-15", 36, 36, 0, true, 153014},
		{"2025-07 24h lw45", "2025-07-15", 24, 36, 45, false, 109833},
		{"2025-01 40h lw50 ft40", "2025-01-15", 40, 40, 50, false, 162412},
		{"2025-01 40h lw50 ft38", "2025-01-15", 40, 38, 50, false, 154292},
		{"2025-01 36h lw60", "2025-01-15", 36, 36, 60, false, 116937},
		{"loonwaarde 100 gives nothing", "2026-01-15", 36, 36, 100, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := params(t, c.on)
			var got int64
			if c.flat {
				got = FlatRateMonthly(p, Decimal(c.hours), Decimal(c.fullTime))
			} else {
				got = LKSMonthly(p, Decimal(c.hours), Decimal(c.fullTime), Decimal(c.lw))
			}
			if got != c.want {
				t.Errorf("got %d cents, want %d", got, c.want)
			}
		})
	}
}

func TestLKVVectors(t *testing.T) {
	p := params(t, "2026-01-15")
	for hours, want := range map[float64]int64{1664: 168064, 2080: 200000, 0.5: 51} {
		if got := LKVYearly(p, Banenafspraak, Decimal(hours)); got != want {
			t.Errorf("banenafspraak %v h: got %d, want %d", hours, got, want)
		}
	}
	if got := LKVYearly(p, Arbeidsgehandicapt, Decimal(2080)); got != 600000 {
		t.Errorf("arbeidsgehandicapt 2080 h: got %d, want the cap 600000", got)
	}
}

// The period switch: the day before 1 July uses January's minimum wage,
// 1 July the new one; a day before the first period has none; a day long
// after the last known period uses it and says so.
func TestPeriods(t *testing.T) {
	for _, c := range []struct {
		on           string
		wml          int64
		extrapolated bool
	}{
		{"2025-01-01", 219180, false}, {"2025-06-30", 219180, false}, {"2025-07-01", 224580, false},
		{"2025-12-31", 224580, false}, {"2026-01-01", 229440, false},
	} {
		p := params(t, c.on)
		if got, _ := p.Get(WMLMonth); got != c.wml || p.Extrapolated != c.extrapolated {
			t.Errorf("%s: wml %d extrapolated %v, want %d %v", c.on, got, p.Extrapolated, c.wml, c.extrapolated)
		}
	}
	if _, ok := Resolve(Defaults(), "", day("2024-12-31")); ok {
		t.Error("a day before the first period resolved")
	}
	last := Defaults()[0]
	for _, v := range Defaults() {
		if v.Key == WMLMonth && v.ValidFrom.After(last.ValidFrom) {
			last = v
		}
	}
	far := last.ValidFrom.AddDate(1, 0, 0)
	p, ok := Resolve(Defaults(), "", far)
	if got, _ := p.Get(WMLMonth); !ok || got != last.Value || !p.Extrapolated {
		t.Errorf("%s: wml %d extrapolated %v, want the last period %d and extrapolated", far.Format(time.DateOnly), got, p.Extrapolated, last.Value)
	}
}

// A region's own value wins over another region's and applies only to it.
func TestRegionalValues(t *testing.T) {
	vals := append(Defaults(),
		Value{Key: LKSApplyMonths, RegionID: "r1", Value: 6, ValidFrom: day("2025-01-01"), Source: "r1 beleidsregels"},
		Value{Key: LKSApplyMonths, RegionID: "r2", Value: 1, ValidFrom: day("2025-01-01"), Source: "r2 beleidsregels"})
	p1, _ := Resolve(vals, "r1", day("2026-02-01"))
	p3, _ := Resolve(vals, "r3", day("2026-02-01"))
	if v, _ := p1.Get(LKSApplyMonths); v != 6 {
		t.Errorf("r1 apply months %d, want 6", v)
	}
	if _, ok := p3.Get(LKSApplyMonths); ok {
		t.Error("r3 got another region's policy")
	}
	d := Deadlines(p1, day("2026-02-01"), []Scheme{LKS, LKV})
	want := map[string]string{"lksApply": "2026-08-01", "lksFlatRateEnds": "2026-08-01", "lkvRequest": "2026-05-01"}
	if len(d) != len(want) {
		t.Fatalf("deadlines %+v, want %v", d, want)
	}
	for _, x := range d {
		if x.Due.Format(time.DateOnly) != want[x.Code] {
			t.Errorf("%s due %s, want %s", x.Code, x.Due.Format(time.DateOnly), want[x.Code])
		}
	}
}
