package insight_test

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

type retention struct{ Due, Yes, No, Unanswered int64 }

type funnel struct {
	OpeningsPublished, OpeningsWithPoolViews, InvitesSent, InvitesAccepted, InvitesDeclined, InvitesExpired int64
	IntakesPlanned, Placements                                                                              int64
	StillEmployed4w, StillEmployed13w, StillEmployed26w                                                     retention
}

type figures struct {
	From, To string
	Funnel   funnel
	Rates    []struct {
		From, To        string
		Numerator, N    int
		Rate, Low, High *float64
		Small           bool
	}
	Times      []timing
	PerService []struct {
		Service                            string
		WithService                        bool
		Placements                         int64
		StillEmployed13w, StillEmployed26w retention
	}
	PerOrganisation []struct {
		ID     string
		Funnel funnel
	}
	PerOccupation []struct {
		ID     string
		Funnel funnel
	}
}

// sqlFunnel counts the funnel straight from the base tables, written here
// independently of the views: accepted, declined and expired from the
// invites' event log, retention from the follow-ups. cond narrows the
// openings (alias o), candCond the invited candidates (alias i).
func sqlFunnel(t *testing.T, f *apptest.Fixture, from, to time.Time, cond, candCond string) funnel {
	t.Helper()
	loc := apptest.AmsterdamTZ(t)
	lo := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
	hi := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, 1)
	y, m, d := f.Clock().In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	cohort := fmt.Sprintf(`o.region_id = '%s' AND o.published_at >= '%s' AND o.published_at < '%s' %s`, f.RegionA, lo.Format(time.RFC3339), hi.Format(time.RFC3339), cond)
	inv := `FROM invites i JOIN openings o ON o.id = i.opening_id WHERE ` + cohort + ` ` + candCond
	event := func(state string) int64 {
		return f.Count(`SELECT count(*) ` + inv + ` AND EXISTS (SELECT 1 FROM invite_events e WHERE e.invite_id = i.id AND e.to_state = '` + state + `')`)
	}
	var out funnel
	out.OpeningsPublished = f.Count(`SELECT count(*) FROM openings o WHERE ` + cohort)
	views := `SELECT count(DISTINCT o.id) FROM openings o JOIN pool_views v ON v.opening_id = o.id WHERE ` + cohort
	if candCond != "" {
		views += strings.ReplaceAll(candCond, "i.candidate_id", "v.candidate_id")
	}
	out.OpeningsWithPoolViews = f.Count(views)
	out.InvitesSent = f.Count(`SELECT count(*) ` + inv + ` AND i.sent_at IS NOT NULL`)
	out.InvitesAccepted, out.InvitesDeclined, out.InvitesExpired = event("accepted"), event("declined"), event("expired")
	out.IntakesPlanned = f.Count(`SELECT count(*) ` + inv + ` AND i.intake_at IS NOT NULL`)
	pl := `FROM placements pl JOIN invites i ON i.id = pl.invite_id JOIN openings o ON o.id = i.opening_id WHERE ` + cohort + ` ` + candCond
	out.Placements = f.Count(`SELECT count(*) ` + pl)
	ret := func(week int) retention {
		due := fmt.Sprintf(` AND pl.start_date + %d <= DATE '%s'`, 7*week, today)
		fu := fmt.Sprintf(`(SELECT %%s FROM follow_ups fu WHERE fu.placement_id = pl.id AND fu.week = %d)`, week)
		r := retention{
			Due: f.Count(`SELECT count(*) ` + pl + due),
			Yes: f.Count(`SELECT count(*) ` + pl + due + ` AND ` + fmt.Sprintf(fu, "still_employed") + ` IS TRUE`),
			No: f.Count(`SELECT count(*) ` + pl + due + ` AND (` + fmt.Sprintf(fu, "still_employed") + ` IS FALSE OR ` +
				fmt.Sprintf(fu, "answered_at IS NULL AND cancelled_at IS NOT NULL") + ` IS TRUE)`),
			Unanswered: f.Count(`SELECT count(*) ` + pl + due + ` AND coalesce(` + fmt.Sprintf(fu, "answered_at IS NULL AND cancelled_at IS NULL") + `, true)`),
		}
		if r.Yes+r.No+r.Unanswered != r.Due {
			t.Errorf("week %d: %+v does not add up", week, r)
		}
		return r
	}
	out.StillEmployed4w, out.StillEmployed13w, out.StillEmployed26w = ret(4), ret(13), ret(26)
	return out
}

type timing struct {
	Name                  string
	N                     int
	MedianHours, P90Hours *float64
}

// sqlTimes computes three of the times straight from the base tables
// (invites, openings, bookings, placements), written here independently of
// the figures' query: publication → first invite, invite → decision and
// booking request → approval, for the cohort of [from, to] narrowed by
// cond (alias o: the opening) and candCond (alias i: the invite's candidate).
func sqlTimes(t *testing.T, f *apptest.Fixture, from, to time.Time, cond, candCond string) map[string]timing {
	t.Helper()
	loc := apptest.AmsterdamTZ(t)
	lo := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc)
	hi := time.Date(to.Year(), to.Month(), to.Day(), 0, 0, 0, 0, loc).AddDate(0, 0, 1)
	cohort := fmt.Sprintf(`o.region_id = '%s' AND o.published_at >= '%s' AND o.published_at < '%s' %s`, f.RegionA, lo.Format(time.RFC3339), hi.Format(time.RFC3339), cond)
	fallback := "b.opening_id" // a booking without an invite counts for the opening it names, except for a klantmanager
	if candCond != "" {
		fallback = "NULL"
	}
	hours := map[string]string{
		"publishToFirstInvite": `SELECT extract(epoch FROM min(i.sent_at) - o.published_at) / 3600 AS h FROM openings o JOIN invites i ON i.opening_id = o.id
			WHERE ` + cohort + ` AND i.sent_at IS NOT NULL ` + candCond + ` GROUP BY o.id, o.published_at`,
		"inviteToDecision": `SELECT extract(epoch FROM i.decided_at - i.sent_at) / 3600 AS h FROM invites i JOIN openings o ON o.id = i.opening_id
			WHERE ` + cohort + ` AND i.sent_at IS NOT NULL AND i.decided_at IS NOT NULL ` + candCond,
		"bookingRequestToApproval": `SELECT extract(epoch FROM b.approved_at - b.created_at) / 3600 AS h FROM bookings b
			LEFT JOIN placements pl ON pl.id = b.placement_id
			LEFT JOIN invites i ON i.id = coalesce(b.invite_id, pl.invite_id) ` + candCond + `
			JOIN openings o ON o.id = coalesce(i.opening_id, ` + fallback + `)
			WHERE b.region_id = '` + f.RegionA + `' AND b.approved_at IS NOT NULL AND ` + cohort,
	}
	out := map[string]timing{}
	for name, q := range hours {
		var r struct {
			N           int
			Median, P90 *float64
		}
		apptest.Must(t, f.DB.Gorm.Raw(`SELECT count(h) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median,
			percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90 FROM (`+q+`) x`).Scan(&r).Error)
		out[name] = timing{Name: name, N: r.N, MedianHours: r.Median, P90Hours: r.P90}
	}
	return out
}

// checkTimes fails unless got's times equal sqlTimes'.
func checkTimes(t *testing.T, who string, got []timing, want map[string]timing) {
	t.Helper()
	same := func(a, b *float64) bool { return (a == nil) == (b == nil) && (a == nil || math.Abs(*a-*b) < 1e-9) }
	seen := 0
	for _, tm := range got {
		w, ok := want[tm.Name]
		if !ok {
			continue
		}
		seen++
		if tm.N != w.N || !same(tm.MedianHours, w.MedianHours) || !same(tm.P90Hours, w.P90Hours) {
			t.Errorf("%s: %s n %d median %v p90 %v, SQL n %d median %v p90 %v", who, tm.Name, tm.N, deref(tm.MedianHours), deref(tm.P90Hours), w.N, deref(w.MedianHours), deref(w.P90Hours))
		}
	}
	if seen != len(want) {
		t.Errorf("%s: %d of the %d times compared", who, seen, len(want))
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func getFigures(t *testing.T, b *apptest.Browser, query string) figures {
	t.Helper()
	var out figures
	b.Call("GET", "/api/v1/figures"+query, "", http.StatusOK, &out)
	return out
}

// The funnel's counts equal SQL counts over the base tables, on the demo
// data and on a generated history of 2,000 invites, for every scope.
func TestFiguresEqualSQLCounts(t *testing.T) {
	f := apptest.New(t)
	// The test app's demo data: two published openings, one invite.
	_, openingID, _ := f.InviteMyCandidate()
	f.NewOpening("Logistiek Centrum Nieuwegein", opening.Open)
	// The opening's event log holds its creation and publication.
	if n := f.Count(`SELECT count(*) FROM opening_events WHERE opening_id = ? AND (kind, coalesce(from_state, ''), to_state) IN
		(('created', '', 'draft'), ('state_changed', 'draft', 'open'))`, openingID); n != 2 {
		t.Fatalf("opening events: %d, want created and published", n)
	}
	admin := f.Browser().SignIn(apptest.AdminA)
	got := getFigures(t, admin, "")
	to, _ := time.Parse(time.DateOnly, got.To)
	from, _ := time.Parse(time.DateOnly, got.From)
	if !from.Equal(to.AddDate(-1, 0, 1)) {
		t.Fatalf("default period %s – %s is not the last 12 months", got.From, got.To)
	}
	if want := sqlFunnel(t, f, from, to, "", ""); got.Funnel != want {
		t.Fatalf("demo data: funnel %+v, SQL %+v", got.Funnel, want)
	}
	if got.Funnel.OpeningsPublished == 0 {
		t.Fatal("the demo data publishes no openings")
	}

	// The history books jobcoaching and workplace adaptations from the demo catalogue.
	if _, err := seed.DemoServices(testkit.Context(t), f.DB.Gorm, f.RegionA); err != nil {
		t.Fatal(err)
	}
	res, err := seed.History(testkit.Context(t), f.DB.Gorm, f.RegionA, seed.HistoryOptions{Openings: 40, InvitesPerOpening: 50, Seed: 7, Until: f.Clock()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Invites != 2000 || res.Placements == 0 || res.Bookings == 0 {
		t.Fatalf("history: %+v", res)
	}
	again, err := seed.History(testkit.Context(t), f.DB.Gorm, f.RegionA, seed.HistoryOptions{Openings: 40, InvitesPerOpening: 50, Seed: 7, Until: f.Clock()})
	if err != nil || !again.Existing {
		t.Fatalf("history twice: %+v, %v", again, err)
	}
	// The decision and approval times on the rows are those of the event logs.
	if n := f.Count(`SELECT count(*) FROM invites i WHERE i.decided_at IS DISTINCT FROM
		(SELECT min(e.occurred_at) FROM invite_events e WHERE e.invite_id = i.id AND e.to_state IN ('accepted', 'declined'))`); n != 0 {
		t.Errorf("%d invites whose decided_at is not their decision event's time", n)
	}
	if n := f.Count(`SELECT count(*) FROM bookings b WHERE b.approved_at IS DISTINCT FROM
		(SELECT min(e.occurred_at) FROM booking_events e WHERE e.booking_id = b.id AND e.to_state = 'approved')`); n != 0 {
		t.Errorf("%d bookings whose approved_at is not their approval event's time", n)
	}
	got = getFigures(t, admin, "")
	want := sqlFunnel(t, f, from, to, "", "")
	if got.Funnel != want {
		t.Fatalf("history: funnel %+v, SQL %+v", got.Funnel, want)
	}
	if want.InvitesSent < 2000 || want.Placements < 20 || want.StillEmployed13w.Unanswered == 0 || want.StillEmployed13w.No == 0 {
		t.Fatalf("history is not plausible: %+v", want)
	}
	t.Logf("funnel on history: %+v", got.Funnel)
	// A shorter period is a smaller cohort.
	half := from.AddDate(0, 6, 0)
	q := "?from=" + half.Format(time.DateOnly) + "&to=" + to.Format(time.DateOnly)
	if got, want := getFigures(t, admin, q), sqlFunnel(t, f, half, to, "", ""); got.Funnel != want {
		t.Fatalf("half year: funnel %+v, SQL %+v", got.Funnel, want)
	}
	// Per organisation and occupation, the groups add up to the total.
	var sum funnel
	for _, g := range got.PerOrganisation {
		if want := sqlFunnel(t, f, from, to, "AND o.organisation_id = '"+g.ID+"'", ""); g.Funnel != want {
			t.Errorf("organisation %s: %+v, SQL %+v", g.ID, g.Funnel, want)
		}
		sum.OpeningsPublished += g.Funnel.OpeningsPublished
		sum.Placements += g.Funnel.Placements
	}
	if sum.OpeningsPublished != got.Funnel.OpeningsPublished || sum.Placements != got.Funnel.Placements {
		t.Errorf("organisations add up to %+v, total %+v", sum, got.Funnel)
	}
	for _, g := range got.PerOccupation {
		if want := sqlFunnel(t, f, from, to, "AND o.occupation_id = '"+g.ID+"'", ""); g.Funnel != want {
			t.Errorf("occupation %s: %+v, SQL %+v", g.ID, g.Funnel, want)
		}
	}
	// Every rate has its n and interval; times and services are there.
	if len(got.Rates) != 9 || len(got.Times) != 4 || len(got.PerService) == 0 {
		t.Fatalf("rates %d, times %d, per service %d", len(got.Rates), len(got.Times), len(got.PerService))
	}
	for _, r := range got.Rates {
		if r.N > 0 && (r.Rate == nil || *r.Low > *r.Rate || *r.High < *r.Rate) || r.Small != (r.N < 10) {
			t.Errorf("rate %+v", r)
		}
	}
	// Per service: with and without jobcoaching add up to the placements;
	// "with" equals a SQL count of placements with a booking that went ahead.
	js := getFigures(t, admin, "?service=jobcoaching")
	if len(js.PerService) != 2 || js.PerService[0].Service != "jobcoaching" || !js.PerService[0].WithService ||
		js.PerService[0].Placements+js.PerService[1].Placements != js.Funnel.Placements {
		t.Fatalf("per service jobcoaching: %+v (placements %d)", js.PerService, js.Funnel.Placements)
	}
	loc := apptest.AmsterdamTZ(t)
	with := f.Count(`SELECT count(*) FROM placements pl JOIN openings o ON o.id = pl.opening_id WHERE o.region_id = ? AND o.published_at >= ? AND o.published_at < ?
		AND EXISTS (SELECT 1 FROM bookings b JOIN services s ON s.id = b.service_id WHERE s.kind = 'jobcoaching'
			AND b.state NOT IN ('rejected', 'cancelled', 'refunded', 'expired') AND (b.placement_id = pl.id OR b.invite_id = pl.invite_id))`,
		f.RegionA, time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc), time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc))
	if js.PerService[0].Placements != with {
		t.Errorf("placements with jobcoaching: %d, SQL %d", js.PerService[0].Placements, with)
	}
	// Their retention at 13 and 26 weeks, with and without, from the follow-ups.
	y, m, d := f.Clock().In(loc).Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	for i, has := range []string{"", "NOT"} {
		for _, w := range []int{13, 26} {
			q := fmt.Sprintf(`SELECT count(*) FILTER (WHERE fu.still_employed IS TRUE) AS yes,
				count(*) FILTER (WHERE fu.still_employed IS FALSE OR (fu.answered_at IS NULL AND fu.cancelled_at IS NOT NULL)) AS no, count(*) AS due
				FROM placements pl JOIN openings o ON o.id = pl.opening_id LEFT JOIN follow_ups fu ON fu.placement_id = pl.id AND fu.week = %d
				WHERE o.region_id = ? AND o.published_at >= ? AND o.published_at < ? AND pl.start_date + %d <= DATE '%s'
				AND %s EXISTS (SELECT 1 FROM bookings b JOIN services s ON s.id = b.service_id WHERE s.kind = 'jobcoaching'
					AND b.state NOT IN ('rejected', 'cancelled', 'refunded', 'expired') AND (b.placement_id = pl.id OR b.invite_id = pl.invite_id))`, w, 7*w, today, has)
			var r struct{ Yes, No, Due int64 }
			apptest.Must(t, f.DB.Gorm.Raw(q, f.RegionA, time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, loc),
				time.Date(to.Year(), to.Month(), to.Day()+1, 0, 0, 0, 0, loc)).Scan(&r).Error)
			want := retention{Due: r.Due, Yes: r.Yes, No: r.No, Unanswered: r.Due - r.Yes - r.No}
			got := js.PerService[i].StillEmployed13w
			if w == 26 {
				got = js.PerService[i].StillEmployed26w
			}
			if got != want || (i == 0 && w == 13 && want.Due == 0) {
				t.Errorf("jobcoaching %s, %d weeks: %+v, SQL %+v", has, w, got, want)
			}
		}
	}
	for _, tm := range got.Times {
		if tm.N == 0 {
			t.Errorf("time %s has no cases on the history", tm.Name)
		}
	}
	checkTimes(t, "region", got.Times, sqlTimes(t, f, from, to, "", ""))

	// Scopes: an organisation sees its own openings, a klantmanager their caseload.
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	bakery := f.Org["Bakkerij De Korenschoof"]
	if got, want := getFigures(t, wg, ""), sqlFunnel(t, f, from, to, "AND o.organisation_id = '"+bakery+"'", ""); got.Funnel != want {
		t.Errorf("werkgever: %+v, SQL %+v", got.Funnel, want)
	} else if len(got.PerOrganisation) > 1 {
		t.Errorf("werkgever sees %d organisations", len(got.PerOrganisation))
	}
	km := f.Browser().SignIn(apptest.KmA)
	caseload := "AND i.candidate_id IN (SELECT id FROM candidates WHERE klantmanager_id = '" + f.User[apptest.KmA] + "')"
	kmFigures := getFigures(t, km, "")
	if want := sqlFunnel(t, f, from, to, "", caseload); kmFigures.Funnel != want {
		t.Errorf("klantmanager: %+v, SQL %+v", kmFigures.Funnel, want)
	}
	checkTimes(t, "klantmanager", kmFigures.Times, sqlTimes(t, f, from, to, "", caseload))
	checkTimes(t, "werkgever", getFigures(t, wg, "").Times, sqlTimes(t, f, from, to, "AND o.organisation_id = '"+bakery+"'", ""))
}

// Bad input names the field; another organisation's figures are 404.
func TestFiguresBadInputAndTenancy(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn(apptest.AmA)
	for _, c := range []struct{ query, field string }{
		{"?from=2026-02-01&to=2026-01-01", "to"},
		{"?from=2020-01-01&to=2026-01-01", "to"},
		{"?from=2026-13-01", "from"},
		{"?to=gisteren", "to"},
	} {
		var p apptest.Problem
		am.Call("GET", "/api/v1/figures"+c.query, "", http.StatusBadRequest, &p)
		if !strings.Contains(strings.Join(p.Names(), ","), c.field) {
			t.Errorf("%s: invalid params %v, want %s", c.query, p.Names(), c.field)
		}
	}
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	wg.Call("GET", "/api/v1/figures?organisation="+f.Org["Logistiek Centrum Nieuwegein"], "", http.StatusNotFound, nil)
	wg.Call("GET", "/api/v1/figures?organisation="+f.Org["Bakkerij De Korenschoof"], "", http.StatusOK, nil)
	var other string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT id::text FROM organisations WHERE region_id = ? LIMIT 1`, f.RegionB).Scan(&other).Error)
	am.Call("GET", "/api/v1/figures?organisation="+other, "", http.StatusNotFound, nil)
	f.Kandidaat().Call("GET", "/api/v1/figures", "", http.StatusForbidden, nil)
}

// Accept: text/csv answers the same figures as CSV for Dutch spreadsheets.
func TestFiguresCSV(t *testing.T) {
	f := apptest.New(t)
	admin := f.Browser().SignIn(apptest.AdminA)
	resp, body := admin.DoWith("GET", "/api/v1/figures", "", map[string]string{"Accept": "text/csv"})
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	got := getFigures(t, admin, "")
	want := fmt.Sprintf("Trechter;Alle;Gepubliceerde vacatures;%d;", got.Funnel.OpeningsPublished)
	if !strings.HasPrefix(string(body), "\uFEFFOnderdeel;Groep;Stap;Aantal") || !strings.Contains(string(body), want) {
		t.Fatalf("CSV body lacks %q:\n%s", want, body)
	}
	var js json.RawMessage
	if json.Unmarshal(body, &js) == nil {
		t.Fatal("CSV body is JSON")
	}
}

// `werkhaven seed --demo-history` (twice: the second adds nothing) on the
// demo region: the figures equal SQL counts before and after.
func TestDemoHistory(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	// The test app's demo region, with the demo services desk and openings.
	if _, err := seed.DemoServices(ctx, f.DB.Gorm, f.RegionA); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.DemoOpenings(ctx, f.DB.Gorm, f.Openings, f.RegionA); err != nil {
		t.Fatal(err)
	}
	admin := f.Browser().SignIn(apptest.AdminA)
	got := getFigures(t, admin, "")
	from, _ := time.Parse(time.DateOnly, got.From)
	to, _ := time.Parse(time.DateOnly, got.To)
	if want := sqlFunnel(t, f, from, to, "", ""); got.Funnel != want || want.OpeningsPublished == 0 {
		t.Fatalf("demo data: funnel %+v, SQL %+v", got.Funnel, want)
	}
	res, err := f.App.SeedDemoHistory(ctx)
	if err != nil || res.Existing || res.Invites != 720 || res.Placements == 0 {
		t.Fatalf("demo history: %+v, %v", res, err)
	}
	// Werkgevers thanked klantmanagers for some placements that held, and
	// every history placement is credited to its candidate's klantmanager.
	if n := f.Count(`SELECT count(*) FROM thank_yous`); res.ThankYous == 0 || n != int64(res.ThankYous) {
		t.Errorf("history thank-yous: result %d, stored %d", res.ThankYous, n)
	}
	if n := f.Count(`SELECT count(*) FROM placements WHERE klantmanager_id IS NULL OR accountmanager_id IS NULL`); n != 0 {
		t.Errorf("%d placements credited to nobody", n)
	}
	before := f.Count(`SELECT count(*) FROM invites`)
	if res, err := f.App.SeedDemoHistory(ctx); err != nil || !res.Existing {
		t.Fatalf("demo history twice: %+v, %v", res, err)
	}
	if after := f.Count(`SELECT count(*) FROM invites`); after != before {
		t.Fatalf("the second run added %d invites", after-before)
	}
	got = getFigures(t, admin, "")
	if want := sqlFunnel(t, f, from, to, "", ""); got.Funnel != want {
		t.Fatalf("demo history: funnel %+v, SQL %+v", got.Funnel, want)
	}
}
