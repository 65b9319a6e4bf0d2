package app_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// problemDoc is a problem as a client reads it.
type problemDoc struct {
	Status        int    `json:"status"`
	Title         string `json:"title"`
	Detail        string `json:"detail"`
	Code          string `json:"code"`
	InvalidParams []struct {
		Name, Code, Reason string
	} `json:"invalidParams"`
}

// send does a request with a content type and language of its own.
func send(t *testing.T, b *apptest.Browser, method, path, contentType, lang, body string) (*http.Response, problemDoc) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	req.Header.Set("X-CSRF-Token", b.CSRF)
	req.Header.Set("X-Forwarded-For", b.IP)
	for k, v := range b.Cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	resp, err := b.F.HTTP.Test(req, -1)
	apptest.Must(t, err)
	raw, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var p problemDoc
	_ = json.Unmarshal(raw, &p)
	return resp, p
}

// Every operation that takes a body answers bad bodies with one problem
// shape: a code, a detail from the catalogue in the caller's language
// (Dutch by default, English with Accept-Language: en) and, for invalid
// input, the field (hardening finding 6: an empty body answered huma's
// English "request body is required" without a code, text/plain a 415
// without one, and a member named twice was taken silently, the last one
// winning).
func TestEveryBodyOperationAnswersOneProblemShape(t *testing.T) {
	f := apptest.New(t)
	admin := f.Browser().SignIn(apptest.AdminA)
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
			RequestBody *struct {
				Required bool `json:"required"`
			} `json:"requestBody"`
		} `json:"paths"`
	}
	apptest.Must(t, json.Unmarshal(f.OpenAPI, &doc))
	param := regexp.MustCompile(`\{[^}]+\}`)
	english := regexp.MustCompile(`(?i)request body|expected|unexpected|unsupported|validation failed`)
	var ops []string
	for path, methods := range doc.Paths {
		for method, op := range methods {
			if op.RequestBody == nil || !op.RequestBody.Required {
				continue
			}
			ops = append(ops, op.OperationID)
			url := "/api/v1" + param.ReplaceAllString(path, "00000000-0000-4000-8000-000000000000")
			m := strings.ToUpper(method)
			for _, c := range []struct {
				name, ct, body, code, field, fieldCode string
				status                                 int
			}{
				{"empty", "application/json", "", "paramsValidation", "body", "required", 400},
				{"not JSON", "application/json", `{"a":`, "paramsValidation", "body", "json", 400},
				{"a member twice", "application/json", `{"zz":1,"zz":2}`, "paramsValidation", "zz", "duplicateKey", 400},
				{"text/plain", "text/plain", "hallo", "unsupportedMediaType", "", "", 415},
			} {
				nl, pnl := send(t, admin, m, url, c.ct, "", c.body)
				if c.ct == "text/plain" && (pnl.Code == "forbidden" || op.OperationID == "receiveStripeWebhook") {
					// The access rule answers first for a role the operation
					// is not for; Stripe's webhook reads its raw body.
					continue
				}
				en, pen := send(t, admin, m, url, c.ct, "en", c.body)
				where := op.OperationID + " " + c.name
				if nl.StatusCode != c.status || pnl.Code != c.code {
					t.Errorf("%s: %d %q, want %d %q", where, nl.StatusCode, pnl.Code, c.status, c.code)
					continue
				}
				if ct := nl.Header.Get("Content-Type"); ct != "application/problem+json" {
					t.Errorf("%s: Content-Type %q", where, ct)
				}
				if c.field != "" && (len(pnl.InvalidParams) != 1 || pnl.InvalidParams[0].Name != c.field || pnl.InvalidParams[0].Code != c.fieldCode) {
					t.Errorf("%s: invalidParams %+v, want %s %s", where, pnl.InvalidParams, c.field, c.fieldCode)
				}
				if en.StatusCode != nl.StatusCode || pen.Code != pnl.Code || pen.Detail == pnl.Detail || pen.Title == pnl.Title {
					t.Errorf("%s: not the same problem in English and Dutch: %+v / %+v", where, pnl, pen)
				}
				for _, s := range []string{pnl.Detail, pnl.Title} {
					if english.MatchString(s) {
						t.Errorf("%s: Dutch answer in the validator's English: %q", where, s)
					}
				}
				for _, ip := range pnl.InvalidParams {
					if english.MatchString(ip.Reason) {
						t.Errorf("%s: Dutch reason in the validator's English: %q", where, ip.Reason)
					}
				}
			}
		}
	}
	sort.Strings(ops)
	if len(ops) < 40 {
		t.Fatalf("only %d operations with a body were found: %v", len(ops), ops)
	}
}

// Every 4xx, whatever part of the stack answers it, carries a code.
func TestEveryProblemHasACode(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	for _, c := range []struct{ method, path, body string }{
		{"GET", "/api/v1/bestaat-niet", ""},
		{"PUT", "/api/v1/openings", "{}"},
		{"GET", "/api/v1/openings/00000000-0000-4000-8000-000000000000", ""},
		{"GET", "/api/v1/openings?onbekend=1", ""},
		{"GET", "/api/v1/users", ""},
		{"POST", "/api/v1/openings", `[1]`},
	} {
		resp, p := send(t, wg, c.method, c.path, "application/json", "", c.body)
		if resp.StatusCode < 400 || p.Code == "" || p.Detail == "" {
			t.Errorf("%s %s: %d code %q detail %q", c.method, c.path, resp.StatusCode, p.Code, p.Detail)
		}
		for _, ip := range p.InvalidParams {
			if ip.Name == "" || ip.Code == "" || ip.Reason == "" {
				t.Errorf("%s %s: a nameless invalid param %+v", c.method, c.path, ip)
			}
		}
	}
}

// PATCH bodies are JSON merge patches: null clears a field that may be
// empty, and a field that cannot be cleared says so; POST bodies refuse
// null where the field is not nullable (hardening finding 6: null was taken
// as "left out", so a start date could not be cleared and {"title": null}
// answered 200).
func TestMergePatchNulls(t *testing.T) {
	f := apptest.New(t)
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	o := wg.CreateOpening(f.OpeningJSON("", "Bakker"))
	var got struct {
		StartDate      *string  `json:"startDate"`
		Description    string   `json:"description"`
		Title          string   `json:"title"`
		RequiredSkills []string `json:"requiredSkills"`
		HoursMin       int      `json:"hoursMin"`
	}
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"startDate":"2030-01-01"}`, http.StatusOK, &got)
	if got.StartDate == nil || *got.StartDate != "2030-01-01" {
		t.Fatalf("start date not set: %v", got.StartDate)
	}
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"hoursMin":20}`, http.StatusOK, &got)
	if got.StartDate == nil {
		t.Errorf("a field left out was cleared")
	}
	got.StartDate = nil // absent from the answer when cleared
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"startDate":null,"description":null,"requiredSkills":null}`, http.StatusOK, &got)
	if got.StartDate != nil || got.Description != "" || len(got.RequiredSkills) != 0 {
		t.Errorf("null did not clear: start %v, description %q, skills %v", got.StartDate, got.Description, got.RequiredSkills)
	}
	var p apptest.Problem
	wg.Call("PATCH", "/api/v1/openings/"+o.ID, `{"title":null,"hoursMin":30}`, http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "title" || p.InvalidParams[0].Code != "notNullable" {
		t.Errorf("null title: %+v", p)
	}
	wg.Call("GET", "/api/v1/openings/"+o.ID, "", http.StatusOK, &got)
	if got.Title != "Bakker" || got.HoursMin != 20 {
		t.Errorf("a refused patch changed the opening: %q %d", got.Title, got.HoursMin)
	}
	// POST: an optional field that is not nullable refuses null, too.
	body := strings.Replace(f.OpeningJSON("", "Bakker"), `"title"`, `"startDate":null,"title"`, 1)
	wg.Call("POST", "/api/v1/openings", body, http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "startDate" || p.InvalidParams[0].Code != "notNullable" {
		t.Errorf("null start date on create: %+v", p)
	}
	// The document says which fields can be cleared.
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]struct {
					Type any `json:"type"`
				} `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	apptest.Must(t, json.Unmarshal(f.OpenAPI, &doc))
	props := doc.Components.Schemas["ChangeBody"].Properties
	if s, _ := json.Marshal(props["startDate"].Type); string(s) != `["string","null"]` {
		t.Errorf("ChangeBody.startDate type %s", s)
	}
	if s, _ := json.Marshal(props["title"].Type); string(s) != `"string"` {
		t.Errorf("ChangeBody.title type %s", s)
	}
}
