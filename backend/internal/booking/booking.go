// Package booking is the services desk: a region's catalogue (jobcoaching,
// loonwaardebepaling, proefplaatsing, werkplekaanpassing, scholing, …),
// bookings by organisations (or their accountmanager) with approval,
// scheduling that cannot double book (an exclusion constraint per seat),
// payment through Stripe Checkout with the provider's share paid out by
// Connect, cancellation by policy with refunds, and Stripe webhooks stored
// once and processed by a River job. Every transition is checked against
// its state and actor and appended to booking_events.
//
// A webhook is refused unless its signed timestamp lies within
// WebhookTolerance of now, either way. A succeeded payment pays its period
// only with the amount and currency stored for the period before its
// Checkout was opened: any other payment is kept in payment_issues, noted on
// the booking (Notes) and, if a mismatch, flagged for the region's admins;
// a second payment of a period already paid is refunded in full by a job.
// Nothing Stripe reports is dropped silently.
package booking

import (
	"errors"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/statemachine"
)

// State of a booking.
type State string

// The states.
const (
	Requested        State = "requested"
	AwaitingApproval State = "awaiting_approval"
	Approved         State = "approved"
	Rejected         State = "rejected"
	AwaitingPayment  State = "awaiting_payment"
	Paid             State = "paid"
	Confirmed        State = "confirmed"
	InProgress       State = "in_progress"
	Completed        State = "completed"
	Cancelled        State = "cancelled"
	Refunded         State = "refunded"
	Expired          State = "expired"
)

// States lists every state in journey order.
var States = []State{Requested, AwaitingApproval, Approved, Rejected, AwaitingPayment, Paid, Confirmed, InProgress, Completed, Cancelled, Refunded, Expired}

// Live are the states that hold a slot.
var Live = []State{Requested, AwaitingApproval, Approved, AwaitingPayment, Paid, Confirmed, InProgress, Completed}

// Actor is who makes a transition.
type Actor string

// The actors.
const (
	Organisation   Actor = "organisation"
	Accountmanager Actor = "accountmanager"
	Provider       Actor = "provider"
	Admin          Actor = "admin"
	System         Actor = "system"
	Stripe         Actor = "stripe"
)

type rule = statemachine.Rule[State, Actor]

var machine = statemachine.Machine[State, Actor]{Noun: "A booking", Err: ErrTransition, NamesNL: stateNL, Rules: map[State]rule{
	AwaitingApproval: {From: []State{Requested}, Actors: []Actor{System}},
	Approved:         {From: []State{AwaitingApproval}, Actors: []Actor{Accountmanager, Admin}},
	Rejected:         {From: []State{AwaitingApproval}, Actors: []Actor{Accountmanager, Admin}},
	AwaitingPayment:  {From: []State{Requested, Approved}, Actors: []Actor{System}},
	Paid:             {From: []State{AwaitingPayment}, Actors: []Actor{Stripe}},
	Confirmed:        {From: []State{Requested, Approved, Paid}, Actors: []Actor{Provider, Admin, System}},
	InProgress:       {From: []State{Confirmed}, Actors: []Actor{Provider, Admin}},
	Completed:        {From: []State{InProgress}, Actors: []Actor{Provider, Admin}},
	Cancelled:        {From: []State{Requested, AwaitingApproval, Approved, AwaitingPayment, Paid, Confirmed}, Actors: []Actor{Organisation, Accountmanager, Admin}},
	Refunded:         {From: []State{Cancelled}, Actors: []Actor{System, Stripe}},
	Expired:          {From: []State{AwaitingPayment}, Actors: []Actor{System}},
}}

var stateNL = map[State]string{Requested: "aangevraagd", AwaitingApproval: "wacht op goedkeuring", Approved: "goedgekeurd", Rejected: "afgewezen",
	AwaitingPayment: "wacht op betaling", Paid: "betaald", Confirmed: "bevestigd", InProgress: "bezig", Completed: "afgerond",
	Cancelled: "geannuleerd", Refunded: "terugbetaald", Expired: "verlopen"}

// ErrTransition is a transition the machine does not allow (409).
var ErrTransition = errors.New("booking transition not allowed")

// Check reports whether actor may move a booking from one state to another.
func Check(from, to State, actor Actor) error { return machine.Check(from, to, actor) }

// Kinds are the catalogue's known kinds (a region may add its own slug).
var Kinds = []string{"jobcoaching", "loonwaardebepaling", "proefplaatsing", "werkplekaanpassing", "scholing", "intake", "no_riskpolis_info", "reiskosten"}

// Units a price is per.
var Units = []string{"free", "fixed", "per_hour", "per_month"}

// VatRates are the btw rates a catalogue price may include (percent);
// DefaultVatRate applies when a service names neither a rate nor an exemption.
var VatRates = []int{21, 9, 0}

// DefaultVatRate: see VatRates.
const DefaultVatRate = 21

// Eligibility rules a service may require.
var Eligibility = []string{"placement", "doelgroepregister", "lks_indicatie", "opening"}

// Offering is one entry of the catalogue (a service the desk offers).
type Offering struct {
	ID, RegionID                 string
	Kind                         string
	TitleNL, TitleEN             string
	DescriptionNL, DescriptionEN string
	ProviderID, ProviderName     string // empty: the municipality
	PriceCents                   int64
	PriceUnit                    string
	RequiresApproval             bool
	Eligibility                  []string
	CancelFreeHours              int
	CancelFeePercent             int
	// PayDays is the payment window: days to pay after approval (or after
	// booking, without approval), shortened to the slot's start.
	PayDays int
	// PersonBound: the provider works with the kandidaat (jobcoaching,
	// werkplekaanpassing). An outside provider sees the kandidaat's name,
	// phone and workplace only after the kandidaat agrees (consent.go).
	PersonBound bool
	// VatRate is the btw the price includes (21, 9 or 0 %); nil: exempt,
	// on the legal ground VatExemption (docs/invoices.md).
	VatRate      *int
	VatExemption string
	Schedulable  bool
	SlotMinutes  int
	Capacity     int
	Active       bool
	Hours        []Hours
	// ClosedDays are the exceptions to the weekly plan (holidays, leave).
	ClosedDays []time.Time
}

// Hours is one opening window of a weekly plan (ISO weekday, local time).
type Hours struct {
	Weekday int
	Opens   string // "09:00"
	Closes  string
}

// Booking is one booking as its readers see it.
type Booking struct {
	ID, RegionID, ServiceID, OrganisationID string
	ServiceTitle, ServiceKind, PriceUnit    string
	OrganisationName, ProviderName          string
	ProviderID                              string
	OpeningID, InviteID, PlacementID        string
	State                                   State
	Quantity                                int
	UnitPriceCents, AmountCents, PaidCents  int64
	Note                                    string
	StartsAt, EndsAt                        *time.Time
	PayBy, PaidAt                           *time.Time
	CancellationFeeCents                    *int64
	RefundedCents                           int64
	DeliveredHours                          float64
	CreatedAt, UpdatedAt                    time.Time
	// ConsentState is the kandidaat's agreement to share with the provider
	// ("" when the booking asks none); Consent its detail (one booking
	// read); Shared what the provider sees once they agree (its read).
	ConsentState ConsentState
	Consent      *Consent
	Shared       *Shared
	Events       []Event
	HoursEntries []HoursEntry
	Extensions   []Extension
}

// Event is one entry of a booking's log.
type Event struct {
	At       time.Time
	Actor    Actor
	From, To State
	Reason   string
	// Code names a note that changes no state (From = To), one of Notes.
	Code string
}

// The notes a booking's log holds beside its transitions: a succeeded
// payment that did not pay its period (the wrong amount or currency, kept
// for the region's admins; or a second payment of a paid period, refunded),
// and how that refund ended. The reason holds the figures.
const (
	NoteAmountMismatch     = "paymentAmountMismatch"
	NoteCurrencyMismatch   = "paymentCurrencyMismatch"
	NoteDoublePayment      = "doublePayment"
	NoteDoubleRefunded     = "doublePaymentRefunded"
	NoteDoubleRefundFailed = "doublePaymentRefundFailed"
	// NotePaymentFailed: Stripe reports a failed payment; the reason is
	// Stripe's own message, if any. The booking still waits for payment.
	NotePaymentFailed = "paymentFailed"
)

// Notes lists the notes' codes.
var Notes = []string{NoteAmountMismatch, NoteCurrencyMismatch, NoteDoublePayment, NoteDoubleRefunded, NoteDoubleRefundFailed, NotePaymentFailed,
	NoteHoursRecorded, NoteExtensionRequested, NoteExtensionApproved, NoteExtensionRefused,
	NoteConsentAsked, NoteConsentGranted, NoteConsentDeclined, NoteConsentRevoked}

// actorOf is the actor a principal acts as on booking b: an organisation
// user of the provider is the provider.
func actorOf(p authz.Principal, providerID string) Actor {
	switch {
	case p.Role.IsOrganisationRole() && providerID != "" && p.OrganisationID == providerID:
		return Provider
	case p.Role.IsOrganisationRole():
		return Organisation
	case p.Role == authz.Accountmanager:
		return Accountmanager
	case p.Role == authz.Admin:
		return Admin
	}
	return System
}

// DefaultPayDays is a service's payment window unless the catalogue says
// otherwise (1–60 days).
const DefaultPayDays = 14

// payWindow is when a booking made payable at now must be paid (pay days
// on, or the slot's start if sooner) and when its one reminder goes: a day
// before, or halfway through a shorter window.
func payWindow(now time.Time, payDays int, startsAt *time.Time) (payBy, remindAt time.Time) {
	if payDays < 1 {
		payDays = DefaultPayDays
	}
	payBy = now.AddDate(0, 0, payDays)
	if startsAt != nil && startsAt.Before(payBy) && startsAt.After(now) {
		payBy = *startsAt
	}
	lead := 24 * time.Hour
	if w := payBy.Sub(now); w < 2*lead {
		lead = w / 2
	}
	return payBy, payBy.Add(-lead)
}
