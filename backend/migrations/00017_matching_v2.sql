-- +goose Up
-- Matching v2. An opening names what it accepts beside its main occupation
-- ("ook passend", at most 10, checked by the service) and marks required
-- skills verplicht (a subset of required_skills, checked by the service):
-- a verplicht skill filters the pool, the other required skills rank it.
ALTER TABLE openings
    ADD COLUMN mandatory_skills text[] NOT NULL DEFAULT '{}',
    ADD COLUMN acceptable_occupations text[] NOT NULL DEFAULT '{}';

-- A region's own changes to the relatedness of occupations, made by its
-- accountmanagers: "add" makes two occupations close ("bakker past ook bij
-- bakkerijmedewerker"), "remove" takes away a built-in relation. A relation
-- has no direction: the pair is stored in id order, so it exists once.
CREATE TABLE occupation_relations (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id     uuid NOT NULL REFERENCES regions (id),
    occupation_a  text NOT NULL REFERENCES occupations (id),
    occupation_b  text NOT NULL REFERENCES occupations (id),
    action        text NOT NULL CHECK (action IN ('add', 'remove')),
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (occupation_a < occupation_b),
    UNIQUE (region_id, occupation_a, occupation_b)
);

-- The driving licence is one fact: the candidate's driving_licence flag.
-- The skill rijbewijs-b is derived from it (documents and API answers), so
-- it is no longer stored among the skills.
UPDATE candidates SET driving_licence = true WHERE 'rijbewijs-b' = ANY (skills);
UPDATE candidates SET skills = array_remove(skills, 'rijbewijs-b') WHERE 'rijbewijs-b' = ANY (skills);

-- +goose Down
DROP TABLE occupation_relations;
ALTER TABLE openings DROP COLUMN mandatory_skills, DROP COLUMN acceptable_occupations;
