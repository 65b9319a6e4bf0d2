-- +goose Up
-- Every PC4 area a region's candidates have lived in (only ever grows). The
-- pool's travel filter lists PC4 areas; intersecting those lists with the
-- region's own areas keeps the Meilisearch filter small (a 200 km radius
-- otherwise names ~4,000 areas per distance step). A trigger keeps it
-- complete in the candidate's own transaction, so a new area is known
-- before the candidate reaches the index.
CREATE TABLE region_pc4s (
    region_id  uuid NOT NULL REFERENCES regions (id),
    pc4        text NOT NULL,
    PRIMARY KEY (region_id, pc4)
);

-- +goose StatementBegin
CREATE FUNCTION region_pc4s_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO region_pc4s (region_id, pc4) VALUES (NEW.region_id, NEW.pc4) ON CONFLICT DO NOTHING;
    RETURN NEW;
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER candidates_region_pc4 AFTER INSERT OR UPDATE OF pc4, region_id ON candidates
    FOR EACH ROW WHEN (NEW.pc4 IS NOT NULL) EXECUTE FUNCTION region_pc4s_note();

INSERT INTO region_pc4s (region_id, pc4) SELECT DISTINCT region_id, pc4 FROM candidates WHERE pc4 IS NOT NULL ON CONFLICT DO NOTHING;

-- +goose Down
DROP TRIGGER candidates_region_pc4 ON candidates;
DROP FUNCTION region_pc4s_note();
DROP TABLE region_pc4s;
