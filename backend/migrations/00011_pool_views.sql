-- +goose Up
-- Which organisation saw which candidates in which opening's pool, when:
-- for the funnel and for the kandidaat's "wie heeft naar mij gevraagd".
CREATE TABLE pool_views (
    id               bigserial PRIMARY KEY,
    region_id        uuid NOT NULL,
    opening_id       uuid NOT NULL,
    organisation_id  uuid NOT NULL,
    candidate_id     uuid NOT NULL,
    viewer_role      text NOT NULL,
    viewed_at        timestamptz NOT NULL
);
CREATE INDEX pool_views_candidate_idx ON pool_views (candidate_id, viewed_at DESC);
CREATE INDEX pool_views_opening_idx ON pool_views (opening_id, viewed_at DESC);

-- +goose Down
DROP TABLE pool_views;
