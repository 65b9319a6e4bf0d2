package apptest

import (
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/opening"
)

// Placement records a placement of candidateID with the Korenschoof bakery
// directly (the invite journey is tested elsewhere), starting on start with
// contract and 24 hours a week; it returns the placement's and its invite's id.
func (f *Fixture) Placement(candidateID, contract string, start time.Time) (placementID, inviteID string) {
	f.T.Helper()
	g := f.DB.Gorm
	o := f.NewOpening("Bakkerij De Korenschoof", opening.Open)
	org := f.Org["Bakkerij De Korenschoof"]
	Must(f.T, g.Raw(`INSERT INTO invites (region_id, opening_id, organisation_id, candidate_id, state, message, invited_by, sent_at, expires_at)
		VALUES (?, ?, ?, ?, 'placed', 'Hoi', ?, now(), now()) RETURNING id::text`, f.RegionA, o, org, candidateID, f.User[AdminA]).Row().Scan(&inviteID))
	wage := 1500
	if contract == "proefplaatsing" || contract == "geen" {
		wage = 0
	}
	Must(f.T, g.Raw(`INSERT INTO placements (invite_id, region_id, organisation_id, opening_id, candidate_id, start_date, contract_type, hours, hourly_wage_cents, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, 24, ?, ?) RETURNING id::text`, inviteID, f.RegionA, org, o, candidateID, start.Format(time.DateOnly), contract, wage, f.User[AdminA]).
		Row().Scan(&placementID))
	return placementID, inviteID
}
