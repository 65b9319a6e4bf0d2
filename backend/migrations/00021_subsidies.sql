-- +goose Up
-- The figures subsidies are computed from, each valid from a date on:
-- national ones (region_id NULL: the minimum wage per month, the LKS cap,
-- the LKV amounts, UWV's terms) and a region's own municipal policy (the
-- LKS application term, the proefplaatsing's length). A value is an
-- integer in its key's unit (cents, basis points, hours, months, days,
-- years; subsidy.Keys), with the source it was taken from and the day
-- that source was checked (NULL: not checked against the official text).
-- A period is never overwritten by a later one: a new value is a new row.
CREATE TABLE subsidy_parameters (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    key         text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{2,59}$'),
    region_id   uuid NULL REFERENCES regions (id),
    valid_from  date NOT NULL CHECK (valid_from >= DATE '2000-01-01'),
    value       bigint NOT NULL CHECK (value >= 0),
    source      text NOT NULL CHECK (length(source) BETWEEN 3 AND 1000),
    checked_on  date NULL,
    updated_by  uuid NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX subsidy_parameters_period_idx
    ON subsidy_parameters (key, coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid), valid_from);

-- +goose Down
DROP TABLE subsidy_parameters;
