-- +goose Up
-- A succeeded payment is checked against what its period owes: the amount
-- and, now stored with it before any Stripe call, the currency.
ALTER TABLE booking_periods ADD COLUMN currency text NOT NULL DEFAULT 'eur' CHECK (currency ~ '^[a-z]{3}$');

-- A booking's log also holds notes that change no state (from = to): a
-- code says which (paymentAmountMismatch, doublePayment, …), the reason
-- holds the figures.
ALTER TABLE booking_events ADD COLUMN code text NULL CHECK (code ~ '^[a-z][A-Za-z]{2,39}$');

-- Succeeded payments that did not pay their period: the wrong amount or
-- currency (kept for an admin, never booked as paid), or a second payment
-- of a period already paid (refunded by a job, with the refund's
-- idempotency key stored here before the call). One row per payment intent.
CREATE TABLE payment_issues (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id              uuid NOT NULL,
    period                  integer NOT NULL,
    kind                    text NOT NULL CHECK (kind IN ('paymentAmountMismatch', 'paymentCurrencyMismatch', 'doublePayment')),
    payment_intent_id       text NOT NULL UNIQUE,
    amount_cents            bigint NOT NULL CHECK (amount_cents >= 0),
    currency                text NOT NULL CHECK (length(currency) <= 16),
    expected_cents          bigint NOT NULL,
    expected_currency       text NOT NULL,
    refund_idempotency_key  text NULL UNIQUE,
    refund_id               text NULL UNIQUE,
    refunded_at             timestamptz NULL,
    refund_failed_at        timestamptz NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (booking_id, period) REFERENCES booking_periods (booking_id, period),
    CHECK ((kind = 'doublePayment') = (refund_idempotency_key IS NOT NULL)),
    CHECK ((refund_id IS NULL) = (refunded_at IS NULL))
);
CREATE INDEX payment_issues_booking_idx ON payment_issues (booking_id);

-- +goose Down
DROP TABLE payment_issues;
ALTER TABLE booking_events DROP COLUMN code;
ALTER TABLE booking_periods DROP COLUMN currency;
