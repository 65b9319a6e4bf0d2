package matching_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// population is a hand-built set of candidates of region A, registered by
// klantmanager De Vries with consent, fresh and indexed.
type population struct {
	f   *apptest.Fixture
	ids map[string]string
}

// person is one candidate of a population.
type person struct {
	name, occupation, pc4 string
	skills                []string
	hoursMax              int
	licence               bool
}

func newPopulation(t *testing.T, people ...person) population {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	f.BootstrapCandidates()
	g := f.DB.Gorm
	apptest.Must(t, g.Exec(`DELETE FROM candidates`).Error)
	km := authz.Principal{UserID: f.User[apptest.KmA], RegionID: f.RegionA, Role: authz.Klantmanager}
	kctx := authz.WithPrincipal(ctx, km)
	ids := map[string]string{}
	for _, p := range people {
		travel, rung, hmin, hmax := 20, 4, min(8, p.hoursMax), p.hoursMax
		c, err := f.Candidates.Create(kctx, km, candidate.Profile{Occupations: []string{f.OccupationID(p.occupation)}, Skills: p.skills, PC4: p.pc4,
			MaxTravelKm: &travel, Rung: &rung, HoursMin: &hmin, HoursMax: &hmax, DrivingLicence: p.licence}, candidate.Identity{Name: p.name}, "")
		apptest.Must(t, err)
		ids[p.name] = c.ID
		apptest.Must(t, g.Exec(`UPDATE candidates SET consent = true, confirmed_at = ? WHERE id = ?`, f.Clock().AddDate(0, 0, -10), c.ID).Error)
	}
	_, err := f.Search.Reindex(ctx, candidate.Source{DB: g})
	apptest.Must(t, err)
	return population{f: f, ids: ids}
}

// names are the people of the population in the order of ids.
func (p population) names(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		for name, x := range p.ids {
			if x == id {
				out[i] = name
			}
		}
	}
	return out
}

// openingJSON is a vacature at 3511 AB for occupation with required skills
// and extra JSON fields.
func (p population) openingJSON(title, occupation string, required []string, extra string) string {
	req := `[]`
	if len(required) > 0 {
		req = `["` + strings.Join(required, `","`) + `"]`
	}
	return fmt.Sprintf(`{"kind":"vacature","title":%q,"occupationId":%q,"requiredSkills":%s,%s"postcode":"3511 AB","maxTravelKm":15,
		"hoursMin":24,"hoursMax":32,"contractType":"tijdelijk","places":1}`, title, p.f.OccupationID(occupation), req, extra)
}

// The case that started Matching v2: a bakery publishes "bakkerijmedewerker"
// (ISCO 8160) and finds the region's bakers (7512) and the baker's shop
// sellers (5223) through the bakery family, with "verwant beroep" reasons;
// a related candidate whose hours fit ranks above an exact one whose hours
// fall short; the klantmanager's Passende vacatures for a baker lists it.
func TestBakeryFindsBakers(t *testing.T) {
	pop := newPopulation(t,
		person{name: "Bakker Een", occupation: "bakker", pc4: "3512", skills: []string{"haccp"}, hoursMax: 32},
		person{name: "Bakker Twee", occupation: "bakker", pc4: "3521", hoursMax: 32},
		person{name: "Winkel Brood", occupation: "verkoopspecialist brood en banket", pc4: "3511", skills: []string{"haccp"}, hoursMax: 28},
		person{name: "Exact Kort", occupation: "bakkerijmedewerker", pc4: "3511", skills: []string{"haccp"}, hoursMax: 12},
		person{name: "Exact Past", occupation: "bakkerijmedewerker", pc4: "3511", hoursMax: 32},
		person{name: "Kassa Ander", occupation: "kassamedewerker", pc4: "3511", skills: []string{"haccp"}, hoursMax: 32},
	)
	f := pop.f
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := wg.CreateOpening(pop.openingJSON("Medewerker bakkerij", "bakkerijmedewerker", []string{"haccp"}, ""))
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	got := pop.names(pool.IDs())
	// Band 1 the exact one whose hours fit; band 2 the family with HACCP
	// before the baker without; band 3 the exact one with too few hours;
	// the cashier is other work.
	want := []string{"Exact Past", "Bakker Een", "Winkel Brood", "Bakker Twee", "Exact Kort"}
	if !slices.Equal(got[:1], want[:1]) || !slices.Equal(got[3:], want[3:]) || !slices.Contains(got[1:3], "Bakker Een") || !slices.Contains(got[1:3], "Winkel Brood") {
		t.Fatalf("pool %v, want %v (the middle two in either order)", got, want)
	}
	for _, c := range pool.Items {
		name := pop.names([]string{c.ID})[0]
		var occReason string
		for _, r := range c.Reasons {
			if r.Criterion == "occupation" {
				occReason = r.ReasonNl
			}
		}
		switch name {
		case "Bakker Een", "Bakker Twee":
			if c.OccupationMatch != "close" || c.Band != 2 || occReason != "Verwant beroep: bakker." {
				t.Errorf("%s: match %s band %d reason %q", name, c.OccupationMatch, c.Band, occReason)
			}
		case "Exact Kort":
			if c.OccupationMatch != "exact" || c.Band != 3 {
				t.Errorf("%s: match %s band %d", name, c.OccupationMatch, c.Band)
			}
		}
	}
	// A pool larger than one read is read tier by tier: the same order.
	f.Pools.ReadCap = 3
	var banded apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &banded)
	f.Pools.ReadCap = 0
	if b := pop.names(banded.IDs()); !slices.Equal(b, got) || banded.Total != pool.Total {
		t.Errorf("read tier by tier: %v (total %d), in one read %v (total %d)", b, banded.Total, got, pool.Total)
	}
	// Alle beroepen adds the cashier at the end (band 4), order otherwise kept.
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool?anyOccupation=true", "", http.StatusOK, &pool)
	if all := pop.names(pool.IDs()); len(all) != 6 || all[5] != "Kassa Ander" || pool.Items[5].Band != 4 || !slices.Equal(all[:5], got) {
		t.Errorf("anyOccupation: %v", all)
	}
	// The reverse direction: a baker's Passende vacatures lists it as related.
	_, err := f.Search.Reindex(testkit.Context(t), opening.Source{DB: f.DB.Gorm, Skills: f.Skills})
	apptest.Must(t, err)
	km := f.Browser().SignIn(apptest.KmA)
	var fits struct {
		Items []struct {
			OpeningID, OccupationMatch string
			Band                       int
		} `json:"items"`
	}
	km.Call("GET", "/api/v1/candidates/"+pop.ids["Bakker Een"]+"/openings", "", http.StatusOK, &fits)
	found := false
	for _, it := range fits.Items {
		if it.OpeningID == o.ID {
			found = it.OccupationMatch == "close" && it.Band == 2
		}
	}
	if !found {
		t.Errorf("the baker's fitting openings %+v miss the bakery opening as close, band 2", fits.Items)
	}
}

// A verplicht licence leaves out everyone without one; the licence is one
// fact (the candidate's flag), whatever the skills list says.
func TestMandatoryLicence(t *testing.T) {
	pop := newPopulation(t,
		person{name: "Met Rijbewijs", occupation: "auto- en bestelwagenkoerier", pc4: "3511", hoursMax: 32, licence: true},
		person{name: "Zonder Rijbewijs", occupation: "auto- en bestelwagenkoerier", pc4: "3511", hoursMax: 32},
		person{name: "Zonder Maar Goed", occupation: "auto- en bestelwagenkoerier", pc4: "3511", skills: []string{"klantgericht"}, hoursMax: 32},
	)
	f := pop.f
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := wg.CreateOpening(pop.openingJSON("Bezorger", "auto- en bestelwagenkoerier", []string{"rijbewijs-b", "klantgericht"}, `"mandatorySkills":["rijbewijs-b"],`))
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	if got := pop.names(pool.IDs()); !slices.Equal(got, []string{"Met Rijbewijs"}) || pool.Total != 1 {
		t.Errorf("verplicht rijbewijs B: %v (total %d), want only the one with a licence", got, pool.Total)
	}
	// Not verplicht: everyone, the licence holder and the one with the
	// other wish first (one wish each), then the one with none.
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"mandatorySkills":[]}`, http.StatusOK, nil)
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	if got := pop.names(pool.IDs()); len(got) != 3 || got[2] != "Zonder Rijbewijs" {
		t.Errorf("wishes only: %v, want the one without any wish last", got)
	}
	// The klantmanager's form cannot make the two disagree.
	km := f.Browser().SignIn(apptest.KmA)
	var p apptest.Problem
	km.Call("PUT", "/api/v1/candidates/"+pop.ids["Zonder Rijbewijs"]+"/profile", strings.Replace(profileJSON(f, "auto- en bestelwagenkoerier"),
		`"skills":[]`, `"skills":["rijbewijs-b"]`, 1), http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "skills" || p.InvalidParams[0].Code != "licenceDisagrees" {
		t.Errorf("skill without flag: %+v", p)
	}
	var c struct {
		Profile struct {
			Skills         []string `json:"skills"`
			DrivingLicence bool     `json:"drivingLicence"`
		} `json:"profile"`
	}
	km.Call("GET", "/api/v1/candidates/"+pop.ids["Met Rijbewijs"], "", http.StatusOK, &c)
	if !c.Profile.DrivingLicence || !slices.Contains(c.Profile.Skills, "rijbewijs-b") {
		t.Errorf("the flag shows as the skill: %+v", c.Profile)
	}
	var stored int64
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT count(*) FROM candidates WHERE 'rijbewijs-b' = ANY (skills)`).Scan(&stored).Error)
	if stored != 0 {
		t.Errorf("%d candidates store the licence as a skill", stored)
	}
}

func profileJSON(f *apptest.Fixture, occupation string) string {
	return fmt.Sprintf(`{"occupations":[%q],"skills":[],"experience":"","education":"","languages":[],"drivingLicence":false,"ownTransport":false,
		"pc4":"3511","maxTravelKm":20,"hoursMin":8,"hoursMax":32,"days":[],"dayParts":[],"rung":4,"supportNeeds":[],"doelgroepregister":false,
		"praktijkroute":false,"lksIndicatie":false,"status":"available"}`, f.OccupationID(occupation))
}

// An accountmanager relates two occupations for the region and the next
// pool follows; werkgevers cannot; bad input changes nothing; another
// region cannot undo it.
func TestRegionRelation(t *testing.T) {
	pop := newPopulation(t,
		person{name: "Bakker Een", occupation: "bakker", pc4: "3512", hoursMax: 32},
		person{name: "Kassa Een", occupation: "kassamedewerker", pc4: "3512", hoursMax: 32},
	)
	f := pop.f
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := wg.CreateOpening(pop.openingJSON("Kassa", "kassamedewerker", nil, ""))
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	if got := pop.names(pool.IDs()); !slices.Equal(got, []string{"Kassa Een"}) {
		t.Fatalf("before: %v", got)
	}
	kassa, bakker := f.OccupationID("kassamedewerker"), f.OccupationID("bakker")
	body := fmt.Sprintf(`{"occupationId":%q,"relatedOccupationId":%q,"action":"add"}`, bakker, kassa)
	var p apptest.Problem
	wg.Call("POST", "/api/v1/occupation-relations", body, http.StatusForbidden, &p)
	am := f.Browser().SignIn(apptest.AmA)
	for _, bad := range []struct{ body, field, code string }{
		{fmt.Sprintf(`{"occupationId":%q,"relatedOccupationId":%q,"action":"add"}`, kassa, kassa), "relatedOccupationId", "self"},
		{fmt.Sprintf(`{"occupationId":"bestaat-niet","relatedOccupationId":%q,"action":"add"}`, kassa), "occupationId", "unknown"},
	} {
		am.Call("POST", "/api/v1/occupation-relations", bad.body, http.StatusBadRequest, &p)
		if len(p.InvalidParams) == 0 || p.InvalidParams[0].Name != bad.field || p.InvalidParams[0].Code != bad.code {
			t.Errorf("%s: %+v", bad.body, p)
		}
	}
	var rel struct {
		ID     string `json:"id"`
		Action string `json:"action"`
	}
	am.Call("POST", "/api/v1/occupation-relations", body, http.StatusCreated, &rel)
	// The same pair the other way round is the same relation.
	am.Call("POST", "/api/v1/occupation-relations", fmt.Sprintf(`{"occupationId":%q,"relatedOccupationId":%q,"action":"remove"}`, kassa, bakker), http.StatusConflict, &p)
	if p.Code != "duplicate" || f.Count(`SELECT count(*) FROM occupation_relations`) != 1 {
		t.Errorf("duplicate: %+v", p)
	}
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	if got := pop.names(pool.IDs()); !slices.Equal(got, []string{"Kassa Een", "Bakker Een"}) || pool.Items[1].OccupationMatch != "close" {
		t.Errorf("after the relation: %v", got)
	}
	var related struct {
		Items []struct{ ID, Strength, Source string } `json:"items"`
	}
	wg.Call("GET", "/api/v1/occupations/"+kassa+"/related-occupations", "", http.StatusOK, &related)
	if i := slices.IndexFunc(related.Items, func(r struct{ ID, Strength, Source string }) bool { return r.ID == bakker }); i < 0 || related.Items[i].Source != "region" {
		t.Errorf("related occupations of kassamedewerker: %+v", related.Items)
	}
	// The region's list shows it, whoever of the staff asks; another region's does not.
	var list struct {
		Items []struct {
			ID, OccupationID, RelatedOccupationID, Action, OccupationLabel string
		} `json:"items"`
	}
	f.Browser().SignIn(apptest.KmA).Call("GET", "/api/v1/occupation-relations", "", http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].ID != rel.ID || list.Items[0].Action != "add" || list.Items[0].OccupationID == "" ||
		list.Items[0].OccupationLabel == "" || list.Items[0].RelatedOccupationID == "" {
		t.Errorf("the region's relations: %+v", list.Items)
	}
	f.Browser().SignIn(apptest.AdminB).Call("GET", "/api/v1/occupation-relations", "", http.StatusOK, &list)
	if len(list.Items) != 0 {
		t.Errorf("another region sees %+v", list.Items)
	}
	// Another region's accountmanager does not see it to delete.
	other := f.Browser().SignIn(apptest.AdminB)
	other.Call("DELETE", "/api/v1/occupation-relations/"+rel.ID, "", http.StatusNotFound, &p)
	am.Call("DELETE", "/api/v1/occupation-relations/"+rel.ID, "", http.StatusNoContent, nil)
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	if got := pop.names(pool.IDs()); !slices.Equal(got, []string{"Kassa Een"}) {
		t.Errorf("after undoing: %v", got)
	}
	// "remove" takes a built-in relation away: kassamedewerker and
	// winkelmedewerker share a family.
	winkel := f.OccupationID("winkelmedewerker")
	am.Call("POST", "/api/v1/occupation-relations", fmt.Sprintf(`{"occupationId":%q,"relatedOccupationId":%q,"action":"remove"}`, kassa, winkel), http.StatusCreated, nil)
	wg.Call("GET", "/api/v1/occupations/"+kassa+"/related-occupations", "", http.StatusOK, &related)
	if slices.IndexFunc(related.Items, func(r struct{ ID, Strength, Source string }) bool { return r.ID == winkel }) >= 0 {
		t.Errorf("winkelmedewerker still related after remove")
	}
}

// "Ook passend" brings an occupation in as close; bad lists are refused
// with the field and index; the picker's counts hide 1 to 4.
func TestAcceptableOccupationsAndEstimates(t *testing.T) {
	people := []person{{name: "Schilder", occupation: "kassamedewerker", pc4: "3511", hoursMax: 32}}
	for i := range 5 {
		people = append(people, person{name: fmt.Sprintf("Bakker %d", i), occupation: "bakker", pc4: "3512", hoursMax: 32})
	}
	pop := newPopulation(t, people...)
	f := pop.f
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	kassa, bakker := f.OccupationID("kassamedewerker"), f.OccupationID("bakker")
	var p apptest.Problem
	for _, bad := range []struct{ extra, field, code string }{
		{fmt.Sprintf(`"acceptableOccupationIds":[%q,"bestaat-niet"],`, kassa), "acceptableOccupationIds[1]", "unknown"},
		{fmt.Sprintf(`"acceptableOccupationIds":[%q],`, bakker), "acceptableOccupationIds[0]", "sameAsMain"},
		{fmt.Sprintf(`"acceptableOccupationIds":[%q,%q],`, kassa, kassa), "acceptableOccupationIds[1]", "duplicate"},
		{`"mandatorySkills":["vca-basis"],`, "mandatorySkills", "notRequired"},
	} {
		wg.Call("POST", "/api/v1/openings", pop.openingJSON("Fout", "bakker", []string{"haccp"}, bad.extra), http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != bad.field || p.InvalidParams[0].Code != bad.code {
			t.Errorf("%s: %+v", bad.extra, p)
		}
	}
	eleven := strings.Repeat(fmt.Sprintf("%q,", kassa), 10) + fmt.Sprintf("%q", kassa)
	resp, raw := wg.Do("POST", "/api/v1/openings", pop.openingJSON("Fout", "bakker", nil, `"acceptableOccupationIds":[`+eleven+`],`))
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(raw), "acceptableOccupationIds") {
		t.Errorf("eleven acceptable occupations: %d %s", resp.StatusCode, raw)
	}
	if n := f.Count(`SELECT count(*) FROM openings WHERE title = 'Fout'`); n != 0 {
		t.Errorf("%d refused openings stored", n)
	}
	o := wg.CreateOpening(pop.openingJSON("Bakker", "bakker", nil, fmt.Sprintf(`"acceptableOccupationIds":[%q],`, kassa)))
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	if got := pop.names(pool.IDs()); len(got) != 6 || got[5] != "Schilder" || pool.Items[5].OccupationMatch != "close" {
		t.Errorf("ook passend: %v", got)
	}
	var est struct {
		Items []struct {
			OccupationID  string `json:"occupationId"`
			Count         *int   `json:"count"`
			FewerThanFive bool   `json:"fewerThanFive"`
		} `json:"items"`
	}
	medewerker := f.OccupationID("bakkerijmedewerker")
	wg.Call("GET", fmt.Sprintf("/api/v1/pool-estimates?occupationIds=%s,%s,%s&postcode=3511AB&maxTravelKm=15&kind=vacature", bakker, medewerker, kassa), "", http.StatusOK, &est)
	if len(est.Items) != 3 || est.Items[0].Count == nil || *est.Items[0].Count != 5 || est.Items[1].Count == nil || *est.Items[1].Count != 0 ||
		est.Items[2].Count != nil || !est.Items[2].FewerThanFive {
		t.Errorf("estimates: %+v", est.Items)
	}
	for _, bad := range []string{"postcode=12&maxTravelKm=15&occupationIds=" + bakker, "postcode=3511AB&maxTravelKm=15&occupationIds=bestaat-niet"} {
		wg.Call("GET", "/api/v1/pool-estimates?"+bad, "", http.StatusBadRequest, &p)
	}
}

// In the demo region, a new vacature with bakkerijmedewerker finds the demo
// bakers on page 1.
func TestDemoBakeryVacature(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	f.BootstrapCandidates()
	g := f.DB.Gorm
	apptest.Must(t, g.Exec(`DELETE FROM candidates`).Error)
	_, err := seed.DemoCandidates(ctx, g, f.Candidates, f.RegionA)
	apptest.Must(t, err)
	_, err = f.Search.Reindex(ctx, candidate.Source{DB: g})
	apptest.Must(t, err)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	body := fmt.Sprintf(`{"kind":"vacature","title":"Medewerker bakkerij","occupationId":%q,"requiredSkills":["haccp"],"postcode":"3511 AB",
		"maxTravelKm":15,"hoursMin":20,"hoursMax":32,"contractType":"tijdelijk","places":1}`, f.OccupationID("bakkerijmedewerker"))
	o := wg.CreateOpening(body)
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	var pool apptest.Pool
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/pool", "", http.StatusOK, &pool)
	var bakers []string
	apptest.Must(t, g.Raw(`SELECT c.id FROM candidates c JOIN occupations o ON o.id = ANY (c.occupations) WHERE o.label = 'bakker' AND c.consent`).Scan(&bakers).Error)
	found := 0
	for _, c := range pool.Items {
		if slices.Contains(bakers, c.ID) {
			found++
			if c.OccupationMatch != "close" {
				t.Errorf("a demo baker shows as %s", c.OccupationMatch)
			}
		}
	}
	if found < 3 || len(pool.Items) == 0 {
		t.Errorf("page 1 holds %d of the %d consenting demo bakers (%d cards)", found, len(bakers), len(pool.Items))
	}
	t.Logf("page 1: %d cards, %d of them demo bakers (%d bakers consented)", len(pool.Items), found, len(bakers))
}

// Bad input on the new operations answers a problem and changes nothing.
func TestRelatedOccupationsBadInput(t *testing.T) {
	f := apptest.New(t)
	f.BootstrapCandidates()
	am := f.Browser().SignIn(apptest.AmA)
	kassa := f.OccupationID("kassamedewerker")
	for _, c := range []struct {
		method, path, body string
		want               int
	}{
		{"GET", "/api/v1/occupations/bestaat-niet/related-occupations", "", http.StatusNotFound},
		{"POST", "/api/v1/occupation-relations", `{"occupationId":`, http.StatusBadRequest},
		{"POST", "/api/v1/occupation-relations", `{"occupationId":12,"relatedOccupationId":true,"action":"add"}`, http.StatusBadRequest},
		{"POST", "/api/v1/occupation-relations", fmt.Sprintf(`{"occupationId":%q,"relatedOccupationId":%q,"action":"misschien"}`, kassa, f.OccupationID("bakker")), http.StatusBadRequest},
		{"DELETE", "/api/v1/occupation-relations/niet-een-uuid", "", http.StatusBadRequest},
		{"DELETE", "/api/v1/occupation-relations/00000000-0000-4000-8000-000000000000", "", http.StatusNotFound},
		{"GET", "/api/v1/pool-estimates?occupationIds=" + strings.TrimSuffix(strings.Repeat(kassa+",", 21), ",") + "&postcode=3511AB&maxTravelKm=10", "", http.StatusBadRequest},
		{"GET", "/api/v1/pool-estimates?occupationIds=&postcode=3511AB&maxTravelKm=10", "", http.StatusBadRequest},
		{"GET", "/api/v1/pool-estimates?occupationIds=" + kassa + "&postcode=3511AB&maxTravelKm=500", "", http.StatusBadRequest},
		{"GET", "/api/v1/pool-estimates?occupationIds=" + kassa + "&postcode=3511AB&maxTravelKm=10&kind=baan", "", http.StatusBadRequest},
	} {
		resp, raw := am.Do(c.method, c.path, c.body)
		if resp.StatusCode != c.want || !strings.Contains(resp.Header.Get("Content-Type"), "problem+json") {
			t.Errorf("%s %s: %d %s, want %d problem+json", c.method, c.path[:min(80, len(c.path))], resp.StatusCode, raw[:min(200, len(raw))], c.want)
		}
	}
	if n := f.Count(`SELECT count(*) FROM occupation_relations`); n != 0 {
		t.Errorf("%d relations stored by bad requests", n)
	}
}
