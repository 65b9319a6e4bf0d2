// Package subsidy tells a werkgever what it can get for one placement and
// by when to ask: loonkostensubsidie (LKS, Participatiewet art. 10d),
// loonkostenvoordeel (LKV, Wet tegemoetkomingen loondomein), the
// no-riskpolis and the proefplaatsing, with who decides each.
//
// Invariants:
//   - Every figure comes from a parameter valid on the day asked about
//     (Params): national ones for everyone, a region's own municipal policy
//     for its region. Each carries its source; an answer lists the
//     parameters it used. A day after the last known minimum-wage period
//     uses that period and says so (Params.Extrapolated).
//   - The calculator is exact: amounts are rational numbers of cents until
//     the end, rounded half up to a cent once (LKSMonthly, FlatRateMonthly,
//     LKVYearly). No float touches money.
//   - Amounts are indicative: the body that decides (Decider) is named next
//     to every amount. They are never shown on anonymous pool cards.
//   - Admins keep the parameters as periods (params.go): a national key's
//     periods are national, a regional key's the admin's region's; a period
//     that has begun is never deleted, no key loses its last period, and
//     every change is audited in its transaction.
package subsidy

import (
	"math/big"
	"slices"
	"strconv"
	"time"
)

// Scheme is a subsidy or arrangement a placement may have.
type Scheme string

// The schemes.
const (
	LKS            Scheme = "lks"            // loonkostensubsidie: the gemeente pays the difference with the loonwaarde
	LKV            Scheme = "lkv"            // loonkostenvoordeel: UWV, through the loonaangifte
	NoRiskPolis    Scheme = "no_riskpolis"   // UWV pays the sick pay of a sick employee
	Proefplaatsing Scheme = "proefplaatsing" // unpaid trial with benefits continuing, by local policy
	Jobcoaching    Scheme = "jobcoaching"    // a jobcoach on the workplace
)

// Schemes lists every scheme, in the order pages show them.
var Schemes = []Scheme{LKS, LKV, NoRiskPolis, Proefplaatsing, Jobcoaching}

// Decider is who decides a scheme's application.
type Decider string

// The deciders.
const (
	Gemeente Decider = "gemeente" // the college of the gemeente where the employee lives
	UWV      Decider = "uwv"
)

// DecidedBy is who decides each scheme. Jobcoaching: the gemeente (or UWV
// for those with a Wajong or WIA benefit); Werkhaven books it through the
// gemeente's services desk.
var DecidedBy = map[Scheme]Decider{LKS: Gemeente, LKV: UWV, NoRiskPolis: UWV, Proefplaatsing: Gemeente, Jobcoaching: Gemeente}

// TargetGroup is an LKV target group.
type TargetGroup string

// The LKV target groups Werkhaven knows.
const (
	Banenafspraak      TargetGroup = "banenafspraak"      // doelgroep banenafspraak and scholingsbelemmerden
	Arbeidsgehandicapt TargetGroup = "arbeidsgehandicapt" // arbeidsgehandicapte werknemer
	Herplaatsen        TargetGroup = "herplaatsen"        // herplaatsen arbeidsgehandicapte werknemer
)

// TargetGroups lists every LKV target group.
var TargetGroups = []TargetGroup{Banenafspraak, Arbeidsgehandicapt, Herplaatsen}

// Unit is what a parameter's integer value counts.
type Unit string

// The units.
const (
	Cents       Unit = "cents"
	BasisPoints Unit = "basisPoints" // hundredths of a percent: 23.5% is 2350
	Hours       Unit = "hours"
	Days        Unit = "days"
	Months      Unit = "months"
	Years       Unit = "years"
)

// Scope says whose a parameter is.
type Scope string

// The scopes.
const (
	National Scope = "national" // the law or UWV: the same in every region
	Regional Scope = "regional" // a gemeente's policy: each region its own
)

// Key names one parameter.
type Key string

// The parameters.
const (
	WMLMonth          Key = "wml_month"            // statutory minimum wage per month, 21 and older, full time
	WMLHour           Key = "wml_hour"             // statutory minimum wage per hour, 21 and older (a placement's wage rule)
	HolidayAllowance  Key = "holiday_allowance"    // vakantiebijslag on the minimum wage
	EmployerCosts     Key = "employer_costs"       // top-up for employer costs (art. 10d lid 4)
	LKSCap            Key = "lks_cap"              // LKS at most this share of WML + holiday allowance
	LKSFlatRate       Key = "lks_flat_rate"        // forfaitaire LKS before the loonwaarde is known (art. 10d lid 5)
	LKSFlatRateMonths Key = "lks_flat_rate_months" // … for at most these first months
	HoursBasis        Key = "hours_basis"          // the week the minimum wage per month is for
	LKVRequestMonths  Key = "lkv_request_months"   // doelgroepverklaring requested within … of the start (UWV)
	NoRiskReportDays  Key = "no_riskpolis_report_days"
	LKSApplyMonths    Key = "lks_apply_months"             // regional: apply within … after the start; 0: before the start
	LKSReassessMonths Key = "lks_reassess_months"          // regional: loonwaarde re-assessed after …
	ProefMonths       Key = "proefplaatsing_months"        // regional: a proefplaatsing's length
	ProefExtendMonths Key = "proefplaatsing_extend_months" // regional: its possible extension
)

// LKV keys per target group: the amount per hour, the yearly cap and the
// number of years.
func LKVHour(g TargetGroup) Key  { return Key("lkv_" + string(g) + "_hour") }
func LKVYear(g TargetGroup) Key  { return Key("lkv_" + string(g) + "_year") }
func LKVYears(g TargetGroup) Key { return Key("lkv_" + string(g) + "_years") }

// Definition says what a parameter is.
type Definition struct {
	Key   Key
	Scope Scope
	Unit  Unit
}

// Definitions lists every parameter Werkhaven knows; a stored key outside
// it is refused.
var Definitions = func() []Definition {
	d := []Definition{
		{WMLMonth, National, Cents}, {WMLHour, National, Cents}, {HolidayAllowance, National, BasisPoints}, {EmployerCosts, National, BasisPoints},
		{LKSCap, National, BasisPoints}, {LKSFlatRate, National, BasisPoints}, {LKSFlatRateMonths, National, Months},
		{HoursBasis, National, Hours}, {LKVRequestMonths, National, Months}, {NoRiskReportDays, National, Days},
	}
	for _, g := range TargetGroups {
		d = append(d, Definition{LKVHour(g), National, Cents}, Definition{LKVYear(g), National, Cents}, Definition{LKVYears(g), National, Years})
	}
	return append(d, Definition{LKSApplyMonths, Regional, Months}, Definition{LKSReassessMonths, Regional, Months},
		Definition{ProefMonths, Regional, Months}, Definition{ProefExtendMonths, Regional, Months})
}()

// DefinitionOf is k's definition; ok is false for a key Werkhaven does not know.
func DefinitionOf(k Key) (Definition, bool) {
	i := slices.IndexFunc(Definitions, func(d Definition) bool { return d.Key == k })
	if i < 0 {
		return Definition{}, false
	}
	return Definitions[i], true
}

// Value is one parameter as it holds on a day: its value, the day its
// period began and where it comes from.
type Value struct {
	Key       Key
	RegionID  string // "" for national
	Value     int64
	ValidFrom time.Time
	Source    string
	CheckedOn *time.Time
}

// Params are the parameters that hold on one day for one region.
type Params struct {
	On     time.Time
	Values map[Key]Value
	// Extrapolated: On lies after the minimum-wage period the figures use
	// ought to have been followed by the next one (every 1 January and 1
	// July); the last known period is used, and answers say so.
	Extrapolated bool
}

// Get is k's value and whether it is known.
func (p Params) Get(k Key) (int64, bool) {
	v, ok := p.Values[k]
	return v.Value, ok
}

// Used are the values of keys, in that order, leaving out unknown ones:
// what an answer lists as the parameters it used.
func (p Params) Used(keys ...Key) []Value {
	out := make([]Value, 0, len(keys))
	for _, k := range keys {
		if v, ok := p.Values[k]; ok {
			out = append(out, v)
		}
	}
	return out
}

// LKSKeys are the parameters an LKS amount is computed from.
var LKSKeys = []Key{WMLMonth, HolidayAllowance, EmployerCosts, LKSCap, HoursBasis}

// FlatRateKeys are the parameters a flat-rate LKS is computed from.
var FlatRateKeys = []Key{WMLMonth, HolidayAllowance, EmployerCosts, LKSFlatRate, LKSFlatRateMonths, HoursBasis}

// LKVKeys are the parameters of target group g's LKV.
func LKVKeys(g TargetGroup) []Key {
	return []Key{LKVHour(g), LKVYear(g), LKVYears(g), LKVRequestMonths}
}

// Decimal is an exact decimal from a JSON number (hours 24.5, loonwaarde
// 62.5): the shortest decimal that prints as f, so 32.4 is 324/10 and not
// the nearest binary fraction.
func Decimal(f float64) *big.Rat {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(f, 'f', -1, 64))
	return r
}

// LKSMonthly is the loonkostensubsidie per month in cents (Participatiewet
// art. 10d lid 4): the difference between the minimum wage and the
// loonwaarde, with holiday allowance, at most the cap, for the hours worked
// up to the sector's full time, topped up for employer costs:
//
//	min((1 − loonwaarde) × WML × (1 + vakantiebijslag), cap × WML × (1 + vakantiebijslag))
//	  × min(hours, fullTime) / basis × (1 + werkgeverslasten)
//
// wageValuePercent is 0–100; hours and fullTime are per week.
func LKSMonthly(p Params, hours, fullTime, wageValuePercent *big.Rat) int64 {
	gap := new(big.Rat).Sub(big.NewRat(1, 1), new(big.Rat).Quo(wageValuePercent, big.NewRat(100, 1)))
	share := minRat(gap, bp(p, LKSCap))
	return monthly(p, share, hours, fullTime)
}

// FlatRateMonthly is the flat-rate LKS per month in cents (art. 10d lid 5),
// for at most the first LKSFlatRateMonths while the loonwaarde is not yet
// assessed: the flat share instead of (1 − loonwaarde).
func FlatRateMonthly(p Params, hours, fullTime *big.Rat) int64 {
	return monthly(p, bp(p, LKSFlatRate), hours, fullTime)
}

func monthly(p Params, share, hours, fullTime *big.Rat) int64 {
	wml, _ := p.Get(WMLMonth)
	basis, _ := p.Get(HoursBasis)
	x := new(big.Rat).Mul(share, new(big.Rat).SetInt64(wml))
	x.Mul(x, onePlus(bp(p, HolidayAllowance)))
	x.Mul(x, minRat(hours, fullTime))
	x.Quo(x, new(big.Rat).SetInt64(max(basis, 1)))
	x.Mul(x, onePlus(bp(p, EmployerCosts)))
	return roundHalfUp(x)
}

// LKVYearly is the loonkostenvoordeel per year in cents for target group g:
// the amount per paid hour, at most the yearly cap.
func LKVYearly(p Params, g TargetGroup, hoursPerYear *big.Rat) int64 {
	rate, _ := p.Get(LKVHour(g))
	limit, _ := p.Get(LKVYear(g))
	x := new(big.Rat).Mul(new(big.Rat).SetInt64(rate), hoursPerYear)
	return min(roundHalfUp(x), limit)
}

// bp is k's basis points as a fraction.
func bp(p Params, k Key) *big.Rat {
	v, _ := p.Get(k)
	return big.NewRat(v, 10000)
}

func onePlus(r *big.Rat) *big.Rat { return new(big.Rat).Add(big.NewRat(1, 1), r) }

func minRat(a, b *big.Rat) *big.Rat {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

// roundHalfUp rounds a non-negative amount of cents to a whole cent, half up.
func roundHalfUp(x *big.Rat) int64 {
	if x.Sign() <= 0 {
		return 0
	}
	twice := new(big.Int).Mul(x.Num(), big.NewInt(2))
	twice.Add(twice, x.Denom())
	twice.Quo(twice, new(big.Int).Mul(x.Denom(), big.NewInt(2)))
	return twice.Int64()
}

// Deadline is a date by which something must be asked, counted from a
// placement's start.
type Deadline struct {
	Scheme Scheme
	// Code says what is due: lksApply, lkvRequest, lksFlatRateEnds,
	// proefplaatsingEnds.
	Code string
	Due  time.Time
	// Key is the parameter the date comes from.
	Key Key
}

// Deadlines are the dates of schemes that apply, counted from start, for
// the parameters that hold on the start day. A scheme whose term is not
// set (a region without its LKS policy) has no deadline.
func Deadlines(p Params, start time.Time, schemes []Scheme) []Deadline {
	var out []Deadline
	add := func(s Scheme, code string, k Key) {
		if !slices.Contains(schemes, s) {
			return
		}
		if m, ok := p.Get(k); ok {
			out = append(out, Deadline{Scheme: s, Code: code, Due: start.AddDate(0, int(m), 0), Key: k})
		}
	}
	add(LKS, "lksApply", LKSApplyMonths)
	add(LKS, "lksFlatRateEnds", LKSFlatRateMonths)
	add(LKV, "lkvRequest", LKVRequestMonths)
	add(Proefplaatsing, "proefplaatsingEnds", ProefMonths)
	slices.SortStableFunc(out, func(a, b Deadline) int { return a.Due.Compare(b.Due) })
	return out
}

// Resolve picks, for each key, the value whose period holds on day on:
// the latest ValidFrom not after on, a region's own before the national
// one. It returns ok false when on lies before the first minimum-wage
// period (no figure can be computed for it).
func Resolve(values []Value, regionID string, on time.Time) (Params, bool) {
	p := Params{On: on, Values: map[Key]Value{}}
	for _, v := range values {
		if v.ValidFrom.After(on) || (v.RegionID != "" && v.RegionID != regionID) {
			continue
		}
		cur, seen := p.Values[v.Key]
		if !seen || v.ValidFrom.After(cur.ValidFrom) {
			p.Values[v.Key] = v
		}
	}
	wml, ok := p.Values[WMLMonth]
	if !ok {
		return p, false
	}
	// The minimum wage changes every 1 January and 1 July: a day at least
	// six months after the period began should have had a newer one.
	p.Extrapolated = !on.Before(wml.ValidFrom.AddDate(0, 6, 0))
	return p, true
}
