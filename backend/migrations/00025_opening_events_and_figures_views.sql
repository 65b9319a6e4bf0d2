-- +goose Up
-- Openings get an append-only event log (owned by opening), and the
-- figures (package insight) read the domains through read-only views, each
-- owned by the package whose table it shows. The views hold ids, states
-- and times only: no names, messages, notes or contact details.

CREATE TABLE opening_events (
    id               bigserial PRIMARY KEY,
    opening_id       uuid NOT NULL,
    region_id        uuid NOT NULL,
    organisation_id  uuid NOT NULL,
    occurred_at      timestamptz NOT NULL DEFAULT now(),
    actor_user_id    uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    actor            text NOT NULL CHECK (actor IN ('organisation', 'accountmanager', 'admin', 'system')),
    -- created: NULL → draft; state_changed: a transition of the machine;
    -- review_requested: the organisation asked for a review (from = to).
    kind             text NOT NULL CHECK (kind IN ('created', 'state_changed', 'review_requested')),
    from_state       text NULL,
    to_state         text NOT NULL,
    -- backfilled: written by this migration from what openings held.
    backfilled       boolean NOT NULL DEFAULT false,
    FOREIGN KEY (opening_id, region_id) REFERENCES openings (id, region_id) ON DELETE CASCADE
);
CREATE INDEX opening_events_opening_idx ON opening_events (opening_id, id);
CREATE INDEX opening_events_region_idx ON opening_events (region_id, kind, occurred_at);

-- +goose StatementBegin
CREATE FUNCTION opening_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM openings WHERE id = OLD.opening_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'opening_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER opening_events_no_change BEFORE UPDATE OR DELETE ON opening_events
    FOR EACH ROW EXECUTE FUNCTION opening_events_append_only();

-- Backfill from what openings hold. Recoverable: the creation (created_at,
-- created_by and that user's role), a pending review request
-- (review_requested_at; its from/to state is the opening's current state),
-- the first publication (published_at, draft → open) and the current state
-- when it is paused, filled or closed (at updated_at, from open, or from
-- draft for a closed opening never published). Not recoverable, and so
-- missing: review requests already answered (publishing cleared
-- review_requested_at), pauses and re-openings before the last state, the
-- actor of any state change (recorded as 'system' with no user), and
-- changes after the last state change (updated_at also moves on edits, so
-- the time of a backfilled pause, fill or close is an upper bound).
INSERT INTO opening_events (opening_id, region_id, organisation_id, occurred_at, actor_user_id, actor, kind, from_state, to_state, backfilled)
SELECT o.id, o.region_id, o.organisation_id, o.created_at, o.created_by,
       CASE u.role WHEN 'accountmanager' THEN 'accountmanager' WHEN 'admin' THEN 'admin' ELSE 'organisation' END,
       'created', NULL, 'draft', true
FROM openings o LEFT JOIN users u ON u.id = o.created_by;

INSERT INTO opening_events (opening_id, region_id, organisation_id, occurred_at, actor, kind, from_state, to_state, backfilled)
SELECT id, region_id, organisation_id, published_at, 'system', 'state_changed', 'draft', 'open', true
FROM openings WHERE published_at IS NOT NULL;

INSERT INTO opening_events (opening_id, region_id, organisation_id, occurred_at, actor, kind, from_state, to_state, backfilled)
SELECT id, region_id, organisation_id, review_requested_at, 'organisation', 'review_requested', state, state, true
FROM openings WHERE review_requested_at IS NOT NULL;

INSERT INTO opening_events (opening_id, region_id, organisation_id, occurred_at, actor, kind, from_state, to_state, backfilled)
SELECT id, region_id, organisation_id, greatest(updated_at, coalesce(published_at, created_at)), 'system', 'state_changed',
       CASE WHEN published_at IS NULL THEN 'draft' ELSE 'open' END, state, true
FROM openings WHERE state IN ('paused', 'filled', 'closed');

-- opening: the facts of an opening the figures count (no title or text).
CREATE VIEW opening_facts AS
    SELECT id, region_id, organisation_id, occupation_id, kind, state, created_at, published_at
    FROM openings;

-- opening: the event log without who acted.
CREATE VIEW opening_event_facts AS
    SELECT id, opening_id, region_id, organisation_id, occurred_at, kind, from_state, to_state
    FROM opening_events;

-- matching: which openings' pools showed which candidate, and when.
CREATE VIEW pool_view_facts AS
    SELECT opening_id, region_id, organisation_id, candidate_id, viewed_at
    FROM pool_views;

-- invite: an invite's course (no message, reasons or notes).
CREATE VIEW invite_facts AS
    SELECT id, region_id, opening_id, organisation_id, candidate_id, state, created_at, sent_at, intake_at
    FROM invites;

-- invite: the kandidaat's decisions (accepted or declined; an invite is
-- decided once), from the event log, with the partial index that lets a
-- report join them to many invites at once.
CREATE VIEW invite_decision_facts AS
    SELECT invite_id, to_state AS decision, occurred_at AS decided_at
    FROM invite_events
    WHERE to_state IN ('accepted', 'declined');
CREATE INDEX invite_events_decision_idx ON invite_events (invite_id) INCLUDE (occurred_at) WHERE to_state IN ('accepted', 'declined');

-- invite: a placement's start and end (no wage, hours or reasons).
CREATE VIEW placement_facts AS
    SELECT id, invite_id, region_id, organisation_id, opening_id, candidate_id, start_date, ended_on
    FROM placements;

-- invite: the follow-ups at 4, 13 and 26 weeks and their answers.
CREATE VIEW follow_up_facts AS
    SELECT placement_id, region_id, organisation_id, week, due_on, answered_at, still_employed, cancelled_at
    FROM follow_ups;

-- booking: a booking's service kind, what it is for, and when it was
-- requested and approved (from the event log).
CREATE VIEW booking_facts AS
    SELECT b.id, b.region_id, b.organisation_id, s.kind AS service_kind, b.opening_id, b.invite_id, b.placement_id, b.state,
           b.created_at AS requested_at,
           (SELECT min(e.occurred_at) FROM booking_events e WHERE e.booking_id = b.id AND e.to_state = 'approved') AS approved_at
    FROM bookings b JOIN services s ON s.id = b.service_id;

-- +goose Down
DROP VIEW booking_facts;
DROP VIEW follow_up_facts;
DROP VIEW placement_facts;
DROP INDEX invite_events_decision_idx;
DROP VIEW invite_decision_facts;
DROP VIEW invite_facts;
DROP VIEW pool_view_facts;
DROP VIEW opening_event_facts;
DROP VIEW opening_facts;
DROP TABLE opening_events;
DROP FUNCTION opening_events_append_only();
