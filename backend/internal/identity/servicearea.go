package identity

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// A region's service area is the PC4 areas it serves (region_service_areas):
// an organisation that signs up is routed to the region serving its
// postcode. Each area is served by one region at most. A region's admins
// edit their own region's area and contact details; another region's is
// not found.

// MaxServiceAreas bounds one region's list (the Netherlands has about
// 4,000 PC4 areas).
const MaxServiceAreas = 4100

var pc4Re = regexp.MustCompile(`^[1-9][0-9]{3}$`)

// ownRegion answers apperr.ErrNotFound unless regionID is the caller's.
func ownRegion(p authz.Principal, regionID string) error {
	if p.RegionID == "" || p.RegionID != regionID {
		return fmt.Errorf("region %s: %w", regionID, apperr.ErrNotFound)
	}
	return nil
}

// ServiceArea lists the PC4 areas the caller's region serves, in order.
func (s *Service) ServiceArea(ctx context.Context, p authz.Principal, regionID string) ([]string, error) {
	if err := ownRegion(p, regionID); err != nil {
		return nil, err
	}
	return s.serviceArea(ctx, s.DB, regionID)
}

func (s *Service) serviceArea(ctx context.Context, db *gorm.DB, regionID string) ([]string, error) {
	pc4s := []string{}
	if err := db.WithContext(ctx).Raw(`SELECT pc4 FROM region_service_areas WHERE region_id = ? ORDER BY pc4`, regionID).Scan(&pc4s).Error; err != nil {
		return nil, fmt.Errorf("service area: %w", err)
	}
	return pc4s, nil
}

// SetServiceArea replaces the PC4 areas the caller's region serves. Every
// code must be a PC4 area that exists and that no other region serves (400
// naming pc4s[i]); a code given twice counts once.
func (s *Service) SetServiceArea(ctx context.Context, p authz.Principal, regionID string, pc4s []string, ip string) ([]string, error) {
	if err := ownRegion(p, regionID); err != nil {
		return nil, err
	}
	var bad apperr.Fields
	if len(pc4s) > MaxServiceAreas {
		bad.Add("pc4s", "maxItems", msg.M("apperr.maxItems", MaxServiceAreas))
	}
	want := make([]string, 0, len(pc4s))
	for i, c := range pc4s {
		c = strings.TrimSpace(c)
		name := fmt.Sprintf("pc4s[%d]", i)
		switch _, err := geo.Lookup(c); {
		case !pc4Re.MatchString(c):
			bad.Add(name, "pattern", msg.M("identity.pc4Pattern", c))
		case err != nil:
			bad.Add(name, "unknown", msg.M("identity.pc4Unknown", c))
		default:
			want = append(want, c)
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var taken []struct{ PC4, Name string }
		if err := tx.Raw(`SELECT a.pc4, r.name FROM region_service_areas a JOIN regions r ON r.id = a.region_id
			WHERE a.pc4 IN ? AND a.region_id <> ? ORDER BY a.pc4`, append(want, ""), regionID).Scan(&taken).Error; err != nil {
			return err
		}
		for _, t := range taken {
			bad.Add(fmt.Sprintf("pc4s[%d]", slices.IndexFunc(pc4s, func(c string) bool { return strings.TrimSpace(c) == t.PC4 })),
				"servedElsewhere", msg.M("identity.pc4ServedElsewhere", t.PC4, t.Name))
		}
		if len(bad) > 0 {
			return &apperr.InvalidError{Fields: bad}
		}
		if err := tx.Exec(`DELETE FROM region_service_areas WHERE region_id = ?`, regionID).Error; err != nil {
			return err
		}
		if len(want) > 0 {
			if err := tx.Exec(`INSERT INTO region_service_areas (pc4, region_id, created_at) SELECT unnest(?::text[]), ?, ?`,
				"{"+strings.Join(want, ",")+"}", regionID, s.now()).Error; err != nil {
				// Another region took one of the areas meanwhile.
				return translate(err, "service area")
			}
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "region.service_area_changed", IP: ip,
			SubjectType: "region", SubjectID: regionID, Details: map[string]any{"pc4Count": len(want)}}))
	})
	if err != nil {
		return nil, err
	}
	return want, nil
}

// RegionChange changes a region's name or contact details (nil: keep).
type RegionChange struct {
	Name         *string
	ContactEmail *string
	ContactPhone *string
	// The supplier's details on invoices for the region's own services.
	LegalName, Street, Postcode, City, KvKNumber, VatNumber *string
}

// UpdateRegion changes the caller's own region.
func (s *Service) UpdateRegion(ctx context.Context, p authz.Principal, regionID string, ch RegionChange, ip string) (Region, error) {
	if err := ownRegion(p, regionID); err != nil {
		return Region{}, err
	}
	set := map[string]any{"updated_at": s.now()}
	if ch.Name != nil {
		name, err := trimmedName(*ch.Name)
		if err != nil {
			return Region{}, err
		}
		set["name"] = name
	}
	if ch.ContactEmail != nil {
		// The schema's \s is Go's (no \v, no Unicode spaces); the table's
		// check is PostgreSQL's [:space:]: refuse every space and control
		// character here, or the check answers with a 500.
		email := NormaliseEmail(*ch.ContactEmail)
		if strings.IndexFunc(email, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
			return Region{}, apperr.Invalid("contactEmail", "pattern", msg.M("identity.emailFormat"))
		}
		set["contact_email"] = email
	}
	if ch.ContactPhone != nil {
		set["contact_phone"] = strings.TrimSpace(*ch.ContactPhone)
	}
	for col, v := range map[string]*string{"legal_name": ch.LegalName, "street": ch.Street, "city": ch.City, "kvk_number": ch.KvKNumber} {
		if v != nil {
			set[col] = strings.TrimSpace(*v)
		}
	}
	if ch.Postcode != nil {
		set["postcode"] = ""
		if strings.TrimSpace(*ch.Postcode) != "" {
			addr, err := geo.ResolveAddress("postcode", *ch.Postcode)
			if err != nil {
				return Region{}, err
			}
			set["postcode"] = addr.Postcode
		}
	}
	if ch.VatNumber != nil {
		vat, err := vatNumber("vatNumber", *ch.VatNumber)
		if err != nil {
			return Region{}, err
		}
		set["vat_number"] = vat
	}
	var row regionRow
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&regionRow{}).Where("id = ?", regionID).Updates(set).Error; err != nil {
			return translate(err, "update region")
		}
		if err := tx.First(&row, "id = ?", regionID).Error; err != nil {
			return translate(err, "load region")
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "region.updated", IP: ip, SubjectType: "region", SubjectID: regionID}))
	})
	if err != nil {
		return Region{}, err
	}
	return row.toRegion(), nil
}

// RegionContact is a region as the public sees it: where an organisation
// whose postcode no region serves can turn to.
type RegionContact struct {
	Name         string
	ContactEmail string
	ContactPhone string
}

// RegionContacts lists the regions that serve at least one PC4 area, by
// name. It is public: a region's desk is no secret.
func (s *Service) RegionContacts(ctx context.Context) ([]RegionContact, error) {
	out := []RegionContact{}
	err := s.DB.WithContext(ctx).Raw(`SELECT r.name, r.contact_email, r.contact_phone FROM regions r
		WHERE EXISTS (SELECT 1 FROM region_service_areas a WHERE a.region_id = r.id) ORDER BY r.name, r.id`).Scan(&out).Error
	return out, err
}

// regionServing returns the region that serves pc4, or "" when none does.
func regionServing(ctx context.Context, db *gorm.DB, pc4 string) (string, error) {
	var id string
	err := db.WithContext(ctx).Raw(`SELECT region_id::text FROM region_service_areas WHERE pc4 = ?`, pc4).Row().Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// notServed is the answer to a postcode no region serves: the field and
// a message listing the regions and how to reach them.
func (s *Service) notServed(ctx context.Context, pc4 string) error {
	regions, err := s.RegionContacts(ctx)
	if err != nil {
		return err
	}
	list := make([]string, len(regions))
	for i, r := range regions {
		contact := strings.Join(slices.DeleteFunc([]string{r.ContactEmail, r.ContactPhone}, func(s string) bool { return s == "" }), ", ")
		list[i] = r.Name
		if contact != "" {
			list[i] += " (" + contact + ")"
		}
	}
	return apperr.Invalid("postcode", "notServed", msg.M("identity.postcodeNotServed", pc4, strings.Join(list, "; ")))
}
