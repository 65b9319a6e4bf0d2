-- +goose Up
-- Candidates, split by sensitivity: `candidates` is pseudonymous (a public
-- code, PC4, the profile a pool matches on); `candidate_identities` holds the
-- personal data and is read through one audited function. No BSN, birth
-- date, gender or nationality exists anywhere.
CREATE TABLE candidates (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id          uuid NOT NULL REFERENCES regions (id),
    public_code        text NOT NULL UNIQUE CHECK (public_code ~ '^K-[0-9A-HJ-NP-Z]{5}$'),
    klantmanager_id    uuid NOT NULL,
    user_id            uuid NULL UNIQUE REFERENCES users (id) ON DELETE SET NULL,
    occupations        text[] NOT NULL DEFAULT '{}' CHECK (cardinality(occupations) <= 5),
    skills             text[] NOT NULL DEFAULT '{}' CHECK (cardinality(skills) <= 40),
    experience         text NOT NULL DEFAULT '' CHECK (length(experience) <= 1000),
    education          text NOT NULL DEFAULT '' CHECK (education IN ('', 'geen', 'vmbo', 'mbo1', 'mbo2', 'mbo3', 'mbo4', 'havo', 'vwo', 'hbo', 'wo')),
    languages          jsonb NOT NULL DEFAULT '[]',
    driving_licence    boolean NOT NULL DEFAULT false,
    own_transport      boolean NOT NULL DEFAULT false,
    pc4                text NULL CHECK (pc4 ~ '^[1-9][0-9]{3}$'),
    lat                double precision NULL,
    lon                double precision NULL,
    max_travel_km      integer NULL CHECK (max_travel_km BETWEEN 1 AND 150),
    hours_min          integer NULL CHECK (hours_min BETWEEN 1 AND 60),
    hours_max          integer NULL CHECK (hours_max BETWEEN 1 AND 60),
    days               text[] NOT NULL DEFAULT '{}' CHECK (days <@ ARRAY['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']),
    day_parts          text[] NOT NULL DEFAULT '{}' CHECK (day_parts <@ ARRAY['ochtend', 'middag', 'avond', 'nacht']),
    available_from     date NULL,
    rung               integer NULL CHECK (rung BETWEEN 1 AND 6),
    support_needs      text[] NOT NULL DEFAULT '{}',
    doelgroepregister  boolean NOT NULL DEFAULT false,
    praktijkroute      boolean NOT NULL DEFAULT false,
    lks_indicatie      boolean NOT NULL DEFAULT false,
    status             text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'in_process', 'placed', 'paused', 'erased')),
    consent            boolean NOT NULL DEFAULT false,
    consent_at         timestamptz NULL,
    confirmed_at       timestamptz NOT NULL DEFAULT now(),
    reminded_at        timestamptz NULL,
    erased_at          timestamptz NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    CHECK (hours_min IS NULL OR hours_max IS NULL OR hours_min <= hours_max),
    CHECK ((pc4 IS NULL) = (lat IS NULL) AND (pc4 IS NULL) = (lon IS NULL)),
    CHECK ((status = 'erased') = (erased_at IS NOT NULL)),
    UNIQUE (id, region_id),
    FOREIGN KEY (klantmanager_id, region_id) REFERENCES users (id, region_id)
);
CREATE INDEX candidates_caseload_idx ON candidates (region_id, klantmanager_id, status);
CREATE INDEX candidates_confirmed_idx ON candidates (confirmed_at) WHERE status <> 'erased';
CREATE INDEX candidates_updated_idx ON candidates (updated_at);

CREATE TABLE candidate_identities (
    candidate_id   uuid PRIMARY KEY REFERENCES candidates (id) ON DELETE CASCADE,
    name           text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    email          text NOT NULL DEFAULT '' CHECK (email = lower(email) AND length(email) <= 254),
    phone          text NOT NULL DEFAULT '' CHECK (phone ~ '^[0-9 +()-]{0,20}$'),
    street         text NOT NULL DEFAULT '' CHECK (length(street) <= 200),
    postcode       text NOT NULL DEFAULT '' CHECK (postcode = '' OR postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
    place          text NOT NULL DEFAULT '' CHECK (length(place) <= 100),
    language       text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
    updated_at     timestamptz NOT NULL DEFAULT now()
);

-- Every consent given or withdrawn: who recorded it, when and how.
CREATE TABLE candidate_consents (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    candidate_id  uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    given         boolean NOT NULL,
    method        text NOT NULL CHECK (method IN ('kandidaat_link', 'kandidaat_portaal', 'klantmanager_papier', 'klantmanager_gesprek')),
    recorded_by   uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidate_consents_idx ON candidate_consents (candidate_id, recorded_at DESC);

-- Single-use links mailed to a kandidaat to confirm availability (hashed).
CREATE TABLE candidate_tokens (
    hash          bytea PRIMARY KEY,
    candidate_id  uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    purpose       text NOT NULL CHECK (purpose IN ('confirm')),
    expires_at    timestamptz NOT NULL,
    used_at       timestamptz NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX candidate_tokens_candidate_idx ON candidate_tokens (candidate_id);

-- +goose Down
DROP TABLE candidate_tokens;
DROP TABLE candidate_consents;
DROP TABLE candidate_identities;
DROP TABLE candidates;
