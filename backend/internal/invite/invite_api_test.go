package invite_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// The whole journey of two invites: the kandidaten get a B1 mail with a
// single-use link; one accepts (without phone), one declines; only the
// accepting one's contact details reach the organisation, audited; the
// klantmanager follows both; an introduction, intake and placement follow.
func TestInviteJourney(t *testing.T) {
	f := apptest.New(t)
	f.BootstrapCandidates()
	opening := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	c1, mail1 := f.Inviteable("Anouk Jansen")
	c2, mail2 := f.Inviteable("Bram Peters")
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	created := wg.Invite(opening, http.StatusCreated, c1, c2)
	if len(created.Items) != 2 || created.Items[0].State != "invited" {
		t.Fatalf("created: %+v", created)
	}
	byCandidate := map[string]string{}
	for _, in := range created.Items {
		byCandidate[in.CandidateID] = in.ID
	}
	m1 := f.Inbox.Next(t, mail1, 20*time.Second)
	body := strings.ReplaceAll(m1.Data, "=\r\n", "")
	for _, want := range []string{"Bakkerij De Korenschoof wil graag met u kennismaken", "Bakker (ochtend)", "20 tot 30 uur per week", "Kom kennismaken!", "De werkgever ziet uw naam pas als u ja zegt", "/uitnodiging-werk#token=",
		// by name, in one language, with the days and the klantmanager to ask
		"Beste Anouk Jansen,", "Wanneer: maandag en dinsdag, in de ochtend", "Vragen? Uw klantmanager is ", apptest.KmA} {
		if !strings.Contains(body, want) {
			t.Errorf("invite mail lacks %q:\n%s", want, body)
		}
	}
	for _, unwanted := range []string{"Hello", "Would you like", "----", "Kandidaat K-", "Bel of mail uw klantmanager"} {
		if strings.Contains(body, unwanted) {
			t.Errorf("invite mail has %q:\n%s", unwanted, body)
		}
	}
	token1 := apptest.TokenInMail.FindStringSubmatch(body)[1]
	token2 := f.MailedToken(mail2)
	// The klantmanager hears of it, in the app and by mail.
	if n := f.Count(`SELECT count(*) FROM notifications WHERE user_id = ? AND kind = 'invite_created'`, f.User[apptest.KmA]); n != 2 {
		t.Errorf("klantmanager notifications: %d", n)
	}
	f.Inbox.Next(t, apptest.KmA, 20*time.Second)

	anon := f.Browser()
	var offer struct {
		State, OrganisationName, OpeningTitle, Message string
		Shares                                         []string
	}
	anon.Call("POST", "/api/v1/invite-links/views", fmt.Sprintf(`{"token":%q}`, token1), http.StatusOK, &offer)
	if offer.State != "viewed" || offer.OrganisationName != "Bakkerij De Korenschoof" || !slices.Contains(offer.Shares, "phone") {
		t.Fatalf("offer: %+v", offer)
	}
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept","sharePhone":false}`, token1), http.StatusOK, &offer)
	if offer.State != "accepted" {
		t.Fatalf("after accept: %+v", offer)
	}
	// Accepting again answers the same; the used link declines nothing; a forged link is unknown.
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, token1), http.StatusOK, nil)
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"decline"}`, token1), http.StatusGone, nil)
	anon.Call("POST", "/api/v1/invite-links/views", `{"token":"dit-is-geen-echte-link-dit-is-geen-echte-link"}`, http.StatusNotFound, nil)
	if n := f.Count(`SELECT count(*) FROM disclosures WHERE invite_id = ?`, byCandidate[c1]); n != 1 {
		t.Errorf("disclosures after a double accept: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM invite_events WHERE invite_id = ? AND to_state = 'accepted'`, byCandidate[c1]); n != 1 {
		t.Errorf("accepted events: %d", n)
	}
	// The decision's time is on the invite too, the instant of its event (the figures read it).
	if n := f.Count(`SELECT count(*) FROM invites i JOIN invite_events e ON e.invite_id = i.id AND e.to_state = 'accepted'
		WHERE i.id = ? AND i.decided_at = e.occurred_at`, byCandidate[c1]); n != 1 {
		t.Errorf("decided_at is not the accept event's time (%d)", n)
	}
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"decline","reason":"reistijd","note":"Te ver met de bus."}`, token2), http.StatusOK, &offer)
	if offer.State != "declined" {
		t.Fatalf("after decline: %+v", offer)
	}
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"decline","reason":"weet-niet"}`, token2), http.StatusBadRequest, nil)

	// The organisation sees the accepting kandidaat's name and e-mail (not the unticked phone), audited.
	var contact struct{ Name, Email, Phone string }
	wg.Call("GET", "/api/v1/invites/"+byCandidate[c1]+"/contact", "", http.StatusOK, &contact)
	if contact.Name != "Anouk Jansen" || contact.Email != mail1 || contact.Phone != "" {
		t.Errorf("contact: %+v", contact)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'candidate.identity_read' AND subject_id = ? AND actor_user_id = ? AND details->>'via' = ?`,
		c1, f.User[apptest.WerkgeverA], "invite:"+byCandidate[c1]); n != 1 {
		t.Errorf("audited contact reads: %d", n)
	}
	var p apptest.Problem
	wg.Call("GET", "/api/v1/invites/"+byCandidate[c2]+"/contact", "", http.StatusConflict, &p)
	if p.Code != "notDisclosed" {
		t.Errorf("declined contact: %+v", p)
	}
	// Nothing of the declining kandidaat's identity appears to the organisation.
	_, raw := wg.Do("GET", "/api/v1/openings/"+opening+"/invites", "")
	if strings.Contains(string(raw), "Bram") || strings.Contains(string(raw), mail2) || strings.Contains(string(raw), "Anouk") {
		t.Errorf("invite list shows personal data: %s", raw)
	}
	// Another organisation and another region see none of it.
	for _, b := range []*apptest.Browser{f.Browser().SignIn(apptest.Werkgever2), f.Browser().SignIn(apptest.WerkgeverB)} {
		b.Call("GET", "/api/v1/invites/"+byCandidate[c1], "", http.StatusNotFound, nil)
		b.Call("GET", "/api/v1/invites/"+byCandidate[c1]+"/contact", "", http.StatusNotFound, nil)
		b.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/state-changes", `{"state":"introduced"}`, http.StatusNotFound, nil)
	}
	f.Browser().SignIn(apptest.AmA).Call("GET", "/api/v1/invites/"+byCandidate[c1]+"/contact", "", http.StatusForbidden, nil)

	// The klantmanager sees both outcomes, step by step.
	var km apptest.InviteList
	f.Browser().SignIn(apptest.KmA).Call("GET", "/api/v1/candidates/"+c2+"/invites", "", http.StatusOK, &km)
	if len(km.Items) != 1 || km.Items[0].State != "declined" || len(km.Items[0].Events) != 2 || km.Items[0].Events[1].Actor != "kandidaat" || km.Items[0].Events[1].Reason != "reistijd" {
		t.Fatalf("klantmanager's view of the declined invite: %+v", km)
	}
	f.Browser().SignIn("km.bakker@demo.werkhaven.nl").Call("GET", "/api/v1/candidates/"+c2+"/invites", "", http.StatusNotFound, nil)

	// Placement without an introduction, or of the one who declined: 409, nothing stored.
	placement := `{"startDate":%q,"contractType":"tijdelijk","hours":24,"hourlyWageCents":1500,"trialPeriodMonths":1}`
	start := f.Clock().Format(time.DateOnly)
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c2]+"/placement", fmt.Sprintf(placement, start), http.StatusConflict, nil)
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/placement", fmt.Sprintf(placement, start), http.StatusConflict, nil)
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/placement", `{"startDate":"2026-13-40","contractType":"tijdelijk","hours":24,"hourlyWageCents":1450}`, http.StatusBadRequest, nil)
	if n := f.Count(`SELECT count(*) FROM placements`); n != 0 {
		t.Fatalf("placements after refusals: %d", n)
	}
	var in apptest.Invite
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/state-changes", `{"state":"introduced","reason":"Gebeld, leuk gesprek."}`, http.StatusOK, &in)
	wg.Call("PUT", "/api/v1/invites/"+byCandidate[c1]+"/intake", fmt.Sprintf(`{"at":%q,"mode":"op_locatie","place":"Oudegracht 1, Utrecht"}`, f.Clock().Add(48*time.Hour).Format(time.RFC3339)), http.StatusOK, &in)
	if in.State != "intake_planned" {
		t.Fatalf("intake: %+v", in)
	}
	// The kandidaat hears of the talk in the app and by mail (B1, by name): when, where and whom to ask for.
	var kUser, werkgeverName string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT user_id::text FROM candidates WHERE id = ?`, c1).Row().Scan(&kUser))
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT display_name FROM users WHERE email = ?`, apptest.WerkgeverA).Row().Scan(&werkgeverName))
	told := func(kind string, wants ...string) {
		t.Helper()
		var title, link string
		apptest.Must(t, f.DB.Gorm.Raw(`SELECT title_nl, link FROM notifications WHERE user_id = ? AND kind = ? ORDER BY created_at DESC LIMIT 1`, kUser, kind).Row().Scan(&title, &link))
		for _, w := range append(wants, "Bakkerij De Korenschoof", "Bakker (ochtend)", werkgeverName) {
			if !strings.Contains(title, w) {
				t.Errorf("%s notice lacks %q: %q", kind, w, title)
			}
		}
		if link != "/mijn-uitnodigingen/"+byCandidate[c1] {
			t.Errorf("%s notice links to %q", kind, link)
		}
		m := strings.ReplaceAll(f.Inbox.Next(t, mail1, 20*time.Second).Data, "=\r\n", "")
		for _, w := range []string{"Beste Anouk Jansen,", "Vraag naar", "Uw klantmanager is "} {
			if !strings.Contains(m, w) && !(w == "Vraag naar" && kind == "placed") {
				t.Errorf("%s mail lacks %q:\n%s", kind, w, m)
			}
		}
	}
	told("intake_planned", "Wanneer: ", " om ", "Waar: Oudegracht 1, Utrecht.", "Vraag naar ")
	wg.Call("PUT", "/api/v1/invites/"+byCandidate[c1]+"/intake", `{"at":"2020-01-01T10:00:00Z","mode":"per-duif"}`, http.StatusBadRequest, nil)
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/placement", fmt.Sprintf(placement, start), http.StatusCreated, &in)
	if in.State != "placed" || in.Placement == nil {
		t.Fatalf("placement: %+v", in)
	}
	told("placed", "U begint op ", "uur per week", "Vraag op uw eerste dag naar ")
	if n := f.Count(`SELECT count(*) FROM candidates WHERE id = ? AND status = 'placed'`, c1); n != 1 {
		t.Error("the placed candidate's status is not placed")
	}
	if n := f.Count(`SELECT count(*) FROM follow_ups WHERE placement_id = ?`, in.Placement.ID); n != 3 {
		t.Errorf("follow-ups planned: %d", n)
	}
	// The opening had one place: with its placement it is filled (issue 22).
	var o apptest.Opening
	wg.Call("GET", "/api/v1/openings/"+opening, "", http.StatusOK, &o)
	if o.State != "filled" || f.Count(`SELECT count(*) FROM opening_events WHERE opening_id = ? AND to_state = 'filled'`, opening) != 1 ||
		f.Count(`SELECT count(*) FROM openings WHERE id = ? AND filled_count = 1`, opening) != 1 {
		t.Errorf("after the placement of its one place the opening is %s", o.State)
	}
	// The index follows: the document says placed, which every pool filters out.
	deadline := time.Now().Add(20 * time.Second)
	for {
		var doc candidate.Document
		err := testkit.Meili(t).Index(f.Search.UID(candidate.IndexName)).GetDocumentWithContext(testkit.Context(t), c1, nil, &doc)
		if err == nil && doc.Status == "placed" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the candidates index does not show the placement: %+v %v", doc, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/placement", fmt.Sprintf(placement, start), http.StatusConflict, nil)
	// The event log is append-only.
	if err := f.DB.Gorm.Exec(`UPDATE invite_events SET reason = 'x'`).Error; err == nil {
		t.Error("invite_events accepted an UPDATE")
	}
}

// The kandidaat's own view: Mijn uitnodigingen, the klantmanager's advice,
// accept with phone, and withdrawing the disclosure again.
func TestMyInvites(t *testing.T) {
	f := apptest.New(t)
	wg, o, id := f.InviteMyCandidate()
	var in apptest.Invite
	f.Browser().SignIn(apptest.KmA).Call("PUT", "/api/v1/invites/"+id+"/advice", `{"advice":"Goede plek, dichtbij huis. Bel mij als u twijfelt."}`, http.StatusOK, &in)
	me := f.Kandidaat()
	var mine struct {
		Items []struct {
			ID, State, OrganisationName, Kind, Place string
			HoursMax                                 int
		} `json:"items"`
	}
	me.Call("GET", "/api/v1/me/invites", "", http.StatusOK, &mine)
	if len(mine.Items) != 1 || mine.Items[0].ID != id || mine.Items[0].OrganisationName != "Bakkerij De Korenschoof" ||
		mine.Items[0].Kind != "vacature" || mine.Items[0].Place == "" || mine.Items[0].HoursMax != 30 {
		t.Fatalf("my invites: %+v", mine)
	}
	var offer struct{ State, Advice string }
	me.Call("GET", "/api/v1/me/invites/"+id, "", http.StatusOK, &offer)
	if offer.State != "viewed" || !strings.Contains(offer.Advice, "dichtbij huis") {
		t.Fatalf("my invite: %+v", offer)
	}
	me.Call("POST", "/api/v1/me/invites/"+id+"/decision", `{"decision":"accept","sharePhone":true,"reason":"reistijd"}`, http.StatusBadRequest, nil)
	me.Call("POST", "/api/v1/me/invites/"+id+"/decision", `{"decision":"accept","sharePhone":true}`, http.StatusOK, &offer)
	var contact struct{ Name, Phone string }
	wg.Call("GET", "/api/v1/invites/"+id+"/contact", "", http.StatusOK, &contact)
	if contact.Phone != "06 11223344" {
		t.Errorf("shared phone: %+v", contact)
	}
	me.Call("DELETE", "/api/v1/me/invites/"+id+"/disclosure", "", http.StatusOK, nil)
	wg.Call("GET", "/api/v1/invites/"+id+"/contact", "", http.StatusConflict, nil)
	me.Call("DELETE", "/api/v1/me/invites/"+id+"/disclosure", "", http.StatusConflict, nil)
	wg.Call("POST", "/api/v1/invites/"+id+"/state-changes", `{"state":"introduced"}`, http.StatusOK, nil)
	wg.Call("PUT", "/api/v1/invites/"+id+"/intake", fmt.Sprintf(`{"at":%q,"mode":"online"}`, f.Clock().Add(time.Hour).Format(time.RFC3339)), http.StatusConflict, nil)
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'disclosure_withdrawn' AND user_id = ?`, f.User[apptest.WerkgeverA]); n != 1 {
		t.Errorf("the organisation is not told: %d", n)
	}
	// Another kandidaat's invite is not mine.
	other, _ := f.Inviteable("Ander Mens")
	otherID := wg.Invite(o, http.StatusCreated, other).Items[0].ID
	me.Call("GET", "/api/v1/me/invites/"+otherID, "", http.StatusNotFound, nil)
	me.Call("POST", "/api/v1/me/invites/"+otherID+"/decision", `{"decision":"decline"}`, http.StatusNotFound, nil)

	// Wie heeft naar mij gevraagd: pool appearances per week, counts only.
	apptest.Must(t, f.DB.Gorm.Exec(`INSERT INTO pool_views (region_id, opening_id, organisation_id, candidate_id, viewer_role, viewed_at) VALUES
		(?, ?, ?, ?, 'werkgever', ?), (?, ?, ?, ?, 'werkgever', ?), (?, ?, ?, ?, 'accountmanager', ?)`,
		f.RegionA, o, f.Org["Bakkerij De Korenschoof"], f.MyCandidate, f.Clock(),
		f.RegionA, o, f.Org["Bakkerij De Korenschoof"], f.MyCandidate, f.Clock().Add(-time.Minute),
		f.RegionA, o, f.Org["Bakkerij De Korenschoof"], f.MyCandidate, f.Clock()).Error)
	var weeks struct {
		Weeks []struct {
			Week     string
			Openings int
		} `json:"weeks"`
	}
	_, raw := me.Do("GET", "/api/v1/me/pool-appearances", "")
	me.Call("GET", "/api/v1/me/pool-appearances", "", http.StatusOK, &weeks)
	if len(weeks.Weeks) != 1 || weeks.Weeks[0].Openings != 1 || strings.Contains(string(raw), "Korenschoof") {
		t.Errorf("appearances: %s", raw)
	}
}

// Bad input and refusals change nothing.
func TestInviteRefusals(t *testing.T) {
	f := apptest.New(t)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	ok, _ := f.Inviteable("Cor Vermeer")
	noConsent := f.NewCandidate("Geen Toestemming", fmt.Sprintf("geen%d@example.org", apptest.Uniq()))
	noMail := f.NewCandidate("Geen Mail", "")
	f.ConsentTo(noMail)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	before := f.Count(`SELECT count(*) FROM invites`)
	var p apptest.Problem
	for _, body := range []string{`{"candidateIds":[],"message":"Hoi"}`, fmt.Sprintf(`{"candidateIds":[%q],"message":"   "}`, ok),
		fmt.Sprintf(`{"candidateIds":[%q,%q],"message":"Hoi"}`, ok, ok), `{"candidateIds":["geen-uuid"],"message":"Hoi"}`,
		`{"candidateIds":"x","message":"Hoi"}`, `{"candidateIds":[`, fmt.Sprintf(`{"candidateIds":[%q],"message":%q}`, ok, strings.Repeat("a", 1001)),
		`{"candidateIds":["00000000-0000-0000-0000-000000000001"],"message":"Hoi"}`} {
		wg.Call("POST", "/api/v1/openings/"+o+"/invites", body, http.StatusBadRequest, &p)
		if len(p.InvalidParams) == 0 {
			t.Errorf("%s: no invalidParams: %+v", body, p)
		}
	}
	wg.Call("POST", "/api/v1/openings/"+o+"/invites", fmt.Sprintf(`{"candidateIds":[%q,%q,%q],"message":"Hoi"}`, ok, noConsent, noMail), http.StatusConflict, &p)
	if p.Code != "notInvitable" || !slices.Contains(p.Names(), "candidateIds[1]") || !slices.Contains(p.Names(), "candidateIds[2]") || len(p.InvalidParams) != 2 {
		t.Errorf("not invitable: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM invites`); n != before {
		t.Fatalf("a refused batch stored %d invites", n-before)
	}
	first := wg.Invite(o, http.StatusCreated, ok).Items[0].ID
	wg.Call("POST", "/api/v1/openings/"+o+"/invites", fmt.Sprintf(`{"candidateIds":[%q],"message":"Nog eens"}`, ok), http.StatusConflict, &p)
	if p.InvalidParams[0].Code != "alreadyInvited" {
		t.Errorf("second invite: %+v", p)
	}
	// Tenancy: another organisation's and another region's opening and invite answer 404.
	f.Browser().SignIn(apptest.Werkgever2).Call("POST", "/api/v1/openings/"+o+"/invites", fmt.Sprintf(`{"candidateIds":[%q],"message":"Hoi"}`, ok), http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.AdminB).Call("GET", "/api/v1/invites/"+first, "", http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.AdminB).Call("POST", "/api/v1/openings/"+o+"/invites", fmt.Sprintf(`{"candidateIds":[%q],"message":"Hoi"}`, ok), http.StatusNotFound, nil)
	// Wrong transitions: introduced before acceptance; an unknown state.
	wg.Call("POST", "/api/v1/invites/"+first+"/state-changes", `{"state":"introduced"}`, http.StatusConflict, &p)
	if p.Code != "stateTransition" {
		t.Errorf("introduced before acceptance: %+v", p)
	}
	wg.Call("POST", "/api/v1/invites/"+first+"/state-changes", `{"state":"accepted"}`, http.StatusBadRequest, nil)
	// Withdrawn, then the kandidaat's accept answers 409.
	wg.Call("POST", "/api/v1/invites/"+first+"/state-changes", `{"state":"withdrawn","reason":"Vacature vervuld"}`, http.StatusOK, nil)
	token := f.MailedToken(mailOf(f, ok))
	f.Browser().Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, token), http.StatusConflict, &p)
	if p.Code != "inviteWithdrawn" {
		t.Errorf("accept after withdrawal: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM disclosures`); n != 0 {
		t.Errorf("disclosures after refusals: %d", n)
	}
	// A withdrawn invite may be sent again.
	wg.Invite(o, http.StatusCreated, ok)

	// Limits: the region allows 2 open invites per opening and 3 per organisation per day.
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE regions SET settings = jsonb_set(settings, '{invites}', '{"perOpening":2,"perOrganisationPerDay":3}') WHERE id = ?`, f.RegionA).Error)
	a, _ := f.Inviteable("Limiet Een")
	b, _ := f.Inviteable("Limiet Twee")
	wg.Call("POST", "/api/v1/openings/"+o+"/invites", fmt.Sprintf(`{"candidateIds":[%q,%q],"message":"Hoi"}`, a, b), http.StatusTooManyRequests, &p)
	var lim struct {
		Code  string
		Limit int
	}
	_, raw := wg.Do("POST", "/api/v1/openings/"+o+"/invites", fmt.Sprintf(`{"candidateIds":[%q,%q],"message":"Hoi"}`, a, b))
	apptest.Must(t, json.Unmarshal(raw, &lim))
	if lim.Code != "invitesPerOpening" || lim.Limit != 2 {
		t.Errorf("per opening limit: %s", raw)
	}
	o2 := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	wg.Invite(o2, http.StatusCreated, a)
	resp, raw := wg.Do("POST", "/api/v1/openings/"+o2+"/invites", fmt.Sprintf(`{"candidateIds":[%q],"message":"Hoi"}`, b))
	apptest.Must(t, json.Unmarshal(raw, &lim))
	if resp.StatusCode != http.StatusTooManyRequests || lim.Code != "invitesPerDay" || lim.Limit != 3 || resp.Header.Get("Retry-After") == "" {
		t.Errorf("per day limit: %d %s", resp.StatusCode, raw)
	}
	// A closed opening invites nobody.
	closed := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	wg.MoveOpening(closed, `{"state":"closed"}`, http.StatusOK)
	wg.Call("POST", "/api/v1/openings/"+closed+"/invites", fmt.Sprintf(`{"candidateIds":[%q],"message":"Hoi"}`, b), http.StatusConflict, &p)
	if p.Code != "openingNotOpen" {
		t.Errorf("closed opening: %+v", p)
	}
}

// mailOf is the e-mail address of a candidate's kandidaat account.
func mailOf(f *apptest.Fixture, candidateID string) string {
	var email string
	apptest.Must(f.T, f.DB.Gorm.Raw(`SELECT u.email FROM users u JOIN candidates c ON c.user_id = u.id WHERE c.id = ?`, candidateID).Row().Scan(&email))
	return email
}

// Concurrent answers on one invite: 20 accepts give one transition and one
// disclosure; accepts racing declines end in exactly one decision.
func TestInviteRace(t *testing.T) {
	f := apptest.New(t)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	race := func(decisions []string) map[int]int {
		c, email := f.Inviteable("Race Kandidaat")
		id := wg.Invite(o, http.StatusCreated, c).Items[0].ID
		token := f.MailedToken(email)
		codes := map[int]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for _, d := range decisions {
			wg.Add(1)
			go func() {
				defer wg.Done()
				resp, _ := f.Browser().Do("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":%q}`, token, d))
				mu.Lock()
				codes[resp.StatusCode]++
				mu.Unlock()
			}()
		}
		wg.Wait()
		if n := f.Count(`SELECT count(*) FROM invite_events WHERE invite_id = ? AND to_state IN ('accepted', 'declined')`, id); n != 1 {
			t.Errorf("%v: %d decision events, want 1 (codes %v)", decisions, n, codes)
		}
		if n := f.Count(`SELECT count(*) FROM disclosures WHERE invite_id = ?`, id); n > 1 {
			t.Errorf("%d disclosures", n)
		}
		return codes
	}
	accepts := make([]string, 20)
	for i := range accepts {
		accepts[i] = "accept"
	}
	if codes := race(accepts); codes[http.StatusOK] != 20 {
		t.Errorf("20 accepts: %v, want all 200 (idempotent)", codes)
	}
	mixed := make([]string, 20)
	for i := range mixed {
		mixed[i] = []string{"accept", "decline"}[i%2]
	}
	codes := race(mixed)
	if codes[http.StatusInternalServerError] != 0 || codes[http.StatusOK] < 1 || codes[http.StatusOK]+codes[http.StatusGone] != 20 {
		t.Errorf("accept/decline race: %v", codes)
	}
}

// The timers: a reminder after 3 days with a second working link, expiry
// after 7, and the follow-ups at 4, 13 and 26 weeks with a reminder; yes at
// 26 weeks is duurzame uitstroom, an early end cancels the rest.
func TestInviteTimers(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	c, email := f.Inviteable("Timer Kandidaat")
	// Sessions end while the clock moves on: sign in anew for each step.
	wg := func() *apptest.Browser { return f.Browser().SignIn(apptest.WerkgeverA) }
	am := func() *apptest.Browser { return f.Browser().SignIn(apptest.AmA) }
	id := wg().Invite(o, http.StatusCreated, c).Items[0].ID
	first := f.MailedToken(email)
	sweep := func() invite.SweepResult {
		res, err := f.Invites.Sweep(ctx)
		apptest.Must(t, err)
		return res
	}
	f.Advance(2 * 24 * time.Hour)
	if res := sweep(); res.Reminded != 0 || res.Expired != 0 {
		t.Fatalf("after 2 days: %+v", res)
	}
	f.Advance(24*time.Hour + time.Minute)
	if res := sweep(); res.Reminded != 1 {
		t.Fatalf("after 3 days: %+v", res)
	}
	m := f.Inbox.Next(t, email, 20*time.Second)
	second := apptest.TokenInMail.FindStringSubmatch(strings.ReplaceAll(m.Data, "=\r\n", ""))[1]
	if !strings.Contains(m.Data, "Herinnering") || second == first {
		t.Fatalf("reminder mail: %s", m.Data)
	}
	if res := sweep(); res.Reminded != 0 {
		t.Fatalf("a second reminder: %+v", res)
	}
	anon := f.Browser()
	anon.Call("POST", "/api/v1/invite-links/views", fmt.Sprintf(`{"token":%q}`, first), http.StatusOK, nil)
	anon.Call("POST", "/api/v1/invite-links/views", fmt.Sprintf(`{"token":%q}`, second), http.StatusOK, nil)
	f.Advance(4 * 24 * time.Hour)
	if res := sweep(); res.Expired != 1 {
		t.Fatalf("after 7 days: %+v", res)
	}
	var p apptest.Problem
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, second), http.StatusConflict, &p)
	if p.Code != "inviteExpired" {
		t.Errorf("accept after expiry: %+v", p)
	}
	var in apptest.Invite
	wg().Call("GET", "/api/v1/invites/"+id, "", http.StatusOK, &in)
	if in.State != "expired" || in.Events[len(in.Events)-1].Actor != "system" {
		t.Errorf("expired invite: %+v", in)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'invite_expired' AND user_id = ?`, f.User[apptest.WerkgeverA]); n != 1 {
		t.Errorf("expiry notifications: %d", n)
	}

	// Two placements: one lasts 26 weeks, one ends after the first follow-up
	// (two places, or the first placement fills the opening).
	wg().Call("PATCH", "/api/v1/openings/"+o, `{"places":2}`, http.StatusOK, nil)
	place := func(name string) string {
		c, email := f.Inviteable(name)
		id := wg().Invite(o, http.StatusCreated, c).Items[0].ID
		f.Browser().Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, f.MailedToken(email)), http.StatusOK, nil)
		wg().Call("POST", "/api/v1/invites/"+id+"/state-changes", `{"state":"introduced"}`, http.StatusOK, nil)
		wg().Call("POST", "/api/v1/invites/"+id+"/placement", fmt.Sprintf(`{"startDate":%q,"contractType":"vast","hours":32,"hourlyWageCents":1500}`, f.Clock().Format(time.DateOnly)), http.StatusCreated, nil)
		return id
	}
	lasting, ending := place("Blijft Werken"), place("Stopt Vroeg")
	type followUps struct {
		Items []struct {
			ID, InviteID string
			Week         int
		} `json:"items"`
	}
	due := func() map[string]string {
		var list followUps
		am().Call("GET", "/api/v1/follow-ups?due=true", "", http.StatusOK, &list)
		out := map[string]string{}
		for _, it := range list.Items {
			out[fmt.Sprintf("%s/%d", it.InviteID, it.Week)] = it.ID
		}
		return out
	}
	if len(due()) != 0 {
		t.Fatal("follow-ups due before 4 weeks")
	}
	var all followUps
	am().Call("GET", "/api/v1/follow-ups", "", http.StatusOK, &all)
	am().Call("POST", "/api/v1/follow-ups/"+all.Items[0].ID+"/answer", `{"stillEmployed":true}`, http.StatusConflict, &p)
	if p.Code != "followUpNotDue" {
		t.Errorf("answer before due: %+v", p)
	}
	f.Advance(4*7*24*time.Hour + time.Hour)
	if res := sweep(); res.FollowUpsDue != 2 {
		t.Fatalf("follow-ups at 4 weeks: %+v", res)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'follow_up_due' AND user_id = ?`, f.User[apptest.AmA]); n != 2 {
		t.Errorf("the accountmanager's follow-up tasks: %d", n)
	}
	d := due()
	am().Call("POST", "/api/v1/follow-ups/"+d[lasting+"/4"]+"/answer", `{"stillEmployed":true}`, http.StatusOK, nil)
	am().Call("POST", "/api/v1/follow-ups/"+d[lasting+"/4"]+"/answer", `{"stillEmployed":true}`, http.StatusConflict, nil)
	am().Call("POST", "/api/v1/follow-ups/"+d[ending+"/4"]+"/answer", `{"stillEmployed":false}`, http.StatusBadRequest, nil)
	am().Call("POST", "/api/v1/follow-ups/"+d[ending+"/4"]+"/answer", `{"stillEmployed":false,"endedOn":"","endReason":"proeftijd"}`, http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "endedOn" || p.InvalidParams[0].Code != "required" {
		t.Errorf("an empty end date: %+v", p)
	}
	// Not answered for a week: a reminder.
	f.Advance(7*24*time.Hour + time.Hour)
	if res := sweep(); res.FollowUpsReminded != 1 {
		t.Fatalf("follow-up reminder: %+v", res)
	}
	wg().Call("POST", "/api/v1/follow-ups/"+d[ending+"/4"]+"/answer", fmt.Sprintf(`{"stillEmployed":false,"endedOn":%q,"endReason":"proeftijd"}`, f.Clock().Format(time.DateOnly)), http.StatusOK, nil)
	f.Advance(9*7*24*time.Hour + time.Hour)
	sweep()
	d = due()
	if _, ok := d[ending+"/13"]; ok || d[lasting+"/13"] == "" {
		t.Fatalf("follow-ups at 13 weeks: %v", d)
	}
	am().Call("POST", "/api/v1/follow-ups/"+d[lasting+"/13"]+"/answer", `{"stillEmployed":true}`, http.StatusOK, nil)
	f.Advance(13*7*24*time.Hour + time.Hour)
	sweep()
	am().Call("POST", "/api/v1/follow-ups/"+due()[lasting+"/26"]+"/answer", `{"stillEmployed":true}`, http.StatusOK, nil)
	var li, ei apptest.Invite
	wg().Call("GET", "/api/v1/invites/"+lasting, "", http.StatusOK, &li)
	wg().Call("GET", "/api/v1/invites/"+ending, "", http.StatusOK, &ei)
	if li.Placement == nil || li.Placement.Durable == nil || !*li.Placement.Durable || ei.Placement.Durable == nil || *ei.Placement.Durable {
		t.Errorf("duurzame uitstroom: lasting %+v, ending %+v", li.Placement, ei.Placement)
	}
	f.Browser().SignIn(apptest.Werkgever2).Call("POST", "/api/v1/follow-ups/"+d[lasting+"/13"]+"/answer", `{"stillEmployed":true}`, http.StatusNotFound, nil)
}

// With the region's approval rule, an organisation's invites wait for the
// accountmanager; the kandidaat hears nothing until approved.
func TestInviteApproval(t *testing.T) {
	f := apptest.New(t)
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE regions SET settings = jsonb_set(settings, '{invites}', '{"approval":true}') WHERE id = ?`, f.RegionA).Error)
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE organisations SET accountmanager_id = ? WHERE id = ?`, f.User[apptest.AmA], f.Org["Bakkerij De Korenschoof"]).Error)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	c, email := f.Inviteable("Wacht Even")
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	in := wg.Invite(o, http.StatusCreated, c).Items[0]
	if in.State != "awaiting_approval" {
		t.Fatalf("state: %s", in.State)
	}
	if n := f.Count(`SELECT count(*) FROM mail_outbox WHERE user_id = (SELECT user_id FROM candidates WHERE id = ?)`, c); n != 0 {
		t.Fatal("the kandidaat got mail before approval")
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'invite_approval' AND user_id = ?`, f.User[apptest.AmA]); n != 1 {
		t.Errorf("approval notifications: %d", n)
	}
	wg.Call("POST", "/api/v1/invites/"+in.ID+"/state-changes", `{"state":"invited"}`, http.StatusForbidden, nil)
	var out apptest.Invite
	f.Browser().SignIn(apptest.AmA).Call("POST", "/api/v1/invites/"+in.ID+"/state-changes", `{"state":"invited"}`, http.StatusOK, &out)
	if out.State != "invited" {
		t.Fatalf("approved: %+v", out)
	}
	f.MailedToken(email)
}

// Notifications: every role's list with an unread count, marking read, and
// the per-user choice of mail.
func TestNotifications(t *testing.T) {
	f := apptest.New(t)
	km := f.Browser().SignIn(apptest.KmA)
	km.Call("PUT", "/api/v1/notification-settings", `{"items":[{"kind":"invite_created","mail":false}]}`, http.StatusOK, nil)
	km.Call("PUT", "/api/v1/notification-settings", `{"items":[{"kind":"iets","mail":false}]}`, http.StatusBadRequest, nil)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	c, email := f.Inviteable("Melding Test")
	f.Browser().SignIn(apptest.WerkgeverA).Invite(o, http.StatusCreated, c)
	f.MailedToken(email)
	var list struct {
		Items []struct {
			ID, Kind, TitleNl, Link string
			Read                    bool
		} `json:"items"`
		Unread int `json:"unread"`
	}
	km.Call("GET", "/api/v1/notifications", "", http.StatusOK, &list)
	if list.Unread != 1 || len(list.Items) != 1 || list.Items[0].Kind != "invite_created" || !strings.Contains(list.Items[0].TitleNl, "Bakkerij De Korenschoof") {
		t.Fatalf("notifications: %+v", list)
	}
	if strings.Contains(list.Items[0].TitleNl, "Melding Test") {
		t.Error("a notification names the candidate")
	}
	if n := f.Count(`SELECT count(*) FROM mail_outbox WHERE user_id = ?`, f.User[apptest.KmA]); n != 0 {
		t.Errorf("mail despite the setting: %d", n)
	}
	km.Call("POST", "/api/v1/notification-reads", `{"ids":["geen-id"]}`, http.StatusBadRequest, nil)
	km.Call("POST", "/api/v1/notification-reads", fmt.Sprintf(`{"ids":[%q]}`, list.Items[0].ID), http.StatusNoContent, nil)
	km.Call("GET", "/api/v1/notifications", "", http.StatusOK, &list)
	if list.Unread != 0 || !list.Items[0].Read {
		t.Errorf("after reading: %+v", list)
	}
	// Every user sees only their own; marking another's read changes nothing.
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	var theirs struct {
		Items []struct{ ID string } `json:"items"`
	}
	wg.Call("GET", "/api/v1/notifications", "", http.StatusOK, &theirs)
	for _, it := range theirs.Items {
		if it.ID == list.Items[0].ID {
			t.Error("the werkgever sees the klantmanager's notification")
		}
	}
	c2, email2 := f.Inviteable("Melding Twee")
	f.Browser().SignIn(apptest.WerkgeverA).Invite(o, http.StatusCreated, c2)
	f.MailedToken(email2)
	km.Call("GET", "/api/v1/notifications", "", http.StatusOK, &list)
	wg.Call("POST", "/api/v1/notification-reads", fmt.Sprintf(`{"ids":[%q]}`, list.Items[0].ID), http.StatusNoContent, nil)
	km.Call("GET", "/api/v1/notifications", "", http.StatusOK, &list)
	if list.Unread != 1 {
		t.Errorf("another user marked my notification read: %+v", list)
	}
}

// A placement's wage must be able to be one (hardening finding 6: a paid
// contract at 1 cent an hour was accepted): unpaid kinds carry none, a paid
// contract pays at least the lowest youth minimum wage, and below the adult
// minimum wage it says why (jeugdloon or loondispensatie).
func TestPlacementWage(t *testing.T) {
	f := apptest.New(t)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	c, email := f.Inviteable("Loon Kandidaat")
	id := wg.Invite(o, http.StatusCreated, c).Items[0].ID
	f.Browser().Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, f.MailedToken(email)), http.StatusOK, nil)
	wg.Call("POST", "/api/v1/invites/"+id+"/state-changes", `{"state":"introduced"}`, http.StatusOK, nil)
	start := f.Clock().Format(time.DateOnly)
	minimum, _, err := f.App.Subsidies.HourlyMinimum(context.Background(), nil, f.Clock())
	if err != nil {
		t.Fatal(err)
	}
	body := func(contract string, cents int64, reason string) string {
		r := ""
		if reason != "" {
			r = fmt.Sprintf(`,"belowMinimumWageReason":%q`, reason)
		}
		return fmt.Sprintf(`{"startDate":%q,"contractType":%q,"hours":24,"hourlyWageCents":%d%s}`, start, contract, cents, r)
	}
	for _, c := range []struct {
		body, field, code string
	}{
		{body("tijdelijk", 1, ""), "hourlyWageCents", "minimum"},
		{body("vast", 0, ""), "hourlyWageCents", "minimum"},
		{body("tijdelijk", 1, "loondispensatie"), "hourlyWageCents", "minimum"},
		{body("tijdelijk", minimum-1, ""), "hourlyWageCents", "belowMinimumWage"},
		{body("tijdelijk", minimum, "jeugdloon"), "belowMinimumWageReason", "notBelowMinimum"},
		{body("proefplaatsing", 1500, ""), "hourlyWageCents", "unpaid"},
		{body("geen", 0, "jeugdloon"), "belowMinimumWageReason", "unpaid"},
		{body("tijdelijk", minimum-1, "stagevergoeding"), "belowMinimumWageReason", "enum"},
	} {
		var p apptest.Problem
		wg.Call("POST", "/api/v1/invites/"+id+"/placement", c.body, http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != c.field || p.InvalidParams[0].Code != c.code || p.InvalidParams[0].Reason == "" {
			t.Errorf("%s: %+v, want %s %s", c.body, p.InvalidParams, c.field, c.code)
		}
	}
	if n := f.Count(`SELECT count(*) FROM placements`); n != 0 {
		t.Fatalf("refused placements were stored: %d", n)
	}
	// Below the adult minimum with its reason: recorded, with the reason.
	var in struct {
		Placement struct {
			HourlyWageCents        int64  `json:"hourlyWageCents"`
			BelowMinimumWageReason string `json:"belowMinimumWageReason"`
		} `json:"placement"`
	}
	wg.Call("POST", "/api/v1/invites/"+id+"/placement", body("tijdelijk", minimum*3/4, "jeugdloon"), http.StatusCreated, &in)
	if in.Placement.HourlyWageCents != minimum*3/4 || in.Placement.BelowMinimumWageReason != "jeugdloon" {
		t.Errorf("placement below the minimum wage: %+v", in.Placement)
	}
}

// Erasing a kandidaat closes their open invites at once, and the timers run
// on for everyone else (before, an erased kandidaat's open invite made every
// sweep fail: the reminder found no account to mail).
func TestErasureClosesOpenInvites(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	wg := func() *apptest.Browser { return f.Browser().SignIn(apptest.WerkgeverA) }
	gone, _ := f.Inviteable("Wordt Gewist")
	stays, email := f.Inviteable("Blijft Staan")
	old, _ := f.Inviteable("Eerder Gewist")
	list := wg().Invite(o, http.StatusCreated, gone, stays, old)
	byCandidate := map[string]string{}
	for _, in := range list.Items {
		byCandidate[in.CandidateID] = in.ID
	}
	f.Browser().SignIn(apptest.KmA).Call("DELETE", "/api/v1/candidates/"+gone, "", http.StatusNoContent, nil)
	var in apptest.Invite
	wg().Call("GET", "/api/v1/invites/"+byCandidate[gone], "", http.StatusOK, &in)
	if in.State != "withdrawn" || in.Events[len(in.Events)-1].Actor != "system" {
		t.Errorf("the erased kandidaat's invite: %+v", in)
	}
	// A kandidaat erased before erasure closed invites: the sweep closes
	// the invite and goes on with the others.
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE candidates SET status = 'erased', erased_at = now(), user_id = NULL WHERE id = ?`, old).Error)
	f.MailedToken(email) // the invite mail of the one who stays
	f.Advance(3*24*time.Hour + time.Minute)
	res, err := f.Invites.Sweep(ctx)
	if err != nil || res.Reminded != 1 {
		t.Fatalf("sweep after an erasure: %+v %v", res, err)
	}
	wg().Call("GET", "/api/v1/invites/"+byCandidate[old], "", http.StatusOK, &in)
	if in.State != "withdrawn" {
		t.Errorf("the invite of a kandidaat erased earlier: %+v", in)
	}
	f.Advance(5 * 24 * time.Hour)
	if res, err := f.Invites.Sweep(ctx); err != nil || res.Expired != 1 {
		t.Fatalf("expiry after an erasure: %+v %v", res, err)
	}
}
