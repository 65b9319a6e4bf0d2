package booking

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

type invoicePartyBody struct {
	ID        string `json:"id" format:"uuid" doc:"The organisation, or the region for the municipality"`
	Name      string `json:"name"`
	Street    string `json:"street" doc:"Street and number; empty when not on record"`
	Postcode  string `json:"postcode"`
	City      string `json:"city"`
	KvkNumber string `json:"kvkNumber"`
	VatNumber string `json:"vatNumber" doc:"btw-identificatienummer"`
}

// InvoiceBody is an issued invoice or credit invoice.
type InvoiceBody struct {
	ID             string           `json:"id" format:"uuid"`
	Kind           string           `json:"kind" enum:"invoice,credit" doc:"credit: a credit invoice for a refund, negative amounts"`
	Number         string           `json:"number" doc:"Sequential per supplier, without gaps"`
	CreditsID      string           `json:"creditsInvoiceId,omitempty" format:"uuid" doc:"The invoice a credit invoice corrects"`
	CreditsNumber  string           `json:"creditsInvoiceNumber,omitempty"`
	BookingID      string           `json:"bookingId" format:"uuid"`
	BookingRef     string           `json:"bookingReference"`
	Period         int              `json:"period"`
	IssuedAt       time.Time        `json:"issuedAt" doc:"The invoice date"`
	SuppliedOn     string           `json:"suppliedOn" format:"date" doc:"The date of supply (its start)"`
	Supplier       invoicePartyBody `json:"supplier"`
	Customer       invoicePartyBody `json:"customer"`
	Description    string           `json:"description"`
	Quantity       int              `json:"quantity"`
	Unit           string           `json:"unit" enum:"fixed,per_hour,per_month"`
	UnitPriceCents int64            `json:"unitPriceCents" doc:"Incl. btw, as the catalogue states it"`
	UnitPriceNet   int64            `json:"unitPriceNetCents" doc:"Excl. btw"`
	VatRate        *int             `json:"vatRate,omitempty" enum:"21,9,0" doc:"Left out: exempt (vatExemption)"`
	VatExemption   string           `json:"vatExemption,omitempty" doc:"The legal ground of the exemption"`
	NetCents       int64            `json:"netCents" doc:"Excl. btw"`
	VatCents       int64            `json:"vatCents"`
	TotalCents     int64            `json:"totalCents"`
}

func toInvoiceBody(i Invoice) InvoiceBody {
	b := InvoiceBody{ID: i.ID, Kind: i.Kind, Number: i.Number, CreditsNumber: i.CreditsNumber, BookingID: i.BookingID, BookingRef: Reference(i.BookingID),
		Period: i.Period, IssuedAt: i.IssuedAt, SuppliedOn: i.SuppliedOn.Format(time.DateOnly),
		Supplier: invoicePartyBody{ID: i.SupplierID, Name: i.SupplierName, Street: i.SupplierStreet, Postcode: i.SupplierPostcode, City: i.SupplierCity,
			KvkNumber: i.SupplierKvk, VatNumber: i.SupplierVat},
		Customer: invoicePartyBody{ID: i.CustomerID, Name: i.CustomerName, Street: i.CustomerStreet, Postcode: i.CustomerPostcode, City: i.CustomerCity,
			KvkNumber: i.CustomerKvk, VatNumber: i.CustomerVat},
		Description: i.Description, Quantity: i.Quantity, Unit: i.Unit, UnitPriceCents: i.UnitPriceCents, UnitPriceNet: i.UnitPriceNetCents, VatRate: i.VatRate, VatExemption: i.VatExemption,
		NetCents: i.NetCents, VatCents: i.VatCents, TotalCents: i.TotalCents}
	if i.CreditsInvoiceID != nil {
		b.CreditsID = *i.CreditsInvoiceID
	}
	return b
}

type listInvoicesInput struct {
	BookingID string `query:"bookingId" format:"uuid" doc:"Only this booking's"`
}

type payoutLineBody struct {
	BookingID        string    `json:"bookingId" format:"uuid"`
	BookingRef       string    `json:"bookingReference"`
	ServiceTitle     string    `json:"serviceTitle"`
	OrganisationName string    `json:"organisationName" doc:"Who paid"`
	Period           int       `json:"period"`
	PaidAt           time.Time `json:"paidAt"`
	ChargedCents     int64     `json:"chargedCents"`
	FeeCents         *int64    `json:"platformFeeCents,omitempty" doc:"Left out: not recorded (paid before it was)"`
	TransferredCents *int64    `json:"transferredCents,omitempty" doc:"To the connected account; left out when not a destination charge or not recorded"`
	RefundedCents    int64     `json:"refundedCents"`
	Connected        bool      `json:"connected" doc:"Paid as a destination charge to the provider's Stripe account"`
	InvoiceID        string    `json:"invoiceId,omitempty" format:"uuid"`
}

type stripePayoutBody struct {
	ID          string    `json:"id"`
	AmountCents int64     `json:"amountCents"`
	Currency    string    `json:"currency"`
	Status      string    `json:"status"`
	ArrivalDate string    `json:"arrivalDate" format:"date"`
	CreatedAt   time.Time `json:"createdAt"`
}

type listPayoutsResponse struct {
	Items             []payoutLineBody   `json:"items" doc:"Werkhaven's records: each paid period of a booking of the organisation's services"`
	StripePayouts     []stripePayoutBody `json:"stripePayouts" doc:"Stripe's payouts of the connected account to the bank"`
	HasStripeAccount  bool               `json:"hasStripeAccount"`
	StripeUnavailable bool               `json:"stripeUnavailable" doc:"Stripe did not answer; the items are still complete"`
}

// registerInvoices adds invoices and payouts.
func registerInvoices(api huma.API, h handlers) {
	tags := []string{"Diensten"}
	readers := authz.Roles(authz.Admin, authz.Accountmanager, authz.Werkgever, authz.Zorgaanbieder)
	authz.Register(api, huma.Operation{OperationID: "listInvoices", Method: http.MethodGet, Path: "/invoices",
		Summary: "Facturen / Invoices", Tags: tags,
		Description: "Organisation users: the invoices it paid or issued (as a provider); the region's accountmanagers and admins: the region's. Newest first, at most 500."},
		readers, h.listInvoices)
	authz.Register(api, huma.Operation{OperationID: "getInvoice", Method: http.MethodGet, Path: "/invoices/{id}",
		Summary: "Eén factuur / One invoice", Tags: tags, Errors: []int{404},
		Description: "An invoice (art. 35a Wet OB) or credit invoice; another organisation's is 404. It never changes once issued."},
		readers, h.getInvoice)
	authz.Register(api, huma.Operation{OperationID: "listPayouts", Method: http.MethodGet, Path: "/payouts",
		Summary: "Uitbetalingen / Payouts", Tags: tags,
		Description: "A provider's paid bookings from Werkhaven's records (charged, platform fee, transferred) and, with a Stripe account, Stripe's payouts of it (docs/invoices.md)."},
		authz.Roles(authz.Werkgever, authz.Zorgaanbieder), h.listPayouts)
}

func (h handlers) listInvoices(ctx context.Context, p authz.Principal, in *listInvoicesInput) (*httpapi.ListOut[InvoiceBody], error) {
	items, err := h.s.Invoices(ctx, p, InvoiceFilter{BookingID: in.BookingID})
	if err != nil {
		return nil, err
	}
	return httpapi.ListOf(items, toInvoiceBody), nil
}

func (h handlers) getInvoice(ctx context.Context, p authz.Principal, in *IDParam) (*struct{ Body InvoiceBody }, error) {
	inv, err := h.s.GetInvoice(ctx, p, in.ID)
	if err != nil {
		return nil, err
	}
	return &struct{ Body InvoiceBody }{Body: toInvoiceBody(inv)}, nil
}

func (h handlers) listPayouts(ctx context.Context, p authz.Principal, _ *struct{}) (*struct{ Body listPayoutsResponse }, error) {
	out, err := h.s.Payouts(ctx, p)
	if err != nil {
		return nil, err
	}
	if out.StripeError != nil {
		slog.WarnContext(ctx, "stripe payouts unavailable", "error", out.StripeError.Error(), "requestId", httpapi.RequestID(ctx))
	}
	body := listPayoutsResponse{HasStripeAccount: out.HasAccount, StripeUnavailable: out.StripeError != nil,
		Items: httpapi.Items(out.Lines, func(l PayoutLine) payoutLineBody {
			b := payoutLineBody{BookingID: l.BookingID, BookingRef: l.Reference, ServiceTitle: l.ServiceTitle, OrganisationName: l.OrganisationName, Period: l.Period,
				PaidAt: l.PaidAt, ChargedCents: l.ChargedCents, FeeCents: l.FeeCents, TransferredCents: l.TransferredCents, RefundedCents: l.RefundedCents, Connected: l.Connected}
			if l.InvoiceID != nil {
				b.InvoiceID = *l.InvoiceID
			}
			return b
		}),
		StripePayouts: httpapi.Items(out.Stripe, func(s StripePayout) stripePayoutBody { return stripePayoutBody(s) })}
	return &struct{ Body listPayoutsResponse }{Body: body}, nil
}
