package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/werkhaven/werkhaven/backend/internal/seed"
)

func seedDemo(ctx context.Context, stdout, stderr io.Writer) error {
	a, err := openApp(ctx, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	if a.cfg.IsProduction() {
		return errors.New("seed creates demo accounts with a published password; it refuses to run when APP_ENV=production")
	}
	res, err := seed.Demo(ctx, a.db.Gorm)
	if err != nil {
		return err
	}
	q, err := a.jobs(false)
	if err != nil {
		return err
	}
	n, err := seed.DemoOpenings(ctx, a.db.Gorm, a.openings(q), res.RegionID)
	if err != nil {
		return err
	}
	if n > 0 {
		a.log.Info("created demo openings", "openings", n)
	}
	if n, err = seed.DemoCandidates(ctx, a.db.Gorm, a.candidates(q), res.RegionID); err != nil {
		return err
	}
	if n > 0 {
		a.log.Info("created demo candidates", "candidates", n)
	}
	if n, err = seed.DemoServices(ctx, a.db.Gorm, res.RegionID); err != nil {
		return err
	}
	if n > 0 {
		a.log.Info("created the demo services desk", "services", n)
	}
	placed, err := seed.DemoPlacement(ctx, a.db.Gorm, q, res.RegionID)
	if err != nil {
		return err
	}
	if placed {
		a.log.Info("created a demo placement (Zorghotel Het Anker)")
	}
	fmt.Fprintf(stdout, "Demo region: %s\n\nDemo logins (password for all: %s)\n", res.RegionName, seed.DemoPassword)
	for _, l := range res.Logins {
		extra := ""
		if l.Organisation != "" {
			extra = "  (" + l.Organisation + ")"
		}
		if l.Role == "kandidaat" {
			extra = "  (no password: signs in with a mailed link)"
		}
		fmt.Fprintf(stdout, "  %-15s %-45s%s\n", l.Role, l.Email, extra)
	}
	return nil
}
