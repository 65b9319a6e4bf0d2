package identity

import (
	"context"

	"gorm.io/gorm"
)

// The readers below are what other domains may ask of organisations and
// their users, without naming identity's tables (tables_test.go). Each
// takes the caller's db: inside a transaction it is the transaction, so the
// read sees (and waits for) what the transaction holds. Lists joining an
// organisation's name read the organisation_directory view instead.

// OrganisationUsers are the ids of an organisation's active users (who is
// told what happens to its invites and bookings), in id order.
func (s *Service) OrganisationUsers(ctx context.Context, db *gorm.DB, orgID string) ([]string, error) {
	var ids []string
	err := db.WithContext(ctx).Raw(`SELECT id::text FROM users WHERE organisation_id = ? AND status = 'active' ORDER BY id`, orgID).Scan(&ids).Error
	return ids, err
}

// RegionAdmins are the ids of a region's active admins (who is told what
// needs a functional administrator, such as a payment that did not match),
// in id order.
func (s *Service) RegionAdmins(ctx context.Context, db *gorm.DB, regionID string) ([]string, error) {
	var ids []string
	err := db.WithContext(ctx).Raw(`SELECT id::text FROM users WHERE region_id = ? AND role = 'admin' AND status = 'active' ORDER BY id`, regionID).Scan(&ids).Error
	return ids, err
}

// Accountmanager is the organisation's accountmanager ("" when it has none).
func (s *Service) Accountmanager(ctx context.Context, db *gorm.DB, orgID string) (string, error) {
	var id *string
	err := db.WithContext(ctx).Raw(`SELECT accountmanager_id::text FROM organisations WHERE id = ?`, orgID).Row().Scan(&id)
	if id == nil {
		return "", err
	}
	return *id, err
}

// LockOrganisation holds the organisation's row until tx ends, so that
// decisions counted per organisation (invites per day) are taken one at a
// time.
func (s *Service) LockOrganisation(ctx context.Context, tx *gorm.DB, id string) error {
	return tx.WithContext(ctx).Exec(`SELECT 1 FROM organisations WHERE id = ? FOR UPDATE`, id).Error
}

// Organisation is the region's organisation id as another domain's rules
// need it (its kind, accountmanager, payout account); another region's or
// an unknown id is apperr.ErrNotFound. Unlike GetOrganisation it applies no
// principal: the caller has decided who may act.
func (s *Service) Organisation(ctx context.Context, db *gorm.DB, regionID, id string) (Organisation, error) {
	var r organisationRow
	if err := db.WithContext(ctx).Where("id = ? AND region_id = ?", id, regionID).Take(&r).Error; err != nil {
		return Organisation{}, translate(err, "load organisation")
	}
	return r.toOrganisation(), nil
}

// OrganisationNames are the names of the organisations among ids, by id.
func (s *Service) OrganisationNames(ctx context.Context, ids []string) (map[string]string, error) {
	var rows []struct{ ID, Name string }
	if err := s.DB.WithContext(ctx).Table("organisations").Select("id::text AS id, name").Where("id IN ?", ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	names := make(map[string]string, len(rows))
	for _, r := range rows {
		names[r.ID] = r.Name
	}
	return names, nil
}

// Person is who acted, as a kandidaat's overview of their data names them:
// the role, the display name and, for organisation users, the organisation.
type Person struct {
	Role, Name, Organisation string
}

// People are the users among ids (any role; a removed user is absent), by id.
func (s *Service) People(ctx context.Context, db *gorm.DB, ids []string) (map[string]Person, error) {
	out := map[string]Person{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct{ ID, Role, Name, Organisation string }
	if err := db.WithContext(ctx).Raw(`SELECT u.id::text AS id, u.role, u.display_name AS name, coalesce(o.name, '') AS organisation
		FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id WHERE u.id IN ?`, ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ID] = Person{Role: r.Role, Name: r.Name, Organisation: r.Organisation}
	}
	return out, nil
}
