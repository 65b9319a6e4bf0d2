package booking_test

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stripe/stripe-go/v76/webhook"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/stripeclient"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// placementFor records a placement of a new candidate with the
// Korenschoof bakery directly (the invite journey is tested elsewhere).
func placementFor(f *apptest.Fixture, doelgroepregister bool) (placementID, candidateID string) {
	f.T.Helper()
	g := f.DB.Gorm
	candidateID = f.NewCandidate("Geplaatst Persoon", "")
	apptest.Must(f.T, g.Exec(`UPDATE candidates SET doelgroepregister = ? WHERE id = ?`, doelgroepregister, candidateID).Error)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	var inviteID string
	apptest.Must(f.T, g.Raw(`INSERT INTO invites (region_id, opening_id, organisation_id, candidate_id, state, message, invited_by, sent_at, expires_at)
		VALUES (?, ?, ?, ?, 'placed', 'Hoi', ?, now(), now()) RETURNING id::text`, f.RegionA, o, f.Org["Bakkerij De Korenschoof"], candidateID, f.User[apptest.AdminA]).Row().Scan(&inviteID))
	apptest.Must(f.T, g.Raw(`INSERT INTO placements (invite_id, region_id, organisation_id, opening_id, candidate_id, start_date, contract_type, hours, hourly_wage_cents, created_by)
		VALUES (?, ?, ?, ?, ?, current_date, 'vast', 24, 1450, ?) RETURNING id::text`, inviteID, f.RegionA, f.Org["Bakkerij De Korenschoof"], o, candidateID, f.User[apptest.AdminA]).Row().Scan(&placementID))
	return placementID, candidateID
}

// paid delivers payment_intent.succeeded for period 1 of a booking and
// waits until the job has made it Paid.
func paid(f *apptest.Fixture, bookingID string, amount int64) string {
	f.T.Helper()
	pi := fmt.Sprintf("pi_test_%d", apptest.Uniq())
	payload, err := booking.DevEvent("payment_intent.succeeded", bookingID, 1, pi, amount)
	apptest.Must(f.T, err)
	if code, p := f.Webhook(payload, f.WebhookSecret(), time.Now()); code != http.StatusNoContent {
		f.T.Fatalf("webhook: %d %+v", code, p)
	}
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND paid_at IS NOT NULL`, bookingID) == 1
	}, "booking paid")
	return pi
}

// The whole life of a paid, approved, provider-delivered booking, and the
// refusals on the way.
func TestBookingStateMachine(t *testing.T) {
	f := apptest.New(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1JobcoachUtrecht', accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], provider).Error)
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], f.Org["Bakkerij De Korenschoof"]).Error)
	svc := f.Service(fmt.Sprintf(apptest.JobcoachingJSON, provider))
	placement, _ := placementFor(f, false)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	before := f.Count(`SELECT count(*) FROM bookings`)
	var p apptest.Problem
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":16}`, svc), http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "placementId" || p.InvalidParams[0].Code != "eligibility.placement" {
		t.Errorf("booking without the placement the rule asks: %+v", p)
	}
	for _, body := range []string{fmt.Sprintf(`{"serviceId":%q,"quantity":0,"placementId":%q}`, svc, placement), fmt.Sprintf(`{"serviceId":%q,"quantity":999,"placementId":%q}`, svc, placement),
		fmt.Sprintf(`{"serviceId":%q,"quantity":"veel","placementId":%q}`, svc, placement), `{"serviceId":"00000000-0000-0000-0000-000000000009","quantity":4}`,
		fmt.Sprintf(`{"serviceId":%q,"quantity":4,"placementId":"00000000-0000-0000-0000-000000000009"}`, svc), `{"serviceId":`} {
		wg.Call("POST", "/api/v1/bookings", body, http.StatusBadRequest, nil)
	}
	if n := f.Count(`SELECT count(*) FROM bookings`); n != before {
		t.Fatalf("refused bookings stored %d rows", n-before)
	}
	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":16,"placementId":%q,"note":"Start maandag"}`, svc, placement), http.StatusCreated, &b)
	if b.State != "awaiting_approval" || b.AmountCents != 16*8500 {
		t.Fatalf("new booking: %+v", b)
	}
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"approved"}`, http.StatusForbidden, nil)
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusConflict, nil)
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'booking_requested' AND user_id = ?`, f.User[apptest.AmA]); n != 1 {
		t.Errorf("the accountmanager's approval task: %d", n)
	}
	am := f.Browser().SignIn(apptest.AmA)
	am.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"approved"}`, http.StatusOK, &b)
	if b.State != "awaiting_payment" {
		t.Fatalf("approved: %+v", b)
	}
	// The approval's time is on the booking too, the instant of its event (the figures read it).
	if n := f.Count(`SELECT count(*) FROM bookings b JOIN booking_events e ON e.booking_id = b.id AND e.to_state = 'approved'
		WHERE b.id = ? AND b.approved_at = e.occurred_at`, b.ID); n != 1 {
		t.Errorf("approved_at is not the approval event's time (%d)", n)
	}
	var co struct {
		SessionID, URL string
		AmountCents    int64
	}
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	first := co.SessionID
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.SessionID != first || co.AmountCents != 16*8500 || !strings.HasPrefix(first, "cs_") {
		t.Errorf("paying twice: %s then %+v", first, co)
	}
	paid(f, b.ID, 16*8500)
	// The provider confirms, starts, records hours and completes; the organisation cannot.
	prov := f.Browser().SignIn("planning@jobcoachutrecht.demo.werkhaven.nl")
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"confirmed"}`, http.StatusForbidden, nil)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"completed"}`, http.StatusConflict, nil)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"confirmed"}`, http.StatusOK, nil)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"in_progress"}`, http.StatusOK, nil)
	today := f.Clock().In(apptest.AmsterdamTZ(t)).Format(time.DateOnly)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/hours", `{"date":"`+today+`","hours":6.5}`, http.StatusCreated, nil)
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/hours", `{"date":"`+today+`","hours":1}`, http.StatusForbidden, nil)
	prov.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"completed"}`, http.StatusOK, &b)
	var list struct{ Items []apptest.Booking }
	prov.Call("GET", "/api/v1/bookings?as=provider", "", http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].ID != b.ID {
		t.Errorf("provider dashboard: %+v", list)
	}
	wg.Call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusOK, &b)
	var path []string
	for _, e := range b.Events {
		path = append(path, e.To+"/"+e.Actor)
	}
	// The hours entry is a note in the log, in the state it was made in.
	want := "requested/organisation awaiting_approval/system approved/accountmanager awaiting_payment/system paid/stripe confirmed/provider in_progress/provider in_progress/provider completed/provider"
	if strings.Join(path, " ") != want {
		t.Errorf("event log:\n%s\nwant\n%s", strings.Join(path, " "), want)
	}
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusConflict, &p)
	if p.Code != "stateTransition" {
		t.Errorf("cancel after completion: %+v", p)
	}
	// Tenancy: another organisation and another region see none of it.
	f.Browser().SignIn(apptest.Werkgever2).Call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.Werkgever2).Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.AdminB).Call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.WerkgeverB).Call("GET", "/api/v1/services/"+svc, "", http.StatusNotFound, nil)
	if err := f.DB.Gorm.Exec(`DELETE FROM booking_events`).Error; err == nil {
		t.Error("booking_events accepted a DELETE")
	}
}

// 50 organisations' requests for the last place of one slot: exactly one
// booking, 49 clean 409s; 20 times over. Outside the provider's hours: 409.
func TestBookingSlotRace(t *testing.T) {
	f := apptest.New(t)
	svc := f.Service(apptest.IntakeJSON)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	tomorrow := f.Clock().In(apptest.AmsterdamTZ(t)).AddDate(0, 0, 1)
	at := func(day, hour int) string {
		d := time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day()+day, hour, 0, 0, 0, apptest.AmsterdamTZ(t))
		return d.UTC().Format(time.RFC3339)
	}
	var p apptest.Problem
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, at(0, 7)), http.StatusConflict, &p)
	if p.Code != "outsideAvailability" {
		t.Errorf("07:00: %+v", p)
	}
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, strings.Replace(at(0, 10), ":00:00", ":30:00", 1)), http.StatusConflict, nil)
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q}`, svc), http.StatusBadRequest, nil)
	browsers := make([]*apptest.Browser, 50)
	for i := range browsers {
		browsers[i] = f.Browser().SignIn(apptest.WerkgeverA)
	}
	for round := 0; round < 20; round++ {
		slot := at(round/8, 9+round%8)
		codes := map[int]int{}
		var mu sync.Mutex
		var wait sync.WaitGroup
		for _, b := range browsers {
			wait.Add(1)
			go func() {
				defer wait.Done()
				resp, raw := b.Do("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, slot))
				mu.Lock()
				codes[resp.StatusCode]++
				if resp.StatusCode == http.StatusConflict && !strings.Contains(string(raw), "slotTaken") {
					t.Errorf("a 409 that is not slotTaken: %s", raw)
				}
				mu.Unlock()
			}()
		}
		wait.Wait()
		if codes[http.StatusCreated] != 1 || codes[http.StatusConflict] != 49 {
			t.Fatalf("round %d (%s): %v", round, slot, codes)
		}
		if n := f.Count(`SELECT count(*) FROM bookings WHERE service_id = ? AND starts_at = ?`, svc, slot); n != 1 {
			t.Fatalf("round %d: %d bookings in the slot", round, n)
		}
	}
	// The slot list shows the taken ones as full.
	var slots struct {
		Items []struct {
			StartsAt string
			Free     int
		}
	}
	wg.Call("GET", "/api/v1/services/"+svc+"/slots?from="+tomorrow.Format(time.DateOnly)+"&days=1", "", http.StatusOK, &slots)
	full := 0
	for _, s := range slots.Items {
		if s.Free == 0 {
			full++
		}
	}
	if len(slots.Items) != 8 || full != 8 {
		t.Errorf("slots of day 1: %+v", slots.Items)
	}
	// A closed day (an exception to the weekly plan) has no slots and takes no booking.
	closed := tomorrow.AddDate(0, 0, 5).Format(time.DateOnly)
	admin := f.Browser().SignIn(apptest.AdminA)
	var saved struct{ ClosedDays []string }
	admin.Call("PUT", "/api/v1/services/"+svc, strings.Replace(apptest.IntakeJSON, `"active":true,`, `"active":true,"closedDays":["`+closed+`"],`, 1), http.StatusOK, &saved)
	if len(saved.ClosedDays) != 1 || saved.ClosedDays[0] != closed {
		t.Fatalf("closed days: %+v", saved)
	}
	wg.Call("GET", "/api/v1/services/"+svc+"/slots?from="+closed+"&days=1", "", http.StatusOK, &slots)
	if len(slots.Items) != 0 {
		t.Errorf("slots on a closed day: %+v", slots.Items)
	}
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, at(5, 10)), http.StatusConflict, &p)
	if p.Code != "outsideAvailability" {
		t.Errorf("booking on a closed day: %+v", p)
	}
	admin.Call("PUT", "/api/v1/services/"+svc, strings.Replace(apptest.IntakeJSON, `"active":true,`, `"active":true,"closedDays":["morgen"],`, 1), http.StatusBadRequest, nil)
}

// stripeRecorder forwards to stripe-mock and records every request's
// idempotency key; it drops the connection of the first checkout request
// after forwarding it, as a network failure after Stripe acted would.
type stripeRecorder struct {
	mu      sync.Mutex
	keys    []string
	dropped bool
	proxy   *httputil.ReverseProxy
}

func (r *stripeRecorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	r.mu.Lock()
	drop := false
	if strings.HasPrefix(req.URL.Path, "/v1/checkout/sessions") {
		r.keys = append(r.keys, req.Header.Get("Idempotency-Key"))
		drop = !r.dropped
		r.dropped = true
	}
	r.mu.Unlock()
	if drop {
		rec := httptest.NewRecorder()
		r.proxy.ServeHTTP(rec, req) // Stripe did the work …
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close() // … and the answer never arrives
		}
		return
	}
	r.proxy.ServeHTTP(w, req)
}

// A payment retried after a dropped connection sends the stored
// idempotency key again and ends in one checkout and one payment record.
func TestBookingPaymentRetry(t *testing.T) {
	f := apptest.New(t)
	target, err := url.Parse(testkit.Env("STRIPE_API_BASE"))
	apptest.Must(t, err)
	rec := &stripeRecorder{proxy: httputil.NewSingleHostReverseProxy(target)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	apptest.Must(t, err)
	srv := &http.Server{Handler: rec}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	f.Bookings.Stripe = stripeclient.New("sk_test_123", "http://"+ln.Addr().String())

	provider := f.Org["Jobcoach Utrecht BV"]
	svc := f.Service(fmt.Sprintf(strings.Replace(apptest.JobcoachingJSON, `"requiresApproval":true`, `"requiresApproval":false`, 1), provider))
	placement, _ := placementFor(f, false)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":4,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
	var stored string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT idempotency_key FROM booking_periods WHERE booking_id = ? AND period = 1`, b.ID).Row().Scan(&stored))
	var co struct{ SessionID string }
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, nil)
	rec.mu.Lock()
	keys := append([]string(nil), rec.keys...)
	rec.mu.Unlock()
	if len(keys) != 2 || keys[0] != stored || keys[1] != stored {
		t.Fatalf("idempotency keys sent %v, stored %q (want the stored key on the dropped call and its retry, and no third call)", keys, stored)
	}
	if n := f.Count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND checkout_session_id IS NOT NULL`, b.ID); n != 1 {
		t.Errorf("checkouts stored: %d", n)
	}
	pi := paid(f, b.ID, 4*8500)
	payload, _ := booking.DevEvent("payment_intent.succeeded", b.ID, 1, pi, 4*8500)
	f.Webhook(payload, f.WebhookSecret(), time.Now())
	time.Sleep(200 * time.Millisecond)
	if n := f.Count(`SELECT count(*) FROM payments WHERE booking_id = ? AND kind = 'payment'`, b.ID); n != 1 {
		t.Errorf("payment records: %d", n)
	}
}

// 200 concurrent webhook deliveries over 20 bookings — each success three
// times (the same event id twice, a second event once), failures before
// and after success, bad signatures, stale timestamps, unknown types and
// bookings — end in the right states with side effects once.
func TestWebhookDeliveries(t *testing.T) {
	f := apptest.New(t)
	svc := f.Service(fmt.Sprintf(strings.Replace(apptest.JobcoachingJSON, `"requiresApproval":true`, `"requiresApproval":false`, 1), f.Org["Jobcoach Utrecht BV"]))
	placement, _ := placementFor(f, false)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	secret := f.WebhookSecret()
	type delivery struct {
		payload []byte
		secret  string
		ts      time.Time
		want    int
	}
	var deliveries []delivery
	ok := func(p []byte) delivery { return delivery{p, secret, time.Now(), http.StatusNoContent} }
	var ids []string
	for i := 0; i < 20; i++ {
		var b apptest.Booking
		wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":2,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
		ids = append(ids, b.ID)
		pi := fmt.Sprintf("pi_many_%d", i)
		succeeded, _ := booking.DevEvent("payment_intent.succeeded", b.ID, 1, pi, 17000)
		again, _ := booking.DevEvent("payment_intent.succeeded", b.ID, 1, pi, 17000)
		failed, _ := booking.DevEvent("payment_intent.payment_failed", b.ID, 1, pi, 17000)
		tampered := bytes.Replace(succeeded, []byte(`"amount":17000`), []byte(`"amount":1`), 1)
		stale := delivery{succeeded, secret, time.Now().Add(-10 * time.Minute), http.StatusBadRequest}
		forged := delivery{succeeded, "whsec_niet_het_geheim", time.Now(), http.StatusBadRequest}
		unknownType, _ := booking.DevEvent("customer.created", b.ID, 1, pi, 17000)
		unknownBooking, _ := booking.DevEvent("payment_intent.succeeded", "00000000-0000-0000-0000-000000000042", 1, pi, 17000)
		deliveries = append(deliveries, ok(failed), ok(succeeded), ok(succeeded), ok(again), ok(failed), stale, forged,
			delivery{unknownType, secret, time.Now(), http.StatusBadRequest}, delivery{unknownBooking, secret, time.Now(), http.StatusBadRequest})
		// The tampered body fails verification against the original signature.
		signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: succeeded, Secret: secret})
		req := httptest.NewRequest(http.MethodPost, "/api/v1/stripe/webhook", bytes.NewReader(tampered))
		req.Header.Set("Stripe-Signature", signed.Header)
		resp, err := f.HTTP.Test(req, -1)
		apptest.Must(t, err)
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("tampered body: %d", resp.StatusCode)
		}
		deliveries = append(deliveries, ok(failed))
	}
	if len(deliveries) != 200 {
		t.Fatalf("test data: %d deliveries", len(deliveries))
	}
	var wait sync.WaitGroup
	var mu sync.Mutex
	bad := 0
	for i := range deliveries {
		wait.Add(1)
		go func(d delivery) {
			defer wait.Done()
			code, p := f.Webhook(d.payload, d.secret, d.ts)
			mu.Lock()
			defer mu.Unlock()
			if code != d.want {
				bad++
				t.Errorf("delivery: %d, want %d: %+v", code, d.want, p)
			}
		}(deliveries[i])
	}
	wait.Wait()
	f.WaitFor(func() bool { return f.Count(`SELECT count(*) FROM stripe_events WHERE processed_at IS NULL`) == 0 }, "every stored event processed")
	for _, id := range ids {
		if n := f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'paid'`, id); n != 1 {
			t.Errorf("booking %s not paid", id)
		}
		if n := f.Count(`SELECT count(*) FROM payments WHERE booking_id = ?`, id); n != 1 {
			t.Errorf("booking %s: %d payment records", id, n)
		}
		if n := f.Count(`SELECT count(*) FROM booking_events WHERE booking_id = ? AND to_state = 'paid'`, id); n != 1 {
			t.Errorf("booking %s: paid %d times", id, n)
		}
	}
	// Stored once per event id: per booking the failure (delivered three
	// times), the success (twice) and a second success event.
	if n := f.Count(`SELECT count(*) FROM stripe_events`); n != 20*3 {
		t.Errorf("stored events: %d, want 60", n)
	}
}

// Cancelling by the policy: free until 48 hours before, then 50% kept; the
// rest is refunded (reversing the transfer); unpaid bookings expire after
// their payment window (here 1 day, or the slot's start if sooner) and free
// their slot; a payment arriving after expiry is refunded.
func TestBookingCancellationAndExpiry(t *testing.T) {
	f := apptest.New(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1JobcoachUtrecht' WHERE id = ?`, provider).Error)
	svc := f.Service(strings.Replace(fmt.Sprintf(apptest.LoonwaardeJSON, provider), `"active":true,`, `"active":true,"payDays":1,`, 1))
	loc := apptest.AmsterdamTZ(t)
	// Tomorrow 12:00 must be sooner than the one-day pay window below: start
	// the clock in the afternoon (Amsterdam), whatever the hour the test runs.
	if h := f.Clock().In(loc).Hour(); h < 14 {
		f.Advance(time.Duration(14-h) * time.Hour)
	}
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	slot := func(days, hour int) string {
		d := f.Clock().In(loc).AddDate(0, 0, days)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, loc).UTC().Format(time.RFC3339)
	}
	book := func(at string) apptest.Booking {
		var b apptest.Booking
		wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, at), http.StatusCreated, &b)
		if b.State != "awaiting_payment" {
			t.Fatalf("booking: %+v", b)
		}
		return b
	}
	refunded := func(id string) int64 {
		return f.Count(`SELECT COALESCE(sum(amount_cents), 0) FROM payments WHERE booking_id = ? AND kind = 'refund'`, id)
	}
	early := book(slot(5, 8))
	paid(f, early.ID, 40000)
	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings/"+early.ID+"/state-changes", `{"state":"cancelled","reason":"Toch niet nodig"}`, http.StatusOK, &b)
	if b.CancellationFeeCents == nil || *b.CancellationFeeCents != 0 {
		t.Errorf("early cancellation fee: %+v", b)
	}
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'refunded'`, early.ID) == 1
	}, "early cancellation refunded")
	if r := refunded(early.ID); r != 40000 {
		t.Errorf("early cancellation refunded %d", r)
	}
	late := book(slot(1, 12))
	paid(f, late.ID, 40000)
	wg.Call("POST", "/api/v1/bookings/"+late.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, &b)
	if b.CancellationFeeCents == nil || *b.CancellationFeeCents != 20000 {
		t.Errorf("late cancellation fee: %+v", b)
	}
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'refunded' AND refunded_cents = 20000`, late.ID) == 1
	}, "late cancellation refunded in part")
	if r := refunded(late.ID); r != 20000 {
		t.Errorf("late cancellation refunded %d", r)
	}
	// The cancelled slot is free again.
	freed := book(slot(1, 12))
	again := book(slot(5, 12))
	if freed.PayBy != slot(1, 12) {
		t.Errorf("a slot sooner than the window is paid by its start: %s", freed.PayBy)
	}
	// Unpaid for a day: expired, the slot free, paying now refused.
	f.Advance(24*time.Hour + time.Minute)
	wg = f.Browser().SignIn(apptest.WerkgeverA) // the old session is idle too long
	n, err := f.Bookings.ExpireUnpaid(testkit.Context(t))
	apptest.Must(t, err)
	if n != 2 {
		t.Fatalf("expired: %d", n)
	}
	var p apptest.Problem
	f.Browser().SignIn(apptest.WerkgeverA).Call("POST", "/api/v1/bookings/"+again.ID+"/checkouts", "", http.StatusConflict, &p)
	if p.Code != "bookingExpired" {
		t.Errorf("paying an expired booking: %+v", p)
	}
	f.Browser().SignIn(apptest.WerkgeverA).Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, slot(4, 12)), http.StatusCreated, nil)
	// A payment that arrives after expiry is refunded in full.
	paidLate(f, again.ID, 40000)
	f.WaitFor(func() bool { return refunded(again.ID) == 40000 }, "late payment refunded")
	// Unpaid cancellation: nothing to refund.
	unpaid := book(slot(6, 14))
	f.Browser().SignIn(apptest.WerkgeverA).Call("POST", "/api/v1/bookings/"+unpaid.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, &b)
	if b.State != "cancelled" || refunded(unpaid.ID) != 0 {
		t.Errorf("unpaid cancellation: %+v", b)
	}
}

// paidLate delivers a succeeded payment for a booking that no longer waits.
func paidLate(f *apptest.Fixture, bookingID string, amount int64) {
	f.T.Helper()
	payload, err := booking.DevEvent("payment_intent.succeeded", bookingID, 1, fmt.Sprintf("pi_late_%d", apptest.Uniq()), amount)
	apptest.Must(f.T, err)
	if code, p := f.Webhook(payload, f.WebhookSecret(), time.Now()); code != http.StatusNoContent {
		f.T.Fatalf("webhook: %d %+v", code, p)
	}
}

// Eligibility by the candidate's scheme, and monthly billing per period.
func TestBookingEligibilityAndPeriods(t *testing.T) {
	f := apptest.New(t)
	adapt := f.Service(`{"kind":"werkplekaanpassing","titleNl":"Werkplekaanpassing","titleEn":"Workplace adaptation","priceCents":25000,"priceUnit":"fixed",
		"requiresApproval":false,"eligibility":["placement","doelgroepregister"],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":false,"active":true,"hours":[]}`)
	without, _ := placementFor(f, false)
	with, _ := placementFor(f, true)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var p apptest.Problem
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"placementId":%q}`, adapt, without), http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Code != "eligibility.doelgroepregister" {
		t.Errorf("not in the doelgroepregister: %+v", p)
	}
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"placementId":%q}`, adapt, with), http.StatusCreated, nil)
	// Another organisation's placement is unknown to this one.
	f.Browser().SignIn(apptest.Werkgever2).Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"placementId":%q}`, adapt, with), http.StatusBadRequest, nil)

	monthly := f.Service(`{"kind":"scholing","titleNl":"Opleiding orderpicker","titleEn":"Order picker training","priceCents":30000,"priceUnit":"per_month",
		"requiresApproval":false,"eligibility":[],"cancelFreeHours":0,"cancelFeePercent":100,"schedulable":false,"active":true,"hours":[]}`)
	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":3}`, monthly), http.StatusCreated, &b)
	if b.AmountCents != 90000 {
		t.Errorf("three months: %+v", b)
	}
	if n := f.Count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND amount_cents = 30000`, b.ID); n != 3 {
		t.Errorf("periods: %d", n)
	}
	var co struct {
		Period      int
		AmountCents int64
	}
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.Period != 1 || co.AmountCents != 30000 {
		t.Errorf("first checkout: %+v", co)
	}
	paid(f, b.ID, 30000)
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusConflict, &p)
	if p.Code != "nothingToPay" {
		t.Errorf("the second month is not due yet: %+v", p)
	}
	var paid struct {
		PriceUnit string
		PaidCents int64
	}
	wg.Call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusOK, &paid)
	if paid.PriceUnit != "per_month" || paid.PaidCents != 30000 {
		t.Errorf("after the first month: %+v", paid)
	}
	// A month later the second month is announced (once) and can be paid on its own.
	f.Advance(31 * 24 * time.Hour)
	for round, want := range []int{1, 0} {
		n, err := f.Bookings.AnnounceDuePeriods(testkit.Context(t))
		apptest.Must(t, err)
		if n != want {
			t.Errorf("announcement round %d: %d", round, n)
		}
	}
	wg = f.Browser().SignIn(apptest.WerkgeverA)
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.Period != 2 || co.AmountCents != 30000 {
		t.Errorf("second checkout: %+v", co)
	}
	// Catalogue management is for admins; bad entries are refused.
	wg.Call("POST", "/api/v1/services", `{"kind":"x","titleNl":"X","titleEn":"X","priceCents":0,"priceUnit":"free","eligibility":[],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":false,"active":true,"hours":[]}`, http.StatusForbidden, nil)
	f.Browser().SignIn(apptest.AdminA).Call("POST", "/api/v1/services", `{"kind":"Jobcoaching!","titleNl":"X","titleEn":"Xy","priceCents":500,"priceUnit":"free","eligibility":["iets"],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":true,"slotMinutes":5,"capacity":1,"active":true,"hours":[{"weekday":8,"opens":"09:00","closes":"08:00"}]}`, http.StatusBadRequest, &p)
	if len(p.InvalidParams) < 3 {
		t.Errorf("bad catalogue entry: %+v", p)
	}
	// A slot length without slots is still checked: was a 500 (contract fuzzing).
	p = apptest.Problem{}
	f.Browser().SignIn(apptest.AdminA).Call("POST", "/api/v1/services", `{"kind":"jobcoaching","titleNl":"Jobcoach","titleEn":"Jobcoach","priceCents":0,"priceUnit":"free","requiresApproval":false,"eligibility":[],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":false,"slotMinutes":1,"capacity":1,"active":true,"hours":[]}`, http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "slotMinutes" {
		t.Errorf("a slot length of 1 minute without slots: %+v", p)
	}
}

// The demo services desk and its placement are seeded once; the hotel's
// werkgever sees the placement it can book jobcoaching for.
func TestDemoServices(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	g := f.DB.Gorm
	apptest.Must(t, g.Exec(`DELETE FROM candidates`).Error)
	_, err := seed.DemoOpenings(ctx, g, f.Openings, f.RegionA)
	apptest.Must(t, err)
	_, err = seed.DemoCandidates(ctx, g, f.Candidates, f.RegionA)
	apptest.Must(t, err)
	for round := 0; round < 2; round++ {
		n, err := seed.DemoServices(ctx, g, f.RegionA)
		apptest.Must(t, err)
		placed, err := seed.DemoPlacement(ctx, g, f.Bookings.Jobs, f.RegionA)
		apptest.Must(t, err)
		if (round == 0) != (n == 8 && placed) || (round == 1 && (n != 0 || placed)) {
			t.Fatalf("round %d: %d services, placed %v", round, n, placed)
		}
	}
	var catalogue struct{ Items []struct{ Kind string } }
	wg := f.Browser().SignIn("hr@hetanker.demo.werkhaven.nl")
	wg.Call("GET", "/api/v1/services", "", http.StatusOK, &catalogue)
	if len(catalogue.Items) != 8 {
		t.Errorf("catalogue: %+v", catalogue)
	}
	var placements struct {
		Items []struct{ ID, CandidateCode, OpeningTitle string }
	}
	wg.Call("GET", "/api/v1/placements", "", http.StatusOK, &placements)
	if len(placements.Items) != 1 || placements.Items[0].OpeningTitle != "Keukenhulp" {
		t.Fatalf("placements: %+v", placements)
	}
	f.Browser().SignIn(apptest.WerkgeverA).Call("GET", "/api/v1/placements", "", http.StatusOK, &placements)
	if len(placements.Items) != 0 {
		t.Errorf("another organisation's placements: %+v", placements)
	}
}

// Admins connect a provider's Stripe account; nobody else, and never for a werkgever.
func TestProviderStripeAccount(t *testing.T) {
	f := apptest.New(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	admin := f.Browser().SignIn(apptest.AdminA)
	var org struct{ StripeAccountID string }
	admin.Call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":"acct_1Provider"}`, http.StatusOK, &org)
	if org.StripeAccountID != "acct_1Provider" {
		t.Fatalf("after connecting: %+v", org)
	}
	admin.Call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":"iets"}`, http.StatusBadRequest, nil)
	admin.Call("PATCH", "/api/v1/organisations/"+f.Org["Bakkerij De Korenschoof"], `{"stripeAccountId":"acct_1Bakker"}`, http.StatusBadRequest, nil)
	f.Browser().SignIn("planning@jobcoachutrecht.demo.werkhaven.nl").Call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":"acct_1Zelf"}`, http.StatusForbidden, nil)
	org.StripeAccountID = ""
	admin.Call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":""}`, http.StatusOK, &org)
	if org.StripeAccountID != "" || f.Count(`SELECT count(*) FROM organisations WHERE id = ? AND stripe_account_id IS NULL`, provider) != 1 {
		t.Errorf("after clearing: %+v", org)
	}
}

// A quantity out of range is a 400 naming quantity, never corrected: 0,
// negative or absurd for any service, more than one for a service booked
// once, none for hours or months. Left out, a fixed-price service is booked
// once. Delivered hours finer than the hundredth stored are refused too,
// not rounded.
func TestBookingQuantityNeverCorrected(t *testing.T) {
	f := apptest.New(t)
	fixed := f.Service(`{"kind":"werkplekaanpassing","titleNl":"Werkplekaanpassing","titleEn":"Workplace adaptation","priceCents":25000,"priceUnit":"fixed",
		"requiresApproval":false,"eligibility":[],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":false,"active":true,"hours":[]}`)
	hourly := f.Service(`{"kind":"jobcoaching","titleNl":"Jobcoaching","titleEn":"Job coaching","priceCents":8500,"priceUnit":"per_hour",
		"requiresApproval":false,"eligibility":[],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":false,"active":true,"hours":[]}`)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	before := f.Count(`SELECT count(*) FROM bookings`)
	for _, c := range []struct {
		svc, quantity, code string
	}{
		{fixed, `0`, "minimum"}, {fixed, `-1`, "minimum"}, {fixed, `1000000`, "maximum"}, {fixed, `2`, "range"},
		{hourly, `0`, "minimum"}, {hourly, `-5`, "minimum"}, {hourly, `99999999999`, "maximum"}, {hourly, `201`, "range"}, {hourly, ``, "required"},
	} {
		body := fmt.Sprintf(`{"serviceId":%q,"quantity":%s}`, c.svc, c.quantity)
		if c.quantity == "" {
			body = fmt.Sprintf(`{"serviceId":%q}`, c.svc)
		}
		var p apptest.Problem
		wg.Call("POST", "/api/v1/bookings", body, http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "quantity" || p.InvalidParams[0].Code != c.code {
			t.Errorf("%s: %+v, want quantity/%s", body, p, c.code)
		}
	}
	if n := f.Count(`SELECT count(*) FROM bookings`); n != before {
		t.Fatalf("refused bookings stored %d rows", n-before)
	}
	var b struct {
		ID          string
		Quantity    int
		AmountCents int64
	}
	for _, body := range []string{fmt.Sprintf(`{"serviceId":%q}`, fixed), fmt.Sprintf(`{"serviceId":%q,"quantity":1}`, fixed)} {
		wg.Call("POST", "/api/v1/bookings", body, http.StatusCreated, &b)
		if b.Quantity != 1 || b.AmountCents != 25000 {
			t.Errorf("%s: %+v", body, b)
		}
	}
	// The municipality delivers its own hourly service: hours to the hundredth.
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":4}`, hourly), http.StatusCreated, &b)
	paid(f, b.ID, 4*8500)
	am := f.Browser().SignIn(apptest.AmA)
	am.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"confirmed"}`, http.StatusOK, nil)
	am.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"in_progress"}`, http.StatusOK, nil)
	today := `"date":"` + f.Clock().In(apptest.AmsterdamTZ(t)).Format(time.DateOnly) + `",`
	var p apptest.Problem
	am.Call("POST", "/api/v1/bookings/"+b.ID+"/hours", `{`+today+`"hours":2.555}`, http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "hours" || p.InvalidParams[0].Code != "multipleOf" {
		t.Errorf("6.555 hours: %+v", p)
	}
	var got struct{ DeliveredHours float64 }
	am.Call("POST", "/api/v1/bookings/"+b.ID+"/hours", `{`+today+`"hours":2.57}`, http.StatusCreated, &got)
	if got.DeliveredHours != 2.57 {
		t.Errorf("2.57 hours stored as %v", got.DeliveredHours)
	}
}
