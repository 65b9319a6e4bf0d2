-- +goose Up
-- Summaries for the figures (package insight), owned by package invite and
-- kept by triggers in the SAME transaction as every change to the rows
-- they summarise, so they are never stale: a summary is recomputed from
-- its base rows, never adjusted by deltas. GET /figures read the invites'
-- counts and the follow-ups' answers from them instead of passing over
-- every invite and follow-up of the cohort (docs/benchmarks.md).
--
-- Concurrency: the recomputation of an opening's (or a placement's)
-- summary first takes a transaction-level advisory lock on it, then reads
-- the base rows in a new statement. Under READ COMMITTED (every writer of
-- Werkhaven) that statement sees whatever another writer of the same
-- opening committed while we waited, so the last recomputation sees all.
-- (The locks are per bucket of ids: unrelated writers may wait briefly.)
-- Under REPEATABLE READ or SERIALIZABLE the snapshot could predate such a
-- commit, so the functions refuse to run there (an error, never a stale
-- summary).

-- invite: per opening and klantmanager (the invited candidates' current
-- klantmanager), the counts of the funnel's invite stages and the first
-- sending time. One row per pair that has invites.
CREATE TABLE invite_counts (
    opening_id       uuid NOT NULL,
    klantmanager_id  uuid NOT NULL,
    sent             integer NOT NULL,
    accepted         integer NOT NULL,
    declined         integer NOT NULL,
    expired          integer NOT NULL,
    intakes          integer NOT NULL,
    first_sent_at    timestamptz NULL,
    PRIMARY KEY (opening_id, klantmanager_id)
);

-- invite: per placement, the answer of each follow-up (4, 13, 26 weeks):
-- true = still employed, false = no longer (or cancelled unanswered after
-- an earlier "no"), NULL = not answered yet or no such follow-up.
CREATE TABLE placement_outcomes (
    placement_id  uuid PRIMARY KEY,
    invite_id     uuid NOT NULL,
    opening_id    uuid NOT NULL,
    candidate_id  uuid NOT NULL,
    start_date    date NOT NULL,
    still4        boolean NULL,
    still13       boolean NULL,
    still26       boolean NULL
);
CREATE INDEX placement_outcomes_opening_idx ON placement_outcomes (opening_id);

-- invite: the hours from sending to the kandidaat's decision, computed by
-- PostgreSQL from the row itself (the figures' expression, as the float
-- their percentiles read: computing it per invite at query time was most
-- of the decision times' cost), and the index that reads the decided
-- invites of an opening from the index alone.
ALTER TABLE invites ADD COLUMN decision_hours double precision
    GENERATED ALWAYS AS ((extract(epoch FROM decided_at - sent_at) / 3600)::double precision) STORED;
CREATE INDEX invites_decided_idx ON invites (opening_id) INCLUDE (decision_hours, candidate_id)
    WHERE decision_hours IS NOT NULL;
CREATE OR REPLACE VIEW invite_facts AS
    SELECT id, region_id, opening_id, organisation_id, candidate_id, state, created_at, sent_at, intake_at, decided_at, decision_hours
    FROM invites;

-- +goose StatementBegin
CREATE FUNCTION figures_summary_lock(kind text, ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'the figures summaries are kept under READ COMMITTED only (now %)', current_setting('transaction_isolation')
            USING ERRCODE = 'feature_not_supported';
    END IF;
    -- One of 256 locks per summary (a bulk statement of thousands of rows
    -- would otherwise fill the lock table), taken in a fixed order so two
    -- writers never wait for each other in a circle.
    PERFORM pg_advisory_xact_lock(hashtext(kind), b)
    FROM (SELECT DISTINCT abs(hashtext(id::text) % 256) AS b FROM unnest(ids) id ORDER BY 1) s;
END;
$$;

-- The opening's invite counts, recomputed from its invites.
CREATE FUNCTION invite_counts_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM figures_summary_lock('invite_counts', ids);
    DELETE FROM invite_counts WHERE opening_id = ANY (ids);
    INSERT INTO invite_counts (opening_id, klantmanager_id, sent, accepted, declined, expired, intakes, first_sent_at)
    SELECT i.opening_id, c.klantmanager_id,
           count(*) FILTER (WHERE i.sent_at IS NOT NULL),
           count(*) FILTER (WHERE i.state IN ('accepted', 'introduced', 'intake_planned', 'placed', 'not_placed')),
           count(*) FILTER (WHERE i.state = 'declined'),
           count(*) FILTER (WHERE i.state = 'expired'),
           count(*) FILTER (WHERE i.intake_at IS NOT NULL),
           min(i.sent_at)
    FROM invites i JOIN candidates c ON c.id = i.candidate_id
    WHERE i.opening_id = ANY (ids)
    GROUP BY i.opening_id, c.klantmanager_id;
END;
$$;

-- The placements' outcomes, recomputed from the placement and its follow-ups.
CREATE FUNCTION placement_outcomes_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM figures_summary_lock('placement_outcomes', ids);
    DELETE FROM placement_outcomes WHERE placement_id = ANY (ids);
    INSERT INTO placement_outcomes (placement_id, invite_id, opening_id, candidate_id, start_date, still4, still13, still26)
    SELECT p.id, p.invite_id, p.opening_id, p.candidate_id, p.start_date,
           (SELECT CASE WHEN f.still_employed THEN true WHEN f.still_employed IS FALSE OR f.cancelled_at IS NOT NULL THEN false END
              FROM follow_ups f WHERE f.placement_id = p.id AND f.week = 4),
           (SELECT CASE WHEN f.still_employed THEN true WHEN f.still_employed IS FALSE OR f.cancelled_at IS NOT NULL THEN false END
              FROM follow_ups f WHERE f.placement_id = p.id AND f.week = 13),
           (SELECT CASE WHEN f.still_employed THEN true WHEN f.still_employed IS FALSE OR f.cancelled_at IS NOT NULL THEN false END
              FROM follow_ups f WHERE f.placement_id = p.id AND f.week = 26)
    FROM placements p
    WHERE p.id = ANY (ids);
END;
$$;

-- Statement-level triggers: one recomputation per statement for all the
-- openings (placements) it touched, from the transition tables.
-- TG_ARGV: the refresh function and the changed table's column naming the
-- summary's key.
CREATE FUNCTION figures_summary_on_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT ARRAY(SELECT DISTINCT %I FROM new_rows)', TG_ARGV[1]) INTO ids;
    ELSIF TG_OP = 'UPDATE' THEN
        EXECUTE format('SELECT ARRAY(SELECT %1$I FROM new_rows UNION SELECT %1$I FROM old_rows)', TG_ARGV[1]) INTO ids;
    ELSE
        EXECUTE format('SELECT ARRAY(SELECT DISTINCT %I FROM old_rows)', TG_ARGV[1]) INTO ids;
    END IF;
    EXECUTE format('SELECT %I($1)', TG_ARGV[0]) USING ids;
    RETURN NULL;
END;
$$;

-- A candidate moving to another klantmanager moves their invites' counts.
CREATE FUNCTION invite_counts_on_candidates() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM invite_counts_refresh(ARRAY(
        SELECT DISTINCT i.opening_id FROM invites i
        WHERE i.candidate_id IN (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.klantmanager_id IS DISTINCT FROM o.klantmanager_id)));
    RETURN NULL;
END;
$$;

-- +goose StatementEnd

CREATE TRIGGER invite_counts_insert AFTER INSERT ON invites REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('invite_counts_refresh', 'opening_id');
CREATE TRIGGER invite_counts_update AFTER UPDATE ON invites REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('invite_counts_refresh', 'opening_id');
CREATE TRIGGER invite_counts_delete AFTER DELETE ON invites REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('invite_counts_refresh', 'opening_id');
CREATE TRIGGER invite_counts_klantmanager AFTER UPDATE ON candidates REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION invite_counts_on_candidates();

CREATE TRIGGER placement_outcomes_insert AFTER INSERT ON placements REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('placement_outcomes_refresh', 'id');
CREATE TRIGGER placement_outcomes_update AFTER UPDATE ON placements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('placement_outcomes_refresh', 'id');
CREATE TRIGGER placement_outcomes_delete AFTER DELETE ON placements REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('placement_outcomes_refresh', 'id');
CREATE TRIGGER placement_outcomes_follow_ups_insert AFTER INSERT ON follow_ups REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('placement_outcomes_refresh', 'placement_id');
CREATE TRIGGER placement_outcomes_follow_ups_update AFTER UPDATE ON follow_ups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('placement_outcomes_refresh', 'placement_id');
CREATE TRIGGER placement_outcomes_follow_ups_delete AFTER DELETE ON follow_ups REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION figures_summary_on_change('placement_outcomes_refresh', 'placement_id');

-- Backfill from what is there.
SELECT invite_counts_refresh(ARRAY(SELECT DISTINCT opening_id FROM invites));
SELECT placement_outcomes_refresh(ARRAY(SELECT id FROM placements));

-- The figures' read-only views of the summaries.
CREATE VIEW invite_count_facts AS
    SELECT opening_id, klantmanager_id, sent, accepted, declined, expired, intakes, first_sent_at
    FROM invite_counts;
CREATE VIEW placement_outcome_facts AS
    SELECT placement_id, invite_id, opening_id, candidate_id, start_date, still4, still13, still26
    FROM placement_outcomes;

-- invite_decision_facts (00025) is read by nothing since the decision
-- time became invites.decided_at (00027).
DROP VIEW invite_decision_facts;
DROP INDEX invite_events_decision_idx;

-- +goose Down
CREATE VIEW invite_decision_facts AS
    SELECT invite_id, to_state AS decision, occurred_at AS decided_at
    FROM invite_events
    WHERE to_state IN ('accepted', 'declined');
CREATE INDEX invite_events_decision_idx ON invite_events (invite_id) INCLUDE (occurred_at) WHERE to_state IN ('accepted', 'declined');
DROP VIEW placement_outcome_facts;
DROP VIEW invite_count_facts;
DROP TRIGGER placement_outcomes_follow_ups_delete ON follow_ups;
DROP TRIGGER placement_outcomes_follow_ups_update ON follow_ups;
DROP TRIGGER placement_outcomes_follow_ups_insert ON follow_ups;
DROP TRIGGER placement_outcomes_delete ON placements;
DROP TRIGGER placement_outcomes_update ON placements;
DROP TRIGGER placement_outcomes_insert ON placements;
DROP TRIGGER invite_counts_klantmanager ON candidates;
DROP TRIGGER invite_counts_delete ON invites;
DROP TRIGGER invite_counts_update ON invites;
DROP TRIGGER invite_counts_insert ON invites;
DROP FUNCTION invite_counts_on_candidates();
DROP FUNCTION figures_summary_on_change();
DROP FUNCTION placement_outcomes_refresh(uuid[]);
DROP FUNCTION invite_counts_refresh(uuid[]);
DROP FUNCTION figures_summary_lock(text, uuid[]);
DROP INDEX invites_decided_idx;
DROP VIEW invite_facts;
CREATE VIEW invite_facts AS
    SELECT id, region_id, opening_id, organisation_id, candidate_id, state, created_at, sent_at, intake_at, decided_at
    FROM invites;
ALTER TABLE invites DROP COLUMN decision_hours;
DROP TABLE placement_outcomes;
DROP TABLE invite_counts;
