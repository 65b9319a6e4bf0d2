package identity

import (
	"context"
	"time"

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

// Account is what Werkhaven keeps of a kandidaat's account: the address it
// signs in with, its sessions and the sign-in links mailed to it.
type Account struct {
	Email     string
	CreatedAt time.Time
	Sessions  []AccountSession
	Links     []AccountLink
}

// AccountSession is one signed-in session (hashed id left out).
type AccountSession struct {
	Kind                             string // password, magic_link
	StartedAt, LastSeenAt, ExpiresAt time.Time
}

// AccountLink is one mailed single-use link (its hash left out).
type AccountLink struct {
	Purpose              string // magic_link, password_reset, invitation
	CreatedAt, ExpiresAt time.Time
	UsedAt               *time.Time
}

// KandidaatAccount reads the kandidaat account userID in db, for the
// kandidaat's own overview of their data; another role's account is
// apperr.ErrNotFound.
func (s *Service) KandidaatAccount(ctx context.Context, db *gorm.DB, userID string) (Account, error) {
	var u userRow
	if err := db.WithContext(ctx).Where("id = ? AND role = 'kandidaat'", userID).Take(&u).Error; err != nil {
		return Account{}, translate(err, "load kandidaat account")
	}
	a := Account{Email: u.Email, CreatedAt: u.CreatedAt.UTC(), Sessions: []AccountSession{}, Links: []AccountLink{}}
	var sessions []sessionRow
	if err := db.WithContext(ctx).Select("kind, created_at, last_seen_at, expires_at").Where("user_id = ?", userID).Order("created_at DESC").Find(&sessions).Error; err != nil {
		return Account{}, err
	}
	for _, r := range sessions {
		a.Sessions = append(a.Sessions, AccountSession{Kind: r.Kind, StartedAt: r.CreatedAt.UTC(), LastSeenAt: r.LastSeenAt.UTC(), ExpiresAt: r.ExpiresAt.UTC()})
	}
	var links []tokenRow
	if err := db.WithContext(ctx).Select("purpose, created_at, expires_at, used_at").Where("user_id = ?", userID).Order("created_at DESC").Find(&links).Error; err != nil {
		return Account{}, err
	}
	for _, r := range links {
		a.Links = append(a.Links, AccountLink{Purpose: r.Purpose, CreatedAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(), UsedAt: r.UsedAt})
	}
	return a, nil
}
