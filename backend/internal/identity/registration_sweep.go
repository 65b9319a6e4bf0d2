package identity

import (
	"context"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
)

// Sign-ups' timers (SweepRegistrations, hourly): a confirmed sign-up
// untouched for RemindAfterWorkingDays working days reminds the region's
// accountmanagers once; unconfirmed sign-ups are deleted after
// UnconfirmedRetention, declined ones after Service.DeclinedRetention
// (REGISTRATION_DECLINED_RETENTION, default a year). Their mail goes with
// them (mail_outbox cascades).

// ReminderMail is the template of the reminder to accountmanagers.
const ReminderMail = "organisation_registration_reminder"

// Sign-ups' timers.
const (
	RemindAfterWorkingDays   = 5
	UnconfirmedRetention     = 7 * 24 * time.Hour
	DefaultDeclinedRetention = 365 * 24 * time.Hour
)

// workingDaysBefore is the moment n working days (Monday to Friday) before t.
func workingDaysBefore(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, -1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

// SweepResult counts what one sweep did.
type SweepResult struct {
	Reminded, DeletedUnconfirmed, DeletedDeclined int
}

// SweepRegistrations runs the sign-ups' timers at the service's now.
func (s *Service) SweepRegistrations(ctx context.Context) (SweepResult, error) {
	var res SweepResult
	now := s.now()
	keep := s.DeclinedRetention
	if keep <= 0 {
		keep = DefaultDeclinedRetention
	}
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var due []registrationRow
		if err := tx.Raw(`SELECT id, region_id, name FROM organisation_registrations
			WHERE status = ? AND reminded_at IS NULL AND confirmed_at <= ? ORDER BY confirmed_at FOR UPDATE SKIP LOCKED`,
			RegistrationConfirmed, workingDaysBefore(now, RemindAfterWorkingDays)).Scan(&due).Error; err != nil {
			return err
		}
		for _, r := range due {
			var ams []string
			if err := tx.Model(&userRow{}).Where("region_id = ? AND role = ? AND status = ?", r.RegionID, string(authz.Accountmanager), StatusActive).
				Pluck("id", &ams).Error; err != nil {
				return err
			}
			for _, am := range ams {
				if err := s.Outbox.Enqueue(ctx, tx, am, ReminderMail, reminderData{Organisation: r.Name}); err != nil {
					return err
				}
			}
			if err := tx.Model(&registrationRow{}).Where("id = ?", r.ID).Update("reminded_at", now).Error; err != nil {
				return err
			}
			if err := audit.Record(ctx, tx, audit.Event{RegionID: r.RegionID, Action: "organisation_registration.reminded", SubjectType: "organisation_registration",
				SubjectID: r.ID, Details: map[string]any{"accountmanagers": len(ams)}}); err != nil {
				return err
			}
		}
		res.Reminded = len(due)
		del := tx.Exec(`DELETE FROM organisation_registrations WHERE status = ? AND created_at < ?`, RegistrationUnconfirmed, now.Add(-UnconfirmedRetention))
		if del.Error != nil {
			return del.Error
		}
		res.DeletedUnconfirmed = int(del.RowsAffected)
		del = tx.Exec(`DELETE FROM organisation_registrations WHERE status = ? AND decided_at < ?`, RegistrationDeclined, now.Add(-keep))
		if del.Error != nil {
			return del.Error
		}
		res.DeletedDeclined = int(del.RowsAffected)
		if res.DeletedUnconfirmed+res.DeletedDeclined == 0 {
			return nil
		}
		return audit.Record(ctx, tx, audit.Event{Action: "organisation_registration.retention", Details: map[string]any{
			"unconfirmed": res.DeletedUnconfirmed, "declined": res.DeletedDeclined}})
	})
	return res, err
}

// RegistrationSweepArgs runs SweepRegistrations.
type RegistrationSweepArgs struct{}

// Kind is River's name for the job.
func (RegistrationSweepArgs) Kind() string { return "registration_sweep" }

// RegistrationSweepWorker works RegistrationSweepArgs.
type RegistrationSweepWorker struct {
	river.WorkerDefaults[RegistrationSweepArgs]
	Service *Service
}

// Work runs one sweep.
func (w *RegistrationSweepWorker) Work(ctx context.Context, _ *river.Job[RegistrationSweepArgs]) error {
	_, err := w.Service.SweepRegistrations(ctx)
	return err
}
