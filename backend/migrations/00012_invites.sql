-- +goose Up
-- Match invites (an organisation asks a candidate from its pool), the
-- append-only log of every state change, the disclosures a kandidaat grants
-- by accepting, placements with their follow-ups, and in-app notifications.

CREATE TABLE invites (
    id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    region_id         uuid NOT NULL REFERENCES regions (id),
    opening_id        uuid NOT NULL,
    organisation_id   uuid NOT NULL,
    candidate_id      uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    state             text NOT NULL CHECK (state IN ('awaiting_approval', 'invited', 'viewed', 'accepted', 'declined', 'expired', 'withdrawn',
                                                     'introduced', 'intake_planned', 'placed', 'not_placed')),
    message           text NOT NULL CHECK (length(btrim(message)) BETWEEN 1 AND 1000),
    invited_by        uuid NOT NULL REFERENCES users (id),
    -- Advice of the candidate's klantmanager, shown to the kandidaat.
    advice            text NOT NULL DEFAULT '' CHECK (length(advice) <= 1000),
    sent_at           timestamptz NULL,
    expires_at        timestamptz NULL,
    reminded_at       timestamptz NULL,
    decline_reason    text NULL CHECK (decline_reason IN ('geen_interesse', 'reistijd', 'uren', 'ander_werk', 'gezondheid', 'anders')),
    decline_note      text NOT NULL DEFAULT '' CHECK (length(decline_note) <= 500),
    intake_at         timestamptz NULL,
    intake_mode       text NULL CHECK (intake_mode IN ('op_locatie', 'online', 'telefonisch')),
    intake_place      text NOT NULL DEFAULT '' CHECK (length(intake_place) <= 200),
    outcome_note      text NOT NULL DEFAULT '' CHECK (length(outcome_note) <= 1000),
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (opening_id, region_id) REFERENCES openings (id, region_id),
    FOREIGN KEY (organisation_id, region_id) REFERENCES organisations (id, region_id),
    CHECK (state IN ('awaiting_approval', 'withdrawn') OR sent_at IS NOT NULL)
);
-- One invite per candidate and opening, unless it expired or was withdrawn:
-- a kandidaat who said no is not asked again for the same place.
CREATE UNIQUE INDEX invites_once_idx ON invites (opening_id, candidate_id) WHERE state NOT IN ('expired', 'withdrawn');
CREATE INDEX invites_opening_idx ON invites (opening_id, state);
CREATE INDEX invites_candidate_idx ON invites (candidate_id, created_at DESC);
CREATE INDEX invites_org_day_idx ON invites (organisation_id, created_at);
CREATE INDEX invites_due_idx ON invites (expires_at) WHERE state IN ('invited', 'viewed');

-- The mailed links of an invite (the first mail and the reminder): SHA-256
-- of each secret, which is only in the mail. A decision through any of them
-- uses them all: a link decides once.
CREATE TABLE invite_tokens (
    hash        bytea PRIMARY KEY,
    invite_id   uuid NOT NULL REFERENCES invites (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz NULL
);
CREATE INDEX invite_tokens_invite_idx ON invite_tokens (invite_id);

-- Every transition: who (user and role, or the system timer), when, from, to, why.
CREATE TABLE invite_events (
    id             bigserial PRIMARY KEY,
    invite_id      uuid NOT NULL REFERENCES invites (id) ON DELETE CASCADE,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor_user_id  uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    actor          text NOT NULL CHECK (actor IN ('organisation', 'accountmanager', 'kandidaat', 'klantmanager', 'admin', 'system')),
    from_state     text NULL,
    to_state       text NOT NULL,
    reason         text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000)
);
CREATE INDEX invite_events_invite_idx ON invite_events (invite_id, id);

-- +goose StatementBegin
CREATE FUNCTION invite_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Erasing a candidate cascades through invites: that delete is allowed.
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM invites WHERE id = OLD.invite_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'invite_events is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- +goose StatementEnd
CREATE TRIGGER invite_events_no_change BEFORE UPDATE OR DELETE ON invite_events
    FOR EACH ROW EXECUTE FUNCTION invite_events_append_only();

-- What a kandidaat agreed to share with one organisation for one opening by
-- accepting; withdrawn_at ends the organisation's access.
CREATE TABLE disclosures (
    invite_id        uuid PRIMARY KEY REFERENCES invites (id) ON DELETE CASCADE,
    candidate_id     uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    opening_id       uuid NOT NULL REFERENCES openings (id),
    share_phone      boolean NOT NULL,
    granted_at       timestamptz NOT NULL DEFAULT now(),
    withdrawn_at     timestamptz NULL
);
CREATE INDEX disclosures_candidate_idx ON disclosures (candidate_id);

CREATE TABLE placements (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    invite_id            uuid NOT NULL UNIQUE REFERENCES invites (id) ON DELETE CASCADE,
    region_id            uuid NOT NULL REFERENCES regions (id),
    organisation_id      uuid NOT NULL REFERENCES organisations (id),
    opening_id           uuid NOT NULL REFERENCES openings (id),
    candidate_id         uuid NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
    start_date           date NOT NULL,
    contract_type        text NOT NULL CHECK (contract_type IN ('vast', 'tijdelijk', 'uitzend', 'oproep', 'leerwerk', 'proefplaatsing', 'geen')),
    hours                integer NOT NULL CHECK (hours BETWEEN 1 AND 60),
    hourly_wage_cents    bigint NOT NULL CHECK (hourly_wage_cents BETWEEN 0 AND 20000),
    trial_period_months  integer NOT NULL DEFAULT 0 CHECK (trial_period_months BETWEEN 0 AND 2),
    ended_on             date NULL,
    end_reason           text NULL CHECK (end_reason IN ('proeftijd', 'contract_afgelopen', 'ontslag_werkgever', 'ontslag_werknemer', 'ziekte', 'anders')),
    -- Still employed at the 26-week follow-up: duurzame uitstroom.
    durable              boolean NULL,
    created_by           uuid NOT NULL REFERENCES users (id),
    created_at           timestamptz NOT NULL DEFAULT now(),
    CHECK ((ended_on IS NULL) = (end_reason IS NULL))
);
CREATE INDEX placements_org_idx ON placements (organisation_id);

-- "Nog in dienst?" at 4, 13 and 26 weeks after the start.
CREATE TABLE follow_ups (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    placement_id     uuid NOT NULL REFERENCES placements (id) ON DELETE CASCADE,
    region_id        uuid NOT NULL REFERENCES regions (id),
    organisation_id  uuid NOT NULL REFERENCES organisations (id),
    week             integer NOT NULL CHECK (week IN (4, 13, 26)),
    due_on           date NOT NULL,
    notified_at      timestamptz NULL,
    reminded_at      timestamptz NULL,
    answered_at      timestamptz NULL,
    answered_by      uuid NULL REFERENCES users (id) ON DELETE SET NULL,
    still_employed   boolean NULL,
    -- A follow-up becomes moot when an earlier one records the end.
    cancelled_at     timestamptz NULL,
    UNIQUE (placement_id, week),
    CHECK ((answered_at IS NULL) = (still_employed IS NULL))
);
CREATE INDEX follow_ups_due_idx ON follow_ups (due_on) WHERE answered_at IS NULL AND cancelled_at IS NULL;

-- In-app notifications for every role, and which kinds a user also wants by mail.
CREATE TABLE notifications (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind        text NOT NULL,
    title_nl    text NOT NULL,
    title_en    text NOT NULL,
    link        text NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz NULL
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

CREATE TABLE notification_settings (
    user_id  uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind     text NOT NULL,
    mail     boolean NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- +goose Down
DROP TABLE notification_settings;
DROP TABLE notifications;
DROP TABLE follow_ups;
DROP TABLE placements;
DROP TABLE disclosures;
DROP TABLE invite_events;
DROP TABLE invite_tokens;
DROP FUNCTION invite_events_append_only();
DROP TABLE invites;
