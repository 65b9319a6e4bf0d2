package subsidy_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
)

type estimate struct {
	MonthlyCents   *int64 `json:"monthlyCents"`
	YearlyCents    *int64 `json:"yearlyCents"`
	FlatRate       bool   `json:"flatRate"`
	FlatRateMonths *int64 `json:"flatRateMonths"`
	MaxYears       *int64 `json:"maxYears"`
	CapApplied     bool   `json:"capApplied"`
	DecidedBy      string `json:"decidedBy"`
	Extrapolated   bool   `json:"extrapolated"`
	Message        string `json:"message"`
	Parameters     []struct {
		Key, Unit, Scope, ValidFrom, Source string
		Value                               int64
		CheckedOn                           *string
	} `json:"parameters"`
}

func (e estimate) keys() []string {
	var out []string
	for _, p := range e.Parameters {
		out = append(out, p.Key)
	}
	return out
}

// The vectors of the subsidies issue, through HTTP, for every role.
func TestEstimateVectors(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	lks := func(date string, hours, fullTime, lw float64, flat bool) string {
		if flat {
			return fmt.Sprintf(`{"scheme":"lks","date":%q,"hoursPerWeek":%v,"fullTimeHours":%v,"flatRate":true}`, date, hours, fullTime)
		}
		return fmt.Sprintf(`{"scheme":"lks","date":%q,"hoursPerWeek":%v,"fullTimeHours":%v,"wageValuePercent":%v}`, date, hours, fullTime, lw)
	}
	cases := []struct {
		body string
		want int64
		cap  bool
	}{
		{`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":60,"fullTimeHours":36}`, 122411, false},
		{lks("2026-01-15", 32, 36, 60, false), 108810, false},
		{lks("2026-01-15", 36, 36, 20, false), 214219, true},
		{lks("2026-01-15", 36, 36, 0, true), 153014, false},
		{lks("2025-07-15", 24, 36, 45, false), 109833, false},
		{lks("2025-01-15", 40, 40, 50, false), 162412, false},
		{lks("2025-01-15", 40, 38, 50, false), 154292, false},
		{lks("2025-01-15", 36, 36, 60, false), 116937, false},
		{lks("2026-01-15", 36, 36, 100, false), 0, false},
		// fullTimeHours left out: the 36-hour basis.
		{`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":60}`, 122411, false},
	}
	for _, c := range cases {
		var e estimate
		wg.Call("POST", "/api/v1/subsidy-estimates", c.body, http.StatusOK, &e)
		if e.MonthlyCents == nil || *e.MonthlyCents != c.want || e.CapApplied != c.cap || e.DecidedBy != "gemeente" || e.YearlyCents != nil {
			t.Errorf("%s: %+v, want %d cents, cap %v, gemeente", c.body, e, c.want, c.cap)
		}
		if e.FlatRateMonths == nil || *e.FlatRateMonths != 6 || !slices.Contains(e.keys(), "wml_month") || !slices.Contains(e.keys(), "employer_costs") {
			t.Errorf("%s: parameters %v, flat-rate months %v", c.body, e.keys(), e.FlatRateMonths)
		}
	}
	var e estimate
	f.Kandidaat().Call("POST", "/api/v1/subsidy-estimates", `{"scheme":"lkv","targetGroup":"banenafspraak","date":"2026-01-15","hoursPerYear":1664}`, http.StatusOK, &e)
	if e.YearlyCents == nil || *e.YearlyCents != 168064 || e.CapApplied || e.DecidedBy != "uwv" || e.MaxYears == nil || *e.MaxYears != 3 || e.MonthlyCents != nil {
		t.Errorf("lkv banenafspraak 1664 h: %+v", e)
	}
	if !slices.Equal(e.keys(), []string{"lkv_banenafspraak_hour", "lkv_banenafspraak_year", "lkv_banenafspraak_years", "lkv_request_months"}) {
		t.Errorf("lkv parameters %v", e.keys())
	}
	for _, p := range e.Parameters {
		if p.Source == "" || p.Scope != "national" || p.ValidFrom != "2025-01-01" {
			t.Errorf("parameter without its source or period: %+v", p)
		}
	}
	e = estimate{}
	f.Browser().SignIn(apptest.KmA).Call("POST", "/api/v1/subsidy-estimates", `{"scheme":"lkv","targetGroup":"banenafspraak","date":"2026-01-15","hoursPerYear":2080}`, http.StatusOK, &e)
	if *e.YearlyCents != 200000 || !e.CapApplied {
		t.Errorf("lkv banenafspraak 2080 h: %+v, want the cap 200000", e)
	}
	e = estimate{}
	f.Browser().SignIn(apptest.AmA).Call("POST", "/api/v1/subsidy-estimates", `{"scheme":"lkv","targetGroup":"arbeidsgehandicapt","date":"2026-01-15","hoursPerYear":2080}`, http.StatusOK, &e)
	if *e.YearlyCents != 600000 || !e.CapApplied {
		t.Errorf("lkv arbeidsgehandicapt 2080 h: %+v, want the cap 600000", e)
	}
	// The employer-costs top-up was checked against the official text.
	wg.Call("POST", "/api/v1/subsidy-estimates", cases[0].body, http.StatusOK, &e)
	for _, p := range e.Parameters {
		if p.Key == "employer_costs" && (p.CheckedOn == nil || *p.CheckedOn != "2026-12-04" || p.Value != 2350) {
			t.Errorf("employer costs %+v", p)
		}
	}
}

// A date after the last known minimum-wage half year uses that period and
// says so, in the caller's language.
func TestEstimateExtrapolated(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var e estimate
	wg.Call("POST", "/api/v1/subsidy-estimates", `{"scheme":"lks","date":"2027-03-01","hoursPerWeek":36,"wageValuePercent":60}`, http.StatusOK, &e)
	if !e.Extrapolated || *e.MonthlyCents != 122411 || e.Message == "" {
		t.Errorf("2027-03-01: %+v, want the 2026-01-01 figures, extrapolated, with a message", e)
	}
	e = estimate{}
	wg.Call("POST", "/api/v1/subsidy-estimates", `{"scheme":"lks","date":"2026-06-30","hoursPerWeek":36,"wageValuePercent":60}`, http.StatusOK, &e)
	if e.Extrapolated || e.Message != "" {
		t.Errorf("2026-06-30 lies in the last known period: %+v", e)
	}
}

// Every bad input is a 400 naming its field, and nothing else.
func TestEstimateBadInput(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	cases := map[string]string{
		`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":101}`:                   "wageValuePercent",
		`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":-1}`:                    "wageValuePercent",
		`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":0,"wageValuePercent":60}`:                     "hoursPerWeek",
		`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":61,"wageValuePercent":60}`:                    "hoursPerWeek",
		`{"scheme":"lks","date":"2026-01-15","wageValuePercent":60}`:                                      "hoursPerWeek",
		`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"fullTimeHours":61,"wageValuePercent":60}`: "fullTimeHours",
		`{"scheme":"lks","date":"2024-12-31","hoursPerWeek":36,"wageValuePercent":60}`:                    "date",
		`{"scheme":"lks","date":"15-01-2026","hoursPerWeek":36,"wageValuePercent":60}`:                    "date",
		`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":60,"flatRate":true}`:    "wageValuePercent",
		`{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36}`:                                          "wageValuePercent",
		`{"scheme":"wajong","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":60}`:                 "scheme",
		`{"scheme":"lkv","targetGroup":"ouderen","date":"2026-01-15","hoursPerYear":1664}`:                "targetGroup",
		`{"scheme":"lkv","date":"2026-01-15","hoursPerYear":1664}`:                                        "targetGroup",
		`{"scheme":"lkv","targetGroup":"banenafspraak","date":"2026-01-15","hoursPerYear":3133}`:          "hoursPerYear",
		`{"scheme":"lkv","targetGroup":"banenafspraak","date":"2026-01-15"}`:                              "hoursPerYear",
	}
	for body, field := range cases {
		var p apptest.Problem
		wg.Call("POST", "/api/v1/subsidy-estimates", body, http.StatusBadRequest, &p)
		if !slices.Contains(p.Names(), field) {
			t.Errorf("%s: fields %v, want %s", body, p.Names(), field)
		}
	}
	resp, _ := f.Browser().Do("POST", "/api/v1/subsidy-estimates", `{"scheme":"lks","date":"2026-01-15","hoursPerWeek":36,"wageValuePercent":60}`)
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without a session: %d, want 401", resp.StatusCode)
	}
}

type parameter struct {
	Key, Scope, Unit string
	Min, Max         int64
	Periods          []period
}

type period struct {
	ID, Key, ValidFrom, Source string
	Value                      int64
	CheckedOn                  *string
}

func parameters(b *apptest.Browser) map[string]parameter {
	var list struct{ Items []parameter }
	b.Call("GET", "/api/v1/subsidy-parameters", "", http.StatusOK, &list)
	out := map[string]parameter{}
	for _, p := range list.Items {
		out[p.Key] = p
	}
	return out
}

// The parameters editor: national periods for everyone, a region's own for
// it alone; adding, changing and deleting periods with their refusals, each
// change audited.
func TestParametersEditor(t *testing.T) {
	f := apptest.New(t)
	admin := f.Browser().SignIn(apptest.AdminA)
	adminB := f.Browser().SignIn(apptest.AdminB)
	ps := parameters(f.Browser().SignIn(apptest.WerkgeverA))
	if w := ps["wml_month"]; w.Scope != "national" || w.Unit != "cents" || len(w.Periods) != 3 {
		t.Errorf("wml_month %+v", w)
	}
	apply := ps["lks_apply_months"]
	if apply.Scope != "regional" || len(apply.Periods) != 1 || apply.Periods[0].Value != 6 || apply.Periods[0].Source != seed.DemoSubsidySource {
		t.Errorf("demo region's lks_apply_months %+v", apply)
	}
	if b := parameters(adminB)["lks_apply_months"]; len(b.Periods) != 0 {
		t.Errorf("region B sees region A's policy: %+v", b)
	}
	for key, want := range map[string]int64{"lks_reassess_months": 12, "proefplaatsing_months": 2, "proefplaatsing_extend_months": 1} {
		if p := ps[key]; len(p.Periods) != 1 || p.Periods[0].Value != want {
			t.Errorf("demo %s %+v, want %d", key, p, want)
		}
	}

	audits := func() int64 {
		return f.Count(`SELECT count(*) FROM audit_events WHERE action LIKE 'subsidy.parameter.%'`)
	}
	rows := func() int64 { return f.Count(`SELECT count(*) FROM subsidy_parameters`) }
	beforeRows, beforeAudits := rows(), audits()
	bad := map[string]string{
		`{"key":"onbekend_getal","validFrom":"2027-01-01","value":1,"source":"Bron"}`:                          "key",
		`{"key":"lks_cap","validFrom":"2027-01-01","value":10001,"source":"Bron"}`:                             "value",
		`{"key":"lks_apply_months","validFrom":"2027-01-01","value":61,"source":"Bron"}`:                       "value",
		`{"key":"hours_basis","validFrom":"2027-01-01","value":0,"source":"Bron"}`:                             "value",
		`{"key":"wml_month","validFrom":"2027-01-01","value":-5,"source":"Bron"}`:                              "value",
		`{"key":"wml_month","validFrom":"1999-12-31","value":240000,"source":"Bron"}`:                          "validFrom",
		`{"key":"wml_month","validFrom":"2027-01-01","value":240000,"source":"B"}`:                             "source",
		`{"key":"wml_month","validFrom":"2027-01-01","value":240000,"source":"Bron","checkedOn":"2099-01-01"}`: "checkedOn",
	}
	for body, field := range bad {
		var p apptest.Problem
		admin.Call("POST", "/api/v1/subsidy-parameters", body, http.StatusBadRequest, &p)
		if !slices.Contains(p.Names(), field) {
			t.Errorf("%s: fields %v, want %s", body, p.Names(), field)
		}
	}
	var p apptest.Problem
	admin.Call("POST", "/api/v1/subsidy-parameters", `{"key":"wml_month","validFrom":"2026-01-01","value":240000,"source":"Dubbel"}`, http.StatusConflict, &p)
	if p.Code != "duplicatePeriod" {
		t.Errorf("duplicate period: %+v", p)
	}
	if rows() != beforeRows || audits() != beforeAudits {
		t.Fatalf("refused periods changed %d rows, %d audit events", rows()-beforeRows, audits()-beforeAudits)
	}

	// A national period: national for every region.
	future := f.Clock().AddDate(1, 0, 0).Format(time.DateOnly)
	var wml period
	admin.Call("POST", "/api/v1/subsidy-parameters", fmt.Sprintf(`{"key":"wml_month","validFrom":%q,"value":240000,"source":"Regeling indexatie (test)"}`, future), http.StatusCreated, &wml)
	if got := parameters(adminB)["wml_month"]; len(got.Periods) != 4 {
		t.Errorf("region B does not see the new national period: %+v", got)
	}
	// A regional period: the admin's region's own.
	var own period
	admin.Call("POST", "/api/v1/subsidy-parameters", fmt.Sprintf(`{"key":"lks_apply_months","validFrom":%q,"value":1,"source":"Beleidsregels 2027","checkedOn":"2026-01-02"}`, future), http.StatusCreated, &own)
	if n := f.Count(`SELECT count(*) FROM subsidy_parameters WHERE id = ? AND region_id = ?`, own.ID, f.RegionA); n != 1 || own.CheckedOn == nil {
		t.Errorf("regional period %+v not stored for region A", own)
	}
	// Region B's admin cannot see, change or delete it.
	adminB.Call("PATCH", "/api/v1/subsidy-parameters/"+own.ID, `{"value":3}`, http.StatusNotFound, nil)
	adminB.Call("DELETE", "/api/v1/subsidy-parameters/"+own.ID, "", http.StatusNotFound, nil)
	// Changing: value and source, clearing checkedOn; out of range refused.
	admin.Call("PATCH", "/api/v1/subsidy-parameters/"+own.ID, `{"value":61}`, http.StatusBadRequest, &p)
	var changed period
	admin.Call("PATCH", "/api/v1/subsidy-parameters/"+own.ID, `{"value":3,"source":"Beleidsregels 2027, art. 4","checkedOn":null}`, http.StatusOK, &changed)
	if changed.Value != 3 || changed.Source != "Beleidsregels 2027, art. 4" || changed.CheckedOn != nil {
		t.Errorf("changed %+v", changed)
	}
	// Deleting: a period that has begun, or a key's last, is refused.
	started := apply.Periods[0].ID
	admin.Call("DELETE", "/api/v1/subsidy-parameters/"+started, "", http.StatusConflict, &p)
	if p.Code != "periodStarted" {
		t.Errorf("deleting a started period: %+v", p)
	}
	var lone string
	apptest.Must(t, f.DB.Gorm.Raw(`INSERT INTO subsidy_parameters (key, region_id, valid_from, value, source) VALUES ('proefplaatsing_months', ?, ?, 2, 'Alleen') RETURNING id::text`,
		f.RegionB, future).Row().Scan(&lone))
	adminB.Call("DELETE", "/api/v1/subsidy-parameters/"+lone, "", http.StatusConflict, &p)
	if p.Code != "lastPeriod" {
		t.Errorf("deleting a key's last period: %+v", p)
	}
	admin.Call("DELETE", "/api/v1/subsidy-parameters/"+own.ID, "", http.StatusNoContent, nil)
	admin.Call("DELETE", "/api/v1/subsidy-parameters/"+wml.ID, "", http.StatusNoContent, nil)
	admin.Call("DELETE", "/api/v1/subsidy-parameters/"+wml.ID, "", http.StatusNotFound, nil)
	if got := audits() - beforeAudits; got != 5 {
		t.Errorf("%d audit events, want 5 (2 created, 1 updated, 2 deleted)", got)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'subsidy.parameter.updated' AND subject_id = ? AND actor_user_id = ?`, own.ID, f.User[apptest.AdminA]); n != 1 {
		t.Errorf("update audited %d times with the admin as actor", n)
	}
}
