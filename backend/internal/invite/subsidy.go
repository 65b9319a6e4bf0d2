package invite

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// What subsidies ask of invites: the work a kandidaat said yes to, and
// its placement once there is one. Nothing here carries personal data:
// the candidate is an id, read for its indications only.

// Case is an invite the kandidaat accepted, with its placement (nil before
// the placement).
type Case struct {
	InviteID, RegionID, OrganisationID, OpeningID, CandidateID string
	OrganisationName, OpeningTitle, CandidateCode              string
	State                                                      State
	Placement                                                  *Placement
}

// accepted are the states of an invite after the kandidaat's yes.
var accepted = []State{Accepted, Introduced, IntakePlanned, Placed}

// CaseOf is invite id as p may see it once the kandidaat accepted; any
// other invite, or one p may not see, is apperr.ErrNotFound.
func (s *Service) CaseOf(ctx context.Context, db *gorm.DB, p authz.Principal, id string) (Case, error) {
	v, err := load(ctx, db, p, id, false)
	if err != nil {
		return Case{}, err
	}
	in := v.toInvite()
	if !slices.Contains(accepted, in.State) {
		return Case{}, fmt.Errorf("invite %s is %s: %w", id, in.State, apperr.ErrNotFound)
	}
	c := Case{InviteID: in.ID, RegionID: in.RegionID, OrganisationID: in.OrganisationID, OpeningID: in.OpeningID, CandidateID: in.CandidateID,
		OrganisationName: in.OrganisationName, OpeningTitle: in.OpeningTitle, CandidateCode: in.CandidateCode, State: in.State}
	var pl []placementRow
	if err := db.WithContext(ctx).Where("invite_id = ?", id).Find(&pl).Error; err != nil {
		return Case{}, database.Translate(err, "placement of invite")
	}
	if len(pl) == 1 {
		c.Placement = toPlacement(pl[0])
	}
	return c, nil
}

// PlacementCase is placement id as p may see it (through its invite).
func (s *Service) PlacementCase(ctx context.Context, db *gorm.DB, p authz.Principal, placementID string) (Case, error) {
	var inviteID *string
	if err := db.WithContext(ctx).Raw(`SELECT max(invite_id::text) FROM placements WHERE id::text = ? AND region_id = ?`, placementID, p.RegionID).
		Row().Scan(&inviteID); err != nil {
		return Case{}, database.Translate(err, "placement")
	}
	if inviteID == nil {
		return Case{}, fmt.Errorf("placement %s: %w", placementID, apperr.ErrNotFound)
	}
	return s.CaseOf(ctx, db, p, *inviteID)
}

// RunningPlacements are every placement that started on or after since and has
// not ended, oldest start first, for sweeps (no principal: the caller is
// the system).
func (s *Service) RunningPlacements(ctx context.Context, db *gorm.DB, since time.Time) ([]Case, error) {
	var rows []placementRow
	if err := db.WithContext(ctx).Where("start_date >= ? AND ended_on IS NULL", since).Order("start_date, id").Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "placements")
	}
	out := make([]Case, len(rows))
	for i, r := range rows {
		out[i] = Case{InviteID: r.InviteID, RegionID: r.RegionID, OrganisationID: r.OrganisationID, OpeningID: r.OpeningID,
			CandidateID: r.CandidateID, State: Placed, Placement: toPlacement(r)}
	}
	return out, nil
}
