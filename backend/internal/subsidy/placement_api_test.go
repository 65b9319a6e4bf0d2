package subsidy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

type rangeJSON struct {
	Period             string
	FromCents, ToCents int64
}

type schemeJSON struct {
	Scheme, Reason, DecidedBy, TargetGroup string
	Applies                                bool
	Conditions                             []struct {
		Code  string
		Value *int64
	}
	Amount, FlatRate           *rangeJSON
	FlatRateMonths, Years      int64
	LengthMonths, ExtendMonths *int64
	Deadlines                  []struct {
		Code, Parameter string
		Months          int64
		Due             *string
		Extrapolated    bool
	}
	Parameters []string
}

type subsidiesJSON struct {
	InviteID, Basis, ContractType, ParametersOn string
	StartDate                                   *string
	HoursMin, HoursMax                          int
	Extrapolated                                bool
	Schemes                                     []schemeJSON
	Parameters                                  []struct {
		Key, Scope, Unit, ValidFrom, Source string
		Value                               int64
	}
}

func (s subsidiesJSON) scheme(t *testing.T, name subsidy.Scheme) schemeJSON {
	t.Helper()
	for _, x := range s.Schemes {
		if x.Scheme == string(name) {
			return x
		}
	}
	t.Fatalf("no scheme %s in %+v", name, s.Schemes)
	return schemeJSON{}
}

func (x schemeJSON) deadline(code string) (months int64, due string, ok bool) {
	for _, d := range x.Deadlines {
		if d.Code == code {
			if d.Due != nil {
				due = *d.Due
			}
			return d.Months, due, true
		}
	}
	return 0, "", false
}

func rat(n int) *big.Rat { return big.NewRat(int64(n), 1) }

// What applies to the demo kandidaat (LKS-indicatie, in the
// doelgroepregister) once they said yes to the bakery: before the
// placement the opening's 20–30 hours give ranges and terms; after a
// placement (tijdelijk, 24 hours) dates counted from its start and amounts
// to the cent equal to the calculator's. Not accepted, another
// organisation, another region: 404; the kandidaat: 403. Organisation
// users' reads of the indications are audited, the klantmanager's not.
func TestInviteSubsidies(t *testing.T) {
	f := apptest.New(t)
	ctx := context.Background()
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE candidates SET lks_indicatie = true, doelgroepregister = true WHERE id = ?`, f.MyCandidate).Error)
	wg, _, id := f.InviteMyCandidate()
	path := "/api/v1/invites/" + id + "/subsidies"
	wg.Call("GET", path, "", http.StatusNotFound, nil)
	me := f.Kandidaat()
	me.Call("GET", "/api/v1/me/invites/"+id, "", http.StatusOK, nil)
	me.Call("POST", "/api/v1/me/invites/"+id+"/decision", `{"decision":"accept","sharePhone":false}`, http.StatusOK, nil)
	me.Call("GET", path, "", http.StatusForbidden, nil)
	f.Browser().SignIn(apptest.Werkgever2).Call("GET", path, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.WerkgeverB).Call("GET", path, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.AdminB).Call("GET", path, "", http.StatusNotFound, nil)

	// Before the placement: the opening's hours, today's parameters, terms.
	var before subsidiesJSON
	wg.Call("GET", path, "", http.StatusOK, &before)
	today := f.Clock().UTC().Truncate(24 * time.Hour)
	p, err := f.App.Subsidies.Params(ctx, nil, f.RegionA, today, "date")
	apptest.Must(t, err)
	if before.Basis != "opening" || before.StartDate != nil || before.HoursMin != 20 || before.HoursMax != 30 || before.ContractType != "" ||
		before.ParametersOn != today.Format(time.DateOnly) || before.Extrapolated != p.Extrapolated {
		t.Fatalf("before the placement: %+v", before)
	}
	full := rat(36)
	lks := before.scheme(t, subsidy.LKS)
	want := rangeJSON{"month", subsidy.LKSMonthly(p, rat(20), full, rat(80)), subsidy.LKSMonthly(p, rat(30), full, rat(0))}
	if !lks.Applies || lks.DecidedBy != "gemeente" || lks.Amount == nil || *lks.Amount != want || want.FromCents >= want.ToCents {
		t.Errorf("LKS before the placement: %+v, want amount %+v", lks, want)
	}
	flat := rangeJSON{"month", subsidy.FlatRateMonthly(p, rat(20), full), subsidy.FlatRateMonthly(p, rat(30), full)}
	if lks.FlatRate == nil || *lks.FlatRate != flat || lks.FlatRateMonths != 6 {
		t.Errorf("LKS flat rate: %+v %d, want %+v", lks.FlatRate, lks.FlatRateMonths, flat)
	}
	if m, due, ok := lks.deadline("lksApply"); !ok || m != 6 || due != "" {
		t.Errorf("LKS term before the placement: %d %q %v (%+v)", m, due, ok, lks.Deadlines)
	}
	lkv := before.scheme(t, subsidy.LKV)
	wantLKV := rangeJSON{"year", subsidy.LKVYearly(p, subsidy.Banenafspraak, rat(20*52)), subsidy.LKVYearly(p, subsidy.Banenafspraak, rat(30*52))}
	if !lkv.Applies || lkv.DecidedBy != "uwv" || lkv.Amount == nil || *lkv.Amount != wantLKV || lkv.TargetGroup != "banenafspraak" || lkv.Years != 3 {
		t.Errorf("LKV before the placement: %+v, want %+v", lkv, wantLKV)
	}
	if nr := before.scheme(t, subsidy.NoRiskPolis); !nr.Applies || nr.Amount != nil || nr.DecidedBy != "uwv" {
		t.Errorf("no-riskpolis: %+v", nr)
	}
	if pp := before.scheme(t, subsidy.Proefplaatsing); !pp.Applies || pp.LengthMonths == nil || *pp.LengthMonths != 2 || pp.ExtendMonths == nil || *pp.ExtendMonths != 1 {
		t.Errorf("proefplaatsing before the placement: %+v", pp)
	}
	sources := map[string]string{}
	for _, v := range before.Parameters {
		sources[v.Key] = v.Scope + ": " + v.Source
	}
	if sources["lks_apply_months"] != "regional: "+subsidy.DemoSource || !strings.HasPrefix(sources["wml_month"], "national: Wet minimumloon") {
		t.Errorf("parameters used: %v", sources)
	}
	reads := `SELECT count(*) FROM audit_events WHERE action = 'candidate.indications_read' AND subject_id = ?`
	if n := f.Count(reads, f.MyCandidate); n != 1 {
		t.Errorf("audited reads of the indications: %d, want 1", n)
	}
	f.Browser().SignIn(apptest.KmA).Call("GET", path, "", http.StatusOK, nil)
	f.Browser().SignIn(apptest.AmA).Call("GET", path, "", http.StatusOK, nil)
	if n := f.Count(reads, f.MyCandidate); n != 2 {
		t.Errorf("audited reads after the klantmanager's and the accountmanager's: %d, want 2", n)
	}
	// The kandidaat's export names those reads in its history, in words.
	var export struct {
		History struct {
			Items []struct {
				Action struct{ Value, Label string }
				Actor  struct{ Role string }
			}
		}
	}
	me.Call("GET", "/api/v1/me/candidate/export", "", http.StatusOK, &export)
	shown := 0
	for _, h := range export.History.Items {
		if h.Action.Value == "candidate.indications_read" {
			shown++
			if !strings.Contains(h.Action.Label, "doelgroepregister") || h.Actor.Role == "" {
				t.Errorf("export history entry: %+v", h)
			}
		}
	}
	if shown != 2 {
		t.Errorf("the export shows %d reads of the indications, want 2", shown)
	}

	// The placement: tijdelijk, 24 hours, from today.
	wg.Call("POST", "/api/v1/invites/"+id+"/state-changes", `{"state":"introduced"}`, http.StatusOK, nil)
	wg.Call("POST", "/api/v1/invites/"+id+"/placement", fmt.Sprintf(`{"startDate":%q,"contractType":"tijdelijk","hours":24,"hourlyWageCents":1500}`,
		today.Format(time.DateOnly)), http.StatusCreated, nil)
	var after subsidiesJSON
	wg.Call("GET", path, "", http.StatusOK, &after)
	if after.Basis != "placement" || after.StartDate == nil || *after.StartDate != today.Format(time.DateOnly) || after.HoursMin != 24 || after.HoursMax != 24 || after.ContractType != "tijdelijk" {
		t.Fatalf("after the placement: %+v", after)
	}
	lks = after.scheme(t, subsidy.LKS)
	want = rangeJSON{"month", subsidy.LKSMonthly(p, rat(24), full, rat(80)), subsidy.LKSMonthly(p, rat(24), full, rat(0))}
	if !lks.Applies || lks.Amount == nil || *lks.Amount != want {
		t.Errorf("LKS for 24 hours: %+v, want %+v", lks.Amount, want)
	}
	if flat := subsidy.FlatRateMonthly(p, rat(24), full); lks.FlatRate == nil || lks.FlatRate.FromCents != flat || lks.FlatRate.ToCents != flat {
		t.Errorf("LKS flat rate for 24 hours: %+v, want %d", lks.FlatRate, flat)
	}
	lkvYear := subsidy.LKVYearly(p, subsidy.Banenafspraak, rat(24*52))
	if lkv := after.scheme(t, subsidy.LKV); lkv.Amount == nil || lkv.Amount.FromCents != lkvYear || lkv.Amount.ToCents != lkvYear || lkvYear != 101*24*52 {
		t.Errorf("LKV for 24 hours: %+v, want %d", lkv.Amount, lkvYear)
	}
	for _, c := range []struct {
		scheme subsidy.Scheme
		code   string
		months int
	}{{subsidy.LKS, "lksApply", 6}, {subsidy.LKS, "lksFlatRateEnds", 6}, {subsidy.LKV, "lkvRequest", 3}} {
		due := today.AddDate(0, c.months, 0)
		later, err := f.App.Subsidies.Params(ctx, nil, f.RegionA, due, "date")
		apptest.Must(t, err)
		x := after.scheme(t, c.scheme)
		m, got, ok := x.deadline(c.code)
		if !ok || m != int64(c.months) || got != due.Format(time.DateOnly) {
			t.Errorf("%s: %d %q %v, want %s", c.code, m, got, ok, due.Format(time.DateOnly))
		}
		for _, d := range x.Deadlines {
			if d.Code == c.code && d.Extrapolated != later.Extrapolated {
				t.Errorf("%s extrapolated %v, want %v", c.code, d.Extrapolated, later.Extrapolated)
			}
		}
	}
	if pp := after.scheme(t, subsidy.Proefplaatsing); pp.Applies || pp.Reason != "hasEmploymentContract" || len(pp.Deadlines) != 0 {
		t.Errorf("proefplaatsing with a contract: %+v", pp)
	}
}

// A proefplaatsing: no LKS (no employment contract), the proefplaatsing
// applies with the region's length and ends two months after its start. A
// candidate without LKS-indicatie and outside the doelgroepregister gets
// neither LKS nor LKV, and no amount for them.
func TestInviteSubsidiesProefplaatsing(t *testing.T) {
	f := apptest.New(t)
	c, email := f.Inviteable("Proef Kandidaat")
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE candidates SET lks_indicatie = true, doelgroepregister = false WHERE id = ?`, c).Error)
	other, otherEmail := f.Inviteable("Zonder Indicatie")
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE candidates SET lks_indicatie = false, doelgroepregister = false WHERE id = ?`, other).Error)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := f.NewOpening("Bakkerij De Korenschoof", "open")
	list := wg.Invite(o, http.StatusCreated, c, other)
	ids := map[string]string{}
	for _, in := range list.Items {
		ids[in.CandidateID] = in.ID
	}
	for _, e := range []string{email, otherEmail} {
		f.Browser().Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, f.MailedToken(e)), http.StatusOK, nil)
	}

	var none subsidiesJSON
	wg.Call("GET", "/api/v1/invites/"+ids[other]+"/subsidies", "", http.StatusOK, &none)
	if l := none.scheme(t, subsidy.LKS); l.Applies || l.Reason != "noLksIndicatie" || l.Amount != nil || l.FlatRate != nil || len(l.Deadlines) != 0 {
		t.Errorf("LKS without indicatie: %+v", l)
	}
	if l := none.scheme(t, subsidy.LKV); l.Applies || l.Reason != "notInDoelgroepregister" || l.Amount != nil || strings.Join(l.Parameters, ",") != "lkv_request_months" {
		t.Errorf("LKV outside the doelgroepregister: %+v", l)
	}
	if j := none.scheme(t, subsidy.Jobcoaching); !j.Applies || j.DecidedBy != "gemeente" {
		t.Errorf("jobcoaching: %+v", j)
	}

	id := ids[c]
	start := f.Clock().UTC().Truncate(24*time.Hour).AddDate(0, 0, 7)
	wg.Call("POST", "/api/v1/invites/"+id+"/state-changes", `{"state":"introduced"}`, http.StatusOK, nil)
	wg.Call("POST", "/api/v1/invites/"+id+"/placement", fmt.Sprintf(`{"startDate":%q,"contractType":"proefplaatsing","hours":16,"hourlyWageCents":0}`,
		start.Format(time.DateOnly)), http.StatusCreated, nil)
	var got subsidiesJSON
	wg.Call("GET", "/api/v1/invites/"+id+"/subsidies", "", http.StatusOK, &got)
	if l := got.scheme(t, subsidy.LKS); l.Applies || l.Reason != "noEmploymentContract" || l.Amount != nil {
		t.Errorf("LKS on a proefplaatsing: %+v", l)
	}
	pp := got.scheme(t, subsidy.Proefplaatsing)
	if m, due, ok := pp.deadline("proefplaatsingEnds"); !pp.Applies || pp.DecidedBy != "gemeente" || pp.LengthMonths == nil || *pp.LengthMonths != 2 ||
		!ok || m != 2 || due != start.AddDate(0, 2, 0).Format(time.DateOnly) {
		t.Errorf("proefplaatsing: %+v", pp)
	}
	if got.ParametersOn != start.Format(time.DateOnly) {
		t.Errorf("parameters of %s, want the start %s", got.ParametersOn, start.Format(time.DateOnly))
	}
}

// The pool's cards (GET /openings/{id}/pool) carry no amount and name no
// scheme: choosing people by their subsidy is not offered. They do carry
// the registrations a werkgever may look for (doelgroepregister for the
// banenafspraak, lksIndicatie), as before, but nothing counted in money.
// Every property of the answer's schema, followed through its references,
// is checked.
func TestPoolCardsCarryNoAmount(t *testing.T) {
	f := apptest.New(t)
	var doc struct {
		Paths      map[string]map[string]json.RawMessage `json:"paths"`
		Components struct {
			Schemas map[string]json.RawMessage `json:"schemas"`
		} `json:"components"`
	}
	apptest.Must(t, json.Unmarshal(f.OpenAPI, &doc))
	var op struct {
		Responses map[string]struct {
			Content map[string]struct {
				Schema json.RawMessage `json:"schema"`
			} `json:"content"`
		} `json:"responses"`
	}
	apptest.Must(t, json.Unmarshal(doc.Paths["/openings/{id}/pool"]["get"], &op))
	bad := regexp.MustCompile(`(?i)cents|amount|euro|bedrag|subsid|^lks|lkv|riskpolis|loonwaarde|flatRate|scheme`)
	seen := map[string]bool{}
	var names []string
	var walk func(raw json.RawMessage)
	walk = func(raw json.RawMessage) {
		var s map[string]json.RawMessage
		if json.Unmarshal(raw, &s) != nil {
			return
		}
		if ref, ok := s["$ref"]; ok {
			var r string
			_ = json.Unmarshal(ref, &r)
			name := strings.TrimPrefix(r, "#/components/schemas/")
			if !seen[name] {
				seen[name] = true
				walk(doc.Components.Schemas[name])
			}
		}
		var props map[string]json.RawMessage
		_ = json.Unmarshal(s["properties"], &props)
		for k, v := range props {
			names = append(names, k)
			walk(v)
		}
		for _, k := range []string{"items", "additionalProperties"} {
			if v, ok := s[k]; ok {
				walk(v)
			}
		}
	}
	walk(op.Responses["200"].Content["application/json"].Schema)
	if len(names) < 10 {
		t.Fatalf("the pool's schema has only %v", names)
	}
	for _, n := range names {
		if bad.MatchString(n) && n != "lksIndicatie" {
			t.Errorf("a pool card names %q", n)
		}
	}
}
