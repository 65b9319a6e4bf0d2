-- +goose Up
-- The figures' view of loonkostensubsidie (owned by package subsidy, read
-- by insight's "per service"): a placement counts as having LKS once an
-- application for it was granted (also when it later ended with the
-- placement). No personal data: ids and the decision day only.
CREATE VIEW lks_facts AS
    SELECT a.id, a.region_id, a.organisation_id, a.placement_id, 'lks'::text AS service_kind, a.decided_at
    FROM lks_applications a
    WHERE a.state IN ('granted', 'ended');

-- +goose Down
DROP VIEW lks_facts;
