package main

import (
	"context"
	"fmt"
	"io"

	"github.com/werkhaven/werkhaven/backend/internal/seed"
)

func seedDemo(ctx context.Context, stdout, stderr io.Writer) error {
	a, err := open(ctx, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.SeedDemo(ctx)
	if err != nil {
		return err
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
		if l.Role == "platform" {
			extra = "  (platform administrator, of no region: creates regions and invites their first admins)"
		}
		fmt.Fprintf(stdout, "  %-15s %-45s%s\n", l.Role, l.Email, extra)
	}
	return nil
}

func seedDemoHistory(ctx context.Context, stdout, stderr io.Writer) error {
	a, err := open(ctx, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.SeedDemoHistory(ctx)
	if err != nil {
		return err
	}
	if res.Existing {
		fmt.Fprintln(stdout, "Demo history: present already, nothing added.")
		return nil
	}
	fmt.Fprintf(stdout, "Demo history: %d openings, %d invites, %d placements, %d follow-ups, %d bookings, %d thank-yous over the past year.\n",
		res.Openings, res.Invites, res.Placements, res.FollowUps, res.Bookings, res.ThankYous)
	return nil
}
