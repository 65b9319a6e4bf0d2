-- +goose Up
-- The single-use links mailed to a kandidaat to agree or not to share their
-- details with a booking's provider (package booking): only the SHA-256 of
-- the secret is kept. A link works once and until expires_at; afterwards it
-- answers 410.
CREATE TABLE booking_consent_tokens (
    hash        bytea PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES booking_consents (booking_id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz NULL,
    CHECK (expires_at > created_at)
);
CREATE INDEX booking_consent_tokens_booking_idx ON booking_consent_tokens (booking_id);

-- +goose Down
DROP TABLE booking_consent_tokens;
