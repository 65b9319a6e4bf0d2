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
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

type queued struct {
	ID, Status, Name, OrganisationID string
	Duplicates                       []struct{ Reason, OrganisationID, Name string }
}

// signUp signs an organisation up and confirms it, and returns its id.
func signUp(f *apptest.Fixture, email string, change map[string]any) string {
	f.T.Helper()
	if resp, body := f.Browser().Do("POST", "/api/v1/organisation-registrations", registrationJSON(email, change)); resp.StatusCode != http.StatusAccepted {
		f.T.Fatalf("sign up: %d %s", resp.StatusCode, body)
	}
	token := f.MailedToken(email)
	if resp, body := f.Browser().Do("POST", "/api/v1/organisation-registration-confirmations", fmt.Sprintf(`{"token":%q}`, token)); resp.StatusCode != http.StatusNoContent {
		f.T.Fatalf("confirm: %d %s", resp.StatusCode, body)
	}
	var id string
	apptest.Must(f.T, f.DB.Gorm.Raw(`SELECT id::text FROM organisation_registrations WHERE contact_email = ? ORDER BY created_at DESC LIMIT 1`, email).Row().Scan(&id))
	return id
}

func queue(b *apptest.Browser, query string) []queued {
	var list struct{ Items []queued }
	b.Call("GET", "/api/v1/organisation-registrations"+query, "", http.StatusOK, &list)
	return list.Items
}

func TestApprovedSignUpsFirstUserSetsAPasswordAndPostsAVacature(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn(apptest.AmA)
	const contact = "karin@despaak.example"
	// Nothing is visible to staff before the contact confirmed.
	if resp, body := f.Browser().Do("POST", "/api/v1/organisation-registrations", registrationJSON("nog-niet@despaak.example", nil)); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("sign up: %d %s", resp.StatusCode, body)
	}
	f.MailedToken("nog-niet@despaak.example")
	if q := queue(am, ""); len(q) != 0 {
		t.Fatalf("an unconfirmed sign-up in the queue: %+v", q)
	}
	id := signUp(f, contact, nil)
	q := queue(am, "")
	if len(q) != 1 || q[0].ID != id || len(q[0].Duplicates) != 0 {
		t.Fatalf("the queue: %+v", q)
	}
	// Another region's staff do not see or decide it.
	adminB := f.Browser().SignIn(apptest.AdminB)
	if q := queue(adminB, ""); len(q) != 0 {
		t.Fatalf("region B sees region A's sign-ups: %+v", q)
	}
	if resp, body := adminB.Do("POST", "/api/v1/organisation-registrations/"+id+"/approvals", `{}`); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("region B approves: %d %s", resp.StatusCode, body)
	}
	if resp, body := f.Browser().SignIn(apptest.KmA).Do("GET", "/api/v1/organisation-registrations", ""); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a klantmanager reads the queue: %d %s", resp.StatusCode, body)
	}

	var out struct {
		Organisation struct {
			ID, Name, AccountmanagerID, Kind, Sector, ContactEmail string
		}
		ExistingAccount bool
		UserID          string
	}
	am.Call("POST", "/api/v1/organisation-registrations/"+id+"/approvals", `{}`, http.StatusCreated, &out)
	if out.Organisation.Name != "Fietsenmakerij De Spaak" || out.Organisation.AccountmanagerID != f.User[apptest.AmA] || out.Organisation.Kind != "werkgever" ||
		out.Organisation.Sector != "Detailhandel" || out.Organisation.ContactEmail != contact || out.ExistingAccount || out.UserID == "" {
		t.Fatalf("approval: %+v", out)
	}
	if resp, body := am.Do("POST", "/api/v1/organisation-registrations/"+id+"/approvals", `{}`); resp.StatusCode != http.StatusConflict || !strings.Contains(string(body), "registrationDecided") {
		t.Fatalf("approving twice: %d %s", resp.StatusCode, body)
	}
	if resp, _ := am.Do("POST", "/api/v1/organisation-registrations/"+id+"/declines", `{"reason":"Toch niet"}`); resp.StatusCode != http.StatusConflict {
		t.Fatalf("declining an approved sign-up: %d", resp.StatusCode)
	}
	if q := queue(am, "?status=approved"); len(q) != 1 || q[0].OrganisationID != out.Organisation.ID {
		t.Fatalf("approved sign-ups: %+v", q)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'organisation_registration.approved' AND actor_user_id = ?`, f.User[apptest.AmA]); n != 1 {
		t.Errorf("audited approvals: %d", n)
	}

	// The contact chooses a password from the mail and posts a vacature.
	token := f.MailedToken(contact)
	if resp, body := f.Browser().Do("POST", "/api/v1/invitation-acceptances", fmt.Sprintf(`{"token":%q,"password":"Fietsen-Spaak-Wiel-42"}`, token)); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("accept the invitation: %d %s", resp.StatusCode, body)
	}
	wg := f.Browser()
	resp, body := wg.Do("POST", "/api/v1/sessions", signInBody(contact, "Fietsen-Spaak-Wiel-42"))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("the first user signs in: %d %s", resp.StatusCode, body)
	}
	var s struct{ CSRFToken string }
	apptest.Must(t, json.Unmarshal(body, &s))
	wg.CSRF = s.CSRFToken
	var opening struct{ ID, OrganisationID string }
	wg.Call("POST", "/api/v1/openings", f.OpeningJSON("", "Fietsenmaker"), http.StatusCreated, &opening)
	if opening.OrganisationID != out.Organisation.ID {
		t.Fatalf("the vacature's organisation: %+v", opening)
	}
}

func TestDeclinedSignUpIsMailedItsReason(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn("am.elbaz@demo.werkhaven.nl")
	const contact = "nee@example.org"
	id := signUp(f, contact, nil)
	if resp, body := am.Do("POST", "/api/v1/organisation-registrations/"+id+"/declines", `{"reason":"   "}`); resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), `"name":"reason"`) {
		t.Fatalf("a blank reason: %d %s", resp.StatusCode, body)
	}
	var r struct{ Status, DeclineReason string }
	am.Call("POST", "/api/v1/organisation-registrations/"+id+"/declines", `{"reason":"Uw vestiging ligt buiten onze regio."}`, http.StatusCreated, &r)
	if r.Status != "declined" || r.DeclineReason != "Uw vestiging ligt buiten onze regio." {
		t.Fatalf("declined: %+v", r)
	}
	m := f.Inbox.Next(t, contact, 20*time.Second)
	if data := strings.ReplaceAll(m.Data, "=\r\n", ""); !strings.Contains(data, "Uw vestiging ligt buiten onze regio.") || !strings.Contains(data, "Fietsenmakerij De Spaak") {
		t.Fatalf("the decline mail: %s", data)
	}
	if resp, _ := am.Do("POST", "/api/v1/organisation-registrations/"+id+"/approvals", `{}`); resp.StatusCode != http.StatusConflict {
		t.Errorf("approving a declined sign-up: %d", resp.StatusCode)
	}
	if n := f.Count(`SELECT count(*) FROM organisations WHERE name = 'Fietsenmakerij De Spaak'`); n != 0 {
		t.Errorf("a declined sign-up made an organisation")
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'organisation_registration.declined'`); n != 1 {
		t.Errorf("audited declines: %d", n)
	}
}

func TestDuplicateSignUpsAreFlagged(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn(apptest.AmA)
	// The bakery's own KvK number and contact e-mail (an account already).
	same := signUp(f, apptest.WerkgeverA, map[string]any{"name": "Bakkerij Korenschoof", "kvkNummer": "12345670", "vestigingsnummer": nil})
	// Another KvK number, but a name much like the bakery's.
	alike := signUp(f, "bakker@elders.example", map[string]any{"name": "Bakkerij De Korenschoof BV", "kvkNummer": "11223344"})
	reasons := map[string]string{}
	for _, r := range queue(am, "") {
		var rs []string
		for _, d := range r.Duplicates {
			rs = append(rs, d.Reason+":"+d.Name)
		}
		reasons[r.ID] = strings.Join(rs, ",")
	}
	if got := reasons[same]; got != "kvk:Bakkerij De Korenschoof,email:Bakkerij De Korenschoof" {
		t.Errorf("same KvK and known e-mail: %q", got)
	}
	if got := reasons[alike]; got != "name:Bakkerij De Korenschoof" {
		t.Errorf("a similar name: %q", got)
	}
	// The same KvK number cannot become a second organisation of the region.
	if resp, body := am.Do("POST", "/api/v1/organisation-registrations/"+same+"/approvals", `{}`); resp.StatusCode != http.StatusConflict || !strings.Contains(string(body), "kvkExists") {
		t.Fatalf("approving a known KvK number: %d %s", resp.StatusCode, body)
	}
}

func TestApprovingAContactWithAnAccountSaysSo(t *testing.T) {
	f := apptest.New(t)
	am := f.Browser().SignIn(apptest.AmA)
	id := signUp(f, apptest.Werkgever2, map[string]any{"kvkNummer": "55667788"})
	users := f.Count(`SELECT count(*) FROM users`)
	var out struct {
		ExistingAccount bool
		UserID          string
		Organisation    struct{ ID string }
	}
	am.Call("POST", "/api/v1/organisation-registrations/"+id+"/approvals", `{"accountmanagerId":"`+f.User["am.elbaz@demo.werkhaven.nl"]+`"}`, http.StatusCreated, &out)
	if !out.ExistingAccount || out.UserID != "" || out.Organisation.ID == "" {
		t.Fatalf("approval of a known contact: %+v", out)
	}
	if n := f.Count(`SELECT count(*) FROM users`); n != users {
		t.Errorf("users: %d, want %d (no one invited)", n, users)
	}
	if n := f.Count(`SELECT count(*) FROM organisations WHERE id = ? AND accountmanager_id = ?`, out.Organisation.ID, f.User["am.elbaz@demo.werkhaven.nl"]); n != 1 {
		t.Errorf("the chosen accountmanager is not assigned")
	}
}

func TestSignUpTimers(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	// Start on a Monday morning, so five working days are a week.
	for f.Clock().Weekday() != time.Monday {
		f.Advance(24 * time.Hour)
	}
	waiting := signUp(f, "wacht@example.org", nil)
	declined := signUp(f, "afgewezen@example.org", map[string]any{"kvkNummer": "22334455"})
	if resp, body := f.Browser().Do("POST", "/api/v1/organisation-registrations", registrationJSON("nooit@example.org", nil)); resp.StatusCode != http.StatusAccepted {
		t.Fatalf("sign up: %d %s", resp.StatusCode, body)
	}
	f.MailedToken("nooit@example.org")
	f.Browser().SignIn(apptest.AmA).Call("POST", "/api/v1/organisation-registrations/"+declined+"/declines", `{"reason":"Dubbel"}`, http.StatusCreated, nil)
	f.Inbox.Next(t, "afgewezen@example.org", 20*time.Second)

	sweep := func() identity.SweepResult {
		r, err := f.Identity.SweepRegistrations(ctx)
		apptest.Must(t, err)
		return r
	}
	// Four days on (Friday): nothing is due.
	f.Advance(4 * 24 * time.Hour)
	if r := sweep(); r != (identity.SweepResult{}) {
		t.Fatalf("after 4 days: %+v", r)
	}
	// The next Monday (5 working days): the region's accountmanagers are
	// reminded, once; the unconfirmed sign-up, 7 days old, is deleted.
	f.Advance(3*24*time.Hour + time.Hour)
	if r := sweep(); r.Reminded != 1 || r.DeletedUnconfirmed != 1 || r.DeletedDeclined != 0 {
		t.Fatalf("after 5 working days: %+v", r)
	}
	for _, am := range []string{apptest.AmA, "am.elbaz@demo.werkhaven.nl"} {
		if m := f.Inbox.Next(t, am, 20*time.Second); !strings.Contains(m.Data, "Fietsenmakerij De Spaak") {
			t.Errorf("reminder to %s: %s", am, m.Data)
		}
	}
	if r := sweep(); r.Reminded != 0 {
		t.Fatalf("reminded twice: %+v", r)
	}
	// The confirmed ones stay.
	if n := f.Count(`SELECT count(*) FROM organisation_registrations WHERE contact_email = 'nooit@example.org'`); n != 0 {
		t.Errorf("the unconfirmed sign-up outlived 7 days")
	}
	if n := f.Count(`SELECT count(*) FROM organisation_registrations WHERE id IN (?, ?)`, waiting, declined); n != 2 {
		t.Errorf("confirmed sign-ups deleted: %d left", n)
	}
	// The declined one goes after a year (the default).
	f.Advance(identity.DefaultDeclinedRetention)
	if r := sweep(); r.DeletedDeclined != 1 {
		t.Fatalf("after a year: %+v", r)
	}
	if n := f.Count(`SELECT count(*) FROM organisation_registrations WHERE id = ?`, waiting); n != 1 {
		t.Errorf("the waiting sign-up was deleted")
	}
}

func TestFirstStepsOfANewOrganisation(t *testing.T) {
	f := apptest.New(t)
	org := f.Org["Bakkerij De Korenschoof"]
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var fs struct {
		Missing                                 []string
		AccountmanagerName, AccountmanagerEmail string
		MetAccountmanager                       bool
	}
	wg.Call("GET", "/api/v1/organisations/"+org+"/first-steps", "", http.StatusOK, &fs)
	if strings.Join(fs.Missing, ",") != "sector,size,contactName,contactEmail,contactPhone" || fs.AccountmanagerName != "Jeroen Jansen" ||
		fs.AccountmanagerEmail != apptest.AmA || fs.MetAccountmanager {
		t.Fatalf("a new organisation's first steps: %+v", fs)
	}
	wg.Call("PATCH", "/api/v1/organisations/"+org, `{"sector":"Bakkerij","size":"10-49","contactName":"Petra","contactEmail":"petra@example.org","contactPhone":"030 123 45 67"}`, http.StatusOK, nil)
	f.Browser().SignIn(apptest.AmA).Call("POST", "/api/v1/organisations/"+org+"/contact-moments", `{"kind":"bezoek","occurredOn":"2026-01-12","note":"Kennismaking"}`, http.StatusCreated, nil)
	wg.Call("GET", "/api/v1/organisations/"+org+"/first-steps", "", http.StatusOK, &fs)
	if len(fs.Missing) != 0 || !fs.MetAccountmanager {
		t.Fatalf("after the profile and the visit: %+v", fs)
	}
	if resp, _ := wg.Do("GET", "/api/v1/organisations/"+f.Org["Logistiek Centrum Nieuwegein"]+"/first-steps", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another organisation's first steps: %d", resp.StatusCode)
	}
}

func TestColleaguesInviteAndRemoveEachOtherButNotTheLast(t *testing.T) {
	f := apptest.New(t)
	org := "/api/v1/organisations/" + f.Org["Logistiek Centrum Nieuwegein"] + "/users"
	wg := f.Browser().SignIn(apptest.Werkgever2)
	var u struct{ ID, Role, Status, OrganisationID string }
	wg.Call("POST", org, `{"email":"Planner@LCN.example","displayName":"Ayla Planner"}`, http.StatusCreated, &u)
	if u.Role != "werkgever" || u.Status != "invited" || u.OrganisationID != f.Org["Logistiek Centrum Nieuwegein"] {
		t.Fatalf("invited colleague: %+v", u)
	}
	token := f.MailedToken("planner@lcn.example")
	if resp, body := f.Browser().Do("POST", "/api/v1/invitation-acceptances", fmt.Sprintf(`{"token":%q,"password":"Planner-Route-Dock-12"}`, token)); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("the colleague accepts: %d %s", resp.StatusCode, body)
	}
	// Another organisation's users: not found.
	if resp, _ := f.Browser().SignIn(apptest.WerkgeverA).Do("GET", org, ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("another organisation lists the users: %d", resp.StatusCode)
	}
	// The colleague removes the original user; the colleague, now last, cannot be removed.
	planner := f.Browser()
	resp, body := planner.Do("POST", "/api/v1/sessions", signInBody("planner@lcn.example", "Planner-Route-Dock-12"))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("sign in: %d %s", resp.StatusCode, body)
	}
	var s struct{ CSRFToken string }
	apptest.Must(t, json.Unmarshal(body, &s))
	planner.CSRF = s.CSRFToken
	if resp, body := planner.Do("DELETE", org+"/"+f.User[apptest.Werkgever2], ""); resp.StatusCode != http.StatusNoContent {
		t.Fatalf("remove a colleague: %d %s", resp.StatusCode, body)
	}
	if resp, _ := wg.Do("GET", org, ""); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("the removed user's session still works: %d", resp.StatusCode)
	}
	if resp, body := planner.Do("DELETE", org+"/"+u.ID, ""); resp.StatusCode != http.StatusConflict || !strings.Contains(string(body), "lastUser") {
		t.Fatalf("removing the last user: %d %s", resp.StatusCode, body)
	}
	var list struct{ Items []struct{ Email string } }
	planner.Call("GET", org, "", http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].Email != "planner@lcn.example" {
		t.Errorf("the organisation's users: %+v", list.Items)
	}
}
