package identity

import (
	"context"
	"fmt"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
)

// FirstSteps is what a new organisation's start page checks off: a
// complete profile, and meeting its accountmanager (done once the
// accountmanager logged a visit, call or meeting with it; the log itself
// stays staff-only). The first vacature is the openings' to count.
type FirstSteps struct {
	// Missing lists the profile fields still empty (sector, size,
	// contactName, contactEmail, contactPhone).
	Missing             []string
	AccountmanagerName  string
	AccountmanagerEmail string
	MetAccountmanager   bool
}

// FirstSteps reads an organisation's first steps; organisation users
// their own, staff their region's (another's is not found).
func (s *Service) FirstSteps(ctx context.Context, p authz.Principal, orgID string) (FirstSteps, error) {
	var r organisationRow
	if err := scopeOrganisations(s.DB.WithContext(ctx), p).Where("id = ?", orgID).First(&r).Error; err != nil {
		return FirstSteps{}, translate(err, "load organisation")
	}
	out := FirstSteps{Missing: []string{}}
	for _, f := range []struct{ name, v string }{{"sector", r.Sector}, {"size", r.Size}, {"contactName", r.ContactName},
		{"contactEmail", r.ContactEmail}, {"contactPhone", r.ContactPhone}} {
		if f.v == "" {
			out.Missing = append(out.Missing, f.name)
		}
	}
	if r.AccountmanagerID != nil {
		var am userRow
		if err := s.DB.WithContext(ctx).Select("display_name, email").First(&am, "id = ?", *r.AccountmanagerID).Error; err != nil {
			return FirstSteps{}, translate(err, "load accountmanager")
		}
		out.AccountmanagerName, out.AccountmanagerEmail = am.DisplayName, am.Email
	}
	var met int64
	if err := s.DB.WithContext(ctx).Model(&contactMomentRow{}).Where("organisation_id = ? AND kind IN ?", orgID, []string{"bezoek", "telefoon", "overleg"}).
		Count(&met).Error; err != nil {
		return FirstSteps{}, fmt.Errorf("first steps: %w", err)
	}
	out.MetAccountmanager = met > 0
	return out, nil
}
