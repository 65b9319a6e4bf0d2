-- +goose Up
-- The approval queue's duplicate check compares a sign-up's name with the
-- region's organisations by trigram similarity (pg_trgm, a trusted
-- extension shipped with PostgreSQL).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- +goose Down
DROP EXTENSION IF EXISTS pg_trgm;
