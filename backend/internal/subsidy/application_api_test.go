package subsidy_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

type lksApplication struct {
	ID               string   `json:"id"`
	State            string   `json:"state"`
	ContractType     string   `json:"contractType"`
	Hours            int      `json:"hours"`
	FullTimeHours    float64  `json:"fullTimeHours"`
	BookingID        string   `json:"bookingId"`
	WageValuePercent *float64 `json:"wageValuePercent"`
	MonthlyCents     *int64   `json:"monthlyCents"`
	WMLValidFrom     string   `json:"wmlValidFrom"`
	ReassessOn       string   `json:"reassessOn"`
	Motivation       string   `json:"motivation"`
	Events           []struct {
		Actor, From, To, Code, Note string
		AmountCents                 *int64 `json:"amountCents"`
		PreviousCents               *int64 `json:"previousCents"`
	} `json:"events"`
}

func (a lksApplication) codes() []string {
	var out []string
	for _, e := range a.Events {
		out = append(out, e.Code)
	}
	return out
}

// lksCandidate is a new candidate with (or without) the gemeente's LKS indication.
func lksCandidate(f *apptest.Fixture, name string, indicated bool) string {
	id := f.NewCandidate(name, "")
	apptest.Must(f.T, f.DB.Gorm.Exec(`UPDATE candidates SET lks_indicatie = ? WHERE id = ?`, indicated, id).Error)
	return id
}

func today(f *apptest.Fixture) time.Time {
	now := f.Clock()
	return time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
}

// sweeper runs the subsidies' daily sweep on the fixture's clock.
func sweeper(t *testing.T, f *apptest.Fixture) func() subsidy.SweepResult {
	return func() subsidy.SweepResult {
		t.Helper()
		res, err := f.App.Subsidies.Sweep(context.Background())
		apptest.Must(t, err)
		return res
	}
}

// nextPeriod is the next 1 January or 1 July after t: when a new minimum
// wage would start.
func nextPeriod(t time.Time) time.Time {
	if t.Month() < time.July {
		return time.Date(t.Year(), time.July, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
}

// The application's journey: applied from the placement (contract and
// hours copied), the loonwaardebepaling linked once booked, the loonwaarde
// assessed, granted with LKSMonthly's amount to the cent, re-indexed once
// at a new minimum-wage period; a decision waiting 4 weeks and a
// re-assessment reminded once each; and the bad input of the issue.
func TestLKSApplication(t *testing.T) {
	f := apptest.New(t)
	ctx := context.Background()
	sweep := sweeper(t, f)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	am := f.Browser().SignIn(apptest.AmA)
	start := today(f).AddDate(0, 0, -7)
	candidateID := lksCandidate(f, "Loon Waarde", true)
	placement, _ := f.Placement(candidateID, "tijdelijk", start)

	// Bad input first: another organisation's or region's placement is 404,
	// a placement without employment contract or LKS indication 409.
	var p apptest.Problem
	body := fmt.Sprintf(`{"placementId":%q,"fullTimeHours":38}`, placement)
	f.Browser().SignIn(apptest.Werkgever2).Call("POST", "/api/v1/lks-applications", body, http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.WerkgeverB).Call("POST", "/api/v1/lks-applications", body, http.StatusNotFound, nil)
	proef, _ := f.Placement(lksCandidate(f, "Proef Plaatsing", true), "proefplaatsing", start)
	wg.Call("POST", "/api/v1/lks-applications", fmt.Sprintf(`{"placementId":%q}`, proef), http.StatusConflict, &p)
	if p.Code != "noEmploymentContract" {
		t.Errorf("proefplaatsing: %+v", p)
	}
	plain, _ := f.Placement(lksCandidate(f, "Zonder Indicatie", false), "vast", start)
	wg.Call("POST", "/api/v1/lks-applications", fmt.Sprintf(`{"placementId":%q}`, plain), http.StatusConflict, &p)
	if p.Code != "noLksIndicatie" {
		t.Errorf("no indication: %+v", p)
	}
	wg.Call("POST", "/api/v1/lks-applications", fmt.Sprintf(`{"placementId":%q,"fullTimeHours":41}`, placement), http.StatusBadRequest, &p)
	if !slices.Contains(p.Names(), "fullTimeHours") {
		t.Errorf("full time 41: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM lks_applications`); n != 0 {
		t.Fatalf("refused applications stored: %d", n)
	}

	var a lksApplication
	wg.Call("POST", "/api/v1/lks-applications", body, http.StatusCreated, &a)
	if a.State != "applied" || a.ContractType != "tijdelijk" || a.Hours != 24 || a.FullTimeHours != 38 || a.BookingID != "" || len(a.Events) != 1 {
		t.Fatalf("applied: %+v", a)
	}
	wg.Call("POST", "/api/v1/lks-applications", body, http.StatusConflict, &p)
	if p.Code != "applicationExists" {
		t.Errorf("second application: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'lks_update' AND user_id = ? AND link = ?`, f.User[apptest.AmA], "/loonkostensubsidie/"+a.ID); n != 1 {
		t.Errorf("the accountmanager was told %d times", n)
	}
	f.Browser().SignIn(apptest.Werkgever2).Call("GET", "/api/v1/lks-applications/"+a.ID, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.AdminB).Call("GET", "/api/v1/lks-applications/"+a.ID, "", http.StatusNotFound, nil)
	wg.Call("POST", "/api/v1/lks-applications/"+a.ID+"/decisions", `{"decision":"refused","motivation":"Zelf besloten."}`, http.StatusForbidden, nil)

	// The loonwaardebepaling booked afterwards is linked on the next read.
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1JobcoachUtrecht' WHERE id = ?`, provider).Error)
	svc := f.Service(fmt.Sprintf(apptest.LoonwaardeJSON, provider))
	loc := apptest.AmsterdamTZ(t)
	d := f.Clock().In(loc).AddDate(0, 0, 2)
	slot := time.Date(d.Year(), d.Month(), d.Day(), 10, 0, 0, 0, loc).UTC().Format(time.RFC3339)
	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"placementId":%q,"startsAt":%q}`, svc, placement, slot), http.StatusCreated, &b)
	wg.Call("GET", "/api/v1/lks-applications/"+a.ID, "", http.StatusOK, &a)
	if a.BookingID != b.ID || !slices.Contains(a.codes(), "bookingLinked") {
		t.Errorf("booking not linked: %+v", a)
	}

	// Assessment and decision by the accountmanager.
	am.Call("POST", "/api/v1/lks-applications/"+a.ID+"/assessments", fmt.Sprintf(`{"wageValuePercent":101,"assessedOn":%q}`, today(f).Format(time.DateOnly)), http.StatusBadRequest, nil)
	am.Call("POST", "/api/v1/lks-applications/"+a.ID+"/assessments", fmt.Sprintf(`{"wageValuePercent":62.5,"assessedOn":%q}`, today(f).Format(time.DateOnly)), http.StatusOK, &a)
	if a.State != "assessed" || a.WageValuePercent == nil || *a.WageValuePercent != 62.5 {
		t.Fatalf("assessed: %+v", a)
	}
	am.Call("POST", "/api/v1/lks-applications/"+a.ID+"/decisions", `{"decision":"granted","motivation":"  "}`, http.StatusBadRequest, &p)
	if !slices.Contains(p.Names(), "motivation") {
		t.Errorf("empty motivation: %+v", p)
	}
	reassess := today(f).AddDate(0, 0, 60).Format(time.DateOnly)
	am.Call("POST", "/api/v1/lks-applications/"+a.ID+"/decisions", fmt.Sprintf(`{"decision":"granted","motivation":"Loonwaarde 62,5%%; indicatie aanwezig.","reassessOn":%q}`, reassess), http.StatusOK, &a)
	params, err := f.App.Subsidies.Params(ctx, nil, f.RegionA, f.Clock(), "")
	apptest.Must(t, err)
	want := subsidy.LKSMonthly(params, subsidy.Decimal(24), subsidy.Decimal(38), subsidy.Decimal(62.5))
	if a.State != "granted" || a.MonthlyCents == nil || *a.MonthlyCents != want || a.ReassessOn != reassess || want == 0 {
		t.Fatalf("granted: %+v, want %d cents", a, want)
	}
	am.Call("POST", "/api/v1/lks-applications/"+a.ID+"/decisions", `{"decision":"refused","motivation":"Toch niet."}`, http.StatusConflict, &p)
	if p.Code != "alreadyDecided" {
		t.Errorf("deciding twice: %+v", p)
	}
	wg.Call("POST", "/api/v1/lks-applications/"+a.ID+"/withdrawal", "", http.StatusConflict, nil)
	// The kandidaat's export shows the application, its loonwaarde and the decision.
	records, err := f.App.Subsidies.CandidateLKSApplications(ctx, f.DB.Gorm, candidateID)
	apptest.Must(t, err)
	if len(records) != 1 || records[0].State != "granted" || records[0].WageValuePercent == nil || records[0].Motivation == "" || records[0].DecidedBy != f.User[apptest.AmA] {
		t.Errorf("export records: %+v", records)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'lks.granted' AND subject_id = ?`, a.ID); n != 1 {
		t.Errorf("audited decisions: %d", n)
	}
	// The figures count the granted LKS as a service of its placement.
	var fig struct {
		PerService []struct {
			Service     string `json:"service"`
			WithService bool   `json:"withService"`
			Placements  int    `json:"placements"`
		} `json:"perService"`
	}
	am.Call("GET", "/api/v1/figures?service=lks", "", http.StatusOK, &fig)
	withLKS := 0
	for _, g := range fig.PerService {
		if g.Service == "lks" && g.WithService {
			withLKS = g.Placements
		}
	}
	if withLKS != 1 {
		t.Errorf("figures per service lks: %+v, want 1 placement with LKS", fig.PerService)
	}

	// A second application waits for its decision; granting it before the
	// loonwaarde is known is refused.
	waiting, _ := f.Placement(lksCandidate(f, "Wacht Lang", true), "vast", start)
	var w lksApplication
	wg.Call("POST", "/api/v1/lks-applications", fmt.Sprintf(`{"placementId":%q}`, waiting), http.StatusCreated, &w)
	am.Call("POST", "/api/v1/lks-applications/"+w.ID+"/decisions", `{"decision":"granted","motivation":"Snel."}`, http.StatusConflict, &p)
	if p.Code != "notAssessed" {
		t.Errorf("granted before assessment: %+v", p)
	}
	var queue struct{ Items []lksApplication }
	am.Call("GET", "/api/v1/lks-applications?state=applied&state=assessed", "", http.StatusOK, &queue)
	if len(queue.Items) != 1 || queue.Items[0].ID != w.ID {
		t.Errorf("the decision queue: %+v", queue)
	}

	if res := sweep(); res != (subsidy.SweepResult{}) {
		t.Fatalf("a sweep with nothing due: %+v", res)
	}
	f.Advance(29 * 24 * time.Hour)
	if res := sweep(); res.DecisionReminders != 1 || res.ReassessReminders != 1 {
		t.Fatalf("after 4 weeks: %+v", res)
	}
	if res := sweep(); res.DecisionReminders != 0 || res.ReassessReminders != 0 {
		t.Fatalf("a second sweep reminded again: %+v", res)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'subsidy_deadline' AND user_id = ? AND link = ?`, f.User[apptest.AmA], "/loonkostensubsidie/"+w.ID); n != 1 {
		t.Errorf("decision reminders to the accountmanager: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'subsidy_deadline' AND user_id = ? AND link = ?`, f.User[apptest.WerkgeverA], "/loonkostensubsidie/"+a.ID); n != 1 {
		t.Errorf("re-assessment reminders to the werkgever: %d", n)
	}
	wg = f.Browser().SignIn(apptest.WerkgeverA) // the session ended meanwhile
	wg.Call("POST", "/api/v1/lks-applications/"+w.ID+"/withdrawal", "", http.StatusOK, &w)
	wg.Call("POST", "/api/v1/lks-applications/"+w.ID+"/withdrawal", "", http.StatusConflict, nil)
	if w.State != "withdrawn" {
		t.Errorf("withdrawn: %+v", w)
	}

	// A new minimum wage re-indexes the granted amount, once.
	next := nextPeriod(f.Clock())
	apptest.Must(t, f.DB.Gorm.Exec(`INSERT INTO subsidy_parameters (key, valid_from, value, source) VALUES ('wml_month', ?, 236000, 'test: a new period')`, next).Error)
	if res := sweep(); res.Reindexed != 0 {
		t.Fatalf("re-indexed before the period started: %+v", res)
	}
	f.Advance(next.Sub(f.Clock()) + time.Hour)
	newParams, err := f.App.Subsidies.Params(ctx, nil, f.RegionA, f.Clock(), "")
	apptest.Must(t, err)
	newAmount := subsidy.LKSMonthly(newParams, subsidy.Decimal(24), subsidy.Decimal(38), subsidy.Decimal(62.5))
	if res := sweep(); res.Reindexed != 1 {
		t.Fatalf("at the new period: %+v", res)
	}
	if res := sweep(); res.Reindexed != 0 {
		t.Fatalf("re-indexed twice: %+v", res)
	}
	f.Browser().SignIn(apptest.WerkgeverA).Call("GET", "/api/v1/lks-applications/"+a.ID, "", http.StatusOK, &a)
	last := a.Events[len(a.Events)-1]
	if a.MonthlyCents == nil || *a.MonthlyCents != newAmount || newAmount <= want || a.WMLValidFrom != next.Format(time.DateOnly) ||
		last.Code != "reindexed" || *last.AmountCents != newAmount || *last.PreviousCents != want {
		t.Fatalf("re-indexed: %+v, want %d (was %d)", a, newAmount, want)
	}
	if n := f.Count(`SELECT count(*) FROM lks_application_events WHERE code = 'reindexed'`); n != 1 {
		t.Errorf("reindexed events: %d", n)
	}
	if err := f.DB.Gorm.Exec(`DELETE FROM lks_application_events`).Error; err == nil {
		t.Error("the log is not append-only")
	}
}

// Deadline reminders: 6 weeks before the LKS deadlines of a running
// placement without an application, to the organisation and its
// accountmanager, once however often the sweep runs; then 2 weeks before,
// once; a placement with less than 2 weeks left gets only that one.
func TestSubsidyReminders(t *testing.T) {
	f := apptest.New(t)
	sweep := sweeper(t, f)
	start := today(f)
	placement, inviteID := f.Placement(lksCandidate(f, "Deadline Nadert", true), "vast", start)
	count := func(user string) int64 {
		return f.Count(`SELECT count(*) FROM notifications WHERE kind = 'subsidy_deadline' AND user_id = ? AND link IN (?, ?)`, f.User[user],
			"/loonkostensubsidie/aanvragen?plaatsing="+placement, "/uitnodigingen/"+inviteID)
	}
	if res := sweep(); res.DeadlineReminders != 0 {
		t.Fatalf("reminded 6 months ahead: %+v", res)
	}
	due := start.AddDate(0, 6, 0) // the demo region's lks_apply_months; the flat rate's 6 months end the same day
	f.Advance(due.Sub(f.Clock()) - 41*24*time.Hour)
	if res := sweep(); res.DeadlineReminders != 2 {
		t.Fatalf("6 weeks before: %+v", res)
	}
	if res := sweep(); res.DeadlineReminders != 0 {
		t.Fatalf("the same day again: %+v", res)
	}
	if count(apptest.AmA) != 2 || count(apptest.WerkgeverA) != 2 {
		t.Errorf("6-week reminders: accountmanager %d, werkgever %d", count(apptest.AmA), count(apptest.WerkgeverA))
	}
	f.Advance(4 * 7 * 24 * time.Hour)
	if res := sweep(); res.DeadlineReminders != 2 {
		t.Fatalf("2 weeks before: %+v", res)
	}
	if res := sweep(); res.DeadlineReminders != 0 {
		t.Fatalf("2 weeks before, again: %+v", res)
	}
	if count(apptest.AmA) != 4 {
		t.Errorf("reminders to the accountmanager: %d", count(apptest.AmA))
	}

	// Less than 2 weeks left at the first sweep: one reminder per deadline;
	// an application meets lksApply.
	late, _ := f.Placement(lksCandidate(f, "Laat Gestart", true), "vast", today(f).AddDate(0, -6, 10))
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	wg.Call("POST", "/api/v1/lks-applications", fmt.Sprintf(`{"placementId":%q}`, late), http.StatusCreated, nil)
	if res := sweep(); res.DeadlineReminders != 1 {
		t.Fatalf("a placement with 10 days left and an application: %+v", res)
	}
	if res := sweep(); res.DeadlineReminders != 0 {
		t.Fatalf("again: %+v", res)
	}
	if n := f.Count(`SELECT count(*) FROM subsidy_reminders WHERE key LIKE ?`, "deadline/"+late+"/lksFlatRateEnds/%/2w"); n != 1 {
		t.Errorf("the late placement's flat-rate reminder: %d", n)
	}
}
