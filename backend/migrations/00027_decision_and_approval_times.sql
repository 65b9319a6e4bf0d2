-- +goose Up
-- The figures' times read an invite's decision time and a booking's
-- approval time from the row itself instead of deriving them from the
-- event logs at query time (over 100,000 invites that derivation was the
-- largest part of GET /figures). Each column is written by its owning
-- package in the same transaction, and at the same instant, as the event
-- that it copies; the event log stays the record.

-- invite: when the kandidaat accepted or declined (an invite is decided
-- once); NULL while undecided or when it expired or was withdrawn first.
ALTER TABLE invites ADD COLUMN decided_at timestamptz NULL;
UPDATE invites i SET decided_at = d.at
FROM (SELECT invite_id, min(occurred_at) AS at FROM invite_events WHERE to_state IN ('accepted', 'declined') GROUP BY invite_id) d
WHERE d.invite_id = i.id;

-- booking: when it was first approved.
ALTER TABLE bookings ADD COLUMN approved_at timestamptz NULL;
UPDATE bookings b SET approved_at = a.at
FROM (SELECT booking_id, min(occurred_at) AS at FROM booking_events WHERE to_state = 'approved' GROUP BY booking_id) a
WHERE a.booking_id = b.id;

-- The figures' cohort: a region's openings published in a period.
CREATE INDEX openings_published_idx ON openings (region_id, published_at) WHERE published_at IS NOT NULL;

-- invite: an invite's course (no message, reasons or notes), now with its
-- decision time.
CREATE OR REPLACE VIEW invite_facts AS
    SELECT id, region_id, opening_id, organisation_id, candidate_id, state, created_at, sent_at, intake_at, decided_at
    FROM invites;

-- booking: the approval time from the booking itself.
CREATE OR REPLACE VIEW booking_facts AS
    SELECT b.id, b.region_id, b.organisation_id, s.kind AS service_kind, b.opening_id, b.invite_id, b.placement_id, b.state,
           b.created_at AS requested_at, b.approved_at
    FROM bookings b JOIN services s ON s.id = b.service_id;

-- +goose Down
CREATE OR REPLACE VIEW booking_facts AS
    SELECT b.id, b.region_id, b.organisation_id, s.kind AS service_kind, b.opening_id, b.invite_id, b.placement_id, b.state,
           b.created_at AS requested_at,
           (SELECT min(e.occurred_at) FROM booking_events e WHERE e.booking_id = b.id AND e.to_state = 'approved') AS approved_at
    FROM bookings b JOIN services s ON s.id = b.service_id;
DROP VIEW invite_facts;
CREATE VIEW invite_facts AS
    SELECT id, region_id, opening_id, organisation_id, candidate_id, state, created_at, sent_at, intake_at
    FROM invites;
DROP INDEX openings_published_idx;
ALTER TABLE bookings DROP COLUMN approved_at;
ALTER TABLE invites DROP COLUMN decided_at;
