-- +goose Up
-- The curated skills vocabulary: skills, certificates, languages and working
-- conditions employers ask for. Openings and candidates refer to these ids,
-- never to free-typed tags. Loaded by `werkhaven migrate` from the file in
-- the binary; ids are stable (entries are added, never renamed).
CREATE TABLE skills (
    id         text PRIMARY KEY CHECK (id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    category   text NOT NULL CHECK (category IN ('certificaat', 'rijbewijs', 'taal', 'vaardigheid', 'werkhouding', 'werkomstandigheid')),
    label_nl   text NOT NULL,
    label_en   text NOT NULL,
    synonyms   text[] NOT NULL DEFAULT '{}'
);

-- +goose Down
DROP TABLE skills;
