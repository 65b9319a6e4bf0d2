-- +goose Up
-- Onboarding: a region declares the PC4 areas it serves and its contact
-- details; werkgevers and zorgaanbieders sign up themselves
-- (organisation_registrations), routed to the region that serves their
-- postcode. Owned by package identity.

ALTER TABLE regions
    ADD COLUMN contact_email text NOT NULL DEFAULT '' CHECK (contact_email = '' OR (length(contact_email) <= 254 AND contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$')),
    ADD COLUMN contact_phone text NOT NULL DEFAULT '' CHECK (contact_phone ~ '^[0-9 +()-]{0,20}$');

-- The PC4 areas a region serves, edited by its admins (a CSV upload or a
-- list). An area is served by one region at most, so a postcode routes to
-- one region. Not the candidate-derived region_pc4s (00014).
CREATE TABLE region_service_areas (
    pc4         text PRIMARY KEY CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
    region_id   uuid NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_service_areas_region_idx ON region_service_areas (region_id, pc4);

-- An organisation's own sign-up. unconfirmed until the contact uses the
-- mailed link (single use, 48 h: token_hash is the link's SHA-256, cleared
-- when used); only then do the region's accountmanagers see it. Retention:
-- unconfirmed ones go after 7 days, declined ones after the configured
-- period.
CREATE TABLE organisation_registrations (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id         uuid NOT NULL REFERENCES regions (id) ON DELETE CASCADE,
    status            text NOT NULL DEFAULT 'unconfirmed' CHECK (status IN ('unconfirmed', 'confirmed', 'approved', 'declined')),
    kind              text NOT NULL CHECK (kind IN ('werkgever', 'zorgaanbieder')),
    name              text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
    kvk_number        text NOT NULL CHECK (kvk_number ~ '^[0-9]{8}$'),
    vestigingsnummer  text NULL CHECK (vestigingsnummer ~ '^[0-9]{12}$'),
    postcode          text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
    house_number      text NOT NULL CHECK (length(btrim(house_number)) BETWEEN 1 AND 10),
    sector            text NOT NULL CHECK (length(sector) <= 100),
    size              text NOT NULL CHECK (size IN ('1-9', '10-49', '50-249', '250+')),
    contact_name      text NOT NULL CHECK (length(btrim(contact_name)) BETWEEN 1 AND 200),
    contact_email     text NOT NULL CHECK (contact_email = lower(contact_email) AND length(contact_email) <= 254 AND contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    contact_phone     text NOT NULL CHECK (contact_phone ~ '^[0-9 +()-]{6,20}$'),
    token_hash        bytea NULL UNIQUE,
    token_expires_at  timestamptz NOT NULL,
    confirmed_at      timestamptz NULL,
    reminded_at       timestamptz NULL,
    decided_at        timestamptz NULL,
    decided_by        uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    decline_reason    text NULL CHECK (length(decline_reason) <= 2000),
    organisation_id   uuid NULL REFERENCES organisations (id) ON DELETE SET NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'unconfirmed') = (confirmed_at IS NULL)),
    CHECK ((status IN ('approved', 'declined')) = (decided_at IS NOT NULL))
);
CREATE INDEX organisation_registrations_queue_idx ON organisation_registrations (region_id, status, confirmed_at);
CREATE INDEX organisation_registrations_kvk_idx ON organisation_registrations (kvk_number);

-- Mail to a registration's contact, who has no account yet: the outbox
-- names either a user or a registration (deleted with it).
ALTER TABLE mail_outbox
    ALTER COLUMN user_id DROP NOT NULL,
    ADD COLUMN registration_id uuid NULL REFERENCES organisation_registrations (id) ON DELETE CASCADE,
    ADD CONSTRAINT mail_outbox_one_recipient CHECK (num_nonnulls(user_id, registration_id) = 1);

-- +goose Down
DELETE FROM mail_outbox WHERE registration_id IS NOT NULL;
ALTER TABLE mail_outbox
    DROP CONSTRAINT mail_outbox_one_recipient,
    DROP COLUMN registration_id,
    ALTER COLUMN user_id SET NOT NULL;
DROP TABLE organisation_registrations;
DROP TABLE region_service_areas;
ALTER TABLE regions DROP COLUMN contact_phone, DROP COLUMN contact_email;
