package invite_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

type share struct {
	From       string `json:"from"`
	To         string `json:"to"`
	Placements int    `json:"placements"`
	Week13     struct {
		Due, StillEmployed, Ended, Unanswered int
	} `json:"week13"`
	Week26 struct {
		Due int
	} `json:"week26"`
	ThankYous []struct {
		Message          string `json:"message"`
		From             string `json:"from"`
		OrganisationName string `json:"organisationName"`
	} `json:"thankYous"`
}

const kmBakker = "km.bakker@demo.werkhaven.nl"

// placeWith has Bakkerij De Korenschoof place a new candidate of
// klantmanager De Vries (introduced, then placed from today) and returns
// the placement's and the invite's id.
func placeWith(f *apptest.Fixture, wg *apptest.Browser, name string) (placementID, inviteID string) {
	f.T.Helper()
	c, email := f.Inviteable(name)
	inviteID = wg.Invite(f.NewOpening("Bakkerij De Korenschoof", opening.Open), http.StatusCreated, c).Items[0].ID
	f.Browser().Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept"}`, f.MailedToken(email)), http.StatusOK, nil)
	return place(f, wg, inviteID), inviteID
}

func place(f *apptest.Fixture, wg *apptest.Browser, inviteID string) string {
	f.T.Helper()
	wg.Call("POST", "/api/v1/invites/"+inviteID+"/state-changes", `{"state":"introduced"}`, http.StatusOK, nil)
	var in apptest.Invite
	wg.Call("POST", "/api/v1/invites/"+inviteID+"/placement",
		fmt.Sprintf(`{"startDate":%q,"contractType":"proefplaatsing","hours":24,"hourlyWageCents":0}`, f.Clock().Format(time.DateOnly)), http.StatusCreated, &in)
	return in.Placement.ID
}

// A werkgever thanks the klantmanager and the accountmanager credited with
// a placement, once each; another organisation's placement is not found;
// the klantmanager sees the thank-you in Jouw aandeel (theirs only), with
// the organisation's name and never the candidate's.
func TestThankYous(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	pl, inviteID := placeWith(f, wg, "Bedankt Kandidaat")

	// Credited at the placement; a later change of caseload does not move it.
	var am string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT accountmanager_id::text FROM organisations WHERE id = ?`, f.Org["Bakkerij De Korenschoof"]).Row().Scan(&am))
	if n := f.Count(`SELECT count(*) FROM placements WHERE id = ? AND klantmanager_id = ? AND accountmanager_id = ?`, pl, f.User[apptest.KmA], am); n != 1 {
		t.Fatalf("placement not credited to De Vries and %s", am)
	}
	apptest.Must(t, f.DB.Gorm.Exec(`UPDATE candidates SET klantmanager_id = ? WHERE id = (SELECT candidate_id FROM placements WHERE id = ?)`, f.User[kmBakker], pl).Error)

	path := "/api/v1/placements/" + pl + "/thank-yous"
	// Another organisation (same region or another) does not find it.
	f.Browser().SignIn(apptest.ZorgA).Call("POST", path, `{"to":"klantmanager","message":"Dank!"}`, http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.WerkgeverB).Call("POST", path, `{"to":"klantmanager","message":"Dank!"}`, http.StatusNotFound, nil)
	f.Browser().SignIn(apptest.WerkgeverA).Call("POST", "/api/v1/placements/00000000-0000-0000-0000-000000000001/thank-yous",
		`{"to":"klantmanager","message":"Dank!"}`, http.StatusNotFound, nil)
	// Empty, blank or 501 characters: 400 with the field; nothing stored.
	for body, code := range map[string]string{
		`{"to":"klantmanager","message":""}`:                                        "required",
		`{"to":"klantmanager","message":"   "}`:                                     "required",
		fmt.Sprintf(`{"to":"klantmanager","message":%q}`, strings.Repeat("é", 501)): "maxLength",
	} {
		var p apptest.Problem
		wg.Call("POST", path, body, http.StatusBadRequest, &p)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "message" || p.InvalidParams[0].Code != code || p.InvalidParams[0].Reason == "" {
			t.Errorf("%.60s: %+v, want message %s", body, p.InvalidParams, code)
		}
	}
	if n := f.Count(`SELECT count(*) FROM thank_yous`) + f.Count(`SELECT count(*) FROM notifications WHERE kind = 'thank_you'`); n != 0 {
		t.Fatalf("refused thank-yous were stored: %d", n)
	}

	longMessage := strings.Repeat("d", 490) + " Bedankt!"
	wg.Call("POST", path, fmt.Sprintf(`{"to":"klantmanager","message":%q}`, "  Dank voor de fijne begeleiding van onze nieuwe collega!  "), http.StatusCreated, nil)
	var p apptest.Problem
	wg.Call("POST", path, `{"to":"klantmanager","message":"Nog eens dank!"}`, http.StatusConflict, &p)
	if p.Code != "alreadyThanked" {
		t.Errorf("second thank-you: %+v", p)
	}
	wg.Call("POST", path, fmt.Sprintf(`{"to":"accountmanager","message":%q}`, longMessage), http.StatusCreated, nil)
	var in struct {
		Placement struct {
			Thanked []string `json:"thanked"`
		} `json:"placement"`
	}
	wg.Call("GET", "/api/v1/invites/"+inviteID, "", http.StatusOK, &in)
	if strings.Join(in.Placement.Thanked, ",") != "accountmanager,klantmanager" {
		t.Errorf("thanked on the placement: %v", in.Placement.Thanked)
	}

	// One notification each, to the credited users, and a mail (thank_you is mailed by default).
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'thank_you' AND user_id = ?`, f.User[apptest.KmA]); n != 1 {
		t.Errorf("klantmanager notifications: %d, want 1", n)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'thank_you' AND user_id = ?`, am); n != 1 {
		t.Errorf("accountmanager notifications: %d, want 1", n)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'thank_you'`); n != 2 {
		t.Errorf("thank-you notifications: %d, want 2", n)
	}
	if m := f.Inbox.Next(t, apptest.KmA, 20*time.Second); !strings.Contains(m.Data, "Korenschoof") {
		t.Errorf("thank-you mail: %s", m.Data)
	}

	// Jouw aandeel: De Vries sees the placement and the thank-you, by organisation name.
	var s share
	resp, raw := f.Browser().SignIn(apptest.KmA).Do("GET", "/api/v1/me/share", "")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("share: %d %s", resp.StatusCode, raw)
	}
	apptest.Must(t, json.Unmarshal(raw, &s))
	if s.Placements != 1 || len(s.ThankYous) != 1 || s.ThankYous[0].From != "organisation" || s.ThankYous[0].OrganisationName != "Bakkerij De Korenschoof" ||
		s.ThankYous[0].Message != "Dank voor de fijne begeleiding van onze nieuwe collega!" || s.Week13.Due != 0 {
		t.Errorf("De Vries's share: %+v", s)
	}
	if strings.Contains(string(raw), "Bedankt Kandidaat") {
		t.Errorf("the share names the candidate: %s", raw)
	}
	// Another klantmanager sees none of it (now holding the caseload changes nothing).
	f.Browser().SignIn(kmBakker).Call("GET", "/api/v1/me/share", "", http.StatusOK, &s)
	if s.Placements != 0 || len(s.ThankYous) != 0 {
		t.Errorf("Bakker's share: %+v", s)
	}

	// The accountmanager sees the other thank-you, and only that one.
	for email, id := range f.User {
		if id == am {
			f.Browser().SignIn(email).Call("GET", "/api/v1/me/share", "", http.StatusOK, &s)
			if s.Placements != 1 || len(s.ThankYous) != 1 || s.ThankYous[0].Message != longMessage {
				t.Errorf("the accountmanager's share: %+v", s)
			}
		}
	}

	// 13 weeks on: the point has passed, the follow-up is unanswered; then answered yes.
	f.Advance(13*7*24*time.Hour + time.Hour)
	km, wg := f.Browser().SignIn(apptest.KmA), f.Browser().SignIn(apptest.WerkgeverA)
	km.Call("GET", "/api/v1/me/share", "", http.StatusOK, &s)
	if s.Placements != 1 || s.Week13.Due != 1 || s.Week13.Unanswered != 1 || s.Week26.Due != 0 {
		t.Errorf("share at 13 weeks: %+v", s)
	}
	var fu struct {
		Items []struct {
			ID          string `json:"id"`
			PlacementID string `json:"placementId"`
			Week        int    `json:"week"`
		} `json:"items"`
	}
	wg.Call("GET", "/api/v1/follow-ups?due=true", "", http.StatusOK, &fu)
	for _, it := range fu.Items {
		if it.PlacementID == pl && it.Week == 13 {
			wg.Call("POST", "/api/v1/follow-ups/"+it.ID+"/answer", `{"stillEmployed":true}`, http.StatusOK, nil)
		}
	}
	km.Call("GET", "/api/v1/me/share", "", http.StatusOK, &s)
	if s.Week13.Due != 1 || s.Week13.StillEmployed != 1 || s.Week13.Unanswered != 0 {
		t.Errorf("share after the answer: %+v", s)
	}
	// A period that ends before the placement: nothing; a reversed period: 400.
	km.Call("GET", "/api/v1/me/share?to=2020-01-01", "", http.StatusOK, &s)
	if s.Placements != 0 || len(s.ThankYous) != 0 || s.From != "2019-01-01" {
		t.Errorf("share of 2019: %+v", s)
	}
	km.Call("GET", "/api/v1/me/share?from=2021-01-01&to=2020-01-01", "", http.StatusBadRequest, nil)
}

// The placed kandidaat thanks their klantmanager once from Mijn
// uitnodigingen; the klantmanager sees "een kandidaat", never the name; a
// kandidaat cannot thank for an invite that is not theirs or not placed.
func TestKandidaatThanks(t *testing.T) {
	f := apptest.New(t)
	wg, _, id := f.InviteMyCandidate()
	kandidaat := f.Kandidaat()
	path := "/api/v1/me/invites/" + id + "/thank-yous"
	kandidaat.Call("POST", "/api/v1/me/invites/"+id+"/decision", `{"decision":"accept"}`, http.StatusOK, nil)
	var p apptest.Problem
	kandidaat.Call("POST", path, `{"message":"Dank je wel!"}`, http.StatusConflict, &p)
	if p.Code != "notPlaced" {
		t.Errorf("before the placement: %+v", p)
	}
	pl := place(f, wg, id)
	_, other := placeWith(f, wg, "Andere Kandidaat")
	kandidaat.Call("POST", "/api/v1/me/invites/"+other+"/thank-yous", `{"message":"Dank je wel!"}`, http.StatusNotFound, nil)
	kandidaat.Call("POST", path, `{"message":""}`, http.StatusBadRequest, nil)
	kandidaat.Call("POST", path, `{"message":"Dank je wel voor je hulp, Femke!"}`, http.StatusCreated, nil)
	kandidaat.Call("POST", path, `{"message":"Nog een keer dank!"}`, http.StatusConflict, nil)
	var mine struct {
		Items []struct {
			ID      string `json:"id"`
			Thanked bool   `json:"thanked"`
		} `json:"items"`
	}
	kandidaat.Call("GET", "/api/v1/me/invites", "", http.StatusOK, &mine)
	if len(mine.Items) != 1 || mine.Items[0].ID != id || !mine.Items[0].Thanked {
		t.Errorf("my invites: %+v", mine.Items)
	}
	if n := f.Count(`SELECT count(*) FROM thank_yous WHERE placement_id = ? AND sender_kind = 'kandidaat' AND recipient_id = ?`, pl, f.User[apptest.KmA]); n != 1 {
		t.Errorf("kandidaat thank-yous: %d", n)
	}
	if n := f.Count(`SELECT count(*) FROM notifications WHERE kind = 'thank_you' AND user_id = ? AND title_nl NOT LIKE '%Sanne%'`, f.User[apptest.KmA]); n != 1 {
		t.Errorf("klantmanager notifications: %d, want 1", n)
	}
	var s share
	resp, raw := f.Browser().SignIn(apptest.KmA).Do("GET", "/api/v1/me/share", "")
	apptest.Must(t, json.Unmarshal(raw, &s))
	if resp.StatusCode != http.StatusOK || s.Placements != 2 || len(s.ThankYous) != 1 || s.ThankYous[0].From != "kandidaat" || s.ThankYous[0].OrganisationName != "" {
		t.Errorf("share: %d %+v", resp.StatusCode, s)
	}
	if strings.Contains(string(raw), "Sanne") || strings.Contains(string(raw), "Boer") {
		t.Errorf("the share names the kandidaat: %s", raw)
	}
	// The kandidaat's own thank-you is in their export.
	resp, raw = kandidaat.Do("GET", "/api/v1/me/candidate/export", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(raw), "Dank je wel voor je hulp, Femke!") {
		t.Errorf("export: %d, thank-you missing", resp.StatusCode)
	}
}

// The start page's counts: each role sees its own work, and only the
// counts that apply to it.
func TestMyOverview(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	c, _ := f.Inviteable("Overzicht Kandidaat")
	wg.Invite(f.NewOpening("Bakkerij De Korenschoof", opening.Open), http.StatusCreated, c)
	type overview struct {
		InvitesAwaitingKandidaat *int `json:"invitesAwaitingKandidaat"`
		InvitesAwaitingApproval  *int `json:"invitesAwaitingApproval"`
		FollowUpsDue             *int `json:"followUpsDue"`
		CandidatesToConfirm      *int `json:"candidatesToConfirm"`
	}
	n := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	var o overview
	wg.Call("GET", "/api/v1/me/overview", "", http.StatusOK, &o)
	if n(o.InvitesAwaitingKandidaat) != 1 || n(o.FollowUpsDue) != 0 || o.CandidatesToConfirm != nil || o.InvitesAwaitingApproval != nil {
		t.Errorf("werkgever: %+v", o)
	}
	o = overview{}
	f.Browser().SignIn(apptest.ZorgA).Call("GET", "/api/v1/me/overview", "", http.StatusOK, &o)
	if n(o.InvitesAwaitingKandidaat) != 0 {
		t.Errorf("another organisation: %+v", o)
	}
	o = overview{}
	f.Browser().SignIn(apptest.KmA).Call("GET", "/api/v1/me/overview", "", http.StatusOK, &o)
	if n(o.InvitesAwaitingKandidaat) != 1 || n(o.CandidatesToConfirm) < 0 || o.FollowUpsDue != nil {
		t.Errorf("klantmanager: %+v", o)
	}
	o = overview{}
	f.Browser().SignIn(kmBakker).Call("GET", "/api/v1/me/overview", "", http.StatusOK, &o)
	if n(o.InvitesAwaitingKandidaat) != 0 {
		t.Errorf("another klantmanager: %+v", o)
	}
	o = overview{}
	f.Browser().SignIn(apptest.AmA).Call("GET", "/api/v1/me/overview", "", http.StatusOK, &o)
	if n(o.InvitesAwaitingApproval) != 0 || n(o.FollowUpsDue) != 0 || o.InvitesAwaitingKandidaat != nil {
		t.Errorf("accountmanager: %+v", o)
	}
	o = overview{}
	f.Kandidaat().Call("GET", "/api/v1/me/overview", "", http.StatusOK, &o)
	if n(o.InvitesAwaitingKandidaat) != 0 {
		t.Errorf("kandidaat: %+v", o)
	}
}
