package matching

import (
	"regexp"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// Passende vacatures speaks to the klantmanager: no reason addresses the
// reader as the organisation ("u vraagt", "uw startdatum"), issue 22.
func TestFitsSpeakToTheKlantmanager(t *testing.T) {
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	o := opening.Opening{OccupationLabel: "bakker", Fields: opening.Fields{HoursMin: 24, StartDate: &start}}
	d := candidate.Document{ID: "c", Code: "K-1", HoursMin: 8, HoursMax: 16, SupportNeeds: []string{"jobcoach", "vaste-structuur"},
		AvailableFrom: start.AddDate(0, 1, 0).Unix(), ConfirmedAt: start.Unix()}
	o.Support = []string{"vaste-structuur"}
	s := &Service{Now: func() time.Time { return start }}
	employer := s.card(o, d, rankRule{})
	km := forKlantmanager(employer)
	addressed := regexp.MustCompile(`(?i)\b(u|uw|you|your)\b`)
	found := 0
	for i, r := range km.Reasons {
		if addressed.MatchString(r.NL) || addressed.MatchString(r.EN) {
			t.Errorf("addressed as the organisation: %q / %q", r.NL, r.EN)
		}
		if employer.Reasons[i].NL != r.NL {
			found++
		}
	}
	if found < 3 {
		t.Errorf("only %d reasons reworded: %+v", found, km.Reasons)
	}
}
