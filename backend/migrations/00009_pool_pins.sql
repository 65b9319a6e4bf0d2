-- +goose Up
-- Candidates an accountmanager recommends for an opening: first in its pool.
CREATE TABLE pool_pins (
    opening_id    uuid NOT NULL,
    candidate_id  uuid NOT NULL,
    region_id     uuid NOT NULL,
    note          text NOT NULL DEFAULT '' CHECK (length(note) <= 300),
    pinned_by     uuid NOT NULL REFERENCES users (id),
    pinned_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (opening_id, candidate_id),
    FOREIGN KEY (opening_id, region_id) REFERENCES openings (id, region_id) ON DELETE CASCADE,
    FOREIGN KEY (candidate_id, region_id) REFERENCES candidates (id, region_id) ON DELETE CASCADE
);

-- +goose Down
DROP TABLE pool_pins;
