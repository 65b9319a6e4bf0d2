package subsidy

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/notification"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// Service answers with the parameters of a day and region, and runs the
// LKS applications (application.go) and the subsidy reminders (jobs.go).
type Service struct {
	DB            *gorm.DB
	Invites       Invites
	Candidates    Candidates
	Openings      Openings
	Organisations Organisations
	Bookings      Bookings
	Notify        *notification.Service
	Now           func() time.Time
}

func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Params are the parameters that hold on day on for regionID ("" for the
// national ones alone). A day before the first minimum-wage period is
// invalid input naming field.
func (s *Service) Params(ctx context.Context, db *gorm.DB, regionID string, on time.Time, field string) (Params, error) {
	if db == nil {
		db = s.DB
	}
	vals, err := values(ctx, db, regionID)
	if err != nil {
		return Params{}, err
	}
	p, ok := Resolve(vals, regionID, on)
	if !ok {
		first := ""
		for _, v := range vals {
			if v.Key == WMLMonth && (first == "" || v.ValidFrom.Format(time.DateOnly) < first) {
				first = v.ValidFrom.Format(time.DateOnly)
			}
		}
		return Params{}, apperr.Invalid(field, "beforeFirstPeriod", msg.M("subsidy.beforeFirstPeriod", first))
	}
	return p, nil
}

// HourlyMinimum is the adult statutory minimum wage per hour in cents on
// day on, and the day its period began: a day after the last period uses
// the last, a day before the first the first (a placement's wage rule,
// invite.MinimumWage).
func (s *Service) HourlyMinimum(ctx context.Context, db *gorm.DB, on time.Time) (int64, time.Time, error) {
	if db == nil {
		db = s.DB
	}
	vals, err := values(ctx, db, "")
	if err != nil {
		return 0, time.Time{}, err
	}
	var cur, first *Value
	for i, v := range vals {
		if v.Key != WMLHour {
			continue
		}
		if first == nil || v.ValidFrom.Before(first.ValidFrom) {
			first = &vals[i]
		}
		if !v.ValidFrom.After(on) && (cur == nil || v.ValidFrom.After(cur.ValidFrom)) {
			cur = &vals[i]
		}
	}
	if cur == nil {
		cur = first
	}
	if cur == nil {
		return 0, time.Time{}, fmt.Errorf("no %s parameter stored: run `werkhaven migrate`", WMLHour)
	}
	return cur.Value, cur.ValidFrom, nil
}
