package subsidy

import (
	"math/big"
	"slices"
	"testing"
	"time"
)

// testParams are the national defaults and a region's policy on day on.
func testParams(t *testing.T, on time.Time, regional map[Key]int64) Params {
	t.Helper()
	vals := Defaults()
	for k, v := range regional {
		vals = append(vals, Value{Key: k, RegionID: "r", Value: v, ValidFrom: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	}
	p, ok := Resolve(vals, "r", on)
	if !ok {
		t.Fatal("no parameters")
	}
	return p
}

// Why each scheme does not apply, per contract and indications; the
// reasons agree with Applies.
func TestSchemeReasons(t *testing.T) {
	p := testParams(t, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), DemoRegional)
	cases := []struct {
		f    Facts
		want map[Scheme]string
	}{
		{Facts{Contract: "", LKSIndicatie: true, Doelgroepregister: true}, map[Scheme]string{}},
		{Facts{Contract: "tijdelijk", LKSIndicatie: true}, map[Scheme]string{LKV: NotInDoelgroepregister, NoRiskPolis: NotInDoelgroepregister, Proefplaatsing: HasEmploymentContract}},
		{Facts{Contract: "proefplaatsing", LKSIndicatie: true, Doelgroepregister: true}, map[Scheme]string{LKS: NoEmploymentContract, LKV: NoEmploymentContract, NoRiskPolis: NoEmploymentContract}},
		{Facts{Contract: "geen"}, map[Scheme]string{LKS: NoEmploymentContract, LKV: NoEmploymentContract, NoRiskPolis: NoEmploymentContract, Proefplaatsing: NoContractPlacement}},
		{Facts{Contract: "vast", Doelgroepregister: true}, map[Scheme]string{LKS: NoLKSIndicatie, Proefplaatsing: HasEmploymentContract}},
	}
	for _, c := range cases {
		applies := Applies(c.f)
		for _, sc := range Schemes {
			a := schemeAnswer(p, c.f, sc, 24, 24)
			if a.Reason != c.want[sc] {
				t.Errorf("%+v %s: reason %q, want %q", c.f, sc, a.Reason, c.want[sc])
			}
			if in := slices.Contains(applies, sc); in != (a.Reason == "") {
				t.Errorf("%+v %s: Applies says %v, reason %q", c.f, sc, in, a.Reason)
			}
			if a.DecidedBy != DecidedBy[sc] {
				t.Errorf("%s decided by %s", sc, a.DecidedBy)
			}
		}
	}
}

// The LKS range runs from a loonwaarde of 80% at the fewest hours to the
// cap at the most; a term the region did not set is left out of the
// conditions; the proefplaatsing's length is the region's.
func TestSchemeAmounts(t *testing.T) {
	p := testParams(t, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), DemoRegional)
	f := Facts{LKSIndicatie: true, Doelgroepregister: true}
	lks := schemeAnswer(p, f, LKS, 20, 30)
	full := big.NewRat(36, 1)
	if lks.Amount.From != LKSMonthly(p, big.NewRat(20, 1), full, big.NewRat(80, 1)) || lks.Amount.To != LKSMonthly(p, big.NewRat(30, 1), full, new(big.Rat)) {
		t.Errorf("LKS range %+v", lks.Amount)
	}
	// 30 of 36 hours at the cap: 70% × 2294.40 × 1.08 × 30/36 × 1.235 = 1785.15792 → € 1.785,16.
	if lks.Amount.To != 178516 {
		t.Errorf("LKS cap for 30 hours: %d, want 178516", lks.Amount.To)
	}
	lkv := schemeAnswer(p, f, LKV, 40, 40)
	if lkv.Amount.From != 200000 || lkv.Years != 3 || lkv.TargetGroup != Banenafspraak {
		t.Errorf("LKV for 40 hours (capped at € 2.000): %+v", lkv)
	}
	pp := schemeAnswer(p, f, Proefplaatsing, 20, 30)
	if pp.LengthMonths == nil || *pp.LengthMonths != 2 || pp.ExtendMonths == nil || *pp.ExtendMonths != 1 {
		t.Errorf("proefplaatsing length %v extension %v", pp.LengthMonths, pp.ExtendMonths)
	}
	bare := testParams(t, time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC), nil)
	for _, c := range schemeAnswer(bare, f, LKS, 20, 30).Conditions {
		if c.Code == "applyMonths" || c.Code == "reassessMonths" {
			t.Errorf("a region without policy has condition %s", c.Code)
		}
	}
	if a := schemeAnswer(bare, f, Proefplaatsing, 20, 30); a.LengthMonths != nil {
		t.Errorf("a region without policy has a proefplaatsing length %d", *a.LengthMonths)
	}
}

func TestContractOfKind(t *testing.T) {
	for kind, want := range map[string]string{"proefplaats": "proefplaatsing", "participatieplek": "geen", "vacature": "", "leerwerkplek": ""} {
		if got := ContractOfKind(kind); got != want {
			t.Errorf("%s: %q, want %q", kind, got, want)
		}
	}
}
