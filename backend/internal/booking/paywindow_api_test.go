package booking_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// The payment window is the service's, in days: the approval notice (and
// its mail) names the deadline, the sweep reminds once a day before it, a
// Checkout session that has expired is replaced by a new one with a new
// idempotency key stored first, the werkgever pays on a later day, and a
// booking whose window has passed is 409 even before the sweep moved it.
func TestBookingPayWindow(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], f.Org["Bakkerij De Korenschoof"]).Error)
	admin := f.Browser().SignIn(apptest.AdminA)
	body := strings.Replace(fmt.Sprintf(apptest.JobcoachingJSON, provider), `"active":true,`, `"active":true,"payDays":10,`, 1)
	var saved struct {
		ID      string
		PayDays int
	}
	admin.Call("POST", "/api/v1/services", body, http.StatusCreated, &saved)
	if saved.PayDays != 10 {
		t.Errorf("payDays saved: %+v", saved)
	}
	svc := saved.ID
	admin.Call("POST", "/api/v1/services", fmt.Sprintf(apptest.JobcoachingJSON, provider), http.StatusCreated, &saved)
	if saved.PayDays != 14 {
		t.Errorf("payDays left out: %d, want the default 14", saved.PayDays)
	}
	var p apptest.Problem
	admin.Call("POST", "/api/v1/services", strings.Replace(body, `"payDays":10`, `"payDays":61`, 1), http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || !strings.Contains(p.InvalidParams[0].Name, "payDays") {
		t.Errorf("61 days: %+v", p)
	}

	placement, _ := placementFor(f, false)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	book := func() apptest.Booking {
		var b apptest.Booking
		wg, am := f.Browser().SignIn(apptest.WerkgeverA), f.Browser().SignIn(apptest.AmA)
		wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":10,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
		am.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"approved"}`, http.StatusOK, &b)
		return b
	}
	b := book()
	approvedAt := f.Clock()
	payBy, err := time.Parse(time.RFC3339, b.PayBy)
	if want := approvedAt.AddDate(0, 0, 10).Truncate(time.Microsecond); err != nil || b.State != "awaiting_payment" || !payBy.Equal(want) {
		t.Fatalf("approved: %s pay by %s, want %s", b.State, b.PayBy, want)
	}
	deadline := approvedAt.AddDate(0, 0, 10).In(apptest.AmsterdamTZ(t))
	months := []string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
	wantNL := fmt.Sprintf("Betaal vóór %d %s %d om %s.", deadline.Day(), months[deadline.Month()-1], deadline.Year(), deadline.Format("15:04"))
	if got := noticeTitles(f, f.User[apptest.WerkgeverA], "booking_approved"); len(got) != 1 || !strings.Contains(got[0], wantNL) {
		t.Errorf("the approval notice names the deadline %q: %q", wantNL, got)
	}
	if s := subject(f, apptest.WerkgeverA); !strings.Contains(s, wantNL) {
		t.Errorf("the approval mail names the deadline %q: %q", wantNL, s)
	}

	var co struct {
		SessionID string
		URL       string
	}
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	first := co.SessionID
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.SessionID != first {
		t.Errorf("a live session is handed out again: %s then %s", first, co.SessionID)
	}

	// No reminder yet; a day before the deadline, one.
	if n, err := f.Bookings.RemindUnpaid(ctx); err != nil || n != 0 {
		t.Fatalf("reminders on day 0: %d %v", n, err)
	}
	f.Advance(9*24*time.Hour + time.Minute)
	for round, want := range []int{1, 0} {
		if n, err := f.Bookings.RemindUnpaid(ctx); err != nil || n != want {
			t.Fatalf("reminders on day 9, round %d: %d %v", round, n, err)
		}
	}
	if got := noticeTitles(f, f.User[apptest.WerkgeverA], "booking_payment_due"); len(got) != 1 || !strings.HasPrefix(got[0], "Herinnering: betaal Jobcoaching op de werkvloer voor Bakkerij De Korenschoof vóór ") {
		t.Errorf("the reminder: %q", got)
	}
	if s := subject(f, apptest.WerkgeverA); !strings.HasPrefix(s, "Herinnering: betaal") {
		t.Errorf("the reminder's mail: %q", s)
	}

	// Nine days on the first session has expired: a new one, its key stored first.
	wg = f.Browser().SignIn(apptest.WerkgeverA)
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.SessionID == first || !strings.HasPrefix(co.SessionID, "cs_") {
		t.Errorf("an expired session handed out again: %s", co.SessionID)
	}
	var key string
	var expires time.Time
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT idempotency_key, checkout_expires_at FROM booking_periods WHERE booking_id = ? AND period = 1 AND checkout_session_id = ?`,
		b.ID, co.SessionID).Row().Scan(&key, &expires))
	if key != fmt.Sprintf("werkhaven-booking-%s-period-1-checkout-2", b.ID) || !expires.Equal(f.Clock().Add(23*time.Hour).Truncate(time.Second)) {
		t.Errorf("the new session's key %q and expiry %v", key, expires)
	}
	second := co.SessionID
	wg.Call("POST", "/api/v1/bookings/"+b.ID+"/checkouts", "", http.StatusCreated, &co)
	if co.SessionID != second {
		t.Errorf("the new session is not handed out again: %s then %s", second, co.SessionID)
	}
	// Paid on a later day.
	paid(f, b.ID, 10*8500)

	// Another booking lapses: paying it is 409, before the sweep and after.
	b2 := book()
	f.Advance(10*24*time.Hour + time.Minute)
	wg = f.Browser().SignIn(apptest.WerkgeverA)
	wg.Call("POST", "/api/v1/bookings/"+b2.ID+"/checkouts", "", http.StatusConflict, &p)
	if p.Code != "bookingExpired" {
		t.Errorf("paying a lapsed booking before the sweep: %+v", p)
	}
	if n, err := f.Bookings.RemindUnpaid(ctx); err != nil || n != 0 {
		t.Errorf("a lapsed booking reminded: %d %v", n, err)
	}
	if n, err := f.Bookings.ExpireUnpaid(ctx); err != nil || n != 1 {
		t.Fatalf("expired: %d %v", n, err)
	}
	wg.Call("POST", "/api/v1/bookings/"+b2.ID+"/checkouts", "", http.StatusConflict, &p)
	if p.Code != "bookingExpired" {
		t.Errorf("paying a lapsed booking after the sweep: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM bookings WHERE id = ? AND state = 'paid'`, b.ID); n != 1 {
		t.Errorf("the paid booking lapsed too")
	}
}
