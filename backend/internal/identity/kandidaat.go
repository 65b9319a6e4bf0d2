package identity

import (
	"context"

	"gorm.io/gorm"
)

// A kandidaat's account is made, readdressed and removed by package
// candidate (with the candidate it belongs to), in candidate's
// transaction, through these writers. The account signs in by mailed link
// only and is named by the candidate's public code.

// CreateKandidaatAccount adds an active kandidaat account in tx and
// returns its id; an address that has an account already is
// apperr.ErrConflict.
func (s *Service) CreateKandidaatAccount(ctx context.Context, tx *gorm.DB, regionID, email, displayName string) (string, error) {
	var id string
	err := tx.WithContext(ctx).Raw(`INSERT INTO users (region_id, email, display_name, role, status) VALUES (?, ?, ?, 'kandidaat', 'active') RETURNING id::text`,
		regionID, email, displayName).Row().Scan(&id)
	return id, translate(err, "create kandidaat account")
}

// SetAccountEmail moves an account to a new address in tx; an address
// that has an account already is apperr.ErrConflict.
func (s *Service) SetAccountEmail(ctx context.Context, tx *gorm.DB, userID, email string) error {
	err := tx.WithContext(ctx).Exec(`UPDATE users SET email = ?, updated_at = now() WHERE id = ?`, email, userID).Error
	return translate(err, "change account e-mail")
}

// DeleteKandidaatAccount removes a kandidaat account in tx (any other
// role's account stays).
func (s *Service) DeleteKandidaatAccount(ctx context.Context, tx *gorm.DB, userID string) error {
	return tx.WithContext(ctx).Exec(`DELETE FROM users WHERE id = ? AND role = 'kandidaat'`, userID).Error
}
