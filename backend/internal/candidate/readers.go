package candidate

import (
	"context"

	"gorm.io/gorm"
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
