package identity

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The platform administrator (authz.Platform) belongs to no region: its
// users row has no region_id (a CHECK in migration 00044 allows that for
// this role only). It creates regions and invites each region's first
// admin; once a region has an active admin, that region manages itself and
// the platform administrator cannot add anyone to it, so it never gets a
// way into a region's personal data.

// withAdminStatus fills in each region's AdminStatus.
func (s *Service) withAdminStatus(ctx context.Context, regions []Region) ([]Region, error) {
	ids := make([]string, len(regions))
	for i, r := range regions {
		ids[i] = r.ID
	}
	var rows []struct {
		RegionID string
		Status   string
	}
	if len(ids) > 0 {
		if err := s.DB.WithContext(ctx).Raw(`SELECT region_id::text AS region_id, status FROM users
			WHERE role = 'admin' AND status IN ? AND region_id IN ?`, []string{StatusInvited, StatusActive}, ids).Scan(&rows).Error; err != nil {
			return nil, err
		}
	}
	status := map[string]string{}
	for _, r := range rows {
		if status[r.RegionID] != AdminActive {
			status[r.RegionID] = map[string]string{StatusActive: AdminActive, StatusInvited: AdminInvited}[r.Status]
		}
	}
	for i := range regions {
		regions[i].AdminStatus = AdminNone
		if st, ok := status[regions[i].ID]; ok {
			regions[i].AdminStatus = st
		}
	}
	return regions, nil
}

// InviteRegionAdmin invites the first admin of a region (the platform
// administrator only): an invited admin of that region gets a mailed link
// (valid 7 days) to choose a password. A region that has an active admin
// already answers apperr.ErrConflict: from then on its own admins invite.
// An unknown region is apperr.ErrNotFound.
func (s *Service) InviteRegionAdmin(ctx context.Context, p authz.Principal, regionID, email, displayName, ip string) (User, error) {
	if p.Role != authz.Platform {
		return User{}, fmt.Errorf("invite a region's admin as %s: %w", p.Role, apperr.ErrForbidden)
	}
	name, err := trimmedDisplayName(displayName)
	if err != nil {
		return User{}, err
	}
	row := userRow{RegionID: regionID, Email: NormaliseEmail(email), DisplayName: name,
		Role: string(authz.Admin), Status: StatusInvited, CreatedAt: s.now(), UpdatedAt: s.now()}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// Lock the region, so two invitations and an acceptance are serialised.
		var found []string
		if err := tx.Raw(`SELECT id::text FROM regions WHERE id = ? FOR UPDATE`, regionID).Scan(&found).Error; err != nil {
			return err
		}
		if len(found) == 0 {
			return fmt.Errorf("region %s: %w", regionID, apperr.ErrNotFound)
		}
		var active int64
		if err := tx.Model(&userRow{}).Where("region_id = ? AND role = ? AND status = ?", regionID, string(authz.Admin), StatusActive).Count(&active).Error; err != nil {
			return err
		}
		if active > 0 {
			return &apperr.ConflictError{Code: "regionHasAdmin", Msg: msg.M("identity.regionHasAdmin")}
		}
		if err := tx.Create(&row).Error; err != nil {
			if errors.Is(translate(err, "create user"), apperr.ErrConflict) {
				return apperr.Invalid("email", "unique", msg.M("identity.emailUnique"))
			}
			return translate(err, "create user")
		}
		if err := s.issueToken(ctx, tx, row.ID, p.UserID, "invitation", InvitationTokenTTL, "invitation", map[string]any{"invitedBy": "Werkhaven"}); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{RegionID: regionID, Action: "user.invited", IP: ip, SubjectType: "user", SubjectID: row.ID,
			Details: map[string]any{"role": row.Role, "by": "platform"}}))
	})
	if err != nil {
		return User{}, err
	}
	return row.toUser(), nil
}

// CreatePlatformAdmin makes a platform administrator at install (the
// command werkhaven admin create-platform): an invited user of no region,
// and a single-use link (valid as long as an invitation) where they choose
// a password. The link is returned, not mailed: whoever installs Werkhaven
// hands it over.
func (s *Service) CreatePlatformAdmin(ctx context.Context, email, displayName string) (string, error) {
	email = NormaliseEmail(email)
	if !validEmail(email) {
		return "", apperr.Invalid("email", "format", msg.M("identity.emailFormat"))
	}
	if strings.TrimSpace(displayName) == "" {
		displayName = "Platformbeheerder"
	}
	secret, hash := NewSecret()
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var id string
		err := tx.Raw(`INSERT INTO users (region_id, email, display_name, role, status, created_at, updated_at)
			VALUES (NULL, ?, ?, ?, ?, ?, ?) RETURNING id::text`, email, strings.TrimSpace(displayName), string(authz.Platform), StatusInvited, s.now(), s.now()).Row().Scan(&id)
		if err != nil {
			if errors.Is(translate(err, "create platform administrator"), apperr.ErrConflict) {
				return apperr.Invalid("email", "unique", msg.M("identity.emailUnique"))
			}
			return translate(err, "create platform administrator")
		}
		tok := tokenRow{Purpose: "invitation", TokenHash: hash, UserID: id, CreatedAt: s.now(), ExpiresAt: s.now().Add(InvitationTokenTTL)}
		if err := tx.Create(&tok).Error; err != nil {
			return fmt.Errorf("issue invitation token: %w", err)
		}
		return audit.Record(ctx, tx, audit.Event{Action: "user.invited", SubjectType: "user", SubjectID: id,
			Details: map[string]any{"role": string(authz.Platform), "by": "command"}})
	})
	if err != nil {
		return "", err
	}
	return mail.Link(s.BaseURL, InvitationPath, secret), nil
}

// validEmail is the users table's check on an address, before the insert.
func validEmail(email string) bool {
	local, domain, ok := strings.Cut(email, "@")
	return ok && local != "" && len(email) <= 254 && !strings.ContainsAny(email, " \t\r\n") &&
		!strings.Contains(domain, "@") && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
