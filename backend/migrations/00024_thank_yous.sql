-- +goose Up
-- Jouw aandeel: a placement is credited to the klantmanager who held the
-- candidate's caseload and the accountmanager who held the organisation's
-- portfolio when it was recorded (invite.Place sets both; the credit does
-- not move when the caseload or portfolio changes hands later). Existing
-- placements are credited to the current holders.
ALTER TABLE placements
    ADD COLUMN klantmanager_id   uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    ADD COLUMN accountmanager_id uuid NULL REFERENCES users (id) ON DELETE SET NULL;

UPDATE placements pl SET klantmanager_id = c.klantmanager_id
    FROM candidate_codes c WHERE c.id = pl.candidate_id;
UPDATE placements pl SET accountmanager_id = org.accountmanager_id
    FROM organisation_directory org WHERE org.id = pl.organisation_id;

CREATE INDEX placements_klantmanager_idx ON placements (klantmanager_id, start_date) WHERE klantmanager_id IS NOT NULL;
CREATE INDEX placements_accountmanager_idx ON placements (accountmanager_id, start_date) WHERE accountmanager_id IS NOT NULL;

-- A thank-you for a placement (package invite): from a user of the placed
-- organisation to the credited klantmanager or accountmanager, or from the
-- placed kandidaat to the credited klantmanager. Once per placement, sender
-- and recipient role; the recipient sees the organisation's name or "een
-- kandidaat", never the candidate. Append-only.
CREATE TABLE thank_yous (
    id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    placement_id          uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    region_id             uuid NOT NULL REFERENCES regions (id),
    sender_kind           text NOT NULL CHECK (sender_kind IN ('organisation', 'kandidaat')),
    sender_id             uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- The organisation that thanks (organisation senders only).
    organisation_id       uuid NULL REFERENCES organisations (id),
    recipient_role        text NOT NULL CHECK (recipient_role IN ('klantmanager', 'accountmanager')),
    recipient_id          uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    message               text NOT NULL CHECK (char_length(message) BETWEEN 1 AND 500),
    created_at            timestamptz NOT NULL DEFAULT now(),
    UNIQUE (placement_id, sender_id, recipient_role),
    CHECK ((sender_kind = 'organisation') = (organisation_id IS NOT NULL)),
    CHECK (sender_kind = 'organisation' OR recipient_role = 'klantmanager')
);
CREATE INDEX thank_yous_recipient_idx ON thank_yous (recipient_id, created_at DESC);

-- +goose Down
DROP TABLE thank_yous;
DROP INDEX placements_accountmanager_idx;
DROP INDEX placements_klantmanager_idx;
ALTER TABLE placements DROP COLUMN accountmanager_id, DROP COLUMN klantmanager_id;
