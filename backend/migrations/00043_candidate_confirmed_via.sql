-- +goose Up
-- How a candidate's availability was last confirmed (issue 22): by the
-- kandidaat (the mailed link or the portal) or by the klantmanager after a
-- conversation, a call or a mail. NULL: at registration, or before this
-- column existed.
ALTER TABLE candidates ADD COLUMN confirmed_via text NULL
    CHECK (confirmed_via IN ('kandidaat_link', 'kandidaat_portaal', 'klantmanager_gesprek', 'klantmanager_telefoon', 'klantmanager_mail'));

-- +goose Down
ALTER TABLE candidates DROP COLUMN confirmed_via;
