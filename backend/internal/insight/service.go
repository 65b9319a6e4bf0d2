package insight

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Service computes the figures.
type Service struct {
	DB  *gorm.DB
	Now func() time.Time
}

var amsterdam = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		panic(err)
	}
	return loc
}()

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Today is the date in Europe/Amsterdam (at UTC midnight).
func (s *Service) Today() time.Time {
	y, m, d := s.now().In(amsterdam).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// MaxPeriodYears is the longest period the figures cover.
const MaxPeriodYears = 3

// DefaultPeriod is the last 12 months up to today.
func (s *Service) DefaultPeriod() Period {
	to := s.Today()
	return Period{From: to.AddDate(-1, 0, 1), To: to}
}

// CheckPeriod refuses a period that ends before it starts or is longer
// than MaxPeriodYears.
func CheckPeriod(p Period) error {
	if p.To.Before(p.From) {
		return apperr.Invalid("to", "minimum", msg.M("insight.periodOrder"))
	}
	if p.To.After(p.From.AddDate(MaxPeriodYears, 0, 0)) {
		return apperr.Invalid("to", "maximum", msg.M("insight.periodTooLong", MaxPeriodYears))
	}
	return nil
}

// bounds are the period's instants: [from 00:00, to+1 00:00) in Amsterdam.
func (p Period) bounds() (time.Time, time.Time) {
	at := func(d time.Time) time.Time {
		return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, amsterdam).UTC()
	}
	return at(p.From), at(p.To.AddDate(0, 0, 1))
}

// scope is the cohort's SQL: the CTEs o (openings published in the
// period), io (their invites' counts and first sending time per opening,
// from the summary invite_count_facts) and p (their placements, with the
// follow-ups' answers per week from the summary placement_outcome_facts;
// a placement's opening is its invite's), narrowed to what p may see, and
// their arguments.
type scope struct {
	ctes     string
	args     map[string]any
	caseload string // the klantmanager's caseload condition on a candidate_id column ("" for others)
}

func (s *Service) scopeFor(ctx context.Context, p authz.Principal, f Filter) (scope, error) {
	from, to := f.bounds()
	args := map[string]any{"region": p.RegionID, "from": from, "to": to, "today": s.Today().Format(time.DateOnly)}
	var conds []string
	switch {
	case p.Role.IsOrganisationRole():
		if f.OrganisationID != "" && f.OrganisationID != p.OrganisationID {
			return scope{}, fmt.Errorf("figures of organisation %s: %w", f.OrganisationID, apperr.ErrNotFound)
		}
		args["org"] = p.OrganisationID
		conds = append(conds, "o.organisation_id = @org")
	case p.Has(authz.Admin, authz.Accountmanager, authz.Klantmanager):
		if f.OrganisationID != "" {
			var n int64
			if err := s.DB.WithContext(ctx).Table("organisation_directory").Where("id = ? AND region_id = ?", f.OrganisationID, p.RegionID).Count(&n).Error; err != nil {
				return scope{}, err
			}
			if n == 0 {
				return scope{}, fmt.Errorf("figures of organisation %s: %w", f.OrganisationID, apperr.ErrNotFound)
			}
			args["org"] = f.OrganisationID
			conds = append(conds, "o.organisation_id = @org")
		}
	default:
		return scope{}, apperr.ErrForbidden
	}
	if f.OccupationID != "" {
		args["occupation"] = f.OccupationID
		conds = append(conds, "o.occupation_id = @occupation")
	}
	sc := scope{args: args}
	countCond, placementCond := "", ""
	if p.Role == authz.Klantmanager {
		args["me"] = p.UserID
		sc.caseload = "IN (SELECT cc.id FROM candidate_codes cc WHERE cc.klantmanager_id = @me)"
		countCond = " AND c.klantmanager_id = @me"
		placementCond = "\n\t\tWHERE pl.candidate_id " + sc.caseload
	}
	where := ""
	for _, c := range conds {
		where += " AND " + c
	}
	// A placement's follow-up answers per week (placement_outcome_facts:
	// true still employed, false no longer, NULL unanswered), counted once
	// the week's point has passed.
	var ret strings.Builder
	for _, w := range []int{4, 13, 26} {
		due := fmt.Sprintf("pl.start_date + %d <= CAST(@today AS date)", 7*w)
		fmt.Fprintf(&ret, ",\n\t\t(%s) AS due%d, (%s AND pl.still%d IS TRUE) AS yes%d, (%s AND pl.still%d IS FALSE) AS no%d", due, w, due, w, w, due, w, w)
	}
	// io: the invites' counts per opening from the summary invite_count_facts
	// (one row per opening and klantmanager of the invited candidates, kept
	// by triggers in each change's transaction).
	sc.ctes = `WITH o AS MATERIALIZED (SELECT o.id, o.organisation_id, o.occupation_id, o.published_at FROM opening_facts o
		WHERE o.region_id = @region AND o.published_at >= @from AND o.published_at < @to` + where + `),
	io AS MATERIALIZED (SELECT c.opening_id, sum(c.sent) AS sent, sum(c.accepted) AS accepted, sum(c.declined) AS declined,
			sum(c.expired) AS expired, sum(c.intakes) AS intakes, min(c.first_sent_at) AS first_sent
		FROM invite_count_facts c WHERE c.opening_id IN (SELECT id FROM o)` + countCond + `
		GROUP BY c.opening_id),
	p AS MATERIALIZED (SELECT pl.placement_id AS id, pl.invite_id, pl.start_date, o.organisation_id, o.occupation_id` + ret.String() + `
		FROM placement_outcome_facts pl JOIN o ON o.id = pl.opening_id` + placementCond + `)
	`
	return sc, nil
}

// Figures computes the figures of f's period for p.
func (s *Service) Figures(ctx context.Context, p authz.Principal, f Filter) (Figures, error) {
	if err := CheckPeriod(f.Period); err != nil {
		return Figures{}, err
	}
	sc, err := s.scopeFor(ctx, p, f)
	if err != nil {
		return Figures{}, err
	}
	out := Figures{Period: f.Period}
	// One read-only snapshot. JIT is off: these queries run in
	// milliseconds, and the JIT compilation their estimated cost would
	// trigger takes longer than the query itself.
	err = s.DB.WithContext(ctx).Transaction(func(db *gorm.DB) error {
		if err := db.Exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY`).Error; err != nil {
			return err
		}
		// work_mem: the invites' and follow-ups' hashes and sorts (about 100,000
		// rows at most) stay in memory instead of spilling to temporary files.
		// force_custom_plan: the statement is prepared once per connection;
		// after five calls PostgreSQL may switch to a generic plan, which
		// cannot see the cohort's size. Without this setting the benchmark's
		// calls took 15 s and more after the first few, with it a few
		// hundred ms (docs/benchmarks.md); planning each call costs ~3 ms.
		for _, set := range []string{`SET LOCAL jit = off`, `SET LOCAL work_mem = '32MB'`, `SET LOCAL plan_cache_mode = force_custom_plan`} {
			if err := db.Exec(set).Error; err != nil {
				return err
			}
		}
		var raw struct{ Openings, Invites, Placements, Times, Services string }
		if err := db.Raw(figuresSQL(sc, f.Service), sc.args).Scan(&raw).Error; err != nil {
			return fmt.Errorf("figures: %w", err)
		}
		// Each part is counted per (occupation, organisation); the total
		// and the groups are their sums (every count is additive).
		funnels := map[groupKey]Funnel{{}: {}}
		for _, part := range []string{raw.Openings, raw.Invites, raw.Placements} {
			var rows []countRow
			if err := json.Unmarshal([]byte(part), &rows); err != nil {
				return fmt.Errorf("figures: %w", err)
			}
			for _, r := range rows {
				for _, k := range []groupKey{{}, {"occupation", r.Occ}, {"organisation", r.Org}} {
					f := funnels[k]
					f.add(r.funnel())
					funnels[k] = f
				}
			}
		}
		out.Funnel = funnels[groupKey{}]
		out.Rates = out.Funnel.Rates()
		if out.Times, err = toTimes(raw.Times); err != nil {
			return err
		}
		if out.PerService, err = toServices(raw.Services); err != nil {
			return err
		}
		out.PerOccupation, out.PerOrganisation, err = s.groups(db, funnels)
		return err
	})
	if err != nil {
		return Figures{}, err
	}
	return out, nil
}

// figuresSQL is the one query of the figures: the cohort's CTEs (o, i, p,
// each computed once), the times' and services' CTEs, and one JSON array
// per part; the funnel's parts are counted per occupation and
// organisation, one pass each.
func figuresSQL(sc scope, service string) string {
	views := "EXISTS (SELECT 1 FROM pool_view_facts v WHERE v.opening_id = x.id"
	if sc.caseload != "" {
		views += " AND v.candidate_id " + sc.caseload
	}
	views += ")"
	part := func(q string) string { return "(SELECT coalesce(json_agg(t), '[]') FROM (" + q + ") t)" }
	return sc.ctes + timesCTEs(sc) + servicesCTEs(sc, service) + `
	SELECT ` + part(`SELECT `+grouping+`, count(*) AS openings_published, count(*) FILTER (WHERE `+views+`) AS openings_with_pool_views
		FROM o x`+perGroup) + ` AS openings,
	` + part(`SELECT `+grouping+`, sum(io.sent) AS invites_sent, sum(io.accepted) AS invites_accepted,
			sum(io.declined) AS invites_declined, sum(io.expired) AS invites_expired, sum(io.intakes) AS intakes_planned
		FROM io JOIN o x ON x.id = io.opening_id`+perGroup) + ` AS invites,
	` + part(`SELECT `+grouping+`, count(*) AS placements,
			count(*) FILTER (WHERE x.due4) AS due4, count(*) FILTER (WHERE x.yes4) AS yes4, count(*) FILTER (WHERE x.no4) AS no4,
			count(*) FILTER (WHERE x.due13) AS due13, count(*) FILTER (WHERE x.yes13) AS yes13, count(*) FILTER (WHERE x.no13) AS no13,
			count(*) FILTER (WHERE x.due26) AS due26, count(*) FILTER (WHERE x.yes26) AS yes26, count(*) FILTER (WHERE x.no26) AS no26
		FROM p x`+perGroup) + ` AS placements,
	` + part(timesSelect) + ` AS times,
	` + part(servicesSelect) + ` AS services`
}

// groupKey names a funnel: the total (zero), an occupation or an organisation.
type groupKey struct{ kind, id string }

// countRow is the counts of one of the funnel's parts for one occupation
// and organisation.
type countRow struct {
	Occ                   string `json:"occ"`
	Org                   string `json:"org"`
	OpeningsPublished     int    `json:"openings_published"`
	OpeningsWithPoolViews int    `json:"openings_with_pool_views"`
	InvitesSent           int    `json:"invites_sent"`
	InvitesAccepted       int    `json:"invites_accepted"`
	InvitesDeclined       int    `json:"invites_declined"`
	InvitesExpired        int    `json:"invites_expired"`
	IntakesPlanned        int    `json:"intakes_planned"`
	Placements            int    `json:"placements"`
	Due4                  int    `json:"due4"`
	Yes4                  int    `json:"yes4"`
	No4                   int    `json:"no4"`
	Due13                 int    `json:"due13"`
	Yes13                 int    `json:"yes13"`
	No13                  int    `json:"no13"`
	Due26                 int    `json:"due26"`
	Yes26                 int    `json:"yes26"`
	No26                  int    `json:"no26"`
}

func retention(due, yes, no int) Retention {
	return Retention{Due: due, Yes: yes, No: no, Unanswered: due - yes - no}
}

func (r countRow) funnel() Funnel {
	return Funnel{OpeningsPublished: r.OpeningsPublished, OpeningsWithPoolViews: r.OpeningsWithPoolViews, InvitesSent: r.InvitesSent,
		InvitesAccepted: r.InvitesAccepted, InvitesDeclined: r.InvitesDeclined, InvitesExpired: r.InvitesExpired,
		IntakesPlanned: r.IntakesPlanned, Placements: r.Placements,
		StillEmployed4w: retention(r.Due4, r.Yes4, r.No4), StillEmployed13w: retention(r.Due13, r.Yes13, r.No13),
		StillEmployed26w: retention(r.Due26, r.Yes26, r.No26)}
}

const grouping = `x.occupation_id AS occ, x.organisation_id::text AS org`

const perGroup = ` GROUP BY x.occupation_id, x.organisation_id`

// groups turns the per-occupation and per-organisation funnels into
// labelled groups, the most openings first.
func (s *Service) groups(db *gorm.DB, funnels map[groupKey]Funnel) (occs, orgs []Group, err error) {
	var occIDs, orgIDs []string
	for k := range funnels {
		switch k.kind {
		case "occupation":
			occIDs = append(occIDs, k.id)
		case "organisation":
			orgIDs = append(orgIDs, k.id)
		}
	}
	labels := map[string]string{}
	var rows []struct{ ID, Label string }
	if len(occIDs) > 0 {
		if err := db.Raw(`SELECT id, label FROM occupation_labels WHERE id IN ?`, occIDs).Scan(&rows).Error; err != nil {
			return nil, nil, err
		}
	}
	for _, r := range rows {
		labels["occupation/"+r.ID] = r.Label
	}
	rows = nil
	if len(orgIDs) > 0 {
		if err := db.Raw(`SELECT id::text AS id, name AS label FROM organisation_directory WHERE id IN ?`, orgIDs).Scan(&rows).Error; err != nil {
			return nil, nil, err
		}
	}
	for _, r := range rows {
		labels["organisation/"+r.ID] = r.Label
	}
	for k, f := range funnels {
		if k.kind == "" {
			continue
		}
		g := Group{ID: k.id, Label: labels[k.kind+"/"+k.id], Funnel: f, Rates: f.Rates()}
		if k.kind == "occupation" {
			occs = append(occs, g)
		} else {
			orgs = append(orgs, g)
		}
	}
	order := func(a, b Group) int {
		return cmp.Or(cmp.Compare(b.Funnel.OpeningsPublished, a.Funnel.OpeningsPublished), cmp.Compare(a.Label, b.Label), cmp.Compare(a.ID, b.ID))
	}
	slices.SortFunc(occs, order)
	slices.SortFunc(orgs, order)
	return occs, orgs, nil
}

// timesCTEs are the hours of each step: publication → first invite,
// invite → the kandidaat's decision, review request → the next state
// change, booking request → approval (bookings for the cohort's openings,
// invites or placements; a klantmanager's only for their invites and
// placements). The decision and approval times are columns of the invite
// and the booking (written with their events), not event-log lookups; the
// decision's hours are the invite's generated column decision_hours.
func timesCTEs(sc scope) string {
	mine := "" // a klantmanager's: their caseload's
	if sc.caseload != "" {
		mine = " AND f.candidate_id " + sc.caseload
	}
	// A booking belongs to the opening of its invite (or its placement's
	// invite), or else to the opening it names. A placed invite's opening
	// and candidate are its placement's (placement_outcome_facts, a hash
	// join); any other invite is looked up by key (a join would hash every
	// invite). bo is materialized so that the planner cannot turn the
	// lookup into a join with every opening of the cohort: that plan made
	// 13 million lookups for a klantmanager; the LIMIT keeps the lookup a
	// lookup instead of a hash of every invite.
	opening := "coalesce(po.opening_id, inv.opening_id, b.opening_id)"
	if sc.caseload != "" {
		opening = "coalesce(CASE WHEN po.candidate_id " + sc.caseload + " THEN po.opening_id END, inv.opening_id)"
	}
	return `,
	fi AS (SELECT extract(epoch FROM io.first_sent - o.published_at) / 3600 AS h FROM o JOIN io ON io.opening_id = o.id
		WHERE io.first_sent IS NOT NULL),
	de AS (SELECT f.decision_hours AS h FROM invite_facts f
		WHERE f.opening_id IN (SELECT id FROM o) AND f.decision_hours IS NOT NULL` + mine + `),
	rv AS (SELECT extract(epoch FROM a.at - e.occurred_at) / 3600 AS h FROM opening_event_facts e JOIN o ON o.id = e.opening_id
		CROSS JOIN LATERAL (SELECT min(x.occurred_at) AS at FROM opening_event_facts x
			WHERE x.opening_id = e.opening_id AND x.kind = 'state_changed' AND x.occurred_at >= e.occurred_at) a
		WHERE e.kind = 'review_requested' AND a.at IS NOT NULL),
	bo AS MATERIALIZED (SELECT ` + opening + ` AS opening_id, extract(epoch FROM b.approved_at - b.requested_at) / 3600 AS h FROM booking_facts b
		LEFT JOIN placement_outcome_facts pl ON pl.placement_id = b.placement_id
		LEFT JOIN placement_outcome_facts po ON po.invite_id = coalesce(b.invite_id, pl.invite_id)
		LEFT JOIN LATERAL (SELECT f.opening_id FROM invite_facts f
			WHERE po.invite_id IS NULL AND f.id = coalesce(b.invite_id, pl.invite_id)` + mine + ` LIMIT 1) inv ON true
		WHERE b.region_id = @region AND b.approved_at IS NOT NULL),
	bk AS (SELECT bo.h FROM bo WHERE bo.opening_id IN (SELECT id FROM o))`
}

const timesSelect = `SELECT 1 AS ord, count(h) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY h) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY h) AS p90 FROM fi
	UNION ALL SELECT 2, count(h), percentile_cont(0.5) WITHIN GROUP (ORDER BY h), percentile_cont(0.9) WITHIN GROUP (ORDER BY h) FROM de
	UNION ALL SELECT 3, count(h), percentile_cont(0.5) WITHIN GROUP (ORDER BY h), percentile_cont(0.9) WITHIN GROUP (ORDER BY h) FROM rv
	UNION ALL SELECT 4, count(h), percentile_cont(0.5) WITHIN GROUP (ORDER BY h), percentile_cont(0.9) WITHIN GROUP (ORDER BY h) FROM bk
	ORDER BY 1`

func toTimes(raw string) ([]Duration, error) {
	var rows []struct {
		Ord    int      `json:"ord"`
		N      int      `json:"n"`
		Median *float64 `json:"median"`
		P90    *float64 `json:"p90"`
	}
	if err := json.Unmarshal([]byte(raw), &rows); err != nil {
		return nil, fmt.Errorf("figures times: %w", err)
	}
	names := []string{"", PublishToFirstInvite, InviteToDecision, ReviewRequestToAnswer, BookingRequestToApproval}
	out := make([]Duration, len(rows))
	for i, r := range rows {
		out[i] = Duration{Name: names[r.Ord], N: r.N, MedianHours: r.Median, P90Hours: r.P90}
	}
	return out, nil
}

// usedBooking leaves out bookings that did not go ahead.
const usedBooking = `b.region_id = @region AND b.state NOT IN ('rejected', 'cancelled', 'refunded', 'expired')`

// retained are a placement's retention columns that sb carries along (each
// depends on the placement alone, so the UNION's deduplication is the same).
const retained = `, p.due13, p.yes13, p.no13, p.due26, p.yes26, p.no26`

// servicesCTEs are, per service kind booked for a placement (or its
// invite), the placements that have it (sb), with their retention. A
// granted loonkostensubsidie (lks_facts, package subsidy) counts as the
// service "lks".
func servicesCTEs(sc scope, only string) string {
	kind, lks := "", ""
	if only != "" {
		sc.args["service"] = only
		kind = " AND b.service_kind = @service"
		lks = " AND l.service_kind = @service"
	}
	return `,
	sb AS (SELECT p.id AS placement_id, b.service_kind` + retained + ` FROM booking_facts b JOIN p ON b.placement_id = p.id WHERE ` + usedBooking + kind + `
		UNION SELECT p.id, b.service_kind` + retained + ` FROM booking_facts b JOIN p ON b.invite_id = p.invite_id WHERE ` + usedBooking + kind + `
		UNION SELECT p.id, l.service_kind` + retained + ` FROM lks_facts l JOIN p ON l.placement_id = p.id WHERE l.region_id = @region` + lks + `)`
}

// servicesSelect counts, per service kind, the placements with it, and
// all placements (service NULL); toServices derives those without it.
const servicesSelect = `SELECT sb.service_kind AS service, count(*) AS placements,
		count(*) FILTER (WHERE sb.due13) AS due13, count(*) FILTER (WHERE sb.yes13) AS yes13, count(*) FILTER (WHERE sb.no13) AS no13,
		count(*) FILTER (WHERE sb.due26) AS due26, count(*) FILTER (WHERE sb.yes26) AS yes26, count(*) FILTER (WHERE sb.no26) AS no26
	FROM sb GROUP BY 1
	UNION ALL SELECT NULL, count(*), count(*) FILTER (WHERE p.due13), count(*) FILTER (WHERE p.yes13), count(*) FILTER (WHERE p.no13),
		count(*) FILTER (WHERE p.due26), count(*) FILTER (WHERE p.yes26), count(*) FILTER (WHERE p.no26)
	FROM p WHERE EXISTS (SELECT 1 FROM sb)`

// toServices compares, per service kind, the placements with and without
// it (all placements minus those with it), ordered by kind.
func toServices(raw string) ([]ServiceGroup, error) {
	type row struct {
		Service    *string `json:"service"`
		Placements int     `json:"placements"`
		Due13      int     `json:"due13"`
		Yes13      int     `json:"yes13"`
		No13       int     `json:"no13"`
		Due26      int     `json:"due26"`
		Yes26      int     `json:"yes26"`
		No26       int     `json:"no26"`
	}
	var rows []row
	if err := json.Unmarshal([]byte(raw), &rows); err != nil {
		return nil, fmt.Errorf("figures per service: %w", err)
	}
	var all row
	var kinds []row
	for _, r := range rows {
		if r.Service == nil {
			all = r
		} else {
			kinds = append(kinds, r)
		}
	}
	slices.SortFunc(kinds, func(a, b row) int { return cmp.Compare(*a.Service, *b.Service) })
	group := func(kind string, with bool, r row) ServiceGroup {
		g := ServiceGroup{Service: kind, With: with, Placements: r.Placements,
			StillEmployed13w: retention(r.Due13, r.Yes13, r.No13), StillEmployed26w: retention(r.Due26, r.Yes26, r.No26)}
		g.Retention13w = retentionRate("stillEmployed13w", g.StillEmployed13w)
		g.Retention26w = retentionRate("stillEmployed26w", g.StillEmployed26w)
		return g
	}
	out := make([]ServiceGroup, 0, 2*len(kinds))
	for _, k := range kinds {
		without := row{Placements: all.Placements - k.Placements, Due13: all.Due13 - k.Due13, Yes13: all.Yes13 - k.Yes13, No13: all.No13 - k.No13,
			Due26: all.Due26 - k.Due26, Yes26: all.Yes26 - k.Yes26, No26: all.No26 - k.No26}
		out = append(out, group(*k.Service, true, k), group(*k.Service, false, without))
	}
	return out, nil
}
