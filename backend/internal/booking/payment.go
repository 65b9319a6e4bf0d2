package booking

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/stripe/stripe-go/v76"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Checkout is where the organisation pays one period of a booking.
type Checkout struct {
	SessionID   string
	URL         string
	Period      int
	AmountCents int64
}

type periodRow struct {
	BookingID         string
	Period            int
	StartsOn          time.Time
	AmountCents       int64
	IdempotencyKey    string
	CheckoutSessionID *string
	CheckoutURL       *string
	CheckoutExpiresAt *time.Time
	CheckoutAttempt   int
	PaymentIntentID   *string
	PaidAt            *time.Time
	RefundedCents     int64
	Currency          string
}

func (periodRow) TableName() string { return "booking_periods" }

// Pay opens (or reopens) the Stripe Checkout of the booking's next unpaid
// period that is due: card or iDEAL, the amount from the catalogue,
// metadata naming the booking and period, and for a provider with a Stripe
// account a destination charge minus the region's platform fee. The call
// carries the period's idempotency key, stored with the booking before any
// call, so paying twice (or a retry after a dropped connection) is one
// Checkout at Stripe; a known session is returned without calling Stripe
// while it has more than CheckoutMargin to live. A session lives
// CheckoutLife (Stripe allows at most a day); once it is (nearly) over, the
// period gets a new idempotency key, stored first, and a new session.
// A booking whose payment window has passed is 409 bookingExpired, even
// before the sweep has moved it.
func (s *Service) Pay(ctx context.Context, p authz.Principal, id string) (Checkout, error) {
	if !p.Has(authz.Werkgever, authz.Zorgaanbieder, authz.Accountmanager, authz.Admin) {
		return Checkout{}, fmt.Errorf("pay: %w", apperr.ErrForbidden)
	}
	v, err := load(ctx, s.DB, p, id, false)
	if err != nil {
		return Checkout{}, err
	}
	if p.Role.IsOrganisationRole() && p.OrganisationID != v.OrganisationID {
		return Checkout{}, fmt.Errorf("pay: %w", apperr.ErrNotFound) // a provider sees the booking, but does not pay it
	}
	var pr periodRow
	err = s.DB.WithContext(ctx).Where("booking_id = ? AND paid_at IS NULL AND starts_on <= ?", id, s.now().In(amsterdam).AddDate(0, 0, 7).Format(time.DateOnly)).
		Order("period").Limit(1).Find(&pr).Error
	switch {
	case err != nil:
		return Checkout{}, err
	case pr.BookingID == "" && State(v.State) == AwaitingPayment:
		return Checkout{}, &apperr.ConflictError{Code: "nothingToPay", Msg: msg.M("booking.nothingDue")}
	case pr.BookingID == "":
		return Checkout{}, &apperr.ConflictError{Code: "nothingToPay", Msg: msg.M("booking.nothingDueNow")}
	case pr.Period == 1 && State(v.State) == AwaitingPayment && v.PayBy != nil && !v.PayBy.After(s.now()):
		return Checkout{}, &apperr.ConflictError{Code: "bookingExpired", Msg: msg.M("booking.expired")}
	case pr.Period == 1 && State(v.State) != AwaitingPayment:
		if State(v.State) == Expired {
			return Checkout{}, &apperr.ConflictError{Code: "bookingExpired", Msg: msg.M("booking.expired")}
		}
		return Checkout{}, &apperr.ConflictError{Code: "stateTransition", Msg: msg.M("booking.notAwaitingPayment")}
	case pr.Period > 1 && !(State(v.State) == Paid || State(v.State) == Confirmed || State(v.State) == InProgress):
		return Checkout{}, &apperr.ConflictError{Code: "stateTransition", Msg: msg.M("booking.notRunning")}
	}
	if pr.CheckoutSessionID != nil && pr.CheckoutURL != nil {
		if pr.CheckoutExpiresAt != nil && pr.CheckoutExpiresAt.After(s.now().Add(CheckoutMargin)) {
			return Checkout{SessionID: *pr.CheckoutSessionID, URL: *pr.CheckoutURL, Period: pr.Period, AmountCents: pr.AmountCents}, nil
		}
		if pr, err = s.renewCheckout(ctx, pr); err != nil {
			return Checkout{}, err
		}
		if pr.CheckoutSessionID != nil && pr.CheckoutURL != nil { // renewed and opened by a concurrent call
			return Checkout{SessionID: *pr.CheckoutSessionID, URL: *pr.CheckoutURL, Period: pr.Period, AmountCents: pr.AmountCents}, nil
		}
	}
	expires := s.now().Add(CheckoutLife)
	params := &stripe.CheckoutSessionParams{
		Mode:               stripe.String(string(stripe.CheckoutSessionModePayment)),
		PaymentMethodTypes: stripe.StringSlice([]string{"card", "ideal"}),
		SuccessURL:         stripe.String(fmt.Sprintf("%s/boekingen/%s?betaald=1", strings.TrimRight(s.BaseURL, "/"), id)),
		CancelURL:          stripe.String(fmt.Sprintf("%s/boekingen/%s", strings.TrimRight(s.BaseURL, "/"), id)),
		ClientReferenceID:  stripe.String(id),
		LineItems: []*stripe.CheckoutSessionLineItemParams{{
			Quantity: stripe.Int64(1),
			PriceData: &stripe.CheckoutSessionLineItemPriceDataParams{Currency: stripe.String(pr.Currency), UnitAmount: stripe.Int64(pr.AmountCents),
				ProductData: &stripe.CheckoutSessionLineItemPriceDataProductDataParams{Name: stripe.String(fmt.Sprintf("%s (%d)", v.ServiceTitle, pr.Period))}},
		}},
		PaymentIntentData: &stripe.CheckoutSessionPaymentIntentDataParams{},
		ExpiresAt:         stripe.Int64(expires.Unix()),
	}
	var feeCents *int64 // the platform fee of a destination charge,
	var account *string // and the provider's connected account
	meta := map[string]string{"booking_id": id, "period": fmt.Sprint(pr.Period), "region_id": v.RegionID}
	params.Metadata = meta
	params.PaymentIntentData.Metadata = meta
	if v.ProviderID != nil {
		provider, err := s.Organisations.Organisation(ctx, s.DB, v.RegionID, *v.ProviderID)
		if err != nil {
			return Checkout{}, err
		}
		if provider.StripeAccountID != "" {
			fee := pr.AmountCents * s.platformFeePercent(ctx, v.RegionID) / 100
			feeCents, account = &fee, &provider.StripeAccountID
			params.PaymentIntentData.TransferData = &stripe.CheckoutSessionPaymentIntentDataTransferDataParams{Destination: stripe.String(provider.StripeAccountID)}
			params.PaymentIntentData.ApplicationFeeAmount = stripe.Int64(fee)
		}
	}
	params.SetIdempotencyKey(pr.IdempotencyKey)
	cs, err := s.Stripe.CheckoutSessions.New(params)
	if err != nil {
		return Checkout{}, apperr.Unavailable(apperr.Payments, fmt.Errorf("stripe checkout for booking %s: %w", id, err))
	}
	url := cs.URL
	if s.DevCheckout {
		url = strings.TrimRight(s.BaseURL, "/") + "/dev/betalen?session=" + cs.ID
	}
	res := s.DB.WithContext(ctx).Exec(`UPDATE booking_periods SET checkout_session_id = ?, checkout_url = ?, checkout_expires_at = ?,
		platform_fee_cents = ?, transfer_account = ?
		WHERE booking_id = ? AND period = ? AND checkout_session_id IS NULL AND checkout_attempt = ?`,
		cs.ID, url, time.Unix(expires.Unix(), 0).UTC(), feeCents, account, id, pr.Period, pr.CheckoutAttempt)
	if res.Error != nil {
		return Checkout{}, res.Error
	}
	if res.RowsAffected == 0 {
		// A concurrent call stored its (identical, same key) session first.
		if err := s.DB.WithContext(ctx).Where("booking_id = ? AND period = ?", id, pr.Period).Take(&pr).Error; err != nil {
			return Checkout{}, err
		}
		return Checkout{SessionID: *pr.CheckoutSessionID, URL: *pr.CheckoutURL, Period: pr.Period, AmountCents: pr.AmountCents}, nil
	}
	return Checkout{SessionID: cs.ID, URL: url, Period: pr.Period, AmountCents: pr.AmountCents}, nil
}

// CheckoutLife is how long a Checkout session Werkhaven opens lives (Stripe:
// 30 minutes to 24 hours); CheckoutMargin is the least it must have left to
// be handed out again.
const (
	CheckoutLife   = 23 * time.Hour
	CheckoutMargin = 10 * time.Minute
)

// renewCheckout forgets a period's (nearly) expired session and stores the
// idempotency key of the next one before Stripe is asked for it. Of two
// concurrent calls one renews; the other reads the renewed row.
func (s *Service) renewCheckout(ctx context.Context, pr periodRow) (periodRow, error) {
	next := pr.CheckoutAttempt + 1
	key := fmt.Sprintf("werkhaven-booking-%s-period-%d-checkout-%d", pr.BookingID, pr.Period, next)
	if err := s.DB.WithContext(ctx).Exec(`UPDATE booking_periods SET checkout_attempt = ?, idempotency_key = ?, checkout_session_id = NULL, checkout_url = NULL,
		checkout_expires_at = NULL WHERE booking_id = ? AND period = ? AND checkout_attempt = ? AND paid_at IS NULL`, next, key, pr.BookingID, pr.Period, pr.CheckoutAttempt).Error; err != nil {
		return pr, err
	}
	var out periodRow
	err := s.DB.WithContext(ctx).Where("booking_id = ? AND period = ?", pr.BookingID, pr.Period).Take(&out).Error
	return out, err
}

// markPaid records the succeeded payment of an unpaid period (checked by
// paymentSucceeded) and, for the first period, moves the booking to paid.
// A payment for a booking that expired or was cancelled meanwhile is
// refunded in full by a job.
func (s *Service) markPaid(ctx context.Context, tx *gorm.DB, v *view, pr periodRow, paymentIntentID string) error {
	bookingID := v.ID
	res := tx.Exec(`UPDATE booking_periods SET paid_at = ?, payment_intent_id = ? WHERE booking_id = ? AND period = ? AND paid_at IS NULL`,
		s.now(), paymentIntentID, bookingID, pr.Period)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return nil // paid meanwhile: a safeguard, as paymentSucceeded holds the row
	}
	if err := tx.Exec(`INSERT INTO payments (booking_id, kind, stripe_id, amount_cents) VALUES (?, 'payment', ?, ?) ON CONFLICT (stripe_id) DO NOTHING`,
		bookingID, paymentIntentID, pr.AmountCents).Error; err != nil {
		return err
	}
	if err := s.issueInvoice(ctx, tx, v, pr, paymentIntentID); err != nil {
		return err
	}
	switch State(v.State) {
	case AwaitingPayment:
		if err := tx.Model(&Row{}).Where("id = ?", bookingID).Update("paid_at", s.now()).Error; err != nil {
			return err
		}
		if err := s.move(ctx, tx, v, Paid, Stripe, "", ""); err != nil {
			return err
		}
		return s.tellProvider(ctx, tx, v, notification.BookingPaid, fmt.Sprintf("%s heeft %s betaald. Bevestig de boeking.", v.OrganisationName, v.ServiceTitle),
			fmt.Sprintf("%s paid for %s. Please confirm the booking.", v.OrganisationName, v.ServiceTitle))
	case Expired, Cancelled, Rejected, Refunded:
		return s.Jobs.InsertTx(ctx, tx, RefundArgs{BookingID: bookingID}, &river.InsertOpts{MaxAttempts: 25})
	}
	return nil
}

// RefundArgs refunds what a cancelled (or expired, later paid) booking
// owes back: everything paid minus the cancellation fee.
type RefundArgs struct {
	BookingID string `json:"bookingId"`
}

// Kind is River's name for the job.
func (RefundArgs) Kind() string { return "booking_refund" }

// RefundWorker works RefundArgs.
type RefundWorker struct {
	river.WorkerDefaults[RefundArgs]
	Service *Service
}

// Work refunds period by period, each with its own idempotency key and
// reverse_transfer, so the provider's share goes back too; a retried job
// asks Stripe with the same keys and changes nothing twice.
func (w *RefundWorker) Work(ctx context.Context, job *river.Job[RefundArgs]) error {
	return w.Service.refund(ctx, job.Args.BookingID)
}

func (s *Service) refund(ctx context.Context, bookingID string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		v, err := loadByID(ctx, tx, bookingID)
		if err != nil {
			if errors.Is(err, apperr.ErrNotFound) {
				return river.JobCancel(err)
			}
			return err
		}
		var periods []periodRow
		if err := tx.Where("booking_id = ? AND paid_at IS NOT NULL", bookingID).Order("period").Find(&periods).Error; err != nil {
			return err
		}
		fee := int64(0)
		if v.CancellationFeeCents != nil && State(v.State) != Expired {
			fee = *v.CancellationFeeCents
		}
		total := int64(0)
		for _, p := range periods {
			total += p.AmountCents - p.RefundedCents
		}
		owed := total - fee
		for _, p := range periods {
			if owed <= 0 {
				break
			}
			amount := min(owed, p.AmountCents-p.RefundedCents)
			if amount <= 0 || p.PaymentIntentID == nil {
				continue
			}
			ref, err := s.Stripe.Refunds.New(refundParams(v, *p.PaymentIntentID, amount, fmt.Sprintf("werkhaven-booking-%s-period-%d-refund-%d", bookingID, p.Period, p.RefundedCents)))
			if err != nil {
				return fmt.Errorf("refund booking %s period %d: %w", bookingID, p.Period, err)
			}
			if err := tx.Exec(`UPDATE booking_periods SET refunded_cents = refunded_cents + ? WHERE booking_id = ? AND period = ?`, amount, bookingID, p.Period).Error; err != nil {
				return err
			}
			if err := tx.Exec(`INSERT INTO payments (booking_id, kind, stripe_id, amount_cents) VALUES (?, 'refund', ?, ?) ON CONFLICT (stripe_id) DO NOTHING`,
				bookingID, ref.ID, amount).Error; err != nil {
				return err
			}
			if err := s.issueCredit(ctx, tx, &v, p.Period, ref.ID, amount); err != nil {
				return err
			}
			owed -= amount
		}
		var refunded int64
		if err := tx.Raw(`SELECT COALESCE(sum(refunded_cents), 0) FROM booking_periods WHERE booking_id = ?`, bookingID).Scan(&refunded).Error; err != nil {
			return err
		}
		if err := tx.Model(&Row{}).Where("id = ?", bookingID).Update("refunded_cents", refunded).Error; err != nil {
			return err
		}
		if State(v.State) == Cancelled && refunded > 0 {
			if err := s.move(ctx, tx, &v, Refunded, System, "", fmt.Sprintf("%d cent terug", refunded)); err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, audit.Event{RegionID: v.RegionID, ActorRole: string(System), Action: "booking.refunded", SubjectType: "booking", SubjectID: bookingID,
			Details: map[string]any{"refundedCents": refunded}})
	})
}

// refundParams refunds amount of a booking's payment intent under key; for
// a provider's booking the transfer and the platform fee go back too.
func refundParams(v view, paymentIntentID string, amount int64, key string) *stripe.RefundParams {
	params := &stripe.RefundParams{PaymentIntent: stripe.String(paymentIntentID), Amount: stripe.Int64(amount)}
	if v.ProviderID != nil {
		params.ReverseTransfer = stripe.Bool(true)
		params.RefundApplicationFee = stripe.Bool(true)
	}
	params.SetIdempotencyKey(key)
	return params
}

// SweepArgs reminds organisations of unpaid bookings once before their
// payment window lapses, and expires them after it.
type SweepArgs struct{}

// Kind is River's name for the job.
func (SweepArgs) Kind() string { return "booking_sweep" }

// SweepWorker works SweepArgs.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Service *Service
}

// Work reminds and expires what is due and announces the months due.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	if _, err := w.Service.RemindUnpaid(ctx); err != nil {
		return err
	}
	if _, err := w.Service.ExpireUnpaid(ctx); err != nil {
		return err
	}
	_, err := w.Service.AnnounceDuePeriods(ctx)
	return err
}

// AnnounceDuePeriods tells organisations (once per period) that the next
// month of a running monthly trajectory can be paid, and returns how many.
func (s *Service) AnnounceDuePeriods(ctx context.Context) (int, error) {
	var due []struct {
		BookingID string
		Period    int
	}
	if err := s.DB.WithContext(ctx).Raw(`SELECT p.booking_id::text, p.period FROM booking_periods p JOIN bookings b ON b.id = p.booking_id
		WHERE p.period > 1 AND p.paid_at IS NULL AND p.notified_at IS NULL AND p.starts_on <= ? AND b.state IN ('paid', 'confirmed', 'in_progress')
		ORDER BY p.starts_on LIMIT 500`, s.now().In(amsterdam).Format(time.DateOnly)).Scan(&due).Error; err != nil {
		return 0, err
	}
	for _, d := range due {
		err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			res := tx.Exec(`UPDATE booking_periods SET notified_at = ? WHERE booking_id = ? AND period = ? AND notified_at IS NULL`, s.now(), d.BookingID, d.Period)
			if res.Error != nil || res.RowsAffected == 0 {
				return res.Error
			}
			v, err := loadByID(ctx, tx, d.BookingID)
			if err != nil {
				return err
			}
			users, err := s.Organisations.OrganisationUsers(ctx, tx, v.OrganisationID)
			if err != nil {
				return err
			}
			return s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.BookingPaymentDue, Link: "/boekingen/" + d.BookingID,
				TitleNL: fmt.Sprintf("Maand %d van %s kunt u nu betalen.", d.Period, v.ServiceTitle),
				TitleEN: fmt.Sprintf("Month %d of %s is due for payment.", d.Period, v.ServiceTitle)}, users...)
		})
		if err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

// PeriodicJobs runs the expiry every minute.
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(time.Minute), func() (river.JobArgs, *river.InsertOpts) {
		return SweepArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
	}, &river.PeriodicJobOpts{RunOnStart: true})}
}

// ExpireUnpaid moves bookings still unpaid after their window to expired,
// freeing their slot, and returns how many.
func (s *Service) ExpireUnpaid(ctx context.Context) (int, error) {
	var ids []string
	if err := s.DB.WithContext(ctx).Raw(`SELECT id::text FROM bookings WHERE state = 'awaiting_payment' AND pay_by <= ? ORDER BY pay_by LIMIT 500`, s.now()).Scan(&ids).Error; err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			v, err := loadByID(ctx, tx, id)
			if err != nil || State(v.State) != AwaitingPayment || v.PayBy == nil || v.PayBy.After(s.now()) {
				return err
			}
			if err := s.move(ctx, tx, &v, Expired, System, "", "niet op tijd betaald"); err != nil {
				return err
			}
			n++
			users, err := s.Organisations.OrganisationUsers(ctx, tx, v.OrganisationID)
			if err != nil {
				return err
			}
			return s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.BookingUpdate, Link: "/boekingen/" + id,
				TitleNL: fmt.Sprintf("%s voor %s is vervallen: er is niet op tijd betaald.", v.ServiceTitle, v.OrganisationName),
				TitleEN: fmt.Sprintf("%s for %s lapsed: it was not paid in time.", v.ServiceTitle, v.OrganisationName)}, users...)
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// RemindUnpaid reminds the organisation, once, of each unpaid booking whose
// reminder time has come (package doc: a day before the deadline), and
// returns how many.
func (s *Service) RemindUnpaid(ctx context.Context) (int, error) {
	var ids []string
	if err := s.DB.WithContext(ctx).Raw(`SELECT id::text FROM bookings WHERE state = 'awaiting_payment' AND pay_reminded_at IS NULL AND pay_remind_at <= ? AND pay_by > ?
		ORDER BY pay_remind_at LIMIT 500`, s.now(), s.now()).Scan(&ids).Error; err != nil {
		return 0, err
	}
	n := 0
	for _, id := range ids {
		err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			v, err := loadByID(ctx, tx, id)
			if err != nil || State(v.State) != AwaitingPayment || v.PayRemindedAt != nil || v.PayBy == nil || !v.PayBy.After(s.now()) {
				return err
			}
			if err := tx.Model(&Row{}).Where("id = ?", id).Update("pay_reminded_at", s.now()).Error; err != nil {
				return err
			}
			n++
			return s.tellOrganisation(ctx, tx, &v, notification.BookingPaymentDue,
				fmt.Sprintf("Herinnering: betaal %s voor %s vóór %s. Daarna vervalt de boeking.", v.ServiceTitle, v.OrganisationName, deadlineNL(*v.PayBy)),
				fmt.Sprintf("Reminder: pay for %s for %s before %s. After that the booking lapses.", v.ServiceTitle, v.OrganisationName, deadlineEN(*v.PayBy)))
		})
		if err != nil {
			return n, err
		}
	}
	return n, nil
}
