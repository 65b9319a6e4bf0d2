package identity

import (
	"context"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/mail"
)

// CleanupArgs removes what identity no longer needs: dead sessions, old
// tokens, expired throttling counters, old read counts and sent mail.
type CleanupArgs struct{}

// Kind is River's name for the job.
func (CleanupArgs) Kind() string { return "identity_cleanup" }

// CleanupWorker runs CleanupArgs.
type CleanupWorker struct {
	river.WorkerDefaults[CleanupArgs]
	DB *gorm.DB
}

// Work deletes expired rows. Audit events are never deleted.
func (w *CleanupWorker) Work(ctx context.Context, _ *river.Job[CleanupArgs]) error {
	now := time.Now().UTC()
	return w.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		stmts := []struct {
			sql string
			arg time.Time
		}{
			{`DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?`, now},
			{`DELETE FROM auth_tokens WHERE expires_at < ?`, now.Add(-7 * 24 * time.Hour)},
			{`DELETE FROM sign_in_failures WHERE failed_at < ?`, now.Add(-ThrottleWindow)},
			{`DELETE FROM mail_requests WHERE requested_at < ?`, now.Add(-MailRequestWindow)},
			{`DELETE FROM read_counts WHERE window_start < ?`, now.Add(-time.Hour)},
		}
		for i, s := range stmts {
			args := []any{s.arg}
			if i == 0 {
				args = append(args, now.Add(-IdleTimeout))
			}
			if err := tx.Exec(s.sql, args...).Error; err != nil {
				return err
			}
		}
		return mail.DeleteSent(ctx, tx, now.Add(-30*24*time.Hour))
	})
}

// PeriodicJobs are identity's scheduled jobs.
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{
		river.NewPeriodicJob(river.PeriodicInterval(time.Hour), func() (river.JobArgs, *river.InsertOpts) {
			return CleanupArgs{}, nil
		}, &river.PeriodicJobOpts{RunOnStart: true}),
		river.NewPeriodicJob(river.PeriodicInterval(time.Hour), func() (river.JobArgs, *river.InsertOpts) {
			return RegistrationSweepArgs{}, nil
		}, &river.PeriodicJobOpts{RunOnStart: true}),
	}
}
