package booking

import (
	"context"
	"fmt"
	"time"

	"github.com/stripe/stripe-go/v76"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// PayoutLine is one paid period of a booking of the provider's services,
// from Werkhaven's own records: what the customer was charged, the
// platform fee the Checkout kept and what the destination charge
// transferred to the provider's connected account (nil when not known:
// periods paid before the fee was stored).
type PayoutLine struct {
	BookingID        string
	Reference        string
	ServiceTitle     string
	OrganisationName string
	Period           int
	PaidAt           time.Time
	ChargedCents     int64
	FeeCents         *int64
	TransferredCents *int64
	RefundedCents    int64
	Connected        bool // paid as a destination charge to the provider's account
	InvoiceID        *string
}

// StripePayout is a payout of the provider's connected account, as Stripe
// reports it (its bank transfers; Werkhaven keeps no copy).
type StripePayout struct {
	ID          string
	AmountCents int64
	Currency    string
	Status      string
	ArrivalDate string // the day the money is expected at the bank (UTC), YYYY-MM-DD
	CreatedAt   time.Time
}

// Payouts is what a provider was paid: Lines from Werkhaven's records and
// Stripe's payouts of its connected account (HasAccount); StripeError holds
// why Stripe could not be asked, if so.
type Payouts struct {
	Lines       []PayoutLine
	Stripe      []StripePayout
	HasAccount  bool
	StripeError error
}

// Payouts are the provider's paid periods, newest first (at most 500), and
// the payouts Stripe reports for its connected account. Stripe not
// answering leaves the lines and says so.
func (s *Service) Payouts(ctx context.Context, p authz.Principal) (Payouts, error) {
	if !p.Role.IsOrganisationRole() {
		return Payouts{}, fmt.Errorf("payouts: %w", apperr.ErrForbidden)
	}
	lines := []PayoutLine{}
	err := s.DB.WithContext(ctx).Raw(`SELECT b.id::text AS booking_id, s.title_nl AS service_title, org.name AS organisation_name, p.period, p.paid_at,
			p.amount_cents AS charged_cents, p.platform_fee_cents AS fee_cents, p.refunded_cents, p.transfer_account IS NOT NULL AS connected,
			(SELECT i.id::text FROM invoices i WHERE i.booking_id = p.booking_id AND i.period = p.period AND i.kind = 'invoice') AS invoice_id
		FROM booking_periods p JOIN bookings b ON b.id = p.booking_id JOIN services s ON s.id = b.service_id
		JOIN organisation_directory org ON org.id = b.organisation_id
		WHERE b.region_id = ? AND b.provider_id = ? AND p.paid_at IS NOT NULL
		ORDER BY p.paid_at DESC, b.id, p.period LIMIT 500`, p.RegionID, p.OrganisationID).Scan(&lines).Error
	if err != nil {
		return Payouts{}, err
	}
	for i := range lines {
		l := &lines[i]
		l.Reference = Reference(l.BookingID)
		if l.Connected && l.FeeCents != nil {
			t := l.ChargedCents - *l.FeeCents
			l.TransferredCents = &t
		}
	}
	out := Payouts{Lines: lines, Stripe: []StripePayout{}}
	org, err := s.Organisations.Organisation(ctx, s.DB, p.RegionID, p.OrganisationID)
	if err != nil {
		return Payouts{}, err
	}
	out.HasAccount = org.StripeAccountID != ""
	if !out.HasAccount || s.Stripe == nil {
		return out, nil
	}
	params := &stripe.PayoutListParams{}
	params.Limit = stripe.Int64(50)
	params.SetStripeAccount(org.StripeAccountID)
	params.Context = ctx
	params.Single = true
	it := s.Stripe.Payouts.List(params)
	for it.Next() {
		po := it.Payout()
		out.Stripe = append(out.Stripe, StripePayout{ID: po.ID, AmountCents: po.Amount, Currency: string(po.Currency), Status: string(po.Status),
			ArrivalDate: time.Unix(po.ArrivalDate, 0).UTC().Format(time.DateOnly), CreatedAt: time.Unix(po.Created, 0).UTC()})
	}
	if it.Err() != nil {
		out.Stripe, out.StripeError = []StripePayout{}, it.Err()
	}
	return out, nil
}
