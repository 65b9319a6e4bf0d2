-- +goose Up
-- The audit page filters a region's log by action (issue 22): newest first
-- within one action without walking the whole region.
CREATE INDEX audit_events_region_action_idx ON audit_events (region_id, action, id DESC);

-- +goose Down
DROP INDEX audit_events_region_action_idx;
