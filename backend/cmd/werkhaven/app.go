package main

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
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/booking"
	"github.com/werkhaven/werkhaven/backend/internal/candidate"
	"github.com/werkhaven/werkhaven/backend/internal/identity"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
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
)

// app holds the process's shared dependencies; each command opens what it
// needs and closes it.
type app struct {
	cfg    config.Config
	log    *slog.Logger
	db     *database.DB
	search *search.Client
	skills *skill.Vocabulary
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}

func openApp(ctx context.Context, stderr io.Writer) (*app, error) {
	cfg, err := config.Load()
	if err != nil {
		return nil, err
	}
	log := newLogger(cfg, stderr)
	slog.SetDefault(log)
	db, err := database.Open(ctx, cfg.DatabaseURL, database.Options{MaxConns: cfg.DatabaseMaxCon, Logger: log})
	if err != nil {
		return nil, err
	}
	sc := search.New(search.Options{URL: cfg.MeiliURL, MasterKey: cfg.MeiliMasterKey, Prefix: cfg.MeiliIndexPrefix})
	skills, err := skill.Load()
	if err != nil {
		db.Close()
		return nil, err
	}
	return &app{cfg: cfg, log: log, db: db, search: sc, skills: skills}, nil
}

func (a *app) close() { a.db.Close() }

// sources are the search indexes and where their documents come from.
func (a *app) sources() map[string]search.Source {
	return map[string]search.Source{
		occupation.IndexName: occupation.Source{DB: a.db.Gorm},
		opening.IndexName:    opening.Source{DB: a.db.Gorm, Skills: a.skills},
		candidate.IndexName:  candidate.Source{DB: a.db.Gorm, Skills: a.skills},
	}
}

// syncWorker drains the search outbox of every index kept in sync by it.
func (a *app) syncWorker() *search.SyncWorker {
	syncers := map[string]search.Syncer{}
	for name, src := range a.sources() {
		if s, ok := src.(search.Syncer); ok {
			syncers[name] = s
		}
	}
	return &search.SyncWorker{DB: a.db.Gorm, Client: a.search, Sources: syncers}
}

func (a *app) indexes() []search.Index {
	var out []search.Index
	for _, s := range a.sources() {
		out = append(out, s.Index())
	}
	return out
}

// identity is the identity service, queuing mail through q.
func (a *app) identity(q *jobs.Client) *identity.Service {
	return &identity.Service{DB: a.db.Gorm, Outbox: mail.NewOutbox(q, a.cfg.SessionSecret), BaseURL: a.cfg.BaseURL}
}

// openings is the openings service, queuing index updates through q.
func (a *app) openings(q *jobs.Client) *opening.Service {
	return &opening.Service{DB: a.db.Gorm, Jobs: q, Skills: a.skills}
}

// candidates is the candidates service, queuing index syncs and mail through q.
func (a *app) candidates(q *jobs.Client) *candidate.Service {
	return &candidate.Service{DB: a.db.Gorm, Jobs: q, Skills: a.skills, Outbox: mail.NewOutbox(q, a.cfg.SessionSecret)}
}

// notices is the notification service, queuing mail through q.
func (a *app) notices(q mail.Inserter) *notification.Service {
	return &notification.Service{DB: a.db.Gorm, Outbox: mail.NewOutbox(q, a.cfg.SessionSecret), BaseURL: a.cfg.BaseURL}
}

// invites is the invites service, queuing mail and index syncs through q.
func (a *app) invites(q *jobs.Client) *invite.Service {
	return newInvites(a.db.Gorm, q, a.cfg.SessionSecret, a.openings(q), a.candidates(q), a.notices(q), nil)
}

// newInvites wires the invites service (also for the tests' fixture).
func newInvites(db *gorm.DB, q mail.Inserter, secret string, openings *opening.Service, candidates *candidate.Service, notices *notification.Service, now func() time.Time) *invite.Service {
	return &invite.Service{DB: db, Outbox: mail.NewOutbox(q, secret), Notify: notices, Openings: openings, Candidates: candidates, Now: now}
}

// bookings is the services desk, queuing jobs through q.
func (a *app) bookings(q booking.Inserter) *booking.Service {
	return &booking.Service{DB: a.db.Gorm, Jobs: q, Notify: a.notices(q), Stripe: stripeclient.New(a.cfg.StripeSecretKey, a.cfg.StripeAPIBase),
		WebhookSecret: a.cfg.StripeWebhookSecret, BaseURL: a.cfg.BaseURL, DevCheckout: devCheckout(a.cfg)}
}

// devCheckout: against stripe-mock (plain http, never in production) the
// browser pays on the test checkout page.
func devCheckout(cfg config.Config) bool {
	return !cfg.IsProduction() && strings.HasPrefix(cfg.StripeAPIBase, "http://")
}

// mailTemplates are every domain's mail templates, by name.
func mailTemplates(baseURL string) map[string]mail.Template {
	t := identity.MailTemplates(baseURL)
	maps.Copy(t, candidate.MailTemplates(baseURL))
	maps.Copy(t, invite.Templates(baseURL))
	t[notification.MailTemplate] = notification.Template{BaseURL: baseURL}
	return t
}

// workers is every River worker of the process. The mail worker's outbox
// only opens sealed mail, so it needs no job client of its own.
func (a *app) workers(q *jobs.Deferred) (*river.Workers, error) {
	sender, err := mail.NewSender(a.cfg.SMTPURL, a.cfg.MailFrom)
	if err != nil {
		return nil, err
	}
	w := river.NewWorkers()
	sync := a.syncWorker()
	river.AddWorker(w, &search.ReindexWorker{Client: a.search, Sources: a.sources(), Sync: sync})
	river.AddWorker(w, sync)
	river.AddWorker(w, &search.SweepWorker{Sync: sync})
	river.AddWorker(w, &identity.CleanupWorker{DB: a.db.Gorm})
	river.AddWorker(w, &mail.SendWorker{
		DB: a.db.Gorm, Outbox: mail.NewOutbox(nil, a.cfg.SessionSecret), Sender: sender,
		Recipients: &identity.Service{DB: a.db.Gorm}, Templates: mailTemplates(a.cfg.BaseURL),
	})
	// The reminder worker queues mail through the client made from these workers.
	candidates := &candidate.Service{DB: a.db.Gorm, Skills: a.skills, Jobs: q, Outbox: mail.NewOutbox(q, a.cfg.SessionSecret)}
	river.AddWorker(w, &candidate.RemindWorker{Service: candidates})
	openings := &opening.Service{DB: a.db.Gorm, Jobs: q, Skills: a.skills}
	desk := a.bookings(q)
	river.AddWorker(w, &booking.EventWorker{Service: desk})
	river.AddWorker(w, &booking.RefundWorker{Service: desk})
	river.AddWorker(w, &booking.SweepWorker{Service: desk})
	river.AddWorker(w, &invite.SweepWorker{Service: newInvites(a.db.Gorm, q, a.cfg.SessionSecret, openings, candidates, a.notices(q), nil)})
	return w, nil
}

// jobs returns a job client; with work=true it also works jobs.
func (a *app) jobs(work bool) (*jobs.Client, error) {
	deferred := &jobs.Deferred{}
	w, err := a.workers(deferred)
	if err != nil {
		return nil, err
	}
	c, err := jobs.New(a.db, jobs.Options{Logger: a.log, MaxWorkers: a.cfg.JobWorkers, Workers: w, Work: work, PeriodicJobs: slices.Concat(identity.PeriodicJobs(), search.PeriodicJobs(), candidate.PeriodicJobs(), invite.PeriodicJobs(), booking.PeriodicJobs())})
	deferred.C = c
	return c, err
}

func (a *app) migrate(ctx context.Context) error {
	if err := database.Migrate(ctx, a.db, a.log); err != nil {
		return err
	}
	q, err := a.jobs(false)
	if err != nil {
		return err
	}
	n, err := occupation.Load(ctx, a.db.Gorm, q)
	if err != nil {
		return err
	}
	if n > 0 {
		a.log.Info("loaded occupations; search index rebuild queued", "occupations", n)
	}
	if n, err = skill.Store(ctx, a.db.Gorm, a.skills); err != nil {
		return err
	}
	if n > 0 {
		a.log.Info("loaded the skills vocabulary", "skills", n)
	}
	return nil
}

func migrate(ctx context.Context, stderr io.Writer) error {
	a, err := openApp(ctx, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	return a.migrate(ctx)
}

// rebuild reindexes src; sources synced through the outbox go through
// SyncWorker.Rebuild, so updates made meanwhile are not lost.
func (a *app) rebuild(ctx context.Context, src search.Source, progress func(int)) (int, error) {
	if s, ok := src.(search.Syncer); ok {
		return a.syncWorker().Rebuild(ctx, s, progress)
	}
	return a.search.ReindexWithProgress(ctx, src, progress)
}

func reindex(ctx context.Context, names []string, stdout, stderr io.Writer) error {
	a, err := openApp(ctx, stderr)
	if err != nil {
		return err
	}
	defer a.close()
	sources := a.sources()
	if len(names) == 0 {
		for name := range sources {
			names = append(names, name)
		}
	}
	for _, name := range names {
		src, ok := sources[name]
		if !ok {
			known := make([]string, 0, len(sources))
			for k := range sources {
				known = append(known, k)
			}
			return fmt.Errorf("unknown index %q (known: %s)", name, strings.Join(known, ", "))
		}
		report, finish := newProgress(ctx, stderr, name, src)
		n, err := a.rebuild(ctx, src, report)
		finish()
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "reindexed %s: %d documents\n", a.search.UID(name), n)
	}
	return nil
}
