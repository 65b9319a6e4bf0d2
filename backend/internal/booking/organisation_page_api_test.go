package booking_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// The organisation page lists one organisation's bookings and placements
// (organisation=), newest first, within the caller's region.
func TestOrganisationPageBookingsAndPlacements(t *testing.T) {
	f := apptest.New(t)
	korenschoof, other := f.Org["Bakkerij De Korenschoof"], f.Org["Dagbesteding De Werkplaats"]
	bookingID := bookMonthly(f)
	candidateID := f.NewCandidate("Plaats Baar", "plaatsbaar@example.org")
	placementID, _ := f.Placement(candidateID, "proefplaatsing", time.Now().AddDate(0, 0, -3))
	am := f.Browser().SignIn(apptest.AmA)

	var bookings, placements struct {
		Items []struct{ ID, OrganisationID string }
	}
	am.Call("GET", "/api/v1/bookings?organisation="+korenschoof, "", http.StatusOK, &bookings)
	if len(bookings.Items) == 0 || bookings.Items[0].ID != bookingID {
		t.Fatalf("the Korenschoof's bookings: %+v", bookings.Items)
	}
	am.Call("GET", "/api/v1/placements?organisation="+korenschoof, "", http.StatusOK, &placements)
	if len(placements.Items) == 0 || placements.Items[0].ID != placementID {
		t.Fatalf("the Korenschoof's placements: %+v", placements.Items)
	}
	for _, list := range [][]struct{ ID, OrganisationID string }{bookings.Items, placements.Items} {
		for _, it := range list {
			if it.OrganisationID != korenschoof {
				t.Errorf("another organisation's item on the Korenschoof's page: %+v", it)
			}
		}
	}
	am.Call("GET", "/api/v1/bookings?organisation="+other, "", http.StatusOK, &bookings)
	am.Call("GET", "/api/v1/placements?organisation="+other, "", http.StatusOK, &placements)
	for _, it := range append(bookings.Items, placements.Items...) {
		if it.ID == bookingID || it.ID == placementID {
			t.Errorf("the Korenschoof's item under another organisation: %+v", it)
		}
	}

	// Another region's admin sees none of them, whatever organisation it names.
	adminB := f.Browser().SignIn(apptest.AdminB)
	adminB.Call("GET", "/api/v1/bookings?organisation="+korenschoof, "", http.StatusOK, &bookings)
	adminB.Call("GET", "/api/v1/placements?organisation="+korenschoof, "", http.StatusOK, &placements)
	if len(bookings.Items)+len(placements.Items) != 0 {
		t.Errorf("region B sees region A's organisation: %+v %+v", bookings.Items, placements.Items)
	}
	// An organisation user naming another organisation gets nothing of it.
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	wg.Call("GET", "/api/v1/placements?organisation="+other, "", http.StatusOK, &placements)
	if len(placements.Items) != 0 {
		t.Errorf("a werkgever sees another organisation's placements: %+v", placements.Items)
	}
}
