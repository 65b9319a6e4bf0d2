-- +goose Up
-- Read-only views: what a package shares of its tables with the lists and
-- reports of other packages. A package's Go code names only its own tables
-- (backend/internal/app/tables_test.go); it may read any view. Each view is
-- owned by the package whose data it shows and lists only the columns other
-- domains need, never personal data. They are plain projections, which
-- Postgres inlines: a join on a view plans as the join on its table.

-- identity: who an organisation is (names in invite, placement, booking and
-- opening lists; the accountmanagers' portfolio).
CREATE VIEW organisation_directory AS
    SELECT id, region_id, kind, name, postcode, accountmanager_id
    FROM organisations;

-- identity: the names of the people who act (staff and organisation
-- users); a kandidaat's account is left out.
CREATE VIEW user_names AS
    SELECT id, display_name
    FROM users
    WHERE role <> 'kandidaat';

-- identity: when and how an organisation was contacted (not the note or who
-- wrote it), for the portfolio's last contact.
CREATE VIEW organisation_contacts AS
    SELECT organisation_id, kind, occurred_on, created_at
    FROM contact_moments;

-- occupation: the ESCO labels and ISCO group of an occupation.
CREATE VIEW occupation_labels AS
    SELECT id, label, alt_labels, isco_group
    FROM occupations;

-- opening: an opening's title and owner, for lists of invites, follow-ups
-- and placements.
CREATE VIEW opening_titles AS
    SELECT id, organisation_id, title
    FROM openings;

-- candidate: a candidate's pseudonymous code and who follows them (their
-- klantmanager, their own account), for invite lists and their scope.
CREATE VIEW candidate_codes AS
    SELECT id, public_code, klantmanager_id, user_id, status
    FROM candidates;

-- +goose Down
DROP VIEW candidate_codes;
DROP VIEW opening_titles;
DROP VIEW occupation_labels;
DROP VIEW organisation_contacts;
DROP VIEW user_names;
DROP VIEW organisation_directory;
