package booking_test

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/platform/stripeclient"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// monthlyJSON is a trajectory of €300 a month, paid month by month.
const monthlyJSON = `{"kind":"scholing","titleNl":"Opleiding orderpicker","titleEn":"Order picker training","priceCents":30000,"priceUnit":"per_month",
	"requiresApproval":false,"eligibility":[],"cancelFreeHours":0,"cancelFeePercent":100,"schedulable":false,"active":true,"hours":[]}`

// bookMonthly books three months of monthlyJSON for the Korenschoof
// bakery; the booking waits for the first month's payment.
func bookMonthly(f *apptest.Fixture) string {
	f.T.Helper()
	svc := f.Service(monthlyJSON)
	var b apptest.Booking
	f.Browser().SignIn(apptest.WerkgeverA).Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":3}`, svc), http.StatusCreated, &b)
	if b.State != "awaiting_payment" {
		f.T.Fatalf("booking: %+v", b)
	}
	return b.ID
}

// deliver signs and posts a payment_intent.succeeded for period 1 of a
// booking (currency replaced when not eur) and waits until its job ran.
func deliver(f *apptest.Fixture, bookingID, pi string, amount int64, currency string) {
	f.T.Helper()
	payload, err := booking.DevEvent("payment_intent.succeeded", bookingID, 1, pi, amount)
	apptest.Must(f.T, err)
	payload = bytes.Replace(payload, []byte(`"currency":"eur"`), []byte(`"currency":"`+currency+`"`), 1)
	if code, p := f.Webhook(payload, f.WebhookSecret(), time.Now()); code != http.StatusNoContent {
		f.T.Fatalf("webhook: %d %+v", code, p)
	}
	f.WaitFor(func() bool { return f.Count(`SELECT count(*) FROM stripe_events WHERE processed_at IS NULL`) == 0 }, "event processed")
}

type historyEvent struct{ Actor, From, To, Code, Reason string }

// history is the booking's log as an admin reads it.
func history(f *apptest.Fixture, bookingID string) []historyEvent {
	f.T.Helper()
	var b struct {
		State  string
		Events []historyEvent
	}
	f.Browser().SignIn(apptest.AdminA).Call("GET", "/api/v1/bookings/"+bookingID, "", http.StatusOK, &b)
	return b.Events
}

func withCode(events []historyEvent, code string) []historyEvent {
	var out []historyEvent
	for _, e := range events {
		if e.Code == code {
			out = append(out, e)
		}
	}
	return out
}

// A correctly signed payment for the wrong amount or in the wrong currency
// never marks the period paid: it is recorded on the booking, kept for the
// admin (payment_issues) and the region's admins are told; the right
// payment afterwards still pays the booking.
func TestWebhookAmountAndCurrencyChecked(t *testing.T) {
	f := apptest.New(t)
	id := bookMonthly(f)
	unpaid := func(what string) {
		t.Helper()
		if n := f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'awaiting_payment' AND paid_at IS NULL`, id); n != 1 {
			t.Errorf("%s: the booking is no longer waiting for payment", what)
		}
		if n := f.Count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND paid_at IS NOT NULL`, id); n != 0 {
			t.Errorf("%s: %d periods marked paid", what, n)
		}
	}
	deliver(f, id, "pi_one_cent", 1, "eur")
	unpaid("1 cent for €300")
	deliver(f, id, "pi_too_much", 30001, "eur")
	unpaid("€300.01 for €300")
	deliver(f, id, "pi_dollars", 30000, "usd")
	unpaid("$300 for €300")
	// Delivered again (a new event id, the same payment): flagged once.
	deliver(f, id, "pi_one_cent", 1, "eur")

	for _, c := range []struct {
		pi, kind string
		amount   int64
		currency string
	}{{"pi_one_cent", "paymentAmountMismatch", 1, "eur"}, {"pi_too_much", "paymentAmountMismatch", 30001, "eur"}, {"pi_dollars", "paymentCurrencyMismatch", 30000, "usd"}} {
		if n := f.Count(`SELECT count(*) FROM payment_issues WHERE booking_id = ? AND payment_intent_id = ? AND kind = ? AND amount_cents = ? AND currency = ?
			AND expected_cents = 30000 AND expected_currency = 'eur' AND refund_idempotency_key IS NULL`, id, c.pi, c.kind, c.amount, c.currency); n != 1 {
			t.Errorf("%s: %d payment issues of kind %s", c.pi, n, c.kind)
		}
	}
	events := history(f, id)
	if got := len(withCode(events, "paymentAmountMismatch")); got != 2 {
		t.Errorf("amount mismatches in the history: %d (%+v)", got, events)
	}
	if cur := withCode(events, "paymentCurrencyMismatch"); len(cur) != 1 || cur[0].Actor != "stripe" || cur[0].To != "awaiting_payment" || !strings.Contains(cur[0].Reason, "USD 300.00") {
		t.Errorf("currency mismatch in the history: %+v", cur)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE user_id = ? AND kind = 'payment_issue' AND link = ?`, f.User[apptest.AdminA], "/boekingen/"+id); n != 3 {
		t.Errorf("the admin was told of %d payment issues, want 3", n)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'payment_issue' AND user_id <> ?`, f.User[apptest.AdminA]); n != 0 {
		t.Errorf("%d payment issue notifications to others than the region's admin", n)
	}
	// The organisation still pays the right amount, and that counts.
	deliver(f, id, "pi_right", 30000, "eur")
	if n := f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'paid'`, id); n != 1 {
		t.Errorf("the right payment did not pay the booking")
	}
	if n := f.Count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND period = 1 AND payment_intent_id = 'pi_right'`, id); n != 1 {
		t.Errorf("period 1 not paid by the right payment")
	}
	// An admin refunds the cent in Stripe: its charge.refunded is known and recorded.
	refunded := []byte(`{"id":"evt_refund_cent","object":"event","type":"charge.refunded","api_version":"2023-10-16","created":0,"livemode":false,
		"data":{"object":{"id":"ch_cent","object":"charge","payment_intent":"pi_one_cent","refunds":{"data":[{"id":"re_cent","amount":1}]}}}}`)
	if code, p := f.Webhook(refunded, f.WebhookSecret(), time.Now()); code != http.StatusNoContent {
		t.Fatalf("charge.refunded of a flagged payment: %d %+v", code, p)
	}
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM payments WHERE booking_id = ? AND kind = 'refund' AND stripe_id = 're_cent' AND amount_cents = 1`, id) == 1
	}, "the refund of the flagged cent recorded")
}

// A signed event whose timestamp lies outside the 5-minute tolerance, in
// the future as well as in the past, is refused with a code and stores
// nothing; inside the tolerance (clock skew) it is accepted.
func TestWebhookTimestampTolerance(t *testing.T) {
	f := apptest.New(t)
	id := bookMonthly(f)
	payload, err := booking.DevEvent("payment_intent.succeeded", id, 1, "pi_timed", 30000)
	apptest.Must(t, err)
	stored := func() int64 {
		return f.Count(`SELECT count(*) FROM stripe_events`) + f.Count(`SELECT count(*) FROM river_job WHERE kind = 'stripe_event'`)
	}
	for _, c := range []struct {
		name   string
		offset time.Duration
		code   string
	}{{"an hour ahead", time.Hour, "signatureInFuture"}, {"six minutes ahead", 6 * time.Minute, "signatureInFuture"},
		{"an hour old", -time.Hour, "signatureExpired"}, {"six minutes old", -6 * time.Minute, "signatureExpired"}} {
		code, p := f.Webhook(payload, f.WebhookSecret(), time.Now().Add(c.offset))
		if code != http.StatusBadRequest || p.Code != c.code {
			t.Errorf("%s: %d %+v, want 400 %s", c.name, code, p, c.code)
		}
		if n := stored(); n != 0 {
			t.Errorf("%s: %d events or jobs stored", c.name, n)
		}
	}
	time.Sleep(200 * time.Millisecond)
	if n := f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'awaiting_payment'`, id); n != 1 {
		t.Fatalf("a refused event changed the booking")
	}
	if code, p := f.Webhook(payload, f.WebhookSecret(), time.Now().Add(2*time.Minute)); code != http.StatusNoContent {
		t.Errorf("two minutes ahead (clock skew): %d %+v", code, p)
	}
	f.WaitFor(func() bool { return f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'paid'`, id) == 1 }, "booking paid")
}

// refundRecorder forwards to stripe-mock and records each refund request's
// idempotency key and payment intent; with fail set it answers refunds with
// Stripe's 400 instead.
type refundRecorder struct {
	mu      sync.Mutex
	keys    []string
	intents []string
	fail    bool
	proxy   *httputil.ReverseProxy
}

func (r *refundRecorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.URL.Path == "/v1/refunds" {
		raw, _ := io.ReadAll(req.Body)
		req.Body = io.NopCloser(bytes.NewReader(raw))
		form, _ := url.ParseQuery(string(raw))
		r.mu.Lock()
		r.keys = append(r.keys, req.Header.Get("Idempotency-Key"))
		r.intents = append(r.intents, form.Get("payment_intent"))
		fail := r.fail
		r.mu.Unlock()
		if fail {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"error":{"type":"invalid_request_error","code":"charge_already_refunded","message":"Charge has already been refunded."}}`))
			return
		}
	}
	r.proxy.ServeHTTP(w, req)
}

func (r *refundRecorder) seen() (keys, intents []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.keys...), append([]string(nil), r.intents...)
}

// recordRefunds points the booking service's Stripe client at a
// refundRecorder in front of stripe-mock.
func recordRefunds(f *apptest.Fixture, fail bool) *refundRecorder {
	target, err := url.Parse(testkit.Env("STRIPE_API_BASE"))
	apptest.Must(f.T, err)
	rec := &refundRecorder{fail: fail, proxy: httputil.NewSingleHostReverseProxy(target)}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	apptest.Must(f.T, err)
	srv := &http.Server{Handler: rec}
	go func() { _ = srv.Serve(ln) }()
	f.T.Cleanup(func() { _ = srv.Close() })
	f.Bookings.Stripe = stripeclient.New("sk_test_123", "http://"+ln.Addr().String())
	return rec
}

// paidTwice books monthlyJSON and pays its first month twice (pi_first,
// then pi_second), with refunds going through a refundRecorder.
func paidTwice(f *apptest.Fixture, fail bool) (*refundRecorder, string) {
	f.T.Helper()
	rec := recordRefunds(f, fail)
	id := bookMonthly(f)
	deliver(f, id, "pi_first", 30000, "eur")
	deliver(f, id, "pi_second", 30000, "eur")
	return rec, id
}

// refundJobDone waits until the one refund job of a double payment has
// finished (completed, not waiting for a retry).
func refundJobDone(f *apptest.Fixture) {
	f.T.Helper()
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM river_job WHERE kind = 'booking_payment_issue_refund' AND state = 'completed'`) == 1
	}, "the refund job completed")
}

// A second successful payment of a period already paid is refunded in
// full by a job queued with the webhook's record, under the idempotency key
// stored before the call; the booking's history shows both steps and the
// period stays paid once, by the first payment.
func TestWebhookDoublePaymentRefunded(t *testing.T) {
	f := apptest.New(t)
	rec, id := paidTwice(f, false)
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM payments WHERE booking_id = ? AND kind = 'refund'`, id) == 1
	}, "double payment refunded")
	var key string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT refund_idempotency_key FROM payment_issues WHERE booking_id = ? AND payment_intent_id = 'pi_second' AND kind = 'doublePayment'`, id).Row().Scan(&key))
	keys, intents := rec.seen()
	if len(keys) != 1 || keys[0] != key || intents[0] != "pi_second" {
		t.Errorf("refund requests: keys %v (stored %q), intents %v", keys, key, intents)
	}
	refundJobDone(f)
	if n := f.Count(`SELECT count(*) FROM payments WHERE booking_id = ? AND kind = 'refund' AND amount_cents = 30000`, id); n != 1 {
		t.Errorf("refund records of €300: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM payment_issues WHERE booking_id = ? AND refund_id IS NOT NULL`, id); n != 1 {
		t.Errorf("double payments refunded: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND paid_at IS NOT NULL`, id); n != 1 {
		t.Errorf("periods paid: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM booking_periods WHERE booking_id = ? AND period = 1 AND payment_intent_id = 'pi_first' AND refunded_cents = 0`, id); n != 1 {
		t.Errorf("period 1 is no longer paid by the first payment alone")
	}
	events := history(f, id)
	paidSteps := 0
	for _, e := range events {
		if e.To == "paid" && e.From != "paid" {
			paidSteps++
		}
	}
	if paidSteps != 1 {
		t.Errorf("paid %d times: %+v", paidSteps, events)
	}
	if len(withCode(events, "doublePayment")) != 1 || len(withCode(events, "doublePaymentRefunded")) != 1 {
		t.Errorf("history: %+v", events)
	}
	// The same second payment delivered again is not refunded twice.
	deliver(f, id, "pi_second", 30000, "eur")
	time.Sleep(300 * time.Millisecond)
	if keys, _ := rec.seen(); len(keys) != 1 || f.Count(`SELECT count(*) FROM payment_issues WHERE booking_id = ?`, id) != 1 {
		t.Errorf("a replayed double payment: %d refund requests", len(keys))
	}
}

// When Stripe refuses the refund of a double payment for good, the job
// stops, the issue is marked failed, the history says so and the region's
// admins are told.
func TestWebhookDoublePaymentRefundFails(t *testing.T) {
	f := apptest.New(t)
	rec, id := paidTwice(f, true)
	f.WaitFor(func() bool { keys, _ := rec.seen(); return len(keys) > 0 }, "a refund asked")
	f.WaitFor(func() bool {
		return f.Count(`SELECT count(*) FROM payment_issues WHERE booking_id = ? AND refund_failed_at IS NOT NULL AND refund_id IS NULL`, id) == 1
	}, "refund failure recorded")
	if keys, _ := rec.seen(); len(keys) != 1 {
		t.Errorf("refund attempts: %d (a refusal is final)", len(keys))
	}
	refundJobDone(f)
	if failed := withCode(history(f, id), "doublePaymentRefundFailed"); len(failed) != 1 || !strings.Contains(failed[0].Reason, "charge_already_refunded") {
		t.Errorf("history: %+v", failed)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE user_id = ? AND kind = 'payment_issue'`, f.User[apptest.AdminA]); n != 1 {
		t.Errorf("admin notifications: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM payments WHERE booking_id = ? AND kind = 'refund'`, id); n != 0 {
		t.Errorf("a refund recorded that Stripe refused")
	}
}

// A failed payment is a note with a code, read in the reader's language,
// not a text in two languages at once; the booking still waits for payment.
func TestWebhookPaymentFailedIsANote(t *testing.T) {
	f := apptest.New(t)
	id := bookMonthly(f)
	payload, err := booking.DevEvent("payment_intent.payment_failed", id, 1, "pi_failed", 30000)
	apptest.Must(t, err)
	if code, p := f.Webhook(payload, f.WebhookSecret(), time.Now()); code != http.StatusNoContent {
		t.Fatalf("webhook: %d %+v", code, p)
	}
	f.WaitFor(func() bool { return f.Count(`SELECT count(*) FROM stripe_events WHERE processed_at IS NULL`) == 0 }, "event processed")
	failed := withCode(history(f, id), "paymentFailed")
	if len(failed) != 1 || failed[0].Actor != "stripe" || failed[0].To != "awaiting_payment" || strings.Contains(failed[0].Reason, " / ") {
		t.Errorf("failed payment in the history: %+v", history(f, id))
	}
	if n := f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'awaiting_payment'`, id); n != 1 {
		t.Error("a failed payment moved the booking")
	}
}
