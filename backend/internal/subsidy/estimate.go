package subsidy

import (
	"context"
	"math/big"
	"slices"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// EstimateRequest asks what a scheme may bring: LKS per month (Hours a week,
// FullTime the sector's full-time week, and the loonwaarde or the flat
// rate) or LKV per year (TargetGroup and HoursPerYear). Nil numbers were
// left out; the ranges are checked by the API's schema and again here.
type EstimateRequest struct {
	Scheme           Scheme
	On               time.Time
	HoursPerWeek     *float64
	FullTimeHours    *float64 // nil: the hours basis (36)
	WageValuePercent *float64
	FlatRate         bool
	TargetGroup      TargetGroup
	HoursPerYear     *float64
}

// Estimate is an indicative amount with everything it was computed from.
type Estimate struct {
	Scheme       Scheme
	On           time.Time
	MonthlyCents *int64 // LKS
	YearlyCents  *int64 // LKV
	FlatRate     bool
	// FlatRateMonths: the flat rate is for at most these first months.
	FlatRateMonths *int64
	// MaxYears: LKV is paid for at most these years.
	MaxYears *int64
	// CapApplied: LKS: 1 − loonwaarde exceeded the cap; LKV: the hours
	// brought more than the yearly maximum.
	CapApplied    bool
	FullTimeHours float64
	DecidedBy     Decider
	Parameters    []Value
	// Extrapolated: On lies after the last known minimum-wage period's
	// half year; WMLFrom is the period used.
	Extrapolated bool
	WMLFrom      *time.Time
}

// Estimate computes r for regionID's parameters on r.On. Bad input is an
// apperr.InvalidError naming the field(s); a day before the first period
// names date.
func (s *Service) Estimate(ctx context.Context, regionID string, r EstimateRequest) (Estimate, error) {
	if err := r.check(); err != nil {
		return Estimate{}, err
	}
	p, err := s.Params(ctx, nil, regionID, r.On, "date")
	if err != nil {
		return Estimate{}, err
	}
	e := Estimate{Scheme: r.Scheme, On: r.On, DecidedBy: DecidedBy[r.Scheme], Extrapolated: p.Extrapolated}
	if r.Scheme == LKV {
		keys := LKVKeys(r.TargetGroup)
		hours := Decimal(*r.HoursPerYear)
		rate, _ := p.Get(LKVHour(r.TargetGroup))
		limit, _ := p.Get(LKVYear(r.TargetGroup))
		yearly := LKVYearly(p, r.TargetGroup, hours)
		e.YearlyCents = &yearly
		e.CapApplied = new(big.Rat).Mul(big.NewRat(rate, 1), hours).Cmp(big.NewRat(limit, 1)) > 0
		if y, ok := p.Get(LKVYears(r.TargetGroup)); ok {
			e.MaxYears = &y
		}
		e.Parameters = p.Used(keys...)
		return e, nil
	}
	wml := p.Values[WMLMonth].ValidFrom
	e.WMLFrom = &wml
	basis, _ := p.Get(HoursBasis)
	fullTime := Decimal(float64(basis))
	e.FullTimeHours = float64(basis)
	if r.FullTimeHours != nil {
		fullTime, e.FullTimeHours = Decimal(*r.FullTimeHours), *r.FullTimeHours
	}
	hours := Decimal(*r.HoursPerWeek)
	var monthly int64
	var keys []Key
	if r.FlatRate {
		keys = FlatRateKeys
		e.FlatRate = true
		monthly = FlatRateMonthly(p, hours, fullTime)
	} else {
		keys = append(slices.Clone(LKSKeys), LKSFlatRateMonths)
		lw := Decimal(*r.WageValuePercent)
		monthly = LKSMonthly(p, hours, fullTime, lw)
		gap := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Quo(lw, big.NewRat(100, 1)))
		e.CapApplied = gap.Cmp(bp(p, LKSCap)) > 0
	}
	if m, ok := p.Get(LKSFlatRateMonths); ok {
		e.FlatRateMonths = &m
	}
	e.MonthlyCents = &monthly
	e.Parameters = p.Used(keys...)
	return e, nil
}

// check refuses what the schema cannot: the fields a scheme needs, the
// loonwaarde or the flat rate (one of the two), and the ranges again for
// callers other than the API.
func (r EstimateRequest) check() error {
	var f apperr.Fields
	between := func(name string, v *float64, lo, hi float64, required bool) {
		switch {
		case v == nil && required:
			f.Add(name, "required", msg.M(msg.FieldRequired))
		case v != nil && (*v < lo || *v > hi):
			f.Add(name, "range", msg.M("subsidy.range", lo, hi))
		}
	}
	switch r.Scheme {
	case LKS:
		between("hoursPerWeek", r.HoursPerWeek, 1, 60, true)
		between("fullTimeHours", r.FullTimeHours, 1, 60, false)
		between("wageValuePercent", r.WageValuePercent, 0, 100, false)
		if r.FlatRate == (r.WageValuePercent != nil) {
			f.Add("wageValuePercent", "wageValueOrFlatRate", msg.M("subsidy.wageValueOrFlatRate"))
		}
	case LKV:
		if !slices.Contains(TargetGroups, r.TargetGroup) {
			f.Add("targetGroup", "unknown", msg.M("apperr.unknown", string(r.TargetGroup)))
		}
		between("hoursPerYear", r.HoursPerYear, 1, 3132, true)
	default:
		f.Add("scheme", "unknown", msg.M("apperr.unknown", string(r.Scheme)))
	}
	if len(f) > 0 {
		return &apperr.InvalidError{Fields: f}
	}
	return nil
}
