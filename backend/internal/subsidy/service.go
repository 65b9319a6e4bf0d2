package subsidy

import (
	"context"
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
