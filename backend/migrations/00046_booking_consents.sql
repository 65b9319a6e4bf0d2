-- +goose Up
-- A person-bound service (jobcoaching, werkplekaanpassing: its provider
-- works with the kandidaat, and booking it tells that someone needs
-- support) shares the kandidaat's name, phone and workplace with an outside
-- provider only after the kandidaat agrees, for that booking (issue 23,
-- package booking). The catalogue says which services are person-bound.
ALTER TABLE services ADD COLUMN person_bound boolean NOT NULL DEFAULT false;
UPDATE services SET person_bound = true WHERE kind IN ('jobcoaching', 'werkplekaanpassing');

-- One request per booking: asked when the booking is made, then granted or
-- declined by the kandidaat (in the app or by the mailed link), and a grant
-- may be revoked later (and given again in the app). decided_via and
-- revoked_via say how.
CREATE TABLE booking_consents (
    booking_id    uuid PRIMARY KEY REFERENCES bookings (id),
    candidate_id  uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    provider_id   uuid NOT NULL REFERENCES organisations (id),
    state         text NOT NULL CHECK (state IN ('asked', 'granted', 'declined', 'revoked')),
    asked_at      timestamptz NOT NULL,
    decided_at    timestamptz NULL,
    decided_via   text NULL CHECK (decided_via IN ('mail_link', 'in_app')),
    revoked_at    timestamptz NULL,
    CHECK ((state = 'asked') = (decided_at IS NULL)),
    CHECK ((decided_at IS NULL) = (decided_via IS NULL)),
    CHECK ((state = 'revoked') = (revoked_at IS NOT NULL))
);
CREATE INDEX booking_consents_candidate_idx ON booking_consents (candidate_id, asked_at DESC);

-- The kandidaat's answers are notes in the booking's log, by the kandidaat.
ALTER TABLE booking_events DROP CONSTRAINT booking_events_actor_check;
ALTER TABLE booking_events ADD CONSTRAINT booking_events_actor_check
    CHECK (actor IN ('organisation', 'accountmanager', 'provider', 'admin', 'system', 'stripe', 'kandidaat'));

-- +goose Down
DELETE FROM booking_events WHERE actor = 'kandidaat';
ALTER TABLE booking_events DROP CONSTRAINT booking_events_actor_check;
ALTER TABLE booking_events ADD CONSTRAINT booking_events_actor_check
    CHECK (actor IN ('organisation', 'accountmanager', 'provider', 'admin', 'system', 'stripe'));
DROP TABLE booking_consents;
ALTER TABLE services DROP COLUMN person_bound;
