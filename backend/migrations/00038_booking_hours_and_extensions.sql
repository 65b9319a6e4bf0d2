-- +goose Up
-- Delivered hours are entries (package booking), not one running total:
-- each a day, its hours and a note, recorded by the provider after the
-- start; bookings.delivered_hours stays their sum. More hours than booked
-- need an extension: asked by the provider, decided by the booking
-- organisation; an approved one adds a period to pay (booking_periods).
CREATE TABLE booking_hours (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id   uuid NOT NULL REFERENCES bookings (id),
    worked_on    date NOT NULL,
    hours        numeric(6, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
    note         text NOT NULL DEFAULT '' CHECK (char_length(note) <= 500),
    recorded_by  uuid NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX booking_hours_booking_idx ON booking_hours (booking_id, worked_on);

CREATE TABLE booking_extensions (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id    uuid NOT NULL REFERENCES bookings (id),
    hours         integer NOT NULL CHECK (hours BETWEEN 1 AND 200),
    amount_cents  bigint NOT NULL CHECK (amount_cents >= 0),
    reason        text NOT NULL DEFAULT '' CHECK (char_length(reason) <= 1000),
    state         text NOT NULL CHECK (state IN ('requested', 'approved', 'refused')),
    period        integer NULL,
    requested_by  uuid NOT NULL,
    requested_at  timestamptz NOT NULL,
    decided_by    uuid NULL,
    decided_at    timestamptz NULL,
    CHECK ((state = 'requested') = (decided_at IS NULL))
);
CREATE INDEX booking_extensions_booking_idx ON booking_extensions (booking_id);
-- One open request per booking at a time.
CREATE UNIQUE INDEX booking_extensions_open_idx ON booking_extensions (booking_id) WHERE state = 'requested';

-- +goose Down
DROP TABLE booking_extensions;
DROP TABLE booking_hours;
