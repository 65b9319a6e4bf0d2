package booking

import (
	"context"
	"time"

	"github.com/lib/pq"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
)

// ServiceRow is the services table (exported: embedded in serviceView).
type ServiceRow struct {
	ID               string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID         string
	Kind             string
	TitleNL          string `gorm:"column:title_nl"`
	TitleEN          string `gorm:"column:title_en"`
	DescriptionNL    string `gorm:"column:description_nl"`
	DescriptionEN    string `gorm:"column:description_en"`
	ProviderID       *string
	PriceCents       int64
	PriceUnit        string
	RequiresApproval bool
	Eligibility      pq.StringArray `gorm:"type:text[]"`
	CancelFreeHours  int
	CancelFeePercent int
	PayDays          int
	PersonBound      bool
	VatRate          *int
	VatExemption     string
	Schedulable      bool
	SlotMinutes      int
	Capacity         int
	Active           bool
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

func (ServiceRow) TableName() string { return "services" }

type serviceView struct {
	ServiceRow
	ProviderName *string
}

func (v serviceView) toOffering() Offering {
	s := Offering{ID: v.ID, RegionID: v.RegionID, Kind: v.Kind, TitleNL: v.TitleNL, TitleEN: v.TitleEN, DescriptionNL: v.DescriptionNL,
		DescriptionEN: v.DescriptionEN, PriceCents: v.PriceCents, PriceUnit: v.PriceUnit, RequiresApproval: v.RequiresApproval,
		Eligibility: append([]string{}, v.Eligibility...), CancelFreeHours: v.CancelFreeHours, CancelFeePercent: v.CancelFeePercent, PayDays: v.PayDays, PersonBound: v.PersonBound,
		VatRate: v.VatRate, VatExemption: v.VatExemption,
		Schedulable: v.Schedulable, SlotMinutes: v.SlotMinutes, Capacity: v.Capacity, Active: v.Active, Hours: []Hours{}}
	if v.ProviderID != nil {
		s.ProviderID = *v.ProviderID
	}
	if v.ProviderName != nil {
		s.ProviderName = *v.ProviderName
	}
	return s
}

func services(db *gorm.DB, regionID string) *gorm.DB {
	return db.Table("services s").Select("s.*, org.name AS provider_name").
		Joins("LEFT JOIN organisation_directory org ON org.id = s.provider_id").Where("s.region_id = ?", regionID)
}

// Row is the bookings table.
type Row struct {
	ID                   string `gorm:"primaryKey;default:gen_random_uuid()"`
	RegionID             string
	ServiceID            string
	OrganisationID       string
	ProviderID           *string
	OpeningID            *string
	InviteID             *string
	PlacementID          *string
	CandidateID          *string
	State                string
	Quantity             int
	UnitPriceCents       int64
	AmountCents          int64
	Note                 string
	StartsAt             *time.Time
	EndsAt               *time.Time
	Seat                 *int
	PayBy                *time.Time
	PayRemindAt          *time.Time
	PayRemindedAt        *time.Time
	PaidAt               *time.Time
	ApprovedAt           *time.Time // the first approval, the time of its event
	CancellationFeeCents *int64
	RefundedCents        int64
	DeliveredHours       float64
	RequestedBy          string
	CreatedAt            time.Time
	UpdatedAt            time.Time
}

func (Row) TableName() string { return "bookings" }

type view struct {
	Row
	ServiceTitle     string
	ServiceKind      string
	PriceUnit        string
	OrganisationName string
	ProviderName     *string
	// ConsentState: the kandidaat's agreement to share with the provider
	// (consent.go); nil when the booking asks none.
	ConsentState *string
}

const viewSelect = `b.*, s.title_nl AS service_title, s.kind AS service_kind, s.price_unit, org.name AS organisation_name, prov.name AS provider_name,
	bc.state AS consent_state`

func bookings(db *gorm.DB) *gorm.DB {
	return db.Table("bookings b").Select(viewSelect).
		Joins("JOIN services s ON s.id = b.service_id").
		Joins("JOIN organisation_directory org ON org.id = b.organisation_id").
		Joins("LEFT JOIN organisation_directory prov ON prov.id = b.provider_id").
		Joins("LEFT JOIN booking_consents bc ON bc.booking_id = b.id")
}

// scope limits bookings to p's: organisation users their own and, as a
// provider, those of their services; staff the region.
func scope(q *gorm.DB, p authz.Principal) *gorm.DB {
	q = q.Where("b.region_id = ?", p.RegionID)
	switch {
	case p.Role.IsOrganisationRole():
		return q.Where("(b.organisation_id = ? OR b.provider_id = ?)", p.OrganisationID, p.OrganisationID)
	case p.Has(authz.Admin, authz.Accountmanager):
		return q
	}
	return q.Where("false")
}

func load(ctx context.Context, db *gorm.DB, p authz.Principal, id string, lock bool) (view, error) {
	q := scope(bookings(db.WithContext(ctx)), p).Where("b.id = ?", id)
	if lock {
		q = q.Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "b"}})
	}
	var v view
	err := q.Take(&v).Error
	return v, database.Translate(err, "load booking")
}

func loadByID(ctx context.Context, db *gorm.DB, id string) (view, error) {
	var v view
	err := bookings(db.WithContext(ctx)).Where("b.id = ?", id).Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "b"}}).Take(&v).Error
	return v, database.Translate(err, "load booking")
}

func (v view) toBooking() Booking {
	b := Booking{ID: v.ID, RegionID: v.RegionID, ServiceID: v.ServiceID, OrganisationID: v.OrganisationID, ServiceTitle: v.ServiceTitle,
		ServiceKind: v.ServiceKind, PriceUnit: v.PriceUnit, OrganisationName: v.OrganisationName, State: State(v.State), Quantity: v.Quantity,
		UnitPriceCents: v.UnitPriceCents, AmountCents: v.AmountCents, Note: v.Note, StartsAt: v.StartsAt, EndsAt: v.EndsAt, PayBy: v.PayBy,
		PaidAt: v.PaidAt, CancellationFeeCents: v.CancellationFeeCents, RefundedCents: v.RefundedCents, DeliveredHours: v.DeliveredHours,
		CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt}
	if v.ConsentState != nil {
		b.ConsentState = ConsentState(*v.ConsentState)
	}
	for _, p := range []struct {
		dst *string
		src *string
	}{{&b.ProviderID, v.ProviderID}, {&b.ProviderName, v.ProviderName}, {&b.OpeningID, v.OpeningID}, {&b.InviteID, v.InviteID}, {&b.PlacementID, v.PlacementID}} {
		if p.src != nil {
			*p.dst = *p.src
		}
	}
	return b
}

// platformFeePercent is the region's share of a provider's paid booking
// (regions.settings.platformFeePercent, 0–50, default 10).
func (s *Service) platformFeePercent(ctx context.Context, regionID string) int64 {
	if rs, err := s.Regions.RegionSettings(ctx, s.DB, regionID); err == nil && rs.PlatformFeePercent != nil {
		if n := *rs.PlatformFeePercent; n >= 0 && n <= 50 {
			return n
		}
	}
	return 10
}
