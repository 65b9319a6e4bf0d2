package audit_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

type page struct {
	Items []struct {
		Action, ActionLabel, ActorUserID, ActorName, ActorRoleLabel, SubjectType, SubjectTypeLabel, SubjectID, SubjectName string
	} `json:"items"`
	NextCursor string `json:"nextCursor"`
}

func get(t *testing.T, b *apptest.Browser, query string) page {
	t.Helper()
	resp, body := b.Do("GET", "/api/v1/audit-events?"+query, "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /audit-events?%s: %d %s", query, resp.StatusCode, body)
	}
	var p page
	apptest.Must(t, json.Unmarshal(body, &p))
	return p
}

// The audit page names actions, people and subjects in words, filters by
// action, person and period, pages, exports CSV (itself audited), and
// shows only the region's own events.
func TestAuditLogInWords(t *testing.T) {
	f := apptest.New(t)
	f.Browser().SignIn(apptest.KmA)
	candidateID := f.NewCandidate("Geheime Naam", fmt.Sprintf("geheim%d@example.org", apptest.Uniq()))
	admin := f.Browser().SignIn(apptest.AdminA)
	var kmName, code string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT display_name FROM users WHERE id = ?`, f.User[apptest.KmA]).Row().Scan(&kmName))
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT public_code FROM candidates WHERE id = ?`, candidateID).Row().Scan(&code))

	// Labels, names and roles, in Dutch and in English.
	signIns := get(t, admin, "action=session.sign_in&actor="+f.User[apptest.KmA])
	if len(signIns.Items) == 0 {
		t.Fatal("no sign-in of the klantmanager")
	}
	for _, e := range signIns.Items {
		if e.Action != "session.sign_in" || e.ActionLabel != "Ingelogd" || e.ActorName != kmName || e.ActorRoleLabel != "Klantmanager" ||
			e.SubjectTypeLabel != "Gebruiker" || e.SubjectName != kmName {
			t.Errorf("sign-in in words: %+v", e)
		}
	}
	if en := get(t, admin, "lang=en&action=session.sign_in&limit=1"); en.Items[0].ActionLabel != "Signed in" {
		t.Errorf("English label: %+v", en.Items[0])
	}

	// A candidate is named by their pseudonymous code, never by name.
	created := get(t, admin, "action=candidate.created&subjectId="+candidateID)
	if len(created.Items) != 1 || created.Items[0].SubjectName != code || created.Items[0].SubjectTypeLabel != "Kandidaat" || created.Items[0].ActorName != kmName {
		t.Fatalf("candidate.created: %+v", created.Items)
	}
	if _, body := admin.Do("GET", "/api/v1/audit-events?limit=200", ""); strings.Contains(string(body), "Geheime Naam") {
		t.Error("the audit page shows a candidate's name")
	}

	// An organisation by its name.
	var org struct{ ID string }
	admin.Call("POST", "/api/v1/organisations", `{"kind":"werkgever","name":"Auditbakkerij","kvkNummer":"76543219","postcode":"3511 AB"}`, http.StatusCreated, &org)
	if o := get(t, admin, "action=organisation.created&limit=1"); o.Items[0].SubjectID != org.ID || o.Items[0].SubjectName != "Auditbakkerij" {
		t.Errorf("organisation.created: %+v", o.Items[0])
	}

	// Paging and period.
	first := get(t, admin, "limit=2")
	second := get(t, admin, "limit=2&cursor="+first.NextCursor)
	if len(first.Items) != 2 || first.NextCursor == "" || len(second.Items) == 0 || second.Items[0] == first.Items[1] {
		t.Errorf("paging: %+v / %+v", first, second)
	}
	future := url.QueryEscape(time.Now().Add(24 * time.Hour).Format(time.RFC3339))
	if p := get(t, admin, "from="+future); len(p.Items) != 0 {
		t.Errorf("from tomorrow: %d events", len(p.Items))
	}

	// The filter's options: labels and people.
	resp, body := admin.Do("GET", "/api/v1/audit-filter-options", "")
	var opts struct {
		Actions []struct{ Code, Label string }
		Actors  []struct{ ID, Name string }
	}
	apptest.Must(t, json.Unmarshal(body, &opts))
	hasAction, hasActor := false, false
	for _, a := range opts.Actions {
		hasAction = hasAction || a.Code == "session.sign_in" && a.Label == "Ingelogd"
	}
	for _, a := range opts.Actors {
		hasActor = hasActor || a.ID == f.User[apptest.KmA] && a.Name == kmName
	}
	if resp.StatusCode != http.StatusOK || !hasAction || !hasActor {
		t.Errorf("filter options: %d %s", resp.StatusCode, body)
	}

	// CSV: every matching event, audited.
	before := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'audit.exported' AND actor_user_id = ?`, f.User[apptest.AdminA])
	res, csv := admin.DoWith("GET", "/api/v1/audit-events?action=candidate.created", "", map[string]string{"Accept": "text/csv"})
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
		!strings.HasPrefix(string(csv), "\ufeffTijdstip (UTC);Handeling;") || !strings.Contains(string(csv), ";Kandidaat ingeschreven;candidate.created;Gelukt;"+kmName+";Klantmanager;Kandidaat;"+code+";"+candidateID) {
		t.Fatalf("CSV: %d %s\n%s", res.StatusCode, res.Header.Get("Content-Type"), csv)
	}
	if after := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'audit.exported' AND actor_user_id = ? AND details->>'action' = 'candidate.created'`, f.User[apptest.AdminA]); after != before+1 {
		t.Errorf("the export was not audited: %d → %d", before, after)
	}

	// Tenancy: another region's admin sees none of this.
	adminB := f.Browser().SignIn(apptest.AdminB)
	for _, q := range []string{"action=candidate.created", "actor=" + f.User[apptest.KmA], "subjectId=" + candidateID} {
		if p := get(t, adminB, q); len(p.Items) != 0 {
			t.Errorf("region B's admin sees region A's events (%s): %+v", q, p.Items)
		}
	}
	_, body = adminB.Do("GET", "/api/v1/audit-filter-options", "")
	if strings.Contains(string(body), f.User[apptest.KmA]) {
		t.Error("region B's filter names region A's klantmanager")
	}
}
