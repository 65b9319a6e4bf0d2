package seed_test

import (
	"testing"

	"github.com/werkhaven/werkhaven/backend/internal/app/apptest"
	"github.com/werkhaven/werkhaven/backend/internal/seed"
	"github.com/werkhaven/werkhaven/backend/internal/testkit"
)

// TestRelevanceSetSeeds creates the set through the services, twice.
func TestRelevanceSetSeeds(t *testing.T) {
	f := apptest.New(t)
	ctx := testkit.Context(t)
	res, err := seed.RelevanceSet(ctx, f.DB.Gorm, f.Candidates, f.Openings, f.RegionA)
	if err != nil {
		t.Fatal(err)
	}
	again, err := seed.RelevanceSet(ctx, f.DB.Gorm, f.Candidates, f.Openings, f.RegionA)
	if err != nil {
		t.Fatal(err)
	}
	var open, cands int64
	f.DB.Gorm.Raw(`SELECT count(*) FROM openings WHERE region_id = ? AND state = 'open'`, f.RegionA).Scan(&open)
	f.DB.Gorm.Raw(`SELECT count(*) FROM candidates WHERE region_id = ?`, f.RegionA).Scan(&cands)
	if len(res.Openings) < 30 || len(again.Openings) != len(res.Openings) || res.Openings[0].ID != again.Openings[0].ID {
		t.Errorf("openings %d then %d", len(res.Openings), len(again.Openings))
	}
	t.Logf("%d open openings, %d candidates in the region", open, cands)
}
