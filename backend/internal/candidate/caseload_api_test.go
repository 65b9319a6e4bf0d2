package candidate_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

type caseloadPage struct {
	Items []struct {
		ID, Name, PublicCode string
		Completeness         int
	} `json:"items"`
	Total, Page, PageSize, TotalPages int
}

func (p caseloadPage) names() []string {
	out := make([]string, len(p.Items))
	for i, c := range p.Items {
		out[i] = c.Name
	}
	return out
}

// The caseload searches, sorts and pages on the server; bad parameters are
// a 400 naming them; another klantmanager sees none of it; a CSV download
// holds every match and is audited, as each page's names are.
func TestCaseloadSearchSortPageCSV(t *testing.T) {
	f := apptest.New(t)
	for i := range 12 {
		f.NewCandidate(fmt.Sprintf("Zoekers %02d Lijst", i), "")
	}
	f.NewCandidate("Anna Zoekers-Bakker", "")
	km := f.Browser().SignIn(apptest.KmA)
	var all caseloadPage
	km.Call("GET", "/api/v1/candidates", "", http.StatusOK, &all)
	if all.Page != 1 || all.PageSize != 25 || all.Total < 13 || all.TotalPages != (all.Total+24)/25 {
		t.Fatalf("default page: %+v", all)
	}

	var p1, p2, p3 caseloadPage
	km.Call("GET", "/api/v1/candidates?q=zoekers+lijst&sort=-name&pageSize=5", "", http.StatusOK, &p1)
	km.Call("GET", "/api/v1/candidates?q=zoekers+lijst&sort=-name&pageSize=5&page=2", "", http.StatusOK, &p2)
	km.Call("GET", "/api/v1/candidates?q=zoekers+lijst&sort=-name&pageSize=5&page=3", "", http.StatusOK, &p3)
	got := append(append(p1.names(), p2.names()...), p3.names()...)
	want := []string{}
	for i := 11; i >= 0; i-- {
		want = append(want, fmt.Sprintf("Zoekers %02d Lijst", i))
	}
	if p1.Total != 12 || p1.TotalPages != 3 || p3.Page != 3 || !slices.Equal(got, want) {
		t.Fatalf("q=zoekers lijst, -name, 5 per page: total %d pages %d\n got %v\nwant %v", p1.Total, p1.TotalPages, got, want)
	}
	var byCode caseloadPage
	km.Call("GET", "/api/v1/candidates?q=ZOEKERS&sort=code&pageSize=100", "", http.StatusOK, &byCode)
	if byCode.Total != 13 || !slices.IsSortedFunc(byCode.Items, func(a, b struct {
		ID, Name, PublicCode string
		Completeness         int
	}) int {
		return strings.Compare(a.PublicCode, b.PublicCode)
	}) {
		t.Fatalf("q=ZOEKERS sort=code: %+v", byCode)
	}
	var code caseloadPage
	km.Call("GET", "/api/v1/candidates?q="+strings.ToLower(p1.Items[0].PublicCode), "", http.StatusOK, &code)
	if code.Total != 1 || code.Items[0].ID != p1.Items[0].ID {
		t.Fatalf("search by code: %+v", code)
	}
	var past caseloadPage
	km.Call("GET", "/api/v1/candidates?q=zoekers&page=9", "", http.StatusOK, &past)
	if len(past.Items) != 0 || past.Total != 13 {
		t.Fatalf("a page past the last: %+v", past)
	}

	for _, bad := range []struct{ query, name, code string }{
		{"page=0", "page", "minimum"},
		{"pageSize=101", "pageSize", "maximum"},
		{"sort=email", "sort", "enum"},
		{"sort=-", "sort", "enum"},
		{"q=" + strings.Repeat("a", 101), "q", "maxLength"},
	} {
		var p apptest.Problem
		km.Call("GET", "/api/v1/candidates?"+bad.query, "", http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != bad.name || p.InvalidParams[0].Code != bad.code {
			t.Errorf("%s: %+v, want %s %s", bad.query, p.InvalidParams, bad.name, bad.code)
		}
	}

	other := f.Browser().SignIn("km.bakker@demo.werkhaven.nl")
	var none caseloadPage
	other.Call("GET", "/api/v1/candidates?q=zoekers", "", http.StatusOK, &none)
	if none.Total != 0 || len(none.Items) != 0 {
		t.Fatalf("another klantmanager's search: %+v", none)
	}
	resp, body := other.DoWith("GET", "/api/v1/candidates?q=zoekers", "", map[string]string{"Accept": "text/csv"})
	if resp.StatusCode != http.StatusOK || strings.Contains(string(body), "Zoekers") {
		t.Fatalf("another klantmanager's CSV: %d\n%s", resp.StatusCode, body)
	}

	reads := `SELECT count(*) FROM audit_events WHERE action = 'candidate.identity_read' AND details->>'via' = ?`
	pages, exports := f.Count(reads, "caseload"), f.Count(reads, "caseload_export")
	resp, body = km.DoWith("GET", "/api/v1/candidates?q=zoekers&sort=name&page=2", "", map[string]string{"Accept": "text/csv"})
	text := string(body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		!strings.HasPrefix(resp.Header.Get("Content-Disposition"), `attachment; filename="caseload-20`) {
		t.Fatalf("CSV: %d %v\n%s", resp.StatusCode, resp.Header, body)
	}
	lines := strings.Split(strings.TrimSuffix(text, "\r\n"), "\r\n")
	if !strings.HasPrefix(lines[0], "\uFEFFCode;Naam;Beroepen;Status;") || len(lines) != 14 ||
		!strings.Contains(lines[1], ";Anna Zoekers-Bakker;") || !strings.Contains(lines[13], ";Zoekers 11 Lijst;") || !strings.Contains(lines[1], ";Beschikbaar;") {
		t.Fatalf("CSV: every match (not one page), sorted, with Dutch headers and labels:\n%s", text)
	}
	if f.Count(reads, "caseload_export") != exports+1 || f.Count(reads, "caseload") != pages {
		t.Fatal("the download is audited as one export, not as a page read")
	}
	n := f.Count(`SELECT count(*) FROM audit_events WHERE details->>'via' = 'caseload_export' AND jsonb_array_length(details->'candidates') = 13`)
	if n != 1 {
		t.Fatal("the export's audit event names the 13 downloaded candidates")
	}
	km.Call("GET", "/api/v1/candidates?q=zoekers&pageSize=5", "", http.StatusOK, &p1)
	if f.Count(reads, "caseload") != pages+1 ||
		f.Count(`SELECT count(*) FROM audit_events WHERE details->>'via' = 'caseload' AND jsonb_array_length(details->'candidates') = 5`) < 1 {
		t.Fatal("a page read audits the names on that page")
	}
}
