-- +goose Up
-- Organisation profile (sector, size, contact person) and the contact log
-- that the region's accountmanagers keep: notes and contact moments, never
-- visible to the organisation itself.
ALTER TABLE organisations
    ADD COLUMN sector         text NOT NULL DEFAULT '' CHECK (length(sector) <= 100),
    ADD COLUMN size           text NOT NULL DEFAULT '' CHECK (size IN ('', '1-9', '10-49', '50-249', '250+')),
    ADD COLUMN contact_name   text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 200),
    ADD COLUMN contact_email  text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254),
    ADD COLUMN contact_phone  text NOT NULL DEFAULT '' CHECK (contact_phone ~ '^[0-9 +()-]{0,20}$');

CREATE TABLE contact_moments (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id  uuid NOT NULL,
    region_id        uuid NOT NULL,
    author_user_id   uuid NOT NULL REFERENCES users (id),
    kind             text NOT NULL CHECK (kind IN ('telefoon', 'bezoek', 'e-mail', 'overleg', 'notitie')),
    occurred_on      date NOT NULL,
    note             text NOT NULL CHECK (length(btrim(note)) BETWEEN 1 AND 4000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organisation_id, region_id) REFERENCES organisations (id, region_id) ON DELETE CASCADE
);
CREATE INDEX contact_moments_org_idx ON contact_moments (organisation_id, occurred_on DESC, created_at DESC);

-- +goose Down
DROP TABLE contact_moments;
ALTER TABLE organisations DROP COLUMN sector, DROP COLUMN size, DROP COLUMN contact_name,
    DROP COLUMN contact_email, DROP COLUMN contact_phone;
