package matching_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// docs/algoritmeregister.json follows the Algoritmeregister publication
// standard's required fields and limits, and fills the explanatory ones.
func TestAlgoritmeregister(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testkit.RepoRoot(), "docs", "algoritmeregister.json"))
	apptest.Must(t, err)
	var doc map[string]any
	apptest.Must(t, json.Unmarshal(b, &doc))
	text := func(field string) string {
		s, _ := doc[field].(string)
		return s
	}
	for field, max := range map[string]int{"name": 100, "description_short": 400, "organization": 0, "status": 0, "contact_email": 0,
		"publication_category": 0, "lang": 0, "goal": 0, "proportionality": 0, "human_intervention": 0, "risks": 0, "lawful_basis": 0,
		"source_data": 0, "methods_and_models": 0} {
		v := text(field)
		if v == "" {
			t.Errorf("%s is missing", field)
		}
		if max > 0 && utf8.RuneCountInString(v) > max {
			t.Errorf("%s has %d characters, at most %d", field, utf8.RuneCountInString(v), max)
		}
	}
	if text("lang") != "nld" {
		t.Errorf("lang = %q, want nld", text("lang"))
	}
	if ok, _ := filepath.Match("*@*.*", text("contact_email")); !ok {
		t.Errorf("contact_email %q", text("contact_email"))
	}
}
