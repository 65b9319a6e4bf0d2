-- +goose Up
-- Every outbox upsert takes a new version: a drain deletes a row only if its
-- version is still the one it read (timestamps can tie).
CREATE SEQUENCE search_outbox_version;
ALTER TABLE search_outbox ADD COLUMN version bigint NOT NULL DEFAULT nextval('search_outbox_version');

-- A rebuild in progress, and the documents drains put into the old index
-- meanwhile: they are synced again once the new index is swapped in.
CREATE TABLE search_rebuilds (
    index_name  text PRIMARY KEY,
    started_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE TABLE search_rebuild_touched (
    index_name  text NOT NULL,
    doc_id      text NOT NULL,
    PRIMARY KEY (index_name, doc_id)
);

-- +goose Down
ALTER TABLE search_outbox DROP COLUMN version;
DROP SEQUENCE search_outbox_version;
DROP TABLE search_rebuild_touched;
DROP TABLE search_rebuilds;
