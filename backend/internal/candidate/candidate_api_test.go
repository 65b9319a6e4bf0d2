package candidate_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

var codeRe = regexp.MustCompile(`^K-[0-9A-HJ-NP-Z]{5}$`)

// A klantmanager registers a candidate; bad input names the field and stores
// nothing; other caseloads and regions answer 404; reading names is audited.
func TestCandidateRegistration(t *testing.T) {
	f := apptest.New(t)
	km := f.Browser().SignIn(apptest.KmA)
	var c apptest.Candidate
	km.Call("POST", "/api/v1/candidates", f.CandidateJSON("Fatima el Amrani", "fatima@example.org"), http.StatusCreated, &c)
	if !codeRe.MatchString(c.PublicCode) || c.Profile.PC4 != "3511" || !c.HasAccount || c.Freshness != "fresh" || c.Consent || c.Completeness != 95 || strings.Join(c.Missing, ",") != "availableFrom" {
		t.Fatalf("created candidate: %+v", c)
	}
	if n := f.Count(`SELECT count(*) FROM users WHERE email = 'fatima@example.org' AND role = 'kandidaat' AND display_name = ?`, "Kandidaat "+c.PublicCode); n != 1 {
		t.Fatal("the kandidaat's account shows the public code, not the name")
	}
	before := f.Count(`SELECT count(*) FROM candidates`)
	valid := f.CandidateJSON("Test", "")
	bad := []struct{ name, from, to, field string }{
		{"unknown occupation", `"occupations":["`, `"occupations":["x`, "occupations"},
		{"unknown skill", `"haccp"`, `"zelfverzonnen"`, "skills"},
		{"invalid postcode", `"postcode":"3511 AB"`, `"postcode":"1000 AA"`, "identity.postcode"},
		// Shorter than a PC4 and no pc4 of its own: was a 500 (contract fuzzing).
		{"short bad postcode", `"postcode":"3511 AB"`, `"postcode":"d"`, "identity.postcode"},
		{"unknown pc4", `"pc4":""`, `"pc4":"1000"`, "pc4"},
		{"hours out of range", `"hoursMax":32`, `"hoursMax":61`, "profile.hoursMax"},
		{"hours min > max", `"hoursMin":20`, `"hoursMin":40`, "hoursMax"},
		{"rung outside 1–6", `"rung":4`, `"rung":7`, "profile.rung"},
		{"language level", `"level":"B1"`, `"level":"B3"`, "profile.languages[0].level"},
		{"bad e-mail", `"email":""`, `"email":"geen-adres"`, "identity.email"},
		{"e-mail of another account", `"email":""`, `"email":"fatima@example.org"`, "identity.email"},
	}
	for _, b := range bad {
		body := strings.Replace(valid, b.from, b.to, 1)
		if body == valid {
			t.Fatalf("%s: replacement did not apply", b.name)
		}
		var p apptest.Problem
		km.Call("POST", "/api/v1/candidates", body, http.StatusBadRequest, &p)
		if !strings.Contains(strings.Join(p.Names(), ","), b.field) {
			t.Errorf("%s: invalidParams %v, want %s", b.name, p.Names(), b.field)
		}
	}
	if after := f.Count(`SELECT count(*) FROM candidates`); after != before {
		t.Fatalf("bad input stored %d candidates", after-before)
	}

	other := f.Browser().SignIn("km.bakker@demo.werkhaven.nl")
	adminB := f.Browser().SignIn(apptest.AdminB)
	for _, r := range []struct {
		b                  *apptest.Browser
		method, path, body string
	}{
		{other, "GET", "/api/v1/candidates/" + c.ID, ""},
		{other, "GET", "/api/v1/candidates/" + c.ID + "/identity", ""},
		{other, "POST", "/api/v1/candidates/" + c.ID + "/consents", `{"given":false,"method":"klantmanager_papier"}`},
		{other, "DELETE", "/api/v1/candidates/" + c.ID, ""},
		{adminB, "DELETE", "/api/v1/candidates/" + c.ID, ""},
		{adminB, "GET", "/api/v1/candidates/" + c.ID, ""},
	} {
		if resp, body := r.b.Do(r.method, r.path, r.body); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s %s: %d, want 404: %s", r.method, r.path, resp.StatusCode, body)
		}
	}
	var list struct {
		Items []struct{ Name, PublicCode string } `json:"items"`
	}
	other.Call("GET", "/api/v1/candidates", "", http.StatusOK, &list)
	if len(list.Items) != 0 {
		t.Fatalf("another klantmanager's caseload: %+v", list.Items)
	}
	audited := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'candidate.identity_read'`)
	km.Call("GET", "/api/v1/candidates", "", http.StatusOK, &list)
	var id struct{ Name, Email string }
	km.Call("GET", "/api/v1/candidates/"+c.ID+"/identity", "", http.StatusOK, &id)
	if id.Name != "Fatima el Amrani" || id.Email != "fatima@example.org" || len(list.Items) != 2 {
		t.Fatalf("identity %+v, caseload %+v", id, list.Items)
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE action = 'candidate.identity_read'`); n != audited+2 {
		t.Fatalf("each read of personal data is audited: %d new events", n-audited)
	}
}

// Only consenting candidates reach the index, with no personal data;
// withdrawal and erasure take them out; erasure deletes the identity and
// the account.
func TestCandidateSearchPrivacy(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	apptest.Must(t, f.Search.Bootstrap(ctx, candidate.Index))
	km := f.Browser().SignIn(apptest.KmA)
	names := []string{"Jan de Vries", "Aisha Bakari", "Piotr Nowak", "Lotte Verbeek", "Mehmet Kaya"}
	ids := make([]string, len(names))
	for i, n := range names {
		var c apptest.Candidate
		km.Call("POST", "/api/v1/candidates", f.CandidateJSON(n, fmt.Sprintf("k%d@example.org", i)), http.StatusCreated, &c)
		ids[i] = c.ID
		if i < 4 {
			km.Call("POST", "/api/v1/candidates/"+c.ID+"/consents", `{"given":true,"method":"klantmanager_gesprek","note":"Besproken op het spreekuur"}`, http.StatusCreated, nil)
		}
	}
	docs := func(want int) []map[string]any {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			var res meilisearch.DocumentsResult
			apptest.Must(t, testkit.Meili(t).Index(f.Search.UID(candidate.IndexName)).GetDocumentsWithContext(ctx, &meilisearch.DocumentsQuery{Limit: 100}, &res))
			var out []map[string]any
			apptest.Must(t, res.Results.DecodeInto(&out))
			if len(out) == want {
				return out
			}
			if time.Now().After(deadline) {
				t.Fatalf("candidates index has %d documents, want %d", len(out), want)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	indexed := docs(4)
	// No personal field of any candidate appears in any indexed document.
	var identities []struct{ Name, Email, Phone, Street, Postcode string }
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT name, email, phone, street, postcode FROM candidate_identities`).Scan(&identities).Error)
	var experiences []string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT experience FROM candidates WHERE experience <> ''`).Scan(&experiences).Error)
	for _, d := range indexed {
		raw, _ := json.Marshal(d)
		text := strings.ToLower(string(raw))
		for _, id := range identities {
			for _, v := range []string{id.Name, id.Email, id.Phone, id.Street, id.Postcode} {
				if v != "" && strings.Contains(text, strings.ToLower(v)) {
					t.Errorf("document %s contains personal data %q", d["code"], v)
				}
			}
		}
		for _, e := range experiences {
			if strings.Contains(text, strings.ToLower(e)) {
				t.Errorf("document %s contains the experience text", d["code"])
			}
		}
		if d["pc4"] != "3511" || d["rung"] != float64(4) || d["consent"] != true {
			t.Errorf("document lacks pool fields: %v", d)
		}
	}
	// Withdrawal removes from search within seconds.
	km.Call("POST", "/api/v1/candidates/"+ids[0]+"/consents", `{"given":false,"method":"klantmanager_papier"}`, http.StatusCreated, nil)
	docs(3)
	// Erasure: identity and account gone, out of search, 404 afterwards.
	km.Call("DELETE", "/api/v1/candidates/"+ids[1], "", http.StatusNoContent, nil)
	docs(2)
	if n := f.Count(`SELECT count(*) FROM candidate_identities WHERE candidate_id = ?`, ids[1]); n != 0 {
		t.Fatal("erasure left the identity")
	}
	if n := f.Count(`SELECT count(*) FROM users WHERE email = 'k1@example.org'`); n != 0 {
		t.Fatal("erasure left the kandidaat's account")
	}
	if n := f.Count(`SELECT count(*) FROM candidates WHERE id = ? AND status = 'erased' AND experience = '' AND NOT consent`, ids[1]); n != 1 {
		t.Fatal("erasure keeps an anonymous row only")
	}
	if n := f.Count(`SELECT count(*) FROM candidate_consents WHERE candidate_id = ? AND note <> ''`, ids[1]); n != 0 {
		t.Fatal("erasure left free-text notes")
	}
	km.Call("GET", "/api/v1/candidates/"+ids[1], "", http.StatusNotFound, nil)
	km.Call("DELETE", "/api/v1/candidates/"+ids[1], "", http.StatusNotFound, nil)
}

// The kandidaat confirms availability from a mailed link (single use,
// expiring), optionally giving consent; profiles not confirmed for 90 days
// are stale, after 180 expired.
func TestAvailabilityConfirmation(t *testing.T) {
	f := apptest.New(t)
	km := f.Browser().SignIn(apptest.KmA)
	var c apptest.Candidate
	km.Call("POST", "/api/v1/candidates", f.CandidateJSON("Eva Smit", "eva@example.org"), http.StatusCreated, &c)

	// 84 days later the reminder goes out (a week before the profile is stale).
	f.Advance(84 * 24 * time.Hour)
	// Eva and the demo kandidaat have accounts; candidates without one get no mail.
	if n, err := f.Candidates.SendReminders(testkit.Context(t), 100); err != nil || n != 2 {
		t.Fatalf("reminders: %d, %v", n, err)
	}
	token := f.MailedToken("eva@example.org")
	if again, _ := f.Candidates.SendReminders(testkit.Context(t), 100); again != 0 {
		t.Fatalf("a reminder goes out once per 14 days, sent %d again", again)
	}
	f.Advance(10 * 24 * time.Hour) // 94 days: stale
	km = f.Browser().SignIn(apptest.KmA)
	km.Call("GET", "/api/v1/candidates/"+c.ID, "", http.StatusOK, &c)
	if c.Freshness != "stale" {
		t.Fatalf("freshness after 94 days: %s", c.Freshness)
	}
	b := f.Browser()
	b.Call("POST", "/api/v1/availability-confirmations", fmt.Sprintf(`{"token":%q,"consent":true}`, token), http.StatusNoContent, nil)
	km.Call("GET", "/api/v1/candidates/"+c.ID, "", http.StatusOK, &c)
	if c.Freshness != "fresh" || !c.Consent {
		t.Fatalf("after confirming: %+v", c)
	}
	if n := f.Count(`SELECT count(*) FROM candidate_consents WHERE candidate_id = ? AND given AND method = 'kandidaat_link'`, c.ID); n != 1 {
		t.Fatal("consent via the link is recorded as the kandidaat's")
	}
	var p apptest.Problem
	b.Call("POST", "/api/v1/availability-confirmations", fmt.Sprintf(`{"token":%q}`, token), http.StatusGone, &p)
	b.Call("POST", "/api/v1/availability-confirmations", `{"token":"vervalst-token-vervalst-token-vervalst"}`, http.StatusGone, nil)
	// An expired link: mailed now, used after 15 days.
	km.Call("POST", "/api/v1/candidates/"+c.ID+"/confirmation-requests", "", http.StatusAccepted, nil)
	late := f.MailedToken("eva@example.org")
	f.Advance(15 * 24 * time.Hour)
	b = f.Browser()
	b.Call("POST", "/api/v1/availability-confirmations", fmt.Sprintf(`{"token":%q}`, late), http.StatusGone, nil)
	f.Advance(170 * 24 * time.Hour)
	km = f.Browser().SignIn(apptest.KmA)
	km.Call("GET", "/api/v1/candidates/"+c.ID, "", http.StatusOK, &c)
	if c.Freshness != "expired" {
		t.Fatalf("freshness after 185 days: %s", c.Freshness)
	}
	// After a conversation the klantmanager confirms the profile: it is fresh
	// again, recorded as the klantmanager's (issue 22).
	var bad apptest.Problem
	km.Call("POST", "/api/v1/candidates/"+c.ID+"/availability-confirmations", `{"how":"duif"}`, http.StatusBadRequest, &bad)
	if len(bad.InvalidParams) != 1 || bad.InvalidParams[0].Name != "how" {
		t.Fatalf("an unknown way: %+v", bad)
	}
	var confirmed struct {
		Freshness, ConfirmedVia string
		ConfirmedAt             time.Time
	}
	km.Call("POST", "/api/v1/candidates/"+c.ID+"/availability-confirmations", `{"how":"gesprek"}`, http.StatusOK, &confirmed)
	if confirmed.Freshness != "fresh" || confirmed.ConfirmedVia != "klantmanager_gesprek" || !confirmed.ConfirmedAt.Equal(f.Clock().Truncate(time.Microsecond)) {
		t.Fatalf("confirmed after a conversation: %+v (now %s)", confirmed, f.Clock())
	}
	if n := f.Count(`SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'candidate.availability_confirmed'
		AND actor_role = 'klantmanager' AND details->>'method' = 'klantmanager_gesprek'`, c.ID); n != 1 {
		t.Fatalf("audited as the klantmanager's: %d", n)
	}
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	if resp, _ := wg.Do("POST", "/api/v1/candidates/"+c.ID+"/availability-confirmations", `{"how":"gesprek"}`); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("a werkgever confirms: %d", resp.StatusCode)
	}
	// Without an e-mail address there is nobody to mail.
	noMail := f.NewCandidate("Zonder Mail", "")
	km.Call("POST", "/api/v1/candidates/"+noMail+"/confirmation-requests", "", http.StatusConflict, &p)
	if p.Code != "noEmail" {
		t.Fatalf("confirmation without e-mail: %+v", p)
	}
}

// The kandidaat sees their own data, manages consent and downloads it all.
func TestMyData(t *testing.T) {
	f := apptest.New(t)
	k := f.Kandidaat()
	var mine struct {
		Candidate apptest.Candidate `json:"candidate"`
		Identity  struct{ Name string }
	}
	k.Call("GET", "/api/v1/me/candidate", "", http.StatusOK, &mine)
	if mine.Identity.Name != "Sanne de Boer" || mine.Candidate.ID != f.MyCandidate {
		t.Fatalf("own data: %+v", mine)
	}
	var c apptest.Candidate
	k.Call("POST", "/api/v1/me/candidate/consents", `{"given":true}`, http.StatusOK, &c)
	k.Call("POST", "/api/v1/me/candidate/consents", `{"given":true}`, http.StatusOK, &c)
	if !c.Consent || f.Count(`SELECT count(*) FROM candidate_consents WHERE candidate_id = ?`, f.MyCandidate) != 1 {
		t.Fatal("consent given once (idempotent)")
	}
	k.Call("POST", "/api/v1/me/candidate/consents", `{"given":false}`, http.StatusOK, &c)
	if c.Consent {
		t.Fatal("consent withdrawn")
	}
	resp, body := k.Do("GET", "/api/v1/me/candidate/export", "")
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("export: %d %v", resp.StatusCode, resp.Header)
	}
	var export struct {
		Contact  struct{ Name string }
		Consents struct {
			Items []struct{ Given bool }
		}
		History struct {
			Items []struct{ Action struct{ Value string } }
		}
	}
	apptest.Must(t, json.Unmarshal(body, &export))
	if export.Contact.Name != "Sanne de Boer" || len(export.Consents.Items) != 2 || len(export.History.Items) == 0 {
		t.Fatalf("export: %s", body)
	}
}

// The demo caseloads are seeded once; the demo kandidaat's account is K-7F3A2.
func TestDemoCandidates(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	// The fixture gave the demo kandidaat a candidate already: start clean.
	apptest.Must(t, f.DB.Gorm.Exec(`DELETE FROM candidates`).Error)
	n, err := seed.DemoCandidates(ctx, f.DB.Gorm, f.Candidates, f.RegionA)
	if err != nil || n != 18 {
		t.Fatalf("demo candidates: %d, %v", n, err)
	}
	if n, err = seed.DemoCandidates(ctx, f.DB.Gorm, f.Candidates, f.RegionA); err != nil || n != 0 {
		t.Fatalf("second run: %d, %v", n, err)
	}
	if k := f.Count(`SELECT count(*) FROM candidates WHERE public_code = 'K-7F3A2' AND user_id = ?`, f.User[apptest.KandidaatA]); k != 1 {
		t.Fatal("the demo kandidaat's account is not linked")
	}
	var mine struct {
		Candidate struct{ PublicCode string } `json:"candidate"`
	}
	f.Kandidaat().Call("GET", "/api/v1/me/candidate", "", http.StatusOK, &mine)
	if mine.Candidate.PublicCode != "K-7F3A2" {
		t.Fatalf("demo kandidaat sees %+v", mine)
	}
}
