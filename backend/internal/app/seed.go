package app

import (
	"context"
	"errors"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/seed"
)

// SeedDemo creates the demo region (idempotent): its organisations and a
// user per role, openings, candidates, the services desk and a placement.
// It refuses to run in production: the demo accounts share a published
// password.
func (a *App) SeedDemo(ctx context.Context) (seed.Result, error) {
	if a.Config.IsProduction() {
		return seed.Result{}, errors.New("seed creates demo accounts with a published password; it refuses to run when APP_ENV=production")
	}
	res, err := seed.Demo(ctx, a.DB.Gorm)
	if err != nil {
		return seed.Result{}, err
	}
	n, err := seed.DemoOpenings(ctx, a.DB.Gorm, a.Openings, res.RegionID)
	if err != nil {
		return seed.Result{}, err
	}
	if n > 0 {
		a.Log.Info("created demo openings", "openings", n)
	}
	if n, err = seed.DemoCandidates(ctx, a.DB.Gorm, a.Candidates, res.RegionID); err != nil {
		return seed.Result{}, err
	}
	if n > 0 {
		a.Log.Info("created demo candidates", "candidates", n)
	}
	if n, err = seed.DemoServices(ctx, a.DB.Gorm, res.RegionID); err != nil {
		return seed.Result{}, err
	}
	if n > 0 {
		a.Log.Info("created the demo services desk", "services", n)
	}
	placed, err := seed.DemoPlacement(ctx, a.DB.Gorm, a.Jobs, res.RegionID)
	if err != nil {
		return seed.Result{}, err
	}
	if placed {
		a.Log.Info("created a demo placement (Zorghotel Het Anker)")
	}
	return res, nil
}

// SeedDemoHistory adds (once) a year of history to the demo region, so the
// figures have something to show: openings, invites and their decisions,
// intakes, placements, follow-ups and bookings (seed.History). It needs the
// demo region (SeedDemo) and refuses to run in production.
func (a *App) SeedDemoHistory(ctx context.Context) (seed.HistoryResult, error) {
	if a.Config.IsProduction() {
		return seed.HistoryResult{}, errors.New("seed --demo-history writes made-up history; it refuses to run when APP_ENV=production")
	}
	var regionID string
	if err := a.DB.Gorm.WithContext(ctx).Raw(`SELECT id::text FROM regions WHERE slug = ?`, seed.DemoRegionSlug).Scan(&regionID).Error; err != nil {
		return seed.HistoryResult{}, err
	}
	if regionID == "" {
		return seed.HistoryResult{}, errors.New("no demo region: run `werkhaven seed --demo` first")
	}
	return seed.History(ctx, a.DB.Gorm, regionID, seed.DemoHistoryOptions(time.Now()))
}
