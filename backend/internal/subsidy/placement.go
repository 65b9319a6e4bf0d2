package subsidy

// What applies once a kandidaat said yes: for one accepted invite, every
// scheme with whether it applies (and why not), who decides, its
// conditions, an indicative amount for this placement's hours and its
// deadlines counted from the placement's start.
//
// Invariants:
//   - Only an invite the kandidaat accepted is answered (invite.CaseOf);
//     any other, or one the caller may not see, is not found.
//   - Facts come from the placement (contract, hours, start) once there is
//     one; before it from the opening: its hours (a range) and its kind (a
//     proefplaats is a proefplaatsing, a participatieplek has no employment
//     contract; a vacature or leerwerkplek may still become either, so its
//     contract is unknown: ""). Figures use the parameters valid on the
//     placement's start, or today before a placement.
//   - Amounts are ranges with who decides next to them; the body never
//     names the candidate beyond the public code. Reading the candidate's
//     indications (doelgroepregister, LKS-indicatie) is a read of personal
//     data: for everyone but the candidate's own klantmanager (whose
//     caseload holds them already) it is written to the audit log as
//     candidate.indications_read, in the transaction that reads them.

import (
	"context"
	"fmt"
	"math/big"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// LKSRangeWageValue is the loonwaarde (percent) the low end of an LKS
// range assumes before the gemeente's loonwaardebepaling; the high end is
// the cap (a loonwaarde at or below 100% − cap).
const LKSRangeWageValue = 80

// Why a scheme does not apply.
const (
	NoEmploymentContract   = "noEmploymentContract"   // LKS, LKV, no-riskpolis: a proefplaatsing or placement without a contract
	NoLKSIndicatie         = "noLksIndicatie"         // LKS: the gemeente has not indicated the candidate
	NotInDoelgroepregister = "notInDoelgroepregister" // LKV, no-riskpolis: not in UWV's doelgroepregister
	HasEmploymentContract  = "hasEmploymentContract"  // proefplaatsing: the placement is a job already
	NoContractPlacement    = "noContractPlacement"    // proefplaatsing: a placement without a contract (participatieplek)
)

// Condition is one condition of a scheme; Value is the number it names
// (months or days), when it names one.
type Condition struct {
	Code  string
	Value *int64
}

// AmountRange is an indicative amount in cents per Period (month or year):
// From equals To when the hours are known exactly and nothing else varies.
type AmountRange struct {
	Period   string // month, year
	From, To int64
}

// Term is a deadline: Months after the start; Due once the placement's
// start is known, Extrapolated when Due lies after the last known
// minimum-wage period.
type Term struct {
	Code         string
	Months       int64
	Due          *time.Time
	Key          Key
	Extrapolated bool
}

// SchemeAnswer is what one scheme means for this placement.
type SchemeAnswer struct {
	Scheme     Scheme
	Applies    bool
	Reason     string // why not, when !Applies
	DecidedBy  Decider
	Conditions []Condition
	// Amount: LKS per month as a range from a loonwaarde of
	// LKSRangeWageValue% to the cap; LKV per year. Nil for the others.
	Amount *AmountRange
	// FlatRate: LKS's flat rate per month for the first FlatRateMonths,
	// before the loonwaarde is assessed.
	FlatRate       *AmountRange
	FlatRateMonths int64
	// TargetGroup and Years: LKV's target group and how many years it runs.
	TargetGroup TargetGroup
	Years       int64
	// LengthMonths and ExtendMonths: a proefplaatsing's length and possible
	// extension by the region's policy; nil when the region set none.
	LengthMonths, ExtendMonths *int64
	Deadlines                  []Term
	Keys                       []Key // the parameters this scheme's figures use
	// conditionKeys are the parameters its conditions name: all that is
	// used when the scheme does not apply.
	conditionKeys []Key
}

// Placement are the schemes of one accepted invite.
type Placement struct {
	InviteID, OpeningTitle, OrganisationName, CandidateCode string
	// Basis: placement (its facts) or opening (before the placement).
	Basis              string
	StartDate          *time.Time
	ContractType       string
	HoursMin, HoursMax int
	ParamsOn           time.Time
	Extrapolated       bool
	Schemes            []SchemeAnswer
	Parameters         []Value
}

// Schemes answers what applies to invite inviteID as p may see it.
func (s *Service) Schemes(ctx context.Context, p authz.Principal, inviteID string) (Placement, error) {
	var out Placement
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		c, err := s.Invites.CaseOf(ctx, tx, p, inviteID)
		if err != nil {
			return err
		}
		ind, err := s.Candidates.Indications(ctx, tx, c.CandidateID)
		if err != nil {
			return fmt.Errorf("indications of invite %s: %w", inviteID, err)
		}
		if p.Role != authz.Klantmanager {
			if err := audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "candidate.indications_read", IP: httpapi.ClientIP(ctx),
				SubjectType: "candidate", SubjectID: c.CandidateID,
				Details: map[string]any{"via": "invite:" + c.InviteID, "fields": []string{"doelgroepregister", "lksIndicatie"}}})); err != nil {
				return err
			}
		}
		out, err = s.placement(ctx, tx, c, ind)
		return err
	})
	return out, err
}

// placement works out the answer for case c.
func (s *Service) placement(ctx context.Context, tx *gorm.DB, c invite.Case, ind candidate.Indications) (Placement, error) {
	out := Placement{InviteID: c.InviteID, OpeningTitle: c.OpeningTitle, OrganisationName: c.OrganisationName, CandidateCode: c.CandidateCode}
	on := s.now().Truncate(24 * time.Hour)
	if pl := c.Placement; pl != nil {
		start := pl.StartDate.UTC()
		out.Basis, out.StartDate, out.ContractType, out.HoursMin, out.HoursMax = "placement", &start, pl.ContractType, pl.Hours, pl.Hours
		on = start
	} else {
		o, err := s.Openings.Offer(ctx, tx, c.OpeningID)
		if err != nil {
			return Placement{}, fmt.Errorf("opening of invite %s: %w", c.InviteID, err)
		}
		out.Basis, out.ContractType, out.HoursMin, out.HoursMax = "opening", ContractOfKind(o.Kind), o.HoursMin, o.HoursMax
	}
	vals, err := values(ctx, tx, c.RegionID)
	if err != nil {
		return Placement{}, err
	}
	prm, ok := Resolve(vals, c.RegionID, on)
	if !ok {
		return Placement{}, fmt.Errorf("no subsidy parameters on %s", on.Format(time.DateOnly))
	}
	out.ParamsOn, out.Extrapolated = on, prm.Extrapolated
	f := Facts{Contract: out.ContractType, LKSIndicatie: ind.LKSIndicatie, Doelgroepregister: ind.Doelgroepregister}
	applies := Applies(f)
	// Terms: the same parameters counted from the start, or from the day
	// asked about (only their months are shown then).
	from := on
	if out.StartDate != nil {
		from = *out.StartDate
	}
	terms := map[Scheme][]Term{}
	for _, d := range Deadlines(prm, from, applies) {
		m, _ := prm.Get(d.Key)
		t := Term{Code: d.Code, Months: m, Key: d.Key}
		if out.StartDate != nil {
			due := d.Due
			later, _ := Resolve(vals, c.RegionID, due)
			t.Due, t.Extrapolated = &due, later.Extrapolated
		}
		terms[d.Scheme] = append(terms[d.Scheme], t)
	}
	used := []Key{}
	for _, sc := range Schemes {
		a := schemeAnswer(prm, f, sc, out.HoursMin, out.HoursMax)
		a.Applies, a.Deadlines = slices.Contains(applies, sc), terms[sc]
		if !a.Applies {
			// No figures for what does not apply: they would read as a
			// promise. Its conditions still name their terms.
			a.Amount, a.FlatRate, a.LengthMonths, a.ExtendMonths, a.Keys = nil, nil, nil, nil, a.conditionKeys
		}
		used = append(used, a.Keys...)
		out.Schemes = append(out.Schemes, a)
	}
	out.Parameters = prm.Used(uniqueKeys(used)...)
	return out, nil
}

// ContractOfKind is the contract an opening of kind implies before its
// placement: a proefplaats is a proefplaatsing, a participatieplek has no
// contract; otherwise it is not known yet ("").
func ContractOfKind(kind string) string {
	switch kind {
	case "proefplaats":
		return "proefplaatsing"
	case "participatieplek":
		return "geen"
	}
	return ""
}

// schemeAnswer is scheme sc's reason, conditions, amounts and parameters for
// hoursMin–hoursMax hours a week (Applies and Deadlines are the caller's).
func schemeAnswer(p Params, f Facts, sc Scheme, hoursMin, hoursMax int) SchemeAnswer {
	a := SchemeAnswer{Scheme: sc, DecidedBy: DecidedBy[sc]}
	employed := f.Contract == "" || IsEmployment(f.Contract)
	cond := func(code string, k Key) {
		c := Condition{Code: code}
		if k != "" {
			v, ok := p.Get(k)
			if !ok {
				return
			}
			c.Value = &v
			a.conditionKeys = append(a.conditionKeys, k)
		}
		a.Conditions = append(a.Conditions, c)
	}
	fullTime := new(big.Rat)
	if basis, ok := p.Get(HoursBasis); ok {
		fullTime.SetInt64(basis)
	}
	lo, hi := big.NewRat(int64(hoursMin), 1), big.NewRat(int64(hoursMax), 1)
	switch sc {
	case LKS:
		a.Reason = whyNot(!employed, NoEmploymentContract, !f.LKSIndicatie, NoLKSIndicatie)
		cond("employmentContract", "")
		cond("lksIndicatie", "")
		cond("livesInGemeente", "")
		cond("loonwaardebepaling", "")
		cond("applyMonths", LKSApplyMonths)
		cond("reassessMonths", LKSReassessMonths)
		a.Amount = &AmountRange{Period: "month", From: LKSMonthly(p, lo, fullTime, big.NewRat(LKSRangeWageValue, 1)), To: LKSMonthly(p, hi, fullTime, new(big.Rat))}
		flat := AmountRange{Period: "month", From: FlatRateMonthly(p, lo, fullTime), To: FlatRateMonthly(p, hi, fullTime)}
		a.FlatRate = &flat
		a.FlatRateMonths, _ = p.Get(LKSFlatRateMonths)
		a.Keys = append(append(append([]Key{}, LKSKeys...), FlatRateKeys...), LKSApplyMonths, LKSReassessMonths)
	case LKV:
		a.Reason = whyNot(!employed, NoEmploymentContract, !f.Doelgroepregister, NotInDoelgroepregister)
		a.TargetGroup = Banenafspraak
		cond("employmentContract", "")
		cond("doelgroepverklaring", LKVRequestMonths)
		cond("loonaangifte", "")
		year := func(h *big.Rat) int64 { return LKVYearly(p, Banenafspraak, new(big.Rat).Mul(h, big.NewRat(52, 1))) }
		a.Amount = &AmountRange{Period: "year", From: year(lo), To: year(hi)}
		a.Years, _ = p.Get(LKVYears(Banenafspraak))
		a.Keys = LKVKeys(Banenafspraak)
	case NoRiskPolis:
		a.Reason = whyNot(!employed, NoEmploymentContract, !f.Doelgroepregister, NotInDoelgroepregister)
		cond("employmentContract", "")
		cond("doelgroepregister", "")
		cond("reportSickDays", NoRiskReportDays)
		a.Keys = []Key{NoRiskReportDays}
	case Proefplaatsing:
		a.Reason = whyNot(IsEmployment(f.Contract), HasEmploymentContract, f.Contract == "geen", NoContractPlacement)
		cond("benefitContinues", "")
		cond("noWage", "")
		cond("gemeenteAgrees", "")
		if v, ok := p.Get(ProefMonths); ok {
			a.LengthMonths = &v
		}
		if v, ok := p.Get(ProefExtendMonths); ok {
			a.ExtendMonths = &v
		}
		a.Keys = []Key{ProefMonths, ProefExtendMonths}
	case Jobcoaching:
		cond("askGemeente", "")
		cond("servicesDesk", "")
	}
	return a
}

// whyNot is the first code whose condition holds, "" when none does.
func whyNot(c1 bool, code1 string, c2 bool, code2 string) string {
	switch {
	case c1:
		return code1
	case c2:
		return code2
	}
	return ""
}

// uniqueKeys keeps each key's first occurrence.
func uniqueKeys(keys []Key) []Key {
	seen := map[Key]bool{}
	out := keys[:0:0]
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}
