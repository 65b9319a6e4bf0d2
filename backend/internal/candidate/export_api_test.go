package candidate_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// The kandidaat's export (AVG art. 15) is complete and readable: camelCase
// keys only, every actor described (never a blank id), occupations with
// their labels, the invite with the kandidaat's decision, and the
// disclosure: which organisation received which contact details, since when
// and until when. Who read the personal data is listed by role and
// organisation; reading the export is audited.
func TestMyDataExport(t *testing.T) {
	f := apptest.New(t)
	wg, _, id := f.InviteMyCandidate()
	km := f.Browser().SignIn(apptest.KmA)
	km.Call("PUT", "/api/v1/invites/"+id+"/advice", `{"advice":"Goede plek, dichtbij huis."}`, http.StatusOK, nil)
	km.Call("GET", "/api/v1/candidates/"+f.MyCandidate+"/identity", "", http.StatusOK, nil)
	me := f.Kandidaat()
	me.Call("POST", "/api/v1/me/invites/"+id+"/decision", `{"decision":"accept","sharePhone":true}`, http.StatusOK, nil)
	wg.Call("GET", "/api/v1/invites/"+id+"/contact", "", http.StatusOK, nil)

	before := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'candidate.data_exported' AND subject_id = ?`, f.MyCandidate)
	resp, raw := me.Do("GET", "/api/v1/me/candidate/export", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %v %s", resp.StatusCode, resp.Header, raw)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'candidate.data_exported' AND subject_id = ?`, f.MyCandidate); n != before+1 {
		t.Errorf("the export is not audited: %d events", n-before)
	}
	var doc any
	apptest.Must(t, json.Unmarshal(raw, &doc))

	// camelCase keys only, and no actor left blank.
	walkJSON(doc, "$", func(path, key string, v any) {
		if r := []rune(key); len(r) > 0 && unicode.IsUpper(r[0]) {
			t.Errorf("%s: key %q is not camelCase", path, key)
		}
		if key == "actor" || strings.HasSuffix(key, "By") {
			a, ok := v.(map[string]any)
			if !ok || a["description"] == "" || a["description"] == nil || a["role"] == "" || a["role"] == nil {
				t.Errorf("%s: blank actor %v", path, v)
			}
		}
		if strings.HasSuffix(key, "UserId") || strings.HasSuffix(key, "UserID") {
			t.Errorf("%s: an actor as a bare user id", path)
		}
		// An IP address only where the kandidaat acted (their own); never staff's.
		if obj, ok := v.(map[string]any); ok && obj["ip"] != nil {
			if a, _ := obj["actor"].(map[string]any); a == nil || a["role"] != "kandidaat" {
				t.Errorf("%s.%s: an IP address of someone else: %v", path, key, obj)
			}
		}
	})

	var e exportDoc
	apptest.Must(t, json.Unmarshal(raw, &e))
	if e.GeneratedAt.IsZero() || e.Explanation == "" {
		t.Errorf("no generatedAt or explanation: %s", raw)
	}
	for name, s := range map[string]string{"contact": e.Contact.Title, "profile": e.Profile.Title, "invites": e.Invites.Title,
		"disclosures": e.Disclosures.Title, "accessLog": e.AccessLog.Title, "history": e.History.Title} {
		if s == "" {
			t.Errorf("section %s has no title", name)
		}
	}
	if e.Contact.Name != "Sanne de Boer" || e.Contact.Phone != "06 11223344" {
		t.Errorf("contact: %+v", e.Contact)
	}
	if len(e.Profile.Occupations) != 1 || e.Profile.Occupations[0].ID != f.OccupationID("bakker") || e.Profile.Occupations[0].Label != "bakker" {
		t.Errorf("occupations: %+v", e.Profile.Occupations)
	}
	if !strings.Contains(e.Profile.Klantmanager.Description, "Femke de Vries") {
		t.Errorf("klantmanager: %+v", e.Profile.Klantmanager)
	}

	if len(e.Invites.Items) != 1 {
		t.Fatalf("invites: %+v", e.Invites)
	}
	in := e.Invites.Items[0]
	if in.OrganisationName != "Bakkerij De Korenschoof" || in.OpeningTitle != "Bakker (ochtend)" || in.State.Value != "accepted" || in.State.Label == "" ||
		in.Decision.Value != "accepted" || in.Decision.Label == "" || in.DecidedAt == nil || in.SentAt == nil || in.ExpiresAt == nil || in.Advice == "" {
		t.Errorf("invite: %+v", in)
	}
	var byOrg, bySelf bool
	for _, h := range in.History {
		byOrg = byOrg || (h.State.Value == "invited" && strings.Contains(h.Actor.Description, "Bakkerij De Korenschoof"))
		bySelf = bySelf || (h.State.Value == "accepted" && h.Actor.Role == "kandidaat" && h.Actor.Description == "u zelf")
	}
	if !byOrg || !bySelf {
		t.Errorf("invite history: %+v", in.History)
	}

	if len(e.Disclosures.Items) != 1 {
		t.Fatalf("disclosures: %+v", e.Disclosures)
	}
	d := e.Disclosures.Items[0]
	if d.OrganisationName != "Bakkerij De Korenschoof" || d.OpeningTitle != "Bakker (ochtend)" || d.GrantedAt.IsZero() || !d.Active ||
		d.SharedUntil != nil || d.Until == "" || strings.Join(values(d.Shared), ",") != "name,email,phone" {
		t.Errorf("disclosure: %+v", d)
	}

	var orgRead, kmRead bool
	for _, a := range e.AccessLog.Items {
		orgRead = orgRead || (a.Actor.Role == "werkgever" && a.Actor.Organisation == "Bakkerij De Korenschoof" && strings.Contains(a.Reason, "Bakker (ochtend)"))
		kmRead = kmRead || (a.Actor.Role == "klantmanager" && a.Actor.Name == "Femke de Vries" && a.Reason != "")
	}
	if !orgRead || !kmRead {
		t.Errorf("access log: %+v", e.AccessLog.Items)
	}
	// The work that came of it, a recommendation and a service booked for
	// the kandidaat are in it too.
	wg.Call("POST", "/api/v1/invites/"+id+"/state-changes", `{"state":"introduced"}`, http.StatusOK, nil)
	var placed apptest.Invite
	wg.Call("POST", "/api/v1/invites/"+id+"/placement", fmt.Sprintf(`{"startDate":%q,"contractType":"tijdelijk","hours":24,"hourlyWageCents":1500}`,
		f.Clock().Format(time.DateOnly)), http.StatusCreated, &placed)
	other := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	f.Browser().SignIn(apptest.AmA).Call("POST", "/api/v1/openings/"+other+"/pins", fmt.Sprintf(`{"candidateId":%q,"note":"Sterk gemotiveerd"}`, f.MyCandidate), http.StatusNoContent, nil)
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], f.Org["Bakkerij De Korenschoof"]).Error)
	svc := f.Service(fmt.Sprintf(apptest.JobcoachingJSON, f.Org["Jobcoach Utrecht BV"]))
	wg.Call("POST", "/api/v1/bookings", fmt.Sprintf(`{"serviceId":%q,"quantity":8,"placementId":%q}`, svc, placed.Placement.ID), http.StatusCreated, nil)

	// Stopping the disclosure gives it its until-date.
	f.Advance(time.Minute)
	me.Call("DELETE", "/api/v1/me/invites/"+id+"/disclosure", "", http.StatusOK, nil)
	me.Call("GET", "/api/v1/me/candidate/export", "", http.StatusOK, &e)
	if d := e.Disclosures.Items[0]; d.Active || d.SharedUntil == nil || !d.SharedUntil.Equal(f.Clock().Truncate(time.Microsecond)) || d.Until == "" {
		t.Errorf("stopped disclosure: %+v", d)
	}
	if len(e.Placements.Items) != 1 || e.Placements.Items[0].OrganisationName != "Bakkerij De Korenschoof" || e.Placements.Items[0].ContractType.Label == "" ||
		len(e.Placements.Items[0].FollowUps) != 3 || !strings.Contains(e.Placements.Items[0].CreatedBy.Description, "Bakkerij De Korenschoof") {
		t.Errorf("placements: %+v", e.Placements)
	}
	if len(e.Recommendations.Items) != 1 || e.Recommendations.Items[0].Note != "Sterk gemotiveerd" || e.Recommendations.Items[0].PinnedBy.Role != "accountmanager" ||
		e.Recommendations.Items[0].PinnedBy.Name == "" {
		t.Errorf("recommendations: %+v", e.Recommendations)
	}
	if len(e.Services.Items) != 1 || e.Services.Items[0].ServiceTitle == "" || e.Services.Items[0].State.Label == "" || e.Services.Items[0].RequestedBy.Role != "werkgever" {
		t.Errorf("services: %+v", e.Services)
	}
	if e.Invites.Items[0].State.Value != "placed" || e.Invites.Items[0].Decision.Value != "accepted" {
		t.Errorf("placed invite: %+v", e.Invites.Items[0])
	}

	// English on request.
	me.Call("GET", "/api/v1/me/candidate/export?lang=en", "", http.StatusOK, &e)
	if e.Invites.Items[0].Decision.Label == "" || e.Language != "en" || e.Invites.Items[0].Decision.Label == in.Decision.Label {
		t.Errorf("english export: %+v", e.Invites.Items[0].Decision)
	}
}

type choice struct{ Value, Label string }

func values(cs []choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Value
	}
	return out
}

type actor struct{ Role, Name, Organisation, Description string }

type exportDoc struct {
	GeneratedAt time.Time
	Language    string
	Explanation string
	Contact     struct{ Title, Name, Phone string }
	Profile     struct {
		Title        string
		Occupations  []struct{ ID, Label string }
		Klantmanager actor
	}
	Invites struct {
		Title string
		Items []struct {
			OrganisationName, OpeningTitle, Advice string
			State, Decision                        choice
			SentAt, ExpiresAt, DecidedAt           *time.Time
			History                                []struct {
				State choice
				Actor actor
			}
		}
	}
	Disclosures struct {
		Title string
		Items []struct {
			OrganisationName, OpeningTitle, Until string
			Shared                                []choice
			GrantedAt                             time.Time
			SharedUntil                           *time.Time
			Active                                bool
		}
	}
	Placements struct {
		Items []struct {
			OrganisationName string
			ContractType     choice
			CreatedBy        actor
			FollowUps        []struct{ Week int }
		}
	}
	Recommendations struct {
		Items []struct {
			Note     string
			PinnedBy actor
		}
	}
	Services struct {
		Items []struct {
			ServiceTitle string
			State        choice
			RequestedBy  actor
		}
	}
	AccessLog struct {
		Title string
		Items []struct {
			Actor  actor
			Reason string
		}
	}
	History struct{ Title string }
}

// walkJSON calls fn for every key of every object in v.
func walkJSON(v any, path string, fn func(path, key string, v any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, c := range x {
			fn(path, k, c)
			walkJSON(c, path+"."+k, fn)
		}
	case []any:
		for i, c := range x {
			walkJSON(c, fmt.Sprintf("%s[%d]", path, i), fn)
		}
	}
}
