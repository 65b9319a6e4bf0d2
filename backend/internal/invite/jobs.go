package invite

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
)

// SweepArgs runs the invites' timers: expiry, the kandidaat's reminder and
// the placement follow-ups. One periodic job rather than a job per invite,
// so a region's changed TTL applies to invites already out, and a lost job
// cannot leave an invite open for ever.
type SweepArgs struct{}

// Kind is River's name for the job.
func (SweepArgs) Kind() string { return "invite_sweep" }

// SweepWorker works SweepArgs.
type SweepWorker struct {
	river.WorkerDefaults[SweepArgs]
	Service *Service
}

// Work runs one sweep.
func (w *SweepWorker) Work(ctx context.Context, _ *river.Job[SweepArgs]) error {
	_, err := w.Service.Sweep(ctx)
	return err
}

// PeriodicJobs runs the sweep every minute (and at start).
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(time.Minute), func() (river.JobArgs, *river.InsertOpts) {
		return SweepArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true}}
	}, &river.PeriodicJobOpts{RunOnStart: true})}
}

// SweepResult counts what one sweep did.
type SweepResult struct {
	Expired, Reminded, FollowUpsDue, FollowUpsReminded int
}

const sweepBatch = 200

// Sweep expires invites past their date, reminds kandidaten who have not
// answered after the region's reminder delay, and raises the follow-up
// tasks that are due (with a reminder a week later). Each item commits on
// its own; rows another replica is sweeping are skipped.
func (s *Service) Sweep(ctx context.Context) (SweepResult, error) {
	var res SweepResult
	now := s.now()
	var err error
	if res.Expired, err = s.each(ctx, `SELECT id::text FROM invites WHERE state IN ('invited', 'viewed') AND expires_at <= ? ORDER BY expires_at LIMIT ?`,
		[]any{now, sweepBatch}, s.expire); err != nil {
		return res, err
	}
	if res.Reminded, err = s.each(ctx, `SELECT id::text FROM invites WHERE state IN ('invited', 'viewed') AND reminded_at IS NULL AND expires_at > ? AND sent_at <= ? ORDER BY sent_at LIMIT ?`,
		[]any{now, now.Add(-24 * time.Hour), sweepBatch}, s.remind); err != nil {
		return res, err
	}
	if res.FollowUpsDue, err = s.each(ctx, `SELECT id::text FROM follow_ups WHERE notified_at IS NULL AND answered_at IS NULL AND cancelled_at IS NULL AND due_on <= ? ORDER BY due_on LIMIT ?`,
		[]any{s.today(), sweepBatch}, func(ctx context.Context, tx *gorm.DB, id string) (bool, error) {
			return s.raiseFollowUp(ctx, tx, id, false)
		}); err != nil {
		return res, err
	}
	res.FollowUpsReminded, err = s.each(ctx, `SELECT id::text FROM follow_ups WHERE notified_at <= ? AND reminded_at IS NULL AND answered_at IS NULL AND cancelled_at IS NULL ORDER BY due_on LIMIT ?`,
		[]any{now.Add(-7 * 24 * time.Hour), sweepBatch}, func(ctx context.Context, tx *gorm.DB, id string) (bool, error) {
			return s.raiseFollowUp(ctx, tx, id, true)
		})
	return res, err
}

// each runs fn for every id the query finds, each in its own transaction,
// and counts the ones fn acted on. One id that fails does not hold up the
// others: its error is returned after the rest have run (and the sweep is
// retried), so a single bad invite never stops every reminder and expiry.
func (s *Service) each(ctx context.Context, query string, args []any, fn func(context.Context, *gorm.DB, string) (bool, error)) (int, error) {
	var ids []string
	if err := s.DB.WithContext(ctx).Raw(query, args...).Scan(&ids).Error; err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, id := range ids {
		if ctx.Err() != nil {
			return n, ctx.Err()
		}
		var did bool
		err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var err error
			did, err = fn(ctx, tx, id)
			return err
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", id, err))
			continue
		}
		if did {
			n++
		}
	}
	return n, errors.Join(errs...)
}

// erasedReason is what an invite's history says when its kandidaat was
// erased.
const erasedReason = "De kandidaat is uit Werkhaven verwijderd."

// CloseForErasure ends the invites of a kandidaat who is being erased, in
// the caller's transaction (candidate.Service.Erase): open ones are
// withdrawn, accepted ones that led to no placement yet become not placed,
// both by the system. Placements stay: they are what happened.
func (s *Service) CloseForErasure(ctx context.Context, tx *gorm.DB, candidateID string) error {
	var rows []viewRow
	if err := view(tx.WithContext(ctx)).Where("i.candidate_id = ? AND i.state IN ?", candidateID,
		[]string{string(AwaitingApproval), string(Invited), string(Viewed), string(Accepted), string(Introduced), string(IntakePlanned)}).
		Clauses(clause.Locking{Strength: "UPDATE", Table: clause.Table{Name: "i"}}).Find(&rows).Error; err != nil {
		return err
	}
	for i := range rows {
		to := Withdrawn
		if State(rows[i].State) != AwaitingApproval && State(rows[i].State) != Invited && State(rows[i].State) != Viewed {
			to = NotPlaced
		}
		if err := s.move(ctx, tx, &rows[i], to, System, "", erasedReason, nil); err != nil {
			return err
		}
	}
	return nil
}

// lockDue locks an invite for a timer, skipping one another replica holds.
func lockDue(ctx context.Context, tx *gorm.DB, id string) (viewRow, bool, error) {
	var locked []string
	if err := tx.WithContext(ctx).Table("invites").Select("id::text").Where("id = ?", id).
		Clauses(clause.Locking{Strength: "UPDATE", Options: "SKIP LOCKED"}).Scan(&locked).Error; err != nil || len(locked) == 0 {
		return viewRow{}, false, err
	}
	var v viewRow
	if err := view(tx.WithContext(ctx)).Where("i.id = ?", id).Take(&v).Error; err != nil {
		return viewRow{}, false, err
	}
	return v, true, nil
}

func (s *Service) expire(ctx context.Context, tx *gorm.DB, id string) (bool, error) {
	v, ok, err := lockDue(ctx, tx, id)
	if err != nil || !ok || (State(v.State) != Invited && State(v.State) != Viewed) || v.ExpiresAt == nil || v.ExpiresAt.After(s.now()) {
		return false, err
	}
	if err := s.move(ctx, tx, &v, Expired, System, "", "", nil); err != nil {
		return false, err
	}
	users, err := s.Organisations.OrganisationUsers(ctx, tx, v.OrganisationID)
	if err != nil {
		return false, err
	}
	n := notification.Notice{Kind: notification.InviteExpired, Link: "/uitnodigingen/" + v.ID,
		TitleNL: fmt.Sprintf("De uitnodiging van %s voor %s is verlopen zonder antwoord.", v.CandidateCode, v.OpeningTitle),
		TitleEN: fmt.Sprintf("The invite of %s for %s expired without an answer.", v.CandidateCode, v.OpeningTitle)}
	if err := s.Notify.Notify(ctx, tx, n, append(users, v.KlantmanagerID)...); err != nil {
		return false, err
	}
	return true, audit.Record(ctx, tx, audit.Event{RegionID: v.RegionID, ActorRole: string(System), Action: "invite.expired", SubjectType: "invite", SubjectID: v.ID})
}

func (s *Service) remind(ctx context.Context, tx *gorm.DB, id string) (bool, error) {
	v, ok, err := lockDue(ctx, tx, id)
	if err != nil || !ok || v.RemindedAt != nil || (State(v.State) != Invited && State(v.State) != Viewed) || v.SentAt == nil {
		return false, err
	}
	now := s.now()
	cfg := s.settings(ctx, tx, v.RegionID)
	if v.SentAt.Add(cfg.RemindAfter).After(now) || v.ExpiresAt == nil || !v.ExpiresAt.After(now) {
		return false, nil
	}
	user, err := s.Candidates.UserID(ctx, tx, v.CandidateID)
	if errors.Is(err, apperr.ErrNotFound) {
		// Erased before erasure closed invites: close it now.
		return false, s.move(ctx, tx, &v, Withdrawn, System, "", erasedReason, nil)
	}
	if err != nil || user == "" {
		return false, err
	}
	if err := tx.Model(&Row{}).Where("id = ?", v.ID).Update("reminded_at", now).Error; err != nil {
		return false, err
	}
	o, err := s.openingFor(ctx, tx, v)
	if err != nil {
		return false, err
	}
	if err := s.mailLink(ctx, tx, v.ID, user, ReminderMail, o, *v.ExpiresAt, now); err != nil {
		return false, err
	}
	return true, audit.Record(ctx, tx, audit.Event{RegionID: v.RegionID, ActorRole: string(System), Action: "invite.reminded", SubjectType: "invite", SubjectID: v.ID})
}

// raiseFollowUp asks the accountmanager and the organisation "nog in
// dienst?" (again, when remind).
func (s *Service) raiseFollowUp(ctx context.Context, tx *gorm.DB, id string, remind bool) (bool, error) {
	var locked []string
	if err := tx.Table("follow_ups").Select("id::text").Where("id = ? AND answered_at IS NULL AND cancelled_at IS NULL", id).
		Clauses(clause.Locking{Strength: "UPDATE", Options: "SKIP LOCKED"}).Scan(&locked).Error; err != nil || len(locked) == 0 {
		return false, err
	}
	var r followUpRow
	if err := followUpView(tx).Where("f.id = ?", id).Take(&r).Error; err != nil {
		return false, err
	}
	column := "notified_at"
	titleNL, titleEN := "Nog in dienst? %s bij %s, %d weken na de start.", "Still employed? %s at %s, %d weeks after the start."
	if remind {
		column = "reminded_at"
		titleNL, titleEN = "Herinnering: nog in dienst? %s bij %s, %d weken na de start.", "Reminder: still employed? %s at %s, %d weeks after the start."
	}
	if err := tx.Exec(`UPDATE follow_ups SET `+column+` = ? WHERE id = ?`, s.now(), id).Error; err != nil {
		return false, err
	}
	am, err := s.Organisations.Accountmanager(ctx, tx, r.OrganisationID)
	if err != nil {
		return false, err
	}
	users, err := s.Organisations.OrganisationUsers(ctx, tx, r.OrganisationID)
	if err != nil {
		return false, err
	}
	return true, s.Notify.Notify(ctx, tx, notification.Notice{Kind: notification.FollowUpDue, Link: "/opvolging",
		TitleNL: fmt.Sprintf(titleNL, r.CandidateCode, r.OrganisationName, r.Week),
		TitleEN: fmt.Sprintf(titleEN, r.CandidateCode, r.OrganisationName, r.Week)}, append(users, am)...)
}
