-- +goose Up
-- The services desk: a region's catalogue, the providers' weekly
-- availability, bookings with their append-only log, slots that cannot be
-- double booked (an exclusion constraint per seat), payments through Stripe
-- with the idempotency key stored before the first call, billing periods of
-- long trajectories, and every Stripe event stored once by its id.
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE organisations ADD COLUMN stripe_account_id text NULL CHECK (stripe_account_id ~ '^acct_[A-Za-z0-9]+$');

CREATE TABLE services (
    id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id              uuid NOT NULL REFERENCES regions (id),
    kind                   text NOT NULL CHECK (kind ~ '^[a-z][a-z_]{1,39}$'),
    title_nl               text NOT NULL CHECK (length(btrim(title_nl)) BETWEEN 3 AND 120),
    title_en               text NOT NULL CHECK (length(btrim(title_en)) BETWEEN 3 AND 120),
    description_nl         text NOT NULL DEFAULT '' CHECK (length(description_nl) <= 2000),
    description_en         text NOT NULL DEFAULT '' CHECK (length(description_en) <= 2000),
    -- NULL: the municipality itself provides it.
    provider_id            uuid NULL,
    price_cents            bigint NOT NULL DEFAULT 0 CHECK (price_cents BETWEEN 0 AND 10000000),
    price_unit             text NOT NULL CHECK (price_unit IN ('free', 'fixed', 'per_hour', 'per_month')),
    requires_approval      boolean NOT NULL DEFAULT false,
    eligibility            text[] NOT NULL DEFAULT '{}' CHECK (eligibility <@ ARRAY['placement', 'doelgroepregister', 'lks_indicatie', 'opening']),
    cancel_free_hours      integer NOT NULL DEFAULT 48 CHECK (cancel_free_hours BETWEEN 0 AND 720),
    cancel_fee_percent     integer NOT NULL DEFAULT 0 CHECK (cancel_fee_percent BETWEEN 0 AND 100),
    schedulable            boolean NOT NULL DEFAULT false,
    slot_minutes           integer NOT NULL DEFAULT 60 CHECK (slot_minutes BETWEEN 15 AND 480),
    capacity               integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 50),
    active                 boolean NOT NULL DEFAULT true,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now(),
    CHECK ((price_unit = 'free') = (price_cents = 0)),
    UNIQUE (id, region_id),
    FOREIGN KEY (provider_id, region_id) REFERENCES organisations (id, region_id)
);
CREATE INDEX services_region_idx ON services (region_id, kind) WHERE active;

-- A schedulable service's weekly plan (ISO weekday 1 = Monday) and the days it is closed.
CREATE TABLE service_hours (
    service_id  uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    weekday     integer NOT NULL CHECK (weekday BETWEEN 1 AND 7),
    opens       time NOT NULL,
    closes      time NOT NULL,
    CHECK (opens < closes),
    PRIMARY KEY (service_id, weekday, opens)
);
CREATE TABLE service_closures (
    service_id  uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
    day         date NOT NULL,
    PRIMARY KEY (service_id, day)
);

CREATE TABLE bookings (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id               uuid NOT NULL REFERENCES regions (id),
    service_id              uuid NOT NULL,
    organisation_id         uuid NOT NULL,
    provider_id             uuid NULL REFERENCES organisations (id),
    opening_id              uuid NULL REFERENCES openings (id),
    invite_id               uuid NULL REFERENCES invites (id),
    placement_id            uuid NULL REFERENCES placements (id),
    candidate_id            uuid NULL REFERENCES candidates (id),
    state                   text NOT NULL CHECK (state IN ('requested', 'awaiting_approval', 'approved', 'rejected', 'awaiting_payment', 'paid',
                                                          'confirmed', 'in_progress', 'completed', 'cancelled', 'refunded', 'expired')),
    quantity                integer NOT NULL CHECK (quantity BETWEEN 1 AND 500),
    unit_price_cents        bigint NOT NULL CHECK (unit_price_cents >= 0),
    amount_cents            bigint NOT NULL CHECK (amount_cents >= 0),
    note                    text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    starts_at               timestamptz NULL,
    ends_at                 timestamptz NULL,
    seat                    integer NULL,
    pay_by                  timestamptz NULL,
    paid_at                 timestamptz NULL,
    cancellation_fee_cents  bigint NULL CHECK (cancellation_fee_cents >= 0),
    refunded_cents          bigint NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    delivered_hours         numeric(6, 2) NOT NULL DEFAULT 0 CHECK (delivered_hours >= 0),
    requested_by            uuid NOT NULL REFERENCES users (id),
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (service_id, region_id) REFERENCES services (id, region_id),
    FOREIGN KEY (organisation_id, region_id) REFERENCES organisations (id, region_id),
    CHECK ((starts_at IS NULL) = (ends_at IS NULL) AND (starts_at IS NULL OR starts_at < ends_at)),
    CHECK ((seat IS NULL) = (starts_at IS NULL)),
    CHECK (refunded_cents <= amount_cents),
    -- No two live bookings hold the same seat of a service at overlapping times.
    EXCLUDE USING gist (service_id WITH =, seat WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (starts_at IS NOT NULL AND state NOT IN ('rejected', 'cancelled', 'refunded', 'expired'))
);
CREATE INDEX bookings_org_idx ON bookings (organisation_id, created_at DESC);
CREATE INDEX bookings_provider_idx ON bookings (provider_id, created_at DESC);
CREATE INDEX bookings_region_state_idx ON bookings (region_id, state);
CREATE INDEX bookings_pay_by_idx ON bookings (pay_by) WHERE state = 'awaiting_payment';

CREATE TABLE booking_events (
    id             bigserial PRIMARY KEY,
    booking_id     uuid NOT NULL REFERENCES bookings (id),
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor_user_id  uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    actor          text NOT NULL CHECK (actor IN ('organisation', 'accountmanager', 'provider', 'admin', 'system', 'stripe')),
    from_state     text NULL,
    to_state       text NOT NULL,
    reason         text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000)
);
CREATE INDEX booking_events_booking_idx ON booking_events (booking_id, id);

-- +goose StatementBegin
CREATE FUNCTION booking_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'booking_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER booking_events_no_change BEFORE UPDATE OR DELETE ON booking_events
    FOR EACH ROW EXECUTE FUNCTION booking_events_append_only();

-- What a paid booking charges, period by period: one period for a fixed or
-- hourly price, one per month for monthly trajectories (each month its own
-- payment, never one long authorisation). The idempotency key is written
-- with the booking, before any Stripe call, so a retry after a dropped
-- connection sends the same key.
CREATE TABLE booking_periods (
    booking_id           uuid NOT NULL REFERENCES bookings (id),
    period               integer NOT NULL CHECK (period >= 1),
    starts_on            date NOT NULL,
    amount_cents         bigint NOT NULL CHECK (amount_cents >= 0),
    idempotency_key      text NOT NULL UNIQUE,
    checkout_session_id  text NULL UNIQUE,
    checkout_url         text NULL,
    payment_intent_id    text NULL UNIQUE,
    paid_at              timestamptz NULL,
    refunded_cents       bigint NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0 AND refunded_cents <= amount_cents),
    PRIMARY KEY (booking_id, period)
);

-- Money movements Stripe confirmed: payments, transfers to providers, refunds.
CREATE TABLE payments (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    booking_id         uuid NOT NULL REFERENCES bookings (id),
    kind               text NOT NULL CHECK (kind IN ('payment', 'refund', 'transfer', 'transfer_reversal')),
    stripe_id          text NOT NULL UNIQUE,
    amount_cents       bigint NOT NULL CHECK (amount_cents >= 0),
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_booking_idx ON payments (booking_id);

-- Every webhook event, once (the primary key is Stripe's event id).
CREATE TABLE stripe_events (
    id            text PRIMARY KEY,
    type          text NOT NULL,
    payload       jsonb NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    processed_at  timestamptz NULL
);

-- +goose Down
DROP TABLE stripe_events;
DROP TABLE payments;
DROP TABLE booking_periods;
DROP TABLE booking_events;
DROP FUNCTION booking_events_append_only();
DROP TABLE bookings;
DROP TABLE service_closures;
DROP TABLE service_hours;
DROP TABLE services;
ALTER TABLE organisations DROP COLUMN stripe_account_id;
