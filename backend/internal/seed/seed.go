// Package seed fills a database with a demo region, so `make run` shows a
// working Werkhaven. Seeding is idempotent: running it twice changes nothing.
package seed

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// DemoRegion is the region `werkhaven seed` creates.
const (
	DemoRegionSlug = "demo"
	DemoRegionName = "Werkgeversservicepunt Demoregio"
)

// Result tells what the seed created or found.
type Result struct {
	RegionID   string
	RegionName string
}

// Demo creates the demo region if it is missing.
func Demo(ctx context.Context, db *gorm.DB) (Result, error) {
	var res Result
	err := db.WithContext(ctx).Raw(`
		INSERT INTO regions (slug, name) VALUES (?, ?)
		ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
		RETURNING id::text, name`, DemoRegionSlug, DemoRegionName).Row().Scan(&res.RegionID, &res.RegionName)
	if err != nil {
		return Result{}, fmt.Errorf("seed demo region: %w", err)
	}
	return res, nil
}
