package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gorm.io/gorm"
)

// HistoryOptions sizes a generated history.
type HistoryOptions struct {
	Openings          int
	InvitesPerOpening int
	// Seed makes the history reproducible: the same seed, region and
	// Until give the same rows (and ids).
	Seed uint64
	// Until is the end of the history: openings are published in the 365
	// days before it and nothing happens after it.
	Until time.Time
}

// HistoryResult counts what History wrote.
type HistoryResult struct {
	Openings, Invites, Placements, FollowUps, Bookings, ThankYous int
	// Existing is true when the history was there already (nothing written).
	Existing bool
}

// DemoHistoryOptions is the year of history `werkhaven seed --demo-history`
// adds to the demo region.
func DemoHistoryOptions(until time.Time) HistoryOptions {
	return HistoryOptions{Openings: 60, InvitesPerOpening: 12, Seed: 2026, Until: until}
}

// historyOccupations are the occupations of generated openings.
var historyOccupations = []string{"bakker", "orderpicker", "magazijnmedewerker", "keukenhulp", "hovenier"}

// History writes a plausible past into a region: openings published over
// the year before opts.Until with their event log, pool views, invites
// with decisions (accept, decline, expire at realistic rates) and their
// event log, intakes, placements, follow-ups at 4, 13 and 26 weeks
// (answered or not), and bookings of jobcoaching and workplace
// adaptations for placements. The invited candidates are pseudonymous
// history candidates without consent (so no pool shows them) of the
// region's klantmanagers. It writes in one transaction and is idempotent:
// when the first generated opening exists, it writes nothing.
func History(ctx context.Context, db *gorm.DB, regionID string, opts HistoryOptions) (HistoryResult, error) {
	var res HistoryResult
	if opts.Openings <= 0 || opts.InvitesPerOpening < 0 {
		return res, fmt.Errorf("history: openings must be positive")
	}
	rng := rand.New(rand.NewPCG(opts.Seed, hash(regionID)))
	uuid := func() string {
		var b [16]byte
		for i := range b {
			b[i] = byte(rng.UintN(256))
		}
		b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
		return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
	}
	firstID := uuid()
	var n int64
	if err := db.WithContext(ctx).Raw(`SELECT count(*) FROM openings WHERE id = ?`, firstID).Scan(&n).Error; err != nil {
		return res, err
	}
	if n > 0 {
		return HistoryResult{Existing: true}, nil
	}
	g, err := loadHistoryRefs(ctx, db, regionID)
	if err != nil {
		return res, err
	}
	until := opts.Until.UTC()
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		cands, err := historyCandidates(ctx, tx, regionID, g.klantmanagers, max(opts.InvitesPerOpening*2, 50))
		if err != nil {
			return err
		}
		g.klantmanagerOf = map[string]string{}
		for i, c := range cands {
			g.klantmanagerOf[c] = g.klantmanagers[i%len(g.klantmanagers)]
		}
		w := &historyWriter{tx: tx.WithContext(ctx), batches: map[string]*batch{}}
		for o := 0; o < opts.Openings; o++ {
			id := firstID
			if o > 0 {
				id = uuid()
			}
			g.opening(w, rng, uuid, id, regionID, until, cands, opts.InvitesPerOpening, &res)
			if w.err != nil {
				return w.err
			}
		}
		return w.flush()
	})
	if err != nil {
		return HistoryResult{}, fmt.Errorf("history: %w", err)
	}
	res.Openings = opts.Openings
	return res, nil
}

func hash(s string) uint64 {
	var h uint64 = 14695981039346656037
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * 1099511628211
	}
	return h
}

type historyOrg struct {
	// User is one of the organisation's users ("" when it has none): who
	// thanks the klantmanager.
	ID, Kind, Postcode, Accountmanager, User string
}

type historyService struct {
	ID, Provider string
	PriceCents   int64
}

type historyRefs struct {
	orgs          []historyOrg
	occupations   []struct{ ID, Label string }
	klantmanagers []string
	staff         string
	services      map[string]historyService // by kind: jobcoaching, werkplekaanpassing
	// klantmanagerOf is each history candidate's klantmanager: the one a
	// placement is credited to.
	klantmanagerOf map[string]string
}

func loadHistoryRefs(ctx context.Context, db *gorm.DB, regionID string) (historyRefs, error) {
	var g historyRefs
	db = db.WithContext(ctx)
	if err := db.Raw(`SELECT o.id::text AS id, o.kind, o.postcode, coalesce(o.accountmanager_id::text, '') AS accountmanager,
		coalesce((SELECT min(u.id::text) FROM users u WHERE u.organisation_id = o.id), '') AS "user" FROM organisations o
		WHERE o.region_id = ? AND o.kind IN ('werkgever', 'zorgaanbieder') ORDER BY o.kvk_number, o.id`, regionID).Scan(&g.orgs).Error; err != nil {
		return g, err
	}
	if err := db.Raw(`SELECT id::text FROM users WHERE region_id = ? AND role = 'klantmanager' ORDER BY email`, regionID).Scan(&g.klantmanagers).Error; err != nil {
		return g, err
	}
	if err := db.Raw(`SELECT id::text FROM users WHERE region_id = ? AND role IN ('admin', 'accountmanager') ORDER BY role, email LIMIT 1`, regionID).Scan(&g.staff).Error; err != nil {
		return g, err
	}
	if err := db.Raw(`SELECT id, label FROM occupations WHERE label IN ? ORDER BY id`, historyOccupations).Scan(&g.occupations).Error; err != nil {
		return g, err
	}
	if len(g.orgs) == 0 || len(g.klantmanagers) == 0 || g.staff == "" || len(g.occupations) == 0 {
		return g, fmt.Errorf("history: region %s needs organisations, a klantmanager, staff and occupations (seed --demo first)", regionID)
	}
	for i := range g.orgs {
		if g.orgs[i].Accountmanager == "" {
			g.orgs[i].Accountmanager = g.staff
		}
	}
	var svcs []struct {
		ID, Kind, Provider string
		PriceCents         int64
	}
	if err := db.Raw(`SELECT DISTINCT ON (kind) id::text, kind, coalesce(provider_id::text, '') AS provider, price_cents FROM services
		WHERE region_id = ? AND kind IN ('jobcoaching', 'werkplekaanpassing') ORDER BY kind, created_at`, regionID).Scan(&svcs).Error; err != nil {
		return g, err
	}
	g.services = map[string]historyService{}
	for _, s := range svcs {
		g.services[s.Kind] = historyService{ID: s.ID, Provider: s.Provider, PriceCents: s.PriceCents}
	}
	return g, nil
}

// historyCandidates makes (once) n pseudonymous history candidates, codes
// K-Z0000 onwards, without consent, and returns their ids.
func historyCandidates(ctx context.Context, tx *gorm.DB, regionID string, klantmanagers []string, n int) ([]string, error) {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	code := func(i int) string {
		var b [4]byte
		for k := 3; k >= 0; k-- {
			b[k] = alphabet[i%33]
			i /= 33
		}
		return "K-Z" + string(b[:])
	}
	const cols = "region_id, public_code, klantmanager_id, status, consent"
	w := &historyWriter{tx: tx, order: []string{"candidates"},
		batches: map[string]*batch{"candidates": {cols: cols, width: 5, suffix: " ON CONFLICT (public_code) DO NOTHING"}}}
	for i := 0; i < n; i++ {
		w.add("candidates", cols, regionID, code(i), klantmanagers[i%len(klantmanagers)], "available", false)
	}
	if w.err != nil {
		return nil, w.err
	}
	if err := w.flush(); err != nil {
		return nil, err
	}
	var ids []string
	err := tx.Raw(`SELECT id::text FROM candidates WHERE region_id = ? AND public_code LIKE 'K-Z%' ORDER BY public_code LIMIT ?`, regionID, n).Scan(&ids).Error
	if err == nil && len(ids) < n {
		err = fmt.Errorf("history candidates: %d of %d (codes taken in another region?)", len(ids), n)
	}
	return ids, err
}

// opening writes one opening and everything that followed it.
func (g historyRefs) opening(w *historyWriter, rng *rand.Rand, uuid func() string, id, regionID string, until time.Time, cands []string, invites int, res *HistoryResult) {
	org := g.orgs[rng.IntN(len(g.orgs))]
	occ := g.occupations[rng.IntN(len(g.occupations))]
	published := until.Add(-time.Duration(1+rng.IntN(364*24)) * time.Hour)
	created := published.Add(-time.Duration(2+rng.IntN(10*24)) * time.Hour)
	kind, contract, wageMin, wageMax := "vacature", "tijdelijk", int64(230000), int64(260000)
	if org.Kind == "zorgaanbieder" {
		kind, contract, wageMin, wageMax = "participatieplek", "geen", 0, 0
	}
	places := 1 + rng.IntN(3)
	state, endedAt := "open", time.Time{}
	var filled any
	if age := until.Sub(published); age > 120*24*time.Hour {
		endedAt = published.Add(time.Duration(30*24+rng.IntN(80*24)) * time.Hour)
		switch r := rng.Float64(); {
		case r < 0.6:
			state, filled = "filled", rng.IntN(places+1)
		case r < 0.9:
			state = "closed"
		default:
			endedAt = time.Time{}
		}
	}
	updated := published
	if !endedAt.IsZero() {
		updated = endedAt
	}
	title := []string{"Medewerker", "Collega", "Hulp", "Leerling"}[rng.IntN(4)] + " " + occ.Label
	w.add("openings", `id, region_id, organisation_id, kind, state, title, description, occupation_id, postcode, pc4, place, lat, lon, max_travel_km,
		hours_min, hours_max, contract_type, wage_min_cents, wage_max_cents, places, filled_count, created_by, created_at, updated_at, published_at`,
		id, regionID, org.ID, kind, state, title, "Een plek uit de historie van de demoregio.", occ.ID, org.Postcode, org.Postcode[:4], "Utrecht",
		52.09, 5.12, 15, 16, 32, contract, wageMin, wageMax, places, filled, org.Accountmanager, created, updated, published)
	event := func(at time.Time, actor, kind string, from any, to string) {
		w.add("opening_events", "opening_id, region_id, organisation_id, occurred_at, actor_user_id, actor, kind, from_state, to_state",
			id, regionID, org.ID, at, nil, actor, kind, from, to)
	}
	event(created, "accountmanager", "created", nil, "draft")
	if rng.Float64() < 0.15 {
		event(published.Add(-time.Duration(1+rng.IntN(72))*time.Hour), "organisation", "review_requested", "draft", "draft")
	}
	event(published, "accountmanager", "state_changed", "draft", "open")
	if !endedAt.IsZero() {
		event(endedAt, "organisation", "state_changed", "open", state)
	}
	if rng.Float64() < 0.8 {
		for v := 0; v < 1+rng.IntN(5); v++ {
			w.add("pool_views", "region_id, opening_id, organisation_id, candidate_id, viewer_role, viewed_at",
				regionID, id, org.ID, cands[rng.IntN(len(cands))], "werkgever", published.Add(time.Duration(1+rng.IntN(48))*time.Hour))
		}
	}
	offset := rng.IntN(len(cands))
	for j := 0; j < invites; j++ {
		g.invite(w, rng, uuid, regionID, id, org, cands[(offset+j)%len(cands)], published, until, res)
	}
}

// invite writes one invite and its course: decision, introduction,
// intake, placement, follow-ups and bookings.
func (g historyRefs) invite(w *historyWriter, rng *rand.Rand, uuid func() string, regionID, openingID string, org historyOrg, cand string, published, until time.Time, res *HistoryResult) {
	id := uuid()
	res.Invites++
	sent := published.Add(time.Duration(1+rng.IntN(14*24)) * time.Hour)
	if sent.After(until) {
		sent = until.Add(-time.Hour)
	}
	expires := sent.Add(7 * 24 * time.Hour)
	decided := sent.Add(time.Duration(1+rng.IntN(120)) * time.Hour)
	type ev struct {
		at       time.Time
		actor    string
		from, to string
	}
	events := []ev{{sent, "organisation", "", "invited"}}
	state := "invited"
	var declineReason, intakeAt, intakeMode any
	move := func(at time.Time, actor, to string) {
		events = append(events, ev{at, actor, state, to})
		state = to
	}
	r := rng.Float64()
	switch {
	case decided.After(until) || (r >= 0.95 && expires.After(until)):
		if rng.IntN(2) == 0 {
			move(sent.Add(time.Hour), "kandidaat", "viewed")
		}
	case r < 0.45:
		move(decided, "kandidaat", "accepted")
	case r < 0.75:
		move(decided, "kandidaat", "declined")
		declineReason = []string{"geen_interesse", "reistijd", "uren", "ander_werk", "gezondheid", "anders"}[rng.IntN(6)]
	default:
		move(expires, "system", "expired")
	}
	var placement struct {
		start time.Time
		ok    bool
	}
	if state == "accepted" {
		step := decided
		next := func() time.Time { step = step.Add(time.Duration(24+rng.IntN(9*24)) * time.Hour); return step }
		switch r := rng.Float64(); {
		case r < 0.85:
			if at := next(); at.Before(until) {
				move(at, "organisation", "introduced")
				if rng.Float64() < 0.75 {
					if at := next(); at.Before(until) {
						move(at, "organisation", "intake_planned")
						intakeAt, intakeMode = at.Add(72*time.Hour), "op_locatie"
						if at := next().Add(72 * time.Hour); at.Before(until) {
							if rng.Float64() < 0.55 {
								move(at, "organisation", "placed")
								placement.start, placement.ok = at.Add(time.Duration(7+rng.IntN(21))*24*time.Hour).Truncate(24*time.Hour), true
							} else {
								move(at, "organisation", "not_placed")
							}
						}
					}
				}
			}
		default:
			if at := next(); at.Before(until) {
				move(at, "organisation", "not_placed")
			}
		}
	}
	var decidedAt any // the decision event's time, as package invite writes it
	for _, e := range events {
		if e.to == "accepted" || e.to == "declined" {
			decidedAt = e.at
		}
	}
	w.add("invites", `id, region_id, opening_id, organisation_id, candidate_id, state, message, invited_by, sent_at, expires_at, decline_reason,
		intake_at, intake_mode, decided_at, created_at, updated_at`,
		id, regionID, openingID, org.ID, cand, state, "Wij nodigen u graag uit om kennis te maken.", org.Accountmanager, sent, expires, declineReason,
		intakeAt, intakeMode, decidedAt, sent, events[len(events)-1].at)
	for _, e := range events {
		var from any
		if e.from != "" {
			from = e.from
		}
		w.add("invite_events", "invite_id, occurred_at, actor, from_state, to_state", id, e.at, e.actor, from, e.to)
	}
	if placement.ok {
		g.placement(w, rng, uuid, regionID, openingID, id, org, cand, placement.start, until, res)
	}
}

// placement writes a placement, its follow-ups and bookings.
func (g historyRefs) placement(w *historyWriter, rng *rand.Rand, uuid func() string, regionID, openingID, inviteID string, org historyOrg, cand string, start, until time.Time, res *HistoryResult) {
	id := uuid()
	res.Placements++
	type fu struct {
		week             int
		answered, cancel any
		still            any
	}
	var fus []fu
	var ended, endReason, durable any
	stopped := time.Time{}
	for _, week := range []int{4, 13, 26} {
		due := start.AddDate(0, 0, 7*week)
		f := fu{week: week}
		switch {
		case !stopped.IsZero():
			f.cancel = stopped
		case due.After(until):
		case rng.Float64() < 0.8:
			at := due.Add(time.Duration(rng.IntN(10*24)) * time.Hour)
			if at.After(until) {
				break
			}
			yes := rng.Float64() < []float64{0.85, 0.85, 0.9}[map[int]int{4: 0, 13: 1, 26: 2}[week]]
			f.answered, f.still = at, yes
			if !yes {
				stopped = at
				ended, endReason, durable = due.AddDate(0, 0, -rng.IntN(14)).Format(time.DateOnly), "anders", false
			} else if week == 26 {
				durable = true
			}
		}
		fus = append(fus, f)
	}
	km := g.klantmanagerOf[cand]
	w.add("placements", `id, invite_id, region_id, organisation_id, opening_id, candidate_id, start_date, contract_type, hours, hourly_wage_cents,
		trial_period_months, ended_on, end_reason, durable, created_by, created_at, klantmanager_id, accountmanager_id`,
		id, inviteID, regionID, org.ID, openingID, cand, start.Format(time.DateOnly), "tijdelijk", 24, 1500, 1, ended, endReason, durable,
		org.Accountmanager, start.AddDate(0, 0, -7), km, org.Accountmanager)
	for _, f := range fus {
		due := start.AddDate(0, 0, 7*f.week)
		var notified any
		if !due.After(until) {
			notified = due
		}
		w.add("follow_ups", "placement_id, region_id, organisation_id, week, due_on, notified_at, answered_at, still_employed, cancelled_at",
			id, regionID, org.ID, f.week, due.Format(time.DateOnly), notified, f.answered, f.still, f.cancel)
		res.FollowUps++
		// Some werkgevers thank the klantmanager once the placement holds at 13 weeks.
		if f.week == 13 && f.still == true && org.User != "" && km != "" && rng.Float64() < 0.3 {
			w.add("thank_yous", "placement_id, region_id, sender_kind, sender_id, organisation_id, recipient_role, recipient_id, message, created_at",
				id, regionID, "organisation", org.User, org.ID, "klantmanager", km, historyThanks[rng.IntN(len(historyThanks))], f.answered.(time.Time).Add(time.Hour))
			res.ThankYous++
		}
	}
	for kind, p := range map[string]float64{"jobcoaching": 0.35, "werkplekaanpassing": 0.15} {
		s, ok := g.services[kind]
		if !ok || rng.Float64() >= p {
			continue
		}
		requested := start.Add(-time.Duration(1+rng.IntN(10*24)) * time.Hour)
		approved := requested.Add(time.Duration(2+rng.IntN(70)) * time.Hour)
		if approved.After(until) {
			continue
		}
		bid := uuid()
		res.Bookings++
		qty := 1
		if kind == "jobcoaching" {
			qty = 10 + rng.IntN(30)
		}
		var provider any
		if s.Provider != "" {
			provider = s.Provider
		}
		w.add("bookings", `id, region_id, service_id, organisation_id, provider_id, opening_id, invite_id, placement_id, candidate_id, state, quantity,
			unit_price_cents, amount_cents, requested_by, approved_at, created_at, updated_at`,
			bid, regionID, s.ID, org.ID, provider, openingID, inviteID, id, cand, "approved", qty, s.PriceCents, s.PriceCents*int64(qty),
			org.Accountmanager, approved, requested, approved)
		for i, st := range []string{"awaiting_approval", "approved"} {
			at, actor, from := requested, "system", any("requested")
			if i == 1 {
				at, actor, from = approved, "accountmanager", "awaiting_approval"
			}
			w.add("booking_events", "booking_id, occurred_at, actor, from_state, to_state", bid, at, actor, from, st)
		}
	}
}

// historyThanks are the werkgevers' words of thanks in the history.
var historyThanks = []string{
	"Dank voor de goede match: onze nieuwe collega draait volledig mee.",
	"Fijn dat u zo snel iemand vond die bij ons past. Bedankt!",
	"Bedankt voor de begeleiding in de eerste weken; het gaat heel goed.",
}

// historyWriter batches multi-row INSERTs per table, in order of first use
// (so a row's references are written before it).
type historyWriter struct {
	tx      *gorm.DB
	order   []string
	batches map[string]*batch
	err     error
}

type batch struct {
	cols   string
	width  int
	rows   int
	args   []any
	suffix string
}

// add queues one row; a table's batch is written when it nears
// PostgreSQL's 65,535 parameters, after the batches of the tables before it.
func (w *historyWriter) add(table, cols string, vals ...any) {
	if w.err != nil {
		return
	}
	b, ok := w.batches[table]
	if !ok {
		b = &batch{cols: cols, width: len(vals)}
		w.batches[table] = b
		w.order = append(w.order, table)
	}
	b.args = append(b.args, vals...)
	b.rows++
	if len(b.args)+b.width > 60000 {
		w.err = w.flush()
	}
}

// flush writes every queued row, tables in order of first use.
func (w *historyWriter) flush() error {
	for _, t := range w.order {
		b := w.batches[t]
		if b.rows == 0 {
			continue
		}
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", b.width), ", ") + ")"
		sql := "INSERT INTO " + t + " (" + b.cols + ") VALUES " + strings.TrimSuffix(strings.Repeat(row+", ", b.rows), ", ") + b.suffix
		if err := w.tx.Exec(sql, b.args...).Error; err != nil {
			return fmt.Errorf("insert %s: %w", t, err)
		}
		b.args, b.rows = b.args[:0], 0
	}
	return nil
}
