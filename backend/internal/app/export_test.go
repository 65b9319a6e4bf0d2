package app_test

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
)

var (
	createTable = regexp.MustCompile(`(?is)\bCREATE\s+(?:UNLOGGED\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?\s*\((.*?)\n\);`)
	alterTable  = regexp.MustCompile(`(?is)\bALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?\s+(.*?);`)
	references  = regexp.MustCompile(`(?i)\bREFERENCES\s+(?:public\.)?"?([a-z_][a-z0-9_]*)"?`)
	candidateID = regexp.MustCompile(`(?im)(^|[\s,(])candidate_id\s+uuid\b`)
)

// candidateTables reads the migrations and returns the tables that hold a
// candidate's data: a candidate_id column or a reference to candidates, and
// every table that references such a table (an invite's events, a
// placement's follow-ups), with the migration that made each one so.
func candidateTables(t *testing.T) map[string]string {
	t.Helper()
	bodies := map[string]string{} // table → its column definitions, ALTERs included
	origin := map[string]string{}
	for _, mig := range migrationUps(t) {
		for _, m := range createTable.FindAllStringSubmatch(mig.up, -1) {
			bodies[m[1]] += m[2] + "\n"
			origin[m[1]] = filepath.Base(mig.file)
		}
		for _, m := range alterTable.FindAllStringSubmatch(mig.up, -1) {
			bodies[m[1]] += m[2] + "\n"
		}
	}
	tables, _ := migrationObjects(t)
	out := map[string]string{}
	for name, body := range bodies {
		if _, live := tables[name]; !live {
			continue // dropped since
		}
		if name != "candidates" && (candidateID.MatchString(body) || slices.ContainsFunc(references.FindAllStringSubmatch(body, -1), func(m []string) bool { return m[1] == "candidates" })) {
			out[name] = origin[name] + ": holds candidate_id"
		}
	}
	out["candidates"] = origin["candidates"]
	for grew := true; grew; {
		grew = false
		for name, body := range bodies {
			if _, done := out[name]; done {
				continue
			}
			if _, live := tables[name]; !live {
				continue
			}
			for _, m := range references.FindAllStringSubmatch(body, -1) {
				if _, ok := out[m[1]]; ok && m[1] != name {
					out[name] = origin[name] + ": references " + m[1]
					grew = true
					break
				}
			}
		}
	}
	return out
}

// TestExportCoversCandidateTables holds the kandidaat's export (AVG art. 15)
// to the migrations: every table with a candidate's data is shown in a
// section of GET /me/candidate/export or left out with a reason
// (candidate.ExportCoverage). A new table with a candidate_id column fails
// here until it is either.
func TestExportCoversCandidateTables(t *testing.T) {
	found := candidateTables(t)
	if len(found) < 5 || found["invites"] == "" || found["invite_events"] == "" {
		t.Fatalf("found only %v: the migration scanner is broken", slices.Sorted(maps.Keys(found)))
	}
	cfg, err := config.LoadFrom([]string{"BASE_URL=http://localhost:8080"})
	if err != nil {
		t.Fatal(err)
	}
	b, err := app.OpenAPI(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Components struct {
			Schemas map[string]struct {
				Properties map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	sections := doc.Components.Schemas["ExportMyDataResponse"].Properties
	if len(sections) == 0 {
		t.Fatal("the OpenAPI document has no ExportMyDataResponse")
	}
	for _, name := range slices.Sorted(maps.Keys(found)) {
		cover, ok := candidate.ExportCoverage[name]
		switch {
		case !ok:
			t.Errorf("%s (%s) is not in the kandidaat's export: show it in a section of GET /me/candidate/export, or leave it out with a reason, in candidate.ExportCoverage", name, found[name])
		case strings.HasPrefix(cover, "- "):
			if len(strings.TrimSpace(cover)) < 20 {
				t.Errorf("%s is left out of the export without a reason: %q", name, cover)
			}
		case sections[cover] == nil:
			t.Errorf("%s: the export has no section %q", name, cover)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(candidate.ExportCoverage)) {
		if _, ok := found[name]; !ok {
			t.Errorf("candidate.ExportCoverage names %s, which holds no candidate data in the migrations: remove it", name)
		}
	}
}

// TestCandidateTables keeps the migration scanner honest on the shapes the
// migrations write.
func TestCandidateTables(t *testing.T) {
	for _, c := range []struct {
		body string
		want bool
	}{
		{"id uuid PRIMARY KEY,\n    candidate_id  uuid NOT NULL REFERENCES candidates (id)", true},
		{"opening_id uuid NOT NULL,\n    candidate_id     uuid NOT NULL,", true},
		{"id uuid,\n    FOREIGN KEY (candidate_id, region_id) REFERENCES candidates (id, region_id)", true},
		{"id uuid,\n    other_candidate_id_note text", false},
	} {
		got := candidateID.MatchString(c.body) || slices.ContainsFunc(references.FindAllStringSubmatch(c.body, -1), func(m []string) bool { return m[1] == "candidates" })
		if got != c.want {
			t.Errorf("%q: %v, want %v", c.body, got, c.want)
		}
	}
}
