-- +goose Up
-- Reads of pools and candidates per account and minute (identity.ReadLimiter),
-- counted in Postgres so that every server process shares the limit. One row
-- per account and minute, bumped in place; identity_cleanup deletes rows over
-- an hour old.
CREATE TABLE read_counts (
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    window_start  timestamptz NOT NULL,
    reads         integer NOT NULL,
    PRIMARY KEY (user_id, window_start)
);

-- +goose Down
DROP TABLE read_counts;
