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
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// paymentSucceeded books a succeeded payment intent against the period it
// names, in the webhook job's transaction. The period's amount and currency
// were stored before its Checkout was opened; a payment that differs in
// either never marks anything paid: it is kept in payment_issues, noted on
// the booking and the region's admins are told. A second payment of a
// period already paid is refunded in full by a job queued here, its
// idempotency key stored first. A payment seen before changes nothing.
func (s *Service) paymentSucceeded(ctx context.Context, tx *gorm.DB, bookingID string, period int, pi intentObject) error {
	v, err := loadByID(ctx, tx, bookingID)
	if err != nil {
		return err
	}
	var pr periodRow
	if err := tx.Where("booking_id = ? AND period = ?", bookingID, period).Clauses(clause.Locking{Strength: "UPDATE"}).Take(&pr).Error; err != nil {
		return err
	}
	var known int64
	if err := tx.Raw(`SELECT (SELECT count(*) FROM booking_periods WHERE payment_intent_id = ?) + (SELECT count(*) FROM payment_issues WHERE payment_intent_id = ?)`,
		pi.ID, pi.ID).Scan(&known).Error; err != nil {
		return err
	}
	switch {
	case known > 0:
		return nil // a duplicate or a replay
	case pr.PaidAt != nil:
		return s.flagPayment(ctx, tx, v, pr, pi, NoteDoublePayment)
	case pi.Currency != pr.Currency:
		return s.flagPayment(ctx, tx, v, pr, pi, NoteCurrencyMismatch)
	case pi.Amount != pr.AmountCents || (pi.AmountReceived != nil && *pi.AmountReceived != pr.AmountCents):
		return s.flagPayment(ctx, tx, v, pr, pi, NoteAmountMismatch)
	}
	return s.markPaid(ctx, tx, &v, pr, pi.ID)
}

// received is what a succeeded intent brought in.
func (pi intentObject) received() int64 {
	if pi.AmountReceived != nil {
		return *pi.AmountReceived
	}
	return pi.Amount
}

// money writes an amount language-neutrally, "EUR 300.00", for the log.
func money(cents int64, currency string) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s %s%d.%02d", strings.ToUpper(currency), sign, cents/100, cents%100)
}

// flagPayment keeps a payment that did not pay its period (kind is one of
// NoteAmountMismatch, NoteCurrencyMismatch, NoteDoublePayment), records the
// money received and notes it on the booking. A double payment is refunded
// by a job; the others wait for an admin, who is told.
func (s *Service) flagPayment(ctx context.Context, tx *gorm.DB, v view, pr periodRow, pi intentObject, kind string) error {
	var key *string
	reason := money(pi.received(), pi.Currency) + " ≠ " + money(pr.AmountCents, pr.Currency)
	if kind == NoteDoublePayment {
		k := fmt.Sprintf("werkhaven-booking-%s-period-%d-double-%s", v.ID, pr.Period, pi.ID)
		key, reason = &k, money(pi.received(), pi.Currency)
	}
	var issueID string
	if err := tx.Raw(`INSERT INTO payment_issues (booking_id, period, kind, payment_intent_id, amount_cents, currency, expected_cents, expected_currency, refund_idempotency_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id::text`, v.ID, pr.Period, kind, pi.ID, pi.received(), pi.Currency, pr.AmountCents, pr.Currency, key, s.now()).
		Row().Scan(&issueID); err != nil {
		return err
	}
	if err := tx.Exec(`INSERT INTO payments (booking_id, kind, stripe_id, amount_cents) VALUES (?, 'payment', ?, ?) ON CONFLICT (stripe_id) DO NOTHING`,
		v.ID, pi.ID, pi.received()).Error; err != nil {
		return err
	}
	if err := s.note(ctx, tx, v.ID, State(v.State), Stripe, kind, reason); err != nil {
		return err
	}
	if err := audit.Record(ctx, tx, audit.Event{RegionID: v.RegionID, ActorRole: string(Stripe), Action: "booking.payment_flagged", SubjectType: "booking", SubjectID: v.ID,
		Details: map[string]any{"kind": kind, "period": pr.Period, "amountCents": pi.received(), "currency": pi.Currency, "expectedCents": pr.AmountCents}}); err != nil {
		return err
	}
	if kind == NoteDoublePayment {
		return s.Jobs.InsertTx(ctx, tx, IssueRefundArgs{IssueID: issueID}, &river.InsertOpts{MaxAttempts: 25})
	}
	notice := map[string]msg.Message{
		NoteAmountMismatch:   msg.M("booking.noticeAmountMismatch", v.ServiceTitle, v.OrganisationName),
		NoteCurrencyMismatch: msg.M("booking.noticeCurrencyMismatch", v.ServiceTitle, v.OrganisationName),
	}[kind]
	return s.tellAdmins(ctx, tx, v, notice)
}

// tellAdmins flags a booking's payment for the region's admins.
func (s *Service) tellAdmins(ctx context.Context, tx *gorm.DB, v view, m msg.Message) error {
	admins, err := s.Organisations.RegionAdmins(ctx, tx, v.RegionID)
	if err != nil {
		return err
	}
	return s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.PaymentIssue, Link: "/boekingen/" + v.ID, TitleNL: m.In(msg.NL), TitleEN: m.In(msg.EN)}, admins...)
}

// IssueRefundArgs refunds a second payment of a period already paid
// (payment_issues). Arguments carry ids only.
type IssueRefundArgs struct {
	IssueID string `json:"issueId"`
}

// Kind is River's name for the job.
func (IssueRefundArgs) Kind() string { return "booking_payment_issue_refund" }

// IssueRefundWorker works IssueRefundArgs.
type IssueRefundWorker struct {
	river.WorkerDefaults[IssueRefundArgs]
	Service *Service
}

// Work refunds the payment in full under the stored idempotency key, so a
// retried job never refunds twice. Stripe refusing the refund (a 4xx other
// than a rate limit), or the last attempt failing, ends the job: the issue
// is marked failed, the booking notes it and the region's admins are told.
func (w *IssueRefundWorker) Work(ctx context.Context, job *river.Job[IssueRefundArgs]) error {
	return w.Service.refundIssue(ctx, job.Args.IssueID, job.Attempt >= job.MaxAttempts)
}

type issueRow struct {
	ID                   string
	BookingID            string
	PaymentIntentID      string
	AmountCents          int64
	Currency             string
	RefundIdempotencyKey *string
	RefundID             *string
	RefundFailedAt       *time.Time
}

func (issueRow) TableName() string { return "payment_issues" }

func (s *Service) refundIssue(ctx context.Context, issueID string, lastAttempt bool) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var is issueRow
		if err := tx.Where("id = ?", issueID).Clauses(clause.Locking{Strength: "UPDATE"}).Take(&is).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return river.JobCancel(fmt.Errorf("payment issue %s: %w", issueID, apperr.ErrNotFound))
			}
			return err
		}
		if is.RefundID != nil || is.RefundFailedAt != nil || is.RefundIdempotencyKey == nil {
			return nil
		}
		v, err := loadByID(ctx, tx, is.BookingID)
		if err != nil {
			return err
		}
		ref, err := s.Stripe.Refunds.New(refundParams(v, is.PaymentIntentID, is.AmountCents, *is.RefundIdempotencyKey))
		if err != nil {
			if !refusedForGood(err) && !lastAttempt {
				return fmt.Errorf("refund double payment %s of booking %s: %w", is.PaymentIntentID, is.BookingID, err)
			}
			if err := tx.Exec(`UPDATE payment_issues SET refund_failed_at = ? WHERE id = ?`, s.now(), is.ID).Error; err != nil {
				return err
			}
			if err := s.note(ctx, tx, v.ID, State(v.State), System, NoteDoubleRefundFailed, money(is.AmountCents, is.Currency)+": "+stripeCode(err)); err != nil {
				return err
			}
			return s.tellAdmins(ctx, tx, v, msg.M("booking.noticeRefundFailed", v.ServiceTitle, v.OrganisationName))
		}
		if err := tx.Exec(`UPDATE payment_issues SET refund_id = ?, refunded_at = ? WHERE id = ?`, ref.ID, s.now(), is.ID).Error; err != nil {
			return err
		}
		if err := tx.Exec(`INSERT INTO payments (booking_id, kind, stripe_id, amount_cents) VALUES (?, 'refund', ?, ?) ON CONFLICT (stripe_id) DO NOTHING`,
			v.ID, ref.ID, is.AmountCents).Error; err != nil {
			return err
		}
		if err := s.note(ctx, tx, v.ID, State(v.State), System, NoteDoubleRefunded, money(is.AmountCents, is.Currency)); err != nil {
			return err
		}
		return audit.Record(ctx, tx, audit.Event{RegionID: v.RegionID, ActorRole: string(System), Action: "booking.double_payment_refunded", SubjectType: "booking",
			SubjectID: v.ID, Details: map[string]any{"amountCents": is.AmountCents, "currency": is.Currency}})
	})
}

// refusedForGood reports whether Stripe refused a request in a way a retry
// does not change: a 4xx other than 409 (a concurrent request with the same
// idempotency key) and 429 (rate limited).
func refusedForGood(err error) bool {
	var se *stripe.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.HTTPStatusCode >= 400 && se.HTTPStatusCode < 500 && se.HTTPStatusCode != 409 && se.HTTPStatusCode != 429
}

// stripeCode is Stripe's code for a failed request (e.g.
// charge_already_refunded), for the log; never its message.
func stripeCode(err error) string {
	var se *stripe.Error
	switch {
	case errors.As(err, &se) && se.Code != "":
		return string(se.Code)
	case errors.As(err, &se):
		return fmt.Sprintf("http %d", se.HTTPStatusCode)
	}
	return "unavailable"
}
