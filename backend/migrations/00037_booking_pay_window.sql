-- +goose Up
-- The payment window is the service's, in days (package booking): an
-- approved (or directly payable) booking must be paid within pay_days, or
-- before its slot starts if that is sooner; the organisation is reminded
-- once at pay_remind_at (a day before the deadline, or halfway through a
-- shorter window). A Checkout session expires within a day at Stripe: its
-- expiry is stored, and an expired one is replaced by a new session with a
-- new idempotency key, stored before the call (checkout_attempt counts them).
ALTER TABLE services ADD COLUMN pay_days integer NOT NULL DEFAULT 14 CHECK (pay_days BETWEEN 1 AND 60);
ALTER TABLE bookings ADD COLUMN pay_remind_at timestamptz NULL;
ALTER TABLE bookings ADD COLUMN pay_reminded_at timestamptz NULL;
CREATE INDEX bookings_pay_remind_idx ON bookings (pay_remind_at) WHERE state = 'awaiting_payment' AND pay_reminded_at IS NULL;
ALTER TABLE booking_periods ADD COLUMN checkout_expires_at timestamptz NULL;
ALTER TABLE booking_periods ADD COLUMN checkout_attempt integer NOT NULL DEFAULT 1 CHECK (checkout_attempt >= 1);

-- +goose Down
ALTER TABLE booking_periods DROP COLUMN checkout_attempt;
ALTER TABLE booking_periods DROP COLUMN checkout_expires_at;
DROP INDEX bookings_pay_remind_idx;
ALTER TABLE bookings DROP COLUMN pay_reminded_at;
ALTER TABLE bookings DROP COLUMN pay_remind_at;
ALTER TABLE services DROP COLUMN pay_days;
