package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/matching"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/httpapi"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

func serve(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	mode := fs.String("mode", "all", "what to run: all, web (HTTP only) or workers (background jobs only)")
	runMigrations := fs.Bool("migrate", false, "apply migrations before serving (always on when APP_ENV=development)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	web, work := *mode == "all" || *mode == "web", *mode == "all" || *mode == "workers"
	if !web && !work {
		return fmt.Errorf("-mode must be all, web or workers, not %q", *mode)
	}
	a, err := openApp(ctx, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	a.log.Info("starting werkhaven", "mode", *mode, "config", a.cfg)
	if *runMigrations || !a.cfg.IsProduction() {
		if err := a.migrate(ctx); err != nil {
			return err
		}
	}
	go bootstrapSearch(ctx, a)

	q, err := a.jobs(work)
	if err != nil {
		return err
	}
	if err := q.Start(ctx); err != nil {
		return fmt.Errorf("start workers: %w", err)
	}

	// Pool views are written in batches; they flush when ctx ends, before the pool closes.
	views := matching.NewRecorder(ctx, a.db.Gorm, a.log, time.Second)
	defer views.Wait()

	serveErr := make(chan error, 1)
	var srv *httpapi.Server
	if web {
		srv = httpapi.New(httpapi.Deps{
			Config: a.cfg,
			Logger: a.log,
			Checks: []httpapi.Check{
				{Name: "postgres", Check: a.db.Ping},
				{Name: "meilisearch", Check: a.search.Health},
			},
			Metrics: httpapi.NewMetrics(a.db.Pool, q),
		})
		routes(srv, services{occupations: &occupation.Service{Search: a.search}, identity: a.identity(q), skills: a.skills,
			openings: a.openings(q), candidates: a.candidates(q), db: a.db.Gorm, cfg: a.cfg,
			pools:   &matching.Service{DB: a.db.Gorm, Search: a.search, Openings: a.openings(q), Skills: a.skills, Views: views, Candidates: a.candidates(q)},
			invites: a.invites(q), notices: a.notices(q), bookings: a.bookings(q)})
		if inbox := a.devInbox(); inbox != nil {
			defer inbox.Close()
			srv.App.Get("/dev/mail", inbox.Page)
		}
		if devCheckout(a.cfg) {
			dc := booking.DevCheckout{Service: a.bookings(q)}
			srv.App.Get("/dev/betalen", dc.Page)
			srv.App.Post("/dev/betalen", dc.Complete)
		}
		srv.Finish()
		ln, err := net.Listen("tcp", a.cfg.ListenAddr)
		if err != nil {
			return fmt.Errorf("listen on LISTEN_ADDR %s: %w", a.cfg.ListenAddr, err)
		}
		a.log.Info("listening", "addr", ln.Addr().String(), "url", a.cfg.BaseURL)
		go func() { serveErr <- srv.App.Listener(ln) }()
	}

	select {
	case <-ctx.Done():
		a.log.Info("shutting down: draining requests and running jobs", "timeout", a.cfg.ShutdownTimeout)
	case err := <-serveErr:
		return fmt.Errorf("http server: %w", err)
	}
	// Drain HTTP first (no new work arrives), then let running jobs finish.
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), a.cfg.ShutdownTimeout)
	defer cancel()
	var errs []error
	if srv != nil {
		errs = append(errs, srv.App.ShutdownWithContext(shutdownCtx))
	}
	errs = append(errs, q.Stop(shutdownCtx))
	a.log.Info("stopped")
	return errors.Join(errs...)
}

// devInbox starts the development mail catcher on SMTP_URL when that is a
// loopback address nothing listens on yet; never in production.
func (a *app) devInbox() *mail.DevInbox {
	u, err := url.Parse(a.cfg.SMTPURL)
	if a.cfg.IsProduction() || err != nil || u.Scheme != "smtp" || (u.Hostname() != "127.0.0.1" && u.Hostname() != "localhost") {
		return nil
	}
	inbox, err := mail.StartDevInbox(u.Host)
	if err != nil {
		a.log.Info("development mail catcher not started: SMTP_URL already has a server", "smtp_url", u.Host)
		return nil
	}
	a.log.Info("development mail catcher: sent mail is shown at /dev/mail", "smtp", u.Host)
	return inbox
}

// bootstrapSearch puts the app key and index settings in place, retrying
// while Meilisearch is unreachable: the app serves meanwhile, and index
// jobs wait in River until it is back.
func bootstrapSearch(ctx context.Context, a *app) {
	delay := time.Second
	for {
		bctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		err := a.search.Bootstrap(bctx, a.indexes()...)
		cancel()
		if err == nil {
			a.log.Info("search indexes ready", "prefix", a.search.Prefix())
			return
		}
		a.log.Warn("search bootstrap failed; retrying", "error", err, "retry_in", delay)
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 30*time.Second)
	}
}

// healthcheck is for container health checks in images without curl.
func healthcheck(ctx context.Context) error {
	cfg, err := config.Load()
	if err != nil {
		return err
	}
	addr := cfg.ListenAddr
	if strings.HasPrefix(addr, ":") {
		addr = "127.0.0.1" + addr
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/healthz", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: /healthz answered %d", resp.StatusCode)
	}
	return nil
}
