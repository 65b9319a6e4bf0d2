package apptest

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

type Invite struct {
	ID            string `json:"id"`
	State         string `json:"state"`
	CandidateID   string `json:"candidateId"`
	CandidateCode string `json:"candidateCode"`
	Disclosed     bool   `json:"disclosed"`
	Advice        string `json:"advice"`
	Events        []struct {
		Actor, From, To, Reason string
	} `json:"events"`
	Placement *struct {
		ID      string `json:"id"`
		Durable *bool  `json:"durable"`
	} `json:"placement"`
}

type InviteList struct {
	Items []Invite `json:"items"`
}

// Inviteable registers a candidate with an e-mail address (so a kandidaat
// account) and consent in klantmanager De Vries's caseload.
func (f *Fixture) Inviteable(name string) (id, email string) {
	email = strings.ReplaceAll(strings.ToLower(name), " ", ".") + fmt.Sprintf("%d@example.org", Uniq())
	id = f.NewCandidate(name, email)
	f.ConsentTo(id)
	return id, email
}

// InviteMyCandidate gives the demo kandidaat (MyCandidate) consent, an
// e-mail address and a phone number, and has Bakkerij De Korenschoof
// invite them to a new open opening; it returns the werkgever's browser, the
// opening's and the invite's id, once the invite mail has gone out.
func (f *Fixture) InviteMyCandidate() (wg *Browser, openingID, inviteID string) {
	f.T.Helper()
	f.ConsentTo(f.MyCandidate)
	Must(f.T, f.DB.Gorm.Exec(`UPDATE candidate_identities SET email = ?, phone = '06 11223344' WHERE candidate_id = ?`, KandidaatA, f.MyCandidate).Error)
	openingID = f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	wg = f.Browser().SignIn(WerkgeverA)
	inviteID = wg.Invite(openingID, http.StatusCreated, f.MyCandidate).Items[0].ID
	f.MailedToken(KandidaatA)
	return wg, openingID, inviteID
}

// Invite invites candidates to opening as browser b and returns the invites.
func (b *Browser) Invite(openingID string, want int, ids ...string) InviteList {
	b.F.T.Helper()
	var out InviteList
	quoted := make([]string, len(ids))
	for i, id := range ids {
		quoted[i] = fmt.Sprintf("%q", id)
	}
	var into any
	if want == http.StatusCreated {
		into = &out
	}
	b.Call("POST", "/api/v1/openings/"+openingID+"/invites", fmt.Sprintf(`{"candidateIds":[%s],"message":"Wij zoeken een collega voor de ochtend. Kom kennismaken!"}`, strings.Join(quoted, ",")), want, into)
	return out
}
