package invite

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// The readers below are what other domains (bookings linked to an invite
// or a placement) may ask of invites, in the caller's db.

// AcceptedCandidate is the candidate of the organisation's invite id once
// the kandidaat has accepted it (accepted, introduced, intake planned or
// placed); any other invite is apperr.ErrNotFound.
func (s *Service) AcceptedCandidate(ctx context.Context, db *gorm.DB, id, orgID string) (string, error) {
	return candidateOf(ctx, db, `SELECT count(*), max(candidate_id::text) FROM invites WHERE id = ? AND organisation_id = ? AND state IN ('accepted', 'introduced', 'intake_planned', 'placed')`, id, orgID)
}

// PlacedCandidate is the candidate of the organisation's placement id while
// it lasts; an ended or unknown placement is apperr.ErrNotFound.
func (s *Service) PlacedCandidate(ctx context.Context, db *gorm.DB, id, orgID string) (string, error) {
	return candidateOf(ctx, db, `SELECT count(*), max(candidate_id::text) FROM placements WHERE id = ? AND organisation_id = ? AND ended_on IS NULL`, id, orgID)
}

func candidateOf(ctx context.Context, db *gorm.DB, query, id, orgID string) (string, error) {
	var n int64
	var c *string
	if err := db.WithContext(ctx).Raw(query, id, orgID).Row().Scan(&n, &c); err != nil {
		return "", err
	}
	if n == 0 || c == nil {
		return "", fmt.Errorf("%s for organisation %s: %w", id, orgID, apperr.ErrNotFound)
	}
	return *c, nil
}
