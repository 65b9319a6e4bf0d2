package apptest

import (
	"encoding/json"
	"net/http"
	"time"
)

type Opening struct {
	ID             string   `json:"id"`
	OrganisationID string   `json:"organisationId"`
	State          string   `json:"state"`
	AllowedStates  []string `json:"allowedStates"`
	Title          string   `json:"title"`
	Postcode       string   `json:"postcode"`
	Place          string   `json:"place"`
	Days           []string `json:"days"`
	FilledCount    *int     `json:"filledCount"`
	Occupation     struct {
		Label     string `json:"label"`
		ISCOGroup string `json:"iscoGroup"`
	} `json:"occupation"`
	Fairness []struct {
		Field    string `json:"field"`
		Category string `json:"category"`
		Match    string `json:"match"`
		Start    int    `json:"start"`
		Length   int    `json:"length"`
	} `json:"fairness"`
	ReviewRequestedAt *time.Time `json:"reviewRequestedAt"`
}

type Problem struct {
	Status        int    `json:"status"`
	Code          string `json:"code"`
	Detail        string `json:"detail"`
	InvalidParams []struct {
		Name, Code, Reason string
	} `json:"invalidParams"`
}

func (p Problem) Names() []string {
	var out []string
	for _, ip := range p.InvalidParams {
		out = append(out, ip.Name)
	}
	return out
}

// Call does a request, checks the status and decodes the answer into out.
func (b *Browser) Call(method, path, body string, want int, out any) {
	b.F.T.Helper()
	resp, raw := b.Do(method, path, body)
	if resp.StatusCode != want {
		b.F.T.Fatalf("%s %s: %d, want %d: %s", method, path, resp.StatusCode, want, raw)
	}
	if out != nil {
		Must(b.F.T, json.Unmarshal(raw, out))
	}
}

func (b *Browser) CreateOpening(body string) Opening {
	b.F.T.Helper()
	var o Opening
	b.Call("POST", "/api/v1/openings", body, http.StatusCreated, &o)
	return o
}

func (b *Browser) MoveOpening(id, body string, want int) (Opening, Problem) {
	b.F.T.Helper()
	resp, raw := b.Do("POST", "/api/v1/openings/"+id+"/state-changes", body)
	if resp.StatusCode != want {
		b.F.T.Fatalf("state change %s: %d, want %d: %s", body, resp.StatusCode, want, raw)
	}
	var o Opening
	var p Problem
	if want < 300 {
		Must(b.F.T, json.Unmarshal(raw, &o))
	} else {
		Must(b.F.T, json.Unmarshal(raw, &p))
	}
	return o, p
}
