package booking_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

type consentBooking struct {
	ID               string
	State            string
	CandidateConsent string
	Consent          *struct{ State, DecidedVia string }
	Shared           *struct {
		Name, Phone, OrganisationName, WorkplaceTitle, WorkplacePlace, WorkplacePostcode, ContactName string
	}
	Events []struct{ Actor, Code, Reason string }
}

type consentRequest struct {
	BookingID, ProviderName, OrganisationName, State, DecidedVia string
}

// personBoundJSON is jobcoaching of provider that the catalogue marks person-bound.
func personBoundJSON(provider string) string {
	return strings.Replace(fmt.Sprintf(apptest.JobcoachingJSON, provider), `"kind":"jobcoaching",`, `"kind":"jobcoaching","personBound":true,`, 1)
}

// A person-bound booking waits for the kandidaat: the provider reads nothing
// and does nothing before a yes (403 with the reason); a yes by the mailed
// link (single use, 410 after) shows exactly name, phone and workplace, each
// read audited; a revocation in the app ends access at once and tells the
// werkgever and the accountmanager; a no in the app likewise; another
// provider's booking is 404; an expired link 410; the export shows it all.
func TestBookingConsent(t *testing.T) {
	f := apptest.New(t)
	g := f.DB.Gorm
	provider := f.Org["Jobcoach Utrecht BV"]
	korenschoof := f.Org["Bakkerij De Korenschoof"]
	apptest.Must(t, g.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], korenschoof).Error)
	svc := f.Service(personBoundJSON(provider))
	var s struct{ PersonBound bool }
	f.Browser().SignIn(apptest.WerkgeverA).Call("GET", "/api/v1/services/"+svc, "", http.StatusOK, &s)
	if !s.PersonBound {
		t.Fatal("the catalogue does not say the service is person-bound")
	}
	placement, _ := f.Placement(f.MyCandidate, "vast", f.Clock().AddDate(0, 0, -7))
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	am := f.Browser().SignIn(apptest.AmA)
	prov := f.Browser().SignIn("planning@jobcoachutrecht.demo.werkhaven.nl")
	other := f.Browser().SignIn(apptest.ZorgA)
	reads := func(id string) (shared, identity int64) {
		return f.Count(`SELECT count(*) FROM audit_events WHERE action = 'booking.shared_read' AND subject_id = ?`, id),
			f.Count(`SELECT count(*) FROM audit_events WHERE action = 'candidate.identity_read' AND subject_id = ? AND details->>'via' = ?`, f.MyCandidate, "booking:"+id)
	}
	forbidden := func(b *apptest.Browser, method, path, body, code string) {
		t.Helper()
		var p apptest.Problem
		b.Call(method, path, body, http.StatusForbidden, &p)
		if p.Code != code {
			t.Errorf("%s %s: %+v, want %s", method, path, p, code)
		}
	}

	var b consentBooking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":10,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
	if b.CandidateConsent != "asked" || b.Consent == nil || b.Consent.State != "asked" {
		t.Fatalf("a new person-bound booking: %+v", b)
	}
	url := "/api/v1/bookings/" + b.ID

	// Before the kandidaat answers: the provider reads nothing, does nothing.
	forbidden(prov, "GET", url, "", "awaitingCandidateConsent")
	forbidden(prov, "POST", url+"/state-changes", `{"state":"confirmed"}`, "awaitingCandidateConsent")
	other.Call("GET", url, "", http.StatusNotFound, nil)
	var list struct{ Items []consentBooking }
	prov.Call("GET", "/api/v1/bookings?as=provider", "", http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].CandidateConsent != "asked" || list.Items[0].Shared != nil {
		t.Errorf("the provider's list before a yes: %+v", list.Items)
	}
	if sh, id := reads(b.ID); sh != 0 || id != 0 {
		t.Errorf("reads before agreement: %d shared, %d identity", sh, id)
	}
	// Approval and payment go on meanwhile.
	am.Call("POST", url+"/state-changes", `{"state":"approved"}`, http.StatusOK, nil)

	// The mailed link, in B1 Dutch, names the provider; it decides once.
	m := f.Inbox.Next(t, apptest.KandidaatA, 20*time.Second)
	text := strings.ReplaceAll(m.Data, "=\r\n", "")
	if !strings.Contains(text, "Jobcoach Utrecht BV") || !strings.Contains(text, "telefoonnummer") {
		t.Errorf("consent mail: %s", text)
	}
	token := apptest.TokenInMail.FindStringSubmatch(text)[1]
	anon := f.Browser()
	var req consentRequest
	anon.Call("POST", "/api/v1/booking-consent-links/views", fmt.Sprintf(`{"token":%q}`, token), http.StatusOK, &req)
	if req.BookingID != b.ID || req.ProviderName != "Jobcoach Utrecht BV" || req.State != "asked" {
		t.Errorf("the link's request: %+v", req)
	}
	anon.Call("POST", "/api/v1/booking-consent-links/decisions", `{"token":"onbekend-onbekend-onbekend","decision":"agree"}`, http.StatusNotFound, nil)
	anon.Call("POST", "/api/v1/booking-consent-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"revoke"}`, token), http.StatusBadRequest, nil)
	anon.Call("POST", "/api/v1/booking-consent-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"agree"}`, token), http.StatusOK, &req)
	if req.State != "granted" || req.DecidedVia != "mail_link" {
		t.Errorf("agreed by link: %+v", req)
	}
	anon.Call("POST", "/api/v1/booking-consent-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"decline"}`, token), http.StatusGone, nil)
	anon.Call("POST", "/api/v1/booking-consent-links/views", fmt.Sprintf(`{"token":%q}`, token), http.StatusGone, nil)

	// Now the provider sees exactly what was shared, each read audited.
	prov.Call("GET", url, "", http.StatusOK, &b)
	if b.Shared == nil || b.Shared.Name != "Sanne de Boer" || b.Shared.OrganisationName != "Bakkerij De Korenschoof" || b.Shared.WorkplaceTitle == "" ||
		b.Shared.WorkplacePlace == "" || b.Shared.ContactName != "" || b.Shared.WorkplacePostcode != "" {
		t.Errorf("shared before confirmation: %+v", b.Shared)
	}
	prov.Call("GET", url, "", http.StatusOK, &b)
	if sh, id := reads(b.ID); sh != 2 || id != 2 {
		t.Errorf("two reads: %d shared, %d identity audited", sh, id)
	}
	var wgView consentBooking
	wg.Call("GET", url, "", http.StatusOK, &wgView)
	if wgView.Shared != nil || wgView.CandidateConsent != "granted" {
		t.Errorf("the werkgever's view: %+v", wgView)
	}
	if !hasNote(wgView.Events, "consentGranted", "kandidaat") {
		t.Errorf("history: %+v", wgView.Events)
	}
	paid(f, b.ID, 10*8500)
	prov.Call("POST", url+"/state-changes", `{"state":"confirmed"}`, http.StatusOK, nil)
	prov.Call("GET", url, "", http.StatusOK, &b)
	if b.Shared == nil || b.Shared.WorkplacePostcode == "" {
		t.Errorf("shared after confirmation: %+v", b.Shared)
	}

	// The kandidaat stops sharing in the app: access ends at once.
	kd := f.Kandidaat()
	var mine struct{ Items []consentRequest }
	kd.Call("GET", "/api/v1/me/booking-consents", "", http.StatusOK, &mine)
	if len(mine.Items) != 1 || mine.Items[0].State != "granted" || mine.Items[0].OrganisationName != "Bakkerij De Korenschoof" {
		t.Fatalf("my requests: %+v", mine.Items)
	}
	kd.Call("POST", "/api/v1/me/booking-consents/"+b.ID+"/decisions", `{"decision":"decline"}`, http.StatusConflict, nil)
	kd.Call("POST", "/api/v1/me/booking-consents/"+b.ID+"/decisions", `{"decision":"revoke"}`, http.StatusOK, &req)
	if req.State != "revoked" {
		t.Errorf("revoked: %+v", req)
	}
	kd.Call("POST", "/api/v1/me/booking-consents/00000000-0000-0000-0000-000000000001/decisions", `{"decision":"agree"}`, http.StatusNotFound, nil)
	forbidden(prov, "GET", url, "", "candidateConsentRevoked")
	forbidden(prov, "POST", url+"/state-changes", `{"state":"in_progress"}`, "candidateConsentRevoked")
	forbidden(prov, "POST", url+"/hours", fmt.Sprintf(`{"date":%q,"hours":1}`, f.Clock().Format(time.DateOnly)), "candidateConsentRevoked")
	forbidden(prov, "POST", url+"/extensions", `{"hours":2}`, "candidateConsentRevoked")
	for who, user := range map[string]string{"werkgever": f.User[apptest.WerkgeverA], "accountmanager": f.User[apptest.AmA]} {
		if f.Count(`SELECT count(*) FROM notifications WHERE user_id = ? AND kind = 'booking_consent' AND link = ?`, user, "/boekingen/"+b.ID) == 0 {
			t.Errorf("the %s was not told of the revocation", who)
		}
	}
	if f.Count(`SELECT count(*) FROM audit_events WHERE action = 'booking.consent_revoked' AND subject_id = ? AND details->>'via' = 'in_app'`, b.ID) != 1 {
		t.Error("the revocation is not audited")
	}
	// Agreeing again in the app gives access back.
	kd.Call("POST", "/api/v1/me/booking-consents/"+b.ID+"/decisions", `{"decision":"agree"}`, http.StatusOK, &req)
	if req.State != "granted" || req.DecidedVia != "in_app" {
		t.Errorf("agreed in the app: %+v", req)
	}
	prov.Call("GET", url, "", http.StatusOK, nil)

	// A second booking: the kandidaat says no in the app; cancelling it is free.
	placement2, _ := f.Placement(f.MyCandidate, "vast", f.Clock().AddDate(0, 0, -3))
	var b2 consentBooking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":4,"placementId":%q}`, svc, placement2), http.StatusCreated, &b2)
	f.Inbox.Next(t, apptest.KandidaatA, 20*time.Second)
	kd.Call("POST", "/api/v1/me/booking-consents/"+b2.ID+"/decisions", `{"decision":"decline"}`, http.StatusOK, &req)
	forbidden(prov, "GET", "/api/v1/bookings/"+b2.ID, "", "candidateConsentDeclined")
	var cancelled apptest.Booking
	wg.Call("POST", "/api/v1/bookings/"+b2.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, &cancelled)
	if cancelled.CancellationFeeCents == nil || *cancelled.CancellationFeeCents != 0 {
		t.Errorf("cancelling a declined booking: %+v", cancelled)
	}

	// A third booking's link, unused for 15 days, has expired (410).
	placement3, _ := f.Placement(f.MyCandidate, "vast", f.Clock().AddDate(0, 0, -1))
	var b3 consentBooking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":2,"placementId":%q}`, svc, placement3), http.StatusCreated, &b3)
	m3 := f.Inbox.Next(t, apptest.KandidaatA, 20*time.Second)
	token3 := apptest.TokenInMail.FindStringSubmatch(strings.ReplaceAll(m3.Data, "=\r\n", ""))[1]
	f.Advance(15 * 24 * time.Hour)
	anon.Call("POST", "/api/v1/booking-consent-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"agree"}`, token3), http.StatusGone, nil)

	// The kandidaat's export shows each answer and the provider's reads.
	var export struct {
		Services struct {
			Items []struct {
				Sharing *struct {
					State struct{ Value string }
					Via   *struct{ Value string }
				}
			}
		}
		AccessLog struct {
			Items []struct{ Reason string }
		}
	}
	kd = f.Kandidaat() // a new session, 15 days on
	kd.Call("GET", "/api/v1/me/candidate/export", "", http.StatusOK, &export)
	states := map[string]int{}
	for _, s := range export.Services.Items {
		if s.Sharing != nil {
			states[s.Sharing.State.Value]++
		}
	}
	if states["granted"] != 1 || states["declined"] != 1 || states["asked"] != 1 {
		t.Errorf("export sharing: %v", states)
	}
	booked := 0
	for _, r := range export.AccessLog.Items {
		if strings.Contains(r.Reason, "dienst waarvoor u toestemming gaf") {
			booked++
		}
	}
	if booked < 3 {
		t.Errorf("export access log: %+v", export.AccessLog.Items)
	}
}

func hasNote(events []struct{ Actor, Code, Reason string }, code, actor string) bool {
	for _, e := range events {
		if e.Code == code && e.Actor == actor {
			return true
		}
	}
	return false
}
