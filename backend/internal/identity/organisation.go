package identity

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// OrganisationChange is a partial update of an organisation's profile; nil
// fields stay as they are.
type OrganisationChange struct {
	Name, Sector, Size, Postcode            *string
	ContactName, ContactEmail, ContactPhone *string
	Street, City, VatNumber                 *string
	AccountmanagerID                        *string
	// StripeAccountID ("" clears it): admins connect a provider's payouts.
	StripeAccountID *string
}

// UpdateOrganisation changes a profile. Organisation users edit their own
// organisation; accountmanagers the organisations in their portfolio;
// admins any in the region. Only staff assign the accountmanager.
func (s *Service) UpdateOrganisation(ctx context.Context, p authz.Principal, id string, ch OrganisationChange, ip string) (Organisation, error) {
	var r organisationRow
	if err := scopeOrganisations(s.DB.WithContext(ctx), p).Where("id = ?", id).First(&r).Error; err != nil {
		return Organisation{}, translate(err, "load organisation")
	}
	if p.Role == authz.Accountmanager && (r.AccountmanagerID == nil || *r.AccountmanagerID != p.UserID) {
		return Organisation{}, fmt.Errorf("organisation outside portfolio: %w", apperr.ErrForbidden)
	}
	updates := map[string]any{}
	set := func(col string, v *string) {
		if v != nil {
			updates[col] = strings.TrimSpace(*v)
		}
	}
	if ch.Name != nil {
		if _, err := trimmedName(*ch.Name); err != nil {
			return Organisation{}, err
		}
	}
	set("name", ch.Name)
	set("sector", ch.Sector)
	set("size", ch.Size)
	set("contact_name", ch.ContactName)
	set("contact_email", ch.ContactEmail)
	set("contact_phone", ch.ContactPhone)
	set("street", ch.Street)
	set("city", ch.City)
	if ch.VatNumber != nil {
		vat, err := vatNumber("vatNumber", *ch.VatNumber)
		if err != nil {
			return Organisation{}, err
		}
		updates["vat_number"] = vat
	}
	if ch.Postcode != nil {
		addr, err := geo.ResolveAddress("postcode", *ch.Postcode)
		if err != nil {
			return Organisation{}, err
		}
		updates["postcode"] = addr.Postcode
	}
	if ch.AccountmanagerID != nil {
		if p.Role.IsOrganisationRole() {
			return Organisation{}, fmt.Errorf("assign accountmanager: %w", apperr.ErrForbidden)
		}
		var n int64
		s.DB.WithContext(ctx).Model(&userRow{}).Where("id = ? AND region_id = ? AND role = ?", *ch.AccountmanagerID, p.RegionID, string(authz.Accountmanager)).Count(&n)
		if n == 0 {
			return Organisation{}, apperr.Invalid("accountmanagerId", "unknown", msg.M("identity.accountmanagerIdUnknown"))
		}
		updates["accountmanager_id"] = *ch.AccountmanagerID
	}
	if ch.StripeAccountID != nil {
		if p.Role != authz.Admin {
			return Organisation{}, fmt.Errorf("stripe account: %w", apperr.ErrForbidden)
		}
		if r.Kind == "werkgever" && *ch.StripeAccountID != "" {
			return Organisation{}, apperr.Invalid("stripeAccountId", "notAllowed", msg.M("identity.stripeAccountIdNotAllowed"))
		}
		if *ch.StripeAccountID == "" {
			updates["stripe_account_id"] = nil
		} else {
			updates["stripe_account_id"] = *ch.StripeAccountID
		}
	}
	if len(updates) == 0 {
		return r.toOrganisation(), nil
	}
	fields := make([]string, 0, len(updates))
	for k := range updates {
		fields = append(fields, k)
	}
	sort.Strings(fields)
	updates["updated_at"] = s.now()
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&organisationRow{}).Where("id = ?", id).Updates(updates).Error; err != nil {
			return translate(err, "update organisation")
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "organisation.updated", IP: ip,
			SubjectType: "organisation", SubjectID: id, Details: map[string]any{"fields": fields}}))
	})
	if err != nil {
		return Organisation{}, err
	}
	return s.GetOrganisation(ctx, p, id)
}

// ContactKinds are the kinds of contact moment.
var ContactKinds = []string{"telefoon", "bezoek", "e-mail", "overleg", "notitie"}

// ListContactMoments returns an organisation's contact log, newest first.
// Only staff call it (the rule keeps organisation users out).
func (s *Service) ListContactMoments(ctx context.Context, p authz.Principal, orgID string) ([]ContactMoment, error) {
	if _, err := s.GetOrganisation(ctx, p, orgID); err != nil {
		return nil, err
	}
	var rows []struct {
		ID           string
		AuthorUserID string
		Kind         string
		OccurredOn   time.Time
		Note         string
		CreatedAt    time.Time
		AuthorName   string
	}
	err := s.DB.WithContext(ctx).Table("contact_moments c").
		Select("c.id, c.author_user_id, c.kind, c.occurred_on, c.note, c.created_at, u.display_name AS author_name").
		Joins("JOIN users u ON u.id = c.author_user_id").
		Where("c.organisation_id = ? AND c.region_id = ?", orgID, p.RegionID).
		Order("c.occurred_on DESC, c.created_at DESC").Limit(500).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	out := make([]ContactMoment, len(rows))
	for i, r := range rows {
		out[i] = ContactMoment{ID: r.ID, AuthorUserID: r.AuthorUserID, AuthorName: r.AuthorName, Kind: r.Kind,
			OccurredOn: r.OccurredOn, Note: r.Note, CreatedAt: r.CreatedAt.UTC()}
	}
	return out, nil
}

// AddContactMoment records a contact moment or note; it cannot lie in the future.
func (s *Service) AddContactMoment(ctx context.Context, p authz.Principal, orgID, kind string, on time.Time, note string) (ContactMoment, error) {
	if _, err := s.GetOrganisation(ctx, p, orgID); err != nil {
		return ContactMoment{}, err
	}
	ams, _ := time.LoadLocation("Europe/Amsterdam")
	today := s.now().In(ams).Format("2006-01-02")
	if on.Format("2006-01-02") > today {
		return ContactMoment{}, apperr.Invalid("occurredOn", "maximum", msg.M("identity.occurredOnMaximum"))
	}
	r := contactMomentRow{OrganisationID: orgID, RegionID: p.RegionID, AuthorUserID: p.UserID, Kind: kind, OccurredOn: on,
		Note: strings.TrimSpace(note), CreatedAt: s.now()}
	if err := s.DB.WithContext(ctx).Create(&r).Error; err != nil {
		return ContactMoment{}, translate(err, "add contact moment")
	}
	return ContactMoment{ID: r.ID, AuthorUserID: p.UserID, AuthorName: p.DisplayName, Kind: kind, OccurredOn: on, Note: r.Note, CreatedAt: r.CreatedAt}, nil
}

// vatPattern is a Dutch btw-identificatienummer as the tables keep it.
var vatPattern = regexp.MustCompile(`^NL[0-9]{9}B[0-9]{2}$`)

// vatNumber normalises a btw-identificatienummer as people type it ("nl
// 1234.56.789 b01"): spaces and dots dropped, letters upper-cased; empty
// clears it. Anything else is 400 naming field.
func vatNumber(field, in string) (string, error) {
	v := strings.ToUpper(strings.NewReplacer(" ", "", ".", "").Replace(strings.TrimSpace(in)))
	if v != "" && !vatPattern.MatchString(v) {
		return "", apperr.Invalid(field, "pattern", msg.M("identity.vatNumberFormat"))
	}
	return v, nil
}
