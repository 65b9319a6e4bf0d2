-- +goose Up
-- Berichten (package message): a thread between an organisation and the
-- municipality's accountmanagers, one general thread per organisation and
-- one per vacature (opening_id). Append-only: a message is never edited or
-- removed (an organisation's removal takes its threads along).
CREATE TABLE messages (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id        uuid NOT NULL,
    organisation_id  uuid NOT NULL,
    opening_id       uuid NULL REFERENCES openings (id) ON DELETE CASCADE,
    author_user_id   uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    -- Which side wrote it: the organisation's own users or municipal staff.
    author_side      text NOT NULL CHECK (author_side IN ('organisation', 'gemeente')),
    body             text NOT NULL CHECK (char_length(btrim(body)) BETWEEN 1 AND 2000),
    created_at       timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (organisation_id, region_id) REFERENCES organisations (id, region_id) ON DELETE CASCADE
);
CREATE INDEX messages_thread_idx ON messages (organisation_id, opening_id, created_at);

-- +goose Down
DROP TABLE messages;
