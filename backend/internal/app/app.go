// Package app is Werkhaven's composition root: New builds every service,
// every River worker and the HTTP API exactly once, from one Config. The
// command (serve, migrate, seed, reindex, openapi) and every test that needs
// a whole Werkhaven (apptest) use it, so tests run the application that
// production runs.
//
// Invariants:
//   - One instance per service: a worker and an HTTP operation of the same
//     domain share it (and its clock).
//   - Every job a service queues goes through one jobs.Client, created after
//     the workers that queue follow-up jobs (jobs.Deferred).
//   - Options replace only what tests must control (the clock, the database,
//     the search prefix, Stripe, the logger); nothing else differs between a
//     test and production.
package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/stripe/stripe-go/v76/client"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/insight"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
	"github.com/werkhaven/werkhaven/backend/internal/matching"
	"github.com/werkhaven/werkhaven/backend/internal/message"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/occupation"
	"github.com/werkhaven/werkhaven/backend/internal/opening"
	"github.com/werkhaven/werkhaven/backend/internal/platform/config"
	"github.com/werkhaven/werkhaven/backend/internal/platform/database"
	"github.com/werkhaven/werkhaven/backend/internal/platform/jobs"
	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
	"github.com/werkhaven/werkhaven/backend/internal/platform/search"
	"github.com/werkhaven/werkhaven/backend/internal/platform/stripeclient"
	"github.com/werkhaven/werkhaven/backend/internal/skill"
	"github.com/werkhaven/werkhaven/backend/internal/subsidy"
)

// Options are what a caller may supply instead of what Config describes.
// The zero value is production's: everything comes from Config.
type Options struct {
	// Logger; nil: JSON to stderr at Config.LogLevel.
	Logger *slog.Logger
	// DB; nil: opened from Config.DatabaseURL and closed by Close.
	DB *database.DB
	// Search; nil: Config's Meilisearch and index prefix.
	Search *search.Client
	// Stripe; nil: stripe-go pointed at Config.StripeAPIBase.
	Stripe *client.API
	// Now is every service's clock; nil: the wall clock.
	Now func() time.Time
	// Work makes the job client work jobs (serve all|workers, tests); without
	// it the client only inserts (serve web, CLI commands).
	Work bool
	// NoSchedule leaves out the periodic schedule (sweeps, reminders,
	// cleanup) while still registering every worker: tests run the same
	// workers and call the sweeps themselves on their own clock.
	NoSchedule bool
	// ViewsInterval is how often pool views are written (default 1 s).
	ViewsInterval time.Duration
}

// App is a whole Werkhaven: its dependencies, one instance of each domain
// service and the job client that works their jobs.
type App struct {
	Config config.Config
	Log    *slog.Logger
	DB     *database.DB
	Search *search.Client
	Skills *skill.Vocabulary
	Stripe *client.API
	Jobs   *jobs.Client
	// Sync drains the search outbox of every index kept in sync.
	Sync *search.SyncWorker

	Identity    *identity.Service
	Occupations *occupation.Service
	Openings    *opening.Service
	Candidates  *candidate.Service
	Pools       *matching.Service
	Views       *matching.Recorder
	Invites     *invite.Service
	Notices     *notification.Service
	Messages    *message.Service
	Bookings    *booking.Service
	Subsidies   *subsidy.Service
	Figures     *insight.Service

	deferred *jobs.Deferred
	ownsDB   bool
}

// NewLogger is the process logger: JSON at cfg.LogLevel.
func NewLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}

// New builds the application. ctx bounds the background work New starts
// (the pool-view recorder flushes when ctx ends); Close releases what New
// opened.
func New(ctx context.Context, cfg config.Config, opts Options) (*App, error) {
	a := &App{Config: cfg, Log: opts.Logger, DB: opts.DB, Search: opts.Search, Stripe: opts.Stripe}
	if a.Log == nil {
		a.Log = slog.Default()
	}
	if a.DB == nil {
		db, err := database.Open(ctx, cfg.DatabaseURL, database.Options{MaxConns: cfg.DatabaseMaxCon, Logger: a.Log})
		if err != nil {
			return nil, err
		}
		a.DB, a.ownsDB = db, true
	}
	if a.Search == nil {
		a.Search = search.New(search.Options{URL: cfg.MeiliURL, MasterKey: cfg.MeiliMasterKey, APIKey: cfg.MeiliAPIKey, Prefix: cfg.MeiliIndexPrefix,
			QueryTimeout: cfg.MeiliQueryTimeout})
	}
	if a.Stripe == nil {
		a.Stripe = stripeclient.New(cfg.StripeSecretKey, cfg.StripeAPIBase)
	}
	skills, err := skill.Load()
	if err != nil {
		a.Close()
		return nil, err
	}
	a.Skills = skills
	a.services(ctx, opts)
	if err := a.jobClient(opts); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

// services builds one instance of every domain service; their jobs go
// through q, whose client exists only once the workers (which need the
// services) are known.
func (a *App) services(ctx context.Context, opts Options) {
	g, secret, base, now := a.DB.Gorm, a.Config.SessionSecret, a.Config.BaseURL, opts.Now
	q := &jobs.Deferred{}
	outbox := mail.NewOutbox(q, secret)
	interval := opts.ViewsInterval
	if interval == 0 {
		interval = time.Second
	}
	a.Identity = &identity.Service{DB: g, Outbox: outbox, BaseURL: base, Now: now, DeclinedRetention: a.Config.RegistrationDeclinedRetention}
	a.Occupations = &occupation.Service{Search: a.Search, DB: g}
	a.Openings = &opening.Service{DB: g, Jobs: q, Skills: a.Skills, Organisations: a.Identity, Occupations: a.Occupations, Now: now}
	a.Candidates = &candidate.Service{DB: g, Jobs: q, Skills: a.Skills, Outbox: outbox, Occupations: a.Occupations,
		Accounts: a.Identity, Now: now}
	a.Views = matching.NewRecorder(ctx, g, a.Log, interval)
	a.Pools = &matching.Service{DB: g, Search: a.Search, Openings: a.Openings, Skills: a.Skills, Views: a.Views, Candidates: a.Candidates,
		Regions: a.Identity, Organisations: a.Identity, Relatedness: a.Occupations, Now: now}
	// Subsidies come before invites (whose wage rule asks them the minimum
	// wage); they get invites, notices and bookings once those exist.
	a.Subsidies = &subsidy.Service{DB: g, Candidates: a.Candidates, Openings: a.Openings, Organisations: a.Identity, Now: now}
	a.Figures = &insight.Service{DB: g, Now: now}
	a.Notices = &notification.Service{DB: g, Outbox: outbox, BaseURL: base, Now: now}
	a.Identity.Notices = a.Notices
	a.Invites = &invite.Service{DB: g, Outbox: outbox, Notify: a.Notices, Openings: a.Openings, Candidates: a.Candidates,
		Organisations: a.Identity, Regions: a.Identity, Pools: a.Pools, Wages: a.Subsidies, Now: now}
	a.Messages = &message.Service{DB: g, Notify: a.Notices, Organisations: a.Identity, Now: now}
	a.Candidates.Invites = a.Invites
	a.Subsidies.Invites = a.Invites
	a.Bookings = &booking.Service{DB: g, Jobs: q, Outbox: outbox, Notify: a.Notices, Organisations: a.Identity, Regions: a.Identity,
		Openings: a.Openings, Invites: a.Invites, Candidates: a.Candidates, Stripe: a.Stripe,
		WebhookSecret: a.Config.StripeWebhookSecret, BaseURL: base, DevCheckout: a.DevCheckout(), Now: now}
	a.Subsidies.Notify, a.Subsidies.Bookings = a.Notices, a.Bookings
	a.Candidates.Export = candidate.ExportSources{Invites: a.Invites, Pools: a.Pools, Bookings: a.Bookings, LKS: a.Subsidies, People: a.Identity,
		Notices: a.Notices}
	a.Sync = &search.SyncWorker{DB: g, Client: a.Search, Sources: a.syncers()}
	a.deferred = q
}

// DevCheckout: against stripe-mock (plain http, never in production) the
// browser pays on the test checkout page.
func (a *App) DevCheckout() bool {
	return !a.Config.IsProduction() && strings.HasPrefix(a.Config.StripeAPIBase, "http://")
}

// Sources are the search indexes and where their documents come from.
func (a *App) Sources() map[string]search.Source {
	g := a.DB.Gorm
	return map[string]search.Source{
		occupation.IndexName: occupation.Source{DB: g},
		opening.IndexName:    opening.Source{DB: g, Skills: a.Skills},
		candidate.IndexName:  candidate.Source{DB: g},
	}
}

func (a *App) syncers() map[string]search.Syncer {
	out := map[string]search.Syncer{}
	for name, src := range a.Sources() {
		if s, ok := src.(search.Syncer); ok {
			out[name] = s
		}
	}
	return out
}

// Indexes are the settings of every search index.
func (a *App) Indexes() []search.Index {
	sources := a.Sources()
	names := slices.Sorted(maps.Keys(sources))
	out := make([]search.Index, 0, len(names))
	for _, n := range names {
		out = append(out, sources[n].Index())
	}
	return out
}

// MailTemplates are every domain's mail templates, by name.
func MailTemplates(baseURL string) map[string]mail.Template {
	t := identity.MailTemplates(baseURL)
	maps.Copy(t, candidate.MailTemplates(baseURL))
	maps.Copy(t, invite.Templates(baseURL))
	maps.Copy(t, booking.Templates(baseURL))
	t[notification.MailTemplate] = notification.Template{BaseURL: baseURL}
	return t
}

// PeriodicJobs is the schedule of every domain's periodic jobs.
func PeriodicJobs() []*river.PeriodicJob {
	return slices.Concat(identity.PeriodicJobs(), search.PeriodicJobs(), candidate.PeriodicJobs(), invite.PeriodicJobs(), booking.PeriodicJobs(),
		subsidy.PeriodicJobs())
}

// workers is every River worker of the process, on the app's services.
// The mail worker's outbox only opens sealed mail, so it needs no job
// client of its own.
func (a *App) workers() (*river.Workers, error) {
	sender, err := mail.NewSender(a.Config.SMTPURL, a.Config.MailFrom)
	if err != nil {
		return nil, err
	}
	g := a.DB.Gorm
	w := river.NewWorkers()
	river.AddWorker(w, &search.ReindexWorker{Client: a.Search, Sources: a.Sources(), Sync: a.Sync})
	river.AddWorker(w, a.Sync)
	river.AddWorker(w, &search.SweepWorker{Sync: a.Sync})
	river.AddWorker(w, &identity.CleanupWorker{DB: g})
	river.AddWorker(w, &identity.RegistrationSweepWorker{Service: a.Identity})
	river.AddWorker(w, &mail.SendWorker{
		DB: g, Outbox: mail.NewOutbox(nil, a.Config.SessionSecret), Sender: sender,
		Recipients: recipients{a}, Registrants: identity.Registrants{Service: a.Identity}, Templates: MailTemplates(a.Config.BaseURL),
	})
	river.AddWorker(w, &candidate.RemindWorker{Service: a.Candidates})
	river.AddWorker(w, &booking.EventWorker{Service: a.Bookings})
	river.AddWorker(w, &booking.RefundWorker{Service: a.Bookings})
	river.AddWorker(w, &booking.IssueRefundWorker{Service: a.Bookings})
	river.AddWorker(w, &booking.SweepWorker{Service: a.Bookings})
	river.AddWorker(w, &invite.SweepWorker{Service: a.Invites})
	river.AddWorker(w, &subsidy.SweepWorker{Service: a.Subsidies})
	return w, nil
}

func (a *App) jobClient(opts Options) error {
	w, err := a.workers()
	if err != nil {
		return err
	}
	var periodic []*river.PeriodicJob
	if !opts.NoSchedule {
		periodic = PeriodicJobs()
	}
	c, err := jobs.New(a.DB, jobs.Options{Logger: a.Log, MaxWorkers: a.Config.JobWorkers, Workers: w, Work: opts.Work, PeriodicJobs: periodic})
	if err != nil {
		return err
	}
	a.Jobs = c
	a.deferred.C = c
	return nil
}

// Close releases what New opened (not what the caller passed in Options).
func (a *App) Close() {
	if a.ownsDB && a.DB != nil {
		a.DB.Close()
	}
}

// Migrate applies the schema and loads the reference data (occupations,
// queuing their index rebuild, and the skills vocabulary).
func (a *App) Migrate(ctx context.Context) error {
	if err := database.Migrate(ctx, a.DB, a.Log); err != nil {
		return err
	}
	n, err := occupation.Load(ctx, a.DB.Gorm, a.Jobs)
	if err != nil {
		return err
	}
	if n > 0 {
		a.Log.Info("loaded occupations; search index rebuild queued", "occupations", n)
	}
	if loaded, err := subsidy.LoadDefaults(ctx, a.DB.Gorm); err != nil {
		return err
	} else if loaded {
		a.Log.Info("stored the national subsidy parameters missing from the table")
	}
	if n, err = skill.Store(ctx, a.DB.Gorm, a.Skills); err != nil {
		return err
	}
	if n > 0 {
		a.Log.Info("loaded the skills vocabulary", "skills", n)
	}
	// An index whose documents changed shape is rebuilt: the job is queued
	// in the transaction that records the new version, so it happens once
	// even when replicas migrate together, and waits for Meilisearch.
	for _, p := range []struct{ index, version string }{{candidate.IndexName, candidate.ProjectionVersion}, {opening.IndexName, opening.ProjectionVersion}} {
		queued, err := database.LoadReference(ctx, a.DB.Gorm, p.index+"-projection", [][]byte{[]byte(p.version)}, 0, func(tx *gorm.DB) error {
			return a.Jobs.InsertTx(ctx, tx, search.ReindexArgs{Index: p.index}, nil)
		})
		if err != nil {
			return err
		}
		if queued {
			a.Log.Info("search index rebuild queued: its documents changed shape", "index", p.index, "version", p.version)
		}
	}
	return nil
}

// Source is the named index's source of documents.
func (a *App) Source(name string) (search.Source, error) {
	sources := a.Sources()
	src, ok := sources[name]
	if !ok {
		known := slices.Sorted(maps.Keys(sources))
		return nil, fmt.Errorf("unknown index %q (known: %s)", name, strings.Join(known, ", "))
	}
	return src, nil
}

// Rebuild reindexes src; sources synced through the outbox go through
// SyncWorker.Rebuild, so updates made meanwhile are not lost.
func (a *App) Rebuild(ctx context.Context, src search.Source, progress func(int)) (int, error) {
	if s, ok := src.(search.Syncer); ok {
		return a.Sync.Rebuild(ctx, s, progress)
	}
	return a.Search.ReindexWithProgress(ctx, src, progress)
}

// ProvisionSearch is `werkhaven migrate`'s Meilisearch step, with the master
// key: it creates the app's scoped key, deletes Meilisearch's default keys
// and, with the app key, puts every index and its settings in place. serve
// never runs it: it holds the app key alone.
func (a *App) ProvisionSearch(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	removed, err := a.Search.Provision(ctx, a.Indexes()...)
	if len(removed) > 0 {
		a.Log.Info("deleted Meilisearch's default keys: Werkhaven uses none of them", "keys", removed)
	}
	if err != nil {
		return fmt.Errorf("meilisearch: %w", err)
	}
	a.Log.Info("meilisearch app key and indexes in place; serve runs with it as MEILI_API_KEY (werkhaven meili-key prints it)",
		"prefix", a.Search.Prefix())
	return nil
}

// BootstrapSearch puts the index settings in place with the app key,
// retrying while Meilisearch is unreachable: the app serves meanwhile, and
// index jobs wait in River until it is back. It returns when ctx ends.
func (a *App) BootstrapSearch(ctx context.Context) {
	delay := time.Second
	for {
		bctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		err := a.Search.Bootstrap(bctx, a.Indexes()...)
		cancel()
		if err == nil {
			a.Log.Info("search indexes ready", "prefix", a.Search.Prefix())
			return
		}
		if search.IsKeyRefused(err) {
			a.Log.Warn("search bootstrap failed: Meilisearch refuses the app key; run `werkhaven migrate` with MEILI_MASTER_KEY "+
				"and set MEILI_API_KEY to what `werkhaven meili-key` prints; retrying", "error", err, "retry_in", delay)
		} else {
			a.Log.Warn("search bootstrap failed; retrying", "error", err, "retry_in", delay)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 30*time.Second)
	}
}

// recipients reads a mail's recipient at send time: the account from
// identity, and for a kandidaat the name, language and klantmanager from
// their candidate (the account's display name is only the public code).
type recipients struct{ a *App }

func (r recipients) Recipient(ctx context.Context, userID string) (mail.Recipient, error) {
	rc, err := r.a.Identity.Recipient(ctx, userID)
	if err != nil {
		return rc, err
	}
	k, kmID, ok, err := r.a.Candidates.MailRecipient(ctx, userID)
	if err != nil || !ok {
		return rc, err
	}
	k.Email = rc.Email
	if km, err := r.a.Identity.Recipient(ctx, kmID); err == nil {
		k.Contact = mail.Contact{Name: km.DisplayName, Email: km.Email}
	}
	return k, nil
}
