package subsidy

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/invite"
	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// SweepArgs runs the subsidies' daily timers (Sweep).
type SweepArgs struct{}

// Kind is River's name for the job.
func (SweepArgs) Kind() string { return "subsidy_sweep" }

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

// PeriodicJobs runs the sweep once a day (and at start; a second run the
// same day finds nothing new: every reminder and re-indexation is once).
func PeriodicJobs() []*river.PeriodicJob {
	return []*river.PeriodicJob{river.NewPeriodicJob(river.PeriodicInterval(24*time.Hour), func() (river.JobArgs, *river.InsertOpts) {
		return SweepArgs{}, &river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByPeriod: 24 * time.Hour}}
	}, &river.PeriodicJobOpts{RunOnStart: true})}
}

// SweepResult counts what one sweep did.
type SweepResult struct {
	Reindexed, Ended, DeadlineReminders, DecisionReminders, ReassessReminders int
}

// The reminder windows: a deadline is reminded 6 and 2 weeks before (or at
// once when less is left, once), a decision after 4 weeks of waiting, a
// re-assessment 6 weeks before its date.
const (
	remindEarly     = 42 * 24 * time.Hour
	remindLate      = 14 * 24 * time.Hour
	decisionWaiting = 28 * 24 * time.Hour
	runningSince    = -1 // years: the placements whose deadlines are watched
)

// Sweep re-indexes granted applications to a new minimum-wage period, ends
// the granted applications of ended placements, and sends the reminders
// that are due: the deadlines of the schemes each running placement may
// have, decisions waiting 4 weeks, and re-assessments. Each item commits on
// its own, with its notifications; one that fails does not hold up the rest.
func (s *Service) Sweep(ctx context.Context) (SweepResult, error) {
	var res SweepResult
	now := s.now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var errs []error
	run := func(query string, args []any, fn func(context.Context, *gorm.DB, string) (bool, error)) int {
		var ids []string
		if err := s.DB.WithContext(ctx).Raw(query, args...).Scan(&ids).Error; err != nil {
			errs = append(errs, err)
			return 0
		}
		return s.inTx(ctx, ids, fn, &errs)
	}
	res.Reindexed = run(`SELECT id::text FROM lks_applications WHERE state = 'granted' ORDER BY created_at`, nil,
		func(ctx context.Context, tx *gorm.DB, id string) (bool, error) { return s.reindex(ctx, tx, id, now) })
	res.Ended = run(`SELECT id::text FROM lks_applications WHERE state = 'granted' ORDER BY created_at`, nil, s.endIfPlacementEnded)
	res.DecisionReminders = run(`SELECT id::text FROM lks_applications WHERE state IN ('applied', 'assessed') AND created_at <= ? ORDER BY created_at`,
		[]any{now.Add(-decisionWaiting)}, func(ctx context.Context, tx *gorm.DB, id string) (bool, error) {
			return s.remindDecision(ctx, tx, id, now)
		})
	res.ReassessReminders = run(`SELECT id::text FROM lks_applications WHERE state = 'granted' AND reassess_on IS NOT NULL AND reassess_on >= ? AND reassess_on <= ? ORDER BY reassess_on`,
		[]any{today, today.Add(remindEarly)}, func(ctx context.Context, tx *gorm.DB, id string) (bool, error) {
			return s.remindReassessment(ctx, tx, id, now)
		})

	cases, err := s.Invites.RunningPlacements(ctx, s.DB, today.AddDate(runningSince, 0, 0))
	if err != nil {
		errs = append(errs, err)
	}
	for _, c := range cases {
		var n int
		err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			var err error
			n, err = s.remindDeadlines(ctx, tx, c, today, now)
			return err
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("placement %s: %w", c.Placement.ID, err))
		}
		res.DeadlineReminders += n
	}
	return res, errors.Join(errs...)
}

// inTx runs fn for every id in a transaction of its own and counts the ids
// fn acted on; errors are collected in errs.
func (s *Service) inTx(ctx context.Context, ids []string, fn func(context.Context, *gorm.DB, string) (bool, error), errs *[]error) int {
	n := 0
	for _, id := range ids {
		var did bool
		if err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) (err error) {
			did, err = fn(ctx, tx, id)
			return err
		}); err != nil {
			*errs = append(*errs, fmt.Errorf("lks application %s: %w", id, err))
		} else if did {
			n++
		}
	}
	return n
}

// reindex recomputes a granted amount with the minimum-wage period valid
// now, if that is a later one than the amount's: once per period (the log
// holds the period, unique per application).
func (s *Service) reindex(ctx context.Context, tx *gorm.DB, id string, now time.Time) (bool, error) {
	v, err := loadApplication(ctx, tx, system, id, true)
	if err != nil || v.State != string(Granted) || v.WageValuePercent == nil || v.MonthlyCents == nil || v.WMLValidFrom == nil {
		return false, err
	}
	params, err := s.Params(ctx, tx, v.RegionID, now, "")
	if err != nil {
		return false, err
	}
	period := params.Values[WMLMonth].ValidFrom
	if !period.After(*v.WMLValidFrom) {
		return false, nil
	}
	old := *v.MonthlyCents
	amount := LKSMonthly(params, Decimal(float64(v.Hours)), Decimal(v.FullTimeHours), Decimal(*v.WageValuePercent))
	if err := tx.Model(&ApplicationRow{}).Where("id = ?", id).
		Updates(map[string]any{"monthly_cents": amount, "wml_valid_from": period, "updated_at": now}).Error; err != nil {
		return false, err
	}
	if err := s.appendEvent(ctx, tx, id, AppEvent{Actor: BySystem, From: Granted, To: Granted, Code: CodeReindexed,
		AmountCents: &amount, PreviousCents: &old, Note: period.Format(time.DateOnly)}); err != nil {
		return false, err
	}
	nl, en := both(msg.M("lks.noticeReindexed", v.CandidateCode, msg.Cents(amount), period.Format("02-01-2006")))
	return true, s.tell(ctx, tx, v.OrganisationID, true, true, "/loonkostensubsidie/"+id, nl, en)
}

// endIfPlacementEnded ends a granted application whose placement ended.
func (s *Service) endIfPlacementEnded(ctx context.Context, tx *gorm.DB, id string) (bool, error) {
	v, err := loadApplication(ctx, tx, system, id, true)
	if err != nil || v.State != string(Granted) {
		return false, err
	}
	c, err := s.Invites.PlacementCase(ctx, tx, authz.Principal{RegionID: v.RegionID, Role: authz.Admin}, v.PlacementID)
	if err != nil || c.Placement == nil || c.Placement.EndedOn == nil {
		return false, err
	}
	if err := CheckStep(Granted, Ended, BySystem); err != nil {
		return false, err
	}
	if err := tx.Model(&ApplicationRow{}).Where("id = ?", id).Updates(map[string]any{"state": string(Ended), "updated_at": s.now()}).Error; err != nil {
		return false, err
	}
	if err := s.appendEvent(ctx, tx, id, AppEvent{Actor: BySystem, From: Granted, To: Ended, Code: string(Ended),
		Note: c.Placement.EndedOn.Format(time.DateOnly)}); err != nil {
		return false, err
	}
	nl, en := both(msg.M("lks.noticeEnded", v.CandidateCode))
	return true, s.tell(ctx, tx, v.OrganisationID, true, true, "/loonkostensubsidie/"+id, nl, en)
}

// remindDecision tells the accountmanager, once, that an application has
// waited 4 weeks for a decision.
func (s *Service) remindDecision(ctx context.Context, tx *gorm.DB, id string, now time.Time) (bool, error) {
	v, err := loadApplication(ctx, tx, system, id, true)
	if err != nil || (v.State != string(Applied) && v.State != string(Assessed)) {
		return false, err
	}
	if ok, err := remindOnce(ctx, tx, "decision/"+id, v.RegionID, now); err != nil || !ok {
		return false, err
	}
	nl, en := both(msg.M("lks.noticeDecisionWaiting", v.CandidateCode, v.OrganisationName))
	return true, s.tellKind(ctx, tx, notification.SubsidyDeadline, v.OrganisationID, false, true, "/loonkostensubsidie/"+id, nl, en)
}

// remindReassessment tells the organisation and its accountmanager, once
// per date, that the loonwaarde is to be re-assessed, and notes it in the log.
func (s *Service) remindReassessment(ctx context.Context, tx *gorm.DB, id string, now time.Time) (bool, error) {
	v, err := loadApplication(ctx, tx, system, id, true)
	if err != nil || v.State != string(Granted) || v.ReassessOn == nil {
		return false, err
	}
	on := v.ReassessOn.Format(time.DateOnly)
	if ok, err := remindOnce(ctx, tx, "reassess/"+id+"/"+on, v.RegionID, now); err != nil || !ok {
		return false, err
	}
	if err := s.appendEvent(ctx, tx, id, AppEvent{Actor: BySystem, From: Granted, To: Granted, Code: CodeReassessmentDue, Note: on}); err != nil {
		return false, err
	}
	nl, en := both(msg.M("lks.noticeReassess", v.CandidateCode, v.ReassessOn.Format("02-01-2006")))
	return true, s.tellKind(ctx, tx, notification.SubsidyDeadline, v.OrganisationID, true, true, "/loonkostensubsidie/"+id, nl, en)
}

// remindDeadlines reminds a running placement's organisation and its
// accountmanager of every deadline of the schemes it may have that has
// not passed and is not met: 6 weeks before and 2 weeks before, each once
// (a placement with less than 2 weeks left gets the second at once, and
// never the first).
func (s *Service) remindDeadlines(ctx context.Context, tx *gorm.DB, c invite.Case, today, now time.Time) (int, error) {
	pl := c.Placement
	ind, err := s.Candidates.Indications(ctx, tx, c.CandidateID)
	if err != nil {
		return 0, err
	}
	schemes := Applies(Facts{Contract: pl.ContractType, LKSIndicatie: ind.LKSIndicatie, Doelgroepregister: ind.Doelgroepregister})
	params, err := s.Params(ctx, tx, c.RegionID, pl.StartDate, "")
	if err != nil {
		return 0, nil // a start before the first minimum-wage period: no figures, no deadlines
	}
	var apps []struct {
		State    string
		Assessed bool
	}
	if err := tx.WithContext(ctx).Raw(`SELECT state, wage_value_percent IS NOT NULL AS assessed FROM lks_applications WHERE placement_id = ? AND state <> 'withdrawn'`,
		pl.ID).Scan(&apps).Error; err != nil {
		return 0, err
	}
	n := 0
	for _, d := range Deadlines(params, pl.StartDate, schemes) {
		left := d.Due.Sub(today)
		if left < 0 || met(d.Code, apps) {
			continue
		}
		stage := ""
		switch {
		case left <= remindLate:
			stage = "2w"
		case left <= remindEarly:
			stage = "6w"
		default:
			continue
		}
		due := d.Due.Format(time.DateOnly)
		ok, err := remindOnce(ctx, tx, fmt.Sprintf("deadline/%s/%s/%s/%s", pl.ID, d.Code, due, stage), c.RegionID, now)
		if err != nil {
			return n, err
		}
		if !ok {
			continue
		}
		link := "/uitnodigingen/" + c.InviteID
		if d.Code == "lksApply" {
			link = "/loonkostensubsidie/aanvragen?plaatsing=" + pl.ID
		}
		nl, en := both(deadlineMessage(d.Code, d.Due.Format("02-01-2006"), pl.StartDate.Format("02-01-2006")))
		if err := s.tellKind(ctx, tx, notification.SubsidyDeadline, c.OrganisationID, true, true, link, nl, en); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// met says whether a deadline's ask is already made: an LKS application
// meets lksApply, an assessed or decided one the end of the flat rate.
func met(code string, apps []struct {
	State    string
	Assessed bool
}) bool {
	for _, a := range apps {
		switch code {
		case "lksApply":
			return true
		case "lksFlatRateEnds":
			if a.Assessed || a.State == string(Refused) {
				return true
			}
		}
	}
	return false
}

// deadlineMessage is the reminder of a deadline code, due on due, for a
// placement that started on start.
func deadlineMessage(code, due, start string) msg.Message {
	switch code {
	case "lksApply":
		return msg.M("lks.deadlineLksApply", due, start)
	case "lksFlatRateEnds":
		return msg.M("lks.deadlineLksFlatRateEnds", due, start)
	case "lkvRequest":
		return msg.M("lks.deadlineLkvRequest", due, start)
	}
	return msg.M("lks.deadlineProefplaatsingEnds", due, start)
}
