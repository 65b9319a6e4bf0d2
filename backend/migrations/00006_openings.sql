-- +goose Up
-- Openings: the vacatures, proefplaatsen, leerwerkplekken and
-- participatieplekken organisations post, and the fairness-check hits the
-- accountmanagers review.
CREATE TABLE openings (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id            uuid NOT NULL,
    organisation_id      uuid NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('vacature', 'proefplaats', 'leerwerkplek', 'participatieplek')),
    state                text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'paused', 'filled', 'closed')),
    title                text NOT NULL CHECK (length(btrim(title)) BETWEEN 3 AND 120),
    description          text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
    occupation_id        text NOT NULL REFERENCES occupations (id),
    required_skills      text[] NOT NULL DEFAULT '{}' CHECK (cardinality(required_skills) <= 20),
    nice_skills          text[] NOT NULL DEFAULT '{}' CHECK (cardinality(nice_skills) <= 20),
    postcode             text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3}( [A-Z]{2})?$'),
    pc4                  text NOT NULL CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
    place                text NOT NULL,
    lat                  double precision NOT NULL,
    lon                  double precision NOT NULL,
    max_travel_km        integer NOT NULL CHECK (max_travel_km BETWEEN 1 AND 150),
    hours_min            integer NOT NULL CHECK (hours_min BETWEEN 1 AND 60),
    hours_max            integer NOT NULL CHECK (hours_max BETWEEN 1 AND 60),
    days                 text[] NOT NULL DEFAULT '{}' CHECK (days <@ ARRAY['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']),
    day_parts            text[] NOT NULL DEFAULT '{}' CHECK (day_parts <@ ARRAY['ochtend', 'middag', 'avond', 'nacht']),
    contract_type        text NOT NULL CHECK (contract_type IN ('vast', 'tijdelijk', 'uitzend', 'oproep', 'leerwerk', 'geen')),
    start_date           date NULL,
    wage_min_cents       bigint NOT NULL DEFAULT 0 CHECK (wage_min_cents >= 0),
    wage_max_cents       bigint NOT NULL DEFAULT 0 CHECK (wage_max_cents >= 0),
    places               integer NOT NULL CHECK (places BETWEEN 1 AND 500),
    filled_count         integer NULL CHECK (filled_count BETWEEN 0 AND 500),
    support              text[] NOT NULL DEFAULT '{}',
    banenafspraak        boolean NOT NULL DEFAULT false,
    review_requested_at  timestamptz NULL,
    created_by           uuid NOT NULL REFERENCES users (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    published_at         timestamptz NULL,
    CHECK (hours_min <= hours_max),
    CHECK (wage_max_cents = 0 OR wage_min_cents <= wage_max_cents),
    CHECK (kind = 'vacature' OR (wage_min_cents = 0 AND wage_max_cents = 0)),
    CHECK ((state = 'filled') = (filled_count IS NOT NULL)),
    UNIQUE (id, region_id),
    FOREIGN KEY (organisation_id, region_id) REFERENCES organisations (id, region_id)
);
CREATE INDEX openings_org_idx ON openings (organisation_id, state, updated_at DESC);
CREATE INDEX openings_region_idx ON openings (region_id, state);

-- Every fairness hit found when publishing was attempted (or overridden by
-- an accountmanager), for the accountmanager's review. Append-only.
CREATE TABLE fairness_hits (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    opening_id       uuid NOT NULL,
    region_id        uuid NOT NULL,
    organisation_id  uuid NOT NULL,
    actor_user_id    uuid NOT NULL REFERENCES users (id),
    rule             text NOT NULL,
    category         text NOT NULL,
    field            text NOT NULL CHECK (field IN ('title', 'description')),
    match            text NOT NULL,
    outcome          text NOT NULL CHECK (outcome IN ('blocked', 'overridden')),
    override_reason  text NOT NULL DEFAULT '' CHECK (length(override_reason) <= 1000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (opening_id, region_id) REFERENCES openings (id, region_id) ON DELETE CASCADE
);
CREATE INDEX fairness_hits_opening_idx ON fairness_hits (opening_id, created_at DESC);
CREATE INDEX fairness_hits_org_idx ON fairness_hits (organisation_id, created_at DESC);

-- +goose Down
DROP TABLE fairness_hits;
DROP TABLE openings;
