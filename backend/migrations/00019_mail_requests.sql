-- +goose Up
-- Requests for mailed links (password reset, the kandidaat's sign-in link),
-- counted per e-mail address and per client IP to limit them across
-- replicas. key is 'account:' and the SHA-256 of the address (addresses
-- anyone types are not kept in the clear) or 'ip:' and the IP (an IPv6
-- client's /64). identity_cleanup deletes rows past the hour's window.
CREATE TABLE mail_requests (
    id            bigserial PRIMARY KEY,
    key           text NOT NULL,
    requested_at  timestamptz NOT NULL
);
CREATE INDEX mail_requests_key_idx ON mail_requests (key, requested_at);

-- +goose Down
DROP TABLE mail_requests;
