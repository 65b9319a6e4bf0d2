package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// admin runs the administration subcommands:
//
//	werkhaven admin create-platform [-name NAME] EMAIL
//
// create-platform makes a platform administrator (a user of no region, who
// creates regions and invites their first admins) and prints the one-time
// link where they choose a password.
func admin(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "create-platform" {
		return errors.New("admin: unknown subcommand (use: werkhaven admin create-platform [-name NAME] EMAIL)")
	}
	fs := flag.NewFlagSet("admin create-platform", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "Platformbeheerder", "the administrator's display name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return errors.New("admin create-platform: give one e-mail address (use: werkhaven admin create-platform [-name NAME] EMAIL)")
	}
	a, err := open(ctx, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	link, err := a.Identity.CreatePlatformAdmin(ctx, fs.Arg(0), *name)
	if err != nil {
		return fmt.Errorf("admin create-platform: %w", err)
	}
	fmt.Fprintf(stdout, "Platform administrator %s created. They choose a password here (the link works once, for 7 days):\n\n  %s\n", fs.Arg(0), link)
	return nil
}
