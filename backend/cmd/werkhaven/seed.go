package main

import (
	"context"
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
	res, err := seed.Demo(ctx, a.db.Gorm)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Demo region: %s (%s)\n", res.RegionName, res.RegionID)
	return nil
}
