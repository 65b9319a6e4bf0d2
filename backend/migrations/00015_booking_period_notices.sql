-- +goose Up
-- When the organisation was told that a month of a monthly trajectory is due.
ALTER TABLE booking_periods ADD COLUMN notified_at timestamptz NULL;

-- +goose Down
ALTER TABLE booking_periods DROP COLUMN notified_at;
