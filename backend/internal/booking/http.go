package booking

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

type hoursBody struct {
	Weekday int    `json:"weekday" minimum:"1" maximum:"7" doc:"ISO weekday, 1 = Monday"`
	Opens   string `json:"opens" pattern:"^([01][0-9]|2[0-3]):[0-5][0-9]$" example:"09:00"`
	Closes  string `json:"closes" pattern:"^([01][0-9]|2[0-3]):[0-5][0-9]$" example:"17:00"`
}

// ServiceBody is a catalogue entry, in and out.
type ServiceBody struct {
	ID               string      `json:"id,omitempty" format:"uuid" readOnly:"true"`
	Kind             string      `json:"kind" pattern:"^[a-z][a-z_]{1,39}$" doc:"jobcoaching, loonwaardebepaling, proefplaatsing, werkplekaanpassing, scholing, intake, no_riskpolis_info, reiskosten, or a region's own"`
	TitleNL          string      `json:"titleNl" maxLength:"120"`
	TitleEN          string      `json:"titleEn" maxLength:"120"`
	DescriptionNL    string      `json:"descriptionNl,omitempty" maxLength:"2000" doc:"B1 Dutch"`
	DescriptionEN    string      `json:"descriptionEn,omitempty" maxLength:"2000"`
	ProviderID       string      `json:"providerId,omitempty" doc:"A dienstverlener or zorgaanbieder; empty: the municipality"`
	ProviderName     string      `json:"providerName,omitempty" readOnly:"true"`
	PriceCents       int64       `json:"priceCents" minimum:"0" maximum:"10000000"`
	PriceUnit        string      `json:"priceUnit" enum:"free,fixed,per_hour,per_month"`
	RequiresApproval bool        `json:"requiresApproval"`
	Eligibility      []string    `json:"eligibility" maxItems:"4" enum:"placement,doelgroepregister,lks_indicatie,opening"`
	CancelFreeHours  int         `json:"cancelFreeHours" minimum:"0" maximum:"720" doc:"Free cancellation until this many hours before the start"`
	CancelFeePercent int         `json:"cancelFeePercent" minimum:"0" maximum:"100" doc:"Kept of the price when cancelled later"`
	PayDays          int         `json:"payDays,omitempty" minimum:"0" maximum:"60" doc:"Days to pay after approval (or after booking, without approval), at most until the slot starts; 0 or left out: 14"`
	PersonBound      bool        `json:"personBound,omitempty" doc:"The provider works with the kandidaat (jobcoaching, werkplekaanpassing): an outside provider sees the kandidaat's name, phone and workplace only after the kandidaat agrees, per booking"`
	VatRate          *int        `json:"vatRate,omitempty" enum:"21,9,0" doc:"The btw (percent) the price includes; left out with vatExemption empty: 21"`
	VatExemption     *string     `json:"vatExemption,omitempty" maxLength:"300" doc:"The legal ground of an exempt service (e.g. art. 11 lid 1 sub g Wet OB, medical care); then vatRate is left out. Sent empty: 400, never read as 21 %"`
	Schedulable      bool        `json:"schedulable"`
	SlotMinutes      int         `json:"slotMinutes,omitempty" minimum:"0" maximum:"480"`
	Capacity         int         `json:"capacity,omitempty" minimum:"0" maximum:"50" doc:"Places per slot"`
	Active           bool        `json:"active"`
	Hours            []hoursBody `json:"hours" maxItems:"50" doc:"Weekly plan of a schedulable service"`
	ClosedDays       []string    `json:"closedDays,omitempty" maxItems:"366" doc:"Days (YYYY-MM-DD) the provider is closed: no slots then; past days are not returned"`
}

func toServiceBody(o Offering) ServiceBody {
	b := ServiceBody{ID: o.ID, Kind: o.Kind, TitleNL: o.TitleNL, TitleEN: o.TitleEN, DescriptionNL: o.DescriptionNL, DescriptionEN: o.DescriptionEN,
		ProviderID: o.ProviderID, ProviderName: o.ProviderName, PriceCents: o.PriceCents, PriceUnit: o.PriceUnit, RequiresApproval: o.RequiresApproval,
		Eligibility: o.Eligibility, CancelFreeHours: o.CancelFreeHours, CancelFeePercent: o.CancelFeePercent, PayDays: o.PayDays, PersonBound: o.PersonBound, VatRate: o.VatRate, VatExemption: database.NullIfEmpty(o.VatExemption), Schedulable: o.Schedulable,
		SlotMinutes: o.SlotMinutes, Capacity: o.Capacity, Active: o.Active, Hours: httpapi.Items(o.Hours, func(h Hours) hoursBody { return hoursBody(h) }),
		ClosedDays: httpapi.Items(o.ClosedDays, func(d time.Time) string { return d.Format(time.DateOnly) })}
	if b.Eligibility == nil {
		b.Eligibility = []string{}
	}
	return b
}

func (b ServiceBody) offering() (Offering, error) {
	o := Offering{Kind: b.Kind, TitleNL: b.TitleNL, TitleEN: b.TitleEN, DescriptionNL: b.DescriptionNL, DescriptionEN: b.DescriptionEN, ProviderID: b.ProviderID,
		PriceCents: b.PriceCents, PriceUnit: b.PriceUnit, RequiresApproval: b.RequiresApproval, Eligibility: b.Eligibility, CancelFreeHours: b.CancelFreeHours,
		CancelFeePercent: b.CancelFeePercent, PayDays: b.PayDays, PersonBound: b.PersonBound, VatRate: b.VatRate, Schedulable: b.Schedulable, SlotMinutes: b.SlotMinutes, Capacity: b.Capacity, Active: b.Active}
	if b.VatExemption != nil {
		if strings.TrimSpace(*b.VatExemption) == "" {
			return Offering{}, apperr.Invalid("vatExemption", "required", msg.M("booking.vatExemptionRequired"))
		}
		o.VatExemption = *b.VatExemption
	}
	for _, h := range b.Hours {
		o.Hours = append(o.Hours, Hours(h))
	}
	for i, d := range b.ClosedDays {
		day, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return Offering{}, apperr.Invalid(fmt.Sprintf("closedDays[%d]", i), "format", msg.M("field.dateFormat"))
		}
		o.ClosedDays = append(o.ClosedDays, day)
	}
	return o, nil
}

type bookingEventBody struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor" enum:"organisation,accountmanager,provider,admin,system,stripe,kandidaat"`
	From   string    `json:"from,omitempty"`
	To     string    `json:"to"`
	Reason string    `json:"reason,omitempty"`
	Code   string    `json:"code,omitempty" enum:"paymentAmountMismatch,paymentCurrencyMismatch,doublePayment,doublePaymentRefunded,doublePaymentRefundFailed,paymentFailed,hoursRecorded,extensionRequested,extensionApproved,extensionRefused,consentAsked,consentGranted,consentDeclined,consentRevoked" doc:"A note that changes no state (from = to): a payment that did not pay its period, the refund of a second payment, a failed payment, hours recorded (date, hours, note), an extension asked, approved or refused, the kandidaat asked to share their details with the provider and their answer (the reason: mail_link or in_app); the reason holds the figures or Stripe's message"`
}

// BookingBody is a booking as its readers see it.
type BookingBody struct {
	ID                   string              `json:"id" format:"uuid"`
	ServiceID            string              `json:"serviceId" format:"uuid"`
	ServiceTitle         string              `json:"serviceTitle"`
	ServiceKind          string              `json:"serviceKind"`
	PriceUnit            string              `json:"priceUnit" enum:"free,fixed,per_hour,per_month" doc:"What quantity counts: hours (per_hour) or months (per_month)"`
	OrganisationID       string              `json:"organisationId" format:"uuid"`
	OrganisationName     string              `json:"organisationName"`
	ProviderID           string              `json:"providerId,omitempty"`
	ProviderName         string              `json:"providerName,omitempty" doc:"Empty: the municipality"`
	OpeningID            string              `json:"openingId,omitempty"`
	InviteID             string              `json:"inviteId,omitempty"`
	PlacementID          string              `json:"placementId,omitempty"`
	State                string              `json:"state" enum:"requested,awaiting_approval,approved,rejected,awaiting_payment,paid,confirmed,in_progress,completed,cancelled,refunded,expired"`
	Quantity             int                 `json:"quantity"`
	UnitPriceCents       int64               `json:"unitPriceCents"`
	AmountCents          int64               `json:"amountCents"`
	PaidCents            int64               `json:"paidCents" doc:"Paid so far (monthly trajectories: the months paid)"`
	Note                 string              `json:"note,omitempty"`
	StartsAt             *time.Time          `json:"startsAt,omitempty"`
	EndsAt               *time.Time          `json:"endsAt,omitempty"`
	PayBy                *time.Time          `json:"payBy,omitempty" doc:"Unpaid bookings expire then"`
	PaidAt               *time.Time          `json:"paidAt,omitempty"`
	CancellationFeeCents *int64              `json:"cancellationFeeCents,omitempty"`
	RefundedCents        int64               `json:"refundedCents"`
	DeliveredHours       float64             `json:"deliveredHours"`
	CreatedAt            time.Time           `json:"createdAt"`
	UpdatedAt            time.Time           `json:"updatedAt"`
	CandidateConsent     string              `json:"candidateConsent,omitempty" enum:"asked,granted,declined,revoked" doc:"A person-bound service of an outside provider: whether the kandidaat shares their name, phone and workplace with the provider. Until granted the provider cannot read or work on the booking (403 awaitingCandidateConsent, candidateConsentDeclined, candidateConsentRevoked)"`
	Consent              *bookingConsentBody `json:"consent,omitempty" doc:"When the kandidaat was asked and answered (one booking read)"`
	Shared               *bookingSharedBody  `json:"shared,omitempty" doc:"The provider's read only: what the kandidaat shares (each read audited)"`
	Events               []bookingEventBody  `json:"events,omitempty"`
	HoursEntries         []hoursEntryBody    `json:"hoursEntries,omitempty" doc:"The deliveries (one booking read)"`
	Extensions           []extensionBody     `json:"extensions,omitempty" doc:"Requests for more hours (one booking read)"`
}

func toBookingBody(b Booking) BookingBody {
	out := BookingBody{ID: b.ID, ServiceID: b.ServiceID, ServiceTitle: b.ServiceTitle, ServiceKind: b.ServiceKind, PriceUnit: b.PriceUnit, PaidCents: b.PaidCents, OrganisationID: b.OrganisationID,
		OrganisationName: b.OrganisationName, ProviderID: b.ProviderID, ProviderName: b.ProviderName, OpeningID: b.OpeningID, InviteID: b.InviteID,
		PlacementID: b.PlacementID, State: string(b.State), Quantity: b.Quantity, UnitPriceCents: b.UnitPriceCents, AmountCents: b.AmountCents, Note: b.Note,
		StartsAt: b.StartsAt, EndsAt: b.EndsAt, PayBy: b.PayBy, PaidAt: b.PaidAt, CancellationFeeCents: b.CancellationFeeCents, RefundedCents: b.RefundedCents,
		DeliveredHours: b.DeliveredHours, CreatedAt: b.CreatedAt, UpdatedAt: b.UpdatedAt}
	out.CandidateConsent = string(b.ConsentState)
	if b.Consent != nil {
		out.Consent = &bookingConsentBody{State: string(b.Consent.State), AskedAt: b.Consent.AskedAt, DecidedAt: b.Consent.DecidedAt, DecidedVia: b.Consent.DecidedVia,
			RevokedAt: b.Consent.RevokedAt}
	}
	if b.Shared != nil {
		sh := bookingSharedBody(*b.Shared)
		out.Shared = &sh
	}
	for _, e := range b.Events {
		out.Events = append(out.Events, bookingEventBody{At: e.At, Actor: string(e.Actor), From: string(e.From), To: string(e.To), Reason: e.Reason, Code: e.Code})
	}
	for _, h := range b.HoursEntries {
		out.HoursEntries = append(out.HoursEntries, hoursEntryBody{ID: h.ID, Date: h.WorkedOn.Format(time.DateOnly), Hours: h.Hours, Note: h.Note, RecordedAt: h.RecordedAt})
	}
	for _, e := range b.Extensions {
		out.Extensions = append(out.Extensions, extensionBody(e))
	}
	return out
}

type slotBody struct {
	StartsAt time.Time `json:"startsAt"`
	EndsAt   time.Time `json:"endsAt"`
	Free     int       `json:"free" doc:"Places still free"`
}

// IDParam is the {id} of a service or booking path.
type IDParam struct {
	ID string `path:"id" format:"uuid"`
}

type bookingOut struct{ Body BookingBody }

type serviceOut struct{ Body ServiceBody }

type listServicesInput struct {
	Kind       string `query:"kind" pattern:"^[a-z][a-z_]{1,39}$"`
	ProviderID string `query:"providerId" format:"uuid"`
	Inactive   bool   `query:"inactive" doc:"Admins: include inactive entries"`
}

type createServiceInput struct {
	Body ServiceBody
}

type updateServiceInput struct {
	IDParam
	Body ServiceBody
}

type listSlotsInput struct {
	IDParam
	From string `query:"from" format:"date" doc:"First day (default today)"`
	Days int    `query:"days" minimum:"1" maximum:"31" default:"14"`
}

type listBookingsInput struct {
	States []string `query:"state" maxItems:"12" enum:"requested,awaiting_approval,approved,rejected,awaiting_payment,paid,confirmed,in_progress,completed,cancelled,refunded,expired"`
	As     string   `query:"as" enum:",provider"`
	// Organisation narrows to one organisation's bookings (the organisation page).
	Organisation string `query:"organisation" format:"uuid" doc:"Only the bookings this organisation made (within the caller's scope: another region's organisation gives an empty list)"`
	httpapi.Search
	Sort string `query:"sort" enum:"createdAt,-createdAt,startsAt,-startsAt,service,-service,organisation,-organisation,state,-state,amount,-amount" default:"-createdAt" doc:"Field to sort on; '-' first for descending"`
	httpapi.Paging
	Accept string `header:"Accept" doc:"text/csv: every match (not one page) as CSV for Dutch spreadsheets (';', UTF-8 with BOM)"`
}

// Bodies named <operationId>Request/Response keep the component names huma
// gives anonymous bodies, which the front end's generated client uses.
type createBookingRequest struct {
	ServiceID      string     `json:"serviceId" format:"uuid"`
	OrganisationID string     `json:"organisationId,omitempty" format:"uuid" doc:"Staff: the organisation booked for"`
	OpeningID      string     `json:"openingId,omitempty" format:"uuid"`
	InviteID       string     `json:"inviteId,omitempty" format:"uuid" doc:"An introduction"`
	PlacementID    string     `json:"placementId,omitempty" format:"uuid"`
	Quantity       *int       `json:"quantity,omitempty" minimum:"1" maximum:"500" doc:"Hours (per_hour, 1–200) or months (per_month, 1–24), required for those; a service booked once may leave it out or send 1. Out of range is a 400 naming quantity, never corrected."`
	StartsAt       *time.Time `json:"startsAt,omitempty" doc:"A slot from GET /services/{id}/slots"`
	Note           string     `json:"note,omitempty" maxLength:"1000"`
}

type changeBookingStateRequest struct {
	State  string `json:"state" enum:"approved,rejected,confirmed,in_progress,completed,cancelled"`
	Reason string `json:"reason,omitempty" maxLength:"1000"`
}

type createBookingCheckoutResponse struct {
	SessionID   string `json:"sessionId"`
	URL         string `json:"url" doc:"Send the browser here"`
	Period      int    `json:"period"`
	AmountCents int64  `json:"amountCents"`
}

type createBookingHoursRequest struct {
	Date  string  `json:"date" format:"date" doc:"The day worked (YYYY-MM-DD), not in the future"`
	Hours float64 `json:"hours" minimum:"0" maximum:"24" doc:"To the hundredth at most (6.25); finer is a 400, not rounded"`
	Note  string  `json:"note,omitempty" maxLength:"500"`
}

type createBookingExtensionRequest struct {
	Hours  int    `json:"hours" minimum:"1" maximum:"200" doc:"Hours more than booked"`
	Reason string `json:"reason,omitempty" maxLength:"1000"`
}

type decideBookingExtensionRequest struct {
	Decision string `json:"decision" enum:"approved,refused"`
}

type hoursEntryBody struct {
	ID         string    `json:"id" format:"uuid"`
	Date       string    `json:"date" format:"date"`
	Hours      float64   `json:"hours"`
	Note       string    `json:"note,omitempty"`
	RecordedAt time.Time `json:"recordedAt"`
}

type extensionBody struct {
	ID          string     `json:"id" format:"uuid"`
	Hours       int        `json:"hours"`
	AmountCents int64      `json:"amountCents"`
	Reason      string     `json:"reason,omitempty"`
	State       string     `json:"state" enum:"requested,approved,refused"`
	Period      *int       `json:"period,omitempty" doc:"The period that charges it, once approved"`
	RequestedAt time.Time  `json:"requestedAt"`
	DecidedAt   *time.Time `json:"decidedAt,omitempty"`
}

type changeStateInput struct {
	IDParam
	Body changeBookingStateRequest
}

type hoursInput struct {
	IDParam
	Body createBookingHoursRequest
}

type extensionInput struct {
	IDParam
	Body createBookingExtensionRequest
}

type extensionDecisionInput struct {
	IDParam
	ExtensionID string `path:"extensionId" format:"uuid"`
	Body        decideBookingExtensionRequest
}

type webhookInput struct {
	Signature string `header:"Stripe-Signature"`
	RawBody   []byte
}

// handlers are the services desk's operations.
type handlers struct{ s *Service }

// Register adds the services desk's operations.
func Register(api huma.API, s *Service) {
	h := handlers{s}
	tags := []string{"Diensten"}
	readers := authz.Roles(authz.Admin, authz.Accountmanager, authz.Klantmanager, authz.Werkgever, authz.Zorgaanbieder)
	bookers := authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder)
	providers := authz.Roles(authz.Admin, authz.Accountmanager, authz.Zorgaanbieder)
	admin := authz.Roles(authz.Admin)

	authz.Register(api, huma.Operation{OperationID: "listServices", Method: http.MethodGet, Path: "/services", Summary: "Dienstencatalogus / Service catalogue", Tags: tags},
		readers, h.listServices)
	authz.Register(api, huma.Operation{OperationID: "getService", Method: http.MethodGet, Path: "/services/{id}", Summary: "Eén dienst / One service", Tags: tags, Errors: []int{404}},
		readers, h.getService)
	authz.Register(api, huma.Operation{OperationID: "createService", Method: http.MethodPost, Path: "/services", DefaultStatus: http.StatusCreated,
		Summary: "Dienst toevoegen / Add a service", Tags: tags, Errors: []int{400}},
		admin, h.createService)
	authz.Register(api, huma.Operation{OperationID: "updateService", Method: http.MethodPut, Path: "/services/{id}",
		Summary: "Dienst wijzigen / Replace a service", Tags: tags, Errors: []int{400, 404}},
		admin, h.updateService)
	authz.Register(api, huma.Operation{OperationID: "listServiceSlots", Method: http.MethodGet, Path: "/services/{id}/slots",
		Summary: "Vrije tijden / Free times", Tags: tags, Errors: []int{400, 404, 409}},
		bookers, h.listSlots)

	authz.Register(api, huma.Operation{OperationID: "createBooking", Method: http.MethodPost, Path: "/bookings", DefaultStatus: http.StatusCreated,
		Summary: "Dienst boeken / Book a service", Tags: tags, Errors: []int{400, 404, 409},
		Description: "Eligibility first (400 naming the rule, e.g. placementId / eligibility.placement), then the slot (409 outsideAvailability or slotTaken). The booking then waits for approval, for payment (the service's payDays) or for the provider."},
		bookers, h.createBooking)
	authz.Register(api, huma.Operation{OperationID: "listBookings", Method: http.MethodGet, Path: "/bookings",
		Summary: "Boekingen / Bookings", Tags: tags, Errors: []int{400}, Responses: httpapi.CSVResponses(api, httpapi.Paged[BookingBody]{}, "One row per booking: requested, service, organisation, provider, state, start, quantity, amount, paid"),
		Description: "Organisation users: their own (as=provider: those of their services); staff: the region's. Search (q: service, organisation, provider), sort and page; Accept: text/csv answers every match as CSV."},
		bookers, h.listBookings)
	authz.Register(api, huma.Operation{OperationID: "getBooking", Method: http.MethodGet, Path: "/bookings/{id}", Summary: "Eén boeking met geschiedenis / One booking with its history", Tags: tags, Errors: []int{403, 404},
		Description: "The outside provider of a person-bound service reads it only once the kandidaat agreed to share (403 awaitingCandidateConsent, candidateConsentDeclined or candidateConsentRevoked), and then sees the shared name, phone and workplace; after confirming also the workplace's postcode and the organisation's contact person. Every such read is audited."},
		bookers, h.getBooking)
	authz.Register(api, huma.Operation{OperationID: "changeBookingState", Method: http.MethodPost, Path: "/bookings/{id}/state-changes",
		Summary: "Boeking goedkeuren, bevestigen, afronden of annuleren / Approve, confirm, complete or cancel", Tags: tags, Errors: []int{400, 404, 409},
		Description: "approved/rejected: accountmanagers; confirmed, in_progress, completed: the provider (the municipality's accountmanagers for its own services); cancelled: the booking organisation or staff, by the service's policy (the fee is kept, the rest refunded)."},
		bookers, h.changeState)
	authz.Register(api, huma.Operation{OperationID: "createBookingCheckout", Method: http.MethodPost, Path: "/bookings/{id}/checkouts", DefaultStatus: http.StatusCreated,
		Summary: "Betalen / Pay", Tags: tags, Errors: []int{404, 409, 503},
		Description: "Opens the Stripe Checkout (card, iDEAL) of the next period due; asking twice returns the same checkout (one idempotency key per period)."},
		bookers, h.createCheckout)
	authz.Register(api, huma.Operation{OperationID: "createBookingHours", Method: http.MethodPost, Path: "/bookings/{id}/hours", DefaultStatus: http.StatusCreated,
		Summary: "Geleverde uren vastleggen / Record delivered hours", Tags: tags, Errors: []int{400, 403, 404, 409},
		Description: "One entry (date, hours, note) by the provider (a dienstverlener's or zorgaanbieder's users; for the municipality's own services its staff), once the booking has started: before 409 notStarted, on a cancelled booking 409 bookingCancelled. For a service per hour, entries beyond the booked hours plus approved extensions are 409 extensionRequired."},
		providers, h.createHours)
	authz.Register(api, huma.Operation{OperationID: "createBookingExtension", Method: http.MethodPost, Path: "/bookings/{id}/extensions", DefaultStatus: http.StatusCreated,
		Summary: "Extra uren vragen / Ask for more hours", Tags: tags, Errors: []int{400, 403, 404, 409},
		Description: "The provider asks the booking organisation for more hours on a confirmed or running booking per hour (one open request at a time: 409 extensionOpen). Another provider's booking is 404."},
		providers, h.createExtension)
	authz.Register(api, huma.Operation{OperationID: "decideBookingExtension", Method: http.MethodPost, Path: "/bookings/{id}/extensions/{extensionId}/decisions", DefaultStatus: http.StatusCreated,
		Summary: "Extra uren goedkeuren of afwijzen / Approve or refuse more hours", Tags: tags, Errors: []int{400, 403, 404, 409},
		Description: "The booking organisation (or staff for it). Approving adds a period to pay the extra hours (createBookingCheckout)."},
		bookers, h.decideExtension)

	registerConsent(api, h)
	registerInvoices(api, h)

	authz.Register(api, huma.Operation{OperationID: "receiveStripeWebhook", Method: http.MethodPost, Path: "/stripe/webhook",
		Summary: "Stripe-webhook", Tags: tags, Errors: []int{400},
		Description: "Signed by Stripe (Stripe-Signature over the raw body); its timestamp must lie within 5 minutes of now either way (older: signatureExpired, later: signatureInFuture). Each event is stored once by its id and processed by a background job; duplicates answer 204 and change nothing. A succeeded payment pays its period only with the period's amount and currency; otherwise it is noted on the booking (paymentAmountMismatch, paymentCurrencyMismatch) and the region's admins are told. A second payment of a period already paid is refunded in full (doublePayment)."},
		authz.Rule{Public: true, NoCSRF: true}, h.receiveWebhook)
}

func (h handlers) listServices(ctx context.Context, p authz.Principal, in *listServicesInput) (*httpapi.ListOut[ServiceBody], error) {
	items, err := h.s.Catalogue(ctx, p, CatalogueFilter{Kind: in.Kind, ProviderID: in.ProviderID, Inactive: in.Inactive})
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(items, toServiceBody), nil
}

func (h handlers) getService(ctx context.Context, p authz.Principal, in *IDParam) (*serviceOut, error) {
	return serviceResult(h.s.GetService(ctx, p, in.ID))
}

func (h handlers) createService(ctx context.Context, p authz.Principal, in *createServiceInput) (*serviceOut, error) {
	return h.saveService(ctx, p, "", in.Body)
}

func (h handlers) updateService(ctx context.Context, p authz.Principal, in *updateServiceInput) (*serviceOut, error) {
	return h.saveService(ctx, p, in.ID, in.Body)
}

// saveService adds a catalogue entry (id empty) or replaces one.
func (h handlers) saveService(ctx context.Context, p authz.Principal, id string, b ServiceBody) (*serviceOut, error) {
	entry, err := b.offering()
	if err != nil {
		return nil, err
	}
	return serviceResult(h.s.SaveService(ctx, p, id, entry, httpapi.ClientIP(ctx)))
}

func (h handlers) listSlots(ctx context.Context, p authz.Principal, in *listSlotsInput) (*httpapi.ListOut[slotBody], error) {
	from := time.Now()
	if in.From != "" {
		d, err := httpapi.ParseDate("from", in.From)
		if err != nil {
			return nil, err
		}
		from = time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, amsterdam)
	}
	slots, err := h.s.Slots(ctx, p, in.ID, from, in.Days)
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(slots, func(sl Slot) slotBody { return slotBody(sl) }), nil
}

func (h handlers) createBooking(ctx context.Context, p authz.Principal, in *struct{ Body createBookingRequest }) (*bookingOut, error) {
	return bookingResult(h.s.Create(ctx, p, Request(in.Body), httpapi.ClientIP(ctx)))
}

func (h handlers) listBookings(ctx context.Context, p authz.Principal, in *listBookingsInput) (*httpapi.ListOrCSV, error) {
	f := ListFilter{Provider: in.As == "provider", OrganisationID: in.Organisation, Q: in.Q, Sort: in.Sort}
	for _, st := range in.States {
		f.States = append(f.States, State(st))
	}
	csv := httpapi.WantsCSV(in.Accept)
	if !csv {
		f.Offset, f.Limit = in.Offset(), in.Limit()
	}
	items, total, err := h.s.List(ctx, p, f)
	if err != nil {
		return nil, err
	}
	if csv {
		return httpapi.CSVFile("boekingen", h.s.now(), bookingsCSV(items)), nil
	}
	return &httpapi.ListOrCSV{Body: httpapi.PageOf(items, total, in.Paging, toBookingBody).Body}, nil
}

// bookingsCSV is a list of bookings as a spreadsheet, with Dutch headers;
// amounts in euros with a decimal comma, times in Dutch time.
func bookingsCSV(items []Booking) []byte {
	day := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(amsterdam).Format("2006-01-02 15:04")
	}
	rows := make([][]string, len(items))
	for i, b := range items {
		rows[i] = []string{b.CreatedAt.In(amsterdam).Format(time.DateOnly), b.ServiceTitle, b.OrganisationName, cmp.Or(b.ProviderName, "Gemeente"),
			stateNL[b.State], day(b.StartsAt), strconv.Itoa(b.Quantity), fmt.Sprintf("%d,%02d", b.AmountCents/100, b.AmountCents%100), day(b.PaidAt)}
	}
	return httpapi.CSV([]string{"Aangevraagd op", "Dienst", "Organisatie", "Aanbieder", "Status", "Begint", "Aantal", "Bedrag (EUR)", "Betaald op"}, rows)
}

func (h handlers) getBooking(ctx context.Context, p authz.Principal, in *IDParam) (*bookingOut, error) {
	return bookingResult(h.s.GetAs(ctx, p, in.ID, httpapi.ClientIP(ctx)))
}

func (h handlers) changeState(ctx context.Context, p authz.Principal, in *changeStateInput) (*bookingOut, error) {
	return bookingResult(h.s.Move(ctx, p, in.ID, StateChange{To: State(in.Body.State), Reason: in.Body.Reason}, httpapi.ClientIP(ctx)))
}

func (h handlers) createCheckout(ctx context.Context, p authz.Principal, in *IDParam) (*struct{ Body createBookingCheckoutResponse }, error) {
	c, err := h.s.Pay(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return &struct{ Body createBookingCheckoutResponse }{Body: createBookingCheckoutResponse(c)}, nil
}

func (h handlers) createHours(ctx context.Context, p authz.Principal, in *hoursInput) (*bookingOut, error) {
	return bookingResult(h.s.RecordHours(ctx, p, in.ID, NewHours{WorkedOn: in.Body.Date, Hours: in.Body.Hours, Note: in.Body.Note}, httpapi.ClientIP(ctx)))
}

func (h handlers) createExtension(ctx context.Context, p authz.Principal, in *extensionInput) (*bookingOut, error) {
	return bookingResult(h.s.RequestExtension(ctx, p, in.ID, NewExtension{Hours: in.Body.Hours, Reason: in.Body.Reason}, httpapi.ClientIP(ctx)))
}

func (h handlers) decideExtension(ctx context.Context, p authz.Principal, in *extensionDecisionInput) (*bookingOut, error) {
	return bookingResult(h.s.DecideExtension(ctx, p, in.ID, in.ExtensionID, in.Body.Decision == "approved", httpapi.ClientIP(ctx)))
}

// receiveWebhook answers a refused event with its own code (and logs why);
// Stripe is the only caller, so the principal is always the zero one.
func (h handlers) receiveWebhook(ctx context.Context, _ authz.Principal, in *webhookInput) (*struct{}, error) {
	if err := h.s.Receive(ctx, in.RawBody, in.Signature); err != nil {
		if code, detail, ok := WebhookCode(err); ok {
			slog.WarnContext(ctx, "stripe webhook refused", "code", code, "error", err.Error(), "requestId", httpapi.RequestID(ctx))
			return nil, httpapi.Coded(http.StatusBadRequest, code, detail)
		}
		return nil, err
	}
	return nil, nil
}

// serviceResult answers with the catalogue entry a service call returned.
func serviceResult(o Offering, err error) (*serviceOut, error) {
	if err != nil {
		return nil, err
	}
	return &serviceOut{Body: toServiceBody(o)}, nil
}

// bookingResult answers with the booking a service call returned.
func bookingResult(b Booking, err error) (*bookingOut, error) {
	if err != nil {
		return nil, err
	}
	return &bookingOut{Body: toBookingBody(b)}, nil
}
