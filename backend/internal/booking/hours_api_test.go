package booking_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

type hoursBooking struct {
	ID             string
	State          string
	DeliveredHours float64
	AmountCents    int64
	HoursEntries   []struct {
		Date  string
		Hours float64
		Note  string
	}
	Extensions []struct {
		ID          string
		Hours       int
		AmountCents int64
		State       string
		Period      *int
	}
	Events []struct{ To, Code, Reason string }
}

// Hours are entries (date, hours, note) in the history, only after the
// start; more than booked needs an extension that the werkgever approves
// (and pays); another provider cannot ask one (404).
func TestBookingHoursAndExtensions(t *testing.T) {
	f := apptest.New(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], f.Org["Bakkerij De Korenschoof"]).Error)
	svc := f.Service(fmt.Sprintf(apptest.JobcoachingJSON, provider))
	placement, _ := placementFor(f, false)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	am := f.Browser().SignIn(apptest.AmA)
	prov := f.Browser().SignIn("planning@jobcoachutrecht.demo.werkhaven.nl")
	loc := apptest.AmsterdamTZ(t)
	day := func(d int) string { return f.Clock().In(loc).AddDate(0, 0, d).Format(time.DateOnly) }
	entry := func(date string, hours, note string) string {
		return fmt.Sprintf(`{"date":%q,"hours":%s,"note":%q}`, date, hours, note)
	}

	var b hoursBooking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":10,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
	hoursURL := "/api/v1/bookings/" + b.ID + "/hours"
	var p apptest.Problem
	// Before the start: 409, at every step before it.
	prov.Call("POST", hoursURL, entry(day(0), "2", ""), http.StatusConflict, &p)
	if p.Code != "notStarted" {
		t.Errorf("hours awaiting approval: %+v", p)
	}
	am.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"approved"}`, http.StatusOK, nil)
	paid(f, b.ID, 10*8500)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"confirmed"}`, http.StatusOK, nil)
	prov.Call("POST", hoursURL, entry(day(0), "2", ""), http.StatusConflict, &p)
	if p.Code != "notStarted" {
		t.Errorf("hours before Starten: %+v", p)
	}
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"in_progress"}`, http.StatusOK, nil)

	// Bad input names its field; the werkgever records nothing.
	for body, field := range map[string]string{entry(day(1), "2", ""): "date", entry("gisteren", "2", ""): "date", entry(day(0), "0", ""): "hours",
		entry(day(0), "25", ""): "hours", entry(day(0), "2.555", ""): "hours", entry(day(0), "2", strings.Repeat("x", 501)): "note"} {
		prov.Call("POST", hoursURL, body, http.StatusBadRequest, &p)
		if len(p.InvalidParams) == 0 || !strings.Contains(p.InvalidParams[0].Name, field) {
			t.Errorf("%s: %+v, want %s", body, p, field)
		}
	}
	wg.Call("POST", hoursURL, entry(day(0), "2", ""), http.StatusForbidden, nil)

	// Two entries, both in the history; their sum is the delivered hours.
	prov.Call("POST", hoursURL, entry(day(-1), "2.5", "Kennismaking op de werkvloer"), http.StatusCreated, &b)
	prov.Call("POST", hoursURL, entry(day(0), "6", "Eerste werkdag begeleid"), http.StatusCreated, &b)
	if b.DeliveredHours != 8.5 || len(b.HoursEntries) != 2 || b.HoursEntries[0].Date != day(-1) || b.HoursEntries[0].Hours != 2.5 ||
		b.HoursEntries[0].Note != "Kennismaking op de werkvloer" || b.HoursEntries[1].Hours != 6 {
		t.Fatalf("entries: %+v", b)
	}
	var notes []string
	for _, e := range b.Events {
		if e.Code == "hoursRecorded" {
			notes = append(notes, e.Reason)
		}
	}
	if want := []string{day(-1) + ": 2,5 uur (Kennismaking op de werkvloer)", day(0) + ": 6 uur (Eerste werkdag begeleid)"}; strings.Join(notes, "|") != strings.Join(want, "|") {
		t.Errorf("history: %q, want %q", notes, want)
	}

	// 12 of 10 booked: 409 naming the extension, nothing stored.
	prov.Call("POST", hoursURL, entry(day(0), "3.5", ""), http.StatusConflict, &p)
	if p.Code != "extensionRequired" || !strings.Contains(p.Detail, "uitbreiding van minstens 2 uur") {
		t.Errorf("over the booked hours: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM booking_hours WHERE booking_id = ?`, b.ID); n != 2 {
		t.Errorf("entries after the refusal: %d", n)
	}

	// Another provider's extension request: 404; the werkgever's own: 403.
	other := f.Browser().SignIn(apptest.ZorgA) // Dagbesteding De Werkplaats, a provider too
	other.Call("POST", "/api/v1/bookings/"+b.ID+"/extensions", `{"hours":4}`, http.StatusNotFound, nil)
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/extensions", `{"hours":4}`, http.StatusForbidden, nil)

	// The provider asks 4 more hours; one open request at a time.
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/extensions", `{"hours":4,"reason":"Twee extra middagen inwerken"}`, http.StatusCreated, &b)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/extensions", `{"hours":2}`, http.StatusConflict, &p)
	if p.Code != "extensionOpen" {
		t.Errorf("a second open request: %+v", p)
	}
	if len(b.Extensions) != 1 || b.Extensions[0].State != "requested" || b.Extensions[0].AmountCents != 4*8500 {
		t.Fatalf("extension: %+v", b.Extensions)
	}
	ext := b.Extensions[0].ID
	if got := noticeTitles(f, f.User[apptest.WerkgeverA], "booking_requested"); len(got) != 1 || got[0] != "Jobcoach Utrecht BV vraagt 4 uur extra voor Jobcoaching op de werkvloer. Keur het goed of af." {
		t.Errorf("the werkgever's notice: %q", got)
	}
	// Still 409 while undecided; the provider cannot decide it.
	prov.Call("POST", hoursURL, entry(day(0), "3.5", ""), http.StatusConflict, nil)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/extensions/"+ext+"/decisions", `{"decision":"approved"}`, http.StatusForbidden, nil)

	// The werkgever approves: a period to pay, and the hours fit.
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/extensions/"+ext+"/decisions", `{"decision":"approved"}`, http.StatusCreated, &b)
	if b.Extensions[0].State != "approved" || b.Extensions[0].Period == nil || *b.Extensions[0].Period != 2 || b.AmountCents != 14*8500 {
		t.Fatalf("approved: %+v", b)
	}
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/extensions/"+ext+"/decisions", `{"decision":"refused"}`, http.StatusConflict, nil)
	var co struct {
		Period      int
		AmountCents int64
	}
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.Period != 2 || co.AmountCents != 4*8500 {
		t.Errorf("paying the extension: %+v", co)
	}
	prov.Call("POST", hoursURL, entry(day(0), "3.5", "Middag inwerken"), http.StatusCreated, &b)
	if b.DeliveredHours != 12 {
		t.Errorf("delivered: %v", b.DeliveredHours)
	}
	prov.Call("POST", hoursURL, entry(day(0), "2.5", ""), http.StatusConflict, &p)
	if p.Code != "extensionRequired" {
		t.Errorf("over booked plus extension: %+v", p)
	}

	// On a cancelled booking: 409.
	var c hoursBooking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":2,"placementId":%q}`, svc, placement), http.StatusCreated, &c)
	wg.Call("POST", "/api/v1/bookings/"+c.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, nil)
	prov.Call("POST", "/api/v1/bookings/"+c.ID+"/hours", entry(day(0), "1", ""), http.StatusConflict, &p)
	if p.Code != "bookingCancelled" {
		t.Errorf("hours on a cancelled booking: %+v", p)
	}
}
