package candidate

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// Indications are the candidate's registrations that make some services
// available (bookings' eligibility rules).
type Indications struct {
	Doelgroepregister bool
	LKSIndicatie      bool
}

// Indications reads candidate id's indications in db.
func (s *Service) Indications(ctx context.Context, db *gorm.DB, id string) (Indications, error) {
	var in Indications
	err := db.WithContext(ctx).Raw(`SELECT doelgroepregister, lks_indicatie FROM candidates WHERE id = ?`, id).Row().Scan(&in.Doelgroepregister, &in.LKSIndicatie)
	return in, err
}

// Consent reports whether the region's candidate id consented to be found;
// an erased, unknown or another region's candidate (or an id that is no
// uuid) is apperr.ErrNotFound.
func (s *Service) Consent(ctx context.Context, regionID, id string) (bool, error) {
	var consent *bool
	if err := s.DB.WithContext(ctx).Raw(`SELECT consent FROM candidates WHERE id = ? AND region_id = ? AND status <> 'erased'`, id, regionID).Row().Scan(&consent); err != nil || consent == nil {
		return false, fmt.Errorf("candidate %s: %w", id, apperr.ErrNotFound)
	}
	return *consent, nil
}
