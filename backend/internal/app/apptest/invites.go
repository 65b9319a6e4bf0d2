package apptest

import (
	"fmt"
	"net/http"
	"strings"
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
