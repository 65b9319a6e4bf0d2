package opening_test

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

type portfolioPage struct {
	Items []struct {
		OrganisationID, Name string
	} `json:"items"`
	Total, Page, PageSize, TotalPages int
}

// The portfolio pages through the same order it sorts in, searches every
// word, refuses unknown sorts and downloads every match as CSV; another
// region's admin sees none of it.
func TestPortfolioPagingSortCSV(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn(apptest.AmA)
	var all portfolioPage
	am.Call("GET", "/api/v1/portfolio?scope=region&sort=-name&pageSize=100", "", http.StatusOK, &all)
	names := []string{}
	for _, e := range all.Items {
		names = append(names, e.Name)
	}
	if all.Total < 3 || len(names) != all.Total || !slices.IsSortedFunc(names, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Fatalf("the region's portfolio, Z–A: %v", names)
	}
	var paged []string
	for page := 1; ; page++ {
		var pg portfolioPage
		am.Call("GET", "/api/v1/portfolio?scope=region&sort=-name&pageSize=2&page="+strconv.Itoa(page), "", http.StatusOK, &pg)
		if pg.TotalPages != (all.Total+1)/2 || len(pg.Items) == 0 {
			break
		}
		for _, e := range pg.Items {
			paged = append(paged, e.Name)
		}
	}
	if !slices.Equal(paged, names) {
		t.Fatalf("pages of 2: %v, want %v", paged, names)
	}
	var found portfolioPage
	am.Call("GET", "/api/v1/portfolio?scope=region&q=korenschoof+BAKKERIJ", "", http.StatusOK, &found)
	if found.Total != 1 || found.Items[0].Name != "Bakkerij De Korenschoof" {
		t.Fatalf("q: %+v", found)
	}
	var p apptest.Problem
	am.Call("GET", "/api/v1/portfolio?sort=kvk", "", http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "sort" || p.InvalidParams[0].Code != "enum" {
		t.Fatalf("unknown sort: %+v", p)
	}
	resp, body := am.DoWith("GET", "/api/v1/portfolio?scope=region&sort=-name&page=2&pageSize=1", "", map[string]string{"Accept": "text/csv"})
	lines := strings.Split(strings.TrimSuffix(string(body), "\r\n"), "\r\n")
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="portefeuille-`) ||
		len(lines) != all.Total+1 || !strings.HasPrefix(lines[0], "\uFEFFOrganisatie;Soort;Postcode;Accountmanager;Open;") || !strings.HasPrefix(lines[1], names[0]+";") {
		t.Fatalf("CSV: every match in order:\n%s", body)
	}
	_, other := f.Browser().SignIn(apptest.AdminB).DoWith("GET", "/api/v1/portfolio?scope=region", "", map[string]string{"Accept": "text/csv"})
	if strings.Contains(string(other), "Korenschoof") {
		t.Fatalf("another region's admin: %s", other)
	}
}

// Openings search title and organisation, sort and page; another
// organisation finds none of Korenschoof's.
func TestOpeningsSearchSortPage(t *testing.T) {
	f := apptest.New(t)
	f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	f.NewOpening("Bakkerij De Korenschoof", opening.Draft)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var all struct {
		Items             []struct{ ID, Title string } `json:"items"`
		Total, TotalPages int
	}
	wg.Call("GET", "/api/v1/openings?sort=title&pageSize=100", "", http.StatusOK, &all)
	titles := []string{}
	for _, o := range all.Items {
		titles = append(titles, strings.ToLower(o.Title))
	}
	if all.Total < 2 || !slices.IsSorted(titles) {
		t.Fatalf("by title: %v", titles)
	}
	var second struct {
		Items      []struct{ ID string } `json:"items"`
		Total      int
		TotalPages int
	}
	wg.Call("GET", "/api/v1/openings?sort=title&pageSize=1&page=2", "", http.StatusOK, &second)
	if second.TotalPages != all.Total || len(second.Items) != 1 || second.Items[0].ID != all.Items[1].ID {
		t.Fatalf("page 2 of 1: %+v", second)
	}
	wg.Call("GET", "/api/v1/openings?q=korenschoof+"+strings.Fields(titles[0])[0], "", http.StatusOK, &second)
	if second.Total < 1 {
		t.Fatalf("q by organisation and title word: %+v", second)
	}
	f.Browser().SignIn(apptest.Werkgever2).Call("GET", "/api/v1/openings?q=korenschoof", "", http.StatusOK, &second)
	if second.Total != 0 {
		t.Fatalf("another organisation: %+v", second)
	}
	var p apptest.Problem
	wg.Call("GET", "/api/v1/openings?sort=wage", "", http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "sort" {
		t.Fatalf("unknown sort: %+v", p)
	}
}
