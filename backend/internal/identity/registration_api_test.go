package identity_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
)

// registrationJSON is a sign-up with these changes to a valid one.
func registrationJSON(email string, change map[string]any) string {
	b := map[string]any{"kind": "werkgever", "name": "Fietsenmakerij De Spaak", "kvkNummer": "87654321", "vestigingsnummer": "000012345678",
		"postcode": "3512ab", "houseNumber": "12a", "sector": "Detailhandel", "size": "1-9",
		"contactName": "Karin de Spaak", "contactEmail": email, "contactPhone": "030 765 43 21"}
	for k, v := range change {
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
	}
	out, _ := json.Marshal(b)
	return string(out)
}

func problemOf(t *testing.T, body []byte) apptest.Problem {
	t.Helper()
	var p apptest.Problem
	apptest.Must(t, json.Unmarshal(body, &p))
	return p
}

func TestOrganisationSignUpIsConfirmedByMailOnce(t *testing.T) {
	f := apptest.New(t)
	const contact = "karin@despaak.example"
	resp, body := f.Browser().Do("POST", "/api/v1/organisation-registrations", registrationJSON("Karin@DeSpaak.example", nil))
	if resp.StatusCode != http.StatusAccepted {
		t.Fatalf("sign up: %d %s", resp.StatusCode, body)
	}
	// Routed to the region serving 3512: the demo region (the Utrecht area).
	var reg struct {
		RegionID, Status, Postcode, ContactEmail string
		Vestigingsnummer                         *string
	}
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT region_id::text AS region_id, status, postcode, contact_email, vestigingsnummer FROM organisation_registrations`).Scan(&reg).Error)
	if reg.RegionID != f.RegionA || reg.Status != "unconfirmed" || reg.Postcode != "3512 AB" || reg.ContactEmail != contact || reg.Vestigingsnummer == nil || *reg.Vestigingsnummer != "000012345678" {
		t.Fatalf("stored registration: %+v", reg)
	}
	m := f.Inbox.Next(t, contact, 20*time.Second)
	data := strings.ReplaceAll(m.Data, "=\r\n", "")
	if !strings.Contains(data, "https://werkhaven.test/aanmelden/bevestigen#token=") {
		t.Fatalf("confirmation mail without its link: %s", data)
	}
	token := apptest.TokenInMail.FindStringSubmatch(data)[1]
	confirm := func(token string) (*http.Response, []byte) {
		return f.Browser().Do("POST", "/api/v1/organisation-registration-confirmations", fmt.Sprintf(`{"token":%q}`, token))
	}
	if resp, body := confirm(token); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("confirm: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM organisation_registrations WHERE status = 'confirmed' AND token_hash IS NULL`); n != 1 {
		t.Fatalf("confirmed registrations: %d", n)
	}
	if resp, body := confirm(token); resp.StatusCode != http.StatusGone {
		t.Fatalf("the link used twice: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action IN ('organisation_registration.submitted', 'organisation_registration.confirmed') AND region_id = ?`, f.RegionA); n != 2 {
		t.Errorf("audited sign-up steps: %d", n)
	}

	// A link works for 48 hours.
	if resp, body := f.Browser().Do("POST", "/api/v1/organisation-registrations", registrationJSON("laat@despaak.example", nil)); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("second sign-up: %d %s", resp.StatusCode, body)
	}
	late := f.MailedToken("laat@despaak.example")
	f.Advance(identity.RegistrationTokenTTL + time.Minute)
	if resp, body := confirm(late); resp.StatusCode != http.StatusGone {
		t.Fatalf("a link after 48 hours: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM organisation_registrations WHERE status = 'unconfirmed'`); n != 1 {
		t.Errorf("the expired registration stays unconfirmed: %d", n)
	}
}

func TestOrganisationSignUpRefusesBadInputNamingTheField(t *testing.T) {
	f := apptest.New(t)
	b := f.Browser()
	for _, c := range []struct {
		change      map[string]any
		field, code string
	}{
		{map[string]any{"kvkNummer": "1234567"}, "kvkNummer", "pattern"},
		{map[string]any{"kvkNummer": "1234567a"}, "kvkNummer", "pattern"},
		{map[string]any{"vestigingsnummer": "12345678901"}, "vestigingsnummer", "pattern"},
		{map[string]any{"postcode": "1009 AB"}, "postcode", "unknown"},
		{map[string]any{"postcode": "12"}, "postcode", "pattern"},
		{map[string]any{"kind": "dienstverlener"}, "kind", "enum"},
		{map[string]any{"contactEmail": "geen-adres"}, "contactEmail", "format"},
		{map[string]any{"size": nil}, "size", "required"},
	} {
		resp, body := b.Do("POST", "/api/v1/organisation-registrations", registrationJSON("x@example.org", c.change))
		p := problemOf(t, body)
		if resp.StatusCode != http.StatusBadRequest || len(p.InvalidParams) == 0 || p.InvalidParams[0].Name != c.field {
			t.Errorf("%v: %d %s", c.change, resp.StatusCode, body)
			continue
		}
		if !strings.Contains(string(body), `"code":"`+c.code) {
			t.Errorf("%v: want code %s: %s", c.change, c.code, body)
		}
	}
	// Without a vestigingsnummer is fine.
	if resp, body := b.Do("POST", "/api/v1/organisation-registrations", registrationJSON("zonder@example.org", map[string]any{"vestigingsnummer": nil})); resp.StatusCode != http.StatusAccepted {
		t.Errorf("without vestigingsnummer: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM organisation_registrations`); n != 1 {
		t.Errorf("registrations stored: %d, want only the valid one", n)
	}
}

func TestSignUpInAnUnservedPostcodeListsTheRegions(t *testing.T) {
	f := apptest.New(t)
	resp, body := f.Browser().Do("POST", "/api/v1/organisation-registrations", registrationJSON("noord@example.org", map[string]any{"postcode": "9711 AA"}))
	p := problemOf(t, body)
	if resp.StatusCode != http.StatusBadRequest || len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "postcode" || p.InvalidParams[0].Code != "notServed" {
		t.Fatalf("unserved postcode: %d %s", resp.StatusCode, body)
	}
	if r := p.InvalidParams[0].Reason; !strings.Contains(r, "9711") || !strings.Contains(r, seed.DemoRegionName) || !strings.Contains(r, seed.DemoRegionEmail) || !strings.Contains(r, seed.DemoRegionPhone) {
		t.Errorf("the reason names the postcode area and the regions with their contact details: %q", r)
	}
	resp, body = f.Browser().Do("GET", "/api/v1/region-contacts", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), seed.DemoRegionEmail) || strings.Contains(string(body), "Andere Regio") {
		t.Errorf("region contacts list the serving regions only: %d %s", resp.StatusCode, body)
	}

	// Region B takes on Groningen: the same sign-up now routes there.
	adminB := f.Browser().SignIn(apptest.AdminB)
	area := "/api/v1/regions/" + f.RegionB + "/service-area"
	if resp, body := adminB.Do("PUT", area, `{"pc4s":["9711","9712"," 9711"]}`); resp.StatusCode != http.StatusOK || strings.TrimSpace(string(body)) != `{"pc4s":["9711","9712"]}` {
		t.Fatalf("region B sets its area: %d %s", resp.StatusCode, body)
	}
	if resp, body := f.Browser().Do("POST", "/api/v1/organisation-registrations", registrationJSON("noord@example.org", map[string]any{"postcode": "9711 AA"})); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("sign-up in region B's area: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM organisation_registrations WHERE region_id = ?`, f.RegionB); n != 1 {
		t.Errorf("registrations routed to region B: %d", n)
	}
}

func TestRegionServiceAreaIsTheRegionsOwn(t *testing.T) {
	f := apptest.New(t)
	adminA, adminB := f.Browser().SignIn(apptest.AdminA), f.Browser().SignIn(apptest.AdminB)
	areaA, areaB := "/api/v1/regions/"+f.RegionA+"/service-area", "/api/v1/regions/"+f.RegionB+"/service-area"
	var got struct{ PC4s []string }
	adminA.Call("GET", areaA, "", http.StatusOK, &got)
	if len(got.PC4s) != len(seed.DemoServiceArea()) || len(got.PC4s) < 50 {
		t.Fatalf("the demo region serves the Utrecht area: %d areas", len(got.PC4s))
	}
	// Another region's area and details are not found.
	for _, c := range []struct{ method, path, body string }{
		{"GET", areaA, ""},
		{"PUT", areaA, `{"pc4s":["3511"]}`},
		{"PATCH", "/api/v1/regions/" + f.RegionA, `{"contactPhone":"050 000 00 00"}`},
	} {
		if resp, body := adminB.Do(c.method, c.path, c.body); resp.StatusCode != http.StatusNotFound {
			t.Errorf("region B's admin: %s %s: %d %s", c.method, c.path, resp.StatusCode, body)
		}
	}
	// An area another region serves, one that does not exist and one that is
	// not a PC4 are refused by position; nothing changes.
	resp, body := adminB.Do("PUT", areaB, `{"pc4s":["9711","3511","1009","97"]}`)
	p := problemOf(t, body)
	if resp.StatusCode != http.StatusBadRequest || strings.Join(p.Names(), ",") != "pc4s[2],pc4s[3],pc4s[1]" {
		t.Fatalf("bad areas: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(string(body), seed.DemoRegionName) {
		t.Errorf("the area served elsewhere names its region: %s", body)
	}
	if n := f.Count(`SELECT count(*) FROM region_service_areas WHERE region_id = ?`, f.RegionB); n != 0 {
		t.Errorf("a refused list changed the area: %d", n)
	}
	// Contact details.
	if resp, body := adminB.Do("PATCH", "/api/v1/regions/"+f.RegionB, `{"contactEmail":"Werkgevers@Noord.example","contactPhone":"050 123 45 67"}`); resp.StatusCode != http.StatusOK ||
		!strings.Contains(string(body), `"contactEmail":"werkgevers@noord.example"`) {
		t.Fatalf("region B's contact details: %d %s", resp.StatusCode, body)
	}
	if resp, body := adminB.Do("PATCH", "/api/v1/regions/"+f.RegionB, `{"contactEmail":"geen-adres"}`); resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "contactEmail") {
		t.Errorf("a bad contact e-mail: %d %s", resp.StatusCode, body)
	}
	// A vertical tab passes the schema's \s but not the table's [:space:]: was a 500 (contract fuzzing).
	if resp, body := adminB.Do("PATCH", "/api/v1/regions/"+f.RegionB, `{"contactEmail":"a@b.\u000bnl"}`); resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"code":"pattern"`) {
		t.Errorf("a contact e-mail with a vertical tab: %d %s", resp.StatusCode, body)
	}
	// Emptying the area frees it.
	adminA.Call("PUT", areaA, `{"pc4s":[]}`, http.StatusOK, &got)
	if n := f.Count(`SELECT count(*) FROM region_service_areas`); n != 0 {
		t.Errorf("areas left after emptying the only serving region: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'region.service_area_changed'`); n != 1 {
		t.Errorf("audited area changes: %d", n)
	}
}

func TestSignUpsAreLimitedPerAddressAndIP(t *testing.T) {
	f := apptest.New(t)
	const email = "veel@example.org"
	ask := func(b *apptest.Browser, email string) (int, string) {
		resp, body := b.Do("POST", "/api/v1/organisation-registrations", registrationJSON(email, nil))
		return resp.StatusCode, string(body)
	}
	wantStatus, wantBody := ask(f.Browser(), "iemand@example.org")
	if wantStatus != http.StatusAccepted {
		t.Fatalf("sign-up: %d %s", wantStatus, wantBody)
	}
	for i := 1; i <= identity.MailRequestLimit+1; i++ {
		if status, body := ask(f.Browser(), email); status != wantStatus || body != wantBody {
			t.Fatalf("sign-up %d for one address answers differently: %d %s", i, status, body)
		}
	}
	if n := f.Count(`SELECT count(*) FROM organisation_registrations WHERE contact_email = ?`, email); n != identity.MailRequestLimit {
		t.Fatalf("%d registrations (and mails) for one address after %d requests, want %d", n, identity.MailRequestLimit+1, identity.MailRequestLimit)
	}
	// One IP, many addresses: refused past the IP's limit.
	b := f.Browser()
	for i := range identity.MailRequestIPLimit {
		if status, body := ask(b, fmt.Sprintf("ip%d@example.org", i)); status != http.StatusAccepted {
			t.Fatalf("request %d from one IP: %d %s", i, status, body)
		}
	}
	if status, body := ask(b, "nog-een@example.org"); status != http.StatusTooManyRequests {
		t.Fatalf("past the IP's limit: %d %s", status, body)
	}
}
