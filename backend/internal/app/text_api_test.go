package app_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
)

// A NUL character or bytes that are not UTF-8 in any text field answer 400
// naming the field, by one rule for every operation, and store nothing
// (hardening finding 3: before, PostgreSQL refused NUL with a 500 and
// invalid UTF-8 was silently replaced).
func TestTextFieldsRefuseNulAndInvalidUTF8(t *testing.T) {
	f := apptest.New(t)
	km := f.Browser().SignIn(apptest.KmA)
	before := f.Count(`SELECT count(*) FROM candidates`)
	body := strings.Replace(f.CandidateJSON("AbNULc", "nul@example.org"), "NUL", `\u0000`, 1)
	var p apptest.Problem
	km.Call("POST", "/api/v1/candidates", body, http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "identity.name" || p.InvalidParams[0].Code != "nul" {
		t.Errorf("NUL in a name: %+v", p)
	}
	bad := strings.Replace(f.CandidateJSON("Ab", "utf@example.org"), "Twee jaar", "Twee \xff jaar", 1)
	km.Call("POST", "/api/v1/candidates", bad, http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "profile.experience" || p.InvalidParams[0].Code != "utf8" {
		t.Errorf("invalid UTF-8 in the experience: %+v", p)
	}
	if n := f.Count(`SELECT count(*) FROM candidates`); n != before {
		t.Errorf("refused candidates were stored: %d → %d", before, n)
	}
	// A written-out backslash-u is ordinary text.
	km.Call("POST", "/api/v1/candidates", f.CandidateJSON(`Ab \u0000 c`, "tekst@example.org"), http.StatusCreated, nil)
	// Another operation, the same rule.
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	wg.Call("POST", "/api/v1/openings", strings.Replace(f.OpeningJSON("", "BakkerNUL"), "NUL", `\u0000`, 1), http.StatusBadRequest, &p)
	if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "title" || p.InvalidParams[0].Code != "nul" {
		t.Errorf("NUL in an opening's title: %+v", p)
	}
}
