-- +goose Up
-- ESCO occupations with Dutch labels and their ISCO-08 groups: reference data
-- loaded by `werkhaven migrate` from the files bundled in the binary
-- (ESCO, © European Union, CC BY 4.0; see NOTICE).
CREATE TABLE isco_groups (
    code   text PRIMARY KEY CHECK (code ~ '^[0-9]{1,4}$'),
    label  text NOT NULL
);

CREATE TABLE occupations (
    id           text PRIMARY KEY,           -- last part of the ESCO URI
    esco_code    text NOT NULL,
    isco_group   text NOT NULL REFERENCES isco_groups (code) CHECK (isco_group ~ '^[0-9]{4}$'),
    label        text NOT NULL,
    alt_labels   text[] NOT NULL DEFAULT '{}',
    description  text NOT NULL DEFAULT ''
);
CREATE INDEX occupations_isco_group_idx ON occupations (isco_group);

-- Which version of each bundled reference data set is loaded, so `migrate`
-- reloads only when the files in the binary change.
CREATE TABLE reference_data (
    name       text PRIMARY KEY,
    checksum   text NOT NULL,
    rows       integer NOT NULL,
    loaded_at  timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE reference_data;
DROP TABLE occupations;
DROP TABLE isco_groups;
