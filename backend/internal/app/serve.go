package app

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
)

// ServeOptions say what a serve process runs. Whether it works jobs was
// decided when the App was built (Options.Work).
type ServeOptions struct {
	Web     bool   // serve HTTP
	Migrate bool   // apply migrations first (always outside production)
	Mode    string // for the log: all, web or workers
}

// Serve runs the process until ctx ends: migrations outside production,
// the search bootstrap, the job workers and (with Web) the HTTP server on
// LISTEN_ADDR. On ctx's end it drains HTTP first (no new work arrives),
// then lets running jobs finish, both within SHUTDOWN_TIMEOUT.
func (a *App) Serve(ctx context.Context, o ServeOptions) error {
	a.Log.Info("starting werkhaven", "mode", o.Mode, "config", a.Config)
	if o.Migrate || !a.Config.IsProduction() {
		if err := a.Migrate(ctx); err != nil {
			return err
		}
	}
	go a.BootstrapSearch(ctx)
	// Not ctx itself: River derives every job's context from the one it
	// starts with, so SIGTERM would cancel running jobs at once. They get
	// SHUTDOWN_TIMEOUT to finish (Jobs.Stop below), then are cancelled.
	if err := a.Jobs.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start workers: %w", err)
	}
	// Pool views are written in batches; they flush when ctx ends, before the pool closes.
	defer a.Views.Wait()

	serveErr := make(chan error, 1)
	var srv *httpapi.Server
	if o.Web {
		srv = a.Server()
		if inbox := a.DevInbox(srv); inbox != nil {
			defer inbox.Close()
		}
		srv.Finish()
		ln, err := net.Listen("tcp", a.Config.ListenAddr)
		if err != nil {
			return fmt.Errorf("listen on LISTEN_ADDR %s: %w", a.Config.ListenAddr, err)
		}
		a.Log.Info("listening", "addr", ln.Addr().String(), "url", a.Config.BaseURL)
		go func() { serveErr <- srv.App.Listener(ln) }()
	}

	select {
	case <-ctx.Done():
		a.Log.Info("shutting down: draining requests and running jobs", "timeout", a.Config.ShutdownTimeout)
	case err := <-serveErr:
		return fmt.Errorf("http server: %w", err)
	}
	// Drain HTTP first (no new work arrives), then let running jobs finish.
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.Config.ShutdownTimeout)
	defer cancel()
	var errs []error
	if srv != nil {
		errs = append(errs, srv.App.ShutdownWithContext(shutdownCtx))
	}
	errs = append(errs, a.Jobs.Stop(shutdownCtx))
	a.Log.Info("stopped")
	return errors.Join(errs...)
}
