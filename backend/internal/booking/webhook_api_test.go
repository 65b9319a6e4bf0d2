package booking_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/booking"
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
