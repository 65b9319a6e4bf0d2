-- +goose Up
-- Loonkostensubsidie applications: a werkgever applies from a placement
-- (contract and hours copied from it), the loonwaardebepaling booking of
-- that placement is linked, the accountmanager records the assessed
-- loonwaarde and decides with a motivation. A granted application keeps
-- the monthly amount and the minimum-wage period it was computed with; a
-- new period re-indexes it (an event with the old and the new amount).
-- At most one open application (applied, assessed, granted) per placement.
CREATE TABLE lks_applications (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id           uuid NOT NULL REFERENCES regions (id),
    organisation_id     uuid NOT NULL,
    placement_id        uuid NOT NULL REFERENCES placements (id),
    invite_id           uuid NOT NULL REFERENCES invites (id),
    opening_id          uuid NOT NULL REFERENCES openings (id),
    candidate_id        uuid NOT NULL REFERENCES candidates (id),
    -- Copied from the placement when applying.
    start_date          date NOT NULL,
    contract_type       text NOT NULL,
    hours               integer NOT NULL CHECK (hours BETWEEN 1 AND 60),
    full_time_hours     numeric(4, 1) NOT NULL DEFAULT 36 CHECK (full_time_hours BETWEEN 20 AND 40),
    state               text NOT NULL CHECK (state IN ('applied', 'assessed', 'granted', 'refused', 'withdrawn', 'ended')),
    booking_id          uuid NULL REFERENCES bookings (id),
    wage_value_percent  numeric(5, 2) NULL CHECK (wage_value_percent BETWEEN 0 AND 100),
    assessed_on         date NULL,
    decision            text NULL CHECK (decision IN ('granted', 'refused')),
    motivation          text NOT NULL DEFAULT '' CHECK (length(motivation) <= 2000),
    monthly_cents       bigint NULL CHECK (monthly_cents >= 0),
    -- The minimum-wage period (its first day) monthly_cents was computed with.
    wml_valid_from      date NULL,
    reassess_on         date NULL,
    note                text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
    created_by          uuid NOT NULL REFERENCES users (id),
    decided_by          uuid NULL REFERENCES users (id),
    decided_at          timestamptz NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organisation_id, region_id) REFERENCES organisations (id, region_id),
    CHECK ((decision IS NULL) = (decided_at IS NULL)),
    CHECK (decision IS DISTINCT FROM 'granted' OR (monthly_cents IS NOT NULL AND wml_valid_from IS NOT NULL AND wage_value_percent IS NOT NULL))
);
CREATE UNIQUE INDEX lks_applications_open_idx ON lks_applications (placement_id) WHERE state IN ('applied', 'assessed', 'granted');
CREATE INDEX lks_applications_region_state_idx ON lks_applications (region_id, state, created_at);
CREATE INDEX lks_applications_org_idx ON lks_applications (organisation_id, created_at DESC);
CREATE INDEX lks_applications_candidate_idx ON lks_applications (candidate_id);

-- Every step of an application, append-only: transitions (from <> to) and
-- notes that change no state (reindexed, reassessmentDue), each with a code
-- and, where money changed, the amount.
CREATE TABLE lks_application_events (
    id              bigserial PRIMARY KEY,
    application_id  uuid NOT NULL REFERENCES lks_applications (id),
    occurred_at     timestamptz NOT NULL DEFAULT now(),
    actor_user_id   uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    actor           text NOT NULL CHECK (actor IN ('organisation', 'accountmanager', 'admin', 'system')),
    from_state      text NULL,
    to_state        text NOT NULL,
    code            text NOT NULL CHECK (code IN ('applied', 'bookingLinked', 'assessed', 'granted', 'refused', 'withdrawn', 'ended', 'reindexed', 'reassessmentDue')),
    amount_cents    bigint NULL CHECK (amount_cents >= 0),
    previous_cents  bigint NULL CHECK (previous_cents >= 0),
    note            text NOT NULL DEFAULT '' CHECK (length(note) <= 2000)
);
CREATE INDEX lks_application_events_application_idx ON lks_application_events (application_id, id);
-- A re-indexation happens once per minimum-wage period.
CREATE UNIQUE INDEX lks_application_events_reindexed_idx ON lks_application_events (application_id, note) WHERE code = 'reindexed';

-- +goose StatementBegin
CREATE FUNCTION lks_application_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'lks_application_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER lks_application_events_no_change BEFORE UPDATE OR DELETE ON lks_application_events
    FOR EACH ROW EXECUTE FUNCTION lks_application_events_append_only();

-- The subsidy reminders sent, one row per reminder by its key (e.g.
-- deadline/<placement>/lksApply/2026-08-01/6w): a reminder is sent only in
-- the transaction that stores its key, so it fires once.
CREATE TABLE subsidy_reminders (
    key        text PRIMARY KEY CHECK (length(key) BETWEEN 3 AND 200),
    region_id  uuid NOT NULL REFERENCES regions (id),
    sent_at    timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE subsidy_reminders;
DROP TABLE lks_application_events;
DROP FUNCTION lks_application_events_append_only();
DROP TABLE lks_applications;
