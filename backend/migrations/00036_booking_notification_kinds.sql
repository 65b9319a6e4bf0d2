-- +goose Up
-- A booking's steps are notification kinds of their own (package
-- notification): the accountmanager's approval task, "booking_approval",
-- is now "booking_requested", the kind a provider's confirmation task has
-- too. Users keep their mail choice and their notifications.
UPDATE notification_settings SET kind = 'booking_requested' WHERE kind = 'booking_approval';
UPDATE notifications SET kind = 'booking_requested' WHERE kind = 'booking_approval';

-- +goose Down
UPDATE notification_settings SET kind = 'booking_approval' WHERE kind = 'booking_requested';
UPDATE notifications SET kind = 'booking_approval' WHERE kind = 'booking_requested';
