package booking_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

type bookingPage struct {
	Items []struct {
		ID           string
		AmountCents  int64
		ServiceTitle string
	} `json:"items"`
	Total, Page, PageSize, TotalPages int
}

// Bookings search, sort and page on the server for the organisation and the
// region's staff; other organisations and regions see none; bad parameters
// are a 400 naming them; Accept: text/csv downloads every match.
func TestBookingListSearchSortPageCSV(t *testing.T) {
	f := apptest.New(t)
	provider := f.Org["Jobcoach Utrecht BV"]
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET stripe_account_id = 'acct_1JobcoachUtrecht' WHERE id = ?`, provider).Error)
	body := strings.NewReplacer(`"eligibility":["placement"]`, `"eligibility":[]`, `"titleNl":"Jobcoaching op de werkvloer"`, `"titleNl":"Lijsttest =begeleiding"`).
		Replace(fmt.Sprintf(apptest.JobcoachingJSON, provider))
	svc := f.Service(body)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	for q := 1; q <= 7; q++ {
		wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":%d}`, svc, q), http.StatusCreated, nil)
	}
	var pg bookingPage
	wg.Call("GET", "/api/v1/bookings?q=lijsttest&sort=-amount&pageSize=3&page=2", "", http.StatusOK, &pg)
	amounts := []int64{}
	for _, b := range pg.Items {
		amounts = append(amounts, b.AmountCents/8500)
	}
	if pg.Total != 7 || pg.TotalPages != 3 || pg.Page != 2 || !slices.Equal(amounts, []int64{4, 3, 2}) {
		t.Fatalf("page 2 of 3 by amount, descending: %+v (%v)", pg, amounts)
	}
	am := f.Browser().SignIn(apptest.AmA)
	am.Call("GET", "/api/v1/bookings?q=BEGELEIDING+korenschoof&sort=amount&pageSize=100", "", http.StatusOK, &pg)
	if pg.Total != 7 || pg.Items[0].AmountCents != 8500 {
		t.Fatalf("the region's staff search service and organisation: %+v", pg)
	}
	am.Call("GET", "/api/v1/bookings?q=lijsttest+nergens", "", http.StatusOK, &pg)
	if pg.Total != 0 || len(pg.Items) != 0 {
		t.Fatalf("every word must match: %+v", pg)
	}
	for _, other := range []string{apptest.Werkgever2, apptest.WerkgeverB, apptest.AdminB} {
		b := f.Browser().SignIn(other)
		b.Call("GET", "/api/v1/bookings?q=lijsttest", "", http.StatusOK, &pg)
		resp, csv := b.DoWith("GET", "/api/v1/bookings?q=lijsttest", "", map[string]string{"Accept": "text/csv"})
		if pg.Total != 0 || resp.StatusCode != http.StatusOK || strings.Contains(string(csv), "Lijsttest") {
			t.Fatalf("%s sees another organisation's bookings: %+v\n%s", other, pg, csv)
		}
	}
	for _, bad := range []struct{ query, name string }{{"page=0", "page"}, {"sort=note", "sort"}, {"q=" + strings.Repeat("x", 101), "q"}, {"pageSize=0", "pageSize"}} {
		var p apptest.Problem
		wg.Call("GET", "/api/v1/bookings?"+bad.query, "", http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != bad.name {
			t.Errorf("%s: %+v", bad.query, p)
		}
	}

	resp, csv := wg.DoWith("GET", "/api/v1/bookings?q=lijsttest&sort=amount&page=3&pageSize=1", "", map[string]string{"Accept": "text/csv"})
	lines := strings.Split(strings.TrimSuffix(string(csv), "\r\n"), "\r\n")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="boekingen-`) || len(lines) != 8 ||
		lines[0] != "\uFEFFAangevraagd op;Dienst;Organisatie;Aanbieder;Status;Begint;Aantal;Bedrag (EUR);Betaald op" ||
		!strings.Contains(lines[1], ";Lijsttest =begeleiding;Bakkerij De Korenschoof;Jobcoach Utrecht BV;") ||
		!strings.HasSuffix(lines[1], ";1;85,00;") || !strings.HasSuffix(lines[7], ";7;595,00;") {
		t.Fatalf("CSV: every match by amount, Dutch headers, decimal comma:\n%s", csv)
	}
}
