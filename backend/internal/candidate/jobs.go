package candidate

import (
	"context"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
)

// RemindArgs runs the daily availability reminders.
type RemindArgs struct{}

// Kind is River's name for the job.
func (RemindArgs) Kind() string { return "candidate_remind" }

// RemindWorker mails a confirmation link to kandidaten whose profile turns
// stale within a week (and again every 14 days while unconfirmed).
type RemindWorker struct {
	river.WorkerDefaults[RemindArgs]
	Service *Service
}

// Work sends the reminders due now, at most 1000 per run.
func (w *RemindWorker) Work(ctx context.Context, _ *river.Job[RemindArgs]) error {
	_, err := w.Service.SendReminders(ctx, 1000)
	return err
}

// SendReminders mails the due reminders and returns how many.
func (s *Service) SendReminders(ctx context.Context, limit int) (int, error) {
	now := s.now()
	var rows []Row
	err := s.DB.WithContext(ctx).Where(`status <> ? AND user_id IS NOT NULL AND confirmed_at < ? AND (reminded_at IS NULL OR reminded_at < ?)`,
		string(Erased), now.Add(-(StaleAfter - RemindBefore)), now.Add(-14*24*time.Hour)).Order("confirmed_at").Limit(limit).Find(&rows).Error
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			if err := s.mailConfirmation(ctx, tx, r); err != nil {
				return err
			}
			return audit.Record(ctx, tx, audit.Event{RegionID: r.RegionID, Action: "candidate.reminder_sent", SubjectType: "candidate", SubjectID: r.ID})
		})
		if err != nil {
			return 0, err
		}
	}
	return len(rows), nil
}

// PeriodicJobs runs the reminders every day (and at start).
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(24*time.Hour), func() (river.JobArgs, *river.InsertOpts) {
		return RemindArgs{}, nil
	}, &river.PeriodicJobOpts{RunOnStart: true})}
}
