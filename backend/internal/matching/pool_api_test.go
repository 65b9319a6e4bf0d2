package matching_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// A hand-built population around an orderpicker vacature in Utrecht: the
// pool holds exactly the candidates who fit (exact first, same ISCO unit
// group next), respects each candidate's own travel distance, the
// participatieladder, consent and staleness, counts facets as Postgres
// does, explains itself, and never shows personal data.
func TestPool(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	f.BootstrapCandidates()
	g := f.DB.Gorm
	apptest.Must(t, g.Exec(`DELETE FROM candidates`).Error) // the fixture's own kandidaat is not part of this population
	km := authz.Principal{UserID: f.User[apptest.KmA], RegionID: f.RegionA, Role: authz.Klantmanager}
	kctx := authz.WithPrincipal(ctx, km)
	orderpicker, magazijn := f.OccupationID("orderpicker"), f.OccupationID("magazijnmedewerker")
	type spec struct {
		name, occ, pc4     string
		travel, rung       int
		skills             []string
		consent, licence   bool
		ageDays            int
		status             candidate.Status
		hoursMin, hoursMax int
	}
	specs := map[string]spec{
		"exact":         {"Exact Match", orderpicker, "3511", 15, 5, []string{"heftruckcertificaat", "vca-basis"}, true, true, 10, candidate.Available, 24, 32},
		"near":          {"Near Match", magazijn, "3512", 15, 4, []string{"vca-basis"}, true, false, 10, candidate.InProcess, 16, 20},
		"far-willing":   {"Far Willing", orderpicker, "3811", 25, 6, []string{"heftruckcertificaat"}, true, false, 100, candidate.Available, 32, 40},
		"far-unwilling": {"Far Unwilling", orderpicker, "3811", 10, 5, nil, true, true, 10, candidate.Available, 24, 32},
		"low-rung":      {"Low Rung", orderpicker, "3511", 15, 2, nil, true, false, 10, candidate.Available, 24, 32},
		"no-consent":    {"No Consent", orderpicker, "3511", 15, 5, nil, false, false, 10, candidate.Available, 24, 32},
		"expired":       {"Expired Profile", orderpicker, "3511", 15, 5, nil, true, false, 200, candidate.Available, 24, 32},
		"placed":        {"Already Placed", orderpicker, "3511", 15, 5, nil, true, false, 10, candidate.Placed, 24, 32},
	}
	ids := map[string]string{}
	for key, s := range specs {
		travel, rung, hmin, hmax := s.travel, s.rung, s.hoursMin, s.hoursMax
		c, err := f.Candidates.Create(kctx, km, candidate.Profile{Occupations: []string{s.occ}, Skills: s.skills, PC4: s.pc4, MaxTravelKm: &travel,
			Rung: &rung, HoursMin: &hmin, HoursMax: &hmax, DrivingLicence: s.licence, SupportNeeds: []string{"jobcoach"}},
			candidate.Identity{Name: s.name, Email: strings.ReplaceAll(strings.ToLower(s.name), " ", ".") + "@example.org", Phone: "06 11112222", Street: "Pooldreef 7"}, "")
		apptest.Must(t, err)
		ids[key] = c.ID
		apptest.Must(t, g.Exec(`UPDATE candidates SET consent = ?, status = ?, confirmed_at = ? WHERE id = ?`, s.consent, string(s.status), f.Clock().AddDate(0, 0, -s.ageDays), c.ID).Error)
	}
	if d := geo.DistanceKm(52.0907, 5.1214, 52.156, 5.387); d < 15 || d > 25 {
		t.Fatalf("test data: 3811 should lie about 20 km from Utrecht, is %.0f", d)
	}
	_, err := f.Search.Reindex(ctx, candidate.Source{DB: g})
	apptest.Must(t, err)

	wg := f.Browser().SignIn(apptest.WerkgeverA)
	body := strings.NewReplacer(`"occupationId":"`+f.OccupationID("bakker")+`"`, `"occupationId":"`+orderpicker+`"`,
		`"requiredSkills":["haccp"],"niceSkills":["klantgericht"]`, `"requiredSkills":["heftruckcertificaat","vca-basis"]`,
		`"maxTravelKm":15`, `"maxTravelKm":25`).Replace(f.OpeningJSON("", "Orderpicker"))
	o := wg.CreateOpening(body)
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)

	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	want := []string{ids["exact"], ids["far-willing"], ids["near"]}
	got := pool.IDs()
	if pool.Total != 3 || len(got) != 3 || got[0] != ids["exact"] || !slices.Contains(got, ids["near"]) || !slices.Contains(got, ids["far-willing"]) {
		t.Fatalf("pool %v (total %d), want exact first and %v", got, pool.Total, want)
	}
	if got[2] != ids["near"] {
		t.Errorf("the near (same unit group) candidate ranks after exact occupations: %v", got)
	}
	reasons := func(id string) map[string]string {
		out := map[string]string{}
		for _, c := range pool.Items {
			if c.ID == id {
				for _, r := range c.Reasons {
					out[r.Criterion+":"+r.Outcome] += r.ReasonNl + "|" + r.Gap + ";"
				}
			}
		}
		return out
	}
	exact, near, far := reasons(ids["exact"]), reasons(ids["near"]), reasons(ids["far-willing"])
	if exact["occupation:match"] == "" || !strings.Contains(exact["skill:match"], "Heftruckcertificaat") || exact["hours:match"] == "" || exact["support:match"] == "" {
		t.Errorf("reasons of the exact match: %v", exact)
	}
	if near["occupation:near"] == "" || !strings.Contains(near["skill:missing"], "|scholing;") || !strings.Contains(near["hours:near"], "|opbouwschema;") {
		t.Errorf("reasons of the near match: %v", near)
	}
	if !strings.Contains(far["distance:near"], "|reiskostenvergoeding;") || far["freshness:near"] == "" {
		t.Errorf("reasons of the far candidate (20 km, no transport, stale): %v", far)
	}
	for _, c := range pool.Items {
		if c.ID == ids["far-willing"] && (c.DistanceKm < 15 || c.DistanceKm > 25 || c.Freshness != "stale") {
			t.Errorf("far candidate card: %+v", c)
		}
	}
	// Facet counts equal a brute-force count over the pool members in Postgres.
	var licensed int64
	apptest.Must(t, g.Raw(`SELECT count(*) FROM candidates WHERE id IN ? AND driving_licence`, want).Scan(&licensed).Error)
	if pool.Facets["drivingLicence"]["true"] != int(licensed) || pool.Facets["rung"]["5"] != 1 || pool.Facets["rung"]["6"] != 1 {
		t.Errorf("facets %v; want drivingLicence.true=%d", pool.Facets, licensed)
	}
	// Every facet counts each pool member once per value, the booleans'
	// false too (as Meilisearch's facet distribution does).
	for _, facet := range []string{"drivingLicence", "ownTransport", "educationRank", "rung", "doelgroepregister", "praktijkroute", "lksIndicatie"} {
		sum := 0
		for _, n := range pool.Facets[facet] {
			sum += n
		}
		if sum != 3 {
			t.Errorf("facet %s counts %d candidates, want 3: %v", facet, sum, pool.Facets[facet])
		}
	}
	if pool.Facets["supportNeeds"]["jobcoach"] != 3 || pool.Facets["drivingLicence"]["false"] != 3-int(licensed) {
		t.Errorf("facets %v", pool.Facets)
	}
	// A next page may leave the counts out.
	var bare apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?facets=false", "", http.StatusOK, &bare)
	if bare.Facets != nil || bare.Total != 3 || len(bare.Items) != 3 {
		t.Errorf("facets=false: facets %v, total %d", bare.Facets, bare.Total)
	}
	// No value from candidate_identities in any role's pool response.
	var idents []struct{ Name, Email, Phone, Street, Postcode string }
	apptest.Must(t, g.Raw(`SELECT name, email, phone, street, postcode FROM candidate_identities`).Scan(&idents).Error)
	for _, who := range []*apptest.Browser{wg, f.Browser().SignIn(apptest.AmA), f.Browser().SignIn(apptest.AdminA)} {
		resp, raw := who.Do("GET", "/api/v1/openings/"+o.ID+"/pool", "")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("pool: %d %s", resp.StatusCode, raw)
		}
		text := strings.ToLower(string(raw))
		for _, id := range idents {
			for _, v := range []string{id.Name, id.Email, id.Phone, id.Street, id.Postcode} {
				if v != "" && strings.Contains(text, strings.ToLower(v)) {
					t.Errorf("pool response contains personal data %q", v)
				}
			}
		}
	}

	// Views are recorded in the background: which organisation saw whom for which opening.
	deadline := time.Now().Add(10 * time.Second)
	for f.Count(`SELECT count(DISTINCT candidate_id) FROM pool_views WHERE opening_id = ? AND organisation_id = ?`, o.ID, f.Org["Bakkerij De Korenschoof"]) != 3 {
		if time.Now().After(deadline) {
			t.Fatalf("pool views recorded: %d", f.Count(`SELECT count(*) FROM pool_views`))
		}
		time.Sleep(20 * time.Millisecond)
	}
	if n := f.Count(`SELECT count(*) FROM pool_views WHERE candidate_id = ? AND viewer_role = 'werkgever'`, ids["exact"]); n < 1 {
		t.Fatal("the werkgever's view of the exact candidate is not recorded")
	}

	// Narrowing: 10 km leaves the far candidate out; rijbewijs keeps the licensed.
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?radiusKm=10", "", http.StatusOK, &pool)
	if slices.Contains(pool.IDs(), ids["far-willing"]) || pool.Total != 2 {
		t.Errorf("radius 10 km: %v", pool.IDs())
	}
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?drivingLicence=true", "", http.StatusOK, &pool)
	if got := pool.IDs(); len(got) != int(licensed) || got[0] != ids["exact"] {
		t.Errorf("with rijbewijs: %v", got)
	}
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?freshOnly=true", "", http.StatusOK, &pool)
	if slices.Contains(pool.IDs(), ids["far-willing"]) {
		t.Error("freshOnly keeps a stale profile")
	}
	// The far-unwilling candidate appears once the opening is within their 10 km.
	near10 := wg.CreateOpening(strings.Replace(body, `"postcode":"3511 AB"`, `"postcode":"3811 AA"`, 1))
	wg.MoveOpening(near10.ID, `{"state":"open"}`, http.StatusOK)
	wg.Call("GET", "/api/v1/openings/"+near10.ID+"/pool", "", http.StatusOK, &pool)
	if !slices.Contains(pool.IDs(), ids["far-unwilling"]) {
		t.Errorf("a candidate within their own travel distance is missing: %v", pool.IDs())
	}

	// The accountmanager pins the near candidate: first, labelled; unpinning restores the order.
	am := f.Browser().SignIn(apptest.AmA)
	am.Call("POST", "/api/v1/openings/"+o.ID+"/pins", fmt.Sprintf(`{"candidateId":%q,"note":"Sterk gemotiveerd"}`, ids["near"]), http.StatusNoContent, nil)
	var pinned struct {
		Items []struct {
			ID      string `json:"id"`
			Pinned  bool   `json:"pinned"`
			PinNote string `json:"pinNote"`
		} `json:"items"`
		Total int `json:"total"`
	}
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pinned)
	if len(pinned.Items) != 3 || pinned.Items[0].ID != ids["near"] || !pinned.Items[0].Pinned || pinned.Items[0].PinNote != "Sterk gemotiveerd" || pinned.Items[1].Pinned || pinned.Total != 3 {
		t.Fatalf("pinned first: %+v", pinned)
	}
	// Facet counts include the pinned candidate, on the first page and on later ones.
	for _, page := range []string{"1", "2"} {
		var facets apptest.Pool
		wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?page="+page, "", http.StatusOK, &facets)
		if facets.Total != 3 || facets.Facets["rung"]["4"] != 1 || facets.Facets["drivingLicence"]["true"] != int(licensed) {
			t.Errorf("page %s with a pin: total %d, facets %v", page, facets.Total, facets.Facets)
		}
	}
	am.Call("POST", "/api/v1/openings/"+o.ID+"/pins", fmt.Sprintf(`{"candidateId":%q}`, ids["no-consent"]), http.StatusConflict, nil)
	wg.Call("POST", "/api/v1/openings/"+o.ID+"/pins", fmt.Sprintf(`{"candidateId":%q}`, ids["exact"]), http.StatusForbidden, nil)
	am.Call("DELETE", "/api/v1/openings/"+o.ID+"/pins/"+ids["near"], "", http.StatusNoContent, nil)
	am.Call("DELETE", "/api/v1/openings/"+o.ID+"/pins/"+ids["near"], "", http.StatusNotFound, nil)
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	if got := pool.IDs(); len(got) != 3 || got[0] != ids["exact"] {
		t.Errorf("after unpinning: %v", got)
	}

	// The reverse direction: the klantmanager sees the open openings that fit a candidate.
	_, err = f.Search.Reindex(ctx, opening.Source{DB: g, Skills: f.Skills})
	apptest.Must(t, err)
	var fits struct {
		Items []struct {
			OpeningID, Title, OrganisationName string
			Exact                              bool
			DistanceKm                         int
			Reasons                            []struct{ Criterion, Outcome, Gap string }
		} `json:"items"`
	}
	kmB := f.Browser().SignIn(apptest.KmA)
	kmB.Call("GET", "/api/v1/candidates/"+ids["exact"]+"/openings", "", http.StatusOK, &fits)
	if len(fits.Items) != 1 || fits.Items[0].OpeningID != o.ID || !fits.Items[0].Exact || fits.Items[0].OrganisationName != "Bakkerij De Korenschoof" {
		t.Fatalf("openings for the exact candidate (the 20 km one is beyond their 15 km): %+v", fits.Items)
	}
	kmB.Call("GET", "/api/v1/candidates/"+ids["near"]+"/openings", "", http.StatusOK, &fits)
	if len(fits.Items) != 1 || fits.Items[0].Exact {
		t.Fatalf("openings for the near candidate: %+v", fits.Items)
	}
	f.Browser().SignIn("km.bakker@demo.werkhaven.nl").Call("GET", "/api/v1/candidates/"+ids["exact"]+"/openings", "", http.StatusNotFound, nil)

	// Bad input and tenancy.
	for _, q := range []string{"radiusKm=300", "page=60", "rungMin=5&rungMax=3", "hoursMin=30&hoursMax=20", "availableBefore=morgen", "minEducation=phd"} {
		wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?"+q, "", http.StatusBadRequest, nil)
	}
	f.Browser().SignIn(apptest.Werkgever2).Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.AdminB).Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusNotFound, nil)
	wg.MoveOpening(o.ID, `{"state":"closed"}`, http.StatusOK)
	var p apptest.Problem
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusConflict, &p)
	if p.Code != "openingFinished" {
		t.Errorf("closed opening: %+v", p)
	}
	// Participatieplekken reach rungs 2–4: the low-rung candidate, not the rung-5/6 ones.
	zorg := f.Browser().SignIn(apptest.ZorgA)
	pp := strings.NewReplacer(`"kind":"vacature"`, `"kind":"participatieplek"`, `"contractType":"tijdelijk"`, `"contractType":"geen"`,
		`"wageMinCents":240000,"wageMaxCents":280000,`, ``).Replace(body)
	po := zorg.CreateOpening(pp)
	zorg.MoveOpening(po.ID, `{"state":"open"}`, http.StatusOK)
	zorg.Call("GET", "/api/v1/openings/"+po.ID+"/pool", "", http.StatusOK, &pool)
	if got := pool.IDs(); !slices.Contains(got, ids["low-rung"]) || slices.Contains(got, ids["exact"]) {
		t.Errorf("participatieplek pool: %v", got)
	}
}

// Among candidates equal on occupation and skills, those who can work the
// opening's minimum hours rank first, even when the others' profiles are
// fresher; anyOccupation keeps that order.
func TestPoolRanksHoursFit(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	f.BootstrapCandidates()
	g := f.DB.Gorm
	apptest.Must(t, g.Exec(`DELETE FROM candidates`).Error)
	km := authz.Principal{UserID: f.User[apptest.KmA], RegionID: f.RegionA, Role: authz.Klantmanager}
	kctx := authz.WithPrincipal(ctx, km)
	orderpicker := f.OccupationID("orderpicker")
	var fit, short []string
	for i, hours := range [][2]int{{24, 32}, {8, 12}, {24, 36}, {12, 16}, {32, 40}, {4, 8}} {
		travel, rung, hmin, hmax := 25, 5, hours[0], hours[1]
		c, err := f.Candidates.Create(kctx, km, candidate.Profile{Occupations: []string{orderpicker}, Skills: []string{"heftruckcertificaat"}, PC4: "3511",
			MaxTravelKm: &travel, Rung: &rung, HoursMin: &hmin, HoursMax: &hmax}, candidate.Identity{Name: fmt.Sprintf("Uren %d", i)}, "")
		apptest.Must(t, err)
		// The short-hours candidates confirmed most recently: the sort alone would put them first.
		age := 30 - i
		if hmax >= 24 {
			fit = append(fit, c.ID)
		} else {
			short, age = append(short, c.ID), i
		}
		apptest.Must(t, g.Exec(`UPDATE candidates SET consent = true, confirmed_at = ? WHERE id = ?`, f.Clock().AddDate(0, 0, -age), c.ID).Error)
	}
	_, err := f.Search.Reindex(ctx, candidate.Source{DB: g})
	apptest.Must(t, err)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	body := strings.NewReplacer(`"occupationId":"`+f.OccupationID("bakker")+`"`, `"occupationId":"`+orderpicker+`"`,
		`"requiredSkills":["haccp"],"niceSkills":["klantgericht"]`, `"requiredSkills":["heftruckcertificaat"]`).Replace(f.OpeningJSON("", "Orderpicker"))
	if !strings.Contains(body, `"hoursMin":24`) {
		t.Fatalf("test data: the opening asks 24 hours: %s", body)
	}
	o := wg.CreateOpening(body)
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	got := pool.IDs()
	if len(got) != 6 {
		t.Fatalf("pool %v, want all six", got)
	}
	for i, id := range got {
		if (i < 3) != slices.Contains(fit, id) {
			t.Fatalf("the three who can work 24 hours rank first: %v (fit %v, short %v)", got, fit, short)
		}
	}
	// Alle beroepen keeps the rule: the same six in the same order (never
	// newest first alone).
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?anyOccupation=true", "", http.StatusOK, &pool)
	if any := pool.IDs(); !slices.Equal(any, got) {
		t.Errorf("anyOccupation: %v, want the rule's order %v", any, got)
	}
}
