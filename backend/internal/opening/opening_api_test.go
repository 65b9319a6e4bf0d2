package opening_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// A werkgever creates a vacature: it is a geocoded draft with its
// occupation's unit group; bad input names the field and stores nothing.
func TestCreateOpening(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := wg.CreateOpening(f.OpeningJSON("", "Bakker in de ochtend"))
	if o.State != "draft" || o.Place != "Utrecht" || o.Postcode != "3511 AB" || o.Occupation.Label != "bakker" || o.Occupation.ISCOGroup != "7512" ||
		o.OrganisationID != f.Org["Bakkerij De Korenschoof"] || strings.Join(o.Days, ",") != "ma,di,wo" || strings.Join(o.AllowedStates, ",") != "open,closed" {
		t.Fatalf("created opening: %+v", o)
	}
	before := f.Count(`SELECT count(*) FROM openings`)
	past := f.Clock().AddDate(0, 0, -2).Format(time.DateOnly)
	valid := f.OpeningJSON("", "Bakker")
	bad := []struct {
		name, from, to, field string
	}{
		{"malformed postcode", `"postcode":"3511 AB"`, `"postcode":"35111"`, "postcode"},
		{"unknown postcode", `"postcode":"3511 AB"`, `"postcode":"1000 AA"`, "postcode"},
		{"unknown occupation", `"occupationId":"`, `"occupationId":"x`, "occupationId"},
		{"unknown skill", `"requiredSkills":["haccp"]`, `"requiredSkills":["zelfverzonnen"]`, "requiredSkills"},
		{"skill twice", `"niceSkills":["klantgericht"]`, `"niceSkills":["haccp"]`, "niceSkills"},
		{"hours min > max", `"hoursMin":24`, `"hoursMin":36`, "hoursMax"},
		{"hours > 60", `"hoursMax":32`, `"hoursMax":61`, "hoursMax"},
		{"wage min > max", `"wageMinCents":240000`, `"wageMinCents":290000`, "wageMaxCents"},
		{"start in the past", `"places":2`, `"places":2,"startDate":"` + past + `"`, "startDate"},
		{"participatieplek by a werkgever", `"kind":"vacature"`, `"kind":"participatieplek"`, "kind"},
		{"contract for a proefplaats", `"kind":"vacature"`, `"kind":"proefplaats"`, "contractType"},
		{"unknown support", `"support":["jobcoach","vaste-structuur"]`, `"support":["massage"]`, "support[0]"},
		{"wrong type", `"places":2`, `"places":"twee"`, "places"},
		{"control characters in title", `"title":"Bakker"`, `"title":"Bak\u0000ker"`, "title"},
	}
	for _, c := range bad {
		body := strings.Replace(valid, c.from, c.to, 1)
		if body == valid {
			t.Fatalf("%s: replacement did not apply", c.name)
		}
		var p apptest.Problem
		wg.Call("POST", "/api/v1/openings", body, http.StatusBadRequest, &p)
		if !strings.Contains(strings.Join(p.Names(), ","), c.field) {
			t.Errorf("%s: invalidParams %v, want %s", c.name, p.Names(), c.field)
		}
	}
	wg.Call("POST", "/api/v1/openings", `{"kind":`, http.StatusBadRequest, nil)
	wg.Call("POST", "/api/v1/openings", `{"kind":"vacature","title":"`+strings.Repeat("x", 500)+`"}`, http.StatusBadRequest, nil)
	// Posting for another organisation is not possible for organisation users.
	wg.Call("POST", "/api/v1/openings", f.OpeningJSON("Logistiek Centrum Nieuwegein", "Bakker"), http.StatusNotFound, nil)
	if after := f.Count(`SELECT count(*) FROM openings`); after != before {
		t.Fatalf("bad input changed %d openings", after-before)
	}

	// Accountmanagers post for the organisations in their portfolio only.
	am := f.Browser().SignIn(apptest.AmA)
	if o := am.CreateOpening(f.OpeningJSON("Bakkerij De Korenschoof", "Bakker")); o.OrganisationID != f.Org["Bakkerij De Korenschoof"] {
		t.Fatalf("accountmanager's opening: %+v", o)
	}
	am.Call("POST", "/api/v1/openings", f.OpeningJSON("Logistiek Centrum Nieuwegein", "Bakker"), http.StatusForbidden, nil)
	am.Call("POST", "/api/v1/openings", f.OpeningJSON("", "Bakker"), http.StatusBadRequest, nil)
	// A zorgaanbieder posts participatieplekken, not vacatures.
	zorg := f.Browser().SignIn(apptest.ZorgA)
	var p apptest.Problem
	zorg.Call("POST", "/api/v1/openings", f.OpeningJSON("", "Bakker"), http.StatusBadRequest, &p)
	if strings.Join(p.Names(), ",") != "kind" {
		t.Fatalf("zorgaanbieder posting a vacature: %v", p.Names())
	}
	body := strings.NewReplacer(`"kind":"vacature"`, `"kind":"participatieplek"`, `"contractType":"tijdelijk"`, `"contractType":"geen"`,
		`"wageMinCents":240000,"wageMaxCents":280000,`, ``).Replace(f.OpeningJSON("", "Meewerken in de bakkerij"))
	zorg.CreateOpening(body)
}

// Every pair of states: allowed transitions answer 200, the others 409 and
// leave the opening as it was.
func TestOpeningTransitions(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	reach := map[string][]string{
		"draft":  nil,
		"open":   {`{"state":"open"}`},
		"paused": {`{"state":"open"}`, `{"state":"paused"}`},
		"filled": {`{"state":"open"}`, `{"state":"filled","filledCount":1}`},
		"closed": {`{"state":"closed"}`},
	}
	allowed := map[string]bool{"draft>open": true, "draft>closed": true, "open>paused": true, "open>filled": true, "open>closed": true,
		"paused>open": true, "paused>filled": true, "paused>closed": true}
	for from, path := range reach {
		for _, to := range []string{"open", "paused", "filled", "closed"} {
			o := wg.CreateOpening(f.OpeningJSON("", "Bakker"))
			for _, step := range path {
				wg.MoveOpening(o.ID, step, http.StatusOK)
			}
			body := fmt.Sprintf(`{"state":%q}`, to)
			if to == "filled" {
				body = `{"state":"filled","filledCount":2}`
			}
			if allowed[from+">"+to] {
				got, _ := wg.MoveOpening(o.ID, body, http.StatusOK)
				if got.State != to {
					t.Errorf("%s → %s: state %s", from, to, got.State)
				}
				if to == "filled" && (got.FilledCount == nil || *got.FilledCount != 2) {
					t.Errorf("filled records the count: %v", got.FilledCount)
				}
				continue
			}
			_, p := wg.MoveOpening(o.ID, body, http.StatusConflict)
			if p.Code != "stateTransition" {
				t.Errorf("%s → %s: code %q", from, to, p.Code)
			}
			if st := f.Count(`SELECT count(*) FROM openings WHERE id = ? AND state = ?`, o.ID, from); st != 1 {
				t.Errorf("%s → %s refused but the state changed", from, to)
			}
		}
	}
	o := wg.CreateOpening(f.OpeningJSON("", "Bakker"))
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	for _, bad := range []string{`{"state":"filled"}`, `{"state":"filled","filledCount":3}`, `{"state":"draft"}`, `{"state":"paused","filledCount":1}`} {
		wg.MoveOpening(o.ID, bad, http.StatusBadRequest)
	}
	// A filled or closed opening is history.
	wg.MoveOpening(o.ID, `{"state":"filled","filledCount":0}`, http.StatusOK)
	var p apptest.Problem
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"places":5}`, http.StatusConflict, &p)
	if p.Code != "openingFinished" {
		t.Fatalf("edit of a filled opening: %+v", p)
	}
}

// A change's startDate is a date (format date) or null: null means as soon
// as possible (RFC 7396), absent leaves it as it is, and "" is no date.
func TestChangeStartDate(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := wg.CreateOpening(f.OpeningJSON("", "Bakker"))
	start := f.Clock().AddDate(0, 2, 0).Format(time.DateOnly)
	startIs := func(step, want string) {
		t.Helper()
		q := `SELECT count(*) FROM openings WHERE id = ? AND start_date IS NULL`
		args := []any{o.ID}
		if want != "" {
			q, args = `SELECT count(*) FROM openings WHERE id = ? AND start_date = ?::date`, []any{o.ID, want}
		}
		if f.Count(q, args...) != 1 {
			t.Fatalf("%s: start date is not %q", step, want)
		}
	}
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"startDate":"`+start+`"}`, http.StatusOK, nil)
	startIs("set", start)
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"places":3}`, http.StatusOK, nil)
	startIs("absent", start)
	for _, bad := range []string{`""`, `"1-2-2030"`, `"2030-02-01T00:00:00Z"`} {
		var p apptest.Problem
		wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"startDate":`+bad+`}`, http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "startDate" || p.InvalidParams[0].Code != "format" {
			t.Errorf("startDate %s: %+v", bad, p.InvalidParams)
		}
		startIs(bad, start)
	}
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"startDate":null}`, http.StatusOK, nil)
	startIs("null", "")
}

// The fairness check blocks publishing, records every hit for the
// accountmanager, lets the organisation ask for a review, and lets an
// accountmanager override with a reason.
func TestOpeningFairness(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	am := f.Browser().SignIn(apptest.AmA)
	body := strings.Replace(f.OpeningJSON("", "Jonge collega voor de bakkerij"), "Je bakt brood en banket in een klein team.", "Je bent maximaal 30 jaar en Nederlands als moedertaal.", 1)
	o := wg.CreateOpening(body)
	if len(o.Fairness) != 3 || o.Fairness[0].Field != "title" || o.Fairness[0].Match != "Jonge collega" || o.Fairness[0].Start != 0 || o.Fairness[0].Length != 13 {
		t.Fatalf("fairness hits on the draft: %+v", o.Fairness)
	}
	_, p := wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusConflict)
	if p.Code != "fairness" || strings.Join(p.Names(), ",") != "title,description,description" || !strings.Contains(p.InvalidParams[0].Reason, "Jonge collega") {
		t.Fatalf("blocked publish: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM fairness_hits WHERE opening_id = ? AND outcome = 'blocked'`, o.ID); n != 3 {
		t.Fatalf("recorded hits: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM openings WHERE id = ? AND state = 'draft' AND published_at IS NULL`, o.ID); n != 1 {
		t.Fatal("a blocked opening stays a draft")
	}
	var hits struct {
		Items []struct{ Match, Outcome, ActorName string } `json:"items"`
	}
	am.Call("GET", "/api/v1/openings/"+o.ID+"/fairness-hits", "", http.StatusOK, &hits)
	if len(hits.Items) != 3 || hits.Items[0].Outcome != "blocked" || hits.Items[0].ActorName != "Petra Korenschoof" {
		t.Fatalf("hits for the accountmanager: %+v", hits)
	}
	wg.Call("GET", "/api/v1/openings/"+o.ID+"/fairness-hits", "", http.StatusForbidden, nil)

	// Ask the accountmanager; asking twice is harmless.
	var reviewed apptest.Opening
	wg.Call("POST", "/api/v1/openings/"+o.ID+"/review-requests", "", http.StatusOK, &reviewed)
	wg.Call("POST", "/api/v1/openings/"+o.ID+"/review-requests", "", http.StatusOK, nil)
	if reviewed.ReviewRequestedAt == nil {
		t.Fatal("review request not recorded")
	}
	var portfolio struct {
		Items []struct {
			Name                              string
			Draft, ReviewRequested, Open      int
			FairnessBlocked                   int `json:"fairnessBlocked"`
			AccountmanagerName, LastContactOn string
		} `json:"items"`
	}
	am.Call("GET", "/api/v1/portfolio?attention=true", "", http.StatusOK, &portfolio)
	if len(portfolio.Items) != 1 || portfolio.Items[0].Name != "Bakkerij De Korenschoof" || portfolio.Items[0].ReviewRequested != 1 ||
		portfolio.Items[0].FairnessBlocked != 3 || portfolio.Items[0].AccountmanagerName != "Jeroen Jansen" {
		t.Fatalf("portfolio needing attention: %+v", portfolio.Items)
	}

	// Rephrased, it publishes, and the review request is done.
	var fixed apptest.Opening
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"title":"Collega voor de bakkerij","description":"Je spreekt Nederlands op B1-niveau. Team (m/v/x) met jonge honden en oude rotten in het vak? Nee: vakmensen."}`, http.StatusOK, &fixed)
	if len(fixed.Fairness) != 0 {
		t.Fatalf("allowed text flagged: %+v", fixed.Fairness)
	}
	if published, _ := wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK); published.State != "open" || published.ReviewRequestedAt != nil {
		t.Fatalf("published: %+v", published)
	}
	// The live text cannot take a discriminatory phrase.
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"description":"Alleen vrouwen."}`, http.StatusConflict, &p)
	if p.Code != "fairness" || f.Count(`SELECT count(*) FROM openings WHERE id = ? AND description LIKE 'Je spreekt%'`, o.ID) != 1 {
		t.Fatalf("edit of a live text: %+v", p)
	}

	// An accountmanager may publish flagged text after review, with a reason;
	// the organisation may not.
	o2 := wg.CreateOpening(f.OpeningJSON("", "Jonge collega"))
	wg.MoveOpening(o2.ID, `{"state":"open","overrideReason":"Mag wel"}`, http.StatusBadRequest)
	if got, _ := am.MoveOpening(o2.ID, `{"state":"open","overrideReason":"Functienaam 'Jonge collega' is de naam van een leerwerkprogramma; besproken met de werkgever."}`, http.StatusOK); got.State != "open" {
		t.Fatalf("override: %+v", got)
	}
	if n := f.Count(`SELECT count(*) FROM fairness_hits WHERE opening_id = ? AND outcome = 'overridden' AND override_reason <> ''`, o2.ID); n != 1 {
		t.Fatalf("override recorded: %d", n)
	}

	var check struct {
		Hits []struct{ Category string } `json:"hits"`
	}
	wg.Call("POST", "/api/v1/fairness-checks", `{"title":"Verkoper","description":"Geen hoofddoek en niet zwanger."}`, http.StatusOK, &check)
	if len(check.Hits) != 2 || check.Hits[0].Category != "religie" || check.Hits[1].Category != "zwangerschap" {
		t.Fatalf("fairness check: %+v", check)
	}
}

// Another organisation's or region's opening answers 404; an accountmanager
// reads the region but edits only the portfolio; klantmanagers see open
// openings only.
func TestOpeningTenancy(t *testing.T) {
	f := apptest.New(t)
	draft := f.NewOpening("Bakkerij De Korenschoof", opening.Draft)
	open := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	other := f.Browser().SignIn(apptest.Werkgever2)
	adminOther := f.Browser().SignIn(apptest.AdminB)
	km := f.Browser().SignIn(apptest.KmA)
	elbaz := f.Browser().SignIn("am.elbaz@demo.werkhaven.nl")
	cases := []struct {
		b                  *apptest.Browser
		method, path, body string
		want               int
	}{
		{other, "GET", "/api/v1/openings/" + open, "", 404},
		{other, "PATCH", "/api/v1/openings/" + draft, `{"places":4}`, 404},
		{other, "POST", "/api/v1/openings/" + draft + "/state-changes", `{"state":"open"}`, 404},
		{other, "POST", "/api/v1/openings/" + draft + "/review-requests", "", 404},
		{adminOther, "GET", "/api/v1/openings/" + open, "", 404},
		{adminOther, "GET", "/api/v1/openings/" + draft + "/fairness-hits", "", 404},
		{adminOther, "POST", "/api/v1/openings/" + draft + "/state-changes", `{"state":"closed"}`, 404},
		{km, "GET", "/api/v1/openings/" + open, "", 200},
		{km, "GET", "/api/v1/openings/" + draft, "", 404},
		{elbaz, "GET", "/api/v1/openings/" + draft, "", 200},
		{elbaz, "PATCH", "/api/v1/openings/" + draft, `{"places":4}`, 403},
		{other, "GET", "/api/v1/openings/not-a-uuid", "", 400},
		{other, "GET", "/api/v1/openings/00000000-0000-4000-8000-000000000000", "", 404},
	}
	for _, c := range cases {
		if resp, body := c.b.Do(c.method, c.path, c.body); resp.StatusCode != c.want {
			t.Errorf("%s %s: %d, want %d: %s", c.method, c.path, resp.StatusCode, c.want, body)
		}
	}
	if n := f.Count(`SELECT count(*) FROM openings WHERE id = ? AND places = 1 AND state = 'draft'`, draft); n != 1 {
		t.Fatal("a refused request changed the opening")
	}
	var list struct {
		Items []apptest.Opening `json:"items"`
	}
	other.Call("GET", "/api/v1/openings", "", http.StatusOK, &list)
	if len(list.Items) != 0 {
		t.Fatalf("another organisation's openings listed: %d", len(list.Items))
	}
	km.Call("GET", "/api/v1/openings", "", http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].ID != open {
		t.Fatalf("klantmanager sees open openings only: %+v", list.Items)
	}
	adminOther.Call("GET", "/api/v1/openings", "", http.StatusOK, &list)
	if len(list.Items) != 0 {
		t.Fatal("another region's openings listed")
	}
	var portfolio struct {
		Items []struct{ Name string } `json:"items"`
	}
	adminOther.Call("GET", "/api/v1/portfolio?scope=region", "", http.StatusOK, &portfolio)
	if len(portfolio.Items) != 1 || portfolio.Items[0].Name != "Bedrijf B" {
		t.Fatalf("another region's portfolio: %+v", portfolio.Items)
	}
	f.Browser().SignIn(apptest.AmA).Call("GET", "/api/v1/portfolio", "", http.StatusOK, &portfolio)
	for _, e := range portfolio.Items {
		if e.Name == "Logistiek Centrum Nieuwegein" {
			t.Fatal("scope=mine lists another accountmanager's organisation")
		}
	}
}

// Open openings reach the openings index through River jobs committed with
// the change; pausing or closing removes them; a reindex rebuilds from
// Postgres with open openings only.
func TestOpeningsIndex(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	apptest.Must(t, f.Search.Bootstrap(ctx, opening.Index))
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := wg.CreateOpening(f.OpeningJSON("", "Broodbakker"))
	draftOnly := wg.CreateOpening(f.OpeningJSON("", "Bakker in opleiding"))
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)

	find := func(want int) []map[string]any {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			res, err := f.Search.Index(opening.IndexName).SearchWithContext(ctx, "bakker", &meilisearch.SearchRequest{
				Filter: fmt.Sprintf("regionId = %q AND requiredSkills = haccp AND support = jobcoach", f.RegionA)})
			apptest.Must(t, err)
			var hits []map[string]any
			apptest.Must(t, res.Hits.DecodeInto(&hits))
			if len(hits) == want {
				return hits
			}
			if time.Now().After(deadline) {
				t.Fatalf("openings index has %d hits, want %d", len(hits), want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	hits := find(1)
	if hits[0]["id"] != o.ID || hits[0]["place"] != "Utrecht" || hits[0]["iscoGroup"] != "7512" {
		t.Fatalf("document: %v", hits[0])
	}
	for _, personal := range []string{"description", "contactName", "createdBy", "organisationName"} {
		if _, ok := hits[0][personal]; ok {
			t.Errorf("the index holds %s", personal)
		}
	}
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"title":"Broodbakker (vroege dienst)"}`, http.StatusOK, nil)
	deadline := time.Now().Add(15 * time.Second)
	for hits = find(1); hits[0]["title"] != "Broodbakker (vroege dienst)"; hits = find(1) {
		if time.Now().After(deadline) {
			var jobs []struct{ Kind, State, Errors string }
			f.DB.Gorm.Raw(`SELECT kind, state::text, errors::text FROM river_job`).Scan(&jobs)
			t.Fatalf("edit not in the index: %v; outbox %d; jobs %+v", hits[0]["title"], f.Count(`SELECT count(*) FROM search_outbox`), jobs)
		}
		time.Sleep(50 * time.Millisecond)
	}
	wg.MoveOpening(o.ID, `{"state":"paused"}`, http.StatusOK)
	find(0)
	wg.MoveOpening(o.ID, `{"state":"open"}`, http.StatusOK)
	find(1)

	// A rebuild from Postgres holds the open opening only.
	n, err := f.Search.Reindex(ctx, opening.Source{DB: f.DB.Gorm, Skills: f.Skills})
	apptest.Must(t, err)
	if n != 1 {
		t.Fatalf("reindex: %d documents, want 1 (draft %s left out)", n, draftOnly.ID)
	}
	find(1)

	// With Meilisearch unreachable the change still commits and stays in the
	// outbox; the sync fails (River retries it) and loses nothing.
	dead := &search.SyncWorker{DB: f.DB.Gorm, Client: search.New(search.Options{URL: "http://127.0.0.1:1", MasterKey: "x", Prefix: "t_"}),
		Sources: map[string]search.Syncer{opening.IndexName: opening.Source{DB: f.DB.Gorm, Skills: f.Skills}}}
	apptest.Must(t, f.DB.Gorm.Exec(`INSERT INTO search_outbox (index_name, doc_id) VALUES ('openings', ?)`, o.ID).Error)
	shortCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if _, err := dead.Drain(shortCtx, opening.Source{DB: f.DB.Gorm, Skills: f.Skills}); err == nil {
		t.Fatal("sync against an unreachable Meilisearch must fail so River retries")
	}
	if n := f.Count(`SELECT count(*) FROM search_outbox WHERE doc_id = ?`, o.ID); n != 1 {
		t.Fatal("a failed sync must keep the change in the outbox")
	}
}

// GET /postcodes/{postcode} geocodes offline.
func TestPostcodeLookup(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser()
	var pc struct{ Postcode, PC4, Place string }
	b.Call("GET", "/api/v1/postcodes/3439lm", "", http.StatusOK, &pc)
	if pc.Postcode != "3439 LM" || pc.PC4 != "3439" || pc.Place != "Nieuwegein" {
		t.Fatalf("postcode: %+v", pc)
	}
	for _, bad := range []string{"1000AA", "12", "3511%20SA"} {
		var p apptest.Problem
		b.Call("GET", "/api/v1/postcodes/"+bad, "", http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "postcode" {
			t.Errorf("%s: %+v", bad, p)
		}
	}
}

// The demo region gets its openings once: open ones, and a draft whose
// fairness hit is waiting for the accountmanager's review.
func TestDemoOpenings(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	n, err := seed.DemoOpenings(ctx, f.DB.Gorm, f.Openings, f.RegionA)
	if err != nil || n != 6 {
		t.Fatalf("demo openings: %d, %v", n, err)
	}
	if n, err = seed.DemoOpenings(ctx, f.DB.Gorm, f.Openings, f.RegionA); err != nil || n != 0 {
		t.Fatalf("second run must add nothing: %d, %v", n, err)
	}
	if open := f.Count(`SELECT count(*) FROM openings WHERE state = 'open'`); open != 5 {
		t.Fatalf("open demo openings: %d", open)
	}
	if review := f.Count(`SELECT count(*) FROM openings WHERE state = 'draft' AND review_requested_at IS NOT NULL`); review != 1 {
		t.Fatalf("demo opening waiting for review: %d", review)
	}
	if queued := f.Count(`SELECT count(*) FROM river_job WHERE kind = 'search_sync'`) + f.Count(`SELECT count(*) FROM search_outbox`); queued == 0 {
		t.Fatal("the demo openings queued no index sync")
	}
}
