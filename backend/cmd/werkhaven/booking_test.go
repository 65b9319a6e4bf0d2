package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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

	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/stripeclient"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

type bookingJSON struct {
	ID                   string `json:"id"`
	State                string `json:"state"`
	AmountCents          int64  `json:"amountCents"`
	CancellationFeeCents *int64 `json:"cancellationFeeCents"`
	RefundedCents        int64  `json:"refundedCents"`
	StartsAt             string `json:"startsAt"`
	Events               []struct{ Actor, From, To string }
}

// service adds a catalogue entry as the region's admin and returns its id.
func (f *fixture) service(body string) string {
	f.t.Helper()
	var out struct{ ID string }
	f.browser().signIn(adminA).call("POST", "/api/v1/services", body, http.StatusCreated, &out)
	return out.ID
}

const (
	jobcoachingJSON = `{"kind":"jobcoaching","titleNl":"Jobcoaching op de werkvloer","titleEn":"Job coaching at work","descriptionNl":"Een jobcoach helpt uw nieuwe collega.",
		"providerId":%q,"priceCents":8500,"priceUnit":"per_hour","requiresApproval":true,"eligibility":["placement"],"cancelFreeHours":48,"cancelFeePercent":50,
		"schedulable":false,"active":true,"hours":[]}`
	intakeJSON = `{"kind":"intake","titleNl":"Kennismakingsgesprek","titleEn":"Intake meeting","priceCents":0,"priceUnit":"free","requiresApproval":false,
		"eligibility":[],"cancelFreeHours":24,"cancelFeePercent":0,"schedulable":true,"slotMinutes":60,"capacity":1,"active":true,
		"hours":[{"weekday":1,"opens":"09:00","closes":"17:00"},{"weekday":2,"opens":"09:00","closes":"17:00"},{"weekday":3,"opens":"09:00","closes":"17:00"},
		{"weekday":4,"opens":"09:00","closes":"17:00"},{"weekday":5,"opens":"09:00","closes":"17:00"},{"weekday":6,"opens":"09:00","closes":"17:00"},{"weekday":7,"opens":"09:00","closes":"17:00"}]}`
	loonwaardeJSON = `{"kind":"loonwaardebepaling","titleNl":"Loonwaardebepaling","titleEn":"Wage value assessment","providerId":%q,"priceCents":40000,"priceUnit":"fixed",
		"requiresApproval":false,"eligibility":[],"cancelFreeHours":48,"cancelFeePercent":50,"schedulable":true,"slotMinutes":120,"capacity":1,"active":true,
		"hours":[{"weekday":1,"opens":"08:00","closes":"18:00"},{"weekday":2,"opens":"08:00","closes":"18:00"},{"weekday":3,"opens":"08:00","closes":"18:00"},
		{"weekday":4,"opens":"08:00","closes":"18:00"},{"weekday":5,"opens":"08:00","closes":"18:00"},{"weekday":6,"opens":"08:00","closes":"18:00"},{"weekday":7,"opens":"08:00","closes":"18:00"}]}`
)

// placementFor records a placement of a new candidate with the
// Korenschoof bakery directly (the invite journey is tested elsewhere).
func (f *fixture) placementFor(doelgroepregister bool) (placementID, candidateID string) {
	f.t.Helper()
	g := f.db.Gorm
	candidateID = f.newCandidate("Geplaatst Persoon", "")
	must(f.t, g.Exec(`UPDATE candidates SET doelgroepregister = ? WHERE id = ?`, doelgroepregister, candidateID).Error)
	o := f.newOpening("Bakkerij De Korenschoof", opening.Open)
	var inviteID string
	must(f.t, g.Raw(`INSERT INTO invites (region_id, opening_id, organisation_id, candidate_id, state, message, invited_by, sent_at, expires_at)
		VALUES (?, ?, ?, ?, 'placed', 'Hoi', ?, now(), now()) RETURNING id::text`, f.regionA, o, f.org["Bakkerij De Korenschoof"], candidateID, f.user[adminA]).Row().Scan(&inviteID))
	must(f.t, g.Raw(`INSERT INTO placements (invite_id, region_id, organisation_id, opening_id, candidate_id, start_date, contract_type, hours, hourly_wage_cents, created_by)
		VALUES (?, ?, ?, ?, ?, current_date, 'vast', 24, 1450, ?) RETURNING id::text`, inviteID, f.regionA, f.org["Bakkerij De Korenschoof"], o, candidateID, f.user[adminA]).Row().Scan(&placementID))
	return placementID, candidateID
}

// webhook delivers a Stripe event to the API, signed with secret at ts.
func (f *fixture) webhook(payload []byte, secret string, ts time.Time) (int, problemJSON) {
	signed := webhook.GenerateTestSignedPayload(&webhook.UnsignedPayload{Payload: payload, Secret: secret, Timestamp: ts})
	req := httptest.NewRequest(http.MethodPost, "/api/v1/stripe/webhook", bytes.NewReader(signed.Payload))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Stripe-Signature", signed.Header)
	resp, err := f.app.Test(req, -1)
	must(f.t, err)
	defer resp.Body.Close()
	var p problemJSON
	raw, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(raw, &p)
	return resp.StatusCode, p
}

func (f *fixture) webhookSecret() string {
	cfg, err := config.LoadFrom(nil)
	must(f.t, err)
	return cfg.StripeWebhookSecret
}

// paid delivers payment_intent.succeeded for period 1 of a booking and
// waits until the job has made it paid.
func (f *fixture) paid(bookingID string, amount int64) string {
	f.t.Helper()
	pi := fmt.Sprintf("pi_test_%d", uniq())
	payload, err := booking.DevEvent("payment_intent.succeeded", bookingID, 1, pi, amount)
	must(f.t, err)
	if code, p := f.webhook(payload, f.webhookSecret(), time.Now()); code != http.StatusNoContent {
		f.t.Fatalf("webhook: %d %+v", code, p)
	}
	f.waitFor(func() bool {
		return f.count(`SELECT count(*) FROM bookings WHERE id = ? AND paid_at IS NOT NULL`, bookingID) == 1
	}, "booking paid")
	return pi
}

func (f *fixture) waitFor(cond func() bool, what string) {
	f.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			f.t.Fatalf("timed out waiting for: %s", what)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// The whole life of a paid, approved, provider-delivered booking, and the
// refusals on the way.
func TestBookingStateMachine(t *testing.T) {
	f := newFixture(t)
	provider := f.org["Jobcoach Utrecht BV"]
	must(t, f.db.Gorm.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1JobcoachUtrecht', accountmanager_id = ? WHERE id = ?`, f.user[amA], provider).Error)
	must(t, f.db.Gorm.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.user[amA], f.org["Bakkerij De Korenschoof"]).Error)
	svc := f.service(fmt.Sprintf(jobcoachingJSON, provider))
	placement, _ := f.placementFor(false)
	wg := f.browser().signIn(werkgeverA)
	before := f.count(`SELECT count(*) FROM bookings`)
	var p problemJSON
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":16}`, svc), http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "placementId" || p.InvalidParams[0].Code != "eligibility.placement" {
		t.Errorf("booking without the placement the rule asks: %+v", p)
	}
	for _, body := range []string{fmt.Sprintf(`{"serviceId":%q,"quantity":0,"placementId":%q}`, svc, placement), fmt.Sprintf(`{"serviceId":%q,"quantity":999,"placementId":%q}`, svc, placement),
		fmt.Sprintf(`{"serviceId":%q,"quantity":"veel","placementId":%q}`, svc, placement), `{"serviceId":"00000000-0000-0000-0000-000000000009","quantity":4}`,
		fmt.Sprintf(`{"serviceId":%q,"quantity":4,"placementId":"00000000-0000-0000-0000-000000000009"}`, svc), `{"serviceId":`} {
		wg.call("POST", "/api/v1/bookings", body, http.StatusBadRequest, nil)
	}
	if n := f.count(`SELECT count(*) FROM bookings`); n != before {
		t.Fatalf("refused bookings stored %d rows", n-before)
	}
	var b bookingJSON
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":16,"placementId":%q,"note":"Start maandag"}`, svc, placement), http.StatusCreated, &b)
	if b.State != "awaiting_approval" || b.AmountCents != 16*8500 {
		t.Fatalf("new booking: %+v", b)
	}
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"approved"}`, http.StatusForbidden, nil)
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusConflict, nil)
	if n := f.count(`SELECT count(*) FROM notifications WHERE kind = 'booking_approval' AND user_id = ?`, f.user[amA]); n != 1 {
		t.Errorf("the accountmanager's approval task: %d", n)
	}
	am := f.browser().signIn(amA)
	am.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"approved"}`, http.StatusOK, &b)
	if b.State != "awaiting_payment" {
		t.Fatalf("approved: %+v", b)
	}
	var co struct {
		SessionID, URL string
		AmountCents    int64
	}
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	first := co.SessionID
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.SessionID != first || co.AmountCents != 16*8500 || !strings.HasPrefix(first, "cs_") {
		t.Errorf("paying twice: %s then %+v", first, co)
	}
	f.paid(b.ID, 16*8500)
	// The provider confirms, starts, records hours and completes; the organisation cannot.
	prov := f.browser().signIn("planning@jobcoachutrecht.demo.werkhaven.nl")
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"confirmed"}`, http.StatusForbidden, nil)
	prov.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"completed"}`, http.StatusConflict, nil)
	prov.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"confirmed"}`, http.StatusOK, nil)
	prov.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"in_progress"}`, http.StatusOK, nil)
	prov.call("PUT", "/api/v1/bookings/"+b.ID+"/delivered-hours", `{"hours":6.5}`, http.StatusOK, nil)
	wg.call("PUT", "/api/v1/bookings/"+b.ID+"/delivered-hours", `{"hours":99}`, http.StatusForbidden, nil)
	prov.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"completed"}`, http.StatusOK, &b)
	var list struct{ Items []bookingJSON }
	prov.call("GET", "/api/v1/bookings?as=provider", "", http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].ID != b.ID {
		t.Errorf("provider dashboard: %+v", list)
	}
	wg.call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusOK, &b)
	var path []string
	for _, e := range b.Events {
		path = append(path, e.To+"/"+e.Actor)
	}
	want := "requested/organisation awaiting_approval/system approved/accountmanager awaiting_payment/system paid/stripe confirmed/provider in_progress/provider completed/provider"
	if strings.Join(path, " ") != want {
		t.Errorf("event log:\n%s\nwant\n%s", strings.Join(path, " "), want)
	}
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusConflict, &p)
	if p.Code != "stateTransition" {
		t.Errorf("cancel after completion: %+v", p)
	}
	// Tenancy: another organisation and another region see none of it.
	f.browser().signIn(werkgever2).call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusNotFound, nil)
	f.browser().signIn(werkgever2).call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusNotFound, nil)
	f.browser().signIn(adminB).call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusNotFound, nil)
	f.browser().signIn(werkgeverB).call("GET", "/api/v1/services/"+svc, "", http.StatusNotFound, nil)
	if err := f.db.Gorm.Exec(`DELETE FROM booking_events`).Error; err == nil {
		t.Error("booking_events accepted a DELETE")
	}
}

// 50 organisations' requests for the last place of one slot: exactly one
// booking, 49 clean 409s; 20 times over. Outside the provider's hours: 409.
func TestBookingSlotRace(t *testing.T) {
	f := newFixture(t)
	svc := f.service(intakeJSON)
	wg := f.browser().signIn(werkgeverA)
	tomorrow := f.clock().In(amsterdamTZ(t)).AddDate(0, 0, 1)
	at := func(day, hour int) string {
		d := time.Date(tomorrow.Year(), tomorrow.Month(), tomorrow.Day()+day, hour, 0, 0, 0, amsterdamTZ(t))
		return d.UTC().Format(time.RFC3339)
	}
	var p problemJSON
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, at(0, 7)), http.StatusConflict, &p)
	if p.Code != "outsideAvailability" {
		t.Errorf("07:00: %+v", p)
	}
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, strings.Replace(at(0, 10), ":00:00", ":30:00", 1)), http.StatusConflict, nil)
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q}`, svc), http.StatusBadRequest, nil)
	browsers := make([]*browser, 50)
	for i := range browsers {
		browsers[i] = f.browser().signIn(werkgeverA)
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
				resp, raw := b.do("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, slot))
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
		if n := f.count(`SELECT count(*) FROM bookings WHERE service_id = ? AND starts_at = ?`, svc, slot); n != 1 {
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
	wg.call("GET", "/api/v1/services/"+svc+"/slots?from="+tomorrow.Format(time.DateOnly)+"&days=1", "", http.StatusOK, &slots)
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
	admin := f.browser().signIn(adminA)
	var saved struct{ ClosedDays []string }
	admin.call("PUT", "/api/v1/services/"+svc, strings.Replace(intakeJSON, `"active":true,`, `"active":true,"closedDays":["`+closed+`"],`, 1), http.StatusOK, &saved)
	if len(saved.ClosedDays) != 1 || saved.ClosedDays[0] != closed {
		t.Fatalf("closed days: %+v", saved)
	}
	wg.call("GET", "/api/v1/services/"+svc+"/slots?from="+closed+"&days=1", "", http.StatusOK, &slots)
	if len(slots.Items) != 0 {
		t.Errorf("slots on a closed day: %+v", slots.Items)
	}
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, at(5, 10)), http.StatusConflict, &p)
	if p.Code != "outsideAvailability" {
		t.Errorf("booking on a closed day: %+v", p)
	}
	admin.call("PUT", "/api/v1/services/"+svc, strings.Replace(intakeJSON, `"active":true,`, `"active":true,"closedDays":["morgen"],`, 1), http.StatusBadRequest, nil)
}

func amsterdamTZ(t *testing.T) *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	must(t, err)
	return loc
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
	f := newFixture(t)
	target, err := url.Parse(testkit.Env("STRIPE_API_BASE"))
	must(t, err)
	rec := &stripeRecorder{proxy: httputil.NewSingleHostReverseProxy(target)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	srv := &http.Server{Handler: rec}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	f.bookings.Stripe = stripeclient.New("sk_test_123", "http://"+ln.Addr().String())

	provider := f.org["Jobcoach Utrecht BV"]
	svc := f.service(fmt.Sprintf(strings.Replace(jobcoachingJSON, `"requiresApproval":true`, `"requiresApproval":false`, 1), provider))
	placement, _ := f.placementFor(false)
	wg := f.browser().signIn(werkgeverA)
	var b bookingJSON
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":4,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
	var stored string
	must(t, f.db.Gorm.Raw(`SELECT idempotency_key FROM booking_periods WHERE booking_id = ? AND period = 1`, b.ID).Row().Scan(&stored))
	var co struct{ SessionID string }
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, nil)
	rec.mu.Lock()
	keys := append([]string(nil), rec.keys...)
	rec.mu.Unlock()
	if len(keys) != 2 || keys[0] != stored || keys[1] != stored {
		t.Fatalf("idempotency keys sent %v, stored %q (want the stored key on the dropped call and its retry, and no third call)", keys, stored)
	}
	if n := f.count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND checkout_session_id IS NOT NULL`, b.ID); n != 1 {
		t.Errorf("checkouts stored: %d", n)
	}
	pi := f.paid(b.ID, 4*8500)
	payload, _ := booking.DevEvent("payment_intent.succeeded", b.ID, 1, pi, 4*8500)
	f.webhook(payload, f.webhookSecret(), time.Now())
	time.Sleep(200 * time.Millisecond)
	if n := f.count(`SELECT count(*) FROM payments WHERE booking_id = ? AND kind = 'payment'`, b.ID); n != 1 {
		t.Errorf("payment records: %d", n)
	}
}

// 200 concurrent webhook deliveries over 20 bookings — each success three
// times (the same event id twice, a second event once), failures before
// and after success, bad signatures, stale timestamps, unknown types and
// bookings — end in the right states with side effects once.
func TestWebhookDeliveries(t *testing.T) {
	f := newFixture(t)
	svc := f.service(fmt.Sprintf(strings.Replace(jobcoachingJSON, `"requiresApproval":true`, `"requiresApproval":false`, 1), f.org["Jobcoach Utrecht BV"]))
	placement, _ := f.placementFor(false)
	wg := f.browser().signIn(werkgeverA)
	secret := f.webhookSecret()
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
		var b bookingJSON
		wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":2,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
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
		resp, err := f.app.Test(req, -1)
		must(t, err)
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
			code, p := f.webhook(d.payload, d.secret, d.ts)
			mu.Lock()
			defer mu.Unlock()
			if code != d.want {
				bad++
				t.Errorf("delivery: %d, want %d: %+v", code, d.want, p)
			}
		}(deliveries[i])
	}
	wait.Wait()
	f.waitFor(func() bool { return f.count(`SELECT count(*) FROM stripe_events WHERE processed_at IS NULL`) == 0 }, "every stored event processed")
	for _, id := range ids {
		if n := f.count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'paid'`, id); n != 1 {
			t.Errorf("booking %s not paid", id)
		}
		if n := f.count(`SELECT count(*) FROM payments WHERE booking_id = ?`, id); n != 1 {
			t.Errorf("booking %s: %d payment records", id, n)
		}
		if n := f.count(`SELECT count(*) FROM booking_events WHERE booking_id = ? AND to_state = 'paid'`, id); n != 1 {
			t.Errorf("booking %s: paid %d times", id, n)
		}
	}
	// Stored once per event id: per booking the failure (delivered three
	// times), the success (twice) and a second success event.
	if n := f.count(`SELECT count(*) FROM stripe_events`); n != 20*3 {
		t.Errorf("stored events: %d, want 60", n)
	}
}

// Cancelling by the policy: free until 48 hours before, then 50% kept; the
// rest is refunded (reversing the transfer); unpaid bookings expire after
// 30 minutes and free their slot; a payment arriving after expiry is refunded.
func TestBookingCancellationAndExpiry(t *testing.T) {
	f := newFixture(t)
	provider := f.org["Jobcoach Utrecht BV"]
	must(t, f.db.Gorm.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1JobcoachUtrecht' WHERE id = ?`, provider).Error)
	svc := f.service(fmt.Sprintf(loonwaardeJSON, provider))
	wg := f.browser().signIn(werkgeverA)
	loc := amsterdamTZ(t)
	slot := func(days, hour int) string {
		d := f.clock().In(loc).AddDate(0, 0, days)
		return time.Date(d.Year(), d.Month(), d.Day(), hour, 0, 0, 0, loc).UTC().Format(time.RFC3339)
	}
	book := func(at string) bookingJSON {
		var b bookingJSON
		wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, at), http.StatusCreated, &b)
		if b.State != "awaiting_payment" {
			t.Fatalf("booking: %+v", b)
		}
		return b
	}
	refunded := func(id string) int64 {
		return f.count(`SELECT COALESCE(sum(amount_cents), 0) FROM payments WHERE booking_id = ? AND kind = 'refund'`, id)
	}
	early := book(slot(5, 8))
	f.paid(early.ID, 40000)
	var b bookingJSON
	wg.call("POST", "/api/v1/bookings/"+early.ID+"/state-changes", `{"state":"cancelled","reason":"Toch niet nodig"}`, http.StatusOK, &b)
	if b.CancellationFeeCents == nil || *b.CancellationFeeCents != 0 {
		t.Errorf("early cancellation fee: %+v", b)
	}
	f.waitFor(func() bool {
		return f.count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'refunded'`, early.ID) == 1
	}, "early cancellation refunded")
	if r := refunded(early.ID); r != 40000 {
		t.Errorf("early cancellation refunded %d", r)
	}
	late := book(slot(1, 12))
	f.paid(late.ID, 40000)
	wg.call("POST", "/api/v1/bookings/"+late.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, &b)
	if b.CancellationFeeCents == nil || *b.CancellationFeeCents != 20000 {
		t.Errorf("late cancellation fee: %+v", b)
	}
	f.waitFor(func() bool {
		return f.count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'refunded' AND refunded_cents = 20000`, late.ID) == 1
	}, "late cancellation refunded in part")
	if r := refunded(late.ID); r != 20000 {
		t.Errorf("late cancellation refunded %d", r)
	}
	// The cancelled slot is free again.
	again := book(slot(1, 12))
	// Unpaid for 31 minutes: expired, the slot free, paying now refused.
	f.advance(31 * time.Minute)
	wg = f.browser().signIn(werkgeverA) // the old session is idle too long
	n, err := f.bookings.ExpireUnpaid(testkit.Context(t))
	must(t, err)
	if n != 1 {
		t.Fatalf("expired: %d", n)
	}
	var p problemJSON
	f.browser().signIn(werkgeverA).call("POST", "/api/v1/bookings/"+again.ID+"/checkouts", "", http.StatusConflict, &p)
	if p.Code != "bookingExpired" {
		t.Errorf("paying an expired booking: %+v", p)
	}
	f.browser().signIn(werkgeverA).call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"startsAt":%q}`, svc, slot(1, 12)), http.StatusCreated, nil)
	// A payment that arrives after expiry is refunded in full.
	f.paidLate(again.ID, 40000)
	f.waitFor(func() bool { return refunded(again.ID) == 40000 }, "late payment refunded")
	// Unpaid cancellation: nothing to refund.
	unpaid := book(slot(6, 14))
	f.browser().signIn(werkgeverA).call("POST", "/api/v1/bookings/"+unpaid.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, &b)
	if b.State != "cancelled" || refunded(unpaid.ID) != 0 {
		t.Errorf("unpaid cancellation: %+v", b)
	}
}

// paidLate delivers a succeeded payment for a booking that no longer waits.
func (f *fixture) paidLate(bookingID string, amount int64) {
	f.t.Helper()
	payload, err := booking.DevEvent("payment_intent.succeeded", bookingID, 1, fmt.Sprintf("pi_late_%d", uniq()), amount)
	must(f.t, err)
	if code, p := f.webhook(payload, f.webhookSecret(), time.Now()); code != http.StatusNoContent {
		f.t.Fatalf("webhook: %d %+v", code, p)
	}
}

// Eligibility by the candidate's scheme, and monthly billing per period.
func TestBookingEligibilityAndPeriods(t *testing.T) {
	f := newFixture(t)
	adapt := f.service(`{"kind":"werkplekaanpassing","titleNl":"Werkplekaanpassing","titleEn":"Workplace adaptation","priceCents":25000,"priceUnit":"fixed",
		"requiresApproval":false,"eligibility":["placement","doelgroepregister"],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":false,"active":true,"hours":[]}`)
	without, _ := f.placementFor(false)
	with, _ := f.placementFor(true)
	wg := f.browser().signIn(werkgeverA)
	var p problemJSON
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"placementId":%q}`, adapt, without), http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Code != "eligibility.doelgroepregister" {
		t.Errorf("not in the doelgroepregister: %+v", p)
	}
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"placementId":%q}`, adapt, with), http.StatusCreated, nil)
	// Another organisation's placement is unknown to this one.
	f.browser().signIn(werkgever2).call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"placementId":%q}`, adapt, with), http.StatusBadRequest, nil)

	monthly := f.service(`{"kind":"scholing","titleNl":"Opleiding orderpicker","titleEn":"Order picker training","priceCents":30000,"priceUnit":"per_month",
		"requiresApproval":false,"eligibility":[],"cancelFreeHours":0,"cancelFeePercent":100,"schedulable":false,"active":true,"hours":[]}`)
	var b bookingJSON
	wg.call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":3}`, monthly), http.StatusCreated, &b)
	if b.AmountCents != 90000 {
		t.Errorf("three months: %+v", b)
	}
	if n := f.count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND amount_cents = 30000`, b.ID); n != 3 {
		t.Errorf("periods: %d", n)
	}
	var co struct {
		Period      int
		AmountCents int64
	}
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.Period != 1 || co.AmountCents != 30000 {
		t.Errorf("first checkout: %+v", co)
	}
	f.paid(b.ID, 30000)
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusConflict, &p)
	if p.Code != "nothingToPay" {
		t.Errorf("the second month is not due yet: %+v", p)
	}
	var paid struct {
		PriceUnit string
		PaidCents int64
	}
	wg.call("GET", "/api/v1/bookings/"+b.ID, "", http.StatusOK, &paid)
	if paid.PriceUnit != "per_month" || paid.PaidCents != 30000 {
		t.Errorf("after the first month: %+v", paid)
	}
	// A month later the second month is announced (once) and can be paid on its own.
	f.advance(31 * 24 * time.Hour)
	for round, want := range []int{1, 0} {
		n, err := f.bookings.AnnounceDuePeriods(testkit.Context(t))
		must(t, err)
		if n != want {
			t.Errorf("announcement round %d: %d", round, n)
		}
	}
	wg = f.browser().signIn(werkgeverA)
	wg.call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.Period != 2 || co.AmountCents != 30000 {
		t.Errorf("second checkout: %+v", co)
	}
	// Catalogue management is for admins; bad entries are refused.
	wg.call("POST", "/api/v1/services", `{"kind":"x","titleNl":"X","titleEn":"X","priceCents":0,"priceUnit":"free","eligibility":[],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":false,"active":true,"hours":[]}`, http.StatusForbidden, nil)
	f.browser().signIn(adminA).call("POST", "/api/v1/services", `{"kind":"Jobcoaching!","titleNl":"X","titleEn":"Xy","priceCents":500,"priceUnit":"free","eligibility":["iets"],"cancelFreeHours":0,"cancelFeePercent":0,"schedulable":true,"slotMinutes":5,"capacity":1,"active":true,"hours":[{"weekday":8,"opens":"09:00","closes":"08:00"}]}`, http.StatusBadRequest, &p)
	if len(p.InvalidParams) < 3 {
		t.Errorf("bad catalogue entry: %+v", p)
	}
}

// The demo services desk and its placement are seeded once; the hotel's
// werkgever sees the placement it can book jobcoaching for.
func TestDemoServices(t *testing.T) {
	f := newFixture(t)
	ctx := testkit.Context(t)
	g := f.db.Gorm
	must(t, g.Exec(`DELETE FROM candidates`).Error)
	_, err := seed.DemoOpenings(ctx, g, f.openings, f.regionA)
	must(t, err)
	_, err = seed.DemoCandidates(ctx, g, f.candidates, f.regionA)
	must(t, err)
	for round := 0; round < 2; round++ {
		n, err := seed.DemoServices(ctx, g, f.regionA)
		must(t, err)
		placed, err := seed.DemoPlacement(ctx, g, f.bookings.Jobs, f.regionA)
		must(t, err)
		if (round == 0) != (n == 8 && placed) || (round == 1 && (n != 0 || placed)) {
			t.Fatalf("round %d: %d services, placed %v", round, n, placed)
		}
	}
	var catalogue struct{ Items []struct{ Kind string } }
	wg := f.browser().signIn("hr@hetanker.demo.werkhaven.nl")
	wg.call("GET", "/api/v1/services", "", http.StatusOK, &catalogue)
	if len(catalogue.Items) != 8 {
		t.Errorf("catalogue: %+v", catalogue)
	}
	var placements struct {
		Items []struct{ ID, CandidateCode, OpeningTitle string }
	}
	wg.call("GET", "/api/v1/placements", "", http.StatusOK, &placements)
	if len(placements.Items) != 1 || placements.Items[0].OpeningTitle != "Keukenhulp" {
		t.Fatalf("placements: %+v", placements)
	}
	f.browser().signIn(werkgeverA).call("GET", "/api/v1/placements", "", http.StatusOK, &placements)
	if len(placements.Items) != 0 {
		t.Errorf("another organisation's placements: %+v", placements)
	}
}

// Admins connect a provider's Stripe account; nobody else, and never for a werkgever.
func TestProviderStripeAccount(t *testing.T) {
	f := newFixture(t)
	provider := f.org["Jobcoach Utrecht BV"]
	admin := f.browser().signIn(adminA)
	var org struct{ StripeAccountID string }
	admin.call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":"acct_1Provider"}`, http.StatusOK, &org)
	if org.StripeAccountID != "acct_1Provider" {
		t.Fatalf("after connecting: %+v", org)
	}
	admin.call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":"iets"}`, http.StatusBadRequest, nil)
	admin.call("PATCH", "/api/v1/organisations/"+f.org["Bakkerij De Korenschoof"], `{"stripeAccountId":"acct_1Bakker"}`, http.StatusBadRequest, nil)
	f.browser().signIn("planning@jobcoachutrecht.demo.werkhaven.nl").call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":"acct_1Zelf"}`, http.StatusForbidden, nil)
	org.StripeAccountID = ""
	admin.call("PATCH", "/api/v1/organisations/"+provider, `{"stripeAccountId":""}`, http.StatusOK, &org)
	if org.StripeAccountID != "" || f.count(`SELECT count(*) FROM organisations WHERE id = ? AND stripe_account_id IS NULL`, provider) != 1 {
		t.Errorf("after clearing: %+v", org)
	}
}
