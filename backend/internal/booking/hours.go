package booking

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/eventlog"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Delivered hours are entries (a day, its hours, a note) recorded by the
// provider once the booking has started (in progress or completed; before
// the start 409 notStarted, on a cancelled booking 409 bookingCancelled),
// each also a note in the booking's log. For a service priced per hour the
// entries never add up to more than booked plus the approved extensions:
// more is 409 extensionRequired, naming the extension to ask for. An
// extension is asked by the provider (a provider that does not deliver the
// booking does not see it: 404) and decided by the booking organisation;
// approving it adds a period to pay.

// The notes the hours and extensions leave in a booking's log.
const (
	NoteHoursRecorded      = "hoursRecorded"
	NoteExtensionRequested = "extensionRequested"
	NoteExtensionApproved  = "extensionApproved"
	NoteExtensionRefused   = "extensionRefused"
)

// HoursEntry is one delivery of a booking.
type HoursEntry struct {
	ID         string
	WorkedOn   time.Time
	Hours      float64
	Note       string
	RecordedAt time.Time
}

// Extension is a request for more hours than booked.
type Extension struct {
	ID          string
	Hours       int
	AmountCents int64
	Reason      string
	State       string // requested, approved, refused
	Period      *int   // the period that charges it, once approved
	RequestedAt time.Time
	DecidedAt   *time.Time
}

// NewHours is an entry to record.
type NewHours struct {
	WorkedOn string // YYYY-MM-DD
	Hours    float64
	Note     string
}

// delivers reports whether p delivers booking v: the provider's users, or
// for the municipality's own services its staff.
func delivers(p authz.Principal, v view) bool {
	if v.ProviderID != nil {
		return p.Role.IsOrganisationRole() && p.OrganisationID == *v.ProviderID
	}
	return p.Has(authz.Accountmanager, authz.Admin)
}

// bookedHours is what a booking's entries may add up to: its quantity and
// the approved extensions.
func bookedHours(ctx context.Context, tx *gorm.DB, v view) (float64, error) {
	var extra int64
	if err := tx.WithContext(ctx).Raw(`SELECT COALESCE(sum(hours), 0) FROM booking_extensions WHERE booking_id = ? AND state = 'approved'`, v.ID).Scan(&extra).Error; err != nil {
		return 0, err
	}
	return float64(v.Quantity) + float64(extra), nil
}

func hoursNL(h float64) string {
	return strings.Replace(strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%.2f", h), "0"), "."), ".", ",", 1)
}

// RecordHours adds a delivery to a started booking.
func (s *Service) RecordHours(ctx context.Context, p authz.Principal, id string, in NewHours, ip string) (Booking, error) {
	var bad apperr.Fields
	day, err := time.ParseInLocation(time.DateOnly, in.WorkedOn, amsterdam)
	if err != nil {
		bad.Add("date", "format", msg.M("field.dateFormat"))
	} else if day.After(s.now().In(amsterdam)) {
		bad.Add("date", "future", msg.M("booking.hoursDateFuture"))
	}
	if in.Hours <= 0 || in.Hours > 24 {
		bad.Add("hours", "range", msg.M("booking.hoursEntryRange"))
	} else if c := in.Hours * 100; math.Abs(c-math.Round(c)) > 1e-6 {
		bad.Add("hours", "multipleOf", msg.M("booking.hoursHundredths"))
	}
	note := strings.TrimSpace(in.Note)
	if utf8.RuneCountInString(note) > 500 {
		bad.Add("note", "maxLength", msg.M("field.maxLength", 500))
	}
	if len(bad) > 0 {
		return Booking{}, &apperr.InvalidError{Fields: bad}
	}
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		if !delivers(p, v) {
			return fmt.Errorf("record hours: %w", apperr.ErrForbidden)
		}
		if err := consentGate(p, v); err != nil {
			return err
		}
		switch State(v.State) {
		case InProgress, Completed:
		case Cancelled, Refunded:
			return &apperr.ConflictError{Code: "bookingCancelled", Msg: msg.M("booking.hoursCancelled")}
		default:
			return &apperr.ConflictError{Code: "notStarted", Msg: msg.M("booking.notStarted")}
		}
		var sum float64
		if err := tx.Raw(`SELECT COALESCE(sum(hours), 0)::float8 FROM booking_hours WHERE booking_id = ?`, id).Scan(&sum).Error; err != nil {
			return err
		}
		if v.PriceUnit == "per_hour" {
			booked, err := bookedHours(ctx, tx, v)
			if err != nil {
				return err
			}
			if sum+in.Hours > booked+1e-9 {
				over := sum + in.Hours - booked
				return &apperr.ConflictError{Code: "extensionRequired", Msg: msg.M("booking.extensionRequired", hoursNL(booked), hoursNL(math.Ceil(over))),
					Fields: []apperr.Field{{Name: "hours", Code: "extensionRequired", Msg: msg.M("booking.extensionRequired", hoursNL(booked), hoursNL(math.Ceil(over)))}}}
			}
		}
		if err := tx.Exec(`INSERT INTO booking_hours (booking_id, worked_on, hours, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)`,
			id, in.WorkedOn, in.Hours, note, p.UserID, s.now()).Error; err != nil {
			return err
		}
		if err := tx.Exec(`UPDATE bookings SET delivered_hours = ?, updated_at = ? WHERE id = ?`, sum+in.Hours, s.now(), id).Error; err != nil {
			return err
		}
		reason := fmt.Sprintf("%s: %s uur", in.WorkedOn, hoursNL(in.Hours))
		if note != "" {
			reason += " (" + note + ")"
		}
		if err := events.Append(ctx, tx, id, eventEntry(s.now(), p.UserID, Provider, State(v.State), NoteHoursRecorded, reason)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "booking.hours_recorded", IP: ip, SubjectType: "booking", SubjectID: id,
			Details: map[string]any{"hours": in.Hours, "workedOn": in.WorkedOn}}))
	})
	if err != nil {
		return Booking{}, err
	}
	return s.Get(ctx, p, id)
}

// NewExtension is a provider's request for more hours.
type NewExtension struct {
	Hours  int
	Reason string
}

// RequestExtension asks the booking organisation for more hours on a
// confirmed or running booking priced per hour.
func (s *Service) RequestExtension(ctx context.Context, p authz.Principal, id string, in NewExtension, ip string) (Booking, error) {
	if in.Hours < 1 || in.Hours > 200 {
		return Booking{}, apperr.Invalid("hours", "range", msg.M("booking.hoursQuantityRange"))
	}
	reason := strings.TrimSpace(in.Reason)
	if utf8.RuneCountInString(reason) > 1000 {
		return Booking{}, apperr.Invalid("reason", "maxLength", msg.M("field.maxLength1000"))
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		if !delivers(p, v) {
			if p.Role.IsOrganisationRole() && p.OrganisationID != v.OrganisationID {
				return fmt.Errorf("extension: %w", apperr.ErrNotFound)
			}
			return fmt.Errorf("extension by the booking organisation: %w", apperr.ErrForbidden)
		}
		if err := consentGate(p, v); err != nil {
			return err
		}
		if v.PriceUnit != "per_hour" {
			return &apperr.ConflictError{Code: "notPerHour", Msg: msg.M("booking.extensionPerHour")}
		}
		if !slices.Contains([]State{Confirmed, InProgress}, State(v.State)) {
			return &apperr.ConflictError{Code: "stateTransition", Msg: msg.M("booking.extensionState")}
		}
		var open int64
		if err := tx.Raw(`SELECT count(*) FROM booking_extensions WHERE booking_id = ? AND state = 'requested'`, id).Scan(&open).Error; err != nil {
			return err
		}
		if open > 0 {
			return &apperr.ConflictError{Code: "extensionOpen", Msg: msg.M("booking.extensionOpen")}
		}
		amount := v.UnitPriceCents * int64(in.Hours)
		if err := tx.Exec(`INSERT INTO booking_extensions (booking_id, hours, amount_cents, reason, state, requested_by, requested_at) VALUES (?, ?, ?, ?, 'requested', ?, ?)`,
			id, in.Hours, amount, reason, p.UserID, s.now()).Error; err != nil {
			return err
		}
		note := fmt.Sprintf("%d uur extra", in.Hours)
		if reason != "" {
			note += ": " + reason
		}
		if err := events.Append(ctx, tx, id, eventEntry(s.now(), p.UserID, Provider, State(v.State), NoteExtensionRequested, note)); err != nil {
			return err
		}
		if err := s.tellOrganisation(ctx, tx, &v, notification.BookingRequested,
			fmt.Sprintf("%s vraagt %d uur extra voor %s. Keur het goed of af.", v.providerLabelNL(), in.Hours, v.ServiceTitle),
			fmt.Sprintf("%s asks for %d more hours of %s. Approve or refuse.", v.providerLabelEN(), in.Hours, v.ServiceTitle)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "booking.extension_requested", IP: ip, SubjectType: "booking", SubjectID: id,
			Details: map[string]any{"hours": in.Hours}}))
	})
	if err != nil {
		return Booking{}, err
	}
	return s.Get(ctx, p, id)
}

// DecideExtension approves or refuses an extension (the booking
// organisation, or staff for it). Approving adds a period charging the
// extra hours at the booking's unit price, its idempotency key stored with it.
func (s *Service) DecideExtension(ctx context.Context, p authz.Principal, id, extensionID string, approve bool, ip string) (Booking, error) {
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		if p.Role.IsOrganisationRole() && p.OrganisationID != v.OrganisationID {
			return fmt.Errorf("extension decision by the provider: %w", apperr.ErrForbidden)
		}
		var ext struct {
			ID          string
			Hours       int
			AmountCents int64
			State       string
		}
		if err := tx.Raw(`SELECT id::text, hours, amount_cents, state FROM booking_extensions WHERE id = ? AND booking_id = ? FOR UPDATE`, extensionID, id).Scan(&ext).Error; err != nil {
			return err
		}
		if ext.ID == "" {
			return fmt.Errorf("extension %s: %w", extensionID, apperr.ErrNotFound)
		}
		if ext.State != "requested" {
			return &apperr.ConflictError{Code: "extensionDecided", Msg: msg.M("booking.extensionDecided")}
		}
		actor := actorOf(p, "")
		state, code, period := "refused", NoteExtensionRefused, any(nil)
		if approve {
			state, code = "approved", NoteExtensionApproved
			var next int
			if err := tx.Raw(`SELECT COALESCE(max(period), 0) + 1 FROM booking_periods WHERE booking_id = ?`, id).Scan(&next).Error; err != nil {
				return err
			}
			if ext.AmountCents > 0 {
				// Announced here (notified_at), not as a month due by the sweep.
				if err := tx.Exec(`INSERT INTO booking_periods (booking_id, period, starts_on, amount_cents, idempotency_key, notified_at) VALUES (?, ?, ?, ?, ?, ?)`,
					id, next, s.now().In(amsterdam).Format(time.DateOnly), ext.AmountCents, fmt.Sprintf("werkhaven-booking-%s-period-%d", id, next), s.now()).Error; err != nil {
					return err
				}
				period = next
			}
		}
		if err := tx.Exec(`UPDATE booking_extensions SET state = ?, period = ?, decided_by = ?, decided_at = ? WHERE id = ?`, state, period, p.UserID, s.now(), extensionID).Error; err != nil {
			return err
		}
		if approve {
			if err := tx.Exec(`UPDATE bookings SET amount_cents = amount_cents + ?, updated_at = ? WHERE id = ?`, ext.AmountCents, s.now(), id).Error; err != nil {
				return err
			}
			if period != nil {
				if err := s.tellOrganisation(ctx, tx, &v, notification.BookingPaymentDue,
					fmt.Sprintf("Betaal de %d uur extra voor %s (%s).", ext.Hours, v.ServiceTitle, eurosNL(ext.AmountCents)),
					fmt.Sprintf("Pay for the %d more hours of %s (%s).", ext.Hours, v.ServiceTitle, eurosNL(ext.AmountCents))); err != nil {
					return err
				}
			}
		}
		if err := events.Append(ctx, tx, id, eventEntry(s.now(), p.UserID, actor, State(v.State), code, fmt.Sprintf("%d uur extra", ext.Hours))); err != nil {
			return err
		}
		kind, nl, en := notification.BookingRefused, fmt.Sprintf("%s heeft de %d uur extra voor %s afgewezen.", v.OrganisationName, ext.Hours, v.ServiceTitle),
			fmt.Sprintf("%s refused the %d more hours of %s.", v.OrganisationName, ext.Hours, v.ServiceTitle)
		if approve {
			kind, nl, en = notification.BookingApproved, fmt.Sprintf("%s heeft de %d uur extra voor %s goedgekeurd.", v.OrganisationName, ext.Hours, v.ServiceTitle),
				fmt.Sprintf("%s approved the %d more hours of %s.", v.OrganisationName, ext.Hours, v.ServiceTitle)
		}
		if err := s.tellProvider(ctx, tx, &v, kind, nl, en); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "booking.extension_" + state, IP: ip, SubjectType: "booking", SubjectID: id,
			Details: map[string]any{"extensionId": extensionID, "hours": ext.Hours}}))
	})
	if err != nil {
		return Booking{}, err
	}
	return s.Get(ctx, p, id)
}

// hoursAndExtensions reads a booking's entries and extensions.
func (s *Service) hoursAndExtensions(ctx context.Context, b *Booking) error {
	var hours []struct {
		ID         string
		WorkedOn   time.Time
		Hours      float64
		Note       string
		RecordedAt time.Time
	}
	if err := s.DB.WithContext(ctx).Raw(`SELECT id::text, worked_on, hours::float8 AS hours, note, recorded_at FROM booking_hours WHERE booking_id = ? ORDER BY worked_on, recorded_at`, b.ID).
		Scan(&hours).Error; err != nil {
		return err
	}
	b.HoursEntries = make([]HoursEntry, len(hours))
	for i, h := range hours {
		b.HoursEntries[i] = HoursEntry(h)
	}
	var exts []struct {
		ID          string
		Hours       int
		AmountCents int64
		Reason      string
		State       string
		Period      *int
		RequestedAt time.Time
		DecidedAt   *time.Time
	}
	if err := s.DB.WithContext(ctx).Raw(`SELECT id::text, hours, amount_cents, reason, state, period, requested_at, decided_at FROM booking_extensions WHERE booking_id = ? ORDER BY requested_at`, b.ID).
		Scan(&exts).Error; err != nil {
		return err
	}
	b.Extensions = make([]Extension, len(exts))
	for i, e := range exts {
		b.Extensions[i] = Extension(e)
	}
	return nil
}

// eventEntry is a note (From = To) in a booking's log.
func eventEntry(at time.Time, userID string, actor Actor, state State, code, reason string) eventlog.Entry {
	return eventlog.Entry{At: at, ActorUserID: userID, Actor: string(actor), From: string(state), To: string(state), Reason: reason, Code: code}
}

// eurosNL writes cents as Dutch money: € 340,00.
func eurosNL(cents int64) string {
	return fmt.Sprintf("€ %d,%02d", cents/100, cents%100)
}
