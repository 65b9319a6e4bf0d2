-- +goose Up
-- The platform administrator (issue 24): creates regions and invites each
-- region's first admin, and belongs to no region, so no region's personal
-- data is within its reach (each gemeente is its own controller). Only this
-- role has no region; every other user keeps one.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('platform', 'admin', 'accountmanager', 'klantmanager', 'werkgever', 'zorgaanbieder', 'kandidaat'));
ALTER TABLE users ALTER COLUMN region_id DROP NOT NULL;
ALTER TABLE users ADD CONSTRAINT users_platform_no_region
    CHECK ((role = 'platform') = (region_id IS NULL));

-- +goose Down
DELETE FROM users WHERE role = 'platform';
ALTER TABLE users DROP CONSTRAINT users_platform_no_region;
ALTER TABLE users ALTER COLUMN region_id SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('admin', 'accountmanager', 'klantmanager', 'werkgever', 'zorgaanbieder', 'kandidaat'));
