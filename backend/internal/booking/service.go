package booking

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/riverqueue/river"
	"github.com/stripe/stripe-go/v76/client"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/eventlog"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Inserter inserts River jobs in the caller's transaction (jobs.Client).
type Inserter interface {
	InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs, opts *river.InsertOpts) error
}

// Organisations is what bookings need of the organisations (package
// identity): who they are, whom to tell (their users, their accountmanager,
// the region's admins), in the caller's transaction.
type Organisations interface {
	Organisation(ctx context.Context, db *gorm.DB, regionID, id string) (identity.Organisation, error)
	OrganisationUsers(ctx context.Context, db *gorm.DB, orgID string) ([]string, error)
	Accountmanager(ctx context.Context, db *gorm.DB, orgID string) (string, error)
	RegionAdmins(ctx context.Context, db *gorm.DB, regionID string) ([]string, error)
}

// Regions gives the region's settings (package identity); bookings read
// the platform fee.
type Regions interface {
	RegionSettings(ctx context.Context, db *gorm.DB, regionID string) (identity.RegionSettings, error)
}

// Openings, Invites and Candidates check what a booking is linked to (an
// opening, an accepted invite, a running placement) and whether its
// candidate qualifies, in the booking's transaction.
type Openings interface {
	BelongsTo(ctx context.Context, db *gorm.DB, id, orgID string) (bool, error)
	// Workplace: where a person-bound service is delivered (consent.go).
	Workplace(ctx context.Context, db *gorm.DB, id string) (opening.Workplace, error)
}

// Invites: see Openings.
type Invites interface {
	AcceptedCandidate(ctx context.Context, db *gorm.DB, id, orgID string) (string, error)
	PlacedCandidate(ctx context.Context, db *gorm.DB, id, orgID string) (string, error)
	PlacementOpening(ctx context.Context, db *gorm.DB, id string) (string, error)
}

// Candidates: see Openings.
type Candidates interface {
	Indications(ctx context.Context, db *gorm.DB, id string) (candidate.Indications, error)
	// For the kandidaat's agreement to share with a provider (consent.go):
	// their account and language, their own candidate, and the audited
	// read of what they share.
	UserID(ctx context.Context, db *gorm.DB, id string) (string, error)
	Language(ctx context.Context, db *gorm.DB, userID string) string
	MineID(ctx context.Context, p authz.Principal) (string, error)
	ShareWithProvider(ctx context.Context, candidateID, bookingID, ip string) (candidate.Identity, error)
}

// Service is the services desk's domain logic.
type Service struct {
	DB            *gorm.DB
	Jobs          Inserter
	Outbox        *mail.Outbox // the kandidaat's consent mail
	Notify        *notification.Service
	Organisations Organisations
	Regions       Regions
	Openings      Openings
	Invites       Invites
	Candidates    Candidates
	Stripe        *client.API
	WebhookSecret string
	BaseURL       string
	// DevCheckout sends the browser to the test checkout page (DevCheckout)
	// instead of the session URL stripe-mock makes up.
	DevCheckout bool
	Now         func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Request is a new booking.
type Request struct {
	ServiceID      string
	OrganisationID string // staff booking on an organisation's behalf
	OpeningID      string
	InviteID       string
	PlacementID    string
	Quantity       *int // hours (per_hour), months (per_month), required for those; nil or 1 otherwise
	StartsAt       *time.Time
	Note           string
}

// Create books a service for an organisation: eligibility first (400
// naming the rule), then the slot (409 when outside the provider's hours or
// taken), then the state the catalogue decides: awaiting approval, awaiting
// payment (the service's payment window), or requested for the provider to confirm.
func (s *Service) Create(ctx context.Context, p authz.Principal, in Request, ip string) (Booking, error) {
	orgID := in.OrganisationID
	switch {
	case p.Role.IsOrganisationRole():
		if orgID != "" && orgID != p.OrganisationID {
			return Booking{}, apperr.Invalid("organisationId", "notAllowed", msg.M("booking.organisationIdNotAllowed"))
		}
		orgID = p.OrganisationID
	case p.Has(authz.Accountmanager, authz.Admin):
		if orgID == "" {
			return Booking{}, apperr.Invalid("organisationId", "required", msg.M("booking.organisationIdRequired"))
		}
	default:
		return Booking{}, fmt.Errorf("book: %w", apperr.ErrForbidden)
	}
	if utf8.RuneCountInString(in.Note) > 1000 {
		return Booking{}, apperr.Invalid("note", "maxLength", msg.M("field.maxLength1000"))
	}
	svc, err := s.GetService(ctx, p, in.ServiceID)
	if err != nil && !errors.Is(err, apperr.ErrNotFound) {
		return Booking{}, err // the database, not the input
	}
	if err != nil || !svc.Active {
		return Booking{}, apperr.Invalid("serviceId", "unknown", msg.M("booking.serviceIdUnknown"))
	}
	var id string
	err = s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		org, err := s.Organisations.Organisation(ctx, tx, p.RegionID, orgID)
		if errors.Is(err, apperr.ErrNotFound) {
			return apperr.Invalid("organisationId", "unknown", msg.M("booking.organisationIdUnknown"))
		} else if err != nil {
			return err
		}
		candidateID, quantity, err := s.checkEligibility(ctx, tx, svc, orgID, &in)
		if err != nil {
			return err
		}
		r := Row{RegionID: p.RegionID, ServiceID: svc.ID, OrganisationID: orgID, State: string(Requested), Quantity: quantity,
			UnitPriceCents: svc.PriceCents, Note: strings.TrimSpace(in.Note), RequestedBy: p.UserID, CreatedAt: s.now(), UpdatedAt: s.now()}
		if svc.ProviderID != "" {
			r.ProviderID = &svc.ProviderID
		}
		r.OpeningID, r.InviteID, r.PlacementID, r.CandidateID = database.NullIfEmpty(in.OpeningID), database.NullIfEmpty(in.InviteID), database.NullIfEmpty(in.PlacementID), database.NullIfEmpty(candidateID)
		r.AmountCents = svc.PriceCents * int64(r.Quantity)
		if svc.Schedulable {
			if err := s.reserve(ctx, tx, svc, in.StartsAt, &r); err != nil {
				return err
			}
		}
		if err := tx.Create(&r).Error; err != nil {
			if database.IsCode(err, database.CodeExclusionViolation) {
				return slotTaken()
			}
			return database.Translate(err, "store booking")
		}
		id = r.ID
		v := view{Row: r, ServiceTitle: svc.TitleNL, ServiceKind: svc.Kind, OrganisationName: org.Name}
		if svc.ProviderID != "" {
			v.ProviderName = &svc.ProviderName
		}
		if err := s.event(ctx, tx, r.ID, "", Requested, actorOf(p, svc.ProviderID), p.UserID, ""); err != nil {
			return err
		}
		if needsConsent(svc, candidateID) {
			if err := s.askConsent(ctx, tx, &v, svc, candidateID); err != nil {
				return err
			}
		}
		if err := s.periods(ctx, tx, svc, r); err != nil {
			return err
		}
		if err := s.advance(ctx, tx, &v, svc); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "booking.requested", IP: ip, SubjectType: "booking", SubjectID: r.ID,
			Details: map[string]any{"serviceId": svc.ID, "organisationId": orgID}}))
	})
	if err != nil {
		return Booking{}, err
	}
	return s.getCommitted(ctx, p, id)
}

// getCommitted reads a booking just committed. Should the database go away
// between the commit and this read, it waits for it (up to 10 s) rather than
// answer 503: the client would book again, and the booking exists.
func (s *Service) getCommitted(ctx context.Context, p authz.Principal, id string) (Booking, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		b, err := s.Get(ctx, p, id)
		if !database.IsDown(err) || time.Now().After(deadline) {
			return b, err
		}
		select {
		case <-ctx.Done():
			return b, err
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func slotTaken() error {
	return &apperr.ConflictError{Code: "slotTaken", Msg: msg.M("booking.slotTaken")}
}

// checkEligibility checks quantity, the links to an opening, introduction
// or placement of the organisation, and the service's rules; it returns the
// candidate the booking is for, if any, and the quantity booked. A quantity
// out of range is refused, never corrected; only a service booked once may
// leave it out (it is 1).
func (s *Service) checkEligibility(ctx context.Context, tx *gorm.DB, svc Offering, orgID string, in *Request) (string, int, error) {
	var bad apperr.Fields
	quantity, limit, rangeMsg := 1, 1, msg.M("booking.bookedOnce")
	switch svc.PriceUnit {
	case "per_hour":
		limit, rangeMsg = 200, msg.M("booking.hoursQuantityRange")
	case "per_month":
		limit, rangeMsg = 24, msg.M("booking.monthsQuantityRange")
	}
	switch {
	case in.Quantity == nil && limit > 1:
		bad.Add("quantity", "required", rangeMsg)
	case in.Quantity == nil:
	case *in.Quantity < 1:
		bad.Add("quantity", "minimum", rangeMsg)
	case *in.Quantity > limit:
		bad.Add("quantity", "range", rangeMsg)
	default:
		quantity = *in.Quantity
	}
	if !svc.Schedulable && in.StartsAt != nil {
		bad.Add("startsAt", "notAllowed", msg.M("booking.notSchedulable"))
	}
	if svc.Schedulable && in.StartsAt == nil {
		bad.Add("startsAt", "required", msg.M("booking.startsAtRequired"))
	}
	candidateID := ""
	link := func(field, id string, find func() (string, error)) {
		if id == "" {
			return
		}
		c, err := find()
		if err != nil {
			bad.Add(field, "unknown", msg.M("booking.unknown"))
			return
		}
		if c != "" {
			candidateID = c
		}
	}
	link("openingId", in.OpeningID, func() (string, error) {
		ok, err := s.Openings.BelongsTo(ctx, tx, in.OpeningID, orgID)
		if err == nil && !ok {
			err = apperr.ErrNotFound
		}
		return "", err
	})
	link("inviteId", in.InviteID, func() (string, error) { return s.Invites.AcceptedCandidate(ctx, tx, in.InviteID, orgID) })
	link("placementId", in.PlacementID, func() (string, error) { return s.Invites.PlacedCandidate(ctx, tx, in.PlacementID, orgID) })
	if len(bad) > 0 {
		return "", 0, &apperr.InvalidError{Fields: bad}
	}
	for _, rule := range svc.Eligibility {
		switch rule {
		case "placement":
			if in.PlacementID == "" {
				bad.Add("placementId", "eligibility.placement", msg.M("booking.placementIdEligibilityPlacement"))
			}
		case "opening":
			if in.OpeningID == "" {
				bad.Add("openingId", "eligibility.opening", msg.M("booking.openingIdEligibilityOpening"))
			}
		case "doelgroepregister", "lks_indicatie":
			ok := false
			if candidateID != "" {
				if ind, err := s.Candidates.Indications(ctx, tx, candidateID); err == nil {
					ok = map[string]bool{"doelgroepregister": ind.Doelgroepregister, "lks_indicatie": ind.LKSIndicatie}[rule]
				}
			}
			if !ok {
				reason := map[string]msg.Message{
					"doelgroepregister": msg.M("booking.onlyDoelgroepregister"),
					"lks_indicatie":     msg.M("booking.onlyLKSIndicatie"),
				}[rule]
				bad.Add("placementId", "eligibility."+rule, reason)
			}
		}
	}
	if len(bad) > 0 {
		return "", 0, &apperr.InvalidError{Fields: bad}
	}
	return candidateID, quantity, nil
}

// reserve checks that startsAt is a slot of the provider's plan, locks the
// service (bookings of one service are decided one at a time) and takes the
// lowest free seat; the exclusion constraint guards the same rule.
func (s *Service) reserve(ctx context.Context, tx *gorm.DB, svc Offering, startsAt *time.Time, r *Row) error {
	start := startsAt.UTC()
	var slot *Slot
	for _, sl := range slotsOf(svc, start, 1) {
		if sl.StartsAt.Equal(start) {
			slot = &sl
		}
	}
	var closed int64
	if err := tx.Raw(`SELECT count(*) FROM service_closures WHERE service_id = ? AND day = ?`, svc.ID, start.In(amsterdam).Format(time.DateOnly)).Scan(&closed).Error; err != nil {
		return err
	}
	if slot == nil || closed > 0 || !start.After(s.now()) {
		return &apperr.ConflictError{Code: "outsideAvailability", Msg: msg.M("booking.providerNotAvailable"),
			Fields: []apperr.Field{{Name: "startsAt", Code: "outsideAvailability", Msg: msg.M("booking.notASlot")}}}
	}
	if err := tx.Exec(`SELECT 1 FROM services WHERE id = ? FOR UPDATE`, svc.ID).Error; err != nil {
		return err
	}
	var seat *int
	if err := tx.Raw(`SELECT min(n) FROM generate_series(1, ?) n WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.service_id = ? AND b.seat = n
		AND b.state IN ? AND tstzrange(b.starts_at, b.ends_at) && tstzrange(?, ?))`, svc.Capacity, svc.ID, states(Live), slot.StartsAt, slot.EndsAt).Row().Scan(&seat); err != nil {
		return err
	}
	if seat == nil {
		return slotTaken()
	}
	r.StartsAt, r.EndsAt, r.Seat = &slot.StartsAt, &slot.EndsAt, seat
	return nil
}

// periods writes what a paid booking will charge, each with its
// idempotency key, before anything is sent to Stripe.
func (s *Service) periods(ctx context.Context, tx *gorm.DB, svc Offering, r Row) error {
	if svc.PriceUnit == "free" {
		return nil
	}
	n, amount := 1, r.AmountCents
	if svc.PriceUnit == "per_month" {
		n, amount = r.Quantity, svc.PriceCents
	}
	start := s.now().In(amsterdam)
	if r.StartsAt != nil {
		start = r.StartsAt.In(amsterdam)
	}
	for i := 1; i <= n; i++ {
		if err := tx.WithContext(ctx).Exec(`INSERT INTO booking_periods (booking_id, period, starts_on, amount_cents, idempotency_key) VALUES (?, ?, ?, ?, ?)`,
			r.ID, i, start.AddDate(0, i-1, 0).Format(time.DateOnly), amount, fmt.Sprintf("werkhaven-booking-%s-period-%d", r.ID, i)).Error; err != nil {
			return err
		}
	}
	return nil
}

// advance takes the automatic steps after a booking is requested or
// approved: to approval, to payment (with its window, mailed), or left
// requested for the provider.
func (s *Service) advance(ctx context.Context, tx *gorm.DB, v *view, svc Offering) error {
	switch {
	case State(v.State) == Requested && svc.RequiresApproval:
		if err := s.move(ctx, tx, v, AwaitingApproval, System, "", ""); err != nil {
			return err
		}
		am, err := s.Organisations.Accountmanager(ctx, tx, v.OrganisationID)
		if err != nil {
			return err
		}
		return s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.BookingRequested, Link: "/boekingen/" + v.ID,
			TitleNL: fmt.Sprintf("%s vraagt %s aan: keur het goed of af.", v.OrganisationName, svc.TitleNL),
			TitleEN: fmt.Sprintf("%s requests %s: approve or reject.", v.OrganisationName, svc.TitleEN)}, am)
	case svc.PriceUnit != "free":
		approved := State(v.State) == Approved
		payBy, remindAt := payWindow(s.now(), svc.PayDays, v.StartsAt)
		if err := tx.Model(&Row{}).Where("id = ?", v.ID).Updates(map[string]any{"pay_by": payBy, "pay_remind_at": remindAt}).Error; err != nil {
			return err
		}
		v.PayBy, v.PayRemindAt = &payBy, &remindAt
		if err := s.move(ctx, tx, v, AwaitingPayment, System, "", ""); err != nil {
			return err
		}
		kind, nl, en := notification.BookingPaymentDue, fmt.Sprintf("Betaal %s voor %s vóór %s. Daarna vervalt de boeking.", svc.TitleNL, v.OrganisationName, deadlineNL(payBy)),
			fmt.Sprintf("Pay for %s for %s before %s. After that the booking lapses.", svc.TitleEN, v.OrganisationName, deadlineEN(payBy))
		if approved {
			kind, nl, en = notification.BookingApproved, fmt.Sprintf("%s voor %s is goedgekeurd. Betaal vóór %s. Daarna vervalt de boeking.", svc.TitleNL, v.OrganisationName, deadlineNL(payBy)),
				fmt.Sprintf("%s for %s is approved. Pay before %s. After that the booking lapses.", svc.TitleEN, v.OrganisationName, deadlineEN(payBy))
		}
		return s.tellOrganisation(ctx, tx, v, kind, nl, en)
	default:
		if State(v.State) == Approved {
			if err := s.tellOrganisation(ctx, tx, v, notification.BookingApproved, fmt.Sprintf("%s voor %s is goedgekeurd.", svc.TitleNL, v.OrganisationName),
				fmt.Sprintf("%s for %s is approved.", svc.TitleEN, v.OrganisationName)); err != nil {
				return err
			}
		}
		return s.tellProvider(ctx, tx, v, notification.BookingRequested, fmt.Sprintf("Nieuwe boeking: %s voor %s. Bevestig haar.", svc.TitleNL, v.OrganisationName),
			fmt.Sprintf("New booking: %s for %s. Please confirm.", svc.TitleEN, v.OrganisationName))
	}
}

// events is the bookings' append-only log.
var events = eventlog.Log{Table: "booking_events", Subject: "booking_id", Code: "code"}

func (s *Service) event(ctx context.Context, tx *gorm.DB, id string, from, to State, actor Actor, userID, reason string) error {
	return events.Append(ctx, tx, id, eventlog.Entry{At: s.now(), ActorUserID: userID, Actor: string(actor), From: string(from), To: string(to), Reason: reason})
}

// note logs one of Notes on a booking, in the state it is in.
func (s *Service) note(ctx context.Context, tx *gorm.DB, id string, state State, actor Actor, code, reason string) error {
	return events.Append(ctx, tx, id, eventlog.Entry{At: s.now(), Actor: string(actor), From: string(state), To: string(state), Reason: reason, Code: code})
}

// move checks and makes a transition of a locked booking and logs it.
func (s *Service) move(ctx context.Context, tx *gorm.DB, v *view, to State, actor Actor, userID, reason string) error {
	from := State(v.State)
	if err := Check(from, to, actor); err != nil {
		return err
	}
	now := s.now()
	updates := map[string]any{"state": string(to), "updated_at": now}
	if to == Approved {
		// The first approval's time on the row, for the figures: the event's instant.
		updates["approved_at"] = gorm.Expr("coalesce(approved_at, ?)", now)
	}
	if err := tx.Model(&Row{}).Where("id = ?", v.ID).Updates(updates).Error; err != nil {
		return database.Translate(err, "move booking")
	}
	v.State = string(to)
	return events.Append(ctx, tx, v.ID, eventlog.Entry{At: now, ActorUserID: userID, Actor: string(actor), From: string(from), To: string(to), Reason: reason})
}

// StateChange is a transition asked by a person.
type StateChange struct {
	To     State
	Reason string
}

// Move approves or rejects (accountmanagers), confirms, starts or completes
// (the provider; for the municipality's own services its accountmanagers),
// or cancels (the organisation or staff) a booking.
func (s *Service) Move(ctx context.Context, p authz.Principal, id string, sc StateChange, ip string) (Booking, error) {
	if !slices.Contains([]State{Approved, Rejected, Confirmed, InProgress, Completed, Cancelled}, sc.To) {
		return Booking{}, apperr.Invalid("state", "enum", msg.M("booking.stateEnum"))
	}
	if utf8.RuneCountInString(sc.Reason) > 1000 {
		return Booking{}, apperr.Invalid("reason", "maxLength", msg.M("field.maxLength1000"))
	}
	if sc.To == Cancelled {
		return s.Cancel(ctx, p, id, sc.Reason, ip)
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		provider := ""
		if v.ProviderID != nil {
			provider = *v.ProviderID
		}
		actor := actorOf(p, provider)
		if provider == "" && p.Role == authz.Accountmanager && slices.Contains([]State{Confirmed, InProgress, Completed}, sc.To) {
			actor = Provider // the municipality delivers its own services
		}
		if actor == Organisation && sc.To != Cancelled {
			return fmt.Errorf("booking step by the booking organisation: %w", apperr.ErrForbidden)
		}
		if err := consentGate(p, v); err != nil {
			return err
		}
		if err := s.move(ctx, tx, &v, sc.To, actor, p.UserID, strings.TrimSpace(sc.Reason)); err != nil {
			return err
		}
		if sc.To == Approved {
			svc, err := s.GetService(ctx, authz.Principal{RegionID: v.RegionID, Role: authz.Admin}, v.ServiceID)
			if err != nil {
				return err
			}
			if err := s.advance(ctx, tx, &v, svc); err != nil {
				return err
			}
		}
		if err := s.tellStep(ctx, tx, &v, sc.To, strings.TrimSpace(sc.Reason)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "booking." + string(sc.To), IP: ip, SubjectType: "booking", SubjectID: id}))
	})
	if err != nil {
		return Booking{}, err
	}
	return s.Get(ctx, p, id)
}

// Fee is what cancelling now costs by the service's policy: free until
// cancelFreeHours before the start (or, without a start, until the provider
// confirms), then cancelFeePercent of what was paid.
func Fee(paidCents int64, startsAt *time.Time, confirmed bool, freeHours, feePercent int, now time.Time) int64 {
	late := confirmed
	if startsAt != nil {
		late = now.After(startsAt.Add(-time.Duration(freeHours) * time.Hour))
	}
	if !late {
		return 0
	}
	return paidCents * int64(feePercent) / 100
}

// Cancel cancels a booking by the policy: the fee is kept, the rest of what
// was paid is refunded by a job queued in the same transaction (reversing
// the provider's transfer), and the slot is free again.
func (s *Service) Cancel(ctx context.Context, p authz.Principal, id, reason, ip string) (Booking, error) {
	if !p.Has(authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager, authz.Admin) {
		return Booking{}, fmt.Errorf("cancel: %w", apperr.ErrForbidden)
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := load(ctx, tx, p, id, true)
		if err != nil {
			return err
		}
		provider := ""
		if v.ProviderID != nil {
			provider = *v.ProviderID
		}
		if actorOf(p, provider) == Provider && p.OrganisationID != v.OrganisationID {
			return fmt.Errorf("a provider does not cancel: %w", apperr.ErrForbidden)
		}
		var svc ServiceRow
		if err := tx.Where("id = ?", v.ServiceID).Take(&svc).Error; err != nil {
			return err
		}
		var paid int64
		if err := tx.Raw(`SELECT COALESCE(sum(amount_cents), 0) FROM booking_periods WHERE booking_id = ? AND paid_at IS NOT NULL`, id).Scan(&paid).Error; err != nil {
			return err
		}
		fee := Fee(paid, v.StartsAt, State(v.State) == Confirmed, svc.CancelFreeHours, svc.CancelFeePercent, s.now())
		if v.ConsentState != nil && ConsentState(*v.ConsentState) == ConsentDeclined {
			fee = 0 // the kandidaat said no: the provider could never start
		}
		actor := actorOf(p, provider)
		if err := s.move(ctx, tx, &v, Cancelled, actor, p.UserID, strings.TrimSpace(reason)); err != nil {
			return err
		}
		if err := tx.Model(&Row{}).Where("id = ?", id).Update("cancellation_fee_cents", fee).Error; err != nil {
			return err
		}
		if paid-fee > 0 {
			if err := s.Jobs.InsertTx(ctx, tx, RefundArgs{BookingID: id}, &river.InsertOpts{MaxAttempts: 25}); err != nil {
				return err
			}
		}
		nl, en := fmt.Sprintf("%s heeft %s geannuleerd.", v.OrganisationName, v.ServiceTitle), fmt.Sprintf("%s cancelled %s.", v.OrganisationName, v.ServiceTitle)
		if actor != Organisation {
			nl, en = fmt.Sprintf("De gemeente heeft %s voor %s geannuleerd.", v.ServiceTitle, v.OrganisationName), fmt.Sprintf("The municipality cancelled %s for %s.", v.ServiceTitle, v.OrganisationName)
			if err := s.tellOrganisation(ctx, tx, &v, notification.BookingCancelled, fmt.Sprintf("%s voor %s is geannuleerd.", v.ServiceTitle, v.OrganisationName),
				fmt.Sprintf("%s for %s was cancelled.", v.ServiceTitle, v.OrganisationName)); err != nil {
				return err
			}
		}
		// Staff who cancel the municipality's own service need no notice of it.
		if v.ProviderID != nil || actor == Organisation {
			if err := s.tellProvider(ctx, tx, &v, notification.BookingCancelled, nl, en); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "booking.cancelled", IP: ip, SubjectType: "booking", SubjectID: id,
			Details: map[string]any{"feeCents": fee, "refundCents": paid - fee}}))
	})
	if err != nil {
		return Booking{}, err
	}
	return s.Get(ctx, p, id)
}

// Get is one booking with its log. Its outside provider reads a
// person-bound booking only once the kandidaat agreed (403 with the reason
// otherwise), and then sees what the kandidaat shares (every read audited).
func (s *Service) Get(ctx context.Context, p authz.Principal, id string) (Booking, error) {
	return s.get(ctx, p, id, "")
}

// GetAs is Get for a request from ip (the audit of a provider's read).
func (s *Service) GetAs(ctx context.Context, p authz.Principal, id, ip string) (Booking, error) {
	return s.get(ctx, p, id, ip)
}

func (s *Service) get(ctx context.Context, p authz.Principal, id, ip string) (Booking, error) {
	v, err := load(ctx, s.DB, p, id, false)
	if err != nil {
		return Booking{}, err
	}
	if err := consentGate(p, v); err != nil {
		return Booking{}, err
	}
	b := v.toBooking()
	if c, ok, err := loadConsent(ctx, s.DB, id, false); err != nil {
		return Booking{}, err
	} else if ok {
		cc := c.toConsent()
		b.Consent = &cc
	}
	if isProviderOf(p, v) && b.Consent != nil {
		if b.Shared, err = s.shared(ctx, v, ip); err != nil {
			return Booking{}, err
		}
	}
	if err := s.DB.WithContext(ctx).Raw(`SELECT COALESCE(sum(amount_cents), 0) FROM booking_periods WHERE booking_id = ? AND paid_at IS NOT NULL`, id).Row().Scan(&b.PaidCents); err != nil {
		return Booking{}, err
	}
	log, err := events.List(ctx, s.DB, id)
	if err != nil {
		return Booking{}, err
	}
	for _, e := range log {
		b.Events = append(b.Events, Event{At: e.At, Actor: Actor(e.Actor), From: State(e.From), To: State(e.To), Reason: e.Reason, Code: e.Code})
	}
	if err := s.hoursAndExtensions(ctx, &b); err != nil {
		return Booking{}, err
	}
	return b, nil
}

// ListFilter narrows List.
type ListFilter struct {
	States   []State
	Provider bool // the bookings of the caller's organisation as a provider
	// OrganisationID: only the bookings made by this organisation (the
	// organisation page); within the caller's scope as always.
	OrganisationID string
	Q              string // words in the service, the organisation or the provider
	Sort           string // a listBookings sort value; default -createdAt
	Offset         int
	Limit          int // 0: every match (at most listMax)
}

// listMax bounds one read of bookings (a CSV download of a region).
const listMax = 5000

// bookingSorts maps the sort fields onto columns.
var bookingSorts = map[string]string{"createdAt": "b.created_at", "startsAt": "b.starts_at", "service": "s.title_nl",
	"organisation": "org.name", "state": "b.state", "amount": "b.amount_cents"}

// List returns the bookings p may see that f selects, in f's order, and how
// many there are in all.
func (s *Service) List(ctx context.Context, p authz.Principal, f ListFilter) ([]Booking, int, error) {
	q := scope(bookings(s.DB.WithContext(ctx)), p)
	if p.Role.IsOrganisationRole() {
		if f.Provider {
			q = q.Where("b.provider_id = ?", p.OrganisationID)
		} else {
			q = q.Where("b.organisation_id = ?", p.OrganisationID)
		}
	}
	if len(f.States) > 0 {
		q = q.Where("b.state IN ?", states(f.States))
	}
	if f.OrganisationID != "" {
		q = q.Where("b.organisation_id = ?", f.OrganisationID)
	}
	for _, w := range httpapi.Words(f.Q) {
		like := httpapi.Like(w)
		q = q.Where("(s.title_nl ILIKE ? OR org.name ILIKE ? OR prov.name ILIKE ?)", like, like, like)
	}
	var total int64
	if err := q.Session(&gorm.Session{}).Select("b.id").Count(&total).Error; err != nil {
		return nil, 0, database.Translate(err, "count bookings")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = listMax
	}
	var rows []view
	if err := q.Order(httpapi.OrderBy(cmp.Or(f.Sort, "-createdAt"), bookingSorts, "b.id")).Offset(f.Offset).Limit(limit).Find(&rows).Error; err != nil {
		return nil, 0, database.Translate(err, "list bookings")
	}
	out := make([]Booking, len(rows))
	for i, r := range rows {
		out[i] = r.toBooking()
	}
	return out, int(total), nil
}
