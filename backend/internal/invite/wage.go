package invite

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/werkhaven/werkhaven/backend/internal/platform/apperr"
	"github.com/werkhaven/werkhaven/backend/internal/platform/msg"
)

// The wage rule of a placement (hardening: a paid contract at 1 cent an
// hour was accepted):
//   - unpaid kinds (proefplaatsing, geen) carry no wage;
//   - a paid contract below the lowest youth minimum wage (30% of the adult
//     minimum, the rate for 15-year-olds) cannot be a wage and is refused;
//   - below the adult minimum wage it needs its reason: jeugdloon or
//     loondispensatie; at or above it, no reason.

// MinimumWage is the adult statutory minimum wage per hour (21 and older)
// on a day, and the day its period began: subsidy.Service keeps it per
// period with its source, editable by admins (docs/subsidies.md).
type MinimumWage interface {
	HourlyMinimum(ctx context.Context, db *gorm.DB, on time.Time) (int64, time.Time, error)
}

// lowestYouthShare is the youth minimum wage of a 15-year-old as a share
// of the adult minimum: below it no contract can pay.
const lowestYouthShare = 0.30

// WageReasons are why a paid placement may pay less than the adult minimum.
var WageReasons = []string{"jeugdloon", "loondispensatie"}

// Unpaid are the placement kinds that carry no wage.
var Unpaid = []string{"proefplaatsing", "geen"}

// checkWage adds what is wrong with a placement's wage to bad; min is the
// adult minimum per hour on the start day, from the day its period began.
func checkWage(bad *apperr.Fields, contract string, min int64, from time.Time, cents int64, reason string) {
	unpaid := false
	for _, u := range Unpaid {
		unpaid = unpaid || u == contract
	}
	if unpaid {
		if cents != 0 {
			bad.Add("hourlyWageCents", "unpaid", msg.M("invite.wageUnpaid"))
		}
		if reason != "" {
			bad.Add("belowMinimumWageReason", "unpaid", msg.M("invite.wageUnpaid"))
		}
		return
	}
	floor := int64(float64(min)*lowestYouthShare + 0.5)
	switch {
	case cents < floor:
		bad.Add("hourlyWageCents", "minimum", msg.M("invite.wageBelowAny", msg.Cents(floor), msg.Cents(min)))
	case cents < min && reason == "":
		bad.Add("hourlyWageCents", "belowMinimumWage", msg.M("invite.wageBelowMinimum", msg.Cents(min), from.Format(time.DateOnly)))
	case cents >= min && reason != "":
		bad.Add("belowMinimumWageReason", "notBelowMinimum", msg.M("invite.wageNotBelowMinimum", msg.Cents(min)))
	}
}
