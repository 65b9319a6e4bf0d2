package matching_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// The Algoritmeregister publication standard, version 1.0: its fields, the
// ones it requires, and the values it permits.
var (
	registerFields = []string{"name", "description_short", "organization", "category", "status", "begin_date", "end_date",
		"contact_email", "website", "publication_category", "url", "goal", "proportionality", "human_intervention", "risks",
		"lawful_basis", "lawful_basis_grouping", "process_index_url", "impacttoetsen_grouping", "impacttoetsen", "source_data",
		"source_data_grouping", "methods_and_models", "provider", "publiccode", "lang", "standard_version", "source_id", "tags"}
	// required by the standard for every publication
	registerRequired = []string{"name", "description_short", "organization", "status", "contact_email", "publication_category", "lang"}
	// required for impactful algorithms and high-risk AI systems: the explanation and its sources
	registerImpactRequired = []string{"category", "goal", "proportionality", "human_intervention", "risks", "lawful_basis",
		"lawful_basis_grouping", "source_data", "source_data_grouping", "methods_and_models", "standard_version"}
	registerStatus     = []string{"In ontwikkeling", "In gebruik", "Buiten gebruik"}
	registerCategories = []string{"Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes"}
	registerThemes     = []string{"Organisatie en bedrijfsvoering", "Cultuur en recreatie", "Economie", "Overheidsfinanciën", "Wonen",
		"Internationaal", "Migratie en integratie", "Natuur en milieu", "Onderwijs en wetenschap", "Openbare orde en veiligheid",
		"Recht", "Ruimte en infrastructuur", "Sociale zekerheid", "Verkeer", "Werk", "Zorg en gezondheid"}
)

// docs/algoritmeregister.json follows the Algoritmeregister publication
// standard: only its fields, every required one filled, every value one the
// standard permits, and the groupings as title + link (a link is a web
// address or a file in this repository). The ranking decides which
// candidates an organisation gets to see, so the entry is published as at
// least an impactful algorithm.
func TestAlgoritmeregister(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testkit.RepoRoot(), "docs", "algoritmeregister.json"))
	apptest.Must(t, err)
	dec := json.NewDecoder(bytes.NewReader(b))
	var doc map[string]any
	apptest.Must(t, dec.Decode(&doc))
	for field := range doc {
		if !slices.Contains(registerFields, field) {
			t.Errorf("%s is not a field of the standard", field)
		}
	}
	text := func(field string) string {
		s, _ := doc[field].(string)
		return s
	}
	for _, field := range append(slices.Clone(registerRequired), registerImpactRequired...) {
		v, ok := doc[field]
		if !ok || v == nil || v == "" {
			t.Errorf("%s is required and missing", field)
		}
	}
	for field, max := range map[string]int{"name": 100, "description_short": 400} {
		if n := utf8.RuneCountInString(text(field)); n > max {
			t.Errorf("%s has %d characters, at most %d", field, n, max)
		}
	}
	if !slices.Contains(registerStatus, text("status")) {
		t.Errorf("status %q is not one of %q", text("status"), registerStatus)
	}
	if c := text("publication_category"); !slices.Contains(registerCategories, c) {
		t.Errorf("publication_category %q is not one of %q", c, registerCategories)
	} else if c == "Overige algoritmes" {
		t.Error("the ranking decides which candidates an employer sees: at least 'Impactvolle algoritmes'")
	}
	if text("lang") != "nld" {
		t.Errorf("lang = %q, want nld", text("lang"))
	}
	if text("standard_version") != "1.0" {
		t.Errorf("standard_version = %q, want 1.0", text("standard_version"))
	}
	if ok, _ := filepath.Match("*@*.*", text("contact_email")); !ok {
		t.Errorf("contact_email %q", text("contact_email"))
	}
	themes, _ := doc["category"].([]any)
	for _, th := range themes {
		if s, _ := th.(string); !slices.Contains(registerThemes, s) {
			t.Errorf("category %v is not a theme of the standard", th)
		}
	}
	for _, field := range []string{"lawful_basis_grouping", "source_data_grouping"} {
		items, _ := doc[field].([]any)
		if len(items) == 0 {
			t.Errorf("%s: want at least one {title, link}", field)
		}
		for _, it := range items {
			m, _ := it.(map[string]any)
			title, _ := m["title"].(string)
			link, _ := m["link"].(string)
			if title == "" || link == "" || len(m) != 2 {
				t.Errorf("%s: %v is not {title, link}", field, it)
				continue
			}
			if strings.HasPrefix(link, "https://") {
				continue
			}
			if _, err := os.Stat(filepath.Join(testkit.RepoRoot(), link)); err != nil {
				t.Errorf("%s: link %q is neither a web address nor a file in the repository", field, link)
			}
		}
	}
}
