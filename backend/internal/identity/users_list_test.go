package identity_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// The users list searches name and e-mail, sorts and pages on the server;
// another region's admin finds none of them; bad parameters are a 400.
func TestUsersSearchSortPage(t *testing.T) {
	f := apptest.New(t)
	admin := f.Browser().SignIn(apptest.AdminA)
	for i := range 7 {
		admin.Call("POST", "/api/v1/users", fmt.Sprintf(`{"email":"lijst%d@gebruikers.test","displayName":"Lijst Gebruiker %d","role":"klantmanager"}`, i, i), http.StatusCreated, nil)
	}
	type page struct {
		Items                             []struct{ DisplayName, Email string } `json:"items"`
		Total, Page, PageSize, TotalPages int
	}
	var got []string
	for n := 1; n <= 3; n++ {
		var pg page
		admin.Call("GET", fmt.Sprintf("/api/v1/users?q=GEBRUIKERS.TEST&sort=-name&pageSize=3&page=%d", n), "", http.StatusOK, &pg)
		if pg.Total != 7 || pg.TotalPages != 3 || pg.Page != n {
			t.Fatalf("page %d: %+v", n, pg)
		}
		for _, u := range pg.Items {
			got = append(got, u.DisplayName)
		}
	}
	want := []string{}
	for i := 6; i >= 0; i-- {
		want = append(want, fmt.Sprintf("Lijst Gebruiker %d", i))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("-name in pages of 3: %v", got)
	}
	var one page
	admin.Call("GET", "/api/v1/users?q=gebruiker+3", "", http.StatusOK, &one)
	if one.Total != 1 || one.Items[0].Email != "lijst3@gebruikers.test" {
		t.Fatalf("every word: %+v", one)
	}
	var other page
	f.Browser().SignIn(apptest.AdminB).Call("GET", "/api/v1/users?q=gebruikers.test", "", http.StatusOK, &other)
	if other.Total != 0 {
		t.Fatalf("another region: %+v", other)
	}
	for _, bad := range []struct{ query, name string }{{"page=0", "page"}, {"sort=password", "sort"}, {"q=" + strings.Repeat("é", 101), "q"}} {
		var p apptest.Problem
		admin.Call("GET", "/api/v1/users?"+bad.query, "", http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != bad.name {
			t.Errorf("%s: %+v", bad.query, p)
		}
	}
}
