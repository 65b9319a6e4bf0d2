package identity_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

func TestOrganisationProfileAndContactLog(t *testing.T) {
	f := apptest.New(t)
	own := "/api/v1/organisations/" + f.Org["Bakkerij De Korenschoof"]
	other := "/api/v1/organisations/" + f.Org["Logistiek Centrum Nieuwegein"]
	wg := f.Browser().SignIn(apptest.WerkgeverA)

	resp, body := wg.Do("PATCH", own, `{"contactName":"Petra Korenschoof","size":"10-49","postcode":"3511ab","sector":"Bakkerij"}`)
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"postcode":"3511 AB"`) || !strings.Contains(string(body), `"size":"10-49"`) {
		t.Fatalf("werkgever edits own profile: %d %s", resp.StatusCode, body)
	}
	if resp, _ := wg.Do("PATCH", other, `{"sector":"Logistiek"}`); resp.StatusCode != http.StatusNotFound {
		t.Errorf("werkgever edits another organisation: %d", resp.StatusCode)
	}
	if resp, _ := wg.Do("PATCH", own, `{"accountmanagerId":"`+f.User[apptest.AmA]+`"}`); resp.StatusCode != http.StatusForbidden {
		t.Errorf("werkgever assigns an accountmanager: %d", resp.StatusCode)
	}
	for _, c := range []struct{ body, field, code string }{
		{`{"size":"groot"}`, "size", "enum"},
		{`{"postcode":"1009 AB"}`, "postcode", "unknown"},
		{`{"contactPhone":"bel me"}`, "contactPhone", "pattern"},
		{`{"contactEmail":"geen-adres"}`, "contactEmail", "pattern"},
	} {
		resp, body := wg.Do("PATCH", own, c.body)
		if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"name":"`+c.field+`"`) || !strings.Contains(string(body), `"code":"`+c.code+`"`) {
			t.Errorf("%s: %d %s", c.body, resp.StatusCode, body)
		}
	}

	// Accountmanagers edit their own portfolio only.
	jansen, elbaz := f.Browser().SignIn(apptest.AmA), f.Browser().SignIn("am.elbaz@demo.werkhaven.nl")
	if resp, _ := elbaz.Do("PATCH", own, `{"sector":"Brood"}`); resp.StatusCode != http.StatusForbidden {
		t.Errorf("accountmanager outside portfolio: %d", resp.StatusCode)
	}
	if resp, body := jansen.Do("PATCH", own, `{"accountmanagerId":"`+f.User["am.elbaz@demo.werkhaven.nl"]+`"}`); resp.StatusCode != http.StatusOK {
		t.Errorf("accountmanager hands the organisation over: %d %s", resp.StatusCode, body)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'organisation.updated' AND details->'fields' ? 'postcode'`); n != 1 {
		t.Errorf("profile changes are audited with their fields: %d", n)
	}

	// The contact log: staff only, never the organisation, not in the future.
	log := own + "/contact-moments"
	if resp, body := elbaz.Do("POST", log, `{"kind":"bezoek","occurredOn":"2026-01-12","note":"Kennismaking op locatie"}`); resp.StatusCode != http.StatusCreated {
		t.Fatalf("log a visit: %d %s", resp.StatusCode, body)
	}
	tomorrow := f.Clock().Add(48 * time.Hour).Format("2006-01-02")
	if resp, body := elbaz.Do("POST", log, `{"kind":"telefoon","occurredOn":"`+tomorrow+`","note":"Later"}`); resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "occurredOn") {
		t.Errorf("future contact moment: %d %s", resp.StatusCode, body)
	}
	if resp, _ := elbaz.Do("POST", log, `{"kind":"fax","occurredOn":"2026-01-12","note":"x"}`); resp.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown kind: %d", resp.StatusCode)
	}
	resp, body = jansen.Do("GET", log, "")
	var list struct {
		Items []struct{ Kind, Note, AuthorName, OccurredOn string } `json:"items"`
	}
	apptest.Must(t, json.Unmarshal(body, &list))
	if resp.StatusCode != 200 || len(list.Items) != 1 || list.Items[0].AuthorName != "Samira El Baz" || list.Items[0].OccurredOn != "2026-01-12" {
		t.Fatalf("the region's accountmanagers read the log: %d %s", resp.StatusCode, body)
	}
	if resp, _ := wg.Do("GET", log, ""); resp.StatusCode != http.StatusForbidden {
		t.Errorf("the organisation reads its contact log: %d", resp.StatusCode)
	}
	adminB := f.Browser().SignIn(apptest.AdminB)
	if resp, _ := adminB.Do("GET", log, ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another region reads the log: %d", resp.StatusCode)
	}
	if resp, _ := adminB.Do("POST", log, `{"kind":"notitie","occurredOn":"2026-01-12","note":"x"}`); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another region writes the log: %d", resp.StatusCode)
	}
}
