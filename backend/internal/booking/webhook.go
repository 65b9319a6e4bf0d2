package booking

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/stripe/stripe-go/v76"
	"github.com/stripe/stripe-go/v76/webhook"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Handled are the Stripe event types Werkhaven acts on.
var Handled = []stripe.EventType{"payment_intent.succeeded", "payment_intent.payment_failed", "charge.refunded"}

// WebhookTolerance is how far a signed event's timestamp may lie from now,
// either way.
const WebhookTolerance = 5 * time.Minute

// Receive verifies a webhook on its raw body, checks that Werkhaven knows
// the event's type and booking, and stores it once by event id together
// with the River job that processes it. A duplicate delivery is accepted
// and changes nothing. Errors are 400 problems naming the cause.
//
// stripe-go refuses a timestamp older than the tolerance but accepts any in
// the future (it only checks time.Since > tolerance); Receive refuses those
// too, so no signed event stays acceptable for longer than the tolerance.
func (s *Service) Receive(ctx context.Context, payload []byte, signature string) error {
	ev, err := webhook.ConstructEventWithOptions(payload, signature, s.WebhookSecret, webhook.ConstructEventOptions{
		Tolerance: WebhookTolerance, IgnoreAPIVersionMismatch: true})
	if err != nil {
		code := "signature"
		if errors.Is(err, webhook.ErrTooOld) {
			code = "signatureExpired"
		}
		return &webhookError{code: code, detail: msg.M("booking.signatureInvalid"), cause: err}
	}
	if at, ok := signedAt(signature); !ok || at.After(time.Now().Add(WebhookTolerance)) {
		return &webhookError{code: "signatureInFuture", detail: msg.M("booking.signatureInFuture"), cause: fmt.Errorf("signed at %v", at)}
	}
	known := false
	for _, t := range Handled {
		known = known || ev.Type == t
	}
	if !known {
		return &webhookError{code: "unknownEventType", detail: msg.M("booking.unknownEventType", ev.Type)}
	}
	bookingID, _, err := s.eventBooking(ctx, s.DB, ev)
	if err != nil {
		return err
	}
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Exec(`INSERT INTO stripe_events (id, type, payload, received_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, ev.ID, string(ev.Type), string(payload), s.now())
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return nil // delivered before
		}
		return s.Jobs.InsertTx(ctx, tx, EventArgs{EventID: ev.ID, BookingID: bookingID}, &river.InsertOpts{MaxAttempts: 25})
	})
}

// signedAt is the timestamp (t=) of a Stripe-Signature header, read the way
// stripe-go reads it (the last t= counts).
func signedAt(header string) (time.Time, bool) {
	var at time.Time
	ok := false
	for _, pair := range strings.Split(header, ",") {
		k, v, found := strings.Cut(pair, "=")
		if !found || k != "t" {
			continue
		}
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, false
		}
		at, ok = time.Unix(n, 0), true
	}
	return at, ok
}

// webhookError is a refused webhook (400 with its code).
type webhookError struct {
	code   string
	detail msg.Message
	cause  error
}

func (e *webhookError) Error() string {
	if e.cause != nil {
		return e.code + ": " + e.cause.Error()
	}
	return e.code
}

// WebhookCode returns the problem code of a refused webhook, if err is one.
func WebhookCode(err error) (code string, detail msg.Message, ok bool) {
	var we *webhookError
	if errors.As(err, &we) {
		return we.code, we.detail, true
	}
	return "", msg.Message{}, false
}

type intentObject struct {
	ID       string `json:"id"`
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
	// AmountReceived is what Stripe received (absent from some test events).
	AmountReceived *int64            `json:"amount_received"`
	Metadata       map[string]string `json:"metadata"`
	LastErr        *struct {
		Message string `json:"message"`
	} `json:"last_payment_error"`
}

type chargeObject struct {
	ID            string `json:"id"`
	PaymentIntent string `json:"payment_intent"`
	Refunds       struct {
		Data []struct {
			ID     string `json:"id"`
			Amount int64  `json:"amount"`
		} `json:"data"`
	} `json:"refunds"`
}

// eventBooking finds the booking (and period) an event is about.
func (s *Service) eventBooking(ctx context.Context, db *gorm.DB, ev stripe.Event) (string, int, error) {
	unknown := &webhookError{code: "unknownBooking", detail: msg.M("booking.unknownBooking")}
	switch ev.Type {
	case "charge.refunded":
		var ch chargeObject
		if err := json.Unmarshal(ev.Data.Raw, &ch); err != nil || ch.PaymentIntent == "" {
			return "", 0, unknown
		}
		var row struct {
			BookingID string
			Period    int
		}
		// The intent paid a period, or was a payment Werkhaven did not take (payment_issues).
		if err := db.WithContext(ctx).Raw(`SELECT booking_id::text, period FROM booking_periods WHERE payment_intent_id = ?
			UNION ALL SELECT booking_id::text, period FROM payment_issues WHERE payment_intent_id = ? LIMIT 1`, ch.PaymentIntent, ch.PaymentIntent).Scan(&row).Error; err != nil {
			return "", 0, err
		}
		if row.BookingID == "" {
			return "", 0, unknown
		}
		return row.BookingID, row.Period, nil
	default:
		var pi intentObject
		if err := json.Unmarshal(ev.Data.Raw, &pi); err != nil {
			return "", 0, unknown
		}
		period, err := strconv.Atoi(pi.Metadata["period"])
		id := pi.Metadata["booking_id"]
		if err != nil || id == "" {
			return "", 0, unknown
		}
		var n int64
		if err := db.WithContext(ctx).Raw(`SELECT count(*) FROM booking_periods WHERE booking_id::text = ? AND period = ?`, id, period).Scan(&n).Error; err != nil {
			return "", 0, err
		}
		if n == 0 {
			return "", 0, unknown
		}
		return id, period, nil
	}
}

// EventArgs processes one stored Stripe event. Arguments carry ids only.
type EventArgs struct {
	EventID   string `json:"eventId"`
	BookingID string `json:"bookingId"`
}

// Kind is River's name for the job.
func (EventArgs) Kind() string { return "stripe_event" }

// EventWorker works EventArgs.
type EventWorker struct {
	river.WorkerDefaults[EventArgs]
	Service *Service
}

// Work applies one event. It re-reads the booking and every step is
// idempotent, so duplicates and events out of order are harmless.
func (w *EventWorker) Work(ctx context.Context, job *river.Job[EventArgs]) error {
	return w.Service.process(ctx, job.Args.EventID)
}

func (s *Service) process(ctx context.Context, eventID string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var stored struct {
			Payload     []byte
			ProcessedAt *time.Time
		}
		if err := tx.Raw(`SELECT payload, processed_at FROM stripe_events WHERE id = ? FOR UPDATE`, eventID).Scan(&stored).Error; err != nil {
			return err
		}
		if stored.Payload == nil {
			return river.JobCancel(fmt.Errorf("stripe event %s: %w", eventID, apperr.ErrNotFound))
		}
		if stored.ProcessedAt != nil {
			return nil
		}
		var ev stripe.Event
		if err := json.Unmarshal(stored.Payload, &ev); err != nil {
			return river.JobCancel(err)
		}
		bookingID, period, err := s.eventBooking(ctx, tx, ev)
		if err != nil {
			return river.JobCancel(err)
		}
		switch ev.Type {
		case "payment_intent.succeeded":
			var pi intentObject
			_ = json.Unmarshal(ev.Data.Raw, &pi)
			if err := s.paymentSucceeded(ctx, tx, bookingID, period, pi); err != nil {
				return err
			}
		case "payment_intent.payment_failed":
			var pi intentObject
			_ = json.Unmarshal(ev.Data.Raw, &pi)
			v, err := loadByID(ctx, tx, bookingID)
			if err != nil {
				return err
			}
			if State(v.State) == AwaitingPayment {
				reason := ""
				if pi.LastErr != nil {
					reason = pi.LastErr.Message
				}
				if err := s.note(ctx, tx, bookingID, AwaitingPayment, Stripe, NotePaymentFailed, reason); err != nil {
					return err
				}
			}
		case "charge.refunded":
			var ch chargeObject
			_ = json.Unmarshal(ev.Data.Raw, &ch)
			for _, r := range ch.Refunds.Data {
				if err := tx.Exec(`INSERT INTO payments (booking_id, kind, stripe_id, amount_cents) VALUES (?, 'refund', ?, ?) ON CONFLICT (stripe_id) DO NOTHING`,
					bookingID, r.ID, r.Amount).Error; err != nil {
					return err
				}
			}
		}
		return tx.Exec(`UPDATE stripe_events SET processed_at = ? WHERE id = ?`, s.now(), eventID).Error
	})
}
