package testkit

import (
	"crypto/rand"
	"fmt"
	mrand "math/rand/v2"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/geo"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
)

// Population is a benchmark region with its candidates.
type Population struct {
	RegionID, KlantmanagerID string
	Candidates               int
	// Seed is how long writing the candidates (with identities and outbox rows) took.
	Seed time.Duration
}

func uuid() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	b[6], b[8] = b[6]&0x0f|0x40, b[8]&0x3f|0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// publicCode is a unique public code for i (base 34 without I and O).
func publicCode(i int) string {
	const alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"
	b := []byte("K-00000")
	for p := 6; p >= 2; p-- {
		b[p] = alphabet[i%34]
		i /= 34
	}
	return string(b)
}

// SeedCandidates loads the occupations and writes n candidates with
// realistic, varied profiles (1–3 occupations, 3–8 skills, PC4 areas within
// 60 km of Utrecht, hours, rungs, languages; 90% with consent) into a new
// region with COPY, together with identities and search-outbox rows.
func SeedCandidates(tb testing.TB, db *database.DB, n int) Population {
	tb.Helper()
	ctx := Context(tb)
	g := db.Gorm
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	skills, err := skill.Load()
	must(err)
	workers := river.NewWorkers()
	river.AddWorker(workers, &search.ReindexWorker{})
	q, err := jobs.New(db, jobs.Options{Workers: workers, Logger: Logger()})
	must(err)
	_, err = occupation.Load(ctx, g, q)
	must(err)
	must(g.Exec(`DELETE FROM river_job`).Error)
	var pop Population
	must(g.Raw(`INSERT INTO regions (slug, name) VALUES ('bench', 'Bench') RETURNING id::text`).Row().Scan(&pop.RegionID))
	must(g.Raw(`INSERT INTO users (region_id, email, display_name, role) VALUES (?, 'km@bench.test', 'KM', 'klantmanager') RETURNING id::text`, pop.RegionID).Row().Scan(&pop.KlantmanagerID))
	var occIDs []string
	must(g.Raw(`SELECT id FROM occupations ORDER BY id`).Scan(&occIDs).Error)
	var places []geo.Place
	for _, pc4 := range geo.Within(52.09, 5.12, 60) {
		if p, err := geo.Lookup(pc4); err == nil {
			places = append(places, p)
		}
	}
	skillIDs := make([]string, len(skills.All))
	for i, s := range skills.All {
		skillIDs[i] = s.ID
	}
	rnd := mrand.New(mrand.NewPCG(1, 2))
	pick := func(from []string, min, max int) []string {
		k := min + rnd.IntN(max-min+1)
		out := make([]string, 0, k)
		seen := map[string]bool{}
		for len(out) < k {
			v := from[rnd.IntN(len(from))]
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
		return out
	}
	now := time.Now().UTC()
	rows := make([][]any, n)
	idents := make([][]any, n)
	outbox := make([][]any, n)
	for i := range rows {
		id := uuid()
		p := places[rnd.IntN(len(places))]
		hmin := 8 + rnd.IntN(25)
		// Last changed when last confirmed (up to 200 days ago, any time of
		// day): a rebuild's catch-up (changed since it began) finds none.
		confirmed := now.AddDate(0, 0, -rnd.IntN(200)).Add(-time.Duration(rnd.IntN(86400)) * time.Second)
		var available any // a third can start later, within four months
		if rnd.IntN(3) == 0 {
			available = now.AddDate(0, 0, 1+rnd.IntN(120))
		}
		rows[i] = []any{id, pop.RegionID, publicCode(i), pop.KlantmanagerID, pick(occIDs, 1, 3), pick(skillIDs, 3, 8), candidate.Education[rnd.IntN(len(candidate.Education))],
			`[{"code":"nl","level":"` + candidate.CEFR[rnd.IntN(len(candidate.CEFR))] + `"}]`, rnd.IntN(2) == 0, p.PC4, p.Lat, p.Lon,
			5 + rnd.IntN(30), hmin, hmin + rnd.IntN(12), 1 + rnd.IntN(6), pick(opening.Support, 0, 2), pick(opening.Days, 2, 5),
			rnd.IntN(10) > 0, now, confirmed, "available", available, confirmed, confirmed}
		idents[i] = []any{id, fmt.Sprintf("Kandidaat %d", i), fmt.Sprintf("k%d@bench.test", i), "06 12345678"}
		outbox[i] = []any{"candidates", id}
	}
	start := time.Now()
	err = pgx.BeginFunc(ctx, db.Pool, func(tx pgx.Tx) error {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"candidates"}, []string{"id", "region_id", "public_code", "klantmanager_id", "occupations", "skills",
			"education", "languages", "driving_licence", "pc4", "lat", "lon", "max_travel_km", "hours_min", "hours_max", "rung", "support_needs", "days",
			"consent", "consent_at", "confirmed_at", "status", "available_from", "created_at", "updated_at"}, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("copy candidates: %w", err)
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"candidate_identities"}, []string{"candidate_id", "name", "email", "phone"}, pgx.CopyFromRows(idents)); err != nil {
			return fmt.Errorf("copy identities: %w", err)
		}
		_, err := tx.CopyFrom(ctx, pgx.Identifier{"search_outbox"}, []string{"index_name", "doc_id"}, pgx.CopyFromRows(outbox))
		return err
	})
	pop.Seed = time.Since(start)
	must(err)
	pop.Candidates = n
	return pop
}
