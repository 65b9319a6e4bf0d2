package booking_test

import (
	"fmt"
	"mime"
	"net/http"
	"net/mail"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// noticeTitles are the Dutch titles of a user's notifications of kind, oldest first.
func noticeTitles(f *apptest.Fixture, userID, kind string) []string {
	f.T.Helper()
	var out []string
	apptest.Must(f.T, f.DB.Gorm.Raw(`SELECT title_nl FROM notifications WHERE user_id = ? AND kind = ? ORDER BY created_at, id`, userID, kind).Scan(&out).Error)
	return out
}

// subject waits for the next mail to rcpt and returns its decoded subject.
func subject(f *apptest.Fixture, rcpt string) string {
	f.T.Helper()
	m := f.Inbox.Next(f.T, rcpt, 20*time.Second)
	msg, err := mail.ReadMessage(strings.NewReader(m.Data))
	apptest.Must(f.T, err)
	s, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	apptest.Must(f.T, err)
	return s
}

// Every step of a booking is a notification kind of its own, mailed by
// default where someone has to act or should know: the accountmanager's
// task names the organisation (in the mail's subject too), the werkgever is
// told the payment deadline, the provider is mailed when the payment
// arrives; a user who turns a kind off gets the notice but no mail.
func TestBookingNotices(t *testing.T) {
	f := apptest.New(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], f.Org["Bakkerij De Korenschoof"]).Error)
	svc := f.Service(fmt.Sprintf(apptest.JobcoachingJSON, provider))
	placement, _ := placementFor(f, false)
	const planner = "planning@jobcoachutrecht.demo.werkhaven.nl"
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	am := f.Browser().SignIn(apptest.AmA)
	prov := f.Browser().SignIn(planner)

	// The kinds are in everyone's mail settings, with their defaults.
	var settings struct {
		Items []struct {
			Kind string
			Mail bool
		}
	}
	wg.Call("GET", "/api/v1/notification-settings", "", http.StatusOK, &settings)
	want := map[string]bool{"booking_requested": true, "booking_approved": true, "booking_refused": true, "booking_paid": true, "booking_confirmed": true,
		"booking_started": false, "booking_completed": true, "booking_cancelled": true, "booking_payment_due": true}
	for _, s := range settings.Items {
		if m, ok := want[s.Kind]; ok {
			if m != s.Mail {
				t.Errorf("default mail of %s: %v", s.Kind, s.Mail)
			}
			delete(want, s.Kind)
		}
	}
	if len(want) != 0 {
		t.Errorf("kinds missing from the settings: %v", want)
	}
	// The werkgever wants no mail when a booking is completed.
	wg.Call("PUT", "/api/v1/notification-settings", `{"items":[{"kind":"booking_completed","mail":false}]}`, http.StatusOK, nil)

	var b apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":10,"placementId":%q}`, svc, placement), http.StatusCreated, &b)
	if got := noticeTitles(f, f.User[apptest.AmA], "booking_requested"); len(got) != 1 || got[0] != "Bakkerij De Korenschoof vraagt Jobcoaching op de werkvloer aan: keur het goed of af." {
		t.Errorf("the accountmanager's task: %q", got)
	}
	if s := subject(f, apptest.AmA); !strings.HasPrefix(s, "Bakkerij De Korenschoof vraagt Jobcoaching op de werkvloer aan") {
		t.Errorf("the accountmanager's mail: %q", s)
	}

	am.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"approved"}`, http.StatusOK, &b)
	got := noticeTitles(f, f.User[apptest.WerkgeverA], "booking_approved")
	if len(got) != 1 || !strings.HasPrefix(got[0], "Jobcoaching op de werkvloer voor Bakkerij De Korenschoof is goedgekeurd. Betaal vóór ") {
		t.Errorf("the werkgever's approval notice: %q", got)
	}
	if s := subject(f, apptest.WerkgeverA); !strings.Contains(s, "is goedgekeurd. Betaal vóór ") {
		t.Errorf("the werkgever's approval mail: %q", s)
	}

	paid(f, b.ID, 10*8500)
	if got := noticeTitles(f, f.User[planner], "booking_paid"); len(got) != 1 || got[0] != "Bakkerij De Korenschoof heeft Jobcoaching op de werkvloer betaald. Bevestig de boeking." {
		t.Errorf("the provider's payment notice: %q", got)
	}
	if s := subject(f, planner); !strings.HasPrefix(s, "Bakkerij De Korenschoof heeft Jobcoaching op de werkvloer betaald.") {
		t.Errorf("the provider's payment mail: %q", s)
	}

	mailsBefore := f.Count(`SELECT count(*) FROM mail_outbox WHERE user_id = ?`, f.User[apptest.WerkgeverA])
	for _, step := range []struct{ state, kind, title string }{
		{"confirmed", "booking_confirmed", "Jobcoach Utrecht BV heeft Jobcoaching op de werkvloer voor Bakkerij De Korenschoof bevestigd."},
		{"in_progress", "booking_started", "Jobcoaching op de werkvloer voor Bakkerij De Korenschoof is begonnen."},
		{"completed", "booking_completed", "Jobcoaching op de werkvloer voor Bakkerij De Korenschoof is afgerond."},
	} {
		prov.Call("POST", "/api/v1/bookings/"+b.ID+"/state-changes", `{"state":"`+step.state+`"}`, http.StatusOK, nil)
		if got := noticeTitles(f, f.User[apptest.WerkgeverA], step.kind); len(got) != 1 || got[0] != step.title {
			t.Errorf("%s: %q", step.kind, got)
		}
	}
	// Only confirmed is mailed: started is not by default, completed was turned off.
	if n := f.Count(`SELECT count(*) FROM mail_outbox WHERE user_id = ?`, f.User[apptest.WerkgeverA]) - mailsBefore; n != 1 {
		t.Errorf("mails for confirmed, started, completed: %d, want 1", n)
	}

	// A refusal names its reason; a cancellation by the werkgever reaches the provider.
	var r1, r2 apptest.Booking
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":2,"placementId":%q}`, svc, placement), http.StatusCreated, &r1)
	am.Call("POST", "/api/v1/bookings/"+r1.ID+"/state-changes", `{"state":"rejected","reason":"Geen budget meer dit jaar"}`, http.StatusOK, nil)
	if got := noticeTitles(f, f.User[apptest.WerkgeverA], "booking_refused"); len(got) != 1 || got[0] != "Jobcoaching op de werkvloer voor Bakkerij De Korenschoof is afgewezen. Reden: Geen budget meer dit jaar" {
		t.Errorf("refusal: %q", got)
	}
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":2,"placementId":%q}`, svc, placement), http.StatusCreated, &r2)
	wg.Call("POST", "/api/v1/bookings/"+r2.ID+"/state-changes", `{"state":"cancelled"}`, http.StatusOK, nil)
	if got := noticeTitles(f, f.User[planner], "booking_cancelled"); len(got) != 1 || got[0] != "Bakkerij De Korenschoof heeft Jobcoaching op de werkvloer geannuleerd." {
		t.Errorf("cancellation: %q", got)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'booking_cancelled' AND user_id = ?`, f.User[apptest.WerkgeverA]); n != 0 {
		t.Errorf("the werkgever told of its own cancellation: %d", n)
	}
}
