package subsidy

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/audit"
	"github.com/werkhaven/werkhaven/backend/internal/authz"
	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The parameters editor: admins keep the periods of every parameter.
//
// Invariants:
//   - A national key's periods are national (region admins maintain them for
//     every region); a regional key's periods belong to the admin's own
//     region, and another region's period is not found (404).
//   - A period that has begun is never deleted, and a key never loses its
//     last period; values stay within their unit's range (ValueRange).
//   - Every change is audited (subsidy.parameter.created|updated|deleted)
//     in the transaction that makes it.

// Period is one stored period of a parameter.
type Period struct {
	ID string
	Value
	UpdatedAt time.Time
}

// Parameter is a definition with its periods, oldest first.
type Parameter struct {
	Definition
	Periods []Period
}

// NewPeriod is a period an admin adds.
type NewPeriod struct {
	Key       Key
	ValidFrom time.Time
	Value     int64
	Source    string
	CheckedOn *time.Time
}

// PeriodChange changes a period: nil keeps a field; ClearChecked empties
// checkedOn.
type PeriodChange struct {
	Value        *int64
	Source       *string
	CheckedOn    *time.Time
	ClearChecked bool
}

// ValueRange is the range a value of unit u must lie in.
func ValueRange(u Unit) (lo, hi int64) {
	switch u {
	case BasisPoints:
		return 0, 10000
	case Months:
		return 0, 60
	case Hours:
		return 1, 60
	case Days:
		return 0, 730
	case Years:
		return 0, 50
	default: // cents: up to € 1,000,000
		return 0, 100_000_000
	}
}

// firstDay is the earliest validFrom the table accepts.
var firstDay = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// Parameters lists every definition with its national periods and p's
// region's own.
func (s *Service) Parameters(ctx context.Context, p authz.Principal) ([]Parameter, error) {
	periods, err := periods(ctx, s.DB, p.RegionID)
	if err != nil {
		return nil, err
	}
	out := make([]Parameter, len(Definitions))
	for i, d := range Definitions {
		out[i] = Parameter{Definition: d, Periods: []Period{}}
		for _, pe := range periods {
			if pe.Key == d.Key {
				out[i].Periods = append(out[i].Periods, pe)
			}
		}
	}
	return out, nil
}

// AddPeriod stores a new period: national for a national key, p's
// region's for a regional one. The same key and day twice is a 409.
func (s *Service) AddPeriod(ctx context.Context, p authz.Principal, n NewPeriod, ip string) (Period, error) {
	d, ok := DefinitionOf(n.Key)
	var f apperr.Fields
	if !ok {
		f.Add("key", "unknown", msg.M("apperr.unknown", string(n.Key)))
	} else {
		checkValue(&f, d, n.Value)
	}
	if n.ValidFrom.Before(firstDay) {
		f.Add("validFrom", "tooEarly", msg.M("subsidy.validFromTooEarly", firstDay.Format(time.DateOnly)))
	}
	s.checkCheckedOn(&f, n.CheckedOn)
	if len(f) > 0 {
		return Period{}, &apperr.InvalidError{Fields: f}
	}
	region := ""
	if d.Scope == Regional {
		region = p.RegionID
	}
	var out Period
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := insertPeriod(ctx, tx, region, n, p.UserID)
		if err != nil {
			return err
		}
		out = row.period()
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "subsidy.parameter.created", IP: ip, SubjectType: "subsidy_parameter", SubjectID: out.ID,
			Details: map[string]any{"key": string(n.Key), "validFrom": n.ValidFrom.Format(time.DateOnly), "value": n.Value, "scope": string(d.Scope)}}))
	})
	return out, err
}

// UpdatePeriod changes a period's value, source or checkedOn.
func (s *Service) UpdatePeriod(ctx context.Context, p authz.Principal, id string, c PeriodChange, ip string) (Period, error) {
	var out Period
	err := s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPeriod(ctx, tx, p.RegionID, id)
		if err != nil {
			return err
		}
		d, _ := DefinitionOf(Key(row.Key))
		var f apperr.Fields
		before := row.Value
		if c.Value != nil {
			checkValue(&f, d, *c.Value)
			row.Value = *c.Value
		}
		if c.Source != nil {
			row.Source = *c.Source
		}
		if c.ClearChecked {
			row.CheckedOn = nil
		} else if c.CheckedOn != nil {
			s.checkCheckedOn(&f, c.CheckedOn)
			row.CheckedOn = c.CheckedOn
		}
		if len(f) > 0 {
			return &apperr.InvalidError{Fields: f}
		}
		if err := savePeriod(ctx, tx, &row, p.UserID); err != nil {
			return err
		}
		out = row.period()
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "subsidy.parameter.updated", IP: ip, SubjectType: "subsidy_parameter", SubjectID: id,
			Details: map[string]any{"key": row.Key, "validFrom": row.ValidFrom.Format(time.DateOnly), "valueBefore": before, "value": row.Value}}))
	})
	return out, err
}

// DeletePeriod removes a period that has not begun yet and is not its
// key's last.
func (s *Service) DeletePeriod(ctx context.Context, p authz.Principal, id, ip string) error {
	return s.DB.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := lockPeriod(ctx, tx, p.RegionID, id)
		if err != nil {
			return err
		}
		today := s.today()
		if !row.ValidFrom.After(today) {
			return &apperr.ConflictError{Code: "periodStarted", Msg: msg.M("subsidy.periodStarted", row.ValidFrom.Format(time.DateOnly))}
		}
		n, err := countPeriods(ctx, tx, row)
		if err != nil {
			return err
		}
		if n <= 1 {
			return &apperr.ConflictError{Code: "lastPeriod", Msg: msg.M("subsidy.lastPeriod")}
		}
		if err := tx.Delete(&parameterRow{}, "id = ?", id).Error; err != nil {
			return fmt.Errorf("delete subsidy parameter: %w", err)
		}
		return audit.Record(ctx, tx, audit.FromPrincipal(ctx, audit.Event{Action: "subsidy.parameter.deleted", IP: ip, SubjectType: "subsidy_parameter", SubjectID: id,
			Details: map[string]any{"key": row.Key, "validFrom": row.ValidFrom.Format(time.DateOnly), "value": row.Value}}))
	})
}

// today is the current day in the Netherlands, as a UTC date.
func (s *Service) today() time.Time {
	n := s.now().In(amsterdam)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

var amsterdam = func() *time.Location {
	l, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.UTC
	}
	return l
}()

func checkValue(f *apperr.Fields, d Definition, v int64) {
	if lo, hi := ValueRange(d.Unit); v < lo || v > hi {
		f.Add("value", "range", msg.M("subsidy.range", lo, hi))
	}
}

// checkCheckedOn refuses a check in the future.
func (s *Service) checkCheckedOn(f *apperr.Fields, on *time.Time) {
	if on != nil && on.After(s.today()) {
		f.Add("checkedOn", "future", msg.M("subsidy.checkedOnFuture"))
	}
}
