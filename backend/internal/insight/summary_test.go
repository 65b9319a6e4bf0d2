package insight_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// recomputedInviteCounts and recomputedOutcomes are the summaries of
// migration 00028 computed afresh from the base tables.
const recomputedInviteCounts = `SELECT i.opening_id, c.klantmanager_id,
		count(*) FILTER (WHERE i.sent_at IS NOT NULL)::int,
		count(*) FILTER (WHERE i.state IN ('accepted', 'introduced', 'intake_planned', 'placed', 'not_placed'))::int,
		count(*) FILTER (WHERE i.state = 'declined')::int, count(*) FILTER (WHERE i.state = 'expired')::int,
		count(*) FILTER (WHERE i.intake_at IS NOT NULL)::int, min(i.sent_at)
	FROM invites i JOIN candidates c ON c.id = i.candidate_id GROUP BY 1, 2`

const storedInviteCounts = `SELECT opening_id, klantmanager_id, sent, accepted, declined, expired, intakes, first_sent_at FROM invite_counts`

const recomputedOutcomes = `SELECT p.id, p.invite_id, p.opening_id, p.candidate_id, p.start_date,
		(SELECT f.still_employed IS TRUE FROM follow_ups f WHERE f.placement_id = p.id AND f.week = 4
			AND (f.still_employed IS NOT NULL OR f.cancelled_at IS NOT NULL)),
		(SELECT f.still_employed IS TRUE FROM follow_ups f WHERE f.placement_id = p.id AND f.week = 13
			AND (f.still_employed IS NOT NULL OR f.cancelled_at IS NOT NULL)),
		(SELECT f.still_employed IS TRUE FROM follow_ups f WHERE f.placement_id = p.id AND f.week = 26
			AND (f.still_employed IS NOT NULL OR f.cancelled_at IS NOT NULL))
	FROM placements p`

const storedOutcomes = `SELECT placement_id, invite_id, opening_id, candidate_id, start_date, still4, still13, still26 FROM placement_outcomes`

// checkSummaries fails unless the stored summaries equal their
// recomputation, row for row.
func checkSummaries(t *testing.T, f *apptest.Fixture, after string) {
	t.Helper()
	differ := func(stored, recomputed string) int64 {
		return f.Count(`SELECT count(*) FROM ((` + stored + ` EXCEPT ALL ` + recomputed + `) UNION ALL (` + recomputed + ` EXCEPT ALL ` + stored + `)) d`)
	}
	if n := differ(storedInviteCounts, recomputedInviteCounts); n != 0 {
		t.Errorf("after %s: %d rows of invite_counts differ from a recomputation", after, n)
	}
	if n := differ(storedOutcomes, recomputedOutcomes); n != 0 {
		t.Errorf("after %s: %d rows of placement_outcomes differ from a recomputation", after, n)
	}
}

// The figures' summaries (invite_counts, placement_outcomes) equal a
// recomputation from the base tables after a generated history and after
// each kind of change: invites sent, decided, introduced, planned and
// placed through the API; a follow-up answered, cancelled, removed; a
// placement's start moved; a candidate moved to another klantmanager and
// erased; bookings and opening events (which touch no summary). The
// figures still equal SQL counts afterwards, for the region and for the
// klantmanager who gained the candidate.
func TestFiguresSummariesEqualRecomputation(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	checkSummaries(t, f, "the demo data")
	if _, err := seed.DemoServices(ctx, f.DB.Gorm, f.RegionA); err != nil {
		t.Fatal(err)
	}
	if _, err := seed.History(ctx, f.DB.Gorm, f.RegionA, seed.HistoryOptions{Openings: 20, InvitesPerOpening: 30, Seed: 3, Until: f.Clock()}); err != nil {
		t.Fatal(err)
	}
	checkSummaries(t, f, "a generated history")
	if n := f.Count(`SELECT count(*) FROM placement_outcomes WHERE still13 IS FALSE`); n == 0 {
		t.Fatal("the history has no placement that ended by 13 weeks")
	}
	// The backfill of migration 00028 (its two statements) on existing data.
	apptest.Must(t, f.DB.Gorm.Exec(`TRUNCATE invite_counts, placement_outcomes`).Error)
	apptest.Must(t, f.DB.Gorm.Exec(`SELECT invite_counts_refresh(ARRAY(SELECT DISTINCT opening_id FROM invites))`).Error)
	apptest.Must(t, f.DB.Gorm.Exec(`SELECT placement_outcomes_refresh(ARRAY(SELECT id FROM placements))`).Error)
	checkSummaries(t, f, "the backfill")
	if n := f.Count(`SELECT count(*) FROM invite_counts`); n == 0 {
		t.Fatal("the backfill summarised no invites")
	}

	// Through the API: invite three; one declines, one accepts, is
	// introduced, gets an intake and is placed.
	opening := f.NewOpening("Bakkerij De Korenschoof", "open")
	c1, mail1 := f.Inviteable("Sanne Visser")
	c2, mail2 := f.Inviteable("Joost Smit")
	c3, _ := f.Inviteable("Fleur de Wit") // stays invited until the bulk expiry below
	wg := f.Browser().SignIn(apptest.WerkgeverA)
	created := wg.Invite(opening, http.StatusCreated, c1, c2, c3)
	checkSummaries(t, f, "sending invites")
	byCandidate := map[string]string{}
	for _, in := range created.Items {
		byCandidate[in.CandidateID] = in.ID
	}
	anon := f.Browser()
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"accept","sharePhone":false}`, f.MailedToken(mail1)), http.StatusOK, nil)
	anon.Call("POST", "/api/v1/invite-links/decisions", fmt.Sprintf(`{"token":%q,"decision":"decline","reason":"reistijd"}`, f.MailedToken(mail2)), http.StatusOK, nil)
	checkSummaries(t, f, "a decision")
	if n := f.Count(`SELECT accepted + declined FROM invite_counts WHERE opening_id = ?`, opening); n != 2 {
		t.Fatalf("the opening's decisions in the summary: %d, want 2", n)
	}
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/state-changes", `{"state":"introduced","reason":"Gebeld."}`, http.StatusOK, nil)
	wg.Call("PUT", "/api/v1/invites/"+byCandidate[c1]+"/intake", fmt.Sprintf(`{"at":%q,"mode":"op_locatie","place":"Oudegracht 1, Utrecht"}`,
		f.Clock().Add(48*time.Hour).Format(time.RFC3339)), http.StatusOK, nil)
	checkSummaries(t, f, "an intake")
	wg.Call("POST", "/api/v1/invites/"+byCandidate[c1]+"/placement", fmt.Sprintf(`{"startDate":%q,"contractType":"tijdelijk","hours":24,"hourlyWageCents":1500,"trialPeriodMonths":1}`,
		f.Clock().Format(time.DateOnly)), http.StatusCreated, nil)
	checkSummaries(t, f, "a placement with its follow-ups")
	var placement string
	apptest.Must(t, f.DB.Gorm.Raw(`SELECT id::text FROM placements WHERE invite_id = ?`, byCandidate[c1]).Scan(&placement).Error)
	if n := f.Count(`SELECT count(*) FROM placement_outcomes WHERE placement_id = ? AND still4 IS NULL`, placement); n != 1 {
		t.Fatalf("the new placement's outcome: %d rows", n)
	}

	// Follow-ups answered (as package invite writes them), a later one
	// cancelled, one removed; the start moved.
	exec := func(what, sql string, args ...any) {
		t.Helper()
		apptest.Must(t, f.DB.Gorm.Exec(sql, args...).Error)
		checkSummaries(t, f, what)
	}
	exec("a follow-up answered yes", `UPDATE follow_ups SET answered_at = now(), still_employed = true WHERE placement_id = ? AND week = 4`, placement)
	exec("a follow-up answered no", `UPDATE follow_ups SET answered_at = now(), still_employed = false WHERE placement_id = ? AND week = 13`, placement)
	exec("a follow-up cancelled", `UPDATE follow_ups SET cancelled_at = now() WHERE placement_id = ? AND week = 26`, placement)
	if n := f.Count(`SELECT count(*) FROM placement_outcomes WHERE placement_id = ? AND still4 AND NOT still13 AND NOT still26`, placement); n != 1 {
		t.Fatal("the answers are not in the placement's outcome")
	}
	exec("a follow-up removed", `DELETE FROM follow_ups WHERE placement_id = ? AND week = 26`, placement)
	exec("a start moved", `UPDATE placements SET start_date = start_date - 200 WHERE id = ?`, placement)
	// Many invites and follow-ups of the history in one statement each.
	exec("a bulk expiry", `WITH x AS (UPDATE invites SET state = 'expired' WHERE state IN ('invited', 'viewed') RETURNING id)
		INSERT INTO invite_events (invite_id, actor, from_state, to_state, reason) SELECT id, 'system', 'invited', 'expired', 'bulk' FROM x`)
	if n := f.Count(`SELECT count(*) FROM invite_events WHERE reason = 'bulk'`); n == 0 {
		t.Fatal("the bulk expiry expired nothing")
	}
	exec("bulk answers", `UPDATE follow_ups SET answered_at = now(), still_employed = true WHERE answered_at IS NULL AND cancelled_at IS NULL AND due_on < now()`)

	// Bookings and opening events touch no summary.
	exec("a booking approved", `UPDATE bookings SET approved_at = coalesce(approved_at, now()) WHERE id = (SELECT id FROM bookings LIMIT 1)`)
	exec("an opening event", `INSERT INTO opening_events (opening_id, region_id, organisation_id, actor, kind, from_state, to_state)
		SELECT id, region_id, organisation_id, 'system', 'state_changed', 'open', 'paused' FROM openings WHERE id = ?`, opening)

	// The candidate moves to another klantmanager: their invites' counts
	// move with them, and that klantmanager's figures count them.
	other := f.User["km.bakker@demo.werkhaven.nl"]
	if other == "" {
		apptest.Must(t, f.DB.Gorm.Raw(`SELECT id::text FROM users WHERE region_id = ? AND role = 'klantmanager' AND id <> ? LIMIT 1`, f.RegionA, f.User[apptest.KmA]).Scan(&other).Error)
	}
	exec("a change of klantmanager", `UPDATE candidates SET klantmanager_id = ? WHERE id = ?`, other, c1)
	if n := f.Count(`SELECT count(*) FROM invite_counts WHERE opening_id = ? AND klantmanager_id = ?`, opening, other); n != 1 {
		t.Fatal("the moved candidate's invite is not counted for the new klantmanager")
	}
	admin := f.Browser().SignIn(apptest.AdminA)
	got := getFigures(t, admin, "")
	from, _ := time.Parse(time.DateOnly, got.From)
	to, _ := time.Parse(time.DateOnly, got.To)
	if want := sqlFunnel(t, f, from, to, "", ""); got.Funnel != want {
		t.Errorf("after the changes: funnel %+v, SQL %+v", got.Funnel, want)
	}
	km := f.Browser().SignIn(apptest.KmA)
	caseload := "AND i.candidate_id IN (SELECT id FROM candidates WHERE klantmanager_id = '" + f.User[apptest.KmA] + "')"
	if got, want := getFigures(t, km, ""), sqlFunnel(t, f, from, to, "", caseload); got.Funnel != want {
		t.Errorf("klantmanager after the changes: %+v, SQL %+v", got.Funnel, want)
	}

	// Erasing the candidate removes their invites and placement (cascade).
	exec("erasing a candidate", `DELETE FROM candidates WHERE id = ?`, c1)
	if n := f.Count(`SELECT count(*) FROM placement_outcomes WHERE placement_id = ?`, placement); n != 0 {
		t.Fatal("the erased candidate's placement outcome remains")
	}
	if got, want := getFigures(t, admin, ""), sqlFunnel(t, f, from, to, "", ""); got.Funnel != want {
		t.Errorf("after erasing a candidate: funnel %+v, SQL %+v", got.Funnel, want)
	}
}

// Under REPEATABLE READ a summary could be recomputed from a snapshot that
// misses a concurrent writer's commit: the triggers refuse instead.
func TestFiguresSummariesRefuseRepeatableRead(t *testing.T) {
	f := apptest.New(t)
	_, _, invite := f.InviteMyCandidate()
	tx := f.DB.Gorm.Begin()
	defer tx.Rollback()
	apptest.Must(t, tx.Exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ`).Error)
	if err := tx.Exec(`UPDATE invites SET state = 'withdrawn' WHERE id = ?`, invite).Error; err == nil {
		t.Fatal("an invite changed under REPEATABLE READ without an error")
	}
	tx.Rollback()
	checkSummaries(t, f, "a refused change")
}
