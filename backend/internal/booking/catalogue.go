package booking

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

var kindPattern = regexp.MustCompile(`^[a-z][a-z_]{1,39}$`)
var clockPattern = regexp.MustCompile(`^([01][0-9]|2[0-3]):[0-5][0-9]$`)

// CatalogueFilter narrows Catalogue.
type CatalogueFilter struct {
	Kind       string
	ProviderID string
	Inactive   bool // include inactive entries (admins)
}

// Catalogue lists the region's services, with their weekly hours.
func (s *Service) Catalogue(ctx context.Context, p authz.Principal, f CatalogueFilter) ([]Offering, error) {
	if p.Role == authz.Kandidaat {
		return nil, fmt.Errorf("catalogue: %w", apperr.ErrForbidden)
	}
	q := services(s.DB.WithContext(ctx), p.RegionID)
	if f.Kind != "" {
		q = q.Where("s.kind = ?", f.Kind)
	}
	if f.ProviderID != "" {
		q = q.Where("s.provider_id = ?", f.ProviderID)
	}
	if !(f.Inactive && p.Role == authz.Admin) {
		q = q.Where("s.active")
	}
	var rows []serviceView
	if err := q.Order("s.kind, s.title_nl").Limit(500).Find(&rows).Error; err != nil {
		return nil, database.Translate(err, "list services")
	}
	out := make([]Offering, len(rows))
	ids := make([]string, len(rows))
	for i, r := range rows {
		out[i], ids[i] = r.toOffering(), r.ID
	}
	hours, err := s.hours(ctx, s.DB, ids)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Hours = append(out[i].Hours, hours[out[i].ID]...)
	}
	return out, nil
}

// GetService loads one entry of the region's catalogue.
func (s *Service) GetService(ctx context.Context, p authz.Principal, id string) (Offering, error) {
	var v serviceView
	if err := services(s.DB.WithContext(ctx), p.RegionID).Where("s.id = ?", id).Take(&v).Error; err != nil {
		return Offering{}, database.Translate(err, "load service")
	}
	out := v.toOffering()
	hours, err := s.hours(ctx, s.DB, []string{id})
	if err != nil {
		return Offering{}, err
	}
	out.Hours = append(out.Hours, hours[id]...)
	if err := s.DB.WithContext(ctx).Raw(`SELECT day FROM service_closures WHERE service_id = ? AND day >= ? ORDER BY day`, id,
		s.now().In(amsterdam).Format(time.DateOnly)).Scan(&out.ClosedDays).Error; err != nil {
		return Offering{}, err
	}
	return out, nil
}

func (s *Service) hours(ctx context.Context, db *gorm.DB, ids []string) (map[string][]Hours, error) {
	out := map[string][]Hours{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		ServiceID     string
		Weekday       int
		Opens, Closes string
	}
	if err := db.WithContext(ctx).Raw(`SELECT service_id::text, weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes
		FROM service_hours WHERE service_id IN ? ORDER BY weekday, opens`, ids).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.ServiceID] = append(out[r.ServiceID], Hours{Weekday: r.Weekday, Opens: r.Opens, Closes: r.Closes})
	}
	return out, nil
}

func (s *Service) validateService(ctx context.Context, regionID string, in *Offering) error {
	var bad apperr.Fields
	in.Kind = strings.TrimSpace(in.Kind)
	if !kindPattern.MatchString(in.Kind) {
		bad.Add("kind", "pattern", msg.M("booking.kindPattern"))
	}
	for _, f := range []struct{ name, v string }{{"titleNl", in.TitleNL}, {"titleEn", in.TitleEN}} {
		if n := utf8.RuneCountInString(strings.TrimSpace(f.v)); n < 3 || n > 120 {
			bad.Add(f.name, "length", msg.M("booking.titleLength"))
		}
	}
	if !slices.Contains(Units, in.PriceUnit) {
		bad.Add("priceUnit", "enum", msg.M("booking.priceUnitEnum"))
	}
	if (in.PriceUnit == "free") != (in.PriceCents == 0) {
		bad.Add("priceCents", "free", msg.M("booking.priceCentsFree"))
	}
	if in.PriceCents < 0 || in.PriceCents > 10_000_000 {
		bad.Add("priceCents", "range", msg.M("booking.priceCentsRange"))
	}
	bad.List("eligibility", in.Eligibility, func(e string) bool { return slices.Contains(Eligibility, e) }, len(Eligibility))
	if in.CancelFeePercent < 0 || in.CancelFeePercent > 100 {
		bad.Add("cancelFeePercent", "range", msg.M("booking.cancelFeePercentRange"))
	}
	if in.CancelFreeHours < 0 || in.CancelFreeHours > 720 {
		bad.Add("cancelFreeHours", "range", msg.M("booking.cancelFreeHoursRange"))
	}
	// Without slots the length is unused but still stored, so it must fit the
	// table's check: 0 (left out) becomes 60 below, anything else is checked.
	if (in.Schedulable || in.SlotMinutes != 0) && (in.SlotMinutes < 15 || in.SlotMinutes > 480) {
		bad.Add("slotMinutes", "range", msg.M("booking.slotMinutesRange"))
	}
	switch {
	case in.VatRate != nil && strings.TrimSpace(in.VatExemption) != "":
		bad.Add("vatExemption", "exclusive", msg.M("booking.vatExclusive"))
	case in.VatRate != nil && !slices.Contains(VatRates, *in.VatRate):
		bad.Add("vatRate", "enum", msg.M("booking.vatRateEnum"))
	case utf8.RuneCountInString(in.VatExemption) > 300:
		bad.Add("vatExemption", "maxLength", msg.M("booking.vatExemptionLength"))
	}
	if in.PayDays < 1 || in.PayDays > 60 {
		bad.Add("payDays", "range", msg.M("booking.payDaysRange"))
	}
	if in.Capacity < 1 || in.Capacity > 50 {
		bad.Add("capacity", "range", msg.M("booking.capacityRange"))
	}
	if in.Schedulable && in.PriceUnit == "per_month" {
		bad.Add("priceUnit", "schedulable", msg.M("booking.priceUnitSchedulable"))
	}
	if len(in.ClosedDays) > 366 {
		bad.Add("closedDays", "maxItems", msg.M("booking.closedDaysMaxItems"))
	}
	for i, h := range in.Hours {
		if h.Weekday < 1 || h.Weekday > 7 || !clockPattern.MatchString(h.Opens) || !clockPattern.MatchString(h.Closes) || h.Opens >= h.Closes {
			bad.Add(fmt.Sprintf("hours[%d]", i), "invalid", msg.M("booking.hoursRow"))
		}
	}
	if in.ProviderID != "" {
		provider, err := s.Organisations.Organisation(ctx, s.DB, regionID, in.ProviderID)
		if err != nil || (provider.Kind != "dienstverlener" && provider.Kind != "zorgaanbieder") {
			bad.Add("providerId", "unknown", msg.M("booking.providerIdUnknown"))
		}
	}
	if len(bad) > 0 {
		return &apperr.InvalidError{Fields: bad}
	}
	return nil
}

// SaveService creates (id "") or replaces an entry of the catalogue, with
// its weekly hours (admins).
func (s *Service) SaveService(ctx context.Context, p authz.Principal, id string, in Offering, ip string) (Offering, error) {
	if p.Role != authz.Admin {
		return Offering{}, fmt.Errorf("save service: %w", apperr.ErrForbidden)
	}
	if in.SlotMinutes == 0 && !in.Schedulable {
		in.SlotMinutes = 60 // unused without slots
	}
	if in.PayDays == 0 {
		in.PayDays = DefaultPayDays
	}
	if in.Capacity == 0 && !in.Schedulable {
		in.Capacity = 1
	}
	if in.VatRate == nil && strings.TrimSpace(in.VatExemption) == "" {
		rate := DefaultVatRate
		in.VatRate = &rate
	}
	if err := s.validateService(ctx, p.RegionID, &in); err != nil {
		return Offering{}, err
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		r := ServiceRow{ID: id, RegionID: p.RegionID, Kind: in.Kind, TitleNL: strings.TrimSpace(in.TitleNL), TitleEN: strings.TrimSpace(in.TitleEN),
			DescriptionNL: in.DescriptionNL, DescriptionEN: in.DescriptionEN, PriceCents: in.PriceCents, PriceUnit: in.PriceUnit,
			RequiresApproval: in.RequiresApproval, Eligibility: in.Eligibility, CancelFreeHours: in.CancelFreeHours, CancelFeePercent: in.CancelFeePercent,
			PayDays: in.PayDays, PersonBound: in.PersonBound, VatRate: in.VatRate, VatExemption: strings.TrimSpace(in.VatExemption), Schedulable: in.Schedulable, SlotMinutes: in.SlotMinutes, Capacity: in.Capacity, Active: in.Active, UpdatedAt: s.now()}
		if r.Eligibility == nil {
			r.Eligibility = []string{}
		}
		if in.ProviderID != "" {
			r.ProviderID = &in.ProviderID
		}
		if id == "" {
			r.ID, r.CreatedAt = "", s.now()
			if err := tx.Create(&r).Error; err != nil {
				return database.Translate(err, "create service")
			}
			id = r.ID
		} else {
			res := tx.Model(&ServiceRow{}).Where("id = ? AND region_id = ?", id, p.RegionID).Select("*").Omit("id", "region_id", "created_at").Updates(&r)
			if res.Error != nil {
				return database.Translate(res.Error, "update service")
			}
			if res.RowsAffected == 0 {
				return fmt.Errorf("service: %w", apperr.ErrNotFound)
			}
		}
		if err := tx.Exec(`DELETE FROM service_hours WHERE service_id = ?`, id).Error; err != nil {
			return err
		}
		for _, h := range in.Hours {
			if err := tx.Exec(`INSERT INTO service_hours (service_id, weekday, opens, closes) VALUES (?, ?, ?, ?)`, id, h.Weekday, h.Opens, h.Closes).Error; err != nil {
				return database.Translate(err, "service hours")
			}
		}
		if err := tx.Exec(`DELETE FROM service_closures WHERE service_id = ?`, id).Error; err != nil {
			return err
		}
		for _, d := range in.ClosedDays {
			if err := tx.Exec(`INSERT INTO service_closures (service_id, day) VALUES (?, ?) ON CONFLICT DO NOTHING`, id, d.Format(time.DateOnly)).Error; err != nil {
				return database.Translate(err, "service closures")
			}
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "service.saved", IP: ip, SubjectType: "service", SubjectID: id}))
	})
	if err != nil {
		return Offering{}, err
	}
	return s.GetService(ctx, p, id)
}

// Slot is one bookable time of a schedulable service.
type Slot struct {
	StartsAt, EndsAt time.Time
	Free             int
}

// Slots lists a schedulable service's slots from day from for days days
// (at most 31), with the places still free; past slots and closed days are left out.
func (s *Service) Slots(ctx context.Context, p authz.Principal, id string, from time.Time, days int) ([]Slot, error) {
	if days < 1 || days > 31 {
		return nil, apperr.Invalid("days", "range", msg.M("booking.daysRange"))
	}
	svc, err := s.GetService(ctx, p, id)
	if err != nil {
		return nil, err
	}
	if !svc.Schedulable {
		return nil, &apperr.ConflictError{Code: "notSchedulable", Msg: msg.M("booking.notSchedulable")}
	}
	all := slotsOf(svc, from, days)
	if len(all) == 0 {
		return []Slot{}, nil
	}
	var closed []time.Time
	if err := s.DB.WithContext(ctx).Raw(`SELECT day FROM service_closures WHERE service_id = ? AND day BETWEEN ? AND ?`, id, from, from.AddDate(0, 0, days)).Scan(&closed).Error; err != nil {
		return nil, err
	}
	var taken []struct{ StartsAt, EndsAt time.Time }
	if err := s.DB.WithContext(ctx).Raw(`SELECT starts_at, ends_at FROM bookings WHERE service_id = ? AND starts_at < ? AND ends_at > ? AND state IN ?`,
		id, all[len(all)-1].EndsAt, all[0].StartsAt, states(Live)).Scan(&taken).Error; err != nil {
		return nil, err
	}
	now := s.now()
	out := []Slot{}
	for _, sl := range all {
		day := sl.StartsAt.In(amsterdam)
		if sl.StartsAt.Before(now) || slices.ContainsFunc(closed, func(c time.Time) bool {
			return c.Year() == day.Year() && c.YearDay() == day.YearDay()
		}) {
			continue
		}
		sl.Free = svc.Capacity
		for _, t := range taken {
			if t.StartsAt.Before(sl.EndsAt) && t.EndsAt.After(sl.StartsAt) {
				sl.Free--
			}
		}
		out = append(out, sl)
	}
	return out, nil
}

// slotsOf are the slots of the weekly plan from day from for days days.
func slotsOf(svc Offering, from time.Time, days int) []Slot {
	var out []Slot
	y, m, d := from.In(amsterdam).Date()
	step := time.Duration(svc.SlotMinutes) * time.Minute
	for i := 0; i < days; i++ {
		day := time.Date(y, m, d+i, 0, 0, 0, 0, amsterdam)
		wd := int(day.Weekday())
		if wd == 0 {
			wd = 7
		}
		for _, h := range svc.Hours {
			if h.Weekday != wd {
				continue
			}
			open, close := clockOn(day, h.Opens), clockOn(day, h.Closes)
			for t := open; !t.Add(step).After(close); t = t.Add(step) {
				out = append(out, Slot{StartsAt: t.UTC(), EndsAt: t.Add(step).UTC()})
			}
		}
	}
	return out
}

func clockOn(day time.Time, hhmm string) time.Time {
	var h, m int
	_, _ = fmt.Sscanf(hhmm, "%d:%d", &h, &m)
	return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, amsterdam)
}

func states(list []State) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = string(s)
	}
	return out
}
