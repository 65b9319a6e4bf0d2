-- +goose Up
-- A region (arbeidsmarktregio / Werkgeversservicepunt) is Werkhaven's tenant:
-- every staff member, organisation, candidate and opening belongs to one.
CREATE TABLE regions (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63),
    name        text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE regions;
