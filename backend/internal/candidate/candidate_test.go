package candidate

import (
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

func TestFreshnessOf(t *testing.T) {
	now := time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		days int
		want Freshness
	}{{0, Fresh}, {89, Fresh}, {90, Stale}, {179, Stale}, {180, Expired}, {400, Expired}} {
		if got := FreshnessOf(now.AddDate(0, 0, -c.days), now); got != c.want {
			t.Errorf("%d days: %s, want %s", c.days, got, c.want)
		}
	}
}

func TestCompleteness(t *testing.T) {
	score, missing := Completeness(Profile{})
	if score != 0 || len(missing) != 11 || missing[0] != "occupations" {
		t.Fatalf("empty profile: %d %v", score, missing)
	}
	n := 4
	p := Profile{Occupations: []string{"x"}, Skills: []string{"a", "b", "c"}, PC4: "3511", MaxTravelKm: &n, HoursMin: &n, HoursMax: &n, Rung: &n}
	score, missing = Completeness(p)
	if score != 75 || len(missing) != 5 || missing[0] != "education" {
		t.Fatalf("pool essentials filled: %d %v", score, missing)
	}
}

func TestEducationRank(t *testing.T) {
	if EducationRank("") != 0 || EducationRank("geen") != 1 || EducationRank("mbo2") <= EducationRank("vmbo") || EducationRank("wo") != 10 {
		t.Fatal("education ranks are ordered")
	}
}

// Every code the profile stores has a label in the export, in both languages.
func TestExportLabels(t *testing.T) {
	for name, c := range map[string]struct {
		labels map[string]msg.Message
		codes  []string
	}{
		"statuses":  {statusLabels, []string{string(Available), string(InProcess), string(Placed), string(Paused)}},
		"freshness": {freshnessLabels, []string{string(Fresh), string(Stale), string(Expired)}},
		"education": {educationLabels, Education},
		"languages": {languageLabels, LanguageCodes},
		"consent":   {consentMethodLabels, ConsentMethods},
		"rungs":     {rungLabels, []string{"1", "2", "3", "4", "5", "6"}},
	} {
		for _, code := range c.codes {
			m, ok := c.labels[code]
			if !ok || !msg.Has(m.ID) {
				t.Errorf("%s: %q has no label in both languages", name, code)
			}
		}
	}
	for _, s := range []string{"document", "contact", "account", "profile", "consents", "invites", "disclosures", "placements", "recommendations",
		"poolAppearances", "services", "mails", "confirmationLinks", "notifications", "history", "accessLog"} {
		if _, ok := sectionTexts[s]; !ok {
			t.Errorf("section %s has no title", s)
		}
	}
}
