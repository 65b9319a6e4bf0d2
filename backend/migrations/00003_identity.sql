-- +goose Up
-- Who is who: organisations and users of a region, their sessions, mailed
-- tokens, sign-in throttling, the mail outbox and the append-only audit log.

ALTER TABLE regions ADD COLUMN settings jsonb NOT NULL DEFAULT '{}';

CREATE TABLE users (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id        uuid NOT NULL REFERENCES regions (id),
    organisation_id  uuid NULL,
    -- Stored lower-case, so the unique index is case-insensitive.
    email            text NOT NULL CHECK (email = lower(email) AND length(email) <= 254 AND email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    display_name     text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 200),
    role             text NOT NULL CHECK (role IN ('admin', 'accountmanager', 'klantmanager', 'werkgever', 'zorgaanbieder', 'kandidaat')),
    status           text NOT NULL DEFAULT 'active' CHECK (status IN ('invited', 'active', 'disabled')),
    password_hash    text NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, region_id),
    -- Organisation users belong to an organisation; nobody else does.
    CHECK ((role IN ('werkgever', 'zorgaanbieder')) = (organisation_id IS NOT NULL)),
    -- Kandidaten sign in by mailed link only.
    CHECK (role <> 'kandidaat' OR password_hash IS NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_region_idx ON users (region_id, role);

CREATE TABLE organisations (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id          uuid NOT NULL REFERENCES regions (id),
    kind               text NOT NULL CHECK (kind IN ('werkgever', 'zorgaanbieder', 'dienstverlener')),
    name               text NOT NULL CHECK (length(btrim(name)) BETWEEN 2 AND 200),
    kvk_number         text NOT NULL CHECK (kvk_number ~ '^[0-9]{8}$'),
    postcode           text NOT NULL CHECK (postcode ~ '^[1-9][0-9]{3} [A-Z]{2}$'),
    accountmanager_id  uuid NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (region_id, kvk_number),
    UNIQUE (id, region_id),
    -- The accountmanager works in the organisation's region.
    FOREIGN KEY (accountmanager_id, region_id) REFERENCES users (id, region_id)
);
CREATE INDEX organisations_region_idx ON organisations (region_id, name);

ALTER TABLE users ADD CONSTRAINT users_organisation_fk
    FOREIGN KEY (organisation_id, region_id) REFERENCES organisations (id, region_id);

-- Server-side sessions; the cookie holds a random id, the table its SHA-256.
CREATE TABLE sessions (
    id_hash       bytea PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          text NOT NULL CHECK (kind IN ('password', 'magic_link')),
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL,
    expires_at    timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Single-use mailed tokens, stored hashed.
CREATE TABLE auth_tokens (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    purpose     text NOT NULL CHECK (purpose IN ('password_reset', 'invitation', 'magic_link')),
    token_hash  bytea NOT NULL UNIQUE,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_by  uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL
);
CREATE INDEX auth_tokens_user_idx ON auth_tokens (user_id, purpose);

-- Failed sign-ins per account and per IP, for throttling across replicas.
CREATE TABLE sign_in_failures (
    id          bigserial PRIMARY KEY,
    key         text NOT NULL,
    failed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_key_idx ON sign_in_failures (key, failed_at);

-- Mail waiting to be sent. The template data (which may hold a token) is
-- sealed with AES-GCM and wiped once the mail is sent; the recipient's
-- address is read from users at send time, so job arguments carry only ids.
CREATE TABLE mail_outbox (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    template    text NOT NULL,
    sealed      bytea NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz NULL
);

-- The audit log: append-only. A trigger refuses UPDATE, DELETE and TRUNCATE,
-- whatever role the application connects as.
CREATE TABLE audit_events (
    id             bigserial PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    region_id      uuid NULL REFERENCES regions (id),
    actor_user_id  uuid NULL,
    actor_role     text NULL,
    action         text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
    outcome        text NOT NULL DEFAULT 'success' CHECK (outcome IN ('success', 'failure', 'denied')),
    subject_type   text NULL,
    subject_id     text NULL,
    ip             text NULL,
    request_id     text NULL,
    details        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_region_idx ON audit_events (region_id, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, id DESC);
CREATE INDEX audit_events_subject_idx ON audit_events (subject_type, subject_id, id DESC);

-- +goose StatementBegin
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

-- +goose Down
DROP TABLE audit_events;
DROP FUNCTION audit_events_append_only();
DROP TABLE mail_outbox;
DROP TABLE sign_in_failures;
DROP TABLE auth_tokens;
DROP TABLE sessions;
ALTER TABLE users DROP CONSTRAINT users_organisation_fk;
DROP TABLE organisations;
DROP TABLE users;
ALTER TABLE regions DROP COLUMN settings;
