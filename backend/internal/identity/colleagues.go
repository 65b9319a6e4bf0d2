package identity

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// An organisation's users invite and remove their colleagues (same
// organisation, the organisation's role); the region's admins and the
// organisation's accountmanager may too. Removing disables the account
// and ends its sessions; the last active or invited user of an
// organisation cannot be removed (409 lastUser), so an organisation never
// locks itself out.

// colleagueOrg loads the organisation the caller may manage the users of:
// their own (organisation users), their region's (staff).
func (s *Service) colleagueOrg(ctx context.Context, db *gorm.DB, p authz.Principal, orgID string) (organisationRow, error) {
	var o organisationRow
	if err := scopeOrganisations(db.WithContext(ctx), p).Where("id = ?", orgID).First(&o).Error; err != nil {
		return o, translate(err, "load organisation")
	}
	if p.Role == authz.Accountmanager && (o.AccountmanagerID == nil || *o.AccountmanagerID != p.UserID) {
		return o, fmt.Errorf("organisation outside portfolio: %w", apperr.ErrForbidden)
	}
	if o.Kind != string(authz.Werkgever) && o.Kind != string(authz.Zorgaanbieder) {
		return o, fmt.Errorf("organisation of kind %s: %w", o.Kind, apperr.ErrForbidden)
	}
	return o, nil
}

// Colleagues lists an organisation's users (not disabled ones).
func (s *Service) Colleagues(ctx context.Context, p authz.Principal, orgID string) ([]User, error) {
	o, err := s.colleagueOrg(ctx, s.DB, p, orgID)
	if err != nil {
		return nil, err
	}
	var rows []userRow
	if err := s.DB.WithContext(ctx).Where("organisation_id = ? AND status <> ?", o.ID, StatusDisabled).Order("display_name, id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]User, len(rows))
	for i, r := range rows {
		out[i] = r.toUser()
	}
	return out, nil
}

// InviteColleague invites a user to an organisation, with the
// organisation's role; they get a mail to choose a password.
func (s *Service) InviteColleague(ctx context.Context, p authz.Principal, orgID, email, name, ip string) (User, error) {
	o, err := s.colleagueOrg(ctx, s.DB, p, orgID)
	if err != nil {
		return User{}, err
	}
	if name, err = trimmedDisplayName(name); err != nil {
		return User{}, err
	}
	now := s.now()
	row := userRow{RegionID: o.RegionID, OrganisationID: &o.ID, Email: NormaliseEmail(email), DisplayName: name, Role: o.Kind,
		Status: StatusInvited, CreatedAt: now, UpdatedAt: now}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&row).Error; err != nil {
			if errors.Is(translate(err, "create user"), apperr.ErrConflict) {
				return apperr.Invalid("email", "unique", msg.M("identity.emailUnique"))
			}
			return translate(err, "create user")
		}
		if err := s.issueToken(ctx, tx, row.ID, p.UserID, "invitation", InvitationTokenTTL, "invitation", map[string]any{"invitedBy": p.DisplayName}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "user.invited", IP: ip, SubjectType: "user", SubjectID: row.ID,
			Details: map[string]any{"role": row.Role, "organisation": o.ID}}))
	})
	if err != nil {
		return User{}, err
	}
	return row.toUser(), nil
}

// RemoveColleague disables an organisation's user and ends their sessions
// and links. The last active or invited user is refused (409 lastUser).
func (s *Service) RemoveColleague(ctx context.Context, p authz.Principal, orgID, userID, ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		o, err := s.colleagueOrg(ctx, tx, p, orgID)
		if err != nil {
			return err
		}
		// Removals within one organisation take turns, so two colleagues
		// cannot remove each other at once.
		if err := tx.Exec(`SELECT id FROM organisations WHERE id = ? FOR UPDATE`, o.ID).Error; err != nil {
			return err
		}
		var u userRow
		if err := tx.Where("id = ? AND organisation_id = ? AND status <> ?", userID, o.ID, StatusDisabled).First(&u).Error; err != nil {
			return translate(err, "load colleague")
		}
		var others int64
		if err := tx.Model(&userRow{}).Where("organisation_id = ? AND id <> ? AND status <> ?", o.ID, u.ID, StatusDisabled).Count(&others).Error; err != nil {
			return err
		}
		if others == 0 {
			return &apperr.ConflictError{Code: "lastUser", Msg: msg.M("identity.lastUser")}
		}
		if err := tx.Model(&userRow{}).Where("id = ?", u.ID).Updates(map[string]any{"status": StatusDisabled, "updated_at": s.now()}).Error; err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", u.ID).Delete(&sessionRow{}).Error; err != nil {
			return err
		}
		if _, err := revokeLinks(ctx, tx, u.ID, "password_reset", "invitation"); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "user.removed", IP: ip, SubjectType: "user", SubjectID: u.ID,
			Details: map[string]any{"organisation": o.ID}}))
	})
}
