package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"

	"github.com/werkhaven/werkhaven/backend/internal/app"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
)

// open loads the configuration and builds the application (see package app);
// work says whether this process works jobs.
func open(ctx context.Context, stderr io.Writer, work bool) (*app.App, error) {
	cfg, err := config.Load()
	if err != nil {
		return nil, err
	}
	return openWith(ctx, cfg, stderr, work)
}

func openWith(ctx context.Context, cfg config.Config, stderr io.Writer, work bool) (*app.App, error) {
	log := app.NewLogger(cfg, stderr)
	slog.SetDefault(log)
	return app.New(ctx, cfg, app.Options{Logger: log, Work: work})
}

// migrate applies the database migrations and, with the master key, puts
// the app's Meilisearch key and indexes in place (app.ProvisionSearch).
func migrate(ctx context.Context, stderr io.Writer) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	if err := cfg.CheckMasterKey("migrate"); err != nil {
		return err
	}
	a, err := openWith(ctx, cfg, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if err := a.Migrate(ctx); err != nil {
		return err
	}
	return a.ProvisionSearch(ctx)
}

// meiliKey prints the app's scoped Meilisearch key, which serve needs as
// MEILI_API_KEY. It is derived from the master key and the index prefix
// (search.AppKey) without contacting Meilisearch; `werkhaven migrate`
// creates the key with the same value.
func meiliKey(stdout io.Writer) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	if err := cfg.CheckMasterKey("meili-key"); err != nil {
		return err
	}
	_, err = fmt.Fprintln(stdout, search.AppKey(cfg.MeiliMasterKey, cfg.MeiliIndexPrefix))
	return err
}

func reindex(ctx context.Context, names []string, stdout, stderr io.Writer) error {
	a, err := open(ctx, stderr, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if len(names) == 0 {
		names = slices.Sorted(maps.Keys(a.Sources()))
	}
	for _, name := range names {
		src, err := a.Source(name)
		if err != nil {
			return err
		}
		report, finish := newProgress(ctx, stderr, name, src)
		n, err := a.Rebuild(ctx, src, report)
		finish()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "reindexed %s: %d documents\n", a.Search.UID(name), n)
	}
	return nil
}

// messageCatalogue writes the message catalogue as JSON, by id; `make
// generate` stores it in docs/api/messages.json for the front end and
// integrators.
func messageCatalogue(stdout io.Writer) error {
	b, err := json.MarshalIndent(msg.All(), "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s\n", b)
	return err
}

// openAPIDocument writes the OpenAPI 3.1 document as JSON.
func openAPIDocument(stdout io.Writer) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	b, err := app.OpenAPI(cfg)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "%s\n", b)
	return err
}
