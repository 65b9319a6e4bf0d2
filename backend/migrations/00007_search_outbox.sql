-- +goose Up
-- Documents whose search projection must be brought up to date: written in
-- the same transaction as the change, drained by the search_sync job. One
-- row per document coalesces bursts of changes.
CREATE TABLE search_outbox (
    index_name  text NOT NULL,
    doc_id      text NOT NULL,
    changed_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (index_name, doc_id)
);
CREATE INDEX search_outbox_changed_idx ON search_outbox (index_name, changed_at);

-- +goose Down
DROP TABLE search_outbox;
